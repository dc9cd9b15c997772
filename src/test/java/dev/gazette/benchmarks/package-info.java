/**
 * Benchmarks, not tests: JMH microbenchmarks of the build's hot paths (bench/jmh.sh), the extractor on saved news
 * pages (bench/extraction.sh) and one site built repeatedly in one JVM (bench/repeat.sh); docs/performance.md.
 */
package dev.gazette.benchmarks;
