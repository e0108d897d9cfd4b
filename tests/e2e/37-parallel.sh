#!/bin/bash
# End to end: a fresh index is built by worker threads in shards, merged into one
# new generation of the index folder.  Whatever -j and --memory are, the index
# holds the same articles and ranks them with the same scores; the folder ends
# with one generation and no leftovers; --full replaces the index in one step.
. "$(dirname "$0")/../lib.sh"
NEWS=$TOP/corpus
queries=("operation united front" "storm" "election results" '"human trafficking"'
         "title:bakery" "site:ledger.example" "rescue OR arrest" "flood -river"
         "said" "city council")
# hits DB: every query's hits as "query<TAB>score<TAB>id", ranks left out: ties
# may come in another order, but each article's score must be the same.
hits() {
    for q in "${queries[@]}"; do
        query -d "$1" --format tsv -n 1000 "$q" | awk -F'\t' -v q="$q" '{ print q "\t" $2 "\t" $3 }'
    done | sort
}
# layout DB: what the index folder holds, generation numbers left out
# layout DIR: what the index folder holds (writer.pid, the last writer's pid
# for the lock message, left aside).
layout() { (cd "$1" && ls | grep -vx writer.pid | sed 's/-[0-9]*$/-N/' | tr '\n' ' '); }

index -q -d "$TMP/j1" -j 1 "$NEWS"
index -q -d "$TMP/j4" -j 4 "$NEWS"
index -q -d "$TMP/small" -j 3 --memory 1 "$NEWS"
hits "$TMP/j1" > "$TMP/j1.hits"
is "the queries find articles" "$([ "$(wc -l < "$TMP/j1.hits")" -gt 60 ] && echo yes)" yes
is "-j 4: the same hits and scores as -j 1" \
    "$(hits "$TMP/j4" | cmp -s - "$TMP/j1.hits" && echo same)" same
is "-j 3 --memory 1 (a commit every few articles): the same hits and scores" \
    "$(hits "$TMP/small" | cmp -s - "$TMP/j1.hits" && echo same)" same
is "-j 4: rank 1 for the story is the story" \
    "$(query -d "$TMP/j4" --format tsv -n 1 '"Operation United Front"' | cut -f3)" \
    "$(query -d "$TMP/j1" --format tsv -n 1 '"Operation United Front"' | cut -f3)"
is "the folder holds the stub and one generation, no shard left" "$(layout "$TMP/j4")" \
    "XAPIANDB gen-N "

# Incremental runs after a bulk build use the one writer, in place.
cp -r "$NEWS" "$TMP/news"
index -q -d "$TMP/inc" "$TMP/news"
echo "A late paragraph about the bakery anniversary." >> "$TMP/news/$(cd "$TMP/news" && grep -rl -i 'bakery' . | head -1)"
run index -d "$TMP/inc" "$TMP/news"
has "a re-run after a bulk build is incremental" "$OUT" "48 files: 1 indexed, 47 unchanged"
is "...and writes in place: still one generation" "$(layout "$TMP/inc")" "XAPIANDB gen-N "

# --full builds aside and switches: the new generation replaces the old one.
run index -d "$TMP/inc" --full "$NEWS/weather"
has "--full: only what was given" "$OUT" "4 files: 4 indexed"
is "...the index holds it" "$(index_stat "$TMP/inc" documents)" 4
is "...and the old generation is gone" "$(layout "$TMP/inc")" "XAPIANDB gen-N "

# Shards of a killed build are removed by the next writer.
R=$SHARED/reuters21578
if [ -d "$R" ]; then
    "$BIN/trawl-index" -q -d "$TMP/killed" -j 2 "$R" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 50); do ls -d "$TMP"/killed/build-* >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 1
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
    has "kill -9 mid-build leaves shards behind" "$(layout "$TMP/killed")" "build-"
    run query -d "$TMP/killed" --count --any said
is "...while the index opens, empty" "$OUT $RC" "0 1"
    index -q -d "$TMP/killed" "$NEWS/weather"
    is "the next writer removes them" "$(layout "$TMP/killed")" "XAPIANDB gen-N "
