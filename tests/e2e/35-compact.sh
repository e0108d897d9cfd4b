#!/bin/bash
# End to end: trawl-index --compact rewrites an index grown run by run into a
# new generation with full blocks, and loses nothing doing it: the same
# articles, hits and file records; a full disk leaves the old index whole.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
NEWS=$TMP/news
mkdir -p "$NEWS"

# A folder's runs each add a little: a news folder indexed day by day.
for part in "$TOP"/corpus/*/; do
    cp -r "$part" "$NEWS/"
    index -q -d "$DB" "$NEWS"
done
size() { du -sk "$1" | cut -f1; }
ids() { query -d "$1" --no-collapse --format tsv -n 1000000 'NOT xyzzyplugh' | cut -f3 | sort; }
hits() { query -d "$DB" --format tsv --fields rank,id,title "$@"; }
grown=$(size "$DB")
ids_before=$(ids "$DB")
storm_before=$(hits storm)
front_before=$(hits '"united front"')
terms_before=$(index_stat "$DB" terms)

run index -d "$DB" --compact
is "--compact alone: exit 0" "$RC" 0
has "...says what it did, in MB" "$OUT" "index compacted: "
lacks "...no files' summary when no PATH was given" "$OUT" "files:"
compacted=$(size "$DB")
if [ "$compacted" -lt $((grown * 7 / 10)) ]; then
    ok "...the index is smaller: ${grown} KB -> ${compacted} KB"
else
    not_ok "...the index is smaller" "grown ${grown} KB, compacted ${compacted} KB"
fi
is "...one generation is left" "$(ls "$DB" | grep -c '^gen-')" 1
is "...the same articles" "$(ids "$DB")" "$ids_before"
is "...the same terms" "$(index_stat "$DB" terms)" "$terms_before"
is "...the same hits, in the same order" "$(hits storm)" "$storm_before"
is "...and a phrase's" "$(hits '"united front"')" "$front_before"
run index -d "$DB" "$NEWS"
has "...and the files' records: a run after it finds every file unchanged" "$OUT" \
    "48 files: 0 indexed, 48 unchanged"
# Compacted in an earlier run, with no article written since (that run
# changed none): it was rewritten whole again for the blocks each run's
# commit writes.
gen=$(ls "$DB" | grep '^gen-')
run index -d "$DB" --compact
is "--compact again, nothing changed since: exit 0" "$RC" 0
# It said "no smaller (it was compact already)", as a compaction that
# gave nothing back does.
has "...says it left it, compact already" "$OUT" "index left as it was: "
has "...and why" "$OUT" "MB, compact since it was built or compacted (no article written or deleted since)"
lacks "...no compaction claimed" "$OUT" "index compacted"
is "...and leaves the generation as it was" "$(ls "$DB" | grep '^gen-')" "$gen"
# Out of file descriptors (ulimit -n 9 here) once the index was open, the
# generation's size read as 0: nothing said, exit 0.  Now each limit up to
# the one it works at fails saying what to do, exit 2.  (Not under the
# sanitizers, whose runtime needs descriptors of its own: 28-damaged-index.sh.)
if [ "${SANITIZE:-}" = 1 ]; then
    skip "--compact out of file descriptors" "the sanitizers' runtime needs descriptors too"
else
    said=
    for n in $(seq 4 16); do
        run bash -c "ulimit -n $n; exec \"\$0\" -d \"\$1\" --compact" "$BIN/trawl-index" "$DB"
        said="$said$n:$RC:$OUT$ERR
"
        [ "$RC" = 0 ] && break
    done
    has "--compact out of files: the last limit tried works" "$said" \
        "$n:0:index left as it was: "
    lacks "...none before it says nothing" "$said" ":0:
"
    has "...its size unread: what to do, exit 2" "$said" \
        ":2:trawl-index: $DB: index $DB cannot be read ($gen: Too many open files): the process has as many files open as its limit allows: close some, or raise the limit (ulimit -n), and run again"
fi

# With PATHs: the changes first, then the compaction, which holds them.
printf 'Harbour pilots vote on a quillwort survey\n\nThe quillwort survey of the harbour begins on Monday.\n' \
    > "$NEWS/quillwort.txt"
run index -d "$DB" --compact "$NEWS"
is "--compact PATH: exit 0" "$RC" 0
has "...indexes the PATH" "$OUT" "1 indexed"
has "...then compacts" "$OUT" "index compacted: "
is "...and the new article is found" "$(query -d "$DB" --count quillwort)" 1
is "...in a new generation" "$(ls "$DB" | grep -c "^$gen\$")" 0

# A first build is compact already: the handle that made it does not
# rewrite it again.
run index -d "$TMP/fresh" --compact --progress always "$NEWS"
is "--compact with a first build: exit 0" "$RC" 0
is "...compacted once, by the build" \
    "$(printf '%s' "$ERR" | tr '\r' '\n' | grep -cE "(merging the workers' parts|compacting): position")" 1
# It said "index compacted: 0.8 MB -> 0.8 MB", as if something were won.
has "...and says it left it, compact already" "$OUT" "index left as it was: "
lacks "...not a size to the same size" "$OUT" " -> "
# A later run as well: the build's merge marks the generation as a
# compaction does (trawl.compacted), where only the handle that built it
# knew, and a run with --compact alone rewrote it whole.
gen=$(ls "$TMP/fresh" | grep '^gen-')
run index -d "$TMP/fresh" --compact
is "--compact in a later run on a fresh build: exit 0" "$RC" 0
has "...leaves it as it was" "$OUT" "index left as it was: "
is "...its generation too" "$(ls "$TMP/fresh" | grep '^gen-')" "$gen"
# A rewrite that gives back kilobytes (one article's commit's): the
# decimals that show the change.
printf 'Lighthouse keepers\n\nThe lighthouse keepers retire in spring.\n' > "$TMP/lighthouse.txt"
cp -a "$TMP/fresh" "$TMP/grown"
index -q -d "$TMP/grown" "$TMP/lighthouse.txt"
run index -d "$TMP/grown" --compact
is "--compact after an article: sizes that differ shown different" \
    "$(printf '%s\n' "$OUT" | sed -nE -e 's/^index compacted: ([0-9.]+) MB -> ([0-9.]+) MB in .*/\1 \2/p' |
       awk '{ print ($1 != $2) ? "told" : "not told" }')" told

