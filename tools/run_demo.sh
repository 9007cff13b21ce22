#!/usr/bin/env bash
# `make run`: the local reference server with its demo data on 127.0.0.1:8765, and the app with
# the demo unit. The server stops when the app window closes.
set -euo pipefail
BIN=${BIN:-.venv/bin}
SERVER_DIR=${SAFEDESK_SERVER_DATA_DIR:-.run/server}
PORT=${SAFEDESK_SERVER_PORT:-8765}

mkdir -p "$SERVER_DIR"
"$BIN/safedesk-server" --demo --data-dir "$SERVER_DIR" --port "$PORT" \
  >"$SERVER_DIR/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT

# The app works without the server; waiting a moment only spares a first "offline" notice.
for _ in $(seq 1 50); do
  if "$BIN/python" -c "import urllib.request,sys; urllib.request.urlopen(
      'http://127.0.0.1:$PORT/api/v1/health', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The reference server did not start; see $SERVER_DIR/server.log. Starting the app alone."
    break
  fi
  sleep 0.2
done

"$BIN/safedesk" --demo "$@"
