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