# Mistakes refused before anything is made or replaced.
run index -d "$TMP/typo" --compact
is "--compact where there is no index: exit 2" "$RC" 2
has "...says so" "$ERR" "no index here to compact"
is "...and makes none" "$(ls -d "$TMP/typo" 2>/dev/null | wc -l)" 0
run index -d "$DB" --full
is "--full with no PATH: exit 2" "$RC" 2
has "...it would have emptied the index" "$ERR" "--full rebuilds the index from the PATHs given"
is "...which keeps its articles" "$(ids "$DB" | wc -l)" "$(ids "$TMP/fresh" | wc -l)"
run index --extract --compact "$NEWS"
is "--extract --compact: exit 2" "$RC" 2
has "...refused" "$ERR" "--compact has no use with it"

# Another writer holds the index: locked, as for any run.
exec 3<"$DB"
flock -n 3
run index -d "$DB" --compact
is "--compact while another writer holds the lock: exit 2" "$RC" 2
has "...says it is locked" "$ERR" "locked"
exec 3<&-

# A full disk: the copy needs room beside the index; without it the old
# index stays, whole, and no part of the new one is left.
M=$TMP/mnt
mkdir -p "$M"
if mount -t tmpfs -o size=4m tmpfs "$M" 2>/dev/null; then
    for part in "$TOP"/corpus/*/; do
        index -q -d "$M/db" "$part"
    done
    before=$(ids "$M/db")
    fill=$(( $(df -k --output=avail "$M" | tail -1) - $(size "$M/db") / 4 ))
    [ "$fill" -gt 0 ] && head -c "${fill}K" /dev/zero > "$M/filler"
    # Xapian 1.4's compaction leaves its output tables' memory when it
    # fails (it frees them only when it finishes): LeakSanitizer is off here.
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 run index -d "$M/db" --compact
    is "full disk: exit 2" "$RC" 2
    has "...the reason" "$ERR" "No space left on device"
    has "...what to do" "$ERR" "make room on the disk"
    # The child's own failure was said as if it had not started, naming
    # the work twice ("compacting: cannot start a process: compacting: ...").
    lacks "...as the compaction's own failure, said once" "$ERR" "cannot start a process"
    is "...the index is the old one, whole" "$(ids "$M/db")" "$before"
    is "...and the new copy is gone" "$(ls "$M/db" | grep -c '^gen-')" 1
    rm -f "$M/filler"
    run index -d "$M/db" --compact
    is "...with room made: exit 0" "$RC" 0
    is "...the same articles" "$(ids "$M/db")" "$before"
    umount "$M"
else
    skip "--compact on a full disk" "mounting a tmpfs is not allowed here"
fi

# Ctrl-C during a compaction stops it at once: the
# old index stays, whole, with nothing of the new one left, and the
# message says so.  (It had gone on to the end, or until the watchdog ended
# the process, leaving the half-written copy on the disk.)  gdb holds the
# run as the first table begins and sends the SIGINT there.
if command -v gdb > /dev/null; then
    # An article since the last compaction: there is something to rewrite.
    printf 'Ferry timetable\n\nThe winter ferry timetable starts in November.\n' \
        > "$NEWS/ferry.txt"
    index -q -d "$DB" "$NEWS"
    before=$(ids "$DB")
    { gdb_stop_at tw_ix_tell_step; echo "signal SIGINT"; } > "$TMP/gdb.cmds"
    gdb -q -batch -x "$TMP/gdb.cmds" --args "$BIN/trawl-index" -d "$DB" --compact \
        > "$TMP/gdb.out" 2>&1
    out=$(cat "$TMP/gdb.out")
    has "Ctrl-C during --compact: the run stops, exit 130" "$out" "exited with code 0202"
    has "...says what is kept and what to do" "$out" \
        "interrupted: what was indexed is kept; run the same command again to finish"
    lacks "...no compaction is claimed" "$out" "index compacted"
    is "...the index is the old one, whole" "$(ids "$DB")" "$before"
    is "...and the half-written copy is gone" "$(ls "$DB" | grep -c '^gen-')" 1
    run index -d "$DB" --compact
    is "...run again, it compacts: exit 0" "$RC" 0
else
    skip "Ctrl-C during --compact" "needs gdb (apt-get install gdb)"
fi
