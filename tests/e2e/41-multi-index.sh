#!/bin/bash
# Several indexes searched as one: corpus/ split with --shard K/3 gives the
# same hits and scores as one index of everything, as three -d, a stub file,
# $TRAWL_DB, and served by three xapian-tcpsrv on 127.0.0.1; a server that
# is stopped or stalls fails the search naming it, unless --partial.
. "$(dirname "$0")/../lib.sh"
cp -r "$TOP/corpus" "$TMP/news"
cd "$TMP"
index -q -d all news
for k in 1 2 3; do index -q -d "s$k" --shard "$k/3" news; done
LOCAL="-d s1 -d s2 -d s3"

# raw ARGS...: "score id" of each hit, in the order given.  Near-copies are
# folded within an index only, so the comparisons do not fold.
raw() { query --no-collapse --format tsv --fields score,id "$@"; }
# hits ARGS...: the same with hits of equal score sorted by id: ties may come
# in any order.
hits() { raw "$@" | sort -s -t "$(printf '\t')" -k1,1gr -k2,2; }
QUERIES=('"united front"' 'title:storm OR title:flood' 'author:nandakumar' 'site:"Valley Courier"'
         'date:2021-06..2021-07' 'rain OR snow' 'trafficking NOT sweep' 'trafficking')
# same_as_one NAME SPEC-ARGS...: for every query, the hits by relevance and
# by date are one index's, a page further on is that part of the whole list
# with one index's scores, and the counts are one index's.
same_as_one() {
    local name=$1 ok=1 q order want got
    shift
    for q in "${QUERIES[@]}"; do
        for order in relevance date; do
            want=$(hits -d all --sort $order -n 50 "$q") got=$(hits "$@" --sort $order -n 50 "$q")
            if [ -z "$want" ] || [ "$got" != "$want" ]; then
                ok=0
                not_ok "$name: $q --sort $order" "got:  $got" "want: $want"
            fi
            got=$(raw "$@" --sort $order --offset 1 -n 2 "$q")
            if [ "$got" != "$(raw "$@" --sort $order -n 3 "$q" | tail -n +2)" ] ||
               [ "$(cut -f1 <<< "$got")" != "$(raw -d all --sort $order --offset 1 -n 2 "$q" | cut -f1)" ]; then
                ok=0
                not_ok "$name: $q --sort $order --offset 1 -n 2" "got: $got"
            fi
        done
        [ "$(query "$@" --count --no-collapse "$q")" = "$(query -d all --count --no-collapse "$q")" ] ||
            { ok=0; not_ok "$name: --count $q"; }
    done
    # Xapian expands a wildcard in each index apart, and weighs the words it
    # stands for with that index's statistics: the same hits, other scores.
    [ "$(query "$@" --no-collapse --format tsv --fields id 'heat*')" = \
      "$(query -d all --no-collapse --format tsv --fields id 'heat*')" ] ||
        { ok=0; not_ok "$name: heat*: the same hits"; }
    [ "$ok" = 1 ] && ok "$name: the same hits, scores, pages and counts as one index"
}

same_as_one "three -d" $LOCAL
printf '# corpus in three\nauto s1\nauto %s/s2\n\nauto s3\n' "$TMP" > three.stub
same_as_one "a stub file" -d three.stub
# An article given as the index was read as a stub: "stub file F, line 1:
# trawl reads only 'auto PATH' and 'remote HOST:PORT' lines", as if it were one.
run query -d "$TOP/corpus/crime/operation-united-front.txt" united
is "-d an article: exit 2" "$RC" 2
has "...saying it is no index nor stub" "$ERR" \
    "operation-united-front.txt is neither an index nor a stub file (its line 1 is no 'auto PATH' or 'remote HOST:PORT' line): name the folder of an index"
printf 'auto s1\nautp s2\n' > typo.stub
run query -d typo.stub united
has "...a stub's own bad line is the stub's" "$RC:$ERR" "2:trawl-query: stub file typo.stub, line 2: trawl reads only"
# A stub of a kind Xapian's stubs hold and trawl does not read, on its
# first line, is a stub all the same (it was "neither an index nor a stub
# file").
printf 'remote ssh host3 xapian-progsrv /srv/news\n' > prog.stub
run query -d prog.stub united
has "...a stub's first line of a kind trawl does not read is the stub's" "$RC:$ERR" \
    "2:trawl-query: stub file prog.stub, line 1: trawl reads only 'auto PATH' and 'remote HOST:PORT' lines (serve a shard with xapian-tcpsrv)"
