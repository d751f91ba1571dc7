#!/usr/bin/env bash
# Crash test: runs a logged posting load against the ledger jar on a fresh embedded data folder,
# kill -9s the ledger in the middle of it (and its embedded PostgreSQL, as a power cut would:
# PostgreSQL runs as its own process and would otherwise survive the JVM), restarts it on the
# same data folder, resends every request that got no 2xx with its same Idempotency-Key (as a
# real client retries), then checks that each key's deposit is stored exactly once, that
# acknowledged ones keep their transaction id, that nothing else was posted, that the
# projections catch up, and finally runs `ledgerctl verify` on the stopped ledger.
#
# Needs api/target/coopledger-exec.jar and ops/target/ledgerctl.jar (mvn -B -DskipTests package,
# or the CI's mvn -B verify). Exit 0 when everything holds, non-zero otherwise.
#
#   ops/crash/run-crash-test.sh            # 16 clients, 60 s of load, killed 25 s into it
#   ops/crash/run-crash-test.sh --short    # 4 clients, 15 s of load, killed 5 s into it (CI)
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS=16; DURATION=60; KILL_AFTER=25
if [ "${1:-}" = "--short" ]; then
  CLIENTS=4; DURATION=15; KILL_AFTER=5
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--short]" >&2; exit 2
fi

APP_JAR=api/target/coopledger-exec.jar
CTL_JAR=ops/target/ledgerctl.jar
for jar in "$APP_JAR" "$CTL_JAR"; do
  if [ ! -f "$jar" ]; then
    echo "crash test: $jar is missing; build first: mvn -B -DskipTests package" >&2
    exit 2
  fi
done

WORK="$PWD/target/crash-test/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$WORK"
DATA="$WORK/data"
LOG="$WORK/requests.tsv"

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return
    fi
  done
}
HTTP_PORT=$(free_port)
PG_PORT=$(free_port)
while [ "$PG_PORT" = "$HTTP_PORT" ]; do PG_PORT=$(free_port); done
URL="http://127.0.0.1:$HTTP_PORT"
ADMIN_PASSWORD="crash-admin-$RANDOM$RANDOM$RANDOM"
TELLER="crash-teller-$RANDOM"
TELLER_PASSWORD="crash-teller-pw-$RANDOM$RANDOM$RANDOM"

APP_PID=""
LOAD_PID=""
cleanup() {
  # Only the processes this script started, by their ids.
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  kill_postgres
}
postmaster_pid() {
  [ -f "$DATA/postgres/postmaster.pid" ] && head -n 1 "$DATA/postgres/postmaster.pid" || true
}
kill_postgres() {
  local pid
  pid=$(postmaster_pid)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}
trap cleanup EXIT

start_ledger() {
  LEDGER_DATA_DIR="$DATA" LEDGER_EMBEDDED_DB_PORT="$PG_PORT" LEDGER_PORT="$HTTP_PORT" \
    LEDGER_ADMIN_PASSWORD="$ADMIN_PASSWORD" LEDGER_DB_POOL_SIZE=16 \
    java -Xmx512m -jar "$APP_JAR" >>"$WORK/ledger-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "$URL/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "crash test: the ledger did not start ($1); see $WORK/ledger-$1.log" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "crash test: the ledger did not become healthy in 120 s ($1)" >&2; exit 1
}

echo "crash test: ledger on $URL, embedded PostgreSQL on $PG_PORT, data and logs in $WORK"
started=$(date +%s)
start_ledger first
echo "crash test: $CLIENTS clients post deposits for ${DURATION}s; kill -9 ${KILL_AFTER}s after the first is acknowledged"
java -Xmx256m -jar "$CTL_JAR" crash-load --target "$URL" --admin-password "$ADMIN_PASSWORD" \
  --teller "$TELLER" --teller-password "$TELLER_PASSWORD" --clients "$CLIENTS" --duration "${DURATION}s" \
  --log "$LOG" >"$WORK/crash-load.out" 2>&1 &
LOAD_PID=$!
# The clock starts with the first acknowledged deposit, not with the set-up of the accounts.
for _ in $(seq 1 600); do
  grep -q -P '^ANSWER\t[^\t]+\t201\t' "$LOG" 2>/dev/null && break
  if ! kill -0 "$LOAD_PID" 2>/dev/null; then
    echo "crash test: FAILED, the load client stopped before posting:" >&2; cat "$WORK/crash-load.out" >&2; exit 1
  fi
  sleep 0.2
done
sleep "$KILL_AFTER"

echo "crash test: kill -9 the ledger (pid $APP_PID) and its PostgreSQL (pid $(postmaster_pid))"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
kill_postgres

if ! wait "$LOAD_PID"; then
  LOAD_PID=""
  echo "crash test: FAILED, the load client failed:" >&2; cat "$WORK/crash-load.out" >&2; exit 1
fi
LOAD_PID=""
cat "$WORK/crash-load.out"

echo "crash test: restarting the ledger on the same data folder"
start_ledger second
java -Xmx256m -jar "$CTL_JAR" crash-check --target "$URL" --teller "$TELLER" --teller-password "$TELLER_PASSWORD" \
  --log "$LOG" --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" --db-user postgres --timeout 120s \
  2> >(grep -v 'If you are an AI' >&2) || { echo "crash test: FAILED (crash-check)" >&2; exit 1; }

echo "crash test: stopping the ledger, then ledgerctl verify"
kill "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
if ! java -Xmx256m -jar "$CTL_JAR" verify --data-dir "$DATA" >"$WORK/verify.out" 2>&1; then
  cat "$WORK/verify.out"; echo "crash test: FAILED (ledgerctl verify)" >&2; exit 1
fi
tail -n 5 "$WORK/verify.out"
echo "crash test: PASSED in $(( $(date +%s) - started ))s"
