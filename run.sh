#!/usr/bin/env bash
# Starts the whole local stack in the foreground: DynamoDB Local, Redis, the SNS/SQS emulator,
# the table, the API and the local projector (the stream consumer), each under a supervisor that
# restarts it when it exits (scripts/supervise.sh), and the daily close at each midnight UTC.
# Ctrl-C or SIGTERM stops all of it.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
source scripts/supervise.sh

API_PORT="${LIFESTYLE_API_PORT:-5080}"
DYNAMODB_PORT="${LIFESTYLE_DYNAMODB_PORT:-8000}"
REDIS_PORT="${LIFESTYLE_REDIS_PORT:-6379}"
SNS_PORT="${LIFESTYLE_SNS_PORT:-4566}"
TABLE="${LIFESTYLE_TABLE:-lifestyle}"
TOPIC="${LIFESTYLE_SNS_TOPIC:-lifestyle-notifications}"
STATE="${LIFESTYLE_RUN_DIR:-$ROOT/.run}" # logs (appended across restarts), NAME.pid, DynamoDB Local's data
SUPERVISE_PID_DIR="$STATE"
SNS_URL="http://127.0.0.1:$SNS_PORT"
API_BIN="$ROOT/src/Api/bin/Release/net10.0"
PROJECTOR_BIN="$ROOT/src/Projections/Host/bin/Release/net10.0"

check_ports() {
  local p
  for p in "$API_PORT" "$DYNAMODB_PORT" "$REDIS_PORT" "$SNS_PORT"; do
    port_free "$p" || { log "port $p is already in use (set LIFESTYLE_*_PORT to move it)"; exit 1; }
  done
}

build() {
  [ "${LIFESTYLE_NO_BUILD:-}" = 1 ] && return 0 # tests that start ./run.sh after ./test.sh built
  log "building"
  dotnet build src/Api -c Release -nologo -v quiet
  dotnet build src/Projections/Host -c Release -nologo -v quiet
}

# fauxqs keeps topics and subscriptions in memory: after it restarts, the topic is created again (its
# ARN is derived from the name, so the projector's cached ARN stays valid) and the subscriptions that
# existed before are gone.
create_topic() {
  curl -fsS -o /dev/null -m 5 -X POST "$SNS_URL/" --data "Action=CreateTopic&Name=$TOPIC"
}

remember_subscriptions() { # the emulator's subscriptions, to name them when they are lost
  local xml
  xml="$(curl -fsS -m 2 -X POST "$SNS_URL/" --data "Action=ListSubscriptions" 2>/dev/null)" || return 0
  { grep -o '<Endpoint>[^<]*</Endpoint>' <<<"$xml" || true; } | sed -E 's/<\/?Endpoint>//g' >"$STATE/sns-subscriptions.txt"
}

recreate_topic() {
  local lost="none known"
  [ -s "$STATE/sns-subscriptions.txt" ] && lost="$(paste -sd ' ' "$STATE/sns-subscriptions.txt")"
  wait_for_port "$SNS_PORT" 60 "SNS emulator" || return 1
  if create_topic; then note "$STATE/sns.log" "SNS topic '$TOPIC' re-created after the emulator restarted"; else
    note "$STATE/sns.log" "could not re-create the SNS topic '$TOPIC'"; return 1; fi
  note "$STATE/sns.log" "the emulator's subscriptions were lost with it; re-subscribe (last known: $lost)"
}

start_stores() {
  start_supervised dynamodb "$STATE/dynamodb.log" - \
    bash -c 'cd "$1" && exec java -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -sharedDb -dbPath "$2" -port "$3"' \
    _ "$TOOLS/dynamodb-local" "$STATE/dynamodb" "$DYNAMODB_PORT"
  start_supervised redis "$STATE/redis.log" - \
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
  start_supervised sns "$STATE/sns.log" recreate_topic env FAUXQS_PORT="$SNS_PORT" "$LIFESTYLE_FAUXQS_BIN"
  wait_for_port "$DYNAMODB_PORT" 60 "DynamoDB Local"
  wait_for_port "$REDIS_PORT" 30 "Redis"
  wait_for_port "$SNS_PORT" 60 "SNS emulator"
  create_topic || log "could not create the SNS topic"
}

