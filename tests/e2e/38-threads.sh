#!/bin/bash
# End to end: the library's threads (tests/tsan/tsan_threads.c, which `make tsan`
# runs under ThreadSanitizer): eight readers, each with its own trawl_db,
# searching while a writer adds and commits every three articles, then a
# three-worker bulk build.  Every search must succeed: one that overlaps
# commits is read again (it failed about 1 in 40 before).
. "$(dirname "$0")/../lib.sh"
run "$BIN/tests/tsan/tsan_threads" "$TOP/corpus"
is "readers beside a committing writer, and a bulk build: exit 0" "$RC" 0
has "...every check passed" "$OUT$ERR" "all checks passed"
lacks "...no search failed" "$OUT$ERR" "check failed"

# trawl-index's watchdog, the thread that ends a run a Ctrl-C did not stop
# in time, was detached and never joined: valgrind showed its stack as 304
# bytes "possibly lost" after every run, which sent a user looking for a
# leak.  Joined at the end, a run is clean.
if [ "${SANITIZE:-0}" = 1 ] || ! command -v valgrind > /dev/null; then
    skip "trawl-index under valgrind: no leak" "needs valgrind, in a build without sanitizers"
else
    mkdir -p "$TMP/vg"
    printf 'Harbour notes\n\nThe buoy was moved.\n' > "$TMP/vg/harbour.txt"
    run valgrind --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=99 \
        "$BIN/trawl-index" -q -d "$TMP/vg.db" "$TMP/vg"
    is "trawl-index under valgrind: exit 0, no leak definite or possible" "$RC" 0
    lacks "...none possibly lost" "$ERR" "possibly lost"
fi
