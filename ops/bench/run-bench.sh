#!/usr/bin/env bash
# Builds coopledger and runs the ledgerctl bench scenarios on this machine, each against a
# fresh in-process ledger with its same-run JDBC baseline. JSON reports go to ops/target/.
# Extra arguments reach the postings and reads runs (e.g. --duration 60s --clients 16);
# REPLAY_EVENTS (default 1000000, 0 = skip) sizes the replay run; MVN_FLAGS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -B -q ${MVN_FLAGS:-} -DskipTests package

jar=ops/target/ledgerctl.jar
java -Xmx512m -jar "$jar" bench --scenario postings --settle --out ops/target/bench-postings.json "$@"
java -Xmx512m -jar "$jar" bench --scenario reads --rate 1000 --out ops/target/bench-reads.json "$@"
if [ "${REPLAY_EVENTS:-1000000}" != "0" ]; then
  java -Xmx512m -jar "$jar" bench --scenario replay --events "${REPLAY_EVENTS:-1000000}" --accounts 1000 \
    --out ops/target/bench-replay.json
fi
# Reports on 50,000 loans and 100,000 savings accounts (seeded with SQL); exit 1 when a target is missed.
java -Xmx512m -jar "$jar" bench --scenario report --out ops/target/bench-report.json || echo "report: a target was missed"
