#!/usr/bin/env bash
# Body extraction of `gazette import` scored on a public article-extraction benchmark of real news pages with
# ground truth, by that benchmark's own scorer (4-word shingles: precision, recall, F1 per page, averaged).
#
#   bench/extraction.sh DATASET
#
# DATASET: a checkout of the public "article-extraction-benchmark" repository (scrapinghub's), holding
# html/*.html.gz, ground-truth.json and evaluate.py. Nothing of it is copied into this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=$(cd "${1:?usage: bench/extraction.sh DATASET}" && pwd)
mvn -q test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/output"
java -cp "target/test-classes:target/classes:$cp" dev.gazette.benchmarks.ExtractionBenchmark "$dataset" \
  "$work/output/gazette.json"
cp "$dataset/ground-truth.json" "$dataset/evaluate.py" "$work/"
(cd "$work" && python3 evaluate.py --n-bootstrap 200)
