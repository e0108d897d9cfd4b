#!/bin/bash
# End to end: kill -9 at random moments, Ctrl-C, a writer waiting for the lock, a
# full disk and a read-only disk.  Whatever happens, the index opens, holds its
# last commit, and a re-run ends with exactly the articles of a clean build.
. "$(dirname "$0")/../lib.sh"
R=$SHARED/reuters21578
if [ ! -d "$R" ]; then
    skip "kill -9, Ctrl-C, full and read-only disks on Reuters" "no Reuters files at $R: set TRAWL_SHARED to the shared/ folder"
    exit 0
fi
ids() { query -d "$1" --no-collapse --format tsv -n 1000000 'NOT xyzzyplugh' | cut -f3 | sort; }
count() { index_stat "$1" documents; }

index -q -d "$TMP/clean" "$R"
ids "$TMP/clean" > "$TMP/clean.ids"
is "clean build: 21578 distinct ids" "$(sort -u "$TMP/clean.ids" | wc -l)" 21578

# kill -9 three times at random moments, then let a run finish.
DB=$TMP/db
for round in 1 2 3; do
    "$BIN/trawl-index" -q -d "$DB" "$R" 2>/dev/null &
    pid=$!
    pause=$(awk -v r=$RANDOM 'BEGIN { printf "%.1f", 1 + (r % 90) / 10 }')
    sleep "$pause"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    n=$(count "$DB" 2>/dev/null)
    [ -n "$n" ] && [ "$n" -le 21578 ] \
        && ok "kill -9 after ${pause}s (round $round): the index opens, $n articles" \
        || not_ok "kill -9 after ${pause}s (round $round): the index opens" "documents: '$n'"
done
run index -d "$DB" "$R"
is "after the kills, a re-run finishes" "$RC" 0
ids "$DB" > "$TMP/db.ids"
is "...with no article lost or doubled: the same ids as a clean build" \
    "$(cmp -s "$TMP/clean.ids" "$TMP/db.ids" && echo same || diff "$TMP/clean.ids" "$TMP/db.ids" | head -5)" same
is "...and no id twice" "$(wc -l < "$TMP/db.ids")" 21578

# Ctrl-C: what is done is committed, the exit is clean, a re-run finishes.
INT=$TMP/int
"$BIN/trawl-index" -d "$INT" "$R" > "$TMP/int.out" 2> "$TMP/int.err" &
pid=$!
sleep 3
kill -INT "$pid"
wait "$pid"
rc=$?
is "Ctrl-C: exit 130" "$rc" 130
has "Ctrl-C: says what to do" "$(cat "$TMP/int.err")" "interrupted: what was indexed is kept; run the same command again to finish"
n=$(count "$INT")
[ "$n" -gt 0 ] && [ "$n" -lt 21578 ] && ok "Ctrl-C: the articles done so far are committed ($n)" \
    || not_ok "Ctrl-C: the articles done so far are committed" "documents: $n"
# The re-run goes on in bulk: the files not reached, and the containers the
# workers were reading (their first articles deleted), go to its workers,
# whose parts are merged with the index, not written by one writer.
run index --progress always -d "$INT" "$R"
is "Ctrl-C: a re-run finishes" "$RC" 0
has "...in bulk, merging its workers' parts with the index" "$ERR" "merging the workers' parts"
# The files the stopped run was still reading are not counted as indexed:
# the re-run reads them again, and finds unchanged just those it finished.
finished=$(sed -n 's/.* files: \([0-9]*\) indexed.*/\1/p' "$TMP/int.out")
is "...the stopped run's indexed files are those the re-run finds unchanged" \
    "$(printf '%s' "$OUT" | sed -n 's/.* indexed, \([0-9]*\) unchanged.*/\1/p')" "$finished"
is "Ctrl-C: a re-run ends with the clean build's ids" "$(ids "$INT" | cmp -s - "$TMP/clean.ids" && echo same)" same
run index -q --progress always -d "$INT" "$R"
lacks "...and the run after it has nothing to merge" "$ERR" "merging"

# Removal is bounded by --memory as additions are: the articles of ten deleted
# files (10,000) held 278 MiB until the one commit at the end (a build of all
# 21,578 takes under 50).
mkdir -p "$TMP/part"
cp "$R"/reut2-01*.sgm.gz "$TMP/part/"
cp "$R"/reut2-00*.sgm.gz "$TMP/part/"
index -q -d "$TMP/rm" "$TMP/part"
rm "$TMP/part"/reut2-00*.sgm.gz
read -r rev0 words0 <<<"$(delve "$TMP/rm")"
peak "$BIN/trawl-index" -d "$TMP/rm" "$TMP/part"
has "ten files deleted: their 10,000 articles removed" "$OUT" "10 removed; 0 articles written, 10000 deleted"
peak_under 100 "...within --memory"
# An update's commits each rewrite every posting list they touch, across the
# index: its default budget is 64 MiB, not a bulk build's 16 (17 commits).
read -r rev1 words1 <<<"$(delve "$TMP/rm")"
most=$(( (words0 - words1) * 100 / (64 << 20) + 3 ))
[ $((rev1 - rev0)) -le "$most" ] && ok "...in $((rev1 - rev0)) commits of an update's 64 MiB" \
    || not_ok "...in commits of an update's 64 MiB" "$((rev1 - rev0)) commits, not at most $most"
