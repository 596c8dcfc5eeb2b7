#!/usr/bin/env bash
# Entrypoint of the rabbitmq container: the image's own entrypoint runs the broker in the background; once it is
# up, users.sh creates the services' users and deletes guest, and only then the ready file the healthcheck looks
# for appears, so the gateway and the agent never meet a broker that does not know them yet.
set -euo pipefail
ready=/tmp/users-ready
rm -f "$ready"   # a restarted container keeps /tmp

docker-entrypoint.sh rabbitmq-server &
server=$!
# docker stop signals this script (PID 1): pass it on and leave with the broker's exit status
trap 'kill -TERM "$server"; wait "$server"; exit $?' TERM INT

# run as root before the broker wrote its Erlang cookie, rabbitmqctl would create one the broker cannot read
until [ -s /var/lib/rabbitmq/.erlang.cookie ] && rabbitmqctl -q await_startup >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { echo "rabbitmq-server exited during boot" >&2; exit 1; }
  sleep 2
done
DELETE_GUEST_USER=true bash "$(dirname "$0")/users.sh"
touch "$ready"
echo "broker users ready"
wait "$server"
