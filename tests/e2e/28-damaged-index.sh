#!/bin/bash
# End to end: an index whose files are damaged is reported as damaged, with
# how to check and rebuild it, not as a bad query (issue 13: "bad query: EOF
# reading block 1710").  Exit 2, as for any error.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
cd "$TOP"
index -q -d "$DB" corpus
# The live generation, as the folder's XAPIANDB stub names it ("glass gen-N").
GEN=$(awk '{print $2; exit}' "$DB/XAPIANDB")
[ -d "$DB/$GEN" ] && ok "the stub names the live generation ($GEN)" ||
    not_ok "the stub names the live generation" "XAPIANDB: $(cat "$DB/XAPIANDB")"
is "undamaged: the wildfire article is found" \
    "$(query -d "$DB" --format tsv -n 1 wildfire | cut -f3)" corpus/environment/wildfire.txt

# damage NAME HOW TABLE: a copy of the index with TABLE cut to its first
# block (truncate) or all its blocks but the first zeroed (zero).  Which
# half of a table a search, --count or --stats reads depends on where the
# last commit put the blocks it changed: half of them left them whole when
# the spelling index was written after the last compaction.
damage() {
    rm -rf "$TMP/$1"
    cp -a "$DB" "$TMP/$1"
    local f=$TMP/$1/$GEN/$3.glass blocks
    blocks=$(( $(stat -c %s "$f") / 8192 ))
    case $2 in
        truncate) truncate -s 8192 "$f" ;;
        zero) dd if=/dev/zero of="$f" bs=8192 seek=1 count=$(( blocks - 1 )) conv=notrunc \
                 status=none ;;
    esac
}

# A posting list cut short: the search read a block past the end ("EOF
# reading block N", a plain DatabaseError the old code called a bad query);
# now the open finds the table shorter than its version file says.
damage cut truncate postlist
run query -d "$TMP/cut" wildfire
is "postlist cut short: exit 2" "$RC" 2
has "postlist cut short: says the index is damaged" "$ERR" "trawl-query: index $TMP/cut is damaged ("
has "postlist cut short: the reason" "$ERR" "(postlist.glass is cut short: 8192 bytes, short of its root block at "
has "postlist cut short: how to check the live generation" "$ERR" "check it with 'xapian-check $TMP/cut/$GEN'"
has "postlist cut short: how to rebuild" "$ERR" "trawl-query: to rebuild it from the articles: trawl-index --full -d $TMP/cut PATH..."
lacks "postlist cut short: not a bad query" "$ERR" "bad query"
is "postlist cut short: nothing on stdout" "$OUT" ""
run query -d "$TMP/cut" --count wildfire
is "postlist cut short, --count: exit 2, damaged" "$RC:$(echo "$ERR" | grep -c 'is damaged')" 2:1
run query -d "$TMP/cut" --stats
is "postlist cut short, --stats: exit 2, damaged" "$RC:$(echo "$ERR" | grep -c 'is damaged')" 2:1

# Zeroed blocks: Xapian's DatabaseCorruptError, in the posting lists and in
# the stored documents a hit is shown from.  Which articles' records fall in
# the zeroed half depends on the order the workers indexed them in, so the
# search reads every article: common words, late in the alphabet, any of
# them, every hit shown.
for table in postlist docdata; do
    damage "zero-$table" zero $table
    run query -d "$TMP/zero-$table" --any --no-collapse -n 100 the with year wildfire
    is "$table zeroed: exit 2" "$RC" 2
    has "$table zeroed: says the index is damaged" "$ERR" "is damaged ("
    has "$table zeroed: names a way to check it" "$ERR" "xapian-check"
    has "$table zeroed: names a way to rebuild it" "$ERR" "trawl-index --full"
    lacks "$table zeroed: not a bad query" "$ERR" "bad query"
done

# Spoiled bytes inside the stored articles' records, the blocks' layout
# whole: a compressed record then fails zlib's inflate, which Xapian reports
# as a plain DatabaseError ("inflate failed (...)") that the tools passed on
# as an I/O error, without saying the index is damaged or how to mend it.
# Every 331st byte of each leaf block's items is flipped, from its end, in
# an index built by one worker: the blocks of one built by several depend on
# which worker took which file, and 1 run in 12 the flips then met a
# record's chunk count first ("Too few chunks of compressed data", a
# DatabaseCorruptError, damage already reported as such).
index -q -j 1 -d "$TMP/spoiled" corpus
SGEN=$(awk '{print $2; exit}' "$TMP/spoiled/XAPIANDB")
python3 - "$TMP/spoiled/$SGEN/docdata.glass" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
for base in range(0, len(data) - 8191, 8192):
    if data[base + 4] != 0:             # byte 4: the block's level; 0, a leaf
        continue
    dir_end = int.from_bytes(data[base + 9:base + 11], 'big')
    for i in range(base + 8191, base + dir_end + 2000, -331):
        data[i] ^= 0x5a
