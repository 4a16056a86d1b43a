# Starts a throw-away PostgreSQL on 127.0.0.1 for tests and benchmarks; sourced by scripts.
# Sets TEST_POSTGRES_URL; call stop_test_postgres (e.g. from an EXIT trap) to remove it.

start_test_postgres() {
  local bindir port run_as=()
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (Debian package postgresql)"; return 1; }
  PG_TMP=$(mktemp -d /tmp/yugang-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_TMP"
    run_as=(runuser -u postgres --)
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "${run_as[@]}" "$bindir/initdb" -D "$PG_TMP/data" -U yugang -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log"; return 1; }
  # The suite runs its tests in parallel, each app with a connection per event loop.
  "${run_as[@]}" "$bindir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c max_connections=1000" start >/dev/null \
    || { cat "$PG_TMP/server.log"; return 1; }
  PG_CTL="$bindir/pg_ctl"
  PG_RUN_AS="${run_as[*]}"
  TEST_POSTGRES_URL="postgres://yugang@127.0.0.1:$port/postgres"
  export TEST_POSTGRES_URL
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${PG_TMP:-}" ] || return 0
  $PG_RUN_AS "$PG_CTL" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=""
}
