#!/bin/sh
# quick.sh - first timings of trawl alone: index corpus/ and the shared Reuters
# files, then time searches.  The side-by-side benchmark against raw Xapian,
# SQLite FTS5, swish-e and omindex is a separate, later piece of bench/.
# Usage: bench/quick.sh [BUILD]   (from the top of the repository, after `make`)
set -eu
build=${1:-build}
reuters=${REUTERS:-../shared/corpora/reuters21578}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# calc EXPR: floating-point arithmetic without bc, which a base system lacks.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
     "$(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)"
echo "date: $(date -u +%Y-%m-%d)"

for name in corpus reuters; do
    src=corpus
    [ "$name" = reuters ] && src=$reuters
    bytes=$(find "$src" -type f -exec zcat -f {} + | wc -c)
    t0=$(now)
    "$build/trawl-index" -q -d "$tmp/$name" "$src"
    t1=$(now)
    secs=$(calc "$t1 - $t0")
    echo "index $name: $bytes bytes of text in $secs s:" \
         "$(calc "$bytes / 1000000 / ($t1 - $t0)") MB/s," \
         "index $(du -sk "$tmp/$name" | cut -f1) KiB"
done

# 100 runs of the tool each: process start, open, search, print (its notes
# on standard error too, such as the some-word fill's, but not to the log).
for args in "--format tsv operation united front" "-n 10 oil prices" "--format tsv -n 10 oil prices"; do
    db=$tmp/reuters
    case "$args" in *operation*) db=$tmp/corpus ;; esac
    t0=$(now)
    i=0
    while [ $i -lt 100 ]; do
        "$build/trawl-query" -d "$db" $args > /dev/null 2>&1 || true
        i=$((i + 1))
    done
    t1=$(now)
    echo "trawl-query $args ($(basename "$db")): $(calc "($t1 - $t0) * 10") ms per run"
done