open(sys.argv[1], 'wb').write(data)
EOF
run query -d "$TMP/spoiled" --any --no-collapse -n 100 the with year wildfire
is "records spoiled: exit 2" "$RC" 2
has "records spoiled: says the index is damaged, with zlib's reason" "$ERR" \
    "trawl-query: index $TMP/spoiled is damaged (inflate failed ("
has "records spoiled: how to check the live generation" "$ERR" \
    "check it with 'xapian-check $TMP/spoiled/$SGEN'"
has "records spoiled: how to rebuild" "$ERR" \
    "trawl-query: to rebuild it from the articles: trawl-index --full -d $TMP/spoiled PATH..."

# A bit flipped inside a hit's shown fields (its title, in postlist.glass's
# chunk of the slot's values, the blocks whole): glass keeps no checksums,
# and every tool showed "flames rice" with exit 0; xapian-check, and so
# --check, found nothing.  The shown fields and the record each end with a
# seal (common/docdata.h) that the reader and --check verify.  One worker
# builds it: with several, which blocks the title's value falls in (a
# stale copy in a free one, or the live one split between two items) would
# follow which worker took which file.
index -q -j 1 -d "$TMP/title" corpus
TGEN=$(awk '{print $2; exit}' "$TMP/title/XAPIANDB")
python3 - "$TMP/title/$TGEN/postlist.glass" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
assert b'flames race' in data, 'the title is in the table'
open(sys.argv[1], 'wb').write(data.replace(b'flames race', b'flames rice'))
EOF
run query -d "$TMP/title" --format tsv wildfire
is "a title's bit flipped in postlist.glass: exit 2, nothing on stdout" "$RC:$OUT" 2:
has "...naming the document, the table and what failed" "$ERR" \
    "trawl-query: index $TMP/title is damaged (the shown fields of document "
