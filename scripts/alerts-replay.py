#!/usr/bin/env python3
"""Replays the corroboration rule over the clusters a real `eval alerts` run assigned.

    java -jar target/wirestream.jar eval alerts --corpus ../shared/data/corpora/clusters-uci.dev.jsonl \
         --details /tmp/alerts.details.jsonl
    python3 scripts/alerts-replay.py ../shared/data/corpora/clusters-uci.dev.jsonl /tmp/alerts.details.jsonl 3/10 3/10+4/30

Each argument after the two files is a rule set: N/T is "N distinct sources whose latest story in the
cluster is within T minutes of event time", and rules joined by + alert a cluster the first time any of
them holds. Cluster ids do not change after assignment, so at the settings the run used this reproduces
its alerts and its three figures exactly (docs/quality.md, "Sustained corroboration"); it prints
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
    gold = [r['story'] for r in rows]
    size = collections.Counter(gold)
    source = [(r.get('source') or 'unknown').lower() for r in rows]
    when = [datetime.datetime.fromisoformat(r['published'].replace('Z', '+00:00')).timestamp() for r in rows]
    predicted = [d['predicted'] for d in details]

    members = collections.defaultdict(list)
    for i, c in enumerate(predicted):
        members[c].append(i)

    def majority(c):  # ties: the story seen first
        counts = collections.Counter(gold[i] for i in members[c])
        best = max(counts.values())
        return next(gold[i] for i in members[c] if counts[gold[i]] == best)

    majority_of = {c: majority(c) for c in members}
    fifth_source = {}
    seen = collections.defaultdict(list)
    for i, g in enumerate(gold):
        if source[i] not in seen[g]:
            seen[g].append(source[i])
            if len(seen[g]) == 5:
                fifth_source[g] = i
    big = [g for g in size if size[g] >= 30]

    for spec in specs:
        rules = [(int(n), float(m) * 60) for n, m in (r.split('/') for r in spec.split('+'))]
        latest = collections.defaultdict(dict)  # cluster -> source -> latest event time
        alerts, alerted = [], set()
        for i, c in enumerate(predicted):
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
            if size[g] >= 10 and g not in went:
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