is "...the others stay" "$(count "$TMP/rm")" 10000

# --wait: a second writer waits for the lock instead of failing.
W=$TMP/wait
index -q -d "$W" "$TOP/corpus/weather"
mkfifo "$TMP/ctl"
"$BIN/tests/hold_lock" "$W" < "$TMP/ctl" > "$TMP/held" &
holder=$!
exec 3> "$TMP/ctl"
for _ in $(seq 1 100); do grep -q locked "$TMP/held" 2>/dev/null && break; sleep 0.1; done
run timeout 20 "$BIN/trawl-index" -q -d "$W" --wait 1 "$TOP/corpus/sports" 3>&-
is "--wait 1 on a held lock: gives up with exit 2" "$RC" 2
has "...saying it is locked" "$ERR" "is locked by another writer"
# (3>&-: the waiter must not keep the helper's control pipe open.)
timeout 30 "$BIN/trawl-index" -q -d "$W" --wait 20 "$TOP/corpus/sports" 3>&- &
waiter=$!
sleep 1
exec 3>&-
wait "$holder"
wait "$waiter"
is "--wait 20: gets the lock once it is released, exit 0" "$?" 0
is "...and indexes" "$(count "$W")" 9

# A full disk and a read-only disk: a small tmpfs when mounting is allowed,
# else a file-size limit for the full disk.
M=$TMP/mnt
mkdir -p "$M"
# (Each size 40k over what it was before a build's merge filed its marks
# in a commit of their own, whose blocks a build's last commit cannot
# reuse.)
if mount -t tmpfs -o size=440k tmpfs "$M" 2>/dev/null; then
    index -q -d "$M/db" "$TOP/corpus/weather"
    run index -q -d "$M/db" "$R"
    is "full disk: exit 2" "$RC" 2
    has "full disk: the reason" "$ERR" "No space left on device"
    has "full disk: what to do" "$ERR" "the index keeps its last commit; make room on the disk"
    is "full disk: the index holds its last commit" "$(count "$M/db")" 4
    run index -q -d "$M/db" --full "$R"
    is "full disk, --full in worker threads: exit 2" "$RC" 2
    has "...the reason" "$ERR" "No space left on device"
    is "...the index is the old one" "$(count "$M/db")" 4
    is "...and no shard is left behind" "$(ls "$M/db" | grep -c build-)" 0
    # Smaller disks fill up while a new article's story is looked for, a
    # search of the index being written, where Xapian 1.4 ends the process
    # (std::terminate) on a full disk: trawl-index stops before, as on a
    # full disk.
    for size in 410k 420k; do
        S=$TMP/mnt-$size
        mkdir -p "$S"
        mount -t tmpfs -o size=$size tmpfs "$S"
        run index -q -d "$S/db" "$TOP/corpus/weather"
        is "a disk of $size: the first run fits" "$RC" 0
        run index -q -d "$S/db" "$R"
        is "full disk of $size, adding: exit 2" "$RC" 2
        has "...the reason" "$ERR" "No space left on device"
        is "...the index holds its last commit" "$(count "$S/db")" 4
        umount "$S"
    done
    mount -o remount,ro "$M"
    run index -q -d "$M/db" "$TOP/corpus/sports"
    is "read-only disk: exit 2" "$RC" 2
    has "read-only disk: the reason" "$ERR" "Read-only file system"
    lacks "read-only disk: not mistaken for a lock" "$ERR" "locked by another"
    is "read-only disk: searches still work" "$(query -d "$M/db" --count --any storm heat flood blizzard)" 4
    umount "$M"
else
    index -q -d "$M/db" "$TOP/corpus/weather"
    run bash -c "trap '' XFSZ; ulimit -f 2000; exec '$BIN/trawl-index' -q -d '$M/db' '$R'"
    is "full disk (file-size limit): exit 2" "$RC" 2
    has "full disk: the reason" "$ERR" "File too large"
    is "full disk: the index holds its last commit" "$(count "$M/db")" 4
    ok "# read-only disk not tested: mounting is not allowed here"
fi
