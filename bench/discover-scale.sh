#!/bin/sh
# The discovery scale check: 5,000 tables x 20 columns (100,000 columns) on PostgreSQL, discovered
# by `guise discover` at -Xmx256m; prints wall time and the peak heap after GC from the GC log.
# Usage: bench/discover-scale.sh [TABLES] [psql connection args...]   (default 5000, -h 127.0.0.1 -U postgres -d test)
# Creates the schema guise_disc_bench_<pid> and drops it at the end.
set -eu
cd "$(dirname "$0")/.."
TABLES=${1:-5000}
[ $# -gt 0 ] && shift
PSQL_ARGS=${*:-"-h 127.0.0.1 -U postgres -d test"}
SCHEMA=guise_disc_bench_$$
WORK=$(mktemp -d)
# one DROP SCHEMA ... CASCADE of 5,000 tables exceeds max_locks_per_transaction: drop them one by one
cleanup() {
  [ -n "${KEEP:-}" ] && return
  psql $PSQL_ARGS -tAc "SELECT 'DROP TABLE IF EXISTS $SCHEMA.' || quote_ident(relname) || ' CASCADE;'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = '$SCHEMA' AND c.relkind = 'r' ORDER BY c.oid DESC" > "$WORK/drop.sql" 2>/dev/null || true
  psql $PSQL_ARGS -q -f "$WORK/drop.sql" >/dev/null 2>&1 || true
  psql $PSQL_ARGS -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ ! -f target/guise.jar ] || [ -n "$(find src pom.xml -newer target/guise.jar -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
echo "creating $TABLES tables x 20 columns in $SCHEMA ..."
{
  echo "CREATE SCHEMA $SCHEMA;"
  i=1
  while [ "$i" -le "$TABLES" ]; do
    fk=""
    if [ $((i % 10)) -ne 1 ]; then fk=", parent_id integer REFERENCES $SCHEMA.t$((i - 1)) (id)"; else fk=", parent_id integer"; fi
    echo "CREATE TABLE $SCHEMA.t$i (id integer PRIMARY KEY$fk, first_name varchar(40), last_name varchar(40),"\
      "email varchar(120), phone varchar(30), date_of_birth date, street_address varchar(120), city varchar(60),"\
      "postcode varchar(10), status varchar(20), created_at timestamp, amount numeric(12,2), is_active boolean,"\
      "notes varchar(500), code varchar(20), qty integer, ip_address varchar(45), card_number varchar(19),"\
      "ref_uuid uuid, UNIQUE (code));"
    i=$((i + 1))
  done
} > "$WORK/ddl.sql"
start=$(date +%s)
psql $PSQL_ARGS -q -v ON_ERROR_STOP=1 -f "$WORK/ddl.sql" >/dev/null
echo "created in $(( $(date +%s) - start )) s"
DB=$(echo "$PSQL_ARGS" | sed -n 's/.*-d \([^ ]*\).*/\1/p')
printf "version: '1.0'\nconnections:\n  bench:\n    url: 'jdbc:postgresql://127.0.0.1:5432/%s?user=postgres'\n    schema: %s\n" "${DB:-test}" "$SCHEMA" > "$WORK/connections.yml"
for mode in ${MODES:---no-data "--sample-rows 1000"}; do
  rm -f "$WORK/gc.log"
  t0=$(date +%s.%N)
  java -Xmx256m -Xlog:gc:file="$WORK/gc.log" -jar target/guise.jar discover -c bench \
    --connections "$WORK/connections.yml" $mode --format json --output "$WORK/report.json" -q
  t1=$(date +%s.%N)
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
  cols=$(grep -c '"data_type"' "$WORK/report.json")
  echo "discover $mode: $cols columns in $(echo "$t1 - $t0" | bc) s, peak heap after GC ${peak:-?} MiB (-Xmx256m)"
done