has "...and how to mend it" "$ERR" " (postlist.glass) fail their checksum): rebuild it from the articles"
lacks "...with no xapian-check, which finds nothing" "$ERR" "xapian-check"
run query -d "$TMP/title" -n 1 wildfire
is "...a hit with a snippet, read from the record, whole: exit 0" "$RC" 0
has "...its title as written" "$OUT" "flames race through canyon"
before=$(cat "$TMP"/title/$TGEN/* | cksum)
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/title" corpus
is "...trawl-index --check: exit 2" "$RC" 2
has "...naming the document" "$ERR" "index $TMP/title is damaged (1 document fails its checksum: "
has "...and the copy that failed" "$ERR" " (shown fields)); nothing was changed"
is "...and leaves its tables as they were" "$(cat "$TMP"/title/$TGEN/* | cksum)" "$before"
# --check with no PATH checks the index and indexes nothing: it asked for
# a PATH, and a user who only wanted to know had to name the articles.
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/title"
is "...--check with no PATH: exit 2" "$RC" 2
has "...the same finding" "$ERR" "index $TMP/title is damaged (1 document fails its checksum: "
run index --check -d "$TMP/none"
is "...an index that is not there: exit 2" "$RC" 2
has "...saying so" "$ERR" "trawl-index: $TMP/none: no index here to check; build one with trawl-index -d $TMP/none PATH..."
is "...and none made" "$(ls -d "$TMP/none" 2>/dev/null)" ""
run index -q --full -d "$TMP/title" corpus
is "...--full rebuilds it" "$RC:$(query -d "$TMP/title" --format tsv -n 1 wildfire | cut -f4)" \
    "0:Wildfire forces thousands to flee as flames race through canyon"
TGEN=$(awk '{print $2; exit}' "$TMP/title/XAPIANDB")
before=$(cat "$TMP"/title/$TGEN/* | cksum)
updated=$(index_stat "$TMP/title" last_update)
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/title"
is "...then --check with no PATH: exit 0" "$RC" 0
is "...saying it passed" "$OUT" "index $TMP/title: its tables and its records' checksums passed the check"
is "...with its articles as they were" "$(query -d "$TMP/title" --format tsv -n 1 wildfire | cut -f4)" \
    "Wildfire forces thousands to flee as flames race through canyon"
# A check changes nothing: it committed, which rewrote the tables' roots
# and moved the index's last update.
is "...and its tables as they were, the last update too" \
    "$(cat "$TMP"/title/$TGEN/* | cksum) $(index_stat "$TMP/title" last_update)" "$before $updated"

# A bit flipped in a seal's own tag, making it that of a field an older
# writer wrote (a compressed body, which shown fields never hold): the
# shown fields read as those of an index from before seals, trusted
# unchecked (exit 0, with whatever else the flip met).  An index whose
# writer sealed every record says so (trawl.sealed), and there one without
# a seal is damage; without the mark, as an older index, it is read as
# before.  (A flip into what no writer wrote is damage either way.)
index -q -j 1 -d "$TMP/seal" corpus
SEGEN=$(awk '{print $2; exit}' "$TMP/seal/XAPIANDB")
python3 - "$TMP/seal/$SEGEN/postlist.glass" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
title = data.find(b'flames race')
seal = data.find(b'\x0d\x04', title)       # the shown fields' seal: tag 13, length 4
assert title > 0 and 0 < seal - title < 400, 'the seal follows the title'
data[seal] ^= 0x04                          # tag 9: a compressed body
open(sys.argv[1], 'wb').write(data)
EOF
run query -d "$TMP/seal" --format tsv wildfire
is "a seal's tag flipped: exit 2, nothing on stdout" "$RC:$OUT" 2:
has "...the shown fields named, lacking their seal" "$ERR" \
    " (postlist.glass) lack their checksum): rebuild it from the articles"
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/seal"
has "...--check finds it (exit 2)" "$RC:$ERR" "2:trawl-index: $TMP/seal: index $TMP/seal is damaged (1 document fails its checksum: "
has "...its shown fields" "$ERR" " (shown fields)); nothing was changed"
"$BIN/tests/set_meta" "$TMP/seal" trawl.sealed ""
run query -d "$TMP/seal" --format tsv -n 1 wildfire
is "...in an index not marked sealed (an older one's) it is read as before" \
    "$RC:$(echo "$OUT" | cut -f3)" 0:corpus/environment/wildfire.txt
# Its length flipped too: what no writer wrote, damage without the mark.
# (Both seals of an article flipped so had read as an older writer's
# article whatever the mark said: test_record_id.)
python3 - "$TMP/seal/$SEGEN/postlist.glass" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
title = data.find(b'flames race')
seal = data.find(b'\x09\x04', title)       # the flipped seal: tag 9, length 4
assert title > 0 and 0 < seal - title < 400, 'the seal follows the title'
data[seal + 1] ^= 0x01
open(sys.argv[1], 'wb').write(data)
EOF
run query -d "$TMP/seal" --format tsv wildfire
is "...and its length: damage in an index not marked sealed, exit 2" "$RC:$OUT" 2:
has "...the shown fields named, failing their seal" "$ERR" \
    " (postlist.glass) fail their checksum): rebuild it from the articles"

# Out of file descriptors (a program that keeps many open, a low `ulimit
# -n`): the stub that could not be opened was called damaged, with a
# rebuild to do, and a table Xapian could not open "not an index"; the
# index is whole.  Now exit 2, saying so and what to do, at each limit
# from the stub to the last table; with room, the search answers.
# (Not under the sanitizers: their runtime needs descriptors of its own --
# UBSan's check of a dynamic type opens a pipe to test the memory it reads,
# and out of them reports "invalid vptr" on a sound object.)
if [ "${SANITIZE:-}" = 1 ]; then
    skip "out of file descriptors: the messages of both tools" "the sanitizers' runtime needs descriptors too"
else
    cp -a "$DB" "$TMP/fds"
    said=
    for n in 4 5 6 7 8 9 10 11 12 16 24; do
        run bash -c "ulimit -n $n; exec \"\$0\" -d \"\$1\" --format tsv -n 1 wildfire" \
            "$BIN/trawl-query" "$TMP/fds"
        [ "$RC" = 0 ] && break
        said="$said$RC:$ERR
    "
    done
    is "out of files: the search answers once it may open them" "$RC:$(echo "$OUT" | cut -f3)" \
        0:corpus/environment/wildfire.txt
    has "...the stub that could not be opened is not damage" "$said" \
        "2:trawl-query: index $TMP/fds cannot be read (XAPIANDB: Too many open files): the process has as many files open as its limit allows: close some, or raise the limit (ulimit -n), and run again"
    has "...nor a table Xapian could not open" "$said" \
        ".glass to read (Too many open files): the process has as many files open as its limit allows"
    lacks "...never called damaged" "$said" "damaged"
    lacks "...nor not an index" "$said" "not an index"
    lacks "...nor told to rebuild it" "$said" "--full"
    for n in 4 5 6 7 8; do
        run bash -c "ulimit -n $n; exec \"\$0\" -d \"\$1\" \"\$2\"" "$BIN/trawl-index" "$TMP/fds" corpus
        lacks "out of files, trawl-index at $n: not called damaged" "$ERR" "damaged"
        has "...saying what to do (exit 2)" "$RC:$ERR" "2:trawl-index: $TMP/fds: "
    done
    is "...and the stub and the one generation stay" \
        "$(cat "$TMP/fds/XAPIANDB") $(ls "$TMP/fds" | grep -c '^gen-')" "glass $GEN 1"
    # One limit further the index opens and its commit cannot write its new
    # version file: that was "make room on the disk".
    said=
    for n in $(seq 4 16); do
        run bash -c "ulimit -n $n; exec \"\$0\" -d \"\$1\" \"\$2\"" "$BIN/trawl-index" "$TMP/fds" corpus
        said="$said$RC:$ERR
    "
    done
    # The library's message says what to do (a program gets it too), the
    # tool what became of the index.
    has "out of files at the commit: what to do" "$said" \
        "trawl-index: $TMP/fds: committing the index: Modifications failed"
    has "...the library's message naming the limit" "$said" \
        "(Too many open files)), and couldn't open at the old revision: $TMP/fds/$GEN/iamglass: Failed to open glass revision file for reading: the process has as many files open as its limit allows: close some, or raise the limit (ulimit -n), and run again
trawl-index: the index keeps its last commit
"
    lacks "...not the disk's room" "$said" "make room on the disk"
fi

# A table deleted: Xapian 1.4 takes a missing docdata, termlist or position
# table for one not created yet (every hit "(no title)", phrases matching as
# bare words, exit 0).  The version file says which tables have a root
# block; both tools check at open that each is there and holds it.
for table in docdata termlist position; do
    damage "gone-$table" truncate "$table"
    rm "$TMP/gone-$table/$GEN/$table.glass"
    run query -d "$TMP/gone-$table" '"wildfire"'
    is "$table.glass deleted: exit 2, nothing on stdout" "$RC:$OUT" 2:
    has "...named, in the damaged index's message" "$ERR" \
        "trawl-query: index $TMP/gone-$table is damaged ($table.glass is missing): check it with 'xapian-check $TMP/gone-$table/$GEN'"
done
run "$BIN/tests/search_probe" "$TMP/gone-docdata" wildfire
is "docdata.glass deleted: the library's open fails" "$RC" 1
has "...saying why" "$ERR" "search_probe: index $TMP/gone-docdata is damaged (docdata.glass is missing)"
damage tail truncate postlist
f=$TMP/tail/$GEN/postlist.glass
cp -a "$DB/$GEN/postlist.glass" "$f"
# Cut by its last block, which need not be the root: each block below the
# first the table never used is in use or on its free list, and the blocks
# past the table's end are looked up there (glass_tables.c).  A search that
# did not reach the lost block was answered, exit 0; a writer refused only
# when it read it.
truncate -s -8192 "$f"
before=$(cat "$TMP"/tail/$GEN/* | cksum)
run query -d "$TMP/tail" --count wildfire
is "postlist.glass one block short: a search that does not read the block refuses too (exit 2)" \
    "$RC:$OUT" 2:
has "...naming the block lost" "$ERR" "(postlist.glass is cut short: $(stat -c %s "$f") bytes, short of a block it uses at "
run index -d "$TMP/tail" corpus
is "postlist.glass one block short: trawl-index refuses to add to it (exit 2)" "$RC" 2
has "...saying so" "$ERR" "the index is damaged ("
is "...and leaves its tables as they were" "$(cat "$TMP"/tail/$GEN/* | cksum)" "$before"
# Cut past its root, short of its end (the termlist's, which no commit
# since the build's compaction wrote, holds its root early): searches were
# answered from the blocks left, a writer wrote into the rest.  Where the
# root is is read from the version file, not assumed: a check that cut
# before it (a layout another commit left) would test another thing.
damage half truncate termlist
cp -a "$DB/$GEN/termlist.glass" "$TMP/half/$GEN/termlist.glass"
f=$TMP/half/$GEN/termlist.glass
root=$(python3 - "$DB/$GEN/iamglass" termlist <<'EOF'
import sys
# glass's version file: magic and format (16 bytes), uuid (16), the
# revision, then each table's root block, flags, entries, block size,
# compression threshold and free list, in this order of tables.
data = open(sys.argv[1], 'rb').read()
at = 32
def number():
    global at
    n = shift = 0
    while True:
        b = data[at]; at += 1
        n |= (b & 0x7f) << shift; shift += 7
        if b < 0x80:
            return n
number()
for table in ['postlist', 'docdata', 'termlist', 'position', 'spelling', 'synonym']:
    root = number()
    for _ in range(4):
        number()
    at += number()
    if table == sys.argv[2]:
        print(root)
EOF
)
blocks=$(( $(stat -c %s "$f") / 8192 ))
cut=$(( blocks / 2 > root + 1 ? blocks / 2 : root + 1 ))
if [ "$cut" -lt "$blocks" ]; then
    ok "termlist.glass's root block ($root of $blocks) leaves blocks to cut past it"
else
    not_ok "termlist.glass's root block leaves blocks to cut past it" "root $root of $blocks blocks"
fi
truncate -s $(( cut * 8192 )) "$f"
before=$(cat "$TMP"/half/$GEN/* | cksum)
for how in "wildfire" "--count the" "--stats"; do
    run query -d "$TMP/half" $how
    is "termlist.glass cut at half, $how: exit 2, nothing on stdout" "$RC:$OUT" 2:
    has "...the loss named" "$ERR" "trawl-query: index $TMP/half is damaged (termlist.glass is cut short: $(stat -c %s "$f") bytes, short of a block it uses at "
done
run "$BIN/tests/search_probe" "$TMP/half" wildfire
has "...the library's open fails too" "$RC:$ERR" "1:search_probe: index $TMP/half is damaged (termlist.glass is cut short"
run index -d "$TMP/half" corpus
is "...and trawl-index adds nothing to it" "$RC:$(cat "$TMP"/half/$GEN/* | cksum)" "2:$before"
# A version file (iamglass) from another index: its roots named blocks of
# these tables of another level or naming blocks past its tables' end, or
# blocks of a later revision: searches found nothing (--stats: the other
# index's document count), or failed after seconds of tries with Xapian's
# "The revision being read has been discarded", without a word of damage.
index -q -d "$TMP/other" corpus/weather
damage foreign truncate postlist
cp -a "$DB/$GEN/postlist.glass" "$TMP/foreign/$GEN/postlist.glass"
cp "$TMP/other/$(awk '{print $2; exit}' "$TMP/other/XAPIANDB")/iamglass" "$TMP/foreign/$GEN/iamglass"
before=$(cat "$TMP"/foreign/$GEN/* | cksum)
for how in "wildfire" "--stats"; do
    run query -d "$TMP/foreign" $how
    is "another index's version file, $how: exit 2, nothing on stdout" "$RC:$OUT" 2:
    has "...saying so" "$ERR" "trawl-query: index $TMP/foreign is damaged (postlist.glass does not match its version file, iamglass: one of them comes from another index, or another copy of this one): check it with 'xapian-check $TMP/foreign/$GEN'"
    has "...and how to rebuild it" "$ERR" "trawl-query: to rebuild it from the articles: trawl-index --full -d $TMP/foreign PATH..."
done
run index -d "$TMP/foreign" corpus
is "...and trawl-index adds nothing to it" "$RC:$(cat "$TMP"/foreign/$GEN/* | cksum)" "2:$before"
has "...saying why" "$ERR" "does not match its version file"
# The version file of an older revision of the same index (a backup put
# back over half the folder): its roots' blocks were written again since.
cp -a "$DB" "$TMP/older"
cp "$TMP/older/$GEN/iamglass" "$TMP/iamglass.old"
mkdir -p "$TMP/more"
for i in 1 2 3; do
    printf 'Heron count %s\n\nThe heron census of week %s counted the egrets too.\n' $i $i \
        > "$TMP/more/heron$i.txt"
    index -q -d "$TMP/older" corpus "$TMP/more"
done
cp "$TMP/iamglass.old" "$TMP/older/$GEN/iamglass"
run query -d "$TMP/older" --count wildfire
is "an older version file: exit 2, nothing on stdout" "$RC:$OUT" 2:
has "...saying so" "$ERR" "trawl-query: index $TMP/older is damaged (postlist.glass does not match its version file, iamglass"
# A table this user may not read: Xapian 1.4 took it for one not created
# yet too (docdata: every hit "(no title)", exit 0).  Root reads it anyway:
# the searches run as nobody then (when nobody may run the build's tools).
as_user() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        "$@"
    fi
}
if as_user "$BIN/trawl-query" --version >/dev/null 2>&1; then
    damage unreadable truncate docdata
    cp -a "$DB/$GEN/docdata.glass" "$TMP/unreadable/$GEN/docdata.glass"
    chmod a+rx "$TMP" && chmod -R a+rX "$TMP/unreadable"
    chmod 000 "$TMP/unreadable/$GEN/docdata.glass"
    run as_user "$BIN/trawl-query" -d "$TMP/unreadable" wildfire
    is "docdata.glass unreadable: exit 2, nothing on stdout" "$RC:$OUT" 2:
    has "...saying which file and what to do" "$ERR" \
        "trawl-query: index $TMP/unreadable cannot be read (docdata.glass: Permission denied): give this user read access to its folder and files"
    chmod 644 "$TMP/unreadable/$GEN/docdata.glass"
    is "...and readable, it searches again" \
        "$(as_user "$BIN/trawl-query" -d "$TMP/unreadable" --format tsv -n 1 wildfire | cut -f3)" \
        corpus/environment/wildfire.txt
    # A generation folder this user may not look into was taken for no
    # index at all: searches said "not an index" and told the user to build
    # one, and trawl-index built one, of what that run gave it, and made it
    # current in place of the whole index.
    damage closed truncate docdata
    cp -a "$DB/$GEN/docdata.glass" "$TMP/closed/$GEN/docdata.glass"
    [ "$(id -u)" = 0 ] && chown -R 65534:65534 "$TMP/closed"
    chmod 000 "$TMP/closed/$GEN"
    run as_user "$BIN/trawl-query" -d "$TMP/closed" wildfire
    is "gen folder unreadable: exit 2, nothing on stdout" "$RC:$OUT" 2:
    is "...saying which folder and what to do" "$ERR" \
        "trawl-query: index $TMP/closed cannot be read ($GEN: Permission denied): give this user read access to its folder and files"
    run as_user "$BIN/tests/search_probe" "$TMP/closed" wildfire
    has "...the library's open fails too" "$RC:$ERR" "1:search_probe: index $TMP/closed cannot be read ($GEN: Permission denied)"
    for full in "" --full; do
        run as_user "$BIN/trawl-index" $full -d "$TMP/closed" corpus/weather
        is "gen folder unreadable: trawl-index $full refuses (exit 2)" "$RC" 2
        has "...saying why" "$ERR" "index $TMP/closed cannot be read ($GEN: Permission denied): give this user read access"
        is "...and keeps the stub and the one generation" \
            "$(cat "$TMP/closed/XAPIANDB") $(ls "$TMP/closed" | grep -c '^gen-')" "glass $GEN 1"
    done
    chmod 755 "$TMP/closed/$GEN"
    is "...and readable, it searches again" \
        "$(as_user "$BIN/trawl-query" -d "$TMP/closed" --format tsv -n 1 wildfire | cut -f3)" \
        corpus/environment/wildfire.txt
else
    skip "a table this user may not read" "root, and no setpriv, or nobody may not run $BIN/trawl-query"
fi
for d in gone-position tail half foreign; do
    run index -q --full -d "$TMP/$d" corpus
    is "$d: --full rebuilds it" "$RC:$(query -d "$TMP/$d" --format tsv -n 1 '"wildfire"' | cut -f3)" \
        0:corpus/environment/wildfire.txt
done

# A syntax error is still a bad query, on a sound index or a damaged one.
run query -d "$DB" 'united AND'
is "syntax error: exit 2" "$RC" 2
has "syntax error: still a bad query" "$ERR" "trawl-query: bad query: "
lacks "syntax error: not damage" "$ERR" "damaged"
run query -d "$DB" 'date:2021-13-45'
has "bad date: still a bad query" "$RC:$ERR" "2:trawl-query: bad query: date:2021-13-45 is not a date"

# The rebuild the message suggests works.
run index -q --full -d "$TMP/cut" corpus
is "trawl-index --full over the damaged index: exit 0" "$RC" 0
is "...and it searches again" \
    "$(query -d "$TMP/cut" --format tsv -n 1 wildfire | cut -f3)" corpus/environment/wildfire.txt

# An index of another schema version: both tools say how to rebuild it (here
# and not in 36-crash-disk.sh with the other index troubles: it needs no
# Reuters).
S=$TMP/schema
index -q -d "$S" "$TOP/corpus/weather"
"$BIN/tests/set_meta" "$S" trawl.schema 99
run query -d "$S" storm
is "other schema: trawl-query exits 2" "$RC" 2
has "...and says why" "$ERR" "index $S has schema version 99, which this trawl cannot read: rebuild it from the articles"
has "...and how to rebuild" "$ERR" "trawl-query: to rebuild it from the articles: trawl-index --full -d $S PATH..."
run index -d "$S" "$TOP/corpus/weather"
is "other schema: trawl-index exits 2 without touching it" "$RC:$(query -d "$S" storm >/dev/null 2>&1; echo $?)" "2:2"
has "...and says how to rebuild" "$ERR" "trawl-index: to rebuild it from the articles: trawl-index --full -d $S PATH..."
index -q -d "$S" --full "$TOP/corpus/weather"
is "other schema: --full rebuilds it" "$(index_stat "$S" documents)" 4

# Schema 6 and older kept elided words whole ("l'économie"), and 10 and
# older lacked numbers' plain forms ("1500" for "1,500"), and 11 names
# and spaced numbers run together ("oneill", "15000"): trawl-index
# refuses to add to them (76-elisions.sh), and still adds to its own.
# (12, which held Chinese in both spellings, is refused only when it holds
# a traditional character: 74-hanzi.sh.)
run index -d "$S" "$TOP/corpus/sports"
is "its own schema: trawl-index adds to it" "$RC:$(index_stat "$S" documents)" \
    "0:$((4 + $(ls "$TOP/corpus/sports" | wc -l)))"
is "...and it stays of schema 13" "$(index_stat "$S" schema)" 13
for old in 11 5; do
    "$BIN/tests/set_meta" "$S" trawl.schema $old
    run index -d "$S" "$TOP/corpus/weather"
    is "schema $old: trawl-index refuses to add to it" "$RC" 2
    has "...saying why, naming the index as given (not its generation)" "$ERR" \
        "index $S has schema version $old but this trawl writes version 13: rebuild it from the articles"
done

# A Xapian database that is not a trawl index is not written to.
"$BIN/tests/set_meta" "$S" trawl.schema ""
run index -d "$S" "$TOP/corpus/sports"
is "foreign Xapian database: trawl-index exits 2" "$RC" 2
has "...saying so" "$ERR" "is a Xapian database but not a trawl index"
is "...and leaves it as it was" "$(TRAWL_DB=$S "$BIN/trawl-query" --stats 2>&1 | head -1)" \
    "trawl-query: $S is a Xapian database but not a trawl index"
# Neither tool tells the user to rebuild it with --full: that replaces
# another program's database by a new index.
lacks "...and trawl-index does not advise --full on it" "$ERR" "--full"
has "...but another folder" "$ERR" \
    "trawl-index: trawl leaves it alone: give -d a trawl index, or build one in a new or empty folder"
run query -d "$S" flood
is "foreign Xapian database: trawl-query exits 2" "$RC" 2
lacks "...and does not advise --full on it" "$ERR" "--full"
has "...but another folder" "$ERR" \
    "trawl-query: trawl leaves it alone: give -d a trawl index, or build one in a new or empty folder"
# --full does not replace it either: it is not trawl's to rebuild.  (A
# damaged trawl index, which cannot be read, is still rebuilt: above.)
before=$(ls "$S"/gen-*/*.glass | xargs cat | cksum)
run index -d "$S" --full "$TOP/corpus/sports"
is "foreign Xapian database: --full exits 2" "$RC" 2
has "...saying so" "$ERR" "is a Xapian database but not a trawl index"
is "...and leaves its tables as they were" "$(ls "$S"/gen-*/*.glass | xargs cat | cksum)" "$before"
