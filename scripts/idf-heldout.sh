#!/usr/bin/env bash
# How much the bundled IDF table (built from the UCI and ECB dev corpora) flatters the dev cluster figures:
# each corpus is split in two (UCI by a hash of the story id, ECB by topic parity), an IDF table is built
# without one half, and that half is scored with it, as a held-out corpus would be scored with the bundled
# table. Needs target/wirestream.jar and ../shared; writes only under $WORK (default /tmp/idf-heldout).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/wirestream.jar
CORPORA=${CORPORA:-../shared/data/corpora}
WORK=${WORK:-/tmp/idf-heldout}
mkdir -p "$WORK"

python3 - "$CORPORA" "$WORK" <<'EOF'
import hashlib, json, sys
corpora, work = sys.argv[1], sys.argv[2]
def split(name, half_of):
    out = [open(f"{work}/{name}-{h}.jsonl", "w") for h in (0, 1)]
    for line in open(f"{corpora}/{name}.dev.jsonl"):
        out[half_of(json.loads(line)["story"])].write(line)
split("clusters-uci", lambda s: int(hashlib.md5(s.encode()).hexdigest(), 16) % 2)
split("clusters-ecb", lambda s: int(s.split("_")[0]) % 2)
EOF

# A copy of the jar whose bundled table is the given one.
jar_with() {
  local table=$1 out=$2 dir
  dir=$(mktemp -d)
  mkdir -p "$dir/io/wirestream/sameness"
  cp "$table" "$dir/io/wirestream/sameness/idf.tsv"
  cp "$JAR" "$out"
  (cd "$dir" && jar uf "$out" io/wirestream/sameness/idf.tsv)
  rm -rf "$dir"
}

score() { java -jar "$1" eval clusters --corpus "$2" 2>/dev/null | tail -1; }

for corpus in clusters-uci clusters-ecb; do
  other=$([ "$corpus" = clusters-uci ] && echo clusters-ecb || echo clusters-uci)
  for h in 0 1; do
    k=$((1 - h))
    java -jar "$JAR" idf --corpus "$WORK/$corpus-$k.jsonl" --corpus "$CORPORA/$other.dev.jsonl" --out "$WORK/idf-without-$corpus-$h.tsv" >/dev/null
    jar_with "$WORK/idf-without-$corpus-$h.tsv" "$WORK/without-$corpus-$h.jar"
    echo "$corpus half $h, bundled table (has seen it): $(score "$JAR" "$WORK/$corpus-$h.jsonl")"
    echo "$corpus half $h, table without it (held out):  $(score "$WORK/without-$corpus-$h.jar" "$WORK/$corpus-$h.jsonl")"
  done
done
