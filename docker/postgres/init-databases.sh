#!/usr/bin/env bash
# docker-entrypoint-initdb.d, run once on an empty data directory: a login role and a database per service.
# Each role owns its database (Flyway migrates as the owner) and CONNECT is revoked from PUBLIC, so the gateway
# cannot open the agent's database nor the agent the gateway's. A password changed later in .env does not
# reach an existing volume: ALTER ROLE ... PASSWORD by hand, or start from an empty volume.
# No "set -u": the entrypoint sources (rather than runs) a script that lost its executable bit.
set -eo pipefail
: "${GATEWAY_DB_PASSWORD:?set GATEWAY_DB_PASSWORD}" "${AGENT_DB_PASSWORD:?set AGENT_DB_PASSWORD}"

# the passwords are psql variables, quoted by psql itself (:'name'): a quote in one cannot end the literal
psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" --dbname postgres \
  -v gateway_password="$GATEWAY_DB_PASSWORD" -v agent_password="$AGENT_DB_PASSWORD" <<'SQL'
CREATE ROLE gateway LOGIN PASSWORD :'gateway_password';
CREATE ROLE agent LOGIN PASSWORD :'agent_password';
CREATE DATABASE whatsapp_gateway OWNER gateway;
CREATE DATABASE ai_agent OWNER agent;
REVOKE CONNECT, TEMPORARY ON DATABASE whatsapp_gateway FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE ai_agent FROM PUBLIC;
SQL
