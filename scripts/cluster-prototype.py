"""Prototype of the same-event clustering of io.wirestream.sameness (TermVectors, term buckets, centroids),
for ECB-like corpora without publication times (no recency decay): B-cubed F1 per join threshold, with the
term-bucket candidate retrieval (8 keys, 30 clusters a bucket, newest kept) or every cluster as candidate.
Reads the bundled IDF table. It tracks the Java eval within about 0.01 (docs/quality.md)."""
import json, math, os, re, sys
from collections import defaultdict
STOP=set(("a an the and or but if of to in on at by for with from as is are was were be been "
 "being it its this that these those he she they we you i his her their our your them him us not no nor so than too very "
 "can will would should could may might must shall do does did done have has had having says said say new over after "
 "before up down out into about more most some any all also just then there here what which who whom whose when where why "
 "how while during against between through under again further once only own same other such both each few until off one "
 "two three first last year years week day days time report reports update updates news today yesterday tomorrow get gets "
 "got make makes made take takes like "
 "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
 "september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
 "ap afp reuters dpa pti ani ians uni xinhua aap efe ansa kyodo yonhap upi anadolu pa ntb stt tt ritzau cp bbc "
 "cnn tass wam irna spa apa").split())
def stem(w):
    if len(w)>4 and w.endswith("ies"): return w[:-3]+"y"
    if len(w)>3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"): return w[:-1]
    return w
def terms(text):
    out=[]
    if not text: return out
    n=text.lower()
    for m in re.finditer(r"[^\W_]+",n):
        w=m.group(0)
        if len(w)<2 or w in STOP or (w.isdigit() and len(w)!=4): continue
        out.append(stem(w))
    return out
# possessive: "iran's" -> "iran" then "s" is 1-char dropped anyway, so equal.
df={}; N=0
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','src/main/resources/io/wirestream/sameness/idf.tsv')):
    t,c=line.rstrip('\n').split('\t')
    if t=='#documents': N=int(c)
    else: df[t]=int(c)
def idf(t):
    c=df.get(t); return math.log((N+1)/((c if c is not None else 0)+1))+1
def top(w,n):
    kept=sorted([(t,x) for t,x in w.items() if x>0], key=lambda e:(-e[1],e[0]))[:n]
    norm=math.sqrt(sum(x*x for _,x in kept)) or 1
    return {t:x/norm for t,x in kept}
def vec(h,paras,lead=800,nterms=40,hw=2.0,idff=idf,tfw=lambda c:1+math.log(c),names=frozenset(),k=1.0):
    tf=defaultdict(float)
    for t in terms(h): tf[t]+=hw
    budget=lead
    for p in paras:
        if budget<=0: break
        part=p[:budget] if len(p)>budget else p
        budget-=len(p)
        for t in terms(part): tf[t]+=1
    w={t:tfw(c)*idff(t)*(k if t in names else 1) for t,c in tf.items()}
    return top(w,nterms)
def cos(a,b):
    if len(a)>len(b): a,b=b,a
    return sum(x*b.get(t,0) for t,x in a.items())
def load(path):
    S=[]
    for l in open(path):
        d=json.loads(l)
        paras=[p.strip() for p in (d.get('body') or '').split('\n') if p.strip()]
        S.append((d['headline'],paras,d['story']))
    return S
def bcubed(pred,gold):
    from collections import Counter
    n=len(pred); P=R=0
    pc=defaultdict(list); gc=defaultdict(list)
    for i in range(n): pc[pred[i]].append(i); gc[gold[i]].append(i)
    for i in range(n):
        same=[j for j in pc[pred[i]] if gold[j]==gold[i]]
        P+=len(same)/len(pc[pred[i]]); R+=len(same)/len(gc[gold[i]])
    P/=n;R/=n; return P,R,2*P*R/(P+R)
def cluster(S,vecs,th=0.25,keys=8,bucketcap=30,centterms=100,exhaustive=False,score=None):
    clusters=[] # dict: sum, filed
    buckets=defaultdict(list)
    pred=[]
    for i,v in enumerate(vecs):
        cands=set()
        if exhaustive: cands=set(range(len(clusters)))
        else:
            for t in sorted(v,key=lambda t:(-v[t],t))[:keys]:
                cands.update(buckets[t])
        best=None;bs=0
        for c in cands:
            s=cos(v,clusters[c]['filed']) if score is None else score(i,v,clusters[c])
            if s>=th and (s>bs):
                best=c;bs=s
        if best is None:
            best=len(clusters); clusters.append({'sum':{},'members':[], 'filed':v})
        c=clusters[best]
        for t,x in v.items(): c['sum'][t]=c['sum'].get(t,0)+x
        c['sum']=dict(sorted(c['sum'].items(),key=lambda e:(-e[1],e[0]))[:centterms])
        c['members'].append(i)
        c['filed']=top(c['sum'],40)
        if not exhaustive:
            want=set(sorted(c['filed'],key=lambda t:(-c['filed'][t],t))[:keys])|set(sorted(v,key=lambda t:(-v[t],t))[:keys])
            for t in want:
                if best not in buckets[t]: buckets[t].append(best)
                # cap: keep largest cluster-id strings; approximate by newest ids (founder index)
                if len(buckets[t])>bucketcap:
                    buckets[t].sort(); buckets[t]=buckets[t][-bucketcap:]
        pred.append(best)
    return pred
Q=set(" \t\"'`\u201c\u201d\u2018\u2019(")
def names(paras):
    """Words capitalised inside a sentence and never written in lower case (TermVectors.names)."""
    out=set(); lower=set()
    for p in paras:
        for m in re.finditer(r"[^\W_]+",p):
            w=m.group(0); i=m.start()-1
            while i>=0 and p[i] in Q: i-=1
            start = i<0 or p[i] in '.!?'
            if w[0].isupper() and not start: out.add(stem(w.lower()))
            elif w[0].islower(): lower.add(stem(w.lower()))
    return out-lower
def vecN(h,paras,k=2.0,lead=1000,nterms=40,hw=2.0):
    return vec(h,paras,lead=lead,nterms=nterms,hw=hw,names=names(paras) if sum(len(p) for p in paras)>=200 else set(),k=k)
if __name__=='__main__':
    # python3 scripts/cluster-prototype.py ../shared/data/corpora/clusters-ecb.dev.jsonl
    S=load(sys.argv[1]); gold=[s[2] for s in S]
    for name,vecs in [('before (800 chars, no names)',[vec(h,p) for h,p,_ in S]),
                      ('after (1000 chars, names 2x)',[vecN(h,p) for h,p,_ in S])]:
        for ex in (False,True):
            print(name,'exhaustive' if ex else 'term buckets',
                  ' '.join('%.2f:%.4f'%(th,bcubed(cluster(S,vecs,th=th,exhaustive=ex),gold)[2]) for th in (0.22,0.25,0.28,0.3,0.33)),flush=True)
