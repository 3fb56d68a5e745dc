#!/bin/sh
# On-the-fly benchmark: `guise run --source --target` of one PostgreSQL table (8 columns, 3 masked)
# into a second database, against copying it unmasked with
#   psql -c "COPY t TO STDOUT" | psql -c "COPY t FROM STDIN".
# Creates two databases with random names on the server and drops them afterwards. Prints rows/s
# of both, the ratio (goal: guise <= 1.5x the COPY pipe) and guise's peak heap after GC.
# Usage: bench/on-the-fly.sh [ROWS (default 1000000)] [XMX (default 256m)]
# Server: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres). GUISE_BENCH_JVM_ARGS adds JVM
# options to guise's (e.g. a flight recording); GUISE_BENCH_ARGS adds options to the run (e.g.
# --workers 1: one key range instead of two); GUISE_BENCH_KEEP=DIR keeps the work folder there.
# GUISE_BENCH_LIVE=SECONDS measures the live set instead of timing: every SECONDS a class
# histogram (jcmd GC.class_histogram, a full collection) counts the bytes that are really live, and
# the largest is printed; compare it across ROWS to see whether memory stays flat.
set -eu
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
XMX=${2:-256m}
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
if [ ! -f target/guise.jar ] || [ -n "$(find src pom.xml -newer target/guise.jar -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
SUFFIX=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
SRC="guise_bench_src_$SUFFIX"
DST="guise_bench_dst_$SUFFIX"
WORK=$(mktemp -d)
cleanup() {
  if [ -n "${GUISE_BENCH_KEEP:-}" ]; then rm -rf "$GUISE_BENCH_KEEP"; cp -r "$WORK" "$GUISE_BENCH_KEEP" || true; fi
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
psql -q -d postgres -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST" >/dev/null
DDL="CREATE TABLE t (id bigint PRIMARY KEY, first_name varchar(60), email varchar(160),
  phone varchar(30), city varchar(80), amount numeric(10,2), created timestamp, active boolean)"
psql -q -d "$SRC" -c "$DDL" >/dev/null
psql -q -d "$DST" -c "$DDL" >/dev/null
echo "filling $ROWS rows..."
psql -q -d "$SRC" -c "INSERT INTO t SELECT g, 'First' || (g % 977), 'user' || g || '@corp.example',
  '+1-555-' || lpad((g % 10000)::text, 4, '0'), 'City ' || (g % 300), (g % 100000) / 100.0,
  timestamp '2020-01-01' + g * interval '1 second', g % 2 = 0 FROM generate_series(1, $ROWS) g" >/dev/null
psql -q -d "$SRC" -c "VACUUM ANALYZE t" >/dev/null

now() { date +%s.%N; }
t0=$(now)
psql -q -d "$SRC" -c "COPY t TO STDOUT" | psql -q -d "$DST" -c "COPY t FROM STDIN"
t1=$(now)
COPY_S=$(echo "$t1 - $t0" | bc -l)
psql -q -d "$DST" -c "TRUNCATE t" >/dev/null

cat >"$WORK/connections.yml" <<YAML
version: '1.0'
connections:
  src: {url: "jdbc:postgresql://$PGHOST:$PGPORT/$SRC?user=$PGUSER"}
  dst: {url: "jdbc:postgresql://$PGHOST:$PGPORT/$DST?user=$PGUSER"}
YAML
cat >"$WORK/ruleset.yml" <<'YAML'
version: '1.0'
tasks:
  - type: mask_table
    table: t
    key: id
    rules:
      - column: first_name
        hash_columns: [first_name]
        masks: [{type: from_format_string, value_format: "{[A-Z]}{[a-z],4-9}"}]
      - column: email
        hash_columns: [email]
        masks: [{type: from_format_string, value_format: "{[a-z],10}@example.com"}]
      - column: phone
        masks: [{type: from_format_string, value_format: "+1-{[2-9]}{[0-9],2}-555-01{[0-9],2}"}]
YAML
if [ -n "${GUISE_BENCH_LIVE:-}" ]; then
  (
    while sleep "$GUISE_BENCH_LIVE"; do
      for p in $(pgrep -f "guise.jar run $WORK/ruleset.yml"); do
        [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ] || continue
        jcmd "$p" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}' >>"$WORK/live"
      done
    done
  ) &
  SAMPLER=$!
fi
t0=$(now)
GUISE_HOME="$WORK/home" GUISE_RUN_SECRET=bench-on-the-fly-secret-0123456789 \
  /usr/bin/time -f '%U %S' -o "$WORK/cpu" java "-Xmx$XMX" "-Xlog:gc:file=$WORK/gc.log" ${GUISE_BENCH_JVM_ARGS:-} -jar target/guise.jar run "$WORK/ruleset.yml" \
  --connections "$WORK/connections.yml" --source src --target dst -q ${GUISE_BENCH_ARGS:-}
t1=$(now)
GUISE_S=$(echo "$t1 - $t0" | bc -l)
if [ -n "${SAMPLER:-}" ]; then
  kill "$SAMPLER" 2>/dev/null || true
fi
COPIED=$(psql -Atq -d "$DST" -c "SELECT count(*) FROM t")
# the highest heap in use right after a collection (what stays live), in MiB
PEAK=$(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$WORK/gc.log" | sort -n | tail -1)
echo "cores (nproc): $(nproc); rows: $ROWS (target holds $COPIED); -Xmx$XMX"
printf 'COPY pipe (unmasked) : %8.2f s  %10.0f rows/s\n' "$COPY_S" "$(echo "$ROWS / $COPY_S" | bc -l)"
printf 'guise on-the-fly     : %8.2f s  %10.0f rows/s  (3 of 8 columns masked)\n' "$GUISE_S" "$(echo "$ROWS / $GUISE_S" | bc -l)"
printf 'ratio guise / COPY   : %8.2f x  (goal <= 1.5)\n' "$(echo "$GUISE_S / $COPY_S" | bc -l)"
echo "guise peak heap after GC: ${PEAK:-?} MiB; guise JVM CPU (user+sys): $(awk '{print $1 + $2}' "$WORK/cpu") s"
if [ -n "${GUISE_BENCH_LIVE:-}" ]; then
  # every sample in MiB, then the median and the largest: the largest of many samples is higher
  # than that of a few, so compare medians across sizes too
  LIVE_MIB=$(sort -n "$WORK/live" 2>/dev/null | awk '{printf "%.1f ", $1 / 1048576}')
  echo "live set samples (class histograms every ${GUISE_BENCH_LIVE} s, MiB): $LIVE_MIB"
  echo "live set: median $(echo "$LIVE_MIB" | tr ' ' '\n' | grep . | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}') MiB, largest $(echo "$LIVE_MIB" | awk '{print $NF}') MiB of $(wc -l <"$WORK/live" 2>/dev/null || echo 0) samples (the histograms' full collections slow the run: time it without GUISE_BENCH_LIVE)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: wall times are pessimistic)"
