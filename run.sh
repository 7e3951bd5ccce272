#!/usr/bin/env bash
# ./run.sh                      run the pipeline on the bundled samples and print the alerts it delivers
# ./run.sh --keep-running       the same, then keep the host running on its schedule (Ctrl-C stops everything)
# ./run.sh replay DIR --out FILE [--explain] [--gold GOLD.json [--verbose]]   analysis, novelty and alerts over article
#                               files, no storage or network; with --gold, the alerts' score against gold labels
# ./run.sh deliveries [--failed|--pending|--sent]   the delivery records of the last run (status, attempts, reasons)
# ./run.sh deliveries retry ID|--failed   puts a failed delivery (or all) back to pending for the redrive to send
# ./run.sh send-test SUBSCRIBER_ID   a sample alert through each of that subscriber's channels; prints each outcome
# ./run.sh poison list             blobs whose step failed: quarantined (run by nothing until retried) or still retried
# ./run.sh poison retry NAME|--all  removes a quarantine record and runs the blob's step again
# ./run.sh bench e2e [--backlog N] [--rate R] [--duration S]   feed-to-inbox latency, throughput, peak RSS and Language
#                               records through the real host (docs/PERFORMANCE.md); own Azurite, maildev and feeds
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/lib.sh"
require_tools

HOST_DLL="$ROOT/src/Alerts.Host/bin/Release/net10.0/Alerts.Host.dll"

if [ "${1:-}" = "replay" ]; then
  build_dotnet
  exec dotnet "$HOST_DLL" "$@"
fi

if [ "${1:-}" = "bench" ]; then
  [ "${2:-}" = "e2e" ] || die "usage: ./run.sh bench e2e [--backlog N] [--rate R] [--duration S] [--timeout S] [--set Name=Value]"
  shift 2
  install_node_services
  build_dotnet
  exec dotnet "$ROOT/bench/Alerts.Benchmarks/bin/Release/net10.0/Alerts.Benchmarks.dll" e2e "$@"
fi

if [ "${1:-}" = "deliveries" ] || [ "${1:-}" = "send-test" ] || [ "${1:-}" = "poison" ]; then
  # Against the storage (and mailbox) of the last ./run.sh: started here unless something already listens.
  install_node_services
  build_dotnet
  RUN_DIR="$ROOT/.run"
  mkdir -p "$RUN_DIR/azurite" "$RUN_DIR/mail"
  trap stop_services EXIT INT TERM
  port_free 10000 && start_service azurite 10000 "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --location "$RUN_DIR/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1
  if { [ "$1" = "send-test" ] || [ "$1" = "poison" ]; } && port_free 1025; then
    start_service maildev 1025 "$ROOT/node_modules/.bin/maildev" --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 \
      --mail-directory "$RUN_DIR/mail"
  fi
  SETTINGS="$ROOT/local.settings.json"
  [ -f "$SETTINGS" ] || SETTINGS="$ROOT/local.settings.sample.json"
  cd "$ROOT"
  dotnet "$HOST_DLL" "$@" --settings "$SETTINGS"
  exit $?
fi

KEEP_RUNNING=false
for arg in "$@"; do
  case "$arg" in
    --keep-running) KEEP_RUNNING=true ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown argument '$arg' (try --help)" ;;
  esac
done

install_node_services
build_dotnet

# A fresh state every run: no articles, statements or mail left from an earlier one.
RUN_DIR="$ROOT/.run"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/azurite" "$RUN_DIR/mail"
trap stop_services EXIT INT TERM

say "Starting Azurite (storage), maildev (SMTP) and the sample feed server…"
start_service azurite 10000 "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
  --location "$RUN_DIR/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1
start_service maildev 1025 "$ROOT/node_modules/.bin/maildev" --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 \
  --mail-directory "$RUN_DIR/mail"
start_service samples 7080 node "$ROOT/scripts/serve-samples.mjs" 7080

SETTINGS="$ROOT/local.settings.json"
[ -f "$SETTINGS" ] || SETTINGS="$ROOT/local.settings.sample.json"
say "Running the function host with $(basename "$SETTINGS")…"
if $KEEP_RUNNING; then
  say "Read the emails at http://127.0.0.1:1080 . Ctrl-C stops the host and the services."
  dotnet "$HOST_DLL" run --settings "$SETTINGS"
else
  dotnet "$HOST_DLL" run --settings "$SETTINGS" --until-idle
  say "Host stopped."
  echo
  echo "The emails are saved as .eml files in $RUN_DIR/mail (maildev's web page, http://127.0.0.1:1080, is up while"
  echo "the run lasts; ./run.sh --keep-running keeps it and the host running)."
fi
