#!/bin/bash
# End to end: what trawl-query tells a user whose -d names no index.  The
# command it suggests must be one that works: trawl-index builds an index only
# where nothing is yet or in an empty folder, and refuses a folder of other
# files -- often the articles' own folder, given to -d by mistake.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
mkdir -p "$TMP/articles" "$TMP/empty"
printf 'Ferry strike ends\n\nThe harbour ferry sails again.\n' > "$TMP/articles/a.txt"

run query -d "$TMP/nowhere" ferry
is "a missing folder: exit 2" "$RC" 2
has "a missing folder: build one there" "$ERR" \
    "build one with 'trawl-index -d $TMP/nowhere PATH...'"
run query -d "$TMP/empty" ferry
is "an empty folder: exit 2" "$RC" 2
has "an empty folder: build one there" "$ERR" \
    "build one with 'trawl-index -d $TMP/empty PATH...'"

# The articles' folder: trawl-index would refuse to build there.
run query -d "$TMP/articles" ferry
is "a folder of articles: exit 2" "$RC" 2
has "a folder of articles: not an index" "$ERR" "$TMP/articles is not an index"
lacks "a folder of articles: no advice to build an index among them" "$ERR" \
    "trawl-index -d $TMP/articles"
has "a folder of articles: give -d the index, or build one in a new folder" "$ERR" \
    "give -d the folder trawl-index wrote; a new index goes in a new or empty folder"
run index -q -d "$TMP/articles" "$TMP/articles"
is "(trawl-index does refuse that folder)" "$RC" 2

# A stub file that names a missing index: the message names it; the stub
# is not a place to build one.
printf 'auto gone\n' > "$TMP/news.stub"
run query -d "$TMP/news.stub" ferry
is "a stub naming a missing index: exit 2" "$RC" 2
has "a stub naming a missing index: named" "$ERR" "no index at $TMP/gone"
lacks "a stub naming a missing index: no advice to build at the stub" "$ERR" \
    "trawl-index -d $TMP/news.stub"
