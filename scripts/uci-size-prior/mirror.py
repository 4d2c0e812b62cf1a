"""Python mirror of io.wirestream.sameness clustering for headline-only stories (UCI corpus), with variant hooks.
Mirrors: TermVectors (headline weight 2, (1+ln tf) idf, top 40, unit), Shingles near-dup stage (4-shingles of
normalised headline, 6 band keys, 12 stories a band bucket, containment >= 0.92 within 48 h, copy takes its
original's cluster), term buckets (top 8 terms, 8 clusters a bucket newest first, provisional founder entries,
retraction), ClusterProcessor (100-term summed centroid, filed top 40 unit, refile rule 0.98 / 5 min, indexed
terms LRU 64), scoring (dot x exp(-age/6h), 48 h window, best 3 per bucket), clusterFor (>= 0.12, ties by id)."""
import json, math, re, sys, unicodedata
from collections import defaultdict, OrderedDict
from datetime import datetime

# The stop words and plural fold of TermVectors, as scripts/cluster-prototype.py mirrors them.
import importlib.util as _ilu, os as _os
_spec = _ilu.spec_from_file_location('cp', _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), '..', 'cluster-prototype.py'))
_cp = _ilu.module_from_spec(_spec); _spec.loader.exec_module(_cp)
STOP, stem = _cp.STOP, _cp.stem

WORD = re.compile(r"[^\W_]+")

def words(text):
    """Java TermVectors.words: runs of letters/digits; a possessive 's tail skipped."""
    out = []
    for m in WORD.finditer(text):
        out.append((m.start(), m.end()))
    # "x's" -> x, s ; the 's' is a 1-char word: dropped later by length filter for terms; for raw words drop it
    res = []
    for (s, e) in out:
        if e - s == 1 and text[s] in 'sS' and s >= 1 and text[s - 1] in "'\u2019" and res and res[-1][1] == s - 1:
            continue
        res.append((s, e))
    return res

def terms(text):
    out = []
    if not text: return out
    n = text.lower()
    for s, e in words(n):
        w = n[s:e]
        if len(w) >= 2 and w not in STOP and (len(w) == 4 or not w.isdigit()):
            out.append(stem(w))
    return out

DF = {}; NDOC = 0
for line in open(''+__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)),'..','..','src','main','resources')+'/io/wirestream/sameness/idf.tsv', encoding='utf-8'):
    t, c = line.rstrip('\n').split('\t')
    if t == '#documents': NDOC = int(c)
    else: DF[t] = int(c)

def idf(t):
    c = DF.get(t)
    return math.log((NDOC + 1.0) / ((c if c is not None else 0) + 1.0)) + 1

def top(w, n):
    kept = sorted([(t, x) for t, x in w.items() if x > 0], key=lambda e: (-e[1], e[0]))[:n]
    norm = math.sqrt(sum(x * x for _, x in kept)) or 1.0
    return {t: x / norm for t, x in kept}

def top_terms(v, n):
    return [t for t, _ in sorted(v.items(), key=lambda e: (-e[1], e[0]))[:n]]

def dot(a, b):
    if len(a) > len(b): a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())

def vector(headline):
    tf = defaultdict(float)
    for t in terms(headline): tf[t] += 2.0
    return top({t: (1 + math.log(c)) * idf(t) for t, c in tf.items()}, 40)

# ---- near-duplicate sketch ----
M64 = (1 << 64) - 1
def normalised(text):
    n = unicodedata.normalize('NFKC', text)
    b = []; gap = False
    for ch in n:
        if ch.isalnum() or unicodedata.category(ch) in ('Nl', 'No', 'Nd') or ch.isalpha():
            if gap and b: b.append(' ')
            gap = False
            b.append(ch.lower())
        else:
            gap = True
    return ''.join(b)

def mix(h):
    h ^= h >> 33; h = (h * 0xff51afd7ed558ccd) & M64
    h ^= h >> 33; h = (h * 0xc4ceb9fe1a85ec53) & M64
    h ^= h >> 33
    h &= 0xffffffff
    return h - (1 << 32) if h >= (1 << 31) else h

def utf16(word):
    b = word.encode('utf-16-le')
    return [b[i] | (b[i + 1] << 8) for i in range(0, len(b), 2)]

