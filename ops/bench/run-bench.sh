#!/usr/bin/env bash
# Builds coopledger and runs both ledgerctl bench scenarios on this machine, each against a
# fresh in-process ledger with its same-run JDBC baseline. JSON reports go to ops/target/.
# Extra arguments reach both runs (e.g. --duration 60s --clients 16); MVN_FLAGS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -B -q ${MVN_FLAGS:-} -DskipTests package

jar=ops/target/ledgerctl.jar
java -Xmx512m -jar "$jar" bench --scenario postings --out ops/target/bench-postings.json "$@"
java -Xmx512m -jar "$jar" bench --scenario reads --rate 1000 --out ops/target/bench-reads.json "$@"
