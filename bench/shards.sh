#!/bin/bash
# shards.sh - several indexes and remote shards against one index (issue 17):
# building Reuters-21578 as N shards in N trawl-index processes against one
# -j N build, then top-10 search latency (bench/search_speed, the 500 queries
# of bench/queries.txt, best of three rounds) over one index, 2 and 4 local
# indexes searched as one, and one index of everything and 2 and 4 shards
# served by xapian-tcpsrv on this machine's loopback (the first the
# reference for the others: what the round trips cost without shards); and
# as the floor of each, raw Xapian's bare get_mset (bench/baseline_xapian
# mset) on one index, local and served, and on the 4 local indexes and the
# 4 remote shards, each listed in a stub file, and raw Xapian reading the
# page's documents too (baseline_xapian search, which trawl must do to show
# a hit) on one index and on the 4 remote shards.
# Usage: bench/shards.sh [BUILD]   (REUTERS: the SGML folder)
set -eu
build=${1:-build}
reuters=${REUTERS:-../shared/corpora/reuters21578}
work=$(mktemp -d)
servers=()
stop() {
    local p
    for p in "${servers[@]}"; do kill -- "-$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap stop EXIT

# seconds CMD...: wall seconds CMD took.
seconds() {
    local s0
    s0=$(date +%s.%N)
    "$@"
    awk -v a="$s0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
build_shards() {
    local n=$1 k
    for k in $(seq "$n"); do
        "$build/trawl-index" -q -j 1 -d "$work/s$n-$k" --shard "$k/$n" "$reuters" &
    done
    wait
}
echo "building Reuters-21578 ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')):"
for n in 2 4; do
    one=$(seconds "$build/trawl-index" -q -j "$n" -d "$work/one-j$n" "$reuters")
    split=$(seconds build_shards "$n")
    echo "one index, -j $n: $one s; $n shards in $n processes (-j 1 each): $split s"
    [ "$n" = 2 ] || rm -rf "$work/one-j$n"
done
one=$work/one-j2

# serve DIR: starts xapian-tcpsrv on DIR (scripts/serve-shard: a free port, a
# process group of its own, which the trap stops) and sets $spec to its
# tcp:// address.  (Not in a $(...): the server's id must reach this shell's
# list.)
serve() {
    local pid p
    read -r pid p < <(scripts/serve-shard "$1" /dev/null)
    servers+=("$pid")
    spec="tcp://127.0.0.1:$p"
}
r2=() r4=()
serve "$one"; r1=$spec
printf 'remote %s\n' "${r1#tcp://}" > "$work/r1.stub"
for k in 1 2; do serve "$work/s2-$k"; r2+=("$spec"); done
for k in 1 2 3 4; do serve "$work/s4-$k"; r4+=("$spec"); done
printf 'remote %s\n' "${r4[@]#tcp://}" > "$work/r4.stub"
printf 'auto s4-%s\n' 1 2 3 4 > "$work/l4.stub"

echo
echo "search, top 10, the 500 queries of bench/queries.txt (best of three rounds):"
for _ in 1 2 3; do
    "$build/bench/search_speed" "$one" bench/queries.txt | sed 's/^/1 index    /'
    "$build/bench/search_speed" "$work/s2-1" bench/queries.txt "$work/s2-2" | sed 's/^/2 local    /'
    "$build/bench/search_speed" "$work/s4-1" bench/queries.txt "$work/s4-2" "$work/s4-3" \
        "$work/s4-4" | sed 's/^/4 local    /'
    "$build/bench/search_speed" "$r1" bench/queries.txt | sed 's/^/1 remote   /'
    "$build/bench/search_speed" "${r2[0]}" bench/queries.txt "${r2[1]}" | sed 's/^/2 remote   /'
    "$build/bench/search_speed" "${r4[0]}" bench/queries.txt "${r4[@]:1}" | sed 's/^/4 remote   /'
    printf '1 index    raw Xapian get_mset                   '
    "$build/bench/baseline_xapian" mset "$one" bench/queries.txt
    printf '4 local    raw Xapian get_mset                   '
    "$build/bench/baseline_xapian" mset "$work/l4.stub" bench/queries.txt
    printf '1 remote   raw Xapian get_mset                   '
    "$build/bench/baseline_xapian" mset "$work/r1.stub" bench/queries.txt
    printf '4 remote   raw Xapian get_mset                   '
    "$build/bench/baseline_xapian" mset "$work/r4.stub" bench/queries.txt
    printf '1 index    raw Xapian get_mset + documents       '
    "$build/bench/baseline_xapian" search "$one" bench/queries.txt
    printf '4 remote   raw Xapian get_mset + documents       '
    "$build/bench/baseline_xapian" search "$work/r4.stub" bench/queries.txt
done > "$work/search.txt"
# The round with the lowest mean of each row.
awk '{ key = $0; sub(/ [0-9]+ queries:.*/, "", key)
       mean = $0; sub(/.*mean /, "", mean); mean += 0
       if (!(key in best) || mean < best[key]) { best[key] = mean; line[key] = $0 }
       if (!(key in order)) { order[key] = ++n; keys[n] = key } }
     END { for (i = 1; i <= n; i++) print line[keys[i]] }' "$work/search.txt"