printf 'inmemory\n' > memory.stub
run query -d memory.stub united
has "...an in-memory stub's too" "$RC:$ERR" "2:trawl-query: stub file memory.stub, line 1: trawl reads only"
# A story's copies in different indexes fold as in one index (on the pages
# of the first 300 hits): the three copies of Operation United Front lie in
# two of the three, which showed it twice and listed neither copy with the
# other; feedback, which reads the first hits' words, read them twice.
# Pages of 1, 3 and 10, a page further on, by date and by BM25 alone: the
# same hits, scores, copies listed and totals; and --count, which folds
# every match when they are no more than the first 300 ('the': 47 stories
# where one index has 46, as each index had counted its own copy).
folded() {
    local p=$1 q=$2
    shift 2
    # shellcheck disable=SC2086  # P is several words
    query "$@" --format json $p -- "$q" | sed 's/"docid":[0-9]*,//'
}
folded_same() {
    local name=$1 ok=1 q p
    shift
    for q in '"united front"' trafficking the 'rain OR snow' storm; do
        for p in "-n 1" "-n 3" "-n 10" "--offset 2 -n 3" "--sort date" --bm25-only --count \
                 "--count --bm25-only"; do
            [ "$(folded "$p" "$q" "$@")" = "$(folded "$p" "$q" -d all)" ] ||
                { ok=0; not_ok "$name, folded: '$q' $p is one index's" \
                      "got:  $(folded "$p" "$q" "$@")" "want: $(folded "$p" "$q" -d all)"; }
        done
    done
    [ "$ok" = 1 ] && ok "$name, folded: a story's copies in two indexes fold as in one"
}
[ "$(query -d s2 --count --no-collapse '"united front"')" -ge 1 ] &&
    [ "$(query -d s3 --count --no-collapse '"united front"')" -ge 1 ] &&
    ok "the copies of Operation United Front lie in two indexes" ||
    not_ok "the copies of Operation United Front lie in two indexes"
folded_same "three -d" $LOCAL
has "...the copies listed with the one shown" "$(folded "-n 1" '"united front"' $LOCAL)" \
    '"duplicates":["news/crime/united-front-sweep-coastal.txt","news/crime/united-front-sweep-northstar.txt"],"similar":2'
# Articles like one: its story's copies in the other indexes are left out,
# as its own index's are (the copy in another index came first).
like_of() { query "$@" --format tsv --fields score,id --like news/crime/operation-united-front.txt; }
is "three -d, --like: one index's articles, no copy of the story from another" \
    "$(like_of $LOCAL)" "$(like_of -d all)"
# Exact copies of equal score in two indexes: the one first by hash stands
# for the story, as in one index, with the other three listed.
mkdir crane
for n in a b c d; do
    printf 'Harbour crane toppled\n\nA harbour crane toppled onto the quay at dawn on Tuesday, the port authority said, and no one was hurt. Cargo handling at the eastern berths was halted while engineers inspected the damaged rails.\n' \
        > "crane/copy-$n.txt"
done
index -q -d crane-all crane
for k in 1 2; do index -q -d "crane$k" --shard "$k/2" crane; done
is "four exact copies, two in each of two indexes" \
    "$(query -d crane1 --count --no-collapse crane) $(query -d crane2 --count --no-collapse crane)" "2 2"
is "...one hit, the copy one index shows, the other three listed with it" \
    "$(folded "-n 10" crane -d crane1 -d crane2 | grep -o '"id":"[^"]*"\|"duplicates":[^]]*]')" \
    "$(folded "-n 10" crane -d crane-all | grep -o '"id":"[^"]*"\|"duplicates":[^]]*]')"
is "...that is" "$(folded "-n 10" crane -d crane1 -d crane2 | grep -c '"rank"')" 1
# Twelve stories of one score, eight with an exact copy, built one file at
# a time into two indexes: paged by 1, 2 or 3 every story shows once, by the
# copy one index shows, in one index's order.  Each page folded the hits
# through the next page only, and ordered the group of equal score with the
# copies after them unfolded (a story's two copies each on a page of their
# own, another story on none); and a copy brought onto the page by that
# order was shown as the union's first, not the one first by hash.
mkdir tie
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november
       oscar papa quebec romeo sierra tango uniform)
