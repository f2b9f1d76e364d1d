#!/usr/bin/env bash
# Starts the whole local stack in the foreground: DynamoDB Local, Redis, the SNS/SQS emulator,
# the table, the API and the local projector (the stream consumer). Ctrl-C or SIGTERM stops all of it.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

API_PORT="${LIFESTYLE_API_PORT:-5080}"
DYNAMODB_PORT="${LIFESTYLE_DYNAMODB_PORT:-8000}"
REDIS_PORT="${LIFESTYLE_REDIS_PORT:-6379}"
SNS_PORT="${LIFESTYLE_SNS_PORT:-4566}"
TABLE="${LIFESTYLE_TABLE:-lifestyle}"
STATE="$ROOT/.run"

for p in "$API_PORT" "$DYNAMODB_PORT" "$REDIS_PORT" "$SNS_PORT"; do
  port_free "$p" || { log "port $p is already in use (set LIFESTYLE_*_PORT to move it)"; exit 1; }
done

ensure_dynamodb_local
ensure_redis
ensure_fauxqs
log "building"
dotnet build src/Api -c Release -nologo -v quiet
dotnet build src/Projections -c Release -nologo -v quiet

pids=()
stop() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

mkdir -p "$STATE/dynamodb"
(cd "$TOOLS/dynamodb-local" && exec java -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar \
  -sharedDb -dbPath "$STATE/dynamodb" -port "$DYNAMODB_PORT" >"$STATE/dynamodb.log" 2>&1) &
pids+=($!)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$STATE/redis.log" 2>&1 &
pids+=($!)
FAUXQS_PORT="$SNS_PORT" "$LIFESTYLE_FAUXQS_BIN" >"$STATE/sns.log" 2>&1 &
pids+=($!)
wait_for_port "$DYNAMODB_PORT" 60 "DynamoDB Local"
wait_for_port "$REDIS_PORT" 30 "Redis"
wait_for_port "$SNS_PORT" 60 "SNS emulator"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SNS_PORT/" \
  --data "Action=CreateTopic&Name=${LIFESTYLE_SNS_TOPIC:-lifestyle-notifications}" || log "could not create the SNS topic"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DynamoDb__ServiceUrl="http://127.0.0.1:$DYNAMODB_PORT" DynamoDb__TableName="$TABLE" DynamoDb__CreateTableIfMissing=true
export Redis__Configuration="127.0.0.1:$REDIS_PORT"
# The API and the projector both see these; the projector publishes notifications to the topic.
export Sns__ServiceUrl="http://127.0.0.1:$SNS_PORT" Sns__TopicName="${LIFESTYLE_SNS_TOPIC:-lifestyle-notifications}"
API_BIN="$ROOT/src/Api/bin/Release/net10.0"
dotnet "$API_BIN/Lifestyle.Api.dll" --contentRoot "$API_BIN" --urls "http://127.0.0.1:$API_PORT" &
pids+=($!)
wait_for_port "$API_PORT" 60 "API"
PROJECTOR_BIN="$ROOT/src/Projections/bin/Release/net10.0"
dotnet "$PROJECTOR_BIN/Lifestyle.Projections.dll" consume >"$STATE/projector.log" 2>&1 &
pids+=($!)

cat >&2 <<INFO

  Lifestyle local stack is up (Ctrl-C stops everything):
    API             http://127.0.0.1:$API_PORT   (OpenAPI: /openapi/v1.json, health: /health/ready)
    DynamoDB Local  http://127.0.0.1:$DYNAMODB_PORT   table '$TABLE' (data in .run/dynamodb)
    Redis           127.0.0.1:$REDIS_PORT
    SNS/SQS         http://127.0.0.1:$SNS_PORT   topic '${LIFESTYLE_SNS_TOPIC:-lifestyle-notifications}'
    projector       reading the table's stream, publishing notifications (log: .run/projector.log)
    daily close     dotnet src/Projections/bin/Release/net10.0/Lifestyle.Projections.dll daily-close [--date yyyy-MM-dd]
                    with DynamoDb__ServiceUrl=http://127.0.0.1:$DYNAMODB_PORT DynamoDb__TableName=$TABLE Sns__ServiceUrl=http://127.0.0.1:$SNS_PORT
    dev token       dotnet src/Api/bin/Release/net10.0/Lifestyle.Api.dll dev-token alice
    logs            .run/*.log

INFO

# Run until a component dies or we are told to stop.
set +e
wait -n "${pids[@]}"
code=$?
log "a component exited (code $code); stopping the stack"
exit "$code"
