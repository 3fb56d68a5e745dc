#!/bin/sh
# The file masking benchmark: commons-csv read+write vs `guise run` masking 3 CSV columns, or
# (--memory) peak heap after GC of a 100 MB and a 1 GB file at -Xmx256m. Usage: bench/csv.sh --help
set -eu
cd "$(dirname "$0")/.."
if [ ! -f target/guise.jar ] || [ -n "$(find src pom.xml -newer target/guise.jar -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
rm -rf target/csv-bench-classes
javac -nowarn -d target/csv-bench-classes -cp target/guise.jar bench/CsvBench.java
echo "cores (nproc): $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp target/guise.jar:target/csv-bench-classes CsvBench "$@"
