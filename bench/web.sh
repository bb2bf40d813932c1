#!/usr/bin/env bash
# Load on the web app from wrk, in one run, on 127.0.0.1: the hello-world route (/api/ping, plain "ok" from
# Hummingbird, nothing of Revise's), then the review API (POST /api/review: a rating saved in its own SQLite
# transaction, and the next card drawn), then the timeline page (the whole SVG of the built-in course's events).
# Prints requests/s and p50/p99 latency for each and the review API's share of hello-world's throughput, for each
# number of open connections given (the three routes are measured at one number, then at the next). Then the
# throughput of each route, the most requests/s it reached at any of those numbers, and their ratio: what the
# server can serve of each, compared at their peaks. With few connections wrk measures latency more than
# throughput (each connection waits for its answer before it asks again, so the rate is connections / latency,
# and the cores are partly idle while ratings wait for their commit).
# Usage: bench/web.sh [SECONDS] [CONNECTIONS...]   (defaults 10, and 8, 16, 32 and 64 connections; wrk uses 2 threads)
# REVISE_BIN=path runs that binary instead of building this checkout's (to compare two builds in turn).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(8 16 32 64)
command -v wrk >/dev/null || { echo "bench/web.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
binary="${REVISE_BIN:-}"
if [ -z "$binary" ]; then swift build -c release --product revise >/dev/null 2>&1; binary=.build/release/revise; fi
[ -x "$binary" ] || { echo "bench/web.sh: no program at $binary" >&2; exit 1; }
port=$((20000 + RANDOM % 20000))
"$binary" serve --db "$work/revise.sqlite" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/api/ping" >/dev/null 2>&1 && break; sleep 0.2; done
token=$(curl -fs -c "$work/jar" "$base/api/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])')
# Drawn once before it is measured: the first drawing of the timeline (~0.5 s) is not what a student waits for
# on every visit.
curl -fs -o /dev/null "$base/timeline"
card=$(curl -fs "$base/api/next" | python3 -c 'import json,sys; print(json.load(sys.stdin)["card"]["card"]["id"])')
cat > "$work/review.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"card": "$card", "rating": 3}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = "$token"
wrk.headers["Cookie"] = "revise_csrf=$token"
LUA
run() {
  local name="$1" file="$2"; shift 2
  wrk --latency -t2 -c"$connections" -d"${seconds}s" "$@" > "$work/$file.txt"
  python3 - "$name" "$work/$file.txt" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
def ms(p):
    m = re.search(rf"^\s+{p}%\s+([0-9.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{name:<22} {rps:>10,.0f} req/s   p50 {ms(50):7.2f} ms   p99 {ms(99):7.2f} ms"
      + (f"   NON-2xx: {errors.group(1)}" if errors else ""))
open(sys.argv[2] + ".rps", "w").write(str(rps))
open(sys.argv[2] + ".p99", "w").write(str(ms(99)))
PY
}
for connections in "${counts[@]}"; do
  echo "wrk -t2 -c$connections -d${seconds}s against revise serve (release) on 127.0.0.1, built-in course"
  run "hello (/api/ping)" "hello-$connections" "$base/api/ping"
  run "review API" "review-$connections" -s "$work/review.lua" "$base/api/review"
  run "timeline page" "timeline-$connections" "$base/timeline"
  python3 - "$work" "$connections" <<'PY'
import sys, os
work, n = sys.argv[1], sys.argv[2]
hello = float(open(os.path.join(work, f"hello-{n}.txt.rps")).read())
review = float(open(os.path.join(work, f"review-{n}.txt.rps")).read())
print(f"review API / hello-world throughput at {n} connections: {review / hello:.0%}")
PY
done
python3 - "$work" "${counts[@]}" <<'PY'
import sys, os
work, counts = sys.argv[1], sys.argv[2:]
def read(route, n, what):
    return float(open(os.path.join(work, f"{route}-{n}.txt.{what}")).read())
def peak(route):
    n = max(counts, key=lambda n: read(route, n, "rps"))
    return read(route, n, "rps"), n, read(route, n, "p99")
(hello, hn, hp), (review, rn, rp) = peak("hello"), peak("review")
worst = max(read("review", n, "p99") for n in counts)
print(f"throughput (the most req/s at any of {', '.join(counts)} connections): hello-world {hello:,.0f} req/s "
      f"at {hn} (p99 {hp:.2f} ms), review API {review:,.0f} req/s at {rn} (p99 {rp:.2f} ms)")
print(f"review API / hello-world throughput: {review / hello:.0%}; the review API's worst p99: {worst:.2f} ms")
PY
