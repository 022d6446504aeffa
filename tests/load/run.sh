#!/usr/bin/env bash
# A bounded load test of `briefing serve` on the default briefing, on 127.0.0.1 only:
# wrk for a fixed time (10 s, 2 threads, 50 connections) over the page types, then
# path traversal attempts, which must all be refused. Stops by itself; not part of CI.
# (tests/load/soak.py is the longer test: readers and a writer at once, for minutes.)
#
#   tests/load/run.sh                 # uses target/release/briefing, building it if needed
#   BRIEFING_BIN=/path/to/briefing DURATION=30s CONNECTIONS=100 tests/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
bin=${BRIEFING_BIN:-${CARGO_TARGET_DIR:-target}/release/briefing}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 2; }
if [ -z "${BRIEFING_BIN:-}" ]; then
  cargo build --release --locked --quiet
fi

log=$(mktemp)
"$bin" serve --root "$repo" --bind 127.0.0.1 --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "serve exited" >&2; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "serve did not start" >&2; exit 2; }
base=${url%/}
echo "serving at $base (pid $server)"
curl -fsS -o /dev/null "$base/" || { echo "the overview does not load" >&2; exit 1; }

echo
echo "== load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s tests/load/paths.lua "$base/")
echo "$out"
failed=0
if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
  echo "FAIL: error responses under load" >&2
  failed=1
fi
if grep -q "Socket errors" <<<"$out"; then
  echo "FAIL: socket errors under load" >&2
  failed=1
fi

echo
echo "== path traversal (each must be refused, and leak nothing)"
for path in \
  '/../' '/..' '/../Cargo.toml' '/../../../../etc/passwd' '/people/../../Cargo.toml' \
  '/%2e%2e/Cargo.toml' '/%2E%2E%2FCargo.toml' '/..%2fCargo.toml' '/..%2F..%2F..%2Fetc%2Fpasswd' \
  '/%252e%252e/Cargo.toml' '/..%5cCargo.toml' '/..\Cargo.toml' '/.%2e/Cargo.toml' '/%c0%ae%c0%ae/Cargo.toml' \
  '/./../Cargo.toml' '//etc/passwd' '/people/%2e%2e/%2e%2e/briefing.yaml' '/briefing.yaml' \
  '/content/outlets.yaml' '/src/main.rs' '/.git/config' '/%00' '/index.html%00.css'; do
  body=$(mktemp)
  code=$(curl -s --path-as-is -o "$body" -w '%{http_code}' "$base$path" || echo 000)
  leak=
  if grep -qE 'root:x:0:0|\[package\]|base_url:|^gazette:|\[core\]|fn main' "$body"; then leak=" LEAKED"; fi
  printf '%-40s %s%s\n' "$path" "$code" "$leak"
  case "$code" in
    400|403|404) ;;
    *) echo "FAIL: $path answered $code" >&2; failed=1 ;;
  esac
  [ -z "$leak" ] || failed=1
  rm -f "$body"
done

echo
kill -0 "$server" 2>/dev/null || { echo "FAIL: serve died during the test" >&2; failed=1; }
if [ "$failed" = 0 ]; then echo "load test passed"; else echo "load test FAILED" >&2; fi
exit "$failed"
