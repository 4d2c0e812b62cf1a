"""Mirror of the shipped full-text cluster rule (BucketProcessor.fullTextScores + clusterScores for short
texts + GatherProcessor.clusterFor) on ECB, with hooks for variants. run() compares with a cluster's current state;
run_snap() with the snapshot last filed in each term bucket, as Java does, and reproduces `eval clusters` to the
fourth decimal in file order and on the shuffled files (see README.md). Orders: file order, and
random.Random(100+i).shuffle of the file's lines (i = 0..N-1), as docs/quality.md's shuffled Java files."""
import importlib.util, math, os, random, re, sys
from collections import defaultdict, Counter
HERE = os.path.dirname(os.path.abspath(__file__))
def _load(name, fn):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, '..', fn))
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m
cp = _load('cp', 'cluster-prototype.py')
cm = _load('cmk', 'cluster-marks-prototype.py')
if os.environ.get('IDF'):  # a table built without the corpus's half (scripts/idf-heldout.sh's), as held-out data meets it
    _df = {}; _n = 0
    for _l in open(os.environ['IDF']):
        _t, _c = _l.rstrip('\n').split('\t')
        if _t == '#documents': _n = int(_c)
        else: _df[_t] = int(_c)
    for _m in (cp, cm.cp): _m.df = _df; _m.N = _n
ECB = os.environ.get('CORPUS', '/work/shared/data/corpora/clusters-ecb.dev.jsonl')
LINES = open(ECB).read().splitlines()
S = cp.load(ECB); gold = [s[2] for s in S]
V = [cp.vecN(h, p) for h, p, _ in S]
M = [cm.marks(h, p, V[i]) for i, (h, p, _) in enumerate(S)]
BLEN = [sum(len(p) for p in s[1]) for s in S]
# EventYears
YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20[0-3]\d)(?![\d.,]\d)")
NYA = re.compile(r"\s*(?:(?:GMT|UTC|Z|hrs|hours|[ECMP][SD]T|BST|CES?T|IST|JST|AEST|AEDT)\b|local\s+time\b)")
NYB = re.compile(r"(?i)(?:(?:\b(?:about|some|nearly|almost|around|roughly|than|least|since|flight|route|number)|\bno\.|#)\s*)$")
OWN = 2020
def years(text):
    out = set()
    for m in YEAR.finditer(text):
        y = int(m.group(1))
        if abs(y - OWN) <= 1: continue
        if NYA.match(text[m.end():m.end() + 16]): continue
        if NYB.search(text[max(0, m.start() - 12):m.start()]): continue
        out.add(y)
        if len(out) >= 32: break
    return out
def lead_text(h, paras, n=250):
    t = h; left = n
    for p in paras:
        if left <= 0: break
        t += '\n' + p[:left]; left -= len(p) + 1
    return t
EY = [years(lead_text(h, p)) if BLEN[i] >= 200 else set() for i, (h, p, _) in enumerate(S)]
YR = [years(h + '\n' + '\n'.join(p)) for h, p, _ in S]
def topn(d, n): return sorted(d, key=lambda t: (-d[t], t))[:n]
def order(i):
    if i < 0: return list(range(len(S)))
    o = list(range(len(S))); random.Random(100 + i).shuffle(o); return o
class Cl:
    __slots__ = ('sum', 'msum', 'filed', 'mfiled', 'years', 'members', 'yfiled', 'extra')
