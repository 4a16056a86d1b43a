# Starts the built server on a free loopback port with a fresh SQLite database; sourced by scripts.
# Sets YUGANG_BASE_URL and YUGANG_ADMIN_PASSWORD; call stop_test_server to stop it.

start_test_server() {
  local bin="${1:-.build/debug/yugang}" port
  SERVER_TMP=$(mktemp -d /tmp/yugang-server.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  DATA_DIR="$SERVER_TMP/data" PORT="$port" HOST=127.0.0.1 DATABASE_URL="${SERVER_DATABASE_URL:-}" PAGE_CACHE_SECONDS="${PAGE_CACHE_SECONDS:-5}" \
    LOG_LEVEL="${SERVER_LOG_LEVEL:-info}" \
    "$bin" serve >"$SERVER_TMP/server.log" 2>&1 &
  SERVER_PID=$!
  YUGANG_BASE_URL="http://127.0.0.1:$port"
  YUGANG_SERVER_LOG="$SERVER_TMP/server.log"
  for _ in $(seq 1 100); do
    curl -fs "$YUGANG_BASE_URL/health/ready" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_TMP/server.log"; return 1; }
    sleep 0.2
  done
  curl -fs "$YUGANG_BASE_URL/health/ready" >/dev/null || { cat "$SERVER_TMP/server.log"; return 1; }
  YUGANG_ADMIN_PASSWORD=$(awk '/One-time password:/ {print $3}' "$SERVER_TMP/server.log")
  export YUGANG_BASE_URL YUGANG_ADMIN_PASSWORD YUGANG_SERVER_LOG
  echo "YuGang on $YUGANG_BASE_URL"
}

stop_test_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$SERVER_TMP"
  SERVER_PID=""
}
