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

# Side by side with the peers, on the same files, one thread each:
#   trawl-index -j 1, the minimal Xapian indexer (bench/baseline_xapian.cc) and
#   SQLite FTS5 (porter unicode61) through the sqlite3 shell.
# secs CMD...: runs CMD, prints its wall time in seconds.
secs() {
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }'
}
peers() {
    name=$1 dir=$2
    bytes=$(find "$dir" -type f -exec cat {} + | wc -c)
    find "$dir" -type f | sort > "$work/$name.files"
    t_trawl=$(secs "$build/trawl-index" -q -d "$work/p-trawl-$name" "$dir")
    t_base=$(secs "$build/bench/baseline_xapian" index "$work/p-base-$name" - < "$work/$name.files")
    t_fts=$(secs sqlite3 "$work/p-fts-$name.db" "CREATE VIRTUAL TABLE t USING fts5(path UNINDEXED, body, tokenize='porter unicode61'); INSERT INTO t SELECT name, readfile(name) FROM fsdir('$dir') WHERE (mode & 61440) = 32768;")
    for who in trawl base fts; do
        eval t=\$t_$who
        size=$(du -sk "$work/p-$who-$name"* | awk '{ s += $1 } END { print s }')
        awk -v w="$who" -v n="$name" -v b="$bytes" -v t="$t" -v tb="$t_base" -v k="$size" \
            'BEGIN { printf "index %-10s %-6s %7.1f MB in %6.2f s: %6.2f MB/s (%.2fx baseline), %6.1f MiB\n", n, w, b / 1e6, t, b / 1e6 / t, tb / t, k / 1024 }'
    done
}
echo
echo "peers (one thread each):"
peers reuters "$work/formats/txt"
doc=/usr/share/doc/linux-doc-6.1/Documentation
if [ -d "$doc" ]; then
    # linux-doc ships gzipped: inflate it once into a cache beside the build.
    cache=$build/bench-cache/linux-doc
    if [ ! -d "$cache" ]; then
        mkdir -p "$cache.tmp"
        (cd "$doc" && find . -type f -name '*.gz') | while read -r f; do
            mkdir -p "$cache.tmp/$(dirname "$f")"
            gzip -dc "$doc/$f" > "$cache.tmp/${f%.gz}"
        done
        mv "$cache.tmp" "$cache"
    fi
    peers linuxdoc "$cache"
fi

echo
echo "search, top 10, the 500 queries of bench/queries.txt on the Reuters text files:"
"$build/bench/search_speed" "$work/p-trawl-reuters" bench/queries.txt
printf 'raw Xapian                  '
"$build/bench/baseline_xapian" search "$work/p-base-reuters" bench/queries.txt
sed "s/'/''/g; s/.*/SELECT path FROM t WHERE t MATCH '&' ORDER BY rank LIMIT 10;/" bench/queries.txt \
    > "$work/fts.sql"
t=$(secs sqlite3 "$work/p-fts-reuters.db" ".read $work/fts.sql")
awk -v t="$t" 'BEGIN { printf "SQLite FTS5 (porter)        500 queries: mean %.1f us (the whole sqlite3 run / 500)\n", t * 1e6 / 500 }'
