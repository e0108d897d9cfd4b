#!/bin/sh
# run.sh - the benchmarks `make bench` runs today: whole-tool timings
# (bench/quick.sh), then each extractor's throughput on the Reuters text written
# out in every input format, with and without writing the index.
# Usage: bench/run.sh [BUILD]   (prints a report; paste it into bench/RESULTS.md)
set -eu
build=${1:-build}
reuters=${REUTERS:-../shared/corpora/reuters21578}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/quick.sh "$build"

echo
python3 bench/make_formats.py "$reuters" "$work/formats"
echo "extraction only (read, gunzip, sniff, extract; no index):"
"$build/bench/extract_speed" "$work/formats/txt" "$work/formats/html" \
    "$work/formats/jsonl" "$work/formats/trec" "$reuters"

echo "extraction and indexing (trawl-index, one thread):"
for f in txt html jsonl trec; do
    bytes=$(find "$work/formats/$f" -type f -exec cat {} + | wc -c)
    t0=$(date +%s.%N)
    "$build/trawl-index" -q -d "$work/db-$f" "$work/formats/$f"
    t1=$(date +%s.%N)
    awk -v b="$bytes" -v s="$t0" -v e="$t1" -v f="$f" \
        'BEGIN { printf "%-6s %7.1f MB in %6.2f s: %6.2f MB/s\n", f, b / 1e6, e - s, b / 1e6 / (e - s) }'
done

echo "re-runs (incremental) on the 19,043 text files:"
t0=$(date +%s.%N)
"$build/trawl-index" -q -d "$work/db-txt" "$work/formats/txt"
t1=$(date +%s.%N)
first=$(ls "$work/formats/txt/01" | head -1)
echo "one more paragraph" >> "$work/formats/txt/01/$first"
rm "$work/formats/txt/02/$(ls "$work/formats/txt/02" | head -1)"
"$build/trawl-index" -q -d "$work/db-txt" "$work/formats/txt"
t2=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" \
    'BEGIN { printf "nothing changed: %.2f s; one file changed and one deleted: %.2f s\n", b - a, c - b }'
