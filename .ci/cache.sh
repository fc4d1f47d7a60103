# Starts a throw-away Redis server (the protocol of the managed Valkey/Redis a cluster gets) on
# 127.0.0.1 and exports TEST_CACHE_URL. Sourced by .ci/run; also handy locally:
# `source .ci/cache.sh && start_cache` (Debian: apt-get install redis-server).
CACHE_PORT=${CACHE_PORT:-63799}
CACHE_DIR=$(mktemp -d /tmp/slipway-cache.XXXXXX)

start_cache() {
  # Another server (a developer's, an earlier run's) may hold the port: take the next free one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$CACHE_PORT") 2>/dev/null; do CACHE_PORT=$((CACHE_PORT + 1)); done
  # A password, as a managed cache has: tests check that a wrong one fails.
  local password="slipway-test-$RANDOM$RANDOM"
  # The password goes in a config file, not on the command line, where ps would show it.
  # No persistence: the server holds only what one test run writes.
  cat >"$CACHE_DIR/redis.conf" <<EOF
bind 127.0.0.1
port $CACHE_PORT
requirepass $password
daemonize yes
pidfile $CACHE_DIR/redis.pid
logfile $CACHE_DIR/log
dir $CACHE_DIR
save ""
appendonly no
EOF
  chmod 600 "$CACHE_DIR/redis.conf"
  redis-server "$CACHE_DIR/redis.conf"
  # Daemonized, it answers once it has bound the port: wait for that, a few seconds at most.
  local tries=0
  until REDISCLI_AUTH="$password" redis-cli -h 127.0.0.1 -p "$CACHE_PORT" ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then
      echo "the cache server did not start; its log:" >&2
      cat "$CACHE_DIR/log" >&2
      return 1
    fi
    sleep 0.1
  done
  export TEST_CACHE_URL="redis://:$password@127.0.0.1:$CACHE_PORT"
  echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$CACHE_PORT"
}

stop_cache() {
  if [ -f "$CACHE_DIR/redis.pid" ]; then kill "$(cat "$CACHE_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$CACHE_DIR"
}
