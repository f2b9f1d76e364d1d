#!/usr/bin/env bash
# Runs every test: unit tests of the pure domain and integration tests against real local
# services (DynamoDB Local, Redis, the SNS emulator), which the fixtures start on free ports, and
# browser tests of the dashboard in Debian's headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

ensure_dynamodb_local
ensure_redis
ensure_fauxqs
ensure_hcl2json
ensure_redocly
ensure_chromium
command -v dotnet >/dev/null || { log "the .NET SDK is required"; exit 1; }

results="$ROOT/.tools/test-results"
rm -rf "$results"
log "building"
dotnet build Lifestyle.sln -c Release -nologo -v quiet
log "testing"
log_file="$results/dotnet-test.log"
mkdir -p "$results"
set +e
dotnet test Lifestyle.sln -c Release --no-build -nologo -p:LifestyleBrowserTests=false "$@" 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
# The browser tests after the others: their Chromium and second stack would otherwise compete with
# the stack tests' 2 s read-your-writes waits on a 2-core machine.
dotnet test tests/Dashboard.Tests -c Release --no-build -nologo "$@" 2>&1 | tee -a "$log_file"
browser=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$browser
set -e

# One closing line for CI, summed over the test assemblies: "tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
exit "$status"
