#!/usr/bin/env bash
# The capacity simulation of docs/capacity.md §12: a Bogus population of 300 users (docs/capacity.md §2's shares),
# a few history days, then one simulated day through the real API, the real projector and the real daily close with
# insights, on its own stack (as bench/run.sh starts it). Prints figure | plan | simulated | ratio and writes it to
# bench/results/simulation.md. About 4 minutes on a 2-core machine, build included.
#   bench/simulate.sh                   # 300 users
#   bench/simulate.sh --sim-users 600   # a larger population (longer)
set -euo pipefail
exec "$(dirname "$0")/run.sh" --phases simulation "$@"