for s in $(seq 0 11); do
    for c in $(seq $((s < 8 ? 2 : 1))); do
        printf 'Crane report %s\n\nA crane at the %s yard stood still on %s morning, the %s office said, while %s crews checked the %s rails.\n' \
            "${words[s]}" "${words[s]}" "${words[s + 6]}" "${words[s + 7]}" "${words[s + 8]}" \
            "${words[s + 9]}" > "tie/as$s-c$c.txt"
    done
done
index -q -j 1 -d tie-all tie
for k in 1 2; do index -q -j 1 -d "tie$k" --shard "$k/2" tie; done
# by_pages N SPEC-ARGS...: the ids of the twelve stories' pages of N.
by_pages() {
    local n=$1 off=0
    shift
    while [ "$off" -lt 12 ]; do
        query "$@" -n "$n" --offset "$off" --format tsv --fields id crane
        off=$((off + n))
    done
}
for n in 1 2 3; do
    is "twelve stories of one score in two indexes, paged by $n: one index's ids" \
        "$(by_pages "$n" -d tie1 -d tie2)" "$(query -d tie-all -n 12 --format tsv --fields id crane)"
done
# Two near-copies of one score (a word changed for another), indexed in
# either order: the one first by hash stands for the story, in both (it
# was the one indexed first, the one Xapian met first in docid order).
mkdir near
for word in which that; do
    printf 'Ferry strike halts island crossings\n\nDock workers at the northern ferry terminal walked out on Monday morning, halting every crossing to the islands for the day. The union said the strike %s followed weeks of talks over night shifts would last until the operator agreed to pay overtime at the rate set last spring. Passengers waiting at the terminal were offered buses to the southern port, where a smaller ferry kept running.\n' \
        "$word" > "near/report-$word.txt"
done
for f in which that; do index -q -j 1 -d near-ab "near/report-$f.txt"; done
for f in that which; do index -q -j 1 -d near-ba "near/report-$f.txt"; done
is "near-copies of one score, indexed in two orders: one hit, the same copy" \
    "$(query -d near-ab --format tsv --fields score,id ferry strike)" \
    "$(query -d near-ba --format tsv --fields score,id ferry strike)"
is "TRAWL_DB=s1:s2:s3 searches all three" "$(TRAWL_DB=s1:s2:s3 query --count --no-collapse trafficking)" \
    "$(query -d all --count --no-collapse trafficking)"
# Such a $TRAWL_DB is for searching: trawl-index made a folder "s1:s2:s3"
# (and "tcp:" for a remote one) that no search looked in.
for list in s1:s2:s3 tcp://127.0.0.1:6431; do
    run env TRAWL_DB=$list "$BIN/trawl-index" -q news/weather
    is "trawl-index with TRAWL_DB=$list: exit 2, no folder made" "$RC:$(ls -d s1:* tcp:* 2>/dev/null)" 2:
    is "...asking for -d" "$ERR" "trawl-index: TRAWL_DB is '$list': several indexes or a remote one, for trawl-query to search; trawl-index writes one folder: give it -d DIR"
done

# Snippets over several indexes are one index's: a passage is chosen by how
# rare its words are in all of them (Xapian 1.4 adds up each index's weight
# of a word, which weighed the query's words otherwise than one index does).
# Hits of equal score come in index order, which the split changes: the
# pages are compared without their ranks.
unranked() { query "$@" --no-collapse --color never -n 20 2>/dev/null | sed 's/^[0-9]*\. //' | sort; }
snippets_ok=1
for q in 'flood warning river' 'storm power outage' 'united front opposition' 'court ruling appeal'; do
    [ "$(unranked $LOCAL "$q")" = "$(unranked -d all "$q")" ] ||
        { snippets_ok=0; not_ok "three -d: the snippets of '$q' are one index's"; }
done
[ "$snippets_ok" = 1 ] && ok "three -d: the snippets are one index's"

# Long articles' snippets over several indexes: a passage is found from the
# positions of the query's words in its own article (a Document read from a
# union says its docid in its own index, not in the union; taking one for the
# other read another article's positions).  Each article has "quagga" once,
# at a place of its own, deep in text of several stored pieces.
mkdir long
for i in 1 2 3 4 5 6 7 8; do
    {
        echo "Field notes $i"
        echo
        for w in $(seq 1 $((300 + 40 * i))); do
            [ "$w" = $((i * 37 + (i % 2) * 250)) ] && printf 'quagga '
            printf 'w%dx%d ' "$i" "$w"
        done
        echo
    } > "long/notes$i.txt"
