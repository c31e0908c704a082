# A throwaway Redis server on 127.0.0.1 (Debian's redis-server), no persistence: source this
# file, then: redis_start PORT; redis_restart; redis_stop. Sets REDIS_URL and REDISROOT.

redis_start() {
  REDISPORT=${1:-$REDISPORT}
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing Debian's package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq redis-server >/dev/null
    service redis-server stop >/dev/null 2>&1 || true
  fi
  REDISROOT=${REDISROOT:-$(mktemp -d /tmp/caravan-redis.XXXXXX)}
  redis-server --port "$REDISPORT" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$REDISROOT" --daemonize yes --pidfile "$REDISROOT/redis.pid" \
    --logfile "$REDISROOT/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
}

redis_kill() {
  if [ -f "${REDISROOT:-/nonexistent}/redis.pid" ]; then
    kill "$(cat "$REDISROOT/redis.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [ -f "$REDISROOT/redis.pid" ] || break
      kill -0 "$(cat "$REDISROOT/redis.pid")" 2>/dev/null || break
      sleep 0.1
    done
    rm -f "$REDISROOT/redis.pid"
  fi
}

# Down for a moment and back empty, as after a crash without persistence.
redis_restart() {
  redis_kill
  sleep "${1:-2}"
  redis_start
}

redis_stop() {
  redis_kill
  [ -n "${REDISROOT:-}" ] && rm -rf "$REDISROOT"
  REDISROOT=""
}
