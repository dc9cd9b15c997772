/** JMH microbenchmarks of the build's hot paths; not tests: run them with bench/jmh.sh (docs/performance.md). */
package dev.gazette.benchmarks;
