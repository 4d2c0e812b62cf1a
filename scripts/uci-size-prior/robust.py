"""Re-draw each gold story's start within the week (within-story gaps kept), re-sort by time: new interleavings."""
import sys, random; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from variants import *
S0=load('/work/shared/data/corpora/clusters-uci.dev.jsonl')
first={}
for d in S0: first.setdefault(d['story'],d['t'])
t0=min(first.values()); span=max(first.values())-t0
def redraw(seed):
    r=random.Random(seed); off={s:t0+r.random()*span-first[s] for s in first}
    S=[dict(d,t=d['t']+off[d['story']]) for d in S0]
    S.sort(key=lambda d:d['t']); return S
if __name__=="__main__":
    configs=[('baseline',Cfg()),]
    for g,th in ((0.1,0.13),(0.1,0.14),(0.1,0.15),(0.15,0.15),(0.15,0.17)):
        c=Cfg(th=th); c.score=size_score(g); configs.append(('size^%.2f th%.2f'%(g,th),c))
    for seed in (1,2,3):
        S=redraw(seed)
        for name,c in configs:
            pred,_=run(S,c); report(S,pred,'seed%d %s'%(seed,name))
    