import json,sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from mirror import *
S=load('/work/shared/data/corpora/clusters-uci.dev.jsonl')
pred,_=run(S)
J=[json.loads(l) for l in open('java.details.jsonl')]
J=[j for j in J if 'predicted' in j or 'outcome' in j]
print(len(J), set(j['outcome'] for j in J))
jp={j['id']:j.get('predicted') for j in J}
same=sum(1 for i,d in enumerate(S) if jp[d['id']]==pred[i]); print('identical cluster ids',same,len(S))
# partition equality
from collections import defaultdict
m=defaultdict(set)
for i,d in enumerate(S): m[pred[i]].add(jp[d['id']])
print('mirror clusters mapping to >1 java cluster', sum(1 for v in m.values() if len(v)>1))