done
index -q -d long-all long
for k in 1 2; do index -q -d "long$k" --shard "$k/2" long; done
is "long articles over two indexes: each hit's snippet is one index's" \
    "$(query -d long1 -d long2 --no-collapse --color never -n 20 quagga | sort)" \
    "$(query -d long-all --no-collapse --color never -n 20 quagga | sort)"
[ "$(query -d long-all --no-collapse --color never -n 20 quagga | grep -c '\bquagga\b')" = 8 ] &&
    ok "long articles: every snippet shows the word" ||
    not_ok "long articles: every snippet shows the word"

# What is read from each index's own metadata: site names (the facet and
# site:), the titles' learnt tails, spelling.
is "facets over three indexes are those of one" \
    "$(query $LOCAL --no-collapse --facet site,year --format json flood | tail -1)" \
    "$(query -d all --no-collapse --facet site,year --format json flood | tail -1)"
is "a misspelt word is corrected from the three vocabularies as from one" \
    "$(query $LOCAL --format json -n1 floood | head -1)" \
    "$(query -d all --format json -n1 floood | head -1)"
is "--show finds an article in any of the indexes" \
    "$(for k in 1 2 3; do query $LOCAL --show news/weather/river-flood.txt | head -1; done | sort -u)" \
    "$(query -d all --show news/weather/river-flood.txt | head -1)"
is "--stats counts the articles of all three" \
    "$(query $LOCAL --stats --format json | sed 's/.*"documents":\([0-9]*\).*/\1/')" \
    "$(query -d all --stats --format json | sed 's/.*"documents":\([0-9]*\).*/\1/')"
run query -d s1 -d nowhere trafficking
is "a -d that is no index: exit 2" "$RC" 2
has "a -d that is no index: named" "$ERR" "no index at nowhere"

# The same three served by Xapian's own server.
if ! command -v xapian-tcpsrv >/dev/null; then
    skip "remote shards" "no xapian-tcpsrv: install xapian-tools (scripts/install-deps)"
    exit 0
