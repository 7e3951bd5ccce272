# Shared by run.sh and test.sh: installs the local services (pinned in package.json / package-lock.json) and the
# .NET packages, and starts and stops the services it started.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STARTED_PIDS=()

say() { printf '\033[1m[%3ss] %s\033[0m\n' "$SECONDS" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 2; }

require_tools() {
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK first"
  command -v node >/dev/null || die "Node.js (node) is not on PATH; install Node.js 20+ and npm"
  command -v npm >/dev/null || die "npm is not on PATH; install Node.js 20+ and npm"
}

install_node_services() {
  # npm ci only when node_modules is missing or older than the lock file.
  if [ ! -x "$ROOT/node_modules/.bin/azurite" ] || [ ! -x "$ROOT/node_modules/.bin/maildev" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "Installing Azurite and maildev (npm ci)…"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

build_dotnet() {
  say "Building (dotnet build -c Release)…"
  dotnet build "$ROOT/Alerts.sln" -c Release -nologo -v q -clp:ErrorsOnly >&2
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port name
  for _ in $(seq 1 150); do
    port_free "$1" || return 0
    sleep 0.2
  done
  die "$2 did not start listening on 127.0.0.1:$1 (see $RUN_DIR/$2.log)"
}

start_service() { # name port command…
  local name=$1 port=$2; shift 2
  port_free "$port" || die "port $port (for $name) is already in use on 127.0.0.1; stop whatever uses it and try again"
  "$@" >"$RUN_DIR/$name.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for_port "$port" "$name"
}

stop_services() {
  # TERM first; whatever has not exited a few seconds later is killed.
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    local alive=false
    for pid in "${STARTED_PIDS[@]:-}"; do
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=true
    done
    $alive || break
    sleep 0.1
  done
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}
