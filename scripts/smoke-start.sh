#!/usr/bin/env bash
# Starts the system as a newcomer would (npm start, fresh DATA_DIR), checks that it answers and
# keeps its rows across a restart, and that SIGTERM stops the API and PostgreSQL cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="$(mktemp -d)"
export PORT="${SMOKE_PORT:-3457}"
LOG="$DATA_DIR/start.log"
BASE="http://127.0.0.1:$PORT"

start() {
  npm start >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS "$BASE/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$PID" 2>/dev/null; then cat "$LOG"; echo "npm start exited early"; exit 1; fi
    sleep 1
  done
  cat "$LOG"; echo "npm start did not answer within 180 s"; exit 1
}

stop() {
  # SIGTERM to npm, as a process manager would send it; the API notices and stops cleanly.
  kill -TERM "$PID"
  for _ in $(seq 1 30); do
    if ! kill -0 "$PID" 2>/dev/null; then break; fi
    sleep 0.5
  done
  if kill -0 "$PID" 2>/dev/null; then echo "npm start did not stop within 15 s of SIGTERM"; exit 1; fi
  for _ in $(seq 1 30); do
    if ! pgrep -f "postgres -D $DATA_DIR/pg" >/dev/null && grep -q '"msg":"Stopped"' "$LOG"; then break; fi
    sleep 0.5
  done
  if pgrep -f "postgres -D $DATA_DIR/pg" >/dev/null; then cat "$LOG"; echo "PostgreSQL is still running 15 s after SIGTERM"; exit 1; fi
  grep -q '"msg":"Stopped"' "$LOG" || { cat "$LOG"; echo "the API did not log a clean stop"; exit 1; }
}

login() {
  curl -fsS "$BASE/graphql" -H 'content-type: application/json' \
    -d '{"query":"mutation { login(input: {email: \"platform.admin@demo.xuanpin.test\", password: \"xuanpin-demo\"}) { user { email } } }"}'
}

start
grep -q "Demo data: loaded now" "$LOG" || { cat "$LOG"; echo "demo data was not loaded on first start"; exit 1; }
login | grep -q platform.admin || { echo "demo login failed"; exit 1; }
curl -fsS "$BASE/venues" | grep -q '<div id="root">' || { echo "the console is not served at /"; exit 1; }
stop
start
grep -q "kept from an earlier start" "$LOG" || { cat "$LOG"; echo "second start did not keep the data"; exit 1; }
login | grep -q platform.admin || { echo "demo login failed after restart"; exit 1; }
stop
rm -rf "$DATA_DIR"
echo "smoke test passed: start, demo login, restart keeps data, clean SIGTERM"
