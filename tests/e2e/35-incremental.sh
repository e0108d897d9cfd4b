#!/bin/bash
# End to end: re-runs cost only what changed, and the index follows the folder:
# changed files replaced, vanished files removed -- only under the roots given.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
NEWS=$TMP/news
cp -r "$TOP/corpus" "$NEWS"

count() { index_stat "$1" documents; }
docid() { query -d "$DB" --format json -n 1 "$@" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["docid"])'; }
# All ids in an index, sorted: a pure NOT query matches every article.
ids() { query -d "$1" --no-collapse --format tsv -n 1000000 'NOT xyzzyplugh' | cut -f3 | sort; }

run index -d "$DB" -j 1 --progress always "$NEWS"
has "first run indexes everything" "$OUT" "48 files: 48 indexed, 0 unchanged"
has "--progress always: counted totals on stderr" "$ERR" "1/48 files, 1 articles"
# One worker writes one part, which holds the whole index: its near-copies
# are linked there and one compaction (told a table at a time) makes the
# index.  Linked after a merge, they were written again in the merged copy,
# which the corpus's copies made a second compaction compact once more.
is "-j 1: the index is compacted once, though near-copies were linked" \
    "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -cE "(merging the workers' parts|compacting): position")" 1
has "...and the near-copies are linked" "$ERR" "linking near-copies of a story"
run index -d "$TMP/db-j2" -j 2 --progress always "$NEWS"
has "--progress always, a fresh build in two workers: then its end, step by step" "$ERR" \
    "finishing the index (0:0"
has "...the merge of the workers' parts a table at a time" "$ERR" \
    " so far): merging the workers' parts: position"
has "...and the spelling index" "$ERR" " so far): building the spelling index"
# The near-copies are linked in the workers' parts, before their merge: in
# the merged index their keys rewrote its documents, which a second
# compaction of the whole index then packed again.
is "-j 2: the parts' merge is the one compaction, though near-copies were linked" \
    "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -cE "(merging the workers' parts|compacting): position")" 1
has "...and the near-copies are linked" "$ERR" "linking near-copies of a story"
# Several PATHs, as a shell's glob gives them, are all counted before the
# first is read: the line after the first of five files said 1/1 and 100%.
run index -d "$TMP/db-paths" --progress always "$NEWS"/crime/*.txt
has "--progress always, five PATHs: the totals of them all from the first file" "$ERR" \
    "1/5 files, 1 articles"
lacks "...never 100% before the last" "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -v ' 5/5 files')" \
    "100%"
# The articles of files gone are removed after the walk, which on a big
# index takes minutes (each commit rewrites their words' posting lists):
# the line says so, file by file, where it stood still.
rm "$NEWS"/crime/united-front-sweep-*.txt
run index -d "$TMP/db-paths" --progress always "$NEWS"/crime
has "--progress always, files gone: the line names their removal" \
    "$(printf '%s' "$ERR" | tr '\r' '\n')" "removing the articles of files gone (1 so far)"
has "...and the run removes them" "$OUT" "2 removed; 0 articles written, 2 deleted"
cp "$TOP"/corpus/crime/united-front-sweep-*.txt "$NEWS"/crime/
bakery=$(docid bakery anniversary)

run index -d "$DB" "$NEWS"
has "second run: every file unchanged, none read" "$OUT" \
    "48 files: 0 indexed, 48 unchanged, 0 skipped, 0 failed, 0 removed; 0 articles written, 0 deleted; 0.0 MB"
is "...and the count is the same" "$(count "$DB")" 48

# A new modification time but the same bytes: read, hashed, not re-indexed.
touch -d '2030-01-01' "$NEWS/local/bakery-anniversary.txt"
run index -d "$DB" "$NEWS"
has "touched file: unchanged by content" "$OUT" "48 files: 0 indexed, 48 unchanged"
is "...its article was not rewritten (same docid)" "$(docid bakery anniversary)" "$bakery"
run index -d "$DB" "$NEWS"
has "...and the new time is remembered: next run does not read it" "$OUT" "0.0 MB"

# Changed content: re-extracted, the article replaced.
sed -i 's/50 years/fifty golden years/' "$NEWS/local/bakery-anniversary.txt"
run index -d "$DB" "$NEWS"
has "changed file: re-indexed alone" "$OUT" "48 files: 1 indexed, 47 unchanged, 0 skipped, 0 failed, 0 removed; 1 articles written, 1 deleted"
is "...the new text is found" "$(query -d "$DB" --count '"fifty golden years"')" 1
is "...still one article for it" "$(count "$DB")" 48

# A file that disappeared: its article goes.
rm "$NEWS/sports/chess-tournament.txt"
run index -d "$DB" "$NEWS"
has "vanished file: removed" "$OUT" "47 files: 0 indexed, 47 unchanged, 0 skipped, 0 failed, 1 removed; 0 articles written, 1 deleted"
is "...its article is gone" "$(query -d "$DB" --count chess)" 0
is "...the others stay" "$(count "$DB")" 47

# A container that lost a member loses that article, and keeps the others.
printf '%s\n' '{"id":"x1","title":"Heron","body":"heron"}' '{"id":"x2","title":"Egret","body":"egret"}' \
    '{"id":"x3","title":"Bittern","body":"bittern"}' > "$NEWS/birds.jsonl"
index -q -d "$DB" "$NEWS"
is "container: three articles" "$(query -d "$DB" --count heron OR egret OR bittern)" 3
printf '%s\n' '{"id":"x1","title":"Heron","body":"heron"}' '{"id":"x3","title":"Bittern","body":"bittern"}' > "$NEWS/birds.jsonl"
run index -d "$DB" "$NEWS"
has "container changed: re-indexed" "$OUT" "1 indexed"
is "...the lost member's article is gone, the others stay" \
    "$(query -d "$DB" --format tsv --any heron egret bittern | cut -f3 | sort | tr '\n' ' ')" \
    "$NEWS/birds.jsonl#x1 $NEWS/birds.jsonl#x3 "

# Removal is scoped to the roots given: indexing one folder never removes what
# came from another.
mkdir -p "$TMP/other"
printf 'Other folder\n\nThe quarry pond freezes.\n' > "$TMP/other/pond.txt"
index -q -d "$DB" "$TMP/other"
rm "$NEWS/weather/river-flood.txt"
run index -d "$DB" "$TMP/other"
is "indexing another root removes nothing" "$(query -d "$DB" --count '"river bursts"' ; query -d "$DB" --count quarry)" "1
1"
run index -d "$DB" "$NEWS"
has "the root that lost the file removes it" "$OUT" "1 removed"
is "...and keeps the other root's article" "$(query -d "$DB" --count quarry)" 1
# A root given as "DIR/" or "./DIR" is the same root as "DIR".
(cd "$TMP" && index -q -d "$TMP/db-rel" ./other/ && index -q -d "$TMP/db-rel" other)
is "trailing slash and ./ name the same files" \
    "$(query -d "$TMP/db-rel" --format tsv quarry | cut -f3)" other/pond.txt

# --full rebuilds from scratch with the same result as the incremental runs.
index -q -d "$TMP/full" --full "$NEWS" "$TMP/other"
is "--full gives the same articles as incremental runs" "$(ids "$TMP/full")" "$(ids "$DB")"

# A dump cut short (a broken download) keeps the articles before the cut and
# fails; fetched again whole -- the very bytes indexed before the cut -- it has
# all of them back, not the half taken for unchanged.  Cut again and then
# deleted, its half goes with it: a file that failed is still known.
python3 -c '
import json, random
r = random.Random(7)
for i in range(200):
    words = " ".join("w%06d" % r.randrange(1000000) for _ in range(60))
    print(json.dumps({"id": i, "title": "Dispatch %d" % i, "text": "kestrel " + words}))' |
    gzip -c > "$TMP/dump.jsonl.gz"
cut_half() { head -c $(( $(stat -c %s "$TMP/dump.jsonl.gz") / 2 )) "$TMP/dump.jsonl.gz" > "$NEWS/dump.jsonl.gz"; }
cp "$TMP/dump.jsonl.gz" "$NEWS/dump.jsonl.gz"
index -q -d "$DB" "$NEWS"
is "whole dump: all its articles" "$(query -d "$DB" --count kestrel)" 200
cut_half
run index -d "$DB" "$NEWS"
is "dump cut short: the run fails" "$RC" 1
half=$(query -d "$DB" --count kestrel)
is "...and keeps the articles before the cut" "$(( half > 50 && half < 200 ))" 1
cp "$TMP/dump.jsonl.gz" "$NEWS/dump.jsonl.gz"
run index -d "$DB" "$NEWS"
has "fetched again whole: re-indexed, not taken for unchanged" "$OUT" "1 indexed"
is "...all its articles are back" "$(query -d "$DB" --count kestrel)" 200
cut_half
index -q -d "$DB" "$NEWS" 2>/dev/null
rm "$NEWS/dump.jsonl.gz"
run index -d "$DB" "$NEWS"
has "a dump that failed, then deleted: removed" "$OUT" "1 removed; 0 articles written, $half deleted"
is "...none of its articles is left" "$(query -d "$DB" --count kestrel)" 0
# The same in a new index, built in bulk by two workers.
cut_half
index -q -d "$TMP/db-bulk" -j 2 "$NEWS" 2>/dev/null
rm "$NEWS/dump.jsonl.gz"
index -q -d "$TMP/db-bulk" "$NEWS"
is "a first build's failed dump, deleted: none of its articles is left" \
    "$(query -d "$TMP/db-bulk" --count kestrel)" 0

# A file replaced by another of the same size and modification time (a tar
# extracted again, whose times are fixed; `cp -p` of another version), or
# written again with its time set back, is not taken for unchanged: its
# inode or change time, which no one sets back, tell.
printf 'Wren report\n\nThe wren sings at dawn.\n' > "$NEWS/wren.txt"
index -q -d "$DB" "$NEWS"
printf 'Wren report\n\nThe wren calls at dusk.\n' > "$TMP/wren.new"
touch -r "$NEWS/wren.txt" "$TMP/wren.new"
mv "$TMP/wren.new" "$NEWS/wren.txt"
run index -d "$DB" "$NEWS"
has "replaced by a file of the same size and time: re-indexed" "$OUT" "1 indexed"
is "...its new text is found" "$(query -d "$DB" --count '"calls at dusk"')" 1
cp -p "$NEWS/wren.txt" "$TMP/wren.time"
printf 'Wren report\n\nThe wren nests in yews.\n' > "$NEWS/wren.txt"
touch -r "$TMP/wren.time" "$NEWS/wren.txt"
run index -d "$DB" "$NEWS"
has "written again, its time set back: re-indexed" "$OUT" "1 indexed"
is "...its new text is found" "$(query -d "$DB" --count '"nests in yews"')" 1
# A symlink pointed at another file of the same size and time.
printf 'Finch report\n\nThe finch eats seeds.\n' > "$TMP/finch-a.txt"
printf 'Finch report\n\nThe finch eats grubs.\n' > "$TMP/finch-b.txt"
touch -d '2020-01-01 00:00:00' "$TMP/finch-a.txt" "$TMP/finch-b.txt"
ln -s "$TMP/finch-a.txt" "$NEWS/finch.txt"
index -q -d "$DB" "$NEWS"
ln -sfn "$TMP/finch-b.txt" "$NEWS/finch.txt"
run index -d "$DB" "$NEWS"
is "symlink pointed at another file of the same size and time: its text is found" \
    "$(query -d "$DB" --count '"eats grubs"' ; query -d "$DB" --count '"eats seeds"')" "1
0"
run index -d "$DB" "$NEWS"
has "...and the next run reads nothing" "$OUT" "0 indexed, 49 unchanged, 0 skipped, 0 failed, 0 removed; 0 articles written, 0 deleted; 0.0 MB"

# "." names its files as the walk of a folder in it does ("sub/otter.txt",
# not "./sub/otter.txt"): the two runs give one id, and a run over the folder
# removes what left it.  ".//" is "." too.
mkdir -p "$TMP/dot/sub"
printf 'Otter\n\nThe otter swims.\n' > "$TMP/dot/sub/otter.txt"
printf 'Badger\n\nThe badger digs.\n' > "$TMP/dot/badger.txt"
dot_ids() { query -d "$TMP/db-dot" --no-collapse --format tsv 'NOT xyzzyplugh' | cut -f3 | LC_ALL=C sort | tr '\n' ' '; }
(cd "$TMP/dot" && index -q -d "$TMP/db-dot" . && index -q -d "$TMP/db-dot" sub)
is "'.' then 'sub': one id per file, as 'sub' names it" "$(dot_ids)" "badger.txt sub/otter.txt "
printf 'Heron\n\nThe heron waits.\n' > "$TMP/dot/sub/heron.txt"
(cd "$TMP/dot" && index -q -d "$TMP/db-dot" sub)
rm "$TMP/dot/sub/otter.txt"
(cd "$TMP/dot" && index -q -d "$TMP/db-dot" sub)
is "...and a file deleted is gone after a run over 'sub'" "$(dot_ids)" "badger.txt sub/heron.txt "
# A PATH with no file left, where files were indexed: kept, exit 1 (a disk
# not mounted leaves its folder empty); the folder above removes them.
rm "$TMP/dot/sub/heron.txt"
OUT=$(cd "$TMP/dot" && index -d "$TMP/db-dot" sub 2>&1)
is "an emptied PATH: exit 1" "$?" 1
has "...saying why, and what to do" "$OUT" \
    "sub: no file here now, but the index holds the articles of 1 file from here: kept (is a disk not mounted?); to remove them, index the folder above instead, or overwrite the index to rebuild it from the articles (--full)"
is "...its articles kept" "$(dot_ids)" "badger.txt sub/heron.txt "
has "...or none that the patterns let in" \
    "$(cd "$TMP/dot" && index -d "$TMP/db-dot" --include '*.html' . 2>&1)" \
    ".: no file here now that the include and exclude patterns let in, but the index holds the articles of 2 files from here: kept"
(cd "$TMP/dot" && index -q -d "$TMP/db-dot" .)
is "...and a run over the folder above removes them" "$(dot_ids)" "badger.txt "
(cd "$TMP/dot" && run index -d "$TMP/db-dot" .//)
is "'.//' is '.'" "$RC $(dot_ids)" "0 badger.txt "
# '.' emptied has no folder above to index instead: '..' names its files
# otherwise, and is refused; the advice to run it there led nowhere.
mkdir -p "$TMP/dotall"
printf 'Wren\n\nThe wren sings.\n' > "$TMP/dotall/wren.txt"
(cd "$TMP/dotall" && index -q -d "$TMP/db-dotall" . && rm wren.txt)
OUT=$(cd "$TMP/dotall" && index -d "$TMP/db-dotall" . 2>&1)
has "'.' emptied: only --full removes its articles, and the warning says so" "$OUT" \
    ".: no file here now, but the index holds the articles of 1 file from here: kept (is a disk not mounted?); to remove them, overwrite the index to rebuild it from the articles (--full)"
# So are "dot//sub", "dot/./sub/" and "dot/sub/.": one spelling, one id.
(cd "$TMP" && index -q -d "$TMP/db-dot2" dot/sub && printf 'Vole\n\nThe vole hides.\n' > dot/sub/vole.txt &&
    index -q -d "$TMP/db-dot2" dot//sub && index -q -d "$TMP/db-dot2" dot/./sub/ &&
    index -q -d "$TMP/db-dot2" dot/sub/.)
is "'dot//sub', 'dot/./sub/', 'dot/sub/.' are 'dot/sub'" \
    "$(query -d "$TMP/db-dot2" --no-collapse --format tsv 'NOT xyzzyplugh' | cut -f3)" "dot/sub/vole.txt"

# Relative PATHs name files from the working folder: "." run in another
# folder would be other files under the same ids.  Refused (exit 2, naming
# both folders), the index as it was; the first folder, renamed, is still it.
mkdir -p "$TMP/base/a" "$TMP/base/b"
printf 'Puffin\n\nThe puffin nests.\n' > "$TMP/base/a/bird.txt"
printf 'Gannet\n\nThe gannet plunges.\n' > "$TMP/base/b/bird.txt"
(cd "$TMP/base/a" && index -q -d "$TMP/db-base" .)
OUT=$(cd "$TMP/base/b" && index -q -d "$TMP/db-base" . 2>&1)
is "relative PATH from another folder: exit 2" "$?" 2
has "...naming both folders" "$OUT" \
    "names its files from the folder $TMP/base/a (their ids are paths from there), and this run is in $TMP/base/b"
has "...and the command that rebuilds it" "$OUT" \
    "trawl-index: to rebuild it from the articles, naming its files as this run does: trawl-index --full -d $TMP/db-base PATH..."
is "...the index as it was" "$(query -d "$TMP/db-base" --format tsv 'puffin OR gannet' | cut -f3,4)" \
    "$(printf 'bird.txt\tPuffin')"
mv "$TMP/base/a" "$TMP/base/a2"
has "...the first folder renamed is still it" \
    "$(cd "$TMP/base/a2" && index -d "$TMP/db-base" . 2>&1)" \
    "1 files: 0 indexed, 1 unchanged, 0 skipped, 0 failed, 0 removed"
# The first folder's own files given from another folder: in full from /
# they are refused too (another spelling of them), so the message gave
# advice that failed; it names the spelling to give in the first folder.
mkdir -p "$TMP/base/a2/sub"
printf 'Tern\n\nThe tern dives.\n' > "$TMP/base/a2/sub/tern.txt"
(cd "$TMP/base/a2" && index -q -d "$TMP/db-base" sub)
run sh -c "cd '$TMP/base' && '$BIN/trawl-index' -d '$TMP/db-base' a2/sub"
is "a folder the index names, given from the folder above: exit 2" "$RC" 2
has "...saying what to give where" "$ERR" \
    "this run is in $TMP/base: give 'sub' there for 'a2/sub'"
run sh -c "cd '$TMP/base/a2/sub' && '$BIN/trawl-index' -d '$TMP/db-base' ."
has "...and from inside it" "$ERR" "give 'sub' there for '.'"
run sh -c "cd '$TMP/base/a2' && '$BIN/trawl-index' -d '$TMP/db-base' sub"
is "...which works there" "$RC" 0
is "...PATHs in full from anywhere" "$(cd "$TMP/base/b" && index -q -d "$TMP/db-base" "$TMP/base/b"; echo $?)" 0
is "...and --full names them from the run's folder" \
    "$(cd "$TMP/base/b" && index -q --full -d "$TMP/db-base" . && query -d "$TMP/db-base" --format tsv gannet | cut -f3)" \
    "bird.txt"

# A PATH inside another given is walked with it: each file counted once, in
# a fresh build and in a re-run, and nothing removed.
mkdir -p "$TMP/nest/in/sub"
printf 'Stoat\n\nThe stoat hunts.\n' > "$TMP/nest/in/stoat.txt"
printf 'Mink\n\nThe mink fishes.\n' > "$TMP/nest/in/sub/mink.txt"
printf 'Shrew\n\nThe shrew eats.\n' > "$TMP/nest/in/sub/shrew.txt"
has "nested PATHs: each file once" \
    "$(cd "$TMP/nest/in" && index -d "$TMP/db-nest" sub . sub/ 2>&1)" "3 files: 3 indexed, 0 unchanged"
has "nested PATHs again: each file once, none removed" \
    "$(cd "$TMP/nest" && index -q -d "$TMP/db-nest2" in/sub in && index -d "$TMP/db-nest2" in in/sub 2>&1)" \
    "3 files: 0 indexed, 3 unchanged, 0 skipped, 0 failed, 0 removed"

# A file system that keeps whole seconds (ext2 with 128-byte inodes, as ext3
# and FAT do): a file written again, at the same size, in the second it was
# read has the same size, times and inode.  Its record says the bytes need a
# look, so the next run finds the change.
if command -v mkfs.ext2 >/dev/null && truncate -s 8M "$TMP/e2.img" &&
    mkfs.ext2 -q -I 128 -F "$TMP/e2.img" >/dev/null 2>&1 && mkdir -p "$TMP/e2" &&
    mount -o loop "$TMP/e2.img" "$TMP/e2" 2>/dev/null; then
    mkdir "$TMP/e2/in"
    printf 'Tern\n\nThe tern dives.\n' > "$TMP/e2/in/tern.txt"
    index -q -d "$TMP/db-e2" "$TMP/e2/in"
    same=0
    for _ in 1 2 3 4 5; do
        # Just past the start of a second (the file system's clock lags by a tick).
        s=$(date +%s); while [ "$(date +%s)" = "$s" ]; do :; done; sleep 0.05
        printf 'Gull\n\nThe gull flew east.\n' > "$TMP/e2/in/gull.txt"
        first=$(stat -c %Z "$TMP/e2/in/gull.txt")
        index -q -d "$TMP/db-e2" "$TMP/e2/in"
        printf 'Gull\n\nThe gull flew west.\n' > "$TMP/e2/in/gull.txt"
        [ "$(stat -c %Z "$TMP/e2/in/gull.txt")" = "$first" ] && { same=1; break; }
        rm "$TMP/e2/in/gull.txt"
        index -q -d "$TMP/db-e2" "$TMP/e2/in"
    done
    if [ "$same" = 1 ]; then
        index -q -d "$TMP/db-e2" "$TMP/e2/in"
        is "whole-second file system, rewritten in the second it was read: the change is found" \
            "$(query -d "$TMP/db-e2" --count west) $(query -d "$TMP/db-e2" --count east)" "1 0"
    else
        skip "a rewrite in the second a file was read" "this machine took over a second for each try"
    fi
    umount "$TMP/e2"
else
    skip "a rewrite in the second a file was read" "no ext2 file system could be mounted here"
fi

# A big dump that changed loses its old articles a part at a time, within
# --memory: 12,000 of them deleted in one piece held 443 MiB.  (Its words
# occur nowhere else, which costs Xapian 300 bytes a word deleted where news
# costs 86: at an update's default of 64 MiB it peaks at 266 MiB; at 16, 79.)
python3 -c '
import json, random
r = random.Random(3)
for i in range(12000):
    words = " ".join("w%06d" % r.randrange(1000000) for _ in range(60))
    print(json.dumps({"id": i, "title": "Bulletin %d" % i, "text": "plover " + words}))' > "$TMP/bulletins.jsonl"
mkdir -p "$TMP/dump"
cp "$TMP/bulletins.jsonl" "$TMP/dump/bulletins.jsonl"
index -q -d "$TMP/db-dump" "$TMP/dump"
head -n 100 "$TMP/bulletins.jsonl" | sed 's/plover/lapwing/' > "$TMP/dump/bulletins.jsonl"
peak "$BIN/trawl-index" --memory 16 -d "$TMP/db-dump" "$TMP/dump"
has "a dump of 12,000 articles cut to 100: re-indexed" "$OUT" "100 articles written, 12000 deleted"
peak_under 150 "...within --memory"
is "...and holds its 100 new articles" "$(query -d "$TMP/db-dump" --count plover) $(index_stat "$TMP/db-dump" documents)" "0 100"

# A file named like a container's member ("a.jsonl#2" beside a.jsonl) took
# that member's id, and one replaced the other: its '#' is "%23" in its id,
# as a URL writes it, and both stay, re-run after re-run.
mkdir -p "$TMP/hash"
printf '{"title":"Heron one","text":"egret story one"}\n{"title":"Heron two","text":"egret story two"}\n' \
    > "$TMP/hash/a.jsonl"
printf 'Heron plain\n\negret story in a plain file\n' > "$TMP/hash/a.jsonl#2"
index -q -d "$TMP/db-hash" "$TMP/hash"
hash_ids() { query -d "$TMP/db-hash" --no-collapse --format tsv --fields id,title egret | sed "s|^$TMP/hash/||" | LC_ALL=C sort | tr '\t\n' '| '; }
want="a.jsonl#1|Heron one a.jsonl#2|Heron two a.jsonl%232|Heron plain "
is "a file named a.jsonl#2 and a.jsonl's second article: both indexed" "$(hash_ids)" "$want"
is "...the file found by its path" \
    "$(query -d "$TMP/db-hash" --format tsv --fields id "path:$TMP/hash/a.jsonl#2")" "$TMP/hash/a.jsonl%232"
has "...and shown by its id" "$(query -d "$TMP/db-hash" --show "$TMP/hash/a.jsonl%232")" "egret story in a plain file"
printf '{"title":"Heron three","text":"egret story three"}\n' >> "$TMP/hash/a.jsonl"
printf 'Heron plain\n\negret story in a plain file, changed\n' > "$TMP/hash/a.jsonl#2"
run index -d "$TMP/db-hash" "$TMP/hash"
has "...a re-run re-indexes both" "$OUT" "2 files: 2 indexed"
is "...and keeps both" "$(hash_ids)" "a.jsonl#1|Heron one a.jsonl#2|Heron two a.jsonl#3|Heron three a.jsonl%232|Heron plain "
rm "$TMP/hash/a.jsonl"
run index -d "$TMP/db-hash" "$TMP/hash"
is "...and one removed takes only its own" "$(hash_ids)" "a.jsonl%232|Heron plain "

# Near-copies share a story key; a lone article has none.  A copy that goes
# (deleted, moved: its new article joins the old one's story just before the
# old one goes, gzipped in place, rewritten into another story) leaves the
# last one of its story alone, and keyless: stale keys, one per article moved
# or edited, gave 13,000 of 18,700 articles of a months-old index a story of
# their own, and each such hit a search for copies it does not have.
mkdir -p "$TMP/story"
cp "$TOP/corpus/crime/operation-united-front.txt" "$TMP/story/wire.txt"
cp "$TOP/corpus/crime/operation-united-front.txt" "$TMP/story/paper.txt"
story_gen() { echo "$TMP/db-story/$(sed -n 's/^glass //p' "$TMP/db-story/XAPIANDB")"; }
keyed() { "$BIN/tests/slot" "$(story_gen)" 5; }
folded() { query -d "$TMP/db-story" --format json trafficking | python3 -c '
import json, sys
print(" ".join("%s+%d" % (h["id"].rsplit("/", 1)[-1], len(h.get("duplicates") or [])) for h in map(json.loads, sys.stdin) if "id" in h))'; }
index -q -d "$TMP/db-story" "$TMP/story"
is "two copies: one story, both keyed" "$(keyed)" 2
mv "$TMP/story/wire.txt" "$TMP/story/wire-moved.txt"
index -q -d "$TMP/db-story" "$TMP/story"
# Which of two exact copies stands for their story is the first by a hash
# of its id and text (story_shown_xapian.h), and the ids hold this run's
# scratch folder: either copy may be the hit, the other folded into it.
is "...one moved: still two keyed, one hit with one copy folded" \
    "$(keyed) $(folded | sed -E 's/^(paper|wire-moved)\.txt\+/COPY+/')" "2 COPY+1"
rm "$TMP/story/paper.txt"
index -q -d "$TMP/db-story" "$TMP/story"
is "...one deleted: the last is alone, and keyless" "$(keyed) $(folded)" "0 wire-moved.txt+0"
cp "$TMP/story/wire-moved.txt" "$TMP/story/paper.txt"
index -q -d "$TMP/db-story" "$TMP/story"
gzip "$TMP/story/paper.txt"
index -q -d "$TMP/db-story" "$TMP/story"
is "...a copy again, then gzipped in place: two keyed" "$(keyed)" 2
cp "$TOP/corpus/crime/art-theft.txt" "$TMP/story/wire-moved.txt"
index -q -d "$TMP/db-story" "$TMP/story"
is "...one rewritten into another story: none keyed" "$(keyed)" 0
cp "$TOP/corpus/crime/art-theft.txt" "$TMP/story/wire-copy.txt"
index -q -d "$TMP/db-story" "$TMP/story"
is "...and its new text's copy arrives: two keyed again" "$(keyed)" 2

# Ids are paths as given: the same folder given under another spelling (in
# full from /, through a symbolic link, the folder above) indexed every
# article again, silently, and no run over one spelling removed what the
# other gave.  Refused, exit 2, naming both; --full renames them.
mkdir -p "$TMP/names/news/a"
cp "$TOP/corpus/crime/art-theft.txt" "$TMP/names/news/a/"
cp "$TOP/corpus/crime/operation-clean-harbor.txt" "$TMP/names/news/"
ln -s news "$TMP/names/feed"
cd "$TMP/names"
index -q -d db news
for other in "$TMP/names/news" feed feed/a "$TMP/names"; do
    run index -d db "$other"
    is "the folder given as '$other' after 'news': refused" "$RC" 2
    has "...naming both spellings" "$ERR" "names the files of '${other%/}' from 'news'"
    is "...with no summary of a run that read nothing" "$OUT" ""
done
is "...and nothing indexed twice" "$(index_stat db documents)" 2
run index -d db ./news/ news/a
is "'./news/' and 'news/a' are the same spelling: indexed" "$RC $(index_stat db documents)" "0 2"
run index -d db --full feed
is "--full renames them" "$RC $(index_stat db documents)" "0 2"
run index -d db news
is "...and then refuses the old spelling" "$RC" 2
# Files given by name are checked against the folders but not recorded: a
# run over 3,000 file names (xargs) compared each with every one before it,
# each resolved anew (30 s; the same run again 88 s).
mkdir -p "$TMP/names/many"
for i in 1 2 3 4 5 6; do echo "Wire $i" > "$TMP/names/many/w$i.txt"; done
rm -rf files-db
index -q -d files-db many/w1.txt many/w2.txt many/w3.txt
index -q -d files-db many/w4.txt many/w5.txt many/w6.txt
is "files given by name: indexed, none of them recorded as a root" \
    "$(index_stat files-db documents) [$("$BIN/tests/set_meta" files-db trawl.roots)]" "6 []"
index -q -d files-db many
is "...and their folder, given after them, is" \
    "$(index_stat files-db documents) [$("$BIN/tests/set_meta" files-db trawl.roots)]" "6 [many]"
cd "$TOP"

# A folder walked under its own name and through a link beside it keeps its
# own name, whichever comes first in the walk: `feed -> news` sorts before
# `news`, and a run over '.' named the articles feed/... (and a run over
# 'news' after it wrote them all again under their own names).
mkdir -p "$TMP/linked/news"
cp "$TOP/corpus/crime/art-theft.txt" "$TMP/linked/news/"
ln -s news "$TMP/linked/feed"
cd "$TMP/linked"
run index -d db .
is "a folder beside a link to it: its articles keep its own name" \
    "$(query -d db --format tsv --fields id --no-collapse -n 5 gallery)" "news/art-theft.txt"
has "...and the link is the folder walked twice" "$ERR" "feed: directory already walked"
run index -d db news
has "...so a run over the folder itself changes nothing" "$OUT$ERR" "0 indexed, 1 unchanged"
cd "$TOP"

# Xapian 1.4.22 reads the list of all an index's documents in place of a
# term every document has, when no weight reads the term (a filter alone, a
# count, the band terms of a story's copies); once articles are removed
# (gaps in the docids) and that list spans more than one chunk, it read
# into another list and the search said the index was damaged: `lang:en`
# on a grown index of English articles (common/all_docs_xapian.h).
mkdir -p "$TMP/english"
python3 - "$TMP/english" <<'PY'
import random, sys
rng = random.Random(11)
words = ("harbour crane storm council market ferry budget school river bridge court rail "
         "police water energy farm health price trade vote").split()
for i in range(1500):
    text = " ".join(rng.choice(words) for _ in range(40))
    with open("%s/n%04d.txt" % (sys.argv[1], i), "w") as f:
        f.write("Report %d on the %s\n\nThe council said on Monday that the %s would be "
                "discussed again. %s.\n" % (i, rng.choice(words), rng.choice(words), text))
PY
index -q -d "$TMP/db-english" "$TMP/english"
rm "$TMP/english/n0005.txt" "$TMP/english/n0700.txt"
index -q -d "$TMP/db-english" "$TMP/english"
run query -d "$TMP/db-english" -n 1 lang:en
is "a filter every article passes, alone, on a grown index: exit 0" "$RC" 0
lacks "...and no index said to be damaged" "$ERR" "damaged"
is "...and counted: every article" "$(query -d "$TMP/db-english" --count lang:en)" 1498
run query -d "$TMP/db-english" -n 1 'harbour OR lang:en'
is "...in an OR: exit 0" "$RC" 0
is "...beside a word: as many as the word alone" \
    "$(query -d "$TMP/db-english" --count 'harbour lang:en')" \
    "$(query -d "$TMP/db-english" --count harbour)"
is "...left out: none" "$(query -d "$TMP/db-english" --count -- 'harbour -lang:en')" 0

# Which story a copy joins is the same whatever order built the index.  The
# same three records, dated two days apart, in two orders: the middle one is
# a near-copy of each of the others, which are too far apart in time to
# share a story, so it joins one of them.  Met in docid order, it joined the
# one indexed first (the first record, or the last); met by date, then
# signature, the same one both times (indexer/store/stories_xapian.cc).
mkdir -p "$TMP/order/ab" "$TMP/order/ba"
python3 - "$TMP/order" <<'PY'
import json, sys
words = ("The harbour council met late on the evening of the storm and agreed that the old "
         "ferry pier would stay closed while engineers from the county checked every beam "
         "and bolt along its length. Fishermen who tie up beside the pier said they had feared "
         "the decision for weeks, and several of them asked the council to find a mooring "
         "further along the quay before the winter season begins. The mayor told the meeting "
         "that the county would pay for the survey but that repairs, if any were needed, would "
         "fall to the town and its own reserves, which were already stretched by the flood "
         "defences built along the river path three winters ago.").split()
def record(title, day, at=None, word=None):
    text = list(words)
    if at is not None:
        text[at] = word
    return json.dumps({"title": title, "date": "2021-03-%02d" % day, "text": " ".join(text)})
first, middle, last = record("Pier first", 1, 30, "inspected"), record("Pier middle", 3), \
    record("Pier last", 5, 70, "harbourside")
for name, order in (("ab", (first, middle, last)), ("ba", (last, middle, first))):
    with open("%s/%s/pier.jsonl" % (sys.argv[1], name), "w") as f:
        f.write("\n".join(order) + "\n")
PY
# Each hit's story as the titles of its articles, the stories in order.
stories_of() {
    local db=$1
    query -d "$db" --format json pier | python3 -c '
import json, subprocess, sys
titles = dict(line.split("\t")[2:4] for line in sys.argv[1].splitlines())
stories = []
for line in sys.stdin:
    hit = json.loads(line)
    if "id" in hit:
        stories.append("+".join(sorted([hit["title"]] + [titles[d] for d in hit["duplicates"]])))
print(" ".join(sorted(stories)))' "$(query -d "$db" --no-collapse --format tsv pier)"
}
index -q -d "$TMP/db-order-ab" "$TMP/order/ab"
index -q -d "$TMP/db-order-ba" "$TMP/order/ba"
is "a copy alike to two that cannot share a story: joins one" \
    "$(stories_of "$TMP/db-order-ab")" "Pier first+Pier middle Pier last"
is "...whichever order built the index" "$(stories_of "$TMP/db-order-ba")" \
    "Pier first+Pier middle Pier last"
