#!/usr/bin/env bash
# Operations tests on a real `npm start`: backup and restore round trip, a refused restore while
# the API runs, and recovery after the embedded PostgreSQL is killed mid-run.
# Needs the PostgreSQL 15 client programs (pg_dump, pg_restore): `.ci/run` installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="$(mktemp -d)"
export PORT="${OPS_PORT:-3458}"
LOG="$DATA_DIR/start.log"
BASE="http://127.0.0.1:$PORT"
fail() { echo "ops test failed: $*"; [ -f "$LOG" ] && tail -30 "$LOG"; exit 1; }

start() {
  npm start >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    curl -fsS "$BASE/health" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || fail "npm start exited early"
    sleep 1
  done
  fail "npm start did not answer within 180 s"
}

stop() {
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 40); do
    pgrep -f "postgres -D $DATA_DIR/pg" >/dev/null || return 0
    sleep 0.5
  done
  fail "PostgreSQL still running 20 s after SIGTERM"
}

gql() {
  curl -fsS "$BASE/graphql" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$1"
}

login() {
  TOKEN=$(curl -fsS "$BASE/graphql" -H 'content-type: application/json' \
    -d '{"query":"mutation { login(input: {email: \"platform.admin@demo.xuanpin.test\", password: \"xuanpin-demo\"}) { accessToken } }"}' \
    | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.login.accessToken')
}

region_codes() {
  gql '{"query":"{ regions(perPage: 200) { items { code } } }"}'
}

create_region() {
  gql "{\"query\":\"mutation { createRegion(input: {code: \\\"$1\\\", name: \\\"$1\\\"}) { code } }\"}" | grep -q "$1" || fail "could not create region $1"
}

start; login
create_region BACKUP-1
npm run --silent db:backup -- "$DATA_DIR/b1.dump" || fail "backup while running failed"
[ -s "$DATA_DIR/b1.dump" ] || fail "the backup file is empty"
create_region AFTER-BACKUP

if npm run --silent db:restore -- "$DATA_DIR/b1.dump" 2>"$DATA_DIR/restore.err"; then fail "restore ran while the API was running"; fi
grep -q "Stop it" "$DATA_DIR/restore.err" || fail "restore did not say why it refused: $(cat "$DATA_DIR/restore.err")"

# The embedded PostgreSQL killed mid-run: the API stops answering health; the next start recovers.
pkill -KILL -f "postgres -D $DATA_DIR/pg" || fail "could not find the embedded PostgreSQL"
sleep 1
curl -fsS "$BASE/health" >/dev/null 2>&1 && fail "health still answered OK without a database"
stop
start; login
region_codes | grep -q AFTER-BACKUP || fail "a committed row was lost after PostgreSQL was killed"
stop

npm run --silent db:restore -- "$DATA_DIR/b1.dump" || fail "restore failed"
start; login
codes=$(region_codes)
echo "$codes" | grep -q BACKUP-1 || fail "the restored database lacks the row taken before the backup"
echo "$codes" | grep -q AFTER-BACKUP && fail "the restored database has a row made after the backup"
stop
rm -rf "$DATA_DIR"
node scripts/crash-test.mjs || fail "crash test"
echo "ops tests passed: backup while running, restore refused while running, recovery after PostgreSQL was killed, restore round trip, SIGKILL mid-import"