def run(o, th=0.25, sth=0.14, prior=0.12, sure=0.4, agree=0.1, floor=0.18, ysure=0.5, mw=0.5, yw=0.2, keys=8,
        bucketcap=8, veto=None, rankadj=None, log=None, useyears=True, yfun=None, onjoin=None, wfun=None, sfun=None):
    """veto(i, s, C, mc, yagree) -> True to refuse; rankadj(i, s, C, mc, y) -> added to rank."""
    clusters = []; buckets = defaultdict(list); pred = []
    for i in o:
        v = V[i]; m = M[i]; short = BLEN[i] < 200
        cands = set().union(*[buckets[t] for t in topn(v, keys)]) if v else set()
        best = None; bs = -1
        for c in cands:
            C = clusters[c]
            s = cp.cos(v, C.filed)
            if sfun is not None and not short: s = sfun(i, C, s)
            if s <= 0: continue
            mc = cp.cos(m, C.mfiled) if (m and C.mfiled) else None
            if short:
                sc = s * (min(len(C.members), 100) ** prior if len(C.members) > 1 else 1)
                if s < sure and mc is not None and mc < agree: continue
                if veto and veto(i, s, C, mc, 0, True): continue
                if sc >= sth and (sc > bs or (sc == bs and c < best)): best, bs, bf = c, sc, (s, mc, 0)
                continue
            y = 0
            if yfun is not None: y = yfun(i, C)
            elif useyears and EY[i] and C.yfiled:
                y = 1 if EY[i] & C.yfiled else -1
            if s < th and not (y > 0 and s >= floor): continue
            if useyears and s < ysure and y < 0: continue
            if s < sure and mc is not None and mc < agree: continue
            if veto and veto(i, s, C, mc, y, False): continue
            rank = s + mw * (mc or 0) + yw * y
            if rankadj: rank += rankadj(i, s, C, mc, y)
            sc = 1 + rank if s >= th else th + max(0, rank) / 10
            if sc > bs or (sc == bs and c < best): best, bs, bf = c, sc, (s, mc, y)
        if log is not None: log.append((i, best, bs, list(clusters[best].members) if best is not None else [], bf if best is not None else None))
        if best is None:
            best = len(clusters); C = Cl(); C.sum = {}; C.msum = {}; C.filed = v; C.mfiled = cp.top(m, 32)
            C.years = Counter(); C.members = []; C.yfiled = set(YR[i]); C.extra = {}; clusters.append(C)
        C = clusters[best]
        wj = 1.0 if (wfun is None or not C.members) else wfun(i, bf, C)
        for attr, x in (('sum', v), ('msum', m)):
            d = getattr(C, attr)
            for t, w in x.items(): d[t] = d.get(t, 0) + w * wj
            setattr(C, attr, dict(sorted(d.items(), key=lambda e: (-e[1], e[0]))[:100]))
        C.filed = cp.top(C.sum, 40); C.mfiled = cp.top(C.msum, 32)
        C.members.append(i); C.years.update(YR[i])
        if onjoin: onjoin(i, C)
        C.yfiled = set(sorted(C.years, key=lambda y: (-C.years[y], str(y)))[:32])
        want = set(topn(C.filed, keys)) | set(topn(v, keys))
        for t in want:
            if best not in buckets[t]: buckets[t].append(best)
            if len(buckets[t]) > bucketcap: buckets[t].sort(); buckets[t] = buckets[t][-bucketcap:]
        pred.append(best)
    return pred
def score(o, pred, subset=None):
    g = [gold[i] for i in o]
    if subset is None: return cp.bcubed(pred, g)
    idx = [k for k, i in enumerate(o) if subset(i)]
    return cp.bcubed([pred[k] for k in idx], [g[k] for k in idx])
def topic(i): return int(gold[i].split('_')[0])
def evaluate(label='', n=10, halves=False, **kw):
    f0 = score(order(-1), run(order(-1), **kw))[2]
    fs = []
    for k in range(n):
        o = order(k); fs.append(score(o, run(o, **kw))[2])
    out = '%-44s file %.4f | shuffled(%d) mean %.4f min %.4f max %.4f' % (label, f0, n, sum(fs) / n, min(fs), max(fs))
    if halves:
        # each half (topic parity) clustered on its own, as idf-heldout.sh does (bundled IDF)
        for par in (0, 1):
            sub = [i for i in range(len(S)) if topic(i) % 2 == par]
            hs = []
            for k in range(-1, n):
                o = [i for i in order(k) if topic(i) % 2 == par]
                hs.append(score(o, run(o, **kw))[2])
            out += ' | half%d file %.4f sh %.4f' % (par, hs[0], sum(hs[1:]) / n)
    print(out, flush=True)
    return f0, sum(fs) / n
if __name__ == '__main__' and not any(a.startswith('--') for a in sys.argv):
    evaluate('shipped', n=int(sys.argv[1]) if len(sys.argv) > 1 else 10, halves=not os.environ.get('CORPUS'))

# ---- The variant: lead marks weigh more, and a dated lead doubts a cluster that names no year ----
def marks_lead(h, paras, vec, lead_chars=250, lead_weight=3.0, skip=8):
    """EventMarks.of with lead marks weighing lead_weight times their idf (cluster-marks-prototype's marks)."""
    return cm.marks(h, paras, vec, skip, lead_chars, lead_weight)
def yearless(i, C):
    """EventYears.agreement, and -1 when the story's lead dates its event but the cluster, which has marks (full-text
    members), names no year (other than those current when the story was written)."""
    if not EY[i]: return 0
    if C.yfiled: return 1 if EY[i] & C.yfiled else -1
    return -1 if C.mfiled else 0
M_SHIPPED = list(M)
def use_marks(lead_chars=250, lead_weight=3.0):
    M[:] = [marks_lead(h, p, V[i], lead_chars, lead_weight) for i, (h, p, _) in enumerate(S)]