fi
serve s1 s2 s3
P1=${SHARDS[1]#tcp://127.0.0.1:} P2=${SHARDS[3]#tcp://127.0.0.1:} P3=${SHARDS[5]#tcp://127.0.0.1:}
REMOTE="${SHARDS[*]}"
same_as_one "three xapian-tcpsrv" $REMOTE
folded_same "three xapian-tcpsrv" $REMOTE
# Without snippets the servers send each hit's shown fields with the match,
# and folding asks them the dates and signatures in one match, not a
# document at a time.
for q in '"united front"' trafficking the; do
    is "three xapian-tcpsrv, no snippets, folded: '$q' is one index's" \
        "$(query $REMOTE --format tsv --fields score,id,title -- "$q")" \
        "$(query -d all --format tsv --fields score,id,title -- "$q")"
done
printf 'remote 127.0.0.1:%s\n' "$P1" "$P2" "$P3" > remote3.stub
# (One document is read: the copy folded in from s3 has a copy of its own
# there, found from its signature as a hit's own story is over a server.)
is "...and reads no document a hit at a time (search_probe)" \
    "$("$BIN/tests/search_probe" --no-snippets remote3.stub '"united front"' | awk '{ print $8 }')" 1
printf 'remote 127.0.0.1:%s   # shard 1\nauto s2\t# shard 2, here\nremote 127.0.0.1:%s\n' "$P1" "$P3" > mixed.stub
same_as_one "a stub of two remote shards and a local one" -d mixed.stub
# --stats counts the terms of the shards on this machine: a remote shard
# would send its whole vocabulary (linux-doc's: 50 MB, 2.9 s).
stat_of() { query "$@" --stats --format json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["documents"], d["terms"], d["remote_uncounted"])'; }
docs_all=$(stat_of -d all | cut -d' ' -f1)
terms_s2=$(stat_of -d s2 | cut -d' ' -f2)
is "--stats over a stub of two remote shards and a local one: every article, the local shard's terms" \
    "$(stat_of -d mixed.stub)" "$docs_all $terms_s2 True"
is "--stats over three servers: every article, no term counted" "$(stat_of $REMOTE)" "$docs_all 0 True"
is "--stats over local shards: their terms counted, as one index's" \
    "$(stat_of $LOCAL)" "$(stat_of -d all)"
has "--stats, text: says which terms it counted" "$(query -d mixed.stub --stats)" \
    "(local shards only: a remote shard's are not counted)"
is "remote: a misspelt word is corrected as in one index" \
    "$(query $REMOTE --format json -n1 floood | head -1)" \
    "$(query -d all --format json -n1 floood | head -1)"
is "remote: facets of articles are those of one index" \
    "$(query $REMOTE --no-collapse --facet site --format json flood | tail -1)" \
    "$(query -d all --no-collapse --facet site --format json flood | tail -1)"
has "remote: folded facets say they counted articles" \
    "$(query $REMOTE --facet site --format json flood | tail -1)" '"counted":"articles"'
run query $REMOTE --facet site flood
has "remote: and so does the text output, on stderr" "$ERR" "the facets count articles, not stories"
# An article by two people counts under each of their names, served or not
# (Xapian's own counter of a slot's values, then split, serves a remote shard);
# one that names a person twice counts once under her, as author: finds it
# (it counted twice).
mkdir bylines
printf '%s\n' '{"id": "1", "title": "Weir rebuilt", "authors": ["Dana Whitcomb", "Lee Parker"], "body": "The weir was rebuilt in stone."}' \
    '{"id": "2", "title": "Weir opened", "authors": ["Dana Whitcomb"], "body": "The weir opened to walkers."}' \
    '{"id": "3", "title": "Weir flooded", "authors": ["Lee Parker", "Lee Parker"], "body": "The weir flooded in the spring."}' \
    > bylines/weir.jsonl
index -q -d by bylines
serve by
is "remote: an article by two people counts under each author, as in one index" \
    "$(query "${SHARDS[6]}" "${SHARDS[7]}" --facet author --format json -n 0 weir)" \
    '{"facets":{"author":{"Dana Whitcomb":2,"Lee Parker":2}},"counted":"articles"}'
is "...and the folder itself" "$(query -d by --facet author --format json -n 0 weir)" \
    '{"facets":{"author":{"Dana Whitcomb":2,"Lee Parker":2}}}'
is "...as many as author: finds" "$(query -d by --count 'author:"Lee Parker"' weir)" 2
# Hits of equal score (short articles alike in length, each with the word
# once) over servers without snippets: in the order of their hashes, as one
# index puts them, on every page; they came in the order of their shown
# fields, which the match sends (n0, n1, n2... for n7, n8, n0...).  By date
# too, hits of one date and one score (these have no date): they came in
# docid order, the union's over servers, one index's in one.
mkdir ties
words=(amber basil cedar delta ember fjord glade heron inlet juniper kelp lagoon
       meadow nettle orchid pebble quartz reed sorrel thistle umber violet willow yarrow)
for i in $(seq 0 11); do
    printf 'Notes %s %s\n\nThe lighthouse keeper wrote of %s and %s near the shore at %d.\n' \
        "${words[2 * i]}" "${words[2 * i + 1]}" "${words[2 * i]}" "${words[2 * i + 1]}" \
        $((1900 + i)) > "ties/n$i.txt"
done
index -q -d ties-all ties
for k in 1 2; do index -q -d "ties$k" --shard "$k/2" ties; done
serve ties1 ties2
TIED="${SHARDS[*]: -4}"
ties_ok=1
for p in "-n 3" "-n 10" "--offset 5 -n 4" "--offset 10" "--bm25-only -n 4" "--no-collapse -n 5 --offset 2" \
         "--sort date -n 5" "--sort date --offset 4 -n 5"; do
    # shellcheck disable=SC2086  # P and TIED are several words
    want=$(query -d ties-all --format tsv --fields score,id $p lighthouse) \
        got=$(query $TIED --format tsv --fields score,id $p lighthouse)
    [ "$(cut -f1 <<< "$want" | sort -u | wc -l)" = 1 ] && [ "$got" = "$want" ] ||
        { ties_ok=0; not_ok "two servers, tsv, ties: $p is one index's" "got:  $got" "want: $want"; }
done
[ "$ties_ok" = 1 ] && ok "two servers, tsv: hits of equal score in one index's order on every page"
# A query of filters alone weighs every article 0 and comes newest first,
# one date's articles by hash: one index's match orders them so itself,
# which a remote one cannot be asked to (they came in the union's order).
for p in "-n 12" "--offset 3 -n 5"; do
    # shellcheck disable=SC2086  # P and TIED are several words
    is "two servers, filters alone ($p): one date's articles in one index's order" \
        "$(query $TIED --format tsv --fields id $p -- 'NOT zebra')" \
        "$(query -d ties-all --format tsv --fields id $p -- 'NOT zebra')"
done
# -n 0 prints the facets alone, as counted with hits; --count prints none:
# none is counted, nor said to count articles.
run query $REMOTE -n 0 --facet site flood
is "remote, -n 0 --facet: the facets alone, said to count articles" "$RC:$OUT:$ERR" \
    "0:$(query $REMOTE --facet site flood 2>/dev/null | grep '^site:'):$(query $REMOTE --facet site flood 2>&1 >/dev/null)"
run query $REMOTE --count --facet site flood
is "remote, --count --facet: only the count, nothing said" "$RC:$OUT:$ERR" \
    "0:$(query $REMOTE --count flood):"
is "remote: a word typed without its accents finds them, as in one index" \
    "$(query $REMOTE --format tsv --fields id,score jimenez)" \
    "$(query -d all --format tsv --fields id,score jimenez | grep smartphone-repair-law)"
is "remote: --show reads the article from its server" \
    "$(query $REMOTE --show news/weather/river-flood.txt | head -1)" \
    "$(query -d all --show news/weather/river-flood.txt | head -1)"

# Each question put to a remote shard alone is a round trip.  A hit's snippet
# comes from its stored text, sent with it, not narrowed down by its words'
# positions (a question per hit and word, which a local index asks); whether
# the query's words exist in other forms (here "jiménez" without accents) is
# asked in one match, not term by term (search_probe counts both).
probe() { "$BIN/tests/search_probe" "$1" "$2" | awk '{ print $6, $7 }'; }
read -r positions asked <<< "$(probe s1 "storm jiménez")"
[ "$positions" -gt 0 ] && [ "$asked" -gt 0 ] &&
    ok "locally, snippets look up positions ($positions), words their forms ($asked)" ||
    not_ok "locally, snippets look up positions, words their forms" "got: $positions $asked"
is "remote: neither, one by one" "$(probe "tcp://127.0.0.1:$P1" "storm jiménez")" "0 0"
is "remote: a misspelt word's frequencies in one match too" \
    "$("$BIN/tests/search_probe" "tcp://127.0.0.1:$P1" "storms flood" | awk '{ print $1, $7 }')" \
    "$("$BIN/tests/search_probe" s1 "storms flood" | awk '{ print $1, 0 }')"
# A query of thousands of words (an article pasted in) asks their forms'
# frequencies a few hundred at a time: Xapian's match of one OR costs in the
# square of its words that no article has (8,000 such words: over 1 s for the
# server's one reply, past this --shard-timeout; 10,000 words of Reuters
# past the default 10 s).  Each reply now takes milliseconds.
words=$(awk 'BEGIN { for (i = 0; i < 8000; i++)
                         printf "zq%c%c%cx ", 97 + i % 26, 97 + int(i / 26) % 26, 97 + int(i / 676) % 26 }')
run query -d "tcp://127.0.0.1:$P1" --shard-timeout 1000 -- "$words"
is "remote: 8,000 words no article has: no hit (exit 1), each reply within a 1 s --shard-timeout" \
    "$RC:$ERR" "1:"
# A page without snippets needs of a hit only its shown fields, which come
# with the match as each hit's sort key: no document is read.
is "remote, BM25 alone and no snippets: no document read (the local index reads the page's)" \
    "$("$BIN/tests/search_probe" --bm25-only --no-snippets "tcp://127.0.0.1:$P1" storm | awk '{ print $8 }') $(
       "$BIN/tests/search_probe" --bm25-only --no-snippets s1 storm | awk '{ print $8 }')" \
    "0 $(query -d s1 --count storm)"
