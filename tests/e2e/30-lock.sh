#!/bin/bash
# End to end: one writer at a time; readers keep working and see the last commit.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
cd "$TOP"
index -q -d "$DB" corpus/weather
is "setup: 4 weather articles" "$(query -d "$DB" --count --any front storm flood heat blizzard)" 4

# hold_lock keeps the writer open until its stdin closes.
mkfifo "$TMP/ctl"
"$BIN/tests/hold_lock" "$DB" < "$TMP/ctl" > "$TMP/held" &
holder=$!
exec 3> "$TMP/ctl"
for _ in $(seq 1 100); do grep -q locked "$TMP/held" 2>/dev/null && break; sleep 0.1; done
is "the helper holds the lock" "$(cat "$TMP/held")" locked

run timeout 20 "$BIN/trawl-index" -d "$DB" corpus/sports 3>&-
is "a second writer exits 2 at once" "$RC" 2
is "...saying the index is locked, by whom, and what to do" "$ERR" \
    "trawl-index: $DB: index $DB is locked by another writer (pid $holder)
trawl-index: one writer at a time: wait for it to finish, or give --wait SECONDS to wait for the lock"
run timeout 20 "$BIN/trawl-index" -d "$DB" --wait 1 corpus/sports 3>&-
is "a writer whose --wait runs out exits 2" "$RC" 2
is "...and asks for a longer wait, not for the --wait it gave" "$ERR" \
    "trawl-index: $DB: index $DB is locked by another writer (pid $holder)
trawl-index: it still held the index after --wait 1: give a longer --wait, or run again once it has finished"
run query -d "$DB" --count blizzard
is "a reader works while the writer holds the lock" "$RC:$OUT" "0:1"
is "...and does not see uncommitted work" "$(query -d "$DB" --count 'title:locked')" 0

exec 3>&-
wait "$holder"
is "the holder commits and exits 0" "$?" 0
is "after the commit the reader sees it" "$(query -d "$DB" --count 'title:locked')" 1
run index -d "$DB" corpus/sports
is "once the lock is released a writer gets in" "$RC" 0
is "...and adds its articles" "$(index_stat "$DB" documents)" 9
