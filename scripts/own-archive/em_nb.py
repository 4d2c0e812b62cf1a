"""Semi-supervised EM for multinomial NB (Nigam, McCallum, Thrun, Mitchell 2000), prototype.
Usage (from the repo root): python3 scripts/own-archive/em_nb.py bbc|ag HELD.jsonl [CORPORA_DIR/]
HELD.jsonl is what `train --holdout 0.2 --holdout-out` writes; training rows are the rest of the dev file.
Unlabelled text: UCI headlines and ECB+ articles, labels ignored. alpha, lambda (unlabelled weight) and
iterations are chosen by 5-fold CV (folds by position) on the training rows; held-out rows only report."""
import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import *
name=sys.argv[1]
D=sys.argv[3] if len(sys.argv)>3 else '../shared/data/corpora/'
allrows=load(D+f'categories-{name}.dev.jsonl'); held=load(sys.argv[2])
hid={r['id'] for r in held}
train=[r for r in allrows if r['id'] not in hid and r.get('topics')]
unl=[(r.get('headline',''),r.get('body','')) for r in load(D+'clusters-uci.dev.jsonl')]+[(r.get('headline',''),r.get('body','')) for r in load(D+'clusters-ecb.dev.jsonl')]
classes=sorted({r['topics'][0] for r in train})
Ttr=[terms(r.get('headline',''),r.get('body','')) for r in train]
seen={}
for t in Ttr:
    for k,v in t.items(): seen[k]=seen.get(k,0)+v
vocab={}
for k,v in seen.items():
    if '_' in k and v<2: continue
    vocab[k]=len(vocab)
def mat(T):
    rows=[];cols=[];vals=[]
    for i,t in enumerate(T):
        for k,v in t.items():
            j=vocab.get(k)
            if j is not None: rows.append(i);cols.append(j);vals.append(v)
    return sp.csr_matrix((vals,(rows,cols)),shape=(len(T),len(vocab)),dtype=float)
Xtr=mat(Ttr); Xu=mat([terms(h,b) for h,b in unl]); Xh=mat([terms(r.get('headline',''),r.get('body','')) for r in held])
y=np.array([classes.index(r['topics'][0]) for r in train]); K=len(classes)
acc_tr=[set(r['topics']) for r in train]; acc_h=[set(r['topics']) for r in held]
def fitc(C,pri,alpha):
    # C: K x V counts
    tot=C.sum(1,keepdims=True); V=C.shape[1]
    # vocabulary: terms with any count (like Java: counts.size()); approximate with all vocab in labelled part
    lw=np.log((C+alpha)/(tot+alpha*V)); lp=np.log(np.maximum(pri,0.5)/pri.sum())
    return lw,lp
def post(X,lw,lp):
    s=X@lw.T+lp; s-=s.max(1,keepdims=True); p=np.exp(s); return p/p.sum(1,keepdims=True)
def em(X,yy,alpha,lam,iters,Xu=Xu):
    Y=np.zeros((len(yy),K)); Y[np.arange(len(yy)),yy]=1
    CL=np.asarray((Y.T@X)) if not sp.issparse(Y.T@X) else (Y.T@X).toarray()
    CL=np.asarray(X.T@Y).T
    pri=Y.sum(0)
    lw,lp=fitc(CL,pri,alpha)
    for it in range(iters):
        P=post(Xu,lw,lp)
        CU=np.asarray(Xu.T@P).T
        lw,lp=fitc(CL+lam*CU,pri+lam*P.sum(0),alpha)
    return lw,lp
def accuracy(X,acc,lw,lp):
    pr=np.asarray((X@lw.T+lp)).argmax(1)
    return np.mean([classes[p] in a for p,a in zip(pr,acc)])
alphas=[1.0,0.3,0.1,0.03,0.01]; lams=[0,0.01,0.03,0.1,0.3,1.0]; its=[1,2,3,5,10]
n=len(train); res={}
for f in range(5):
    tr=np.array([i%5!=f for i in range(n)]); te=~tr
    for a in alphas:
        for l in lams:
            for it in (its if l>0 else [0]):
                lw,lp=em(Xtr[tr],y[tr],a,l,it)
                pr=np.asarray(Xtr[te]@lw.T+lp).argmax(1)
                r=sum(classes[p] in acc_tr[i] for p,i in zip(pr,np.where(te)[0]))
                res[(a,l,it)]=res.get((a,l,it),0)+r
best=max(res,key=lambda k:res[k])
for k in sorted(res,key=lambda k:-res[k])[:8]: print('cv',k,res[k]/n)
print('cv base alpha1',res[(1.0,0,0)]/n)
for k in [best,(1.0,0,0)]+[(a,0,0) for a in alphas]:
    lw,lp=em(Xtr,y,*k); print('held',k,round(accuracy(Xh,acc_h,lw,lp),4))
