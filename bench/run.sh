#!/bin/sh
# The masking benchmark: baseline UPDATE vs `guise run` on PostgreSQL and MariaDB.
# Usage: bench/run.sh [--rows N] [--engines postgres,mariadb] [--scenario masks|keys] ... (--help)
set -eu
cd "$(dirname "$0")/.."
if [ ! -f target/guise.jar ] || [ -n "$(find src pom.xml -newer target/guise.jar -print -quit)" ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
rm -rf target/bench
javac -nowarn -d target/bench -cp target/guise.jar bench/*.java
echo "cores (nproc): $(nproc)"
exec java -cp target/guise.jar:target/bench GuiseBench "$@"