FIELDS=score,id,title,date,url,site,author,lang
is "remote, BM25 alone and no snippets: the same hits and fields as the local index" \
    "$(query -d "tcp://127.0.0.1:$P1" --bm25-only --format tsv --fields $FIELDS storm | sort)" \
    "$(query -d s1 --bm25-only --format tsv --fields $FIELDS storm | sort)"
is "remote: the same snippets as the local index" \
    "$(query -d "tcp://127.0.0.1:$P1" --color never storm)" \
    "$(query -d s1 --color never storm)"

# Folding over a remote shard: the matches that find a story's copies send
# each copy's shown fields and signature (whose bands lead to the next), so
# that no term list or document of a copy is read, a round trip each
# (search_probe's tenth column counts those); the same copies as one local
# index lists.
serve all
ALL=${SHARDS[${#SHARDS[@]} - 1]}
copies() { query "$@" --format json 'united front' | grep -o '"duplicates":[^]]*\],"similar":[0-9]*'; }
is "remote: a story's copies are listed as one local index lists them" \
    "$(copies -d "$ALL")" "$(copies -d all)"
has "remote: ...which are the two syndicated copies" "$(copies -d "$ALL")" '"similar":2'
liked=$(query -d all --format tsv --fields id --like news/crime/operation-united-front.txt)
is "--like: ten articles, none of the story's copies" \
    "$(echo "$liked" | wc -l) $(echo "$liked" | grep -c -e operation-united-front -e united-front-sweep)" "10 0"
is "remote and local shards, --like: one index's articles, no copy of the story" \
    "$(like_of -d mixed.stub)" "$(like_of -d all)"
is "remote: --like finds the articles one local index finds" \
    "$(query -d "$ALL" --format tsv --fields score,id --like news/crime/operation-united-front.txt)" \
    "$(query -d all --format tsv --fields score,id --like news/crime/operation-united-front.txt)"
run query -d "$ALL" --like news/no-such.txt
is "remote: --like of an id no shard has: exit 1" "$RC" 1
is "remote: found and named with no term list or document of a copy read" \
    "$("$BIN/tests/search_probe" "$ALL" 'united front' | awk '{ print $10 }')" 0
read -r story_reads <<< "$("$BIN/tests/search_probe" all 'united front' | awk '{ print $10 }')"
[ "$story_reads" -gt 0 ] && ok "locally, folding reads documents ($story_reads)" ||
    not_ok "locally, folding reads documents" "got: $story_reads"

# A story's exact copies over a remote shard: the copy that stands for it
# is the one a local index shows, whichever copy each indexed first (the
# first by hash), with the match's shown fields (tsv) and with the document
# read (json).
mkdir -p twins/a twins/b
cp news/crime/operation-united-front.txt twins/a/report.txt
cp news/crime/operation-united-front.txt twins/b/report.txt
index -q -d twins-ba twins/b && index -q -d twins-ba twins/a
index -q -d twins-ab twins/a && index -q -d twins-ab twins/b
is "twins: one story of two copies" "$(query -d twins-ba --count 'united front')" 1
serve twins-ba
TWINS=${SHARDS[${#SHARDS[@]} - 1]}
for format in tsv json; do
    is "remote: the exact copy that stands for a story is a local index's ($format)" \
        "$(query -d "$TWINS" --format $format 'united front' | grep -o 'twins/[ab]/report.txt' | head -1)" \
        "$(query -d twins-ab --format $format 'united front' | grep -o 'twins/[ab]/report.txt' | head -1)"
done

# A page's hits on several remote shards: each server's documents are read
# in a thread of their own (a round trip each, which overlap), with the
# same snippets and fields as three local indexes.
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P1" "$P2" "$P3" > remote.stub
printf 'auto s1\nauto s2\nauto s3\n' > local.stub
read -r documents together <<< "$("$BIN/tests/search_probe" remote.stub 'rain OR flood OR storm' |
                                  awk '{ print $8, $9 }')"
[ "$together" -ge 2 ] && [ "$together" = "$documents" ] &&
    ok "remote: the page's documents read from the servers at once ($together)" ||
    not_ok "remote: the page's documents read from the servers at once" "got: $documents $together"
is "remote: none of them read so over local indexes" \
    "$("$BIN/tests/search_probe" local.stub 'rain OR flood OR storm' | awk '{ print $9 }')" 0
is "remote, several servers: the same snippets and fields as three local indexes" \
    "$(query $REMOTE --no-collapse --color never 'rain OR flood OR storm' | sort)" \
    "$(query $LOCAL --no-collapse --color never 'rain OR flood OR storm' | sort)"

# Shard 2 goes down.
stop_server "${SERVERS[1]}" "$P2"
run query $REMOTE trafficking
is "a shard down: exit 2" "$RC" 2
has "a shard down: it is named" "$ERR" "shard tcp://127.0.0.1:$P2 did not answer"
has "a shard down: says what to do" "$ERR" "--partial"
run query $REMOTE --partial --format json trafficking
is "--partial: exit 0 on hits" "$RC" 0
has "--partial: the missing shard in a JSON line" "$OUT" "{\"missing_shards\":[\"tcp://127.0.0.1:$P2\"]}"
has "--partial: and on stderr" "$ERR" "shard tcp://127.0.0.1:$P2 did not answer"
is "--partial: the hits are the other shards' articles" \
    "$(printf '%s\n' "$OUT" | grep -c '"rank"')" \
    "$(query -d s1 -d s3 --count trafficking)"
run query $REMOTE --partial --count zzqxqz
is "--partial: exit 1 when the others find nothing" "$RC" 1
# --show and --stats read every shard: --partial is no way out for them, nor
# for a search that no shard answered, and the hint does not offer it.
for what in "--show news/weather/river-flood.txt" --stats; do
    run query $REMOTE --partial $what
    is "--partial $what, a shard down: exit 2" "$RC" 2
    has "...says why --partial does not help" "$ERR" "read every shard, with --partial too"
done
# --like reads its article from the shard that holds it: one down may, and
# the search is not "no article with id" (exit 1) with nothing said of it.
down_id=$(query -d s2 --no-collapse --format tsv --fields id -n 1 the)
run query $REMOTE --partial --like "$down_id" -n 3
is "--partial --like an article of the shard down: exit 2" "$RC" 2
has "...naming the shard that may hold it" "$ERR" \
    "no article with id $down_id in the shards that answered, and shard tcp://127.0.0.1:$P2, which may hold it, did not answer"
up_id=$(query -d s1 --no-collapse --format tsv --fields id -n 1 the)
run query $REMOTE --partial --like "$up_id" -n 3
is "--partial --like an article of a shard up: exit 0, the shard down named" \
    "$RC $(grep -c "shard tcp://127.0.0.1:$P2 did not answer" <<< "$ERR")" "0 1"
run query -d "tcp://127.0.0.1:$P2" --partial trafficking
is "--partial, no shard answers: exit 2" "$RC" 2
lacks "...and the hint does not offer --partial" "$ERR" "answer with --partial"

# Shard 3 stalls (stopped, its port still open): --shard-timeout gives up on it.
kill -STOP -- "-${SERVERS[2]}"
start=$(date +%s%N)
run query $REMOTE --partial --shard-timeout 300 --format json --no-collapse -n 100 the
ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill -CONT -- "-${SERVERS[2]}"
is "a stalled shard with --partial: exit 0, and the first shard's hits" \
    "$RC:$(printf '%s\n' "$OUT" | grep -c '"rank"')" "0:$(query -d s1 --count --no-collapse the)"
has "a stalled shard: named with the one down" "$OUT" \
    "{\"missing_shards\":[\"tcp://127.0.0.1:$P2\",\"tcp://127.0.0.1:$P3\"]}"
[ "$ms" -lt 5000 ] && ok "--shard-timeout 300: given up well before Xapian's 10 s" ||
    not_ok "--shard-timeout 300: given up well before Xapian's 10 s" "took $ms ms"
# Alone, it fails the search; the hint is to wait longer, not to start it.
kill -STOP -- "-${SERVERS[2]}"
run query -d "tcp://127.0.0.1:$P3" --shard-timeout 300 the
kill -CONT -- "-${SERVERS[2]}"
is "a stalled shard alone: exit 2, named, and the hint is to wait longer for it" "$RC:$ERR" \
    "2:trawl-query: shard tcp://127.0.0.1:$P3 did not answer: no answer within 300 ms
trawl-query: if its server runs, give it longer (--shard-timeout MS), or search the shards that answer with --partial"
run query $REMOTE --shard-timeout abc x
is "--shard-timeout wants a number" "$RC:$ERR" \
    "2:trawl-query: --shard-timeout wants milliseconds from 1 to 4294967295 (about 7 weeks), not 'abc'
Try 'trawl-query --help' for more."
