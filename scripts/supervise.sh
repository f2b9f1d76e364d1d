# Process supervision for ./run.sh: each component runs under its own supervisor loop (a background
# subshell) that restarts it with backoff when it exits. Sourced after scripts/lib.sh.

SUPERVISE_MAX_DELAY=30   # seconds: the backoff cap (docs/product-rules.md §8)
SUPERVISE_STABLE=60      # seconds up after which the next exit starts the backoff again at 1 s
SUPERVISE_PID_DIR="${SUPERVISE_PID_DIR:-}" # when set: NAME.pid there holds the running component's PID

# A line on the terminal and in the component's log.
note() { # log_file message…
  local file=$1; shift
  log "$*"
  printf '[lifestyle %s] %s\n' "$(date -u +%FT%TZ)" "$*" >>"$file"
}

# supervise NAME LOG_FILE AFTER_START COMMAND…: runs COMMAND (output appended to LOG_FILE) until
# told to stop with SIGTERM; restarts it after each exit with 1, 2, 4 … 30 s of backoff. AFTER_START
# (a function name, or "-") runs after every restart, e.g. to re-create what the component lost.
# Only the PID this loop started is ever signalled.
supervise() {
  local name=$1 file=$2 after=$3; shift 3
  local child="" waiter="" stopping="" delay=1 started code restarts=0
  trap 'stopping=1; for p in $child $waiter; do kill "$p" 2>/dev/null || true; done' TERM
  trap '' INT HUP # ./run.sh gets Ctrl-C and stops the supervisors with SIGTERM
  while [ -z "$stopping" ]; do
    if [ "$restarts" -eq 0 ]; then note "$file" "$name starting"; else note "$file" "$name restarting (restart $restarts)"; fi
    started=$SECONDS
    # In a session of its own, so that Ctrl-C in the terminal does not reach it before the stop does
    # (no fork here: an asynchronous command is not a group leader, so $! stays the component's PID).
    setsid "$@" >>"$file" 2>&1 </dev/null &
    child=$!
    [ -z "$SUPERVISE_PID_DIR" ] || echo "$child" >"$SUPERVISE_PID_DIR/$name.pid"
    if [ "$restarts" -gt 0 ] && [ "$after" != - ]; then "$after" || true; fi
    code=0; wait "$child" || code=$?
    # A trapped SIGTERM interrupts wait: let the child finish its shutdown before leaving.
    [ -n "$stopping" ] && { wait "$child" 2>/dev/null || true; break; }
    child=""
    if ((SECONDS - started >= SUPERVISE_STABLE)); then delay=1; fi
    restarts=$((restarts + 1))
    note "$file" "$name exited (code $code) after $((SECONDS - started)) s; restarting in $delay s (restart $restarts)"
    sleep "$delay" & waiter=$!
    wait "$waiter" 2>/dev/null || true
    waiter=""
    delay=$((delay * 2 > SUPERVISE_MAX_DELAY ? SUPERVISE_MAX_DELAY : delay * 2))
  done
  [ -z "$SUPERVISE_PID_DIR" ] || rm -f "$SUPERVISE_PID_DIR/$name.pid"
  note "$file" "$name stopped"
}

supervisors=()

# start_supervised NAME LOG_FILE AFTER_START COMMAND…: supervise in the background, tracked for stop_supervised.
start_supervised() {
  supervise "$@" &
  supervisors+=($!)
}

# Stops the supervisors (each stops its own child) in reverse start order: the projector and the API
# before the stores they use.
stop_supervised() {
  local i
  for ((i = ${#supervisors[@]} - 1; i >= 0; i--)); do
    kill "${supervisors[i]}" 2>/dev/null || true
    wait "${supervisors[i]}" 2>/dev/null || true
  done
}
