#!/usr/bin/env bash
# Replays the same review histories through three FSRS implementations in one run and prints the ratios:
# py-fsrs (the reference, Python), fsrs-rs through fsrs-rs-python (the Rust crate Anki uses) and Revise.
# Each is timed in process on histories already in memory: py-fsrs's Scheduler.review_card, fsrs-rs's
# memory_state_batch, and Revise's scheduler (`revise fsrs replay --stats`, which replays the input again in
# memory and times that pass). Revise's whole command, reading and writing JSON lines, is printed too.
# Usage: bench/fsrs_speed.sh [REVIEWS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
reviews="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import fsrs, fsrs_rs_python" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q "fsrs==6.3.2" fsrs-rs-python
fi
swift build -c release --product revise >/dev/null

.venv/bin/python bench/fsrs_speed.py "$reviews" "$work/reviews.jsonl" "$work/peers.json"
start=$(date +%s.%N)
.build/release/revise fsrs replay --stats < "$work/reviews.jsonl" > "$work/revise.jsonl" 2> "$work/revise.txt"
end=$(date +%s.%N)
python3 - "$work/peers.json" "$work/revise.txt" "$start" "$end" "$reviews" <<'PY'
import json, re, sys
peers = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
alone = float(re.search(r"scheduling alone ([0-9.]+) s", text).group(1))
whole = float(sys.argv[4]) - float(sys.argv[3])
n = int(sys.argv[5])
rate = n / alone
print(f"{n:,} reviews of {peers['cards']:,} cards")
print(f"py-fsrs 6.3 (review_card)            {peers['py']:8.3f} s  {n / peers['py']:>12,.0f} reviews/s")
print(f"fsrs-rs (memory_state_batch)         {peers['rs']:8.3f} s  {n / peers['rs']:>12,.0f} reviews/s")
print(f"Revise scheduler                     {alone:8.3f} s  {rate:>12,.0f} reviews/s")
print(f"Revise, whole `revise fsrs replay`   {whole:8.3f} s  {n / whole:>12,.0f} reviews/s (JSON lines in and out)")
print(f"Revise / py-fsrs: {peers['py'] / alone:.1f}x   Revise / fsrs-rs: {peers['rs'] / alone:.2f}x")
PY