start_services() {
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export DynamoDb__ServiceUrl="http://127.0.0.1:$DYNAMODB_PORT" DynamoDb__TableName="$TABLE" DynamoDb__CreateTableIfMissing=true
  export Redis__Configuration="127.0.0.1:$REDIS_PORT"
  # The API and the projector both see these; the projector publishes notifications to the topic.
  export Sns__ServiceUrl="$SNS_URL" Sns__TopicName="$TOPIC"
  start_supervised api "$STATE/api.log" - \
    dotnet "$API_BIN/Lifestyle.Api.dll" --contentRoot "$API_BIN" --urls "http://127.0.0.1:$API_PORT"
  wait_for_port "$API_PORT" 60 "API"
  start_supervised projector "$STATE/projector.log" - dotnet "$PROJECTOR_BIN/Lifestyle.Projections.dll" consume
}

# The daily close for the UTC day that just ended, at each midnight UTC (EventBridge Scheduler's job in
# AWS). A midnight the machine slept through is not caught up, as with EventBridge.
daily_close_loop() {
  local file="$STATE/daily-close.log" period="${LIFESTYLE_DAILY_CLOSE_PERIOD:-86400}" now next day waiter=""
  trap '[ -n "$waiter" ] && kill "$waiter" 2>/dev/null; exit 0' TERM
  trap '' INT HUP
  while true; do
    now=$(date -u +%s); next=$(((now / period + 1) * period))
    sleep $((next - now)) & waiter=$!
    wait "$waiter" || true
    waiter=""
    day=$(date -u -d "@$((next - 1))" +%F)
    if (($(date -u +%s) - next > 600)); then
      note "$file" "missed the close of $day (woke $(($(date -u +%s) - next)) s late); not caught up"; continue
    fi
    note "$file" "daily close of $day"
    setsid dotnet "$PROJECTOR_BIN/Lifestyle.Projections.dll" daily-close --date "$day" >>"$file" 2>&1 </dev/null \
      || note "$file" "daily close of $day failed (exit $?); run it by hand: ./lifestyle daily-close --date $day"
  done
}

snapshot_subscriptions_loop() {
  local waiter=""
  trap '[ -n "$waiter" ] && kill "$waiter" 2>/dev/null; exit 0' TERM
  trap '' INT HUP
  while true; do
    sleep 15 & waiter=$!
    wait "$waiter" || true
    remember_subscriptions
  done
}

print_info() {
  cat >&2 <<INFO

  Lifestyle local stack is up (Ctrl-C stops everything; a component that exits is restarted):
    API             http://127.0.0.1:$API_PORT   (OpenAPI: /openapi/v1.json, health: /health/ready)
    DynamoDB Local  http://127.0.0.1:$DYNAMODB_PORT   table '$TABLE' (data in $STATE/dynamodb)
    Redis           127.0.0.1:$REDIS_PORT
    SNS/SQS         $SNS_URL   topic '$TOPIC'
    projector       reading the table's stream, publishing notifications
    daily close     at each midnight UTC (log: $STATE/daily-close.log); by hand: ./lifestyle daily-close --date yyyy-MM-dd
    operator tool   ./lifestyle --help   (e.g. ./lifestyle verify --all, ./lifestyle dev-token alice)
    logs            $STATE/*.log (appended across restarts)

INFO
}

stop() {
  trap - INT TERM HUP EXIT
  log "stopping"
  stop_supervised
}

check_ports
ensure_dynamodb_local
ensure_redis
ensure_fauxqs
build
mkdir -p "$STATE/dynamodb"
trap 'stop; exit 0' INT TERM HUP
trap stop EXIT
start_stores
start_services
daily_close_loop &
supervisors+=($!)
snapshot_subscriptions_loop &
supervisors+=($!)
print_info
# Until Ctrl-C or SIGTERM: the supervisors keep the components running. (A trapped signal interrupts wait.)
while true; do wait || true; sleep 1; done