def shingles(text):
    ws = text.split(' ') if text else []
    if not ws: return ([], 0)
    n = max(1, len(ws) - 4 + 1)
    units = [utf16(w) for w in ws]
    allh = []
    for i in range(n):
        h = 0xcbf29ce484222325
        for w in range(i, min(len(ws), i + 4)):
            for c in units[w]:
                h = ((h ^ c) * 0x100000001b3) & M64
            h = ((h ^ 32) * 0x100000001b3) & M64
        allh.append(mix(h))
    hs = sorted(set(allh))
    return (hs[:512], len(hs))

def band_keys(hs, bands=6):
    return hs[:min(bands, len(hs))]  # lead key = smallest hash for texts under 40 shingles

def containment(a, b):
    ah, ac = a; bh, bc = b
    if ac == 0 or bc == 0: return 0.0
    k = min(512, max(len(ah), len(bh)))
    i = j = union = both = 0
    while union < k and (i < len(ah) or j < len(bh)):
        if j >= len(bh) or (i < len(ah) and ah[i] < bh[j]): i += 1
        elif i >= len(ah) or bh[j] < ah[i]: j += 1
        else: both += 1; i += 1; j += 1
        union += 1
    return both / min(ac, bc)

def cluster_id(key):
    h = 0xcbf29ce484222325
    for b in key.encode('utf-8'):
        h = ((h ^ b) * 0x100000001b3) & M64
    return 'cl-%016x' % h

def load(path):
    S = []
    for l in open(path, encoding='utf-8'):
        d = json.loads(l)
        d['t'] = datetime.fromisoformat(d['published'].replace('Z', '+00:00')).timestamp() * 1000.0
        S.append(d)
    return S

def bcubed(pred, gold, idx=None):
    if idx is None: idx = range(len(pred))
    pc = defaultdict(int); gc = defaultdict(int); cell = defaultdict(int)
    for i in range(len(pred)):
        pc[pred[i]] += 1; gc[gold[i]] += 1; cell[(pred[i], gold[i])] += 1
    P = R = 0.0; n = 0
    for i in idx:
        k = cell[(pred[i], gold[i])]
        P += k / pc[pred[i]]; R += k / gc[gold[i]]; n += 1
    P /= n; R /= n
    return P, R, 2 * P * R / (P + R)

H = 3600 * 1000.0

class Cfg:
    def __init__(self, **kw):
        self.th = 0.12; self.half = 6 * H; self.window = 48 * H; self.keys = 8; self.bucket_clusters = 8
        self.per_answer = 3; self.cent_terms = 100; self.nd_th = 0.92; self.neardup = True
        self.vec = vector          # headline -> unit vector
        self.keep_members = 8; self.filed_terms = 40; self.rate_tau = 6 * H; self.score = None          # optional f(story, v, entry, cluster_state, age) -> score replacing dot*decay
        self.__dict__.update(kw)

