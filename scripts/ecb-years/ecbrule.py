"""Consolidated 'time evidence + marks rerank' rule on top of cluster-marks-prototype (via gen.run).
Story features (bodies only; headline-only stories get none, so they behave exactly as before):
  EY  = years 1950-2039 in headline + first `ey_n` chars of body ("dateline years")
  YR  = all years 1950-2039 in headline + body
  MD  = month-day dates in headline+body ("Dec. 11", "April 28", "11 December")
  WD  = weekday names in headline + first `wd_n` chars of body
Cluster keeps the unions (with counts) of its members' YR, MD, WD.
  pos  = MD(story) & MD(cluster)  or  EY(story) & YR(cluster)
  conf = [EY(story) nonempty, YR(cluster) nonempty, disjoint]  or  [WD(story), WD(cluster) nonempty, disjoint]
Decision for a story with a body:
  candidates: clusters from the 8 term buckets, cosine s to the centroid
  eligible if s >= th (0.25; 0.12 for bodies < 200 chars), or s >= floor (0.18) when pos (bodies >= 200)
  order eligible candidates by s + lam*mc + mu*t   (mc = marks cosine, t = +1 pos, -1 conf & not pos, 0 else)
  take the first that is not refused:
    refused if s < sure_t (0.5) and conf and not pos           (time veto)
    refused if s < sure (0.4) and mc < agree (0.1) and not pos (existing marks check, exempted by pos)
  none left -> new cluster.
"""
from gen import *
from feats import YRE, WDRE, MDRE, DMRE, monthdays, years, text
import argparse
def early(h,p,n):
    t=(h+'\n'+'\n'.join(p))[:len(h)+n]
    return {m.group(0) for m in YRE.finditer(t)}
def wd_lead(h,p,n):
    t=(h+'\n'+'\n'.join(p))[:len(h)+n] if n else text(h,p)
    return {m.group(0).lower() for m in WDRE.finditer(t)}
YR=[set(years(h,p)) if p else set() for h,p,_ in S]
MD=[set(monthdays(h,p)) if p else set() for h,p,_ in S]
_cache={}
def feats(ey_n, wd_n):
    k=(ey_n,wd_n)
    if k not in _cache:
        _cache[k]=([early(h,p,ey_n) if p else set() for h,p,_ in S],[wd_lead(h,p,wd_n) if p else set() for h,p,_ in S])
    return _cache[k]
def config(lam=0.5, mu=0.2, sure_t=0.5, floor=0.18, exempt=True, ey_n=250, wd_n=400, use_y=True, use_w=True, use_md=True, use_eypos=True,
           sure=0.4, agree=0.1, dom=0.0):
    EY,WD=feats(ey_n,wd_n)
    def extra(C,i,v,m,story,gi):
        for k,X in (('yr',YR),('md',MD),('wd',WD)):
            C.setdefault(k,Counter()).update(X[gi])
            if X[gi]: C[k+'_n']=C.get(k+'_n',0)+1
    def ev(gi,C):
        cy=set(C.get('yr',())); cmd=set(C.get('md',())); cw=set(C.get('wd',()))
        pos = (use_md and bool(MD[gi]&cmd)) or (use_eypos and bool(EY[gi]&cy))
        if dom>0:
            cy={k for k,x in C.get('yr',{}).items() if x>=dom*C.get('yr_n',0)}
            cw={k for k,x in C.get('wd',{}).items() if x>=dom*C.get('wd_n',0)}
        conf = (use_y and bool(EY[gi]) and bool(cy) and not (EY[gi]&cy)) or (use_w and bool(WD[gi]) and bool(cw) and not (WD[gi]&cw))
        return pos, conf
    def choose(ctx, order_c, clusters):
        def key(e):
            s,c=e; C=clusters[c]; cm=C['mfiled']
            mc=cp.cos(ctx['m'],cm) if ctx['m'] and cm else 0.0
            t=0
            if ctx['blen']>0:
                pos,conf=ev(ctx['gi'],C); t = 1 if pos else (-1 if conf else 0)
            return (-(s+lam*mc+mu*t), c)
        hi=[e for e in order_c if e[0]>=ctx['th']]; lo=[e for e in order_c if e[0]<ctx['th']]
        return sorted(hi,key=key)+sorted(lo,key=key)
    def accept(c):
        if c['blen']==0:
            return not (c['s']<sure and c['mc'] is not None and c['mc']<agree)
        pos,conf=ev(c['gi'],c['C'])
        if c['s']<sure_t and conf and not pos: return False
        if c['s']<sure and c['mc'] is not None and c['mc']<agree and not (exempt and pos): return False
        return True
    def low_ok(c):
        return c['blen']>0 and ev(c['gi'],c['C'])[0]
    return dict(check=False, choose=choose, accept=accept, extra=extra, floor=floor, low_ok=low_ok)
if __name__=='__main__':
    evaluate(run,'baseline')
    evaluate(run,'BEST',**config())
