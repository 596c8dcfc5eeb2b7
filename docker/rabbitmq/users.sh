#!/usr/bin/env bash
# RabbitMQ users, one per service, each limited to its own queues; re-runnable (start.sh runs it at every start,
# so a password changed in .env applies at the next start). Only rabbitmqctl is used; passwords go on its stdin.
#
# configure = queue.declare (passive=false; also allows queue.delete), read = basic.consume/basic.get.
# A passive declare (queue depth for /stats and the send backlog) needs no permission at all.
# Both services publish through the default exchange (routing key = queue name), and AMQP 0-9-1 checks
# basic.publish against the exchange only: write is "^amq\.default$" for both, so each service CAN publish
# to any queue of the vhost, including its own inputs. Only a per-queue exchange would close that.
set -euo pipefail

vhost=${RABBITMQ_VHOST:-/}
gateway=${GATEWAY_BROKER_USER:-gateway}
agent=${AGENT_BROKER_USER:-agent}
admin=${RABBITMQ_ADMIN_USER:-admin}
: "${GATEWAY_BROKER_PASSWORD:?}" "${AGENT_BROKER_PASSWORD:?}" "${RABBITMQ_ADMIN_PASSWORD:?}"
# the services' QUEUE_* names; their dead-letter queues are <name>.dlq (the suffix is fixed in both services)
incoming=${QUEUE_INCOMING_MESSAGES:-incoming_messages}
voice=${QUEUE_VOICE_TRANSCRIPTION:-voice_transcription}
outgoing=${QUEUE_OUTGOING_MESSAGES:-outgoing_messages}
follow_ups=${QUEUE_OUTGOING_FOLLOW_UPS:-outgoing_follow_ups}

ctl() { rabbitmqctl -q "$@"; }

# ^(a|b\.dlq)$: exactly the names given, regex characters escaped
exactly() {
  local names=() name
  for name; do names+=("$(printf '%s' "$name" | sed 's/[][\.|$(){}?+*^]/\\&/g')"); done
  local IFS='|'
  printf '^(%s)$' "${names[*]}"
}

user_exists() { ctl list_users --silent | cut -f1 | grep -qxF -- "$1"; }

# user password tag...: create or update, tags replaced by the ones given
user() {
  local name=$1 password=$2
  shift 2
  if user_exists "$name"; then
    printf '%s\n' "$password" | ctl change_password "$name"
  else
    printf '%s\n' "$password" | ctl add_user "$name"
  fi
  ctl set_user_tags "$name" "$@"
}

ctl list_vhosts --silent name | grep -qxF -- "$vhost" || ctl add_vhost "$vhost"

# the gateway declares all eight queues; it consumes voice notes, replies and follow-ups, and its dead-letter
# replay (POST /dead-letters/{queue}/replay) reads the .dlq of incoming, outgoing and voice
user "$gateway" "$GATEWAY_BROKER_PASSWORD"
ctl set_permissions -p "$vhost" "$gateway" \
  "$(exactly "$incoming" "$voice" "$outgoing" "$follow_ups" \
             "$incoming.dlq" "$voice.dlq" "$outgoing.dlq" "$follow_ups.dlq")" \
  '^amq\.default$' \
  "$(exactly "$voice" "$outgoing" "$follow_ups" "$incoming.dlq" "$outgoing.dlq" "$voice.dlq")"

# the agent declares the six queues it shares with the gateway and consumes customer messages only
user "$agent" "$AGENT_BROKER_PASSWORD"
ctl set_permissions -p "$vhost" "$agent" \
  "$(exactly "$incoming" "$outgoing" "$follow_ups" "$incoming.dlq" "$outgoing.dlq" "$follow_ups.dlq")" \
  '^amq\.default$' \
  "$(exactly "$incoming")"

# the operator's account for the management UI (inspect, move or purge dead letters); no service uses it
user "$admin" "$RABBITMQ_ADMIN_PASSWORD" administrator
ctl set_permissions -p "$vhost" "$admin" '.*' '.*' '.*'

# guest/guest is the image's first-boot default; the tests run this script on a shared broker with the switch off
if [ "${DELETE_GUEST_USER:-false}" = true ] && user_exists guest; then
  ctl delete_user guest
fi
