"""Live-safe variant of ecbrule (years only, own-year ignored).
  (a) no month-day pos, no weekday conflict (use_md=False, use_w=False)
  (b) years equal to the story's publication year or the year before are dropped from EY and YR before any use.
      ECB has no publication times; every story's event time is 2020-01-01, so IGNORE={2019,2020}.
Rule (a)+(b): EY = dateline years (headline + first 250 body chars, 1950-2039) minus IGNORE; YR = all years minus IGNORE;
  cluster keeps union of members' YR.  pos = EY(story) & YR(cluster);  conf = EY(story), YR(cluster) nonempty and disjoint.
  eligible: s >= th (0.25; 0.12 bodies<200) or s >= 0.18 when pos (bodies >= 200)
  rank eligible by s + 0.5*mc + 0.2*t  (t=+1 pos, -1 conf&!pos, 0)         [variant (c): plain s, i.e. lam=mu=0]
  refuse if s < 0.5 and conf and not pos;  refuse if s < 0.4 and mc < 0.1 and not pos;  first not refused wins, else new cluster.
"""
import sys, random
import harness
import ecbrule
from ecbrule import *
IGNORE={'2019','2020'}
# which ECB years are affected?
allyr=Counter(); hit=0
for i,(h,p,_) in enumerate(S):
    if p:
        ys=set(years(h,p)); allyr.update(ys)
        if ys & IGNORE: hit+=1
print('ECB stories with a body containing 2019/2020:', hit, '| counts:', {y:allyr[y] for y in sorted(IGNORE)})
print('ECB year distribution (stories):', sorted(allyr.items()))
def live(ignore=IGNORE):
    ecbrule.YR[:] = [set(y)-ignore for y in YR0]
    EYc,_ = ecbrule.feats(250,400); EYc[:] = [set(y)-ignore for y in EY0]
YR0=[set(y) for y in ecbrule.YR]; EY0=[set(y) for y in ecbrule.feats(250,400)[0]]
live()
def heldout(label, **kw):
    res=[cp.bcubed(run(o,**kw),[gold[i] for i in o]) for o in HO]
    f=[r[2] for r in res]
    print('%-40s seeds 11-40: mean %.4f min %.4f max %.4f (P %.3f R %.3f)'%(label,sum(f)/30,min(f),max(f),
          sum(r[0] for r in res)/30,sum(r[1] for r in res)/30),flush=True)
HO=[]
for seed in range(11,41):
    o=list(range(len(S))); random.Random(seed).shuffle(o); HO.append(o)
ROWS=[('baseline',None),
      ('BEST (orig, md+wd+years)',dict(_orig=True)),
      ('(a)+(b) years only, ignore 2019/2020',dict(use_md=False,use_w=False)),
      ('(c) = (a)+(b), plain cosine (lam=mu=0)',dict(use_md=False,use_w=False,lam=0,mu=0))]
for label,kw in ROWS:
    if kw is None: evaluate(run,label); heldout(label); continue
    if kw.pop('_orig',False):
        ecbrule.YR[:]=YR0; ecbrule.feats(250,400)[0][:]=EY0
        evaluate(run,label,**config(**kw)); heldout(label,**config(**kw)); live(); continue
    evaluate(run,label,**config(**kw)); heldout(label,**config(**kw))