else
    skip "the shards of a killed build are removed" "no Reuters files at $R: set TRAWL_SHARED to the shared/ folder"
fi

# An index made before generations (a glass database in the folder itself) is
# taken over: the bulk build of its first content replaces it.
"$BIN/tests/set_meta" "$TMP/old" trawl.schema 2
run index -d "$TMP/old" "$NEWS/weather"
is "an index of the old layout: indexed, exit 0" "$RC" 0
is "...now in the new layout" "$(layout "$TMP/old")" "XAPIANDB gen-N "
is "...and searchable" "$(query -d "$TMP/old" --count storm)" 2

run index -d "$TMP/m" --memory 0 "$NEWS"
is "--memory 0: exit 2" "$RC" 2
has "...saying what it wants" "$ERR" "--memory wants megabytes (at least 1) or a size like 512M or 2G, not '0'"

# One big JSON Lines dump: its articles are shared out among the workers (by
# id), with the same result as one worker, and an id given twice in the dump
# is one article, the later one, as with a single writer.
python3 - "$TMP/dump" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1])
with open(os.path.join(sys.argv[1], "feed.jsonl"), "w") as f:
    for i in range(3000):
        words = " ".join("word%d" % ((i * 7 + k) % 500) for k in range(60))
        f.write(json.dumps({"id": "n%d" % i, "title": "Item %d" % i,
                            "body": "Story number %d. %s" % (i, words)}) + "\n")
    f.write(json.dumps({"id": "n7", "title": "Item 7 again",
                        "body": "The corrected story seven, about zebras."}) + "\n")
PY
is "the dump is big enough to be shared out" "$([ "$(stat -c %s "$TMP/dump/feed.jsonl")" -gt 1048576 ] && echo yes)" yes
run index -d "$TMP/dump-j1" -j 1 "$TMP/dump"
is "dump, -j 1: exit 0" "$RC" 0
repeated="trawl-index: $TMP/dump/feed.jsonl#n7: this id is given again in its file: the later article replaces the earlier"
is "dump, -j 1: the id given twice is named, once" "$ERR" "$repeated"
run index -d "$TMP/dump-j4" -j 4 --progress always "$TMP/dump"
is "dump, -j 4: exit 0" "$RC" 0
is "dump, -j 4: the id given twice is named, once" \
    "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -a '^trawl-index')" \
    "$repeated"
has "dump, -j 4: the summary counts every article" "$OUT" "3001 articles written"
# The progress line counted the articles the reading worker wrote itself,
# not those it sent the others (the summary had them): "1/1 files, 751
# articles" at the end of this dump.
has "dump, -j 4: the progress line's last count is every article too" \
    "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -a 'files,' | tail -1)" "1/1 files, 3001 articles"
all_ids() { query -d "$1" --no-collapse --format tsv -n 100000 'NOT xyzzyplugh' | cut -f3 | sort; }
is "dump, -j 4: 3000 distinct articles" "$(all_ids "$TMP/dump-j4" | uniq | wc -l)" 3000
is "dump, -j 4: no article twice" "$(all_ids "$TMP/dump-j4" | wc -l)" 3000
is "dump, -j 4: the same articles as -j 1" \
    "$(all_ids "$TMP/dump-j4" | cmp -s - <(all_ids "$TMP/dump-j1") && echo same)" same
is "dump: the id given twice holds its later text" \
    "$(query -d "$TMP/dump-j4" --format tsv zebras | cut -f3,4)" "$TMP/dump/feed.jsonl#n7	Item 7 again"
is "dump: ...and not its earlier one" "$(query -d "$TMP/dump-j4" --count '"Story number 7."')" 0
is "dump, -j 4: the same scores as -j 1" \
    "$(query -d "$TMP/dump-j4" --no-collapse --format tsv -n 10000 word17 word42 | cut -f2,3 | sort)" \
    "$(query -d "$TMP/dump-j1" --no-collapse --format tsv -n 10000 word17 word42 | cut -f2,3 | sort)"
run index -d "$TMP/dump-j4" "$TMP/dump"
has "dump: a re-run finds the file unchanged" "$OUT" "1 unchanged"
