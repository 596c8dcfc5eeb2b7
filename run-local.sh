#!/usr/bin/env bash
# Builds both services and starts the whole system on this machine: embedded PostgreSQL and AMQP
# broker unless DATABASE_URL / RABBITMQ_URL are set. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package
exec java -jar local-run/target/local-run-exec.jar
