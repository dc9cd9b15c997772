#!/usr/bin/env bash
# One site built again and again in a single JVM (dev.gazette.benchmarks.RepeatedBuild): each build's wall and
# CPU time, and the median of the last quarter, what a build costs once the JVM has loaded and compiled its code.
# This is not what `gazette build` gets (a fresh process every time, bench/run.sh times that); it is the part of
# a fresh build that is not the JVM warming up.
#
#   bench/repeat.sh SITE [RUNS]       RUNS defaults to 40
#
# The JVM runs as `gazette serve` runs it (both compilers, serial GC, 1 GB heap). Outputs go to a temporary folder
# under OUT_PARENT, removed after each build: /dev/shm (memory) by default, because on a disk, creating files
# right after deleting as many slows down build after build (ext4), which would hide what is measured here.
# The smaller the site, the more builds the compilers need: 200 at 100 articles, 60 at 1,000, 12 at 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(cd "${1:?usage: bench/repeat.sh SITE [RUNS]}" && pwd)
mvn -q test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -XX:+UseSerialGC -Xmx1g -cp "target/test-classes:target/classes:$cp" dev.gazette.benchmarks.RepeatedBuild \
  "$site" "${2:-40}" "${OUT_PARENT:-$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)}"
