#!/usr/bin/env bash
# ./test.sh [dotnet test arguments…]   every test; the integration tests start their own Azurite and maildev.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/lib.sh"
require_tools
install_node_services || exit 2
build_dotnet || exit 2

RESULTS="$ROOT/.artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
dotnet test "$ROOT/Alerts.sln" -c Release --no-build --nologo --logger "console;verbosity=normal" \
  --results-directory "$RESULTS" "$@" 2>&1 | tee "$RESULTS/console.log"
status=${PIPESTATUS[0]}

# Each test assembly ends with a summary: "Total tests: N", then "Passed: N", "Failed: N", "Skipped: N" lines.
read -r assemblies passed failed skipped < <(awk '
  /^Total tests: [0-9]+$/ { a++ }
  /^ *Passed: [0-9]+$/ { p += $2 }
  /^ *Failed: [0-9]+$/ { f += $2 }
  /^ *Skipped: [0-9]+$/ { s += $2 }
  END { print a+0, p+0, f+0, s+0 }' "$RESULTS/console.log")
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ $status -ne 0 ] || [ $failed -ne 0 ]; then exit 1; fi
[ $assemblies -ge 2 ] && [ $passed -gt 0 ] || { echo "error: expected results from every test project, got $assemblies" >&2; exit 1; }
