import importlib.util, math, os, random, re, sys, json
from collections import defaultdict, Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
def _load(name, fn):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, '..', fn))
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m
cp = _load('cp','cluster-prototype.py')
cm = _load('cmk','cluster-marks-prototype.py')
ECB=os.environ.get('CORPUS','/work/shared/data/corpora/clusters-ecb.dev.jsonl')
S = cp.load(ECB); gold=[s[2] for s in S]
V = [cp.vecN(h, p) for h, p, _ in S]
M = [cm.marks(h, p, V[i]) for i, (h, p, _) in enumerate(S)]
ORDERS=[list(range(len(S)))]
for seed in range(1,int(os.environ.get('NORDERS','10'))+1):
    o=list(range(len(S))); random.Random(seed).shuffle(o); ORDERS.append(o)
def evaluate(runfn, label='', verbose=False, **kw):
    """runfn(idx_order, **kw) -> pred list aligned with order"""
    res=[]
    for o in ORDERS:
        pred=runfn(o, **kw)
        res.append(cp.bcubed(pred,[gold[i] for i in o]))
    f=[r[2] for r in res[1:]]
    P=sum(r[0] for r in res[1:])/10; R=sum(r[1] for r in res[1:])/10
    line='%-40s file %.4f | mean %.4f min %.4f max %.4f (P %.3f R %.3f)'%(label,res[0][2],sum(f)/10,min(f),max(f),P,R)
    print(line,flush=True)
    return res[0][2], sum(f)/10, min(f), max(f)
