"""Prototype of the event-marks check of io.wirestream.sameness (EventMarks), on top of
scripts/cluster-prototype.py (same vectors, single-pass centroids, 8 term buckets).

A story's marks: the names (TermVectors.names), years and numbers of two or more digits (not clock times,
not zero-padded) in its headline and whole body, less its `skip` strongest vector terms, each weighing its
idf, unit length (64 at most); none for a story without a body. A cluster's marks: the sum of its members',
the `K` strongest filed, unit length. A join scoring below `sure` is refused when both sides have marks and
their cosine is below `agree` (the cluster is then no candidate; the next best may be taken).

Unlike cluster-prototype.py's `cluster`, this one applies the short-text threshold (0.12 for bodies under 200
characters) as GatherProcessor does: with it the prototype is within 0.004 of `eval clusters` on ECB dev
(0.8693 for 0.8660 before the check, 0.9010 for 0.9012 with it).

  python3 scripts/cluster-marks-prototype.py ../shared/data/corpora/clusters-ecb.dev.jsonl [--orders 8]
"""
import importlib.util, math, os, random, re, sys
from collections import defaultdict
_spec = importlib.util.spec_from_file_location('cp', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cluster-prototype.py'))
cp = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(cp)
WORD = re.compile(r"[^\W_]+")

def marks(h, paras, vec, skip=8, lead_chars=250, lead_weight=1.0):
    """EventMarks.of. Marks of the headline and the first lead_chars of the body (words starting there, as
    EventYears.lead cuts the lead) weigh lead_weight times their idf; lead_weight 1 gives the plain marks."""
    if not paras: return {}
    names = cp.names(paras)
    topt = set(sorted(vec, key=lambda t: (-vec[t], t))[:skip])
    out = {}
    left = None
    for k, p in enumerate([h] + paras):
        if k == 1: left = lead_chars
        for m in WORD.finditer(p):
            x = m.group(0)
            if x.isdigit():
                clock = p[m.end():m.end() + 1] == ':' or p[max(0, m.start() - 1):m.start()] == ':'
                mark = x if not clock and x[0] != '0' and len(x) >= 2 else None
            else:
                s = cp.stem(x.lower())
                mark = s if len(s) >= 2 and s in names and s not in cp.STOP else None
            if mark and mark not in topt:
                w = cp.idf(mark) * (lead_weight if (left is None or m.start() < left) else 1.0)
                out[mark] = max(out.get(mark, 0), w)
        if left is not None: left -= len(p) + 1
    return cp.top(out, 64)

def run(S, vecs, M, th=0.25, sth=0.12, sure=0.4, agree=0.1, K=32, keys=8, bucketcap=20, check=True):
    clusters = []; buckets = defaultdict(list); pred = []
    for i, v in enumerate(vecs):
        th_i = sth if sum(len(p) for p in S[i][1]) < 200 else th
        cands = set().union(*[buckets[t] for t in sorted(v, key=lambda t: (-v[t], t))[:keys]]) if v else set()
        best = None
        for s, c in sorted(((cp.cos(v, clusters[c]['filed']), c) for c in cands), key=lambda e: (-e[0], e[1])):
            if s < th_i: break
            cm = clusters[c]['mfiled']
            if check and s < sure and M[i] and cm and cp.cos(M[i], cm) < agree: continue
            best = c; break
        if best is None:
            best = len(clusters); clusters.append({'sum': {}, 'msum': {}, 'filed': v, 'mfiled': cp.top(M[i], K)})
        c = clusters[best]
        for key, x in (('sum', v), ('msum', M[i])):
            for t, w in x.items(): c[key][t] = c[key].get(t, 0) + w
            c[key] = dict(sorted(c[key].items(), key=lambda e: (-e[1], e[0]))[:100])
        c['filed'] = cp.top(c['sum'], 40); c['mfiled'] = cp.top(c['msum'], K)
        want = set(sorted(c['filed'], key=lambda t: (-c['filed'][t], t))[:keys]) | set(sorted(v, key=lambda t: (-v[t], t))[:keys])
        for t in want:
            if best not in buckets[t]: buckets[t].append(best)
            if len(buckets[t]) > bucketcap: buckets[t].sort(); buckets[t] = buckets[t][-bucketcap:]
        pred.append(best)
    return pred

if __name__ == '__main__':
    S = cp.load(sys.argv[1]); gold = [s[2] for s in S]
    V = [cp.vecN(h, p) for h, p, _ in S]
    f = lambda pred, g=gold: '%.4f (P %.3f R %.3f)' % (lambda r: (r[2], r[0], r[1]))(cp.bcubed(pred, g))
    print('no check:', f(run(S, V, [{}] * len(S), check=False)))
    for skip in (0, 6, 8, 10):
        M = [marks(h, p, V[i], skip) for i, (h, p, _) in enumerate(S)]
        for sure in (0.35, 0.4, 0.45, 0.5, 1.0):
            print('skip %2d sure %.2f' % (skip, sure), ' '.join('agree %.2f: %s' % (a, f(run(S, V, M, sure=sure, agree=a)))
                                                             for a in (0.05, 0.1, 0.15, 0.2)), flush=True)
    if '--orders' in sys.argv:
        n = int(sys.argv[sys.argv.index('--orders') + 1])
        M = [marks(h, p, V[i]) for i, (h, p, _) in enumerate(S)]
        for seed in range(1, n + 1):
            o = list(range(len(S))); random.Random(seed).shuffle(o)
            S2, V2, M2, g2 = [S[i] for i in o], [V[i] for i in o], [M[i] for i in o], [gold[i] for i in o]
            print('order %d: no check %s, check %s' % (seed, f(run(S2, V2, M2, check=False), g2), f(run(S2, V2, M2), g2)), flush=True)
