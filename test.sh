#!/usr/bin/env bash
# ./test.sh [dotnet test arguments…]   every test; the integration tests start their own Azurite and maildev.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/lib.sh"
require_tools
install_node_services || exit 2
build_dotnet || exit 2

RESULTS="$ROOT/.artifacts/test-results"
rm -rf "$RESULTS"
dotnet test "$ROOT/Alerts.sln" -c Release --no-build --nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$RESULTS" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ $status -ne 0 ] || [ $failed -ne 0 ]; then exit 1; fi
[ $passed -gt 0 ] || { echo "no test ran" >&2; exit 1; }
