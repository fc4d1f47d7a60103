# Starts a throw-away PostgreSQL server on 127.0.0.1 and exports TEST_DATABASE_URL.
# Sourced by .ci/run; also handy locally: `source .ci/postgres.sh && start_postgres`.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_PORT=${PG_PORT:-54329}
PG_DIR=$(mktemp -d /tmp/slipway-pg.XXXXXX)

as_pg_user() {
  # PostgreSQL refuses to run as root; the Debian package creates the postgres user.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

start_postgres() {
  # Another server (a developer's, an earlier run's) may hold the port: take the next free one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  # Password authentication, as a managed database has: tests check that a wrong password fails.
  local password="slipway-test-$RANDOM$RANDOM"
  as_pg_user "printf '%s' '$password' > '$PG_DIR/pwfile'"
  as_pg_user "'$PG_BIN/initdb' -D '$PG_DIR/data' -A scram-sha-256 -U postgres --pwfile='$PG_DIR/pwfile'" >/dev/null
  as_pg_user "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR\" start" >/dev/null
  export TEST_DATABASE_URL="postgres://postgres:$password@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  as_pg_user "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
