#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (src/test/java/dev/gazette/benchmarks). Arguments go to JMH, for
# example: bench/jmh.sh -f 1 -wi 2 -i 3 markdown
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/test-classes:target/classes:$cp" org.openjdk.jmh.Main "$@"
