"""NB + logistic regression on tf-idf (1 + ln tf, idf, L2-normalised rows), averaged in probability;
L2 strength and mixing weight chosen by 5-fold CV on the training rows. Same usage as em_nb.py."""
import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'em_nb.py')).read().split("alphas=")[0])
from scipy.optimize import minimize
def tfidf(X,idf):
    X=X.copy(); X.data=1+np.log(X.data); X=X.multiply(idf).tocsr()
    nr=np.sqrt(np.asarray(X.multiply(X).sum(1))).ravel(); nr[nr==0]=1
    return sp.diags(1/nr)@X
def lr(X,yy,lam):
    V=X.shape[1]; Y=np.zeros((len(yy),K)); Y[np.arange(len(yy)),yy]=1
    def f(w):
        W=w[:K*V].reshape(K,V); b=w[K*V:]
        s=np.asarray(X@W.T)+b; s-=s.max(1,keepdims=True); p=np.exp(s); z=p.sum(1,keepdims=True); p/=z
        loss=-(Y*(s-np.log(z))).sum()+lam*0.5*(W*W).sum()
        G=p-Y; gW=np.asarray(X.T@G).T+lam*W; gb=G.sum(0)
        return loss,np.concatenate([gW.ravel(),gb])
    r=minimize(f,np.zeros(K*V+K),jac=True,method='L-BFGS-B',options={'maxiter':300})
    return r.x[:K*V].reshape(K,V),r.x[K*V:]
def idfof(X):
    df=np.asarray((X>0).sum(0)).ravel(); return np.log((X.shape[0]+1)/(df+1))+1
lams=[0.01,0.03,0.1,0.3,1.0]; ws=[0,0.25,0.5,0.75,1.0]
n=len(train); res={}
for f in range(5):
    tr=np.array([i%5!=f for i in range(n)]); te=~tr; idx=np.where(te)[0]
    idf=idfof(Xtr[tr]); A=tfidf(Xtr[tr],idf); B=tfidf(Xtr[te],idf)
    nbw,nbp=em(Xtr[tr],y[tr],1.0,0,0); Pnb=post(Xtr[te],nbw,nbp)
    for l in lams:
        W,b=lr(A,y[tr],l); s=np.asarray(B@W.T)+b; s-=s.max(1,keepdims=True); Plr=np.exp(s); Plr/=Plr.sum(1,keepdims=True)
        for w in ws:
            pr=(w*Plr+(1-w)*Pnb).argmax(1)
            res[(l,w)]=res.get((l,w),0)+sum(classes[p] in acc_tr[i] for p,i in zip(pr,idx))
for k in sorted(res,key=lambda k:-res[k])[:10]: print('cv',k,res[k]/n)
best=max(res,key=lambda k:res[k])
idf=idfof(Xtr); A=tfidf(Xtr,idf); B=tfidf(Xh,idf); nbw,nbp=em(Xtr,y,1.0,0,0); Pnb=post(Xh,nbw,nbp)
for l in lams:
    W,b=lr(A,y,l); s=np.asarray(B@W.T)+b; s-=s.max(1,keepdims=True); Plr=np.exp(s); Plr/=Plr.sum(1,keepdims=True)
    for w in ws:
        pr=(w*Plr+(1-w)*Pnb).argmax(1); print('held',(l,w),round(np.mean([classes[p] in a for p,a in zip(pr,acc_h)]),4),'<-- CV choice' if (l,w)==best else '')
