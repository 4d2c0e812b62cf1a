"""Generalised single-pass run (reproduces cluster-marks-prototype.run) with hooks.
accept(ctx) -> bool decides whether candidate cluster c (score s >= threshold) may be joined."""
from harness import *
def topn(d,n): return sorted(d, key=lambda t:(-d[t],t))[:n]
def run(o, th=0.25, sth=0.12, sure=0.4, agree=0.1, K=32, keys=8, bucketcap=20, check=True,
        accept=None, log=None, keep_members=3, extra=None, trace=None, choose=None, floor=None, low_ok=None):
    Ss=[S[i] for i in o]; Vs=[V[i] for i in o]; Ms=[M[i] for i in o]
    clusters=[]; buckets=defaultdict(list); pred=[]
    for i,v in enumerate(Vs):
        blen=sum(len(p) for p in Ss[i][1])
        th_i = sth if blen < 200 else th
        cands=set().union(*[buckets[t] for t in topn(v,keys)]) if v else set()
        best=None
        if trace is not None:
            trace.append((o[i],[(s,(cp.cos(Ms[i],clusters[c]['mfiled']) if Ms[i] and clusters[c]['mfiled'] else None),clusters[c]['gc'].most_common(1)[0][0],len(clusters[c]['members'])) for c in cands for s in [cp.cos(v,clusters[c]['filed'])] if s>=th_i]))
        order_c = sorted(((cp.cos(v,clusters[c]['filed']),c) for c in cands), key=lambda e:(-e[0],e[1]))
        if choose is not None: order_c = choose(dict(i=i,v=v,m=Ms[i],gi=o[i],blen=blen,th=th_i), order_c, clusters)
        for s,c in order_c:
            if s < th_i:
                if floor is None or blen < 200 or s < floor: 
                    if floor is None: break
                    continue
                if not low_ok(dict(i=i,s=s,C=clusters[c],v=v,m=Ms[i],gi=o[i],blen=blen)): continue
            C=clusters[c]; cmf=C['mfiled']
            mc = cp.cos(Ms[i],cmf) if (Ms[i] and cmf) else None
            ok=True
            if check and s < sure and mc is not None and mc < agree: ok=False
            if ok and accept is not None:
                ok = accept(dict(i=i,s=s,C=C,v=v,m=Ms[i],mc=mc,blen=blen,story=Ss[i],gi=o[i],th=th_i))
            if log is not None:
                log.append(dict(gi=o[i], s=s, mc=mc, n=len(C['members']), ok=ok, seedg=C['gold'], gold=gold[o[i]],
                                cs=cp.cos(v,C['seedv']), ms=(cp.cos(Ms[i],C['seedm']) if Ms[i] and C['seedm'] else None),
                                blen=blen, sims=list(C['sims'])))
            if not ok: continue
            best=c; break
        if best is None:
            best=len(clusters)
            clusters.append({'sum':{},'msum':{},'filed':v,'mfiled':cp.top(Ms[i],K),'members':[], 'seedv':v,'seedm':Ms[i],
                             'gold':gold[o[i]],'mvecs':[],'mmarks':[],'sims':[]})
        C=clusters[best]
        C['sims'].append(cp.cos(v,C['filed']) if C['members'] else None)
        for key,x in (('sum',v),('msum',Ms[i])):
            for t,w in x.items(): C[key][t]=C[key].get(t,0)+w
            C[key]=dict(sorted(C[key].items(), key=lambda e:(-e[1],e[0]))[:100])
        C['filed']=cp.top(C['sum'],40); C['mfiled']=cp.top(C['msum'],K)
        C['members'].append(i); C.setdefault('gc',Counter())[gold[o[i]]]+=1
        if len(C['mvecs'])<keep_members: C['mvecs'].append(v); C['mmarks'].append(Ms[i])
        if extra: extra(C, i, v, Ms[i], Ss[i], o[i])
        want=set(topn(C['filed'],keys))|set(topn(v,keys))
        for t in want:
            if best not in buckets[t]: buckets[t].append(best)
            if len(buckets[t])>bucketcap: buckets[t].sort(); buckets[t]=buckets[t][-bucketcap:]
        pred.append(best)
    return pred
if __name__=='__main__':
    evaluate(run,'gen baseline')
