#!/bin/sh
# The masking benchmark: baseline UPDATE vs `guise run` on PostgreSQL and MariaDB.
# Usage: bench/run.sh [--rows N] [--engines postgres,mariadb] [--xmx 256m] ... (--help for all)
set -eu
cd "$(dirname "$0")/.."
if [ ! -f target/guise.jar ] || [ -n "$(find src pom.xml -newer target/guise.jar -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
echo "cores (nproc): $(nproc)"
exec java -cp target/guise.jar bench/GuiseBench.java "$@"
