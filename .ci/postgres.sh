# A throwaway PostgreSQL cluster on 127.0.0.1, owned by the postgres user (we run as root).
# Source this file, then: pg_start PORT; ... ; pg_stop. Sets DATABASE_URL, PGROOT, PGBIN.

pg_find() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL server not found: installing Debian's package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

pg_ctl_as_postgres() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" "$@"
}

pg_start() {
  local port=$1
  pg_find
  PGROOT=$(mktemp -d /tmp/caravan-pg.XXXXXX)
  PGPORT=$port
  chown postgres:postgres "$PGROOT"
  chmod 700 "$PGROOT"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  PGOPTIONS_SERVER="-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  pg_ctl_as_postgres -l "$PGROOT/server.log" -w -o "$PGOPTIONS_SERVER" start >/dev/null
  runuser -u postgres -- "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE caravan LOGIN SUPERUSER PASSWORD 'caravan'" \
    -c "CREATE DATABASE caravan OWNER caravan"
  export DATABASE_URL="postgres://caravan:caravan@127.0.0.1:$PGPORT/caravan"
}

pg_stop() {
  if [ -n "${PGROOT:-}" ]; then
    pg_ctl_as_postgres -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
}
