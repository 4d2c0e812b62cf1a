import harness
from ecbrule import *
import random
harness.ORDERS[:]=[list(range(len(S)))]
for seed in range(11,41):
    o=list(range(len(S))); random.Random(seed).shuffle(o); harness.ORDERS.append(o)
def ev(label,**kw):
    res=[cp.bcubed(run(o,**kw),[gold[i] for i in o])[2] for o in harness.ORDERS[1:]]
    print('%-40s seeds 11-40: mean %.4f min %.4f max %.4f'%(label,sum(res)/len(res),min(res),max(res)),flush=True)
ev('baseline')
ev('BEST',**config())
ev('sure_t 0.55',**config(sure_t=0.55))
ev('sure_t 0.45',**config(sure_t=0.45))
ev('no weekday conflict',**config(use_w=False))
ev('check agree 0.15',**config(agree=0.15))
