#!/usr/bin/env bash
# Runs every test of Portal on this machine: installs what a fresh machine lacks (Debian's Chromium for the browser
# tests), builds, runs the suite against a throwaway PostgreSQL cluster, a real SMTP listener and Chromium, and ends
# with one line "N passed, N failed". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] && [ -z "${PORTAL_CHROMIUM:-}" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  echo "Installing PostgreSQL server binaries for the test cluster..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

dotnet build Portal.sln -c Release -nologo -v quiet
log=$(mktemp)
set +e
dotnet test --project Portal.Tests -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints a multi-line summary; CI wants one line.
passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
skipped=$(grep -E '^\s*skipped:\s*[0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
rm -f "$log"
if [ -z "$passed" ] || [ -z "$failed" ]; then
  echo "0 passed, 1 failed"
  echo "(the test run printed no summary; see the output above)" >&2
  exit 1
fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "${passed} passed, ${failed} failed, ${skipped:-0} skipped"
exit "$status"
