#!/bin/bash
# trawl-index --shard K/N: N indexes given the same files hold each article in
# exactly one of them, on the first run and on re-runs after files change or
# go; files whose articles all belong to other shards are no mistake.
. "$(dirname "$0")/../lib.sh"
cp -r "$TOP/corpus" "$TMP/news"
cd "$TMP"
docs() { query -d "$1" --stats --format json | sed 's/.*"documents":\([0-9]*\).*/\1/'; }
# ids ARGS...: the ids of the articles trawl-index --extract gives, sorted.
ids() { index --extract "$@" news 2>/dev/null | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort; }
# ids_of DB: the ids an index holds, sorted.
ids_of() { query -d "$1" --no-collapse --format tsv -n 100000 "NOT xyzzyplugh" | cut -f3 | sort; }

index -q -d all news
all=$(docs all)
sum=0 ok=1
files=$(find news -type f | wc -l)
for k in 1 2 3; do
    run index -d "s$k" --shard "$k/3" news
    [ "$RC" = 0 ] || ok=0
    # Every file is counted, those whose articles all went to other shards too.
    case $OUT in "$files files: $files indexed, 0 unchanged, 0 skipped, 0 failed"*) ;; *) ok=0 ;; esac
    case $ERR in *"no article in it"*) ok=0 ;; esac
    n=$(docs "s$k")
    [ "$n" -gt 0 ] || ok=0
    sum=$((sum + n))
done
is "three shards: each run exits 0, counts every file, says nothing is wrong, and is not empty" "$ok" 1
is "three shards: their articles add up to the whole" "$sum" "$all"
is "three shards: each article is in exactly one (the ids extracted)" \
    "$( (ids --shard 1/3; ids --shard 2/3; ids --shard 3/3) | sort | uniq -c | awk '$1 != 1' | wc -l)" 0
is "three shards: and together they are all the ids" \
    "$( (ids --shard 1/3; ids --shard 2/3; ids --shard 3/3) | sort)" "$(ids)"
is "one shard of one is the whole" "$(ids --shard 1/1 | wc -l)" "$(ids | wc -l)"

# Re-runs: one article changes (a new word), one file goes; each shard's
# run removes and replaces only what is its own.
echo "Quokkawords were seen on the river banks." >> news/weather/river-flood.txt
rm news/weather/heatwave-records.txt
index -q -d all news
sum=0
for k in 1 2 3; do
    index -q -d "s$k" --shard "$k/3" news
    sum=$((sum + $(docs "s$k")))
done
is "after a change and a removal the shards still add up to the whole" "$sum" "$(docs all)"
found=0
for k in 1 2 3; do
    found=$((found + $(query -d "s$k" --count --no-collapse quokkawords)))
done
is "the changed article is found, in one shard" "$found" 1
run index -d s1 --shard 1/3 news
has "a re-run with nothing changed reads nothing again" "$OUT$ERR" "0 indexed, 47 unchanged"

# A re-run that names another part of the collection (--shard left out, or
# another K or N) is refused before anything is written: its unchanged files
# would keep the old part's articles beside the new files' of the other.
echo "Numbatwords were seen in the hills." >> news/weather/river-flood.txt
before=$(ids_of s1)
for spec in "" "--shard 2/3" "--shard 1/2"; do
    run index -d s1 $spec news
    is "shard 1/3 indexed as '${spec:-no --shard}': exit 2" "$RC" 2
    has "...says which part it holds and what to give" "$ERR" "holds shard 1/3 of its collection"
    is "...and the index is as it was" "$(ids_of s1)" "$before"
done
has "...and how to change it" "$ERR" \
    "not shard 1/2: give shard 1/3 to add to it, or overwrite it to rebuild it from the articles as shard 1/2"
has "...in trawl-index's options" "$ERR" \
    "trawl-index: give the part it holds as --shard K/N (none for the whole collection), or rebuild it from the articles as this run asks: trawl-index --full --shard 1/2 -d s1 PATH..."
# Compacting adds no article: a shard's index knows its part, and --compact
# alone keeps it (it asked for --shard 1/3 again, exit 2); a run that then
# adds articles without it is still refused.
cp -r s1 s1-compact
# (Its build left it compact, and says so: without the mark it is
# rewritten.)
"$BIN/tests/set_meta" s1-compact trawl.compacted ""
run index -d s1-compact --compact
is "--compact alone on shard 1/3: exit 0" "$RC:$ERR" "0:"
has "...compacted" "$OUT" "index compacted"
is "...its articles kept" "$(ids_of s1-compact)" "$before"
part_of() { query "$@" --stats --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["part"])'; }
is "...and --stats says which part it holds" "$(part_of -d s1-compact)" "1/3"
has "...in text too" "$(query -d s1-compact --stats)" "part        1/3"
is "--stats of the shards searched as one: each one's part" \
    "$(part_of -d s1 -d s2 -d s3)" "1/3 2/3 3/3"
is "--stats of the whole: all" "$(part_of -d all)" "all"
run index -d s1-compact --shard 1/3 news
has "...and it is still shard 1/3" "$OUT" "1 indexed, 46 unchanged"
run index -d s1-compact --compact news
is "--compact with a PATH and no --shard on a shard: exit 2" "$RC" 2
has "...says which part it holds" "$ERR" "holds shard 1/3 of its collection, not all of it: give shard 1/3"
rm -rf s1-compact
run index -d all --shard 1/3 news
is "a whole index indexed as a shard: exit 2" "$RC" 2
has "...says it holds the whole collection" "$ERR" "holds its whole collection, not shard 1/3"
run index -d s1 --full --shard 2/3 news
is "--full makes it another shard" "$RC$(ids_of s1 | grep -c .)" "0$(docs s2)"
run index -d s1 --shard 2/3 news
has "...which later runs keep" "$OUT" "0 indexed, 47 unchanged"

run index -d bad --shard 0/3 news
is "--shard 0/3: exit 2" "$RC" 2
has "--shard: says what it wants" "$ERR" "--shard wants K/N"
run index -d bad --shard 2 news
is "--shard without N: exit 2" "$RC" 2
[ ! -e bad ] && ok "a bad --shard makes no index" || not_ok "a bad --shard makes no index"
