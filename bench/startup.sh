#!/usr/bin/env bash
# Start-up benchmark: wall time of `guise --version` and `guise validate` of the demo ruleset
# through the launcher, median of 5 each, with the class-data-sharing archive (the default) and
# without it (GUISE_CDS=off). Goal (issue 15): `guise --version` <= 0.25 s.
# Usage: bench/startup.sh [RUNS (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
./guise --version >/dev/null # builds the jar and the archive when needed
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { # mode, command...
  local mode=$1; shift
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N)
    GUISE_CDS=$mode ./guise "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}
echo "cores (nproc): $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS"
printf '%-40s %10s %10s\n' command "cds on s" "cds off s"
for cmd in "--version" "validate examples/demo/ruleset.yml"; do
  # shellcheck disable=SC2086
  printf '%-40s %10.3f %10.3f\n' "guise $cmd" "$(time_of on $cmd)" "$(time_of off $cmd)"
done