if __name__ == '__main__' and '--variant' in sys.argv:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 10
    halves = not os.environ.get('CORPUS')
    use_marks(250, 1.0); evaluate('marks rewritten, weight 1 (= shipped)', n=n, halves=halves)
    use_marks(250, 3.0); evaluate('lead marks x3', n=n, halves=halves)
    M[:] = M_SHIPPED; evaluate('yearless cluster doubted', n=n, halves=halves, yfun=yearless)
    use_marks(250, 3.0); evaluate('lead marks x3 + yearless doubted', n=n, halves=halves, yfun=yearless)

def run_snap(o, th=0.25, sth=0.14, prior=0.12, sure=0.4, agree=0.1, floor=0.18, ysure=0.5, mw=0.5, yw=0.2, keys=8,
             bucketcap=8, yfun=None, refile_cos=0.98):
    """run() with each term bucket holding the snapshot of a cluster last filed there, as Java does: a cluster's entry
    is refreshed in every bucket only when its centroid moved (cosine < 0.98 with the one last filed everywhere),
    else only new buckets get it (ClusterProcessor.filings); a founder's provisional entries are its own snapshot."""
    clusters = []; buckets = defaultdict(dict); pred = []
    def snapshot(C):
        s = Cl(); s.filed = C.filed; s.mfiled = C.mfiled; s.yfiled = C.yfiled; s.members = list(C.members); s.extra = C.extra
        return s
    def put(t, c, snap):
        b = buckets[t]; b[c] = snap
        if len(b) > bucketcap:
            for k in sorted(b)[:len(b) - bucketcap]: del b[k]
    for i in o:
        v = V[i]; m = M[i]; short = BLEN[i] < 200
        scores = {}
        for t in (topn(v, keys) if v else []):
            for c, C in buckets[t].items():
                s = cp.cos(v, C.filed)
                if s <= 0: continue
                mc = cp.cos(m, C.mfiled) if (m and C.mfiled) else None
                if short:
                    sc = s * (min(len(C.members), 100) ** prior if len(C.members) > 1 else 1)
                    if s < sure and mc is not None and mc < agree: continue
                    scores[c] = max(scores.get(c, -1), sc); continue
                y = yfun(i, C) if yfun else ((1 if EY[i] & C.yfiled else -1) if EY[i] and C.yfiled else 0)
                if s < th and not (y > 0 and s >= floor): continue
                if s < ysure and y < 0: continue
                if s < sure and mc is not None and mc < agree: continue
                rank = s + mw * (mc or 0) + yw * y
                scores[c] = max(scores.get(c, -1), 1 + rank if s >= th else th + max(0, rank) / 10)
        t_i = sth if short else th
        best = None; bs = -1
        for c, sc in scores.items():
            if sc >= t_i and (sc > bs or (sc == bs and c < best)): best, bs = c, sc
        founded = best is None
        if founded:
            best = len(clusters); C = Cl(); C.sum = {}; C.msum = {}; C.filed = v; C.mfiled = cp.top(m, 32)
            C.years = Counter(); C.members = []; C.yfiled = set(YR[i]); C.extra = {'indexed': [], 'filedc': {}}; clusters.append(C)
        C = clusters[best]
        for attr, x in (('sum', v), ('msum', m)):
            d = getattr(C, attr)
            for t, w in x.items(): d[t] = d.get(t, 0) + w
            setattr(C, attr, dict(sorted(d.items(), key=lambda e: (-e[1], e[0]))[:100]))
        C.filed = cp.top(C.sum, 40); C.mfiled = cp.top(C.msum, 32)
        C.members.append(i); C.years.update(YR[i])
        C.yfiled = set(sorted(C.years, key=lambda y: (-C.years[y], str(y)))[:32])
        want = list(dict.fromkeys(topn(C.filed, keys) + topn(v, keys)))
        snap = snapshot(C)
        if founded:
            for t in topn(v, keys): put(t, best, snap)   # the provisional entries
            C.extra['filedc'] = C.filed; C.extra['indexed'] = list(want)
        else:
            refile = not C.extra['filedc'] or cp.cos(C.filed, C.extra['filedc']) < refile_cos
            for t in want:
                if refile or t not in C.extra['indexed']: put(t, best, snap)
                if t in C.extra['indexed']: C.extra['indexed'].remove(t)
                C.extra['indexed'].append(t)
            if refile: C.extra['filedc'] = C.filed
        pred.append(best)
    return pred
if __name__ == '__main__' and '--snap' in sys.argv:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 10
    for label, lw, yf in (('shipped', 1.0, None), ('lead marks x3 + yearless doubted', 3.0, yearless)):
        use_marks(250, lw)
        f0 = score(order(-1), run_snap(order(-1), yfun=yf))[2]
        fs = [score(order(k), run_snap(order(k), yfun=yf))[2] for k in range(n)]
        print('%-40s snapshots: file %.4f | shuffled(%d) mean %.4f | %s' % (label, f0, n, sum(fs) / n, ' '.join('%.4f' % f for f in fs)), flush=True)
