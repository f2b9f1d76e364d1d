#!/usr/bin/env bash
# The benchmark of docs/product-rules.md §9 (docs/performance.md): builds the API, the projector and the benchmark in
# Release, then runs it. By default it starts its own stack on free loopback ports (DynamoDB Local in
# memory, Redis, the API and the projector as child processes); --attach measures the stack ./run.sh
# started instead. Prints one table and writes it to bench/results/latest.md (--quick: latest-quick.md).
#   bench/run.sh            # full run, about 4 minutes on a 2-core machine
#   bench/run.sh --quick    # under 90 s
#   bench/run.sh --help     # every option
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_dynamodb_local
ensure_redis
ensure_fauxqs
command -v dotnet >/dev/null || { log "the .NET SDK is required"; exit 1; }
log "building (Release)"
dotnet build bench/Lifestyle.Benchmarks -c Release -nologo -v quiet
exec dotnet bench/Lifestyle.Benchmarks/bin/Release/net10.0/Lifestyle.Benchmarks.dll "$@"
