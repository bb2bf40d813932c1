#!/usr/bin/env bash
# Imports ~50 MB of notes (the seed notes repeated, made at run time) with Revise and with a naive Python line
# importer (bench/line_import.py), in one run, and prints each one's time and the ratio.
# Usage: bench/import.sh [SEED_FOLDER]   (default ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-../shared/seeds}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product revise >/dev/null
mkdir -p "$work/corpus"
python3 - "$seeds" "$work/corpus" <<'PY'
import os, sys
seeds, out = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(seeds) if f.endswith((".txt", ".md")))
data = {f: open(os.path.join(seeds, f), "rb").read() for f in files}
copies = max(1, 50_000_000 // sum(len(d) for d in data.values()))
for f, d in data.items():
    open(os.path.join(out, f), "wb").write((d + b"\n") * copies)
PY
bytes=$(cat "$work"/corpus/* | wc -c)

best() {  # best of three runs, in seconds
  local best=""
  for _ in 1 2 3; do
    rm -f "$work"/db*
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    best=$(python3 -c "t=$end-$start; b='$best'; print(t if b=='' or t<float(b) else b)")
  done
  echo "$best"
}

revise=$(best .build/release/revise import "$work/corpus" --db "$work/db.sqlite")
python=$(best python3 bench/line_import.py "$work/corpus" "$work/db-python.sqlite")
python3 - "$bytes" "$revise" "$python" <<'PY'
import sys
size, revise, python = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
mb = size / 1e6
print(f"corpus: {mb:.1f} MB")
print(f"revise import (parse + outline + SQLite): {revise:.2f} s  {mb / revise:.1f} MB/s")
print(f"python line importer (lines only):       {python:.2f} s  {mb / python:.1f} MB/s")
print(f"ratio revise/python time: {revise / python:.2f}")
PY
