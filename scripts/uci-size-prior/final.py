"""Final rule: headline-only stories score a cluster by cosine x exp(-age/6h) x size^0.12 (size = the cluster's member
count carried by its term-bucket entry as of filing; 1 for a founder's provisional entry), joining at >= 0.14.
The same boosted score ranks candidates (per bucket best 3, and the final choice)."""
import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from mirror import *
GAMMA, TH, HALF = 0.12, 0.14, 6 * H
def size_prior(i, d, v, e, st, age):
    return dot(v, e['cent']) * math.exp(-age / HALF) * e['size'] ** GAMMA
if __name__ == '__main__':
    S = load(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/corpora/clusters-uci.dev.jsonl')
    pred, _ = run(S); report(S, pred, 'baseline (Java today)')
    c = Cfg(th=TH); c.score = size_prior
    pred, _ = run(S, c); report(S, pred, 'size prior g=%.2f th=%.2f' % (GAMMA, TH))
    json.dump({d['id']: p for d, p in zip(S, pred)}, open('/tmp/final.pred.json', 'w'))
