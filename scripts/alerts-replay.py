#!/usr/bin/env python3
"""Replays the corroboration rule over the clusters a real `eval alerts` run assigned.

    java -jar target/wirestream.jar eval alerts --corpus ../shared/data/corpora/clusters-uci.dev.jsonl \
         --details /tmp/alerts.details.jsonl
    python3 scripts/alerts-replay.py ../shared/data/corpora/clusters-uci.dev.jsonl /tmp/alerts.details.jsonl 3/10 3/10+4/30

Each argument after the two files is a rule set: N/T is "N distinct sources whose latest story in the
cluster is within T minutes of event time", and rules joined by + alert a cluster the first time any of
them holds. Cluster ids do not change after assignment, so at the settings the run used this reproduces
its alerts and its three figures exactly on a clean corpus such as clusters-uci (docs/quality.md,
"Sustained corroboration"); it prints
(alerts, alert_precision, big_story_recall, early_recall) by the contract of eval/AlertMetrics. It knows
corroboration only: on a corpus with wire urgency or breaking language it undercounts.
"""
import collections
import datetime
import json
import sys


def main(corpus_file, details_file, specs):
    rows = [json.loads(line) for line in open(corpus_file, encoding='utf-8')]
    details = [json.loads(line) for line in open(details_file, encoding='utf-8')]
    if len(rows) != len(details):
        sys.exit('the details file is not of this corpus')
    # As eval does: a story without a gold label is a story of its own and never a correct alert's; the
    # topology sees a source trimmed and lower-cased (blank: "unknown") and a missing time as 2020-01-01.
    gold = [r.get('story') or ('\0unlabelled', i) for i, r in enumerate(rows)]
    labelled = [r.get('story') is not None for r in rows]
    size = collections.Counter(g for g, ok in zip(gold, labelled) if ok)
    source = [(r.get('source') or '').strip().lower() or 'unknown' for r in rows]
    when = [datetime.datetime.fromisoformat((r.get('published') or '2020-01-01T00:00:00Z').replace('Z', '+00:00')).timestamp()
            for r in rows]
    predicted = [d.get('predicted') for d in details]  # None: a dead letter, in no cluster

    members = collections.defaultdict(list)
    for i, c in enumerate(predicted):
        if c is not None:
            members[c].append(i)

    def majority(c):  # ties: the story seen first
        counts = collections.Counter(gold[i] for i in members[c])
        best = max(counts.values())
        return next(gold[i] for i in members[c] if counts[gold[i]] == best)

    majority_of = {c: majority(c) for c in members}
    fifth_source = {}  # AlertMetrics: the corpus's own source names, rows without one skipped
    seen = collections.defaultdict(set)
    for i, r in enumerate(rows):
        if labelled[i] and r.get('source') is not None and r['source'] not in seen[gold[i]]:
            seen[gold[i]].add(r['source'])
            if len(seen[gold[i]]) == 5:
                fifth_source[gold[i]] = i
    big = [g for g in size if size[g] >= 30]

    for spec in specs:
        rules = [(int(n), float(m) * 60) for n, m in (r.split('/') for r in spec.split('+'))]
        latest = collections.defaultdict(dict)  # cluster -> source -> latest event time
        alerts, alerted = [], set()
        for i, c in enumerate(predicted):
            if c is None:
                continue
            latest[c][source[i]] = max(when[i], latest[c].get(source[i], when[i]))
            if c in alerted:
                continue
            for n, window in rules:
                if sum(1 for t in latest[c].values() if t >= when[i] - window) >= n:
                    alerted.add(c)
                    alerts.append((i, c))
                    break
        went, correct, recalled, early = set(), 0, set(), set()
        for i, c in alerts:
            g = majority_of[c]
            if size.get(g, 0) >= 10 and g not in went:
                correct += 1
                if size[g] >= 30:
                    recalled.add(g)
                    if g not in fifth_source or i <= fifth_source[g]:
                        early.add(g)
            went.add(g)
        print(spec, len(alerts), round(correct / max(1, len(alerts)), 4), round(len(recalled) / len(big), 4),
              round(len(early) / len(big), 4))


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
