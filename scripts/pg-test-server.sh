#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests: Debian's server (apt-get install postgresql), a data folder under /tmp,
# listening on 127.0.0.1 only, a database and a role whose password is made up here (never printed, never committed).
#
#   scripts/pg-test-server.sh start    initdb (first time) + start; then `url` gives the TEST_DATABASE_URL
#   scripts/pg-test-server.sh url      prints postgres://c7test:<password>@127.0.0.1:<port>/c7test (for export only)
#   scripts/pg-test-server.sh stop     stops it (the data folder stays until `clean`)
#   scripts/pg-test-server.sh clean    stops it and removes the data folder
#
# export TEST_DATABASE_URL="$(scripts/pg-test-server.sh url)" and the PostgreSQL tests run. Run as root, the server
# runs as the `postgres` user (PostgreSQL refuses root); run as yourself, as you. C7_PG_PORT (55432), C7_PG_DIR.
set -euo pipefail
PORT="${C7_PG_PORT:-55432}"
BASE="${C7_PG_DIR:-${TMPDIR:-/tmp}/c7-pg-$PORT}"
DATA="$BASE/data"
SECRET="$BASE/password" # mode 600, owned by whoever runs this script

bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do [ -x "$b/pg_ctl" ] && { echo "$b"; return; }; done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return; }
  echo "pg-test-server: no PostgreSQL server found: apt-get install postgresql (Debian/Ubuntu), or brew install postgresql" >&2
  exit 1
}
BIN="$(bin)"

# As root the server's files and process belong to `postgres`.
as_server() {
  # (from /: the postgres user may not be allowed into the folder this runs from)
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
sql() { as_server "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA" -p "$PORT" -U postgres -d postgres "$@"; }

start() {
  mkdir -p "$BASE"
  if [ "$(id -u)" = 0 ]; then chown postgres "$BASE"; fi
  if [ ! -s "$SECRET" ]; then
    (umask 077; node -e "process.stdout.write(require('node:crypto').randomBytes(18).toString('hex'))" > "$SECRET")
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    # Local (socket) connections: trust, but the socket lives in the 0700 data folder, so only its owner reaches it.
    as_server "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-instructions >/dev/null
  fi
  if ! as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_server "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$DATA' -c max_connections=200" start >/dev/null
  fi
  local password
  password="$(cat "$SECRET")"
  # The password goes in on standard input, so it shows in no process list.
  sql <<SQL
SELECT 'CREATE ROLE c7test LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'c7test')\gexec
ALTER ROLE c7test PASSWORD '$password';
SELECT 'CREATE DATABASE c7test OWNER c7test' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'c7test')\gexec
SQL
  echo "pg-test-server: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data $DATA)" >&2
}

case "${1:-start}" in
  start) start ;;
  url) [ -s "$SECRET" ] || { echo "pg-test-server: not started (scripts/pg-test-server.sh start)" >&2; exit 1; }
       printf 'postgres://c7test:%s@127.0.0.1:%s/c7test\n' "$(cat "$SECRET")" "$PORT" ;;
  stop) [ -f "$DATA/PG_VERSION" ] && as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true ;;
  clean) "$0" stop; rm -rf "$BASE" ;;
  *) echo "usage: $0 start|url|stop|clean" >&2; exit 2 ;;
esac
