"""Own-archive NB combined with the shipped model (the jar's model.tsv), prototype.
Usage (repo root): python3 scripts/own-archive/nb_shipped.py bbc|ag [CORPORA_DIR/]   (~10 s each)
The split is TrainCommand.heldOut's (features.held_out, 20%), computed here. Every setting is chosen by 5-fold
CV (folds by position, as CategoryTrainer) on the training rows; the held-out rows only report.
The shipped model scores 17 topics; an archive class c stands for the topics of its training rows (AG's
"World", first listed politics, also lists conflict, disaster, crime), and its shipped score is the best of those.
Families: lin: log NB + w * shipped score; logshare: log NB + w * ln(shipped share of positive evidence + 0.001);
pmix: (1 - w) * NB posterior + w * shipped share; prior: Laplace pseudo-counts alpha * K * softmax(beta * shipped
weights) per word, words only the shipped model knows included; cnb: complement NB on tf-idf (Rennie et al. 2003),
scores over their row s.d., + w * shipped score; stack: multinomial LR on out-of-fold NB log posteriors and the
shipped scores. 'CV' is the best grid point's own CV accuracy (optimistic); 'nested' chooses the setting inside
each outer fold's training part, the honest estimate of what `train` would get by choosing it with CV."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import *
name=sys.argv[1]
D=sys.argv[2] if len(sys.argv)>2 else '../shared/data/corpora/'
here=os.path.dirname(os.path.abspath(__file__))
rows=load(D+f'categories-{name}.dev.jsonl')
train=[r for r in rows if not held_out(r['id']) and r.get('topics')]
held=[r for r in rows if held_out(r['id'])]
classes=sorted({r['topics'][0] for r in train}); K=len(classes); n=len(train)
y=np.array([classes.index(r['topics'][0]) for r in train])
acc_tr=[set(r['topics']) for r in train]; acc_h=[set(r['topics']) for r in held]
ship={}; hdr={}
for line in open(os.path.join(here,'../../src/main/resources/io/wirestream/classify/model.tsv')):
    f=line.rstrip('\n').split('\t')
    if line.startswith('#') or not line.strip(): continue
    if 'bias' not in hdr: hdr[f[0]]=f[1:]
    else: ship[f[0]]=np.array([float(x) for x in f[1:]])
ship_classes=hdr['classes']; ship_bias=np.array([float(x) for x in hdr['bias']])
sng=int(hdr.get('ngrams',['1'])[0]); shw=int(hdr.get('headline',['2'])[0])
svocab={k:i for i,k in enumerate(ship)}; Wsh=np.array([ship[k] for k in svocab])
text=lambda r:(r.get('headline',''),r.get('body',''))
def shipmat(rs): return matrix([terms(*text(r),sng,shw) for r in rs],svocab,lambda v:1+math.log(v))
Ztr=shipmat(train); Zh=shipmat(held); Str=np.asarray(Ztr@Wsh)+ship_bias; Sh=np.asarray(Zh@Wsh)+ship_bias
Ttr=[terms(*text(r)) for r in train]; Th=[terms(*text(r)) for r in held]
vocab=archive_vocab(Ttr)
allv=dict(vocab)
for k in svocab: allv.setdefault(k,len(allv))
Xtr=matrix(Ttr,allv); Xh=matrix(Th,allv); sidx=np.array([allv[k] for k in svocab]); inarch=np.zeros(len(allv),bool); inarch[:len(vocab)]=True
def mapping(idx):
    m=[set() for _ in range(K)]
    for i in idx: m[y[i]].update(train[i]['topics'])
    return [[ship_classes.index(t) for t in s if t in ship_classes] for s in m]
def restrict(S,mp): return np.stack([S[:,mp[c]].max(1) for c in range(K)],1)
def share(F):
    P=np.maximum(F,0); t=P.sum(1,keepdims=True); return np.where(t>0,P/np.where(t>0,t,1),1.0/K)
def lsm(s): s=s-s.max(1,keepdims=True); return s-np.log(np.exp(s).sum(1,keepdims=True))
def nb(idx,alpha,beta=0.0,mp=None,unseen=False):
    """CategoryTrainer.fit (terms of the fold's training rows, V = their number); beta > 0: shipped per-word prior."""
    Y=np.eye(K)[y[idx]]; C=np.asarray(Xtr[idx].T@Y).T; present=(C.sum(0)>0)&inarch
    A=np.full(C.shape,alpha)
    if beta>0:
        B=restrict(Wsh,mp)*beta; E=np.exp(B-B.max(1,keepdims=True)); A[:,sidx]=alpha*K*(E/E.sum(1,keepdims=True)).T
        if unseen: present=present.copy(); present[sidx]=True
    A=A*present; lw=np.log((C+A+1e-300)/(C.sum(1,keepdims=True)+A.sum(1,keepdims=True))); lw[:,~present]=0
    return lambda X: np.asarray(X@lw.T)+np.log(np.maximum(Y.sum(0),0.5)/len(idx))
def cnb(idx,alpha):
    df=np.asarray((Xtr[idx]>0).sum(0)).ravel(); N=len(idx); present=(df>0)&inarch
    def tfidf(X):
        Z=X.copy(); Z.data=np.log1p(Z.data); Z=Z@sp.diags(np.log(N/(1+df))*present)
        nr=np.sqrt(np.asarray(Z.multiply(Z).sum(1))).ravel(); nr[nr==0]=1; return sp.diags(1/nr)@Z
    C=np.asarray(tfidf(Xtr[idx]).T@np.eye(K)[y[idx]]).T; comp=C.sum(0,keepdims=True)-C
    w=np.log((comp+alpha)/(comp.sum(1,keepdims=True)+alpha*present.sum())); w[:,~present]=0; w/=np.abs(w).sum(1,keepdims=True)
    def score(X): s=-np.asarray(tfidf(X)@w.T); return s/(s.std(1,keepdims=True)+1e-12)
    return score
def lr_fit(M,yy,l2,iters=300):
    W=np.zeros((M.shape[1],K)); Y=np.eye(K)[yy]
    for _ in range(iters): W-=0.5*(M.T@(np.exp(lsm(M@W))-Y)/len(yy)+l2*W)
    return W
def stackfeat(lp,F): return np.hstack([np.maximum(lp,-30)/10,F,np.log(share(F)+1e-3)/3,np.ones((len(F),1))])
def folds(idx): return [(idx[np.arange(len(idx))%5!=f],idx[np.arange(len(idx))%5==f]) for f in range(5)]
AL=[1.0,0.3,0.1,0.03,0.01]
FAM={  # family -> (grid, predict(train idx, setting, test X, test shipped scores) -> class index)
 'lin':([(a,w) for a in AL for w in [0,0.5,1,2,4,8,16,32]],lambda tr,s,X,S,mp:(nb(tr,s[0])(X)+s[1]*restrict(S,mp)).argmax(1)),
 'logshare':([(a,w) for a in AL for w in [0,0.25,0.5,1,2,4,8,16]],lambda tr,s,X,S,mp:(nb(tr,s[0])(X)+s[1]*np.log(share(restrict(S,mp))+1e-3)).argmax(1)),
 'pmix':([(a,w) for a in AL for w in [0,0.05,0.1,0.2,0.3,0.5,0.7]],lambda tr,s,X,S,mp:((1-s[1])*np.exp(lsm(nb(tr,s[0])(X)))+s[1]*share(restrict(S,mp))).argmax(1)),
 'prior':([(a,b,u) for a in [1.0,0.3,0.1] for b in [0,1,2,5,10,20] for u in (False,True)],lambda tr,s,X,S,mp:nb(tr,s[0],s[1],mp,s[2])(X).argmax(1)),
 'cnb':([(a,w) for a in [1.0,0.3,0.1] for w in [0,0.05,0.1,0.2,0.3,0.5,1.0]],lambda tr,s,X,S,mp:(cnb(tr,s[0])(X)+s[1]*restrict(S,mp)).argmax(1)),
}
def stack_predict(tr,s,X,S,mp):
    oof=np.zeros((len(tr),K))
    for a,b in folds(np.arange(len(tr))): oof[b]=lsm(nb(tr[a],1.0)(Xtr[tr[b]]))
    W=lr_fit(stackfeat(oof,restrict(Str[tr],mp)),y[tr],s[0]); return (stackfeat(lsm(nb(tr,1.0)(X)),restrict(S,mp))@W).argmax(1)
FAM['stack']=([(l,) for l in [1e-2,1e-3,1e-4]],stack_predict)
def right(pr,idx,acc): return np.array([classes[p] in acc[i] for p,i in zip(pr,idx)])
def cv(fam,idx):
    grid,pred=FAM[fam]; tot={s:0 for s in grid}
    for tr,te in folds(idx):
        mp=mapping(tr)
        for s in grid: tot[s]+=right(pred(tr,s,Xtr[te],Str[te],mp),te,acc_tr).sum()
    return max(grid,key=lambda s:tot[s]), tot   # ties: the first in grid order (stronger smoothing, smaller w)
idx=np.arange(n); mp=mapping(idx)
print(f'{name}: train {n}, held out {len(held)}; shipped model alone (restricted): training rows',
      f'{right(restrict(Str,mp).argmax(1),idx,acc_tr).mean():.4f}, held out {right(restrict(Sh,mp).argmax(1),range(len(held)),acc_h).mean():.4f}')
rn=right(nb(idx,1.0)(Xh).argmax(1),range(len(held)),acc_h); rs=right(restrict(Sh,mp).argmax(1),range(len(held)),acc_h)
print(f'held out: NB right {rn.sum()}, shipped right {rs.sum()}, both wrong {(~rn&~rs).sum()} (any arbiter between them: at most'
      f' {(rn|rs).mean():.4f}); only NB right {(rn&~rs).sum()}, only shipped right {(~rn&rs).sum()}')
for fam in (sys.argv[3].split(',') if len(sys.argv)>3 else FAM):
    pred=FAM[fam][1]; best,tot=cv(fam,idx); base=max((s for s in tot if s[1:2]==(0,) or fam=='stack'),key=lambda s:tot[s])
    h=right(pred(idx,best,Xh,Sh,mp),range(len(held)),acc_h)
    nested=0
    if fam in ('lin','logshare'):
        for tr,te in folds(idx):
            nested+=right(pred(tr,cv(fam,tr)[0],Xtr[te],Str[te],mapping(tr)),te,acc_tr).sum()
    hs=[right(pred(idx,s,Xh,Sh,mp),range(len(held)),acc_h).mean() for s in FAM[fam][0]]
    print(f'{fam:9s} CV {tot[best]/n:.4f} at {best} (w 0 best: {tot[base]/n:.4f} at {base})'
          +(f', nested CV {nested/n:.4f}' if nested else '')+f'; held out {h.mean():.4f} ({h.sum()}/{len(h)});'
          f' held out over the grid {min(hs):.3f} to {max(hs):.3f}', flush=True)