def run(S, cfg=None):
    cfg = cfg or Cfg()
    vecs = [cfg.vec(d['headline']) for d in S]
    shs = [shingles(normalised(d['headline'])) for d in S]
    band = defaultdict(list)            # band key -> [(t, key, i)]
    tb = defaultdict(dict)              # term -> {cid: entry(dict lastSeen, cent, members?)}
    state = {}                          # cid -> cluster state
    cluster_of = [None] * len(S)
    for i, d in enumerate(S):
        key = 'corpus:%d' % (i + 1); own = cluster_id(key); t = d['t']; v = vecs[i]
        # near-dup
        dup = None; dsim = 0; dt = None; dkey = None
        if cfg.neardup and shs[i][1] > 0:
            for bk in band_keys(shs[i][0]):
                stories = sorted(band[bk], key=lambda e: (-e[0], e[1]))
                for (et, ek, ej) in stories[:12]:
                    if abs(et - t) > 48 * H: continue
                    c = containment(shs[i], shs[ej])
                    if c >= cfg.nd_th and (dup is None or c > dsim or (c == dsim and (et < dt or (et == dt and ek < dkey)))):
                        dup, dsim, dt, dkey = ej, c, et, ek
                stories.append((t, key, i))
                stories.sort(key=lambda e: (-e[0], e[1]))
                band[bk] = stories[:12]
        # term buckets
        qterms = top_terms(v, cfg.keys)
        scores = {}
        for term in qterms:
            b = tb[term]
            ents = sorted(b.items(), key=lambda e: (e[1]['last'], e[0]), reverse=True)
            for cid, _ in ents[cfg.bucket_clusters:]: del b[cid]
            ents = ents[:cfg.bucket_clusters]
            sc = []
            for cid, e in ents:
                age = abs(t - e['last'])
                if age > cfg.window: continue
                if cfg.score is None:
                    s = dot(v, e['cent']) * math.exp(-age / cfg.half)
                else:
                    s = cfg.score(i, d, v, e, state.get(cid), age)
                if isinstance(s, tuple):
                    if s[0] > 0: sc.append((cid, s))
                elif s > 0: sc.append((cid, s))
            sc.sort(key=lambda x: (-(x[1][0] if isinstance(x[1], tuple) else x[1]), x[0]))
            for cid, s in sc[:cfg.per_answer]:
                if cid not in scores or (s[0] if isinstance(s, tuple) else s) > (scores[cid][0] if isinstance(scores[cid], tuple) else scores[cid]): scores[cid] = s
            if own not in b:
                mine = {'last': t, 'cent': v, 'prov': True, 'size': 1, 'rate': 1.0, 'src': d.get('source'), 'key': i}
                if len(ents) + 1 > cfg.bucket_clusters:
                    dropped = ents[-1]
                    if (dropped[1]['last'], dropped[0]) > (t, own):
                        continue  # mine would be dropped
                    del b[dropped[0]]
                b[own] = mine
        best = None; bs = 0
        for cid, s in scores.items():
            if isinstance(s, tuple):
                if s[1] < cfg.th: continue
                s = s[0]
            elif s < cfg.th: continue
            if best is None or s > bs or (s == bs and cid < best):
                best, bs = cid, s
        cid = best if best is not None else own
        if dup is not None:
            cid = cluster_of[dup]
        cluster_of[i] = cid
        # ClusterProcessor
        st = state.get(cid)
        if st is None or t - st['last'] > cfg.window:
            st = {'sum': {}, 'first': t, 'last': t, 'size': 0, 'indexed': [], 'filed': {}, 'filedAt': -1e18,
                  'members': [], 'sources': []}
            state[cid] = st
        s2 = dict(st['sum'])
        for k2, x in v.items(): s2[k2] = s2.get(k2, 0.0) + x
        st['sum'] = {k2: s2[k2] for k2 in top_terms(s2, cfg.cent_terms)}
        st['rate'] = st.get('rate', 0.0) * math.exp(-(t - st['last']) / cfg.rate_tau) + 1.0
        st['size'] += 1
        st['last'] = max(st['last'], t)
        st['members'].append(i)
        st.setdefault('mv', []).append((t, v, d.get('source')))
        if len(st['mv']) > cfg.keep_members: st['mv'].pop(0)
        st['sources'].append(d.get('source'))
        cent = top(st['sum'], cfg.filed_terms)
        founder = (cid == own)
        wanted = list(OrderedDict.fromkeys(top_terms(cent, cfg.keys) + qterms))
        founded = st['size'] == 1 and founder
        refile = (not founded) and (not st['filed'] or dot(cent, st['filed']) < 0.98 or st['last'] - st['filedAt'] >= 5 * 60 * 1000)
        to = []
        idx = st['indexed']
        for term in wanted:
            if refile or (not founded and term not in idx): to.append(term)
            if term in idx: idx.remove(term)
            idx.append(term)
        while len(idx) > 64: idx.pop(0)
        if refile or founded:
            st['filed'] = cent; st['filedAt'] = st['last']
        if not founder:
            for term in qterms:
                tb[term].pop(own, None)
        for term in to:
            tb[term][cid] = {'last': st['last'], 'cent': cent, 'prov': False, 'size': st['size'], 'rate': st['rate']}
    return cluster_of, vecs

def halves(S):
    first = {}
    for i, d in enumerate(S):
        first.setdefault(d['story'], d['t'])
    order = sorted(first, key=lambda s: first[s])
    h1 = set(order[:len(order) // 2])
    A = [i for i, d in enumerate(S) if d['story'] in h1]
    B = [i for i, d in enumerate(S) if d['story'] not in h1]
    return A, B

def report(S, pred, label=''):
    gold = [d['story'] for d in S]
    A, B = halves(S)
    w = bcubed(pred, gold)
    # halves: score each half as its own corpus (its items, clusters restricted to them)
    def sub(ix):
        return bcubed([pred[i] for i in ix], [gold[i] for i in ix])
    a = sub(A); b = sub(B)
    print('%-40s F1 %.4f (P %.4f R %.4f) | h1 %.4f (%.4f %.4f) | h2 %.4f (%.4f %.4f)' % (label, w[2], w[0], w[1], a[2], a[0], a[1], b[2], b[0], b[1]), flush=True)
    return w, a, b

if __name__ == '__main__':
    S = load(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/corpora/clusters-uci.dev.jsonl')
    pred, _ = run(S)
    report(S, pred, 'baseline mirror')
