#!/bin/bash
# End to end: the query language and results news readers expect, on corpus/:
# fields, dates, proximity, folded near-copies, facets, spelling suggestions and
# any-word fallback.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
OUF=corpus/crime/operation-united-front.txt
COASTAL=corpus/crime/united-front-sweep-coastal.txt
NORTHSTAR=corpus/crime/united-front-sweep-northstar.txt
cd "$TOP"
index -q -d "$DB" corpus
ids() { query -d "$DB" --format tsv -n 50 "$@" | cut -f3 | sort | tr '\n' ' '; }

# Dates: a day, a month, a year, and ranges open at either end (--no-collapse:
# the syndicated copies of one story have dates of their own).
is "date: a day" "$(ids --no-collapse date:2021-07-31)" "$NORTHSTAR "
is "date: a day in eight digits, as trawl-query(1) says" "$(ids --no-collapse date:20210731)" "$NORTHSTAR "
is "date: a day, for an article with a time of day" \
    "$(ids date:2020-03-14)" "corpus/health/vaccine-trial.txt "
is "date: a month" "$(ids --no-collapse date:2021-07)" "$OUF $NORTHSTAR "
is "date: a year" "$(query -d "$DB" --count --no-collapse date:2021)" 7
is "date: a closed range, ends included" \
    "$(ids --no-collapse date:2021-07-31..2021-08-02)" "$COASTAL $NORTHSTAR "
is "date: open start" "$(query -d "$DB" --count 'date:..2018-12-31')" 5
is "date: open end, from a year" "$(query -d "$DB" --count date:2024..)" 5
is "date: with words" "$(ids united front date:2024)" "corpus/politics/opposition-united-front.txt "
run query -d "$DB" date:2021-13
is "date: a bad month is a query error, exit 2" "$RC" 2
has "date: the error shows the forms to use" "$ERR" "use date:2021-06-17, date:2021-06, date:2021"
run query -d "$DB" date:tomorrow
is "date: a word that names no day is a query error" "$RC" 2
has "...whose message shows the days counted back" "$ERR" "date:yesterday, date:7d (the last 7 days"

# Days named from today (UTC): articles dated at noon of days before the
# run, whose bounds are days apart (only midnight UTC passing between the
# index and the searches, a second or two, could move one).
mkdir -p "$TMP/recent"
for n in 0 1 3 10 40 400; do
    printf 'Title: Harbour report %s\nDate: %sT12:00:00Z\n\nThe harbour crane story, %s days old.\n' \
        "$n" "$(date -u -d "$n days ago" +%F)" "$n" >"$TMP/recent/day$n.txt"
done
index -q -d "$TMP/recent.db" "$TMP/recent"
recent() { query -d "$TMP/recent.db" --format tsv --fields title -n 50 harbour "$@" | sed 's/Harbour report //' | sort -n | tr '\n' ' '; }
is "date:today" "$(recent date:today)" "0 "
is "date:yesterday" "$(recent date:yesterday)" "1 "
is "date:7d alone is since then, as date:7d.. is" "$(recent date:7d)" "0 1 3 "
is "date:7d.." "$(recent date:7d..)" "0 1 3 "
is "date:1w..yesterday: a range of days counted back" "$(recent date:1w..yesterday)" "1 3 "
is "date:2m..2w: months and weeks" "$(recent date:2m..2w)" "40 "
is "date:..1y: up to a year back" "$(recent date:..1y)" "400 "
is "date:30days, spelt out, any case" "$(recent date:30Days)" "0 1 3 10 "
is "date:2y.. with a date of a year" "$(recent date:2y..$(date -u +%Y))" "0 1 3 10 40 400 "
# Today is the searcher's, on this machine's clock (TZ), as an article's
# day is on its own: an article dated noon today fourteen hours east of
# UTC, and one dated noon today twelve hours west, are each today for a
# searcher there (at any hour, one of those days is not UTC's).  POSIX
# zones, which need no time zone data: XXX-14 is fourteen hours east.
mkdir -p "$TMP/faraway"
for tz in XXX-14 XXX+12; do
    printf 'Title: Faraway %s\nDate: %sT12:00:00%s\n\nThe faraway tide story.\n' \
        "$tz" "$(TZ=$tz date +%F)" "$(TZ=$tz date +%:z)" >"$TMP/faraway/$tz.txt"
done
index -q -d "$TMP/faraway.db" "$TMP/faraway"
for tz in XXX-14 XXX+12; do
    is "date:today is today on the searcher's clock ($tz)" \
        "$(TZ=$tz "$BIN/trawl-query" -d "$TMP/faraway.db" --format tsv --fields title tide date:today)" \
        "Faraway $tz"
done
run query -d "$TMP/recent.db" harbour date:yesterday..7d
is "date: days counted back the wrong way round are a query error" "$RC" 2
has "...that says which way" "$ERR" "give the earlier date first, as date:7d..yesterday"
run query -d "$TMP/recent.db" harbour date:7h
is "date:7h (hours) is a query error" "$RC" 2
# A day is the day on the article's own clock: half past midnight in
# Berlin (the 6th in UTC), eight in the evening in New York (the 7th in
# UTC), the last evening of a year in New York (the next year in UTC).
mkdir -p "$TMP/clocks"
printf 'Title: Berlin night ferry\nDate: 2022-11-07T00:30:00+01:00\n\nThe ferry clock story, from Berlin.\n' \
    >"$TMP/clocks/berlin.txt"
printf 'Title: New York evening ferry\nDate: 2022-11-06T20:00:00-05:00\n\nThe ferry clock story, from New York.\n' \
    >"$TMP/clocks/newyork.txt"
printf 'Title: Year end ferry\nDate: Sat, 31 Dec 2022 21:00:00 EST\n\nThe ferry clock story, at the year end.\n' \
    >"$TMP/clocks/yearend.txt"
index -q -d "$TMP/clocks.db" "$TMP/clocks"
clocks() { query -d "$TMP/clocks.db" --format tsv --fields title -n 10 ferry "$@" | sort | tr '\n' '/'; }
is "date: the day on the article's own clock" "$(clocks date:2022-11-07)" "Berlin night ferry/"
is "...not the day in UTC" "$(clocks date:2022-11-06)" "New York evening ferry/"
is "...nor the year in UTC" "$(clocks date:2023)" ""
is "date: a range of times, on the articles' clocks" "$(clocks date:2022-11-06T19:00..2022-11-07T01:00)" \
    "Berlin night ferry/New York evening ferry/"
is "the date shown on the clock it was written by, --sort date in order of the moments" \
    "$(query -d "$TMP/clocks.db" --format tsv --fields date,title -n 10 --sort date ferry)" \
    "2022-12-31T21:00:00-05:00	Year end ferry
2022-11-06T20:00:00-05:00	New York evening ferry
2022-11-07T00:30:00+01:00	Berlin night ferry"
run query -d "$TMP/clocks.db" --format json -n 0 --facet year ferry
is "the year facet counts the year on the article's clock" "$OUT" '{"facets":{"year":{"2022":3}}}'
# An index written before the clock was kept (its slot taken out of every
# article) filters on days in UTC; once an article is indexed again, on
# its own clock, beside the others on theirs.
CLOCK_GEN=$(ls -d "$TMP/clocks.db"/gen-* | head -1)
is "the clock taken out of every article" "$("$BIN/tests/slot" "$CLOCK_GEN" 12 --drop)" 0
is "an older index: date: is the UTC day" "$(clocks date:2022-11-07)" "New York evening ferry/"
is "...and the UTC year" "$(clocks date:2023)" "Year end ferry/"
printf 'Title: Berlin night ferry\nDate: 2022-11-07T00:30:00+01:00\n\nThe ferry clock story, from Berlin, again.\n' \
    >"$TMP/clocks/berlin.txt"
index -q -d "$TMP/clocks.db" "$TMP/clocks"
is "one article indexed again: its own day, the others' UTC days" "$(clocks date:2022-11-07)" \
    "Berlin night ferry/New York evening ferry/"
is "...and the others' UTC years" "$(clocks date:2022)" "Berlin night ferry/New York evening ferry/"
run query -d "$DB" date:2021-08-02..2021-07-31
is "date: a range the wrong way round is a query error, not silence" "$RC" 2
has "...that says which way" "$ERR" \
    "date:2021-08-02..2021-07-31 ends before it starts: give the earlier date first, as date:2021-07-31..2021-08-02"
run query -d "$DB" 'united front date: 2024'
is "date: with a space after its colon is a query error, not the word 'date'" "$RC" 2
has "date: with nothing after its colon: the error says so" "$ERR" \
    "date: has nothing after it: write its value right after the colon, as in date:2021-06"
run query -d "$DB" 'title: cocaine'
is "title: with a space after its colon is a query error, not the word 'title'" "$RC:$OUT" 2:
# Its example is of the field typed (it was date:2021-06 or site:example.com
# for any).
has "...saying so, with a title's example" "$ERR" \
    "title: has nothing after it: write its value right after the colon, as in title:storm"
run query -d "$DB" --format tsv 'author: okafor'
is "author: likewise" "$RC:$OUT" 2:
# Empty quotes are nothing too: 'title:""' searched the word "title", and
# 'site:""' matched no article, without a word of why.
run query -d "$DB" --format tsv 'title:""'
is "title:\"\" (empty quotes) is a query error, not the word 'title'" "$RC:$OUT" 2:
has "...saying so" "$ERR" "title: has nothing after it"
run query -d "$DB" --format tsv 'united site:" "'
has "site:\" \" likewise" "$RC:$OUT:$ERR" "2::trawl-query: bad query: site: has nothing after it"
# A query of only quotes, parentheses or signs left its words out: it was
# told that emoji, symbols and punctuation are not indexed.
for q in '""' '( )' '-'; do
    run query -d "$DB" --format tsv -- "$q"
    is "only the marks $q: a query error" "$RC:$OUT" 2:
    has "...saying to type the words" "$ERR" "has no word to search for: type a word, or words inside the quotes or parentheses"
done
run query -d "$DB" --format tsv 'Date: 2021'
is "a field in capitals with nothing after it (Date: 2021): likewise" "$RC:$OUT" 2:
run query -d "$DB" --format tsv "united date:
2024"
is "...and one with a line break after its colon" "$RC:$OUT" 2:
# A field's name inside a key field's value is no field: the value was read
# on, and "title:" in it said to have nothing after it.
run query -d "$DB" 'united path:notes/title: front'
is "a field's name inside a path: value: searched, no error" "$RC:$ERR" "1:"
is "date: a range of one day, both ends that day" "$(ids --no-collapse date:2021-07-31..2021-07-31)" \
    "$NORTHSTAR "

# --sort date: newest first.
is "--sort date: newest first" \
    "$(query -d "$DB" --format tsv --no-collapse --sort date united front | cut -f3 | head -3 | tr '\n' ' ')" \
    "corpus/politics/opposition-united-front.txt corpus/sports/riverside-united-cup.txt $COASTAL "

# A query of filters alone weighs every article 0: its hits come newest
# first, as with --sort date, not in the order the articles were indexed;
# articles of one date, or of none (last), in one order whatever the build.
dates_of() { query -d "$1" --format tsv --fields date -n 100 "${@:2}" | cut -c1-10 | tr '\n' ' '; }
NEWEST=$(query -d "$DB" --format tsv --fields date -n 100 --sort date 'site:"The Ledger"' |
         cut -c1-10 | tr '\n' ' ')
is "filters alone: newest first, as --sort date" "$(dates_of "$DB" 'site:"The Ledger"')" "$NEWEST"
is "...which is in order of date" "$(printf '%s\n' $NEWEST | sort -r | tr '\n' ' ')" "$NEWEST"
has "...the newest of The Ledger's articles first" "$(dates_of "$DB" 'site:"The Ledger"' | cut -c1-10)" \
    "2024-02-06"
run query -d "$DB" --format tsv --fields date,id -n 100 'lang:en'
is "lang: alone lists every English article, the undated last" \
    "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "" { u = 1 } $1 != "" && u { bad = 1 } END { print NR, bad + 0 }')" \
    "46 0"
index -q -j 1 -d "$TMP/db-j1" corpus
for q in 'lang:en' 'NOT zebra' 'date:2020..'; do
    is "'$q': the same hits in the same order after a build with -j 1" \
        "$(query -d "$TMP/db-j1" --format tsv --fields id -n 100 "$q")" \
        "$(query -d "$DB" --format tsv --fields id -n 100 "$q")"
done

# Hits of equal score: 40 notes of one shape (the same length, "jefferies"
# once in each, other words their own so that none is a near-copy of
# another) all weigh the same.  Indexed in two orders (folder a then b, and
# b then a), the docids differ, and ranked by docid the pages did; in the
# order of a hash of their id and text they are the same, page by page,
# with any ranking.
mkdir -p "$TMP/ties/a" "$TMP/ties/b"
python3 - "$TMP/ties" <<'PY'
import random, sys
rng = random.Random(7)
words = ["w%03d%s" % (i, "".join(rng.choice("qxzvkj") for _ in range(3))) for i in range(400)]
for n in range(40):
    mine = rng.sample(words, 12)
    with open("%s/%s/note%02d.txt" % (sys.argv[1], "ab"[n % 2], n), "w") as f:
        f.write("%s %s\n\nJefferies said %s.\n" % (mine[0], mine[1], " ".join(mine[2:])))
PY
index -q -d "$TMP/ties-ab" "$TMP/ties/a" && index -q -d "$TMP/ties-ab" "$TMP/ties/b"
index -q -d "$TMP/ties-ba" "$TMP/ties/b" && index -q -d "$TMP/ties-ba" "$TMP/ties/a"
tie_ids() { query -d "$@" --format tsv --fields score,id jefferies | sed 's#\t.*/ties/#\t#'; }
is "ties: all 40 weigh the same" "$(tie_ids "$TMP/ties-ab" -n 40 | cut -f1 | sort -u | wc -l)" 1
for opts in "" "--bm25-only" "--no-collapse" "--bm25-only --offset 15" "--offset 5 -n 3"; do
    # shellcheck disable=SC2086
    is "ties: the same hits in the same order whichever order indexed them ($opts)" \
        "$(tie_ids "$TMP/ties-ab" $opts)" "$(tie_ids "$TMP/ties-ba" $opts)"
done
is "ties: pages of 7 make the list of 28" \
    "$(for off in 0 7 14 21; do tie_ids "$TMP/ties-ba" --bm25-only -n 7 --offset $off; done)" \
    "$(tie_ids "$TMP/ties-ab" --bm25-only -n 28)"

# A story's exact copies (a file saved twice, in two folders) score the
# same, and folding kept the one indexed first: which copy stood for the
# story, and which was listed as its duplicate, changed with the order of
# indexing.  Now it is the copy first by hash, whichever order; a filter
# that only one copy passes shows that one; a near copy (a paragraph more)
# scores otherwise and is no exact copy.
mkdir -p "$TMP/copies/a" "$TMP/copies/b"
wire="Harbour cranes

The harbour authority said on Monday that its oldest gantry crane would be replaced after a storm bent its boom. Workers expect the new crane to arrive by ship next month, and shipping lines were told to expect delays of up to two days while the berth stays closed for repairs. Local officials said the cost would be shared with the port operator, which has not said how much it will pay."
printf '%s\n' "$wire" > "$TMP/copies/a/wire.txt"
printf '%s\n' "$wire" > "$TMP/copies/b/wire.txt"
printf '%s\n\nThe operator added in a later statement that the old machine would be sold for scrap once the replacement had been tested, and that a second storm season without it was not something its insurers would accept.\n' "$wire" > "$TMP/copies/b/wire-updated.txt"
index -q -d "$TMP/copies-ab" "$TMP/copies/a" && index -q -d "$TMP/copies-ab" "$TMP/copies/b"
index -q -d "$TMP/copies-ba" "$TMP/copies/b" && index -q -d "$TMP/copies-ba" "$TMP/copies/a"
shown_copy() { query --format json -d "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    hit = json.loads(line)
    if "rank" in hit:
        print(hit["rank"], hit["path"].split("/copies/")[1],
              " ".join(sorted(d.split("/copies/")[1] for d in hit["duplicates"])))'; }
is "exact copies: one story of three" "$(query -d "$TMP/copies-ab" --count gantry crane)" 1
for opts in "" "--bm25-only" "--sort date" "--offset 0 -n 1" "--any gantry boom"; do
    # shellcheck disable=SC2086
    is "exact copies: the same copy shown whichever order indexed them ($opts)" \
        "$(shown_copy "$TMP/copies-ab" $opts gantry crane)" "$(shown_copy "$TMP/copies-ba" $opts gantry crane)"
done
first=$(shown_copy "$TMP/copies-ab" gantry crane | cut -d' ' -f2)
other=$(printf 'a/wire.txt\nb/wire.txt\n' | grep -vx "$first")
has "exact copies: one exact copy shown, the other two listed" "$(shown_copy "$TMP/copies-ab" gantry crane)" \
    "1 $first $(printf '%s\n%s\n' "$other" b/wire-updated.txt | sort | tr '\n' ' ' | sed 's/ $//')"
for db in copies-ab copies-ba; do
    is "exact copies: a filter only the other copy passes shows it ($db)" \
        "$(shown_copy "$TMP/$db" gantry crane "path:$TMP/copies/$other" | cut -d' ' -f2)" "$other"
    is "exact copies: a filter that leaves the first out shows the other ($db)" \
        "$(shown_copy "$TMP/$db" gantry crane -- "-path:$TMP/copies/$first" | cut -d' ' -f2)" "$other"
done

# A page a scraper saved 300 times (a "not found" page, a cookie wall) is
# one story of 300 exact copies: each of its eight band terms is followed
# once to find them, where each was followed once for every copy (720,000
# postings walked; 3,000 copies took 1.6 s a search).  The copy shown is the
# first by hash whichever was matched first.
mkdir -p "$TMP/saved"
for i in $(seq -w 1 300); do
    printf 'Page not available\n\nWe are sorry, but the page you asked for could not be found on this server. It may have been moved, renamed or removed by the editors. Use the search box above or go back to the front page to go on reading the latest news from our newsroom and our correspondents.\n' > "$TMP/saved/p$i.txt"
done
index -q -d "$TMP/saved-db" "$TMP/saved"
is "300 saved copies: one story" "$(query -d "$TMP/saved-db" --count correspondents newsroom)" 1
is "300 saved copies: each band list walked once" \
    "$("$BIN/tests/search_probe" "$TMP/saved-db" 'correspondents newsroom' | awk '{ print $11 }')" 8
has "300 saved copies: the hit says how many more" \
    "$(query -d "$TMP/saved-db" --format json correspondents newsroom)" '"similar":299'

# Sites: by name (any case and spacing) or by the url's host; urls; paths.
is "site: by name" "$(query -d "$DB" --count 'site:"the  LEDGER"')" 8
is "site: by host, any case, with www." \
    "$(ids 'site:WWW.CoastalHerald.example' trafficking)" "$COASTAL "
is "...and with a fully qualified name's final dot" \
    "$(ids 'site:coastalherald.example.' trafficking)" "$COASTAL "
is "site: and words" "$(ids --no-collapse united front 'site:"Northstar News"')" \
    "$NORTHSTAR corpus/politics/opposition-united-front.txt corpus/sports/riverside-united-cup.txt "
is "url: the exact url" \
    "$(ids url:https://coastalherald.example/news/crime/twelve-states-united-front-trafficking-arrests)" \
    "$COASTAL "
is "path:" "$(ids path:corpus/weather/river-flood.txt)" "corpus/weather/river-flood.txt "
is "author:" "$(query -d "$DB" --count author:okafor)" 2

# Proximity: NEAR (within 10 words, any order) and ADJ (in order).
is "NEAR finds words close together" "$(query -d "$DB" --count --no-collapse 'undercover NEAR officers')" 3
is "NEAR misses words far apart" "$(query -d "$DB" --count 'beaver NEAR trafficking')" 0
is "ADJ wants the order" "$(query -d "$DB" --count --no-collapse 'attorney ADJ general')" 3
is "ADJ in the wrong order" "$(query -d "$DB" --count 'general ADJ/1 attorney')" 0
# Xapian's parser joins words only with NEAR and ADJ: beside a wildcard, a
# phrase or a group it read the whole query again as plain words, NEAR one
# of them ("no article has all the words", then any of them, exit 0).  Each
# is refused, saying what to do.
for q in 'undercov* NEAR officers' 'officers NEAR/3 undercov*' '"undercover officers" NEAR arrest' \
         '(undercover OR secret) ADJ officers' 'attorney ADJ "general"'; do
    run query -d "$DB" --count "$q"
    is "NEAR or ADJ beside other than a word: exit 2 ($q)" "$RC" 2
    has "...says what to do" "$ERR" "put a word on each side"
done
# Xapian 1.4's parser expands no wildcard in a phrase: "undercov* officers"
# was the phrase "undercov officers" (exit 1), then an error.  It stands for
# its words there, as outside quotes: the three reports of undercover
# officers, and no article where the words are apart or the other way round.
is "a wildcard inside quotes: its words in the phrase" \
    "$(query -d "$DB" --count --no-collapse '"undercov* officers"')" 3
is "...as outside quotes" "$(query -d "$DB" --count --no-collapse 'undercov* officers')" 3
is "...in order" "$(query -d "$DB" --count '"officers undercov*"')" 0
is "...each word of the phrase a wildcard" \
    "$(query -d "$DB" --count --no-collapse '"oper* unit* fr*"')" 3
is "...in a field" "$(query -d "$DB" --count --no-collapse 'title:"oper* united"')" 1
is "...alone in its quotes, the wildcard" "$(query -d "$DB" --count --no-collapse '"undercov*"')" \
    "$(query -d "$DB" --count --no-collapse 'undercov*')"
# The wildcard's words weigh in the phrase as one word, as outside quotes:
# as their OR they weighed the sum of those an article holds, and a list of
# seed oils, each once, outranked the article about one of them (Reuters'
# '"crude o*"' put "QATAR'S BANKS" above "crude oil" postings).
mkdir -p "$TMP/seedoil"
for w in one two three four five six; do
    printf 'Harbour %s\n\nThe harbour crane moved timber and coal.\n' "$w" >"$TMP/seedoil/$w.txt"
done
printf 'Saffron\n\nSaffron oil rose. Saffron oil fell. Saffron oil rose. Saffron oil held.\n' \
    >"$TMP/seedoil/saffron.txt"
printf 'Seeds\n\nSesame oil rose, sunflower oil fell, soybean oil held at the port.\n' \
    >"$TMP/seedoil/seeds.txt"
index -q -d "$TMP/seedoil-db" "$TMP/seedoil"
for o in --bm25-only --sort=relevance; do
    is "...its words weigh as one word ($o)" \
        "$(query -d "$TMP/seedoil-db" --format tsv --fields id -n 1 "$o" '"s* oil"')" \
        "$TMP/seedoil/saffron.txt"
done
run query -d "$DB" --format json -n 1 '"operation unit* front"'
has "...its words lit in the snippet" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(" ".join(h["snippet"][a:b] for a, b in h["highlights"]))')" "Operation United Front"
# Its words weigh as one word, as outside quotes: an OR of them in the
# phrase weighed each one the article holds anywhere, and a story listing
# thirty words in s outranked "Saudi oil output" for "s* oil" (29.2 to 2.4).
mkdir -p "$TMP/swords"
printf 'Report one\n\nSaudi oil output rose. The oil price and the oil output rose again.\n' \
    > "$TMP/swords/saudi.txt"
printf 'Report two\n\nSoft oil. Sam said Sara sold seven silver spoons, six saucers, some soap, salt, sugar, sage, sesame, soy, squash, spinach, swede, sorrel, sprouts, shallots, saffron and a sieve.\n' \
    > "$TMP/swords/soft.txt"
for i in 1 2 3 4; do
    printf 'Note %d\n\nThe cat ate the fish near the barn, and then a dog ran by the pond.\n' $i \
        > "$TMP/swords/note$i.txt"
done
index -q -d "$TMP/swords-db" "$TMP/swords"
is "...weighed as one word: the phrase with the word's own weight first" \
    "$(query -d "$TMP/swords-db" --format tsv '"s* oil"' | cut -f3 | sed 's|.*/||' | tr '\n' ' ')" \
    "saudi.txt soft.txt "
is "...scored as the wildcard outside quotes" \
    "$(query -d "$TMP/swords-db" --format tsv '"s* oil"' | cut -f2 | tr '\n' ' ')" \
    "$(query -d "$TMP/swords-db" --format tsv 's* oil' | cut -f2 | tr '\n' ' ')"
run query -d "$DB" --count '"under*cover officers"'
is "a '*' inside a quoted word: exit 2" "$RC" 2
has "...says what to do" "$ERR" "under*cover has a '*' inside a word, where it stands for nothing"
# A phrase in the quotation marks of other languages (copied from a German,
# French or Japanese article) or full-width ones is a phrase, as "..." and
# “...” are: in the wrong order it matches nothing.
for q in '"attorney general"' '“attorney general”' '„attorney general“' '«attorney general»' \
         '« attorney general »' '「attorney general」' '『attorney general』' '＂attorney general＂'; do
    is "phrase in $q" "$(query -d "$DB" --count --no-collapse "$q")" 3
    wrong=$(echo "$q" | sed 's/attorney general/general attorney/')
    is "...not in the wrong order: $wrong" "$(query -d "$DB" --count "$wrong")" 0
done
is "a site's name in curly quotes" "$(query -d "$DB" --count 'site:“the  LEDGER”')" 8

# Near-duplicates: the two syndicated copies fold into the original report.
run query -d "$DB" --format tsv '"operation united front"'
is "folded: one hit for the story" "$OUT" "$(printf '1\t%s' "$(echo "$OUT" | cut -f2)")	$OUF	$(echo "$OUT" | cut -f4)"
is "folded: --count counts stories" "$(query -d "$DB" --count '"operation united front"')" 1
is "--no-collapse: all three copies" "$(query -d "$DB" --count --no-collapse '"operation united front"')" 3
run query -d "$DB" --format json '"operation united front"'
has "JSON: the copies are listed as duplicates" "$OUT" \
    "\"duplicates\":[\"$COASTAL\",\"$NORTHSTAR\"],\"similar\":2"
run query -d "$DB" '"operation united front"'
has "text: the hit says +2 similar" "$OUT" "+2 similar"
run query -d "$DB" --format json --no-collapse '"operation united front"'
has "--no-collapse: no duplicates listed" "$OUT" "\"duplicates\":[],\"similar\":0"
is "an unrelated article about a united front is not folded" \
    "$(query -d "$DB" --count '"united front"')" 2
# Pages: stories neither repeat nor vanish across --offset with folding on.
all=$(query -d "$DB" --format tsv -n 100 --any united front trafficking | cut -f3)
paged=$(for o in 0 3 6 9 12 15 18; do
    query -d "$DB" --format tsv -n 3 --offset $o --any united front trafficking | cut -f3; done)
is "pages of 3 give the same stories as one page" "$paged" "$all"
lacks "a folded copy never shows as a hit" "$all" "$COASTAL"

# Facets: counted over every match (not just the page), a story once per value:
# the report and its copies are one story on three sites, in one year.
run query -d "$DB" --format json -n 1 --facet site,year united front
is "facet JSON line" "$(echo "$OUT" | tail -1)" \
    '{"facets":{"site":{"Northstar News":3,"Coastal Herald":2,"The Ledger":1},"year":{"2020":1,"2021":1,"2022":1,"2024":1}}}'
run query -d "$DB" -n 1 --facet author united front
has "facet in text" "$OUT" "author: Dana Whitcomb (1), Gareth Lyle (1), Helen Marsh (1), Marcus Pell (1)"
# -n 0 with --facet: the facets alone, with no hit and no blank line
# before them, in each format; the exit status as with hits.
run query -d "$DB" -n 0 --facet author,year united front
is "-n 0 --facet: the facets alone" "$RC:$OUT" \
    "0:$(query -d "$DB" -n 1 --facet author,year united front | sed -n '/^author:/,$p')"
is "...in JSON: the facets' line alone" "$(query -d "$DB" -n 0 --format json --facet year united front)" \
    '{"facets":{"year":{"2020":1,"2021":1,"2022":1,"2024":1}}}'
is "...in TSV: the facet rows alone" "$(query -d "$DB" -n 0 --format tsv --facet year united front | cut -f1 | sort -u)" facet
run query -d "$DB" -n 0 --facet year zzyzx
is "...and no match: exit 1" "$RC" 1
run query -d "$DB" --facet color united
is "--facet with an unknown field: exit 2" "$RC" 2
run query -d "$DB" -n 1 --facet site --facet-limit 1 united front
has "--facet-limit 1: the most frequent value, and how many more" "$OUT" \
    "site: Northstar News (3), and 2 more"
is "--facet-limit 1 in JSON: one value" \
    "$(query -d "$DB" --format json -n 1 --facet site --facet-limit 1 united front | tail -1)" \
    '{"facets":{"site":{"Northstar News":3}}}'
has "facets: 10 values at most by default" \
    "$(query -d "$DB" -n 1 --facet author --any the a of | tail -1)" "more"

# TSV columns: --fields picks them, in the order given.
is "--fields date,site,author,url,path" \
    "$(query -d "$DB" --format tsv -n 1 --fields date,site,author,url,path '"operation united front"')" \
    "$(printf '2021-07-30\tThe Ledger\tDana Whitcomb\thttps://ledger.example/2021/07/30/operation-united-front-human-trafficking\t%s' "$OUF")"
run query -d "$DB" --format tsv --fields rank,tongue united
is "--fields with an unknown column: exit 2" "$RC" 2
has "--fields: names the columns there are" "$ERR" "rank, score, id, path, title, date, url, site, author, lang, words, not 'tongue'"

# Options as getopt takes them; an unknown one is an error, not a word.
is "-n1 is the limit" "$(query -d "$DB" --format tsv -n1 united | wc -l)" 1
is "--limit=2 is the limit" "$(query -d "$DB" --format tsv --limit=2 united | wc -l)" 2
run query -d "$DB" -x united
is "-x before the words: exit 2" "$RC:$OUT" "2:"
has "-x: says what to do" "$ERR" "unknown option '-x' (a query that starts with -WORD needs '--' before it"
# -n's value is a number: a query that starts with "-n..." is a word to
# exclude, which needs "--" as any other (it said "-n wants a whole number").
run query -d "$DB" '-nothing united'
is "-nWORD before the words: exit 2" "$RC:$OUT" "2:"
has "...says what to do" "$ERR" "unknown option '-nothing united' (a query that starts with -WORD needs '--' before it"
is "-- then -word: the word is excluded" "$(query -d "$DB" --count -- -front united)" \
    "$(query -d "$DB" --count united -front)"

# Acronyms with dots, typed in any case, are the word the indexer made of
# them ("U.S." is "us"; Xapian's parser reads it so only in capitals). A query
# of nothing but excluded words finds the articles without them.
mkdir -p "$TMP/acr"
printf 'Trade pact\n\nThe U.S. and the U.K. signed a trade pact.\n' > "$TMP/acr/pact.txt"
printf 'Tariffs\n\nUS tariffs on steel rose; the E.U. answered.\n' > "$TMP/acr/tariffs.txt"
printf 'Fisheries\n\nA quota for herring was agreed in Brussels, by e-mail.\n' > "$TMP/acr/fish.txt"
printf '<html><head><title>Ferry times</title></head><body><article><p>The ferry leaves at 3:45 p.m. daily, e.g. on Sundays, from the u.s. side.</p></article></body></html>' \
    > "$TMP/acr/ferry.html"
index -q -d "$TMP/acr-db" "$TMP/acr"
acr() { query -d "$TMP/acr-db" --format tsv -n 50 "$@" | cut -f3 | sed 's|.*/||' | sort | tr '\n' ' '; }
is "acronym: U.S. finds U.S., US and u.s." "$(acr U.S.)" "ferry.html pact.txt tariffs.txt "
is "acronym: u.s. as U.S." "$(acr u.s.)" "ferry.html pact.txt tariffs.txt "
is "acronym: u.k. trade" "$(acr u.k. trade)" "pact.txt "
is "acronym: e.u without its last dot" "$(acr e.u)" "tariffs.txt "
is "acronym: quoted, in either case" "$(acr '"the U.S."')" "ferry.html pact.txt "
# Initials in small letters are one word too, as in capitals.
is "acronym: PM finds p.m." "$(acr PM)" "ferry.html "
is "acronym: p.m. with all the words" "$(acr --all 3:45 p.m. daily)" "ferry.html "
is "acronym: quoted in small letters" "$(acr '"3:45 p.m. daily"')" "ferry.html "
is "acronym: quoted in capitals" "$(acr '"3:45 P.M. daily"')" "ferry.html "
is "acronym: eg finds e.g." "$(acr eg sundays)" "ferry.html "
is "acronym: the snippet marks p.m. whole" \
    "$(query -d "$TMP/acr-db" --format json pm | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(*[h["snippet"][a:b] for a, b in h["highlights"]])')" "p.m."
is "only excluded: -tariffs finds the others" "$(acr -- -tariffs)" "ferry.html fish.txt pact.txt "
is "only excluded: two words, a phrase" "$(acr -- '-"trade pact"' -herring -ferry)" "tariffs.txt "
# The same in curly quotes: they were made straight only after the query was
# seen to exclude everything, and it found the phrase, not the others.
is "only excluded: a phrase in curly quotes" "$(acr -- '-“trade pact”' -herring -ferry)" "tariffs.txt "
run query -d "$TMP/acr-db" --count -- -pact -steel -quota -ferry
is "only excluded: nothing left, exit 1" "$RC:$OUT" "1:0"

# Initials that spell a word are found apart from it (schema 12,
# initials_xapian.h): "U.S." typed finds "U.S." and the US of running
# text, not the pronoun "us" nor a headline's "LET US"; "US" typed in
# capitals and "us" in small letters find all, as before (session 14).
mkdir -p "$TMP/ini"
printf 'Grain\n\nThe U.S. exports of grain rose.\n' > "$TMP/ini/dotted.txt"
printf 'Steel\n\nThe US exports of steel fell.\n' > "$TMP/ini/bare.txt"
printf 'Letter\n\nLet us talk about exports, and give us time, all of us.\n' > "$TMP/ini/pronoun.txt"
printf 'LET US PRAY\n\nA service for the exports of hymns.\n' > "$TMP/ini/headline.txt"
printf 'Codes\n\nThe code QINITIALSUSQ was sent, and qinitialsqusq, then qwildcard0q.\n' > "$TMP/ini/code.txt"
printf 'Stars\n\nA note named with a star.\n' > "$TMP/ini/a*b.txt"
index -q -d "$TMP/ini-db" "$TMP/ini"
ini() { query -d "$TMP/ini-db" --format tsv -n 50 "$@" | cut -f3 | sed 's|.*/||' | sort | tr '\n' ' '; }
is "initials: U.S. exports finds the initials, not the pronoun" "$(ini U.S. exports)" "bare.txt dotted.txt "
is "initials: u.s without its last dot too" "$(ini u.s exports)" "bare.txt dotted.txt "
is "initials: US in capitals finds all" "$(query -d "$TMP/ini-db" --count US exports)" 4
is "initials: us in small letters finds all" "$(query -d "$TMP/ini-db" --count us exports)" 4
# Beside the initials, the word in small letters was taken for them too, and
# found only what they find.
is "initials: U.S. OR us finds all" "$(query -d "$TMP/ini-db" --count 'U.S. OR us')" 4
# The word quoted was the initials too (the parser reads both as "us"):
# the pronoun and the headline were lost.
is "initials: U.S. OR \"us\" finds all" "$(query -d "$TMP/ini-db" --count 'U.S. OR "us"')" 4
is "initials: title:U.S. OR \"us\" finds the word's" \
    "$(ini 'title:U.S. OR "us"')" "bare.txt dotted.txt headline.txt pronoun.txt "
# A word spelt as the initials' stand-in for the parser was taken for them.
is "initials: a word spelt as their stand-in is the word" \
    "$(ini 'U.S. OR "qinitialsusq"')" "bare.txt code.txt dotted.txt "
is "initials: ...in capitals, beside one with more q's" \
    "$(ini '("QINITIALSUSQ" AND "qinitialsqusq") OR U.S.')" "bare.txt code.txt dotted.txt "
is "initials: ...inside a phrase" "$(ini '"the code qinitialsusq" OR U.S.')" \
    "bare.txt code.txt dotted.txt "
# So was a word spelt as a quoted wildcard's stand-in, taken for its words.
is "a word spelt as a quoted wildcard's stand-in is the word" \
    "$(ini '"then qwildcard0q" OR "grain ro*"')" "code.txt dotted.txt "
# Beside NEAR or ADJ the initials were the word, and "Let us talk about
# exports" was found.
is "initials: U.S. NEAR exports, not the pronoun" "$(ini 'U.S. NEAR exports')" "bare.txt dotted.txt "
is "initials: U.S. ADJ exports, not the pronoun" "$(ini 'U.S. ADJ exports')" "bare.txt dotted.txt "
is "initials: the snippet marks U.S. whole" \
    "$(query -d "$TMP/ini-db" --format json U.S. grain | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(*[h["snippet"][a:b] for a, b in h["highlights"]])')" "U.S. grain"
cp -r "$TMP/ini-db" "$TMP/ini-old"
"$BIN/tests/set_meta" "$TMP/ini-old" trawl.schema 11
is "initials: schema 11 has no marks, U.S. is us there" \
    "$(query -d "$TMP/ini-old" --count U.S. exports)" 4
# A key field's value is a key: a '*' in a quoted path is the file name's
# own, which the check for a wildcard inside quotes refused (exit 2).
is "a quoted path with a '*' in its name is the path" "$(ini "path:\"$TMP/ini/a*b.txt\"")" "a*b.txt "

# An acronym's plural is found by its acronym, and the other way round:
# stemmers leave "MPs" whole (acronym_plural.h).
mkdir -p "$TMP/plural"
printf '{"title": "Expenses row", "body": "Several MPs and NGOs criticised the plan."}\n' \
    > "$TMP/plural/row.jsonl"
printf '<html><head><title>Leeds</title></head><body><article><p>The MP for Leeds met an NGO at the station.</p></article></body></html>' \
    > "$TMP/plural/leeds.html"
printf 'Visit\n\nMrs Smith saw the mps gauge.\n' > "$TMP/plural/visit.txt"
index -q -d "$TMP/plural-db" "$TMP/plural"
plu() { query -d "$TMP/plural-db" --format tsv -n 50 "$@" | cut -f3 | sed 's|.*/||' | sort | tr '\n' ' '; }
is "plural: MP finds MPs" "$(plu MP)" "leeds.html row.jsonl#1 "
is "plural: NGOs finds NGO" "$(plu NGOs)" "leeds.html row.jsonl#1 "
is "plural: quoted, as written" "$(plu '"MPs and"')" "row.jsonl#1 "
is "plural: Mr is no acronym of Mrs" "$(query -d "$TMP/plural-db" --count --all mr smith)" 0
is "plural: the snippet marks MPs for MP" "$(query -d "$TMP/plural-db" --format json MP criticised |
    python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(*[h["snippet"][a:b] for a, b in h["highlights"]])')" "MPs criticised"
# An index of schema 10 has no plurals by their acronyms: a reader keeps
# the plural typed.
cp -r "$TMP/plural-db" "$TMP/plural-old"
"$BIN/tests/set_meta" "$TMP/plural-old" trawl.schema 10
is "plural: schema 10, NGOs as typed" \
    "$(query -d "$TMP/plural-old" --count NGOs):$(query -d "$TMP/plural-db" --count NGOs)" "1:2"

# Numbers with separators are found however they are typed: "1,500",
# German "1.500" and "1500" are one number, "3.5" and German "3,5" another
# (numbers_xapian.h); versions and spaced digits are other words.
mkdir -p "$TMP/num"
printf 'Mill hiring\n\nThe mill hired 1,500 workers as inflation slowed to 3.5%% in March.\n' \
    > "$TMP/num/mill.txt"
printf '<html><head><title>Lehrer</title></head><body><article><p>Die Stadt stellt 1.500 Lehrer ein, und die Inflation lag bei 3,5 %% im Jahr.</p></article></body></html>' \
    > "$TMP/num/lehrer.html"
printf '{"title": "Port record", "body": "The port handled 2,750,000 containers, 1.234,5 tonnes each."}\n' \
    > "$TMP/num/port.jsonl"
printf 'Release notes\n\nVersion 2.6.1 fixes 15 00 bugs and 3 5 crashes.\n' > "$TMP/num/notes.txt"
# Thousands parted by a no-break and a narrow no-break space (schema 12).
printf 'Ville\n\nLa ville compte 15\xc2\xa0000 habitants et 2\xe2\x80\xaf500 classes; en 1987 200 maisons.\n' \
    > "$TMP/num/ville.txt"
index -q -d "$TMP/num-db" "$TMP/num"
num() { query -d "$TMP/num-db" --format tsv -n 50 "$@" | cut -f3 | sed 's|.*/||' | sort | tr '\n' ' '; }
is "number: 1500 finds 1,500 and 1.500" "$(num 1500)" "lehrer.html mill.txt "
is "number: 1,500 finds 1.500 too" "$(num 1,500)" "lehrer.html mill.txt "
is "number: 1.500 finds 1,500 too" "$(num 1.500)" "lehrer.html mill.txt "
is "number: in a phrase" "$(num '"hired 1500 workers"')" "mill.txt "
is "number: 3.5 finds 3,5" "$(num 3.5 inflation)" "lehrer.html mill.txt "
is "number: 3,5 finds 3.5" "$(num 3,5 march)" "mill.txt "
is "number: 2750000 finds 2,750,000" "$(num 2750000)" "port.jsonl#1 "
is "number: 1234.5 finds 1.234,5" "$(num 1234.5)" "port.jsonl#1 "
is "number: 15000 finds 15 000 (a no-break space)" "$(num 15000)" "ville.txt "
is "number: 15,000 finds it too" "$(num 15,000)" "ville.txt "
is "number: 2500 finds 2 500 (a narrow no-break space)" "$(num 2500)" "ville.txt "
is "number: a phrase runs on from its last group" "$(num '"15000 habitants"')" "ville.txt "
is "number: ...and into its first" "$(num '"compte 15000"')" "ville.txt "
is "number: 15 000 typed apart still finds it" "$(num 15 000)" "ville.txt "
is "number: a year before a number is not joined to it" "$(query -d "$TMP/num-db" --count 1987200)" 0
is "number: a version is left as it is" "$(num 2.6.1)" "notes.txt "
is "number: 2.6 is no part of 2.6.1" "$(query -d "$TMP/num-db" --count 2.6)" 0
is "number: the plain form highlights the number as written" \
    "$(query -d "$TMP/num-db" --format json 1500 | python3 -c '
import json, sys
for line in sys.stdin:
    h = json.loads(line)
    print(h["id"].split("/")[-1], *[h["snippet"][a:b] for a, b in h["highlights"]])' | sort | tr '\n' ' ')" \
    "lehrer.html 1.500 mill.txt 1,500 "
# An index of schema 10 has no plain forms: a reader keeps the number typed.
cp -r "$TMP/num-db" "$TMP/num-old"
"$BIN/tests/set_meta" "$TMP/num-old" trawl.schema 10
is "number: schema 10, 1,500 as typed" \
    "$(query -d "$TMP/num-old" --count 1,500):$(query -d "$TMP/num-db" --count 1,500)" "1:2"

# Spelling: a word no article has is corrected from the index's words.
run query -d "$DB" --format tsv operaton unitd front
is "suggestion: the corrected query's hits" "$(echo "$OUT" | head -1 | cut -f3)" "$OUF"
has "suggestion: said on stderr" "$ERR" "showing results for: operation united front"
is "suggestion: exit 1, the typed words matched nothing" "$RC" 1
run query -d "$DB" --format tsv -n 0 operaton unitd front
is "suggestion with -n 0: exit 1 too" "$RC" 1
run query -d "$DB" --format json opperation
is "suggestion: JSON line first" "$(echo "$OUT" | head -1)" \
    '{"suggestion":"operation","used":true}'
run query -d "$DB" xqzvw
is "no suggestion for gibberish: exit 1" "$RC" 1
is "no suggestion for gibberish: nothing said" "$ERR" ""
# Two typos whose corrections no article holds together: the articles with
# either corrected word, not an empty page with a "did you mean".
run query -d "$DB" --format tsv floodd sportz
is "correction, any word: the flood article first" "$(echo "$OUT" | head -1 | cut -f3)" \
    corpus/weather/river-flood.txt
has "correction, any word: said as used" "$ERR" "showing results for: flood sport"
is "correction, any word: exit 1" "$RC" 1
run query -d "$DB" --format json floodd sportz
is "correction, any word: JSON lines" "$(echo "$OUT" | head -2 | tr '\n' ' ')" \
    '{"suggestion":"flood sport","used":true} {"relaxed":true} '
# A correction whose own search finds nothing is not offered.
run query -d "$DB" '"floodd sportz"'
is "correction that finds nothing: not offered" "$RC:$ERR" "1:"
# A misspelt field's name, which the parser read as words (titel:storm was
# the phrase "titel storm": nothing, and nothing said), is the field.
run query -d "$DB" --format tsv 'titel:"cold front"'
is "misspelt field: the field's hits" "$RC:$(echo "$OUT" | cut -f3)" \
    "1:corpus/weather/cold-front-storms.txt.gz"
has "...said on stderr" "$ERR" "showing results for: title:\"cold front\""
run query -d "$DB" --format tsv -n 1 data:2020 flood
is "...a key field's too" "$RC:$(echo "$OUT" | cut -f3)" "1:corpus/weather/river-flood.txt"
has "...said on stderr" "$ERR" "showing results for: date:2020 flood"
# ...and not where the value typed is none of that field's: the query as
# typed, which found nothing, stands, its name said to be no field
# (data:zqxvw was searched as date:zqxvw, a bad date: exit 2).
run query -d "$DB" --format tsv 'data:zqxvw'
is "...not where the value is none of the field's" "$RC" 1
has "...the name said to be no field" "$ERR" "data: is no field"
lacks "...not a bad date" "$ERR" "not a date"
run query -d "$DB" --format tsv 'long:zqxvw'
is "...nor a language's" "$RC" 1
has "...its name said" "$ERR" "long: is no field"
# A name that no field is near, read as a word: nothing matched, and the
# reader is told why it may be, with the fields there are (it exited 1 and
# said nothing).
run query -d "$DB" --format tsv 'note:storm'
is "...not a name no field is near: exit 1, no hit" "$RC:$OUT" "1:"
is "...but said to be no field, with the fields" "$ERR" \
    "trawl-query: note: is no field, so the query searched for the word 'note' there; the fields are site:, path:, url:, date:, lang:, title:, author:"
run query -d "$DB" --format json 'Note:storm'
is "...JSON: a line of its own, in small letters" "$RC:$OUT" '1:{"unknown_field":"note"}'
# tite: is an edit from site: and from title:: the one with its first
# letter (it was site:, whose search found nothing, said nothing).
run query -d "$DB" --format tsv 'tite:"cold front"'
is "...of two fields as near, the one of the same first letter" \
    "$RC:$(echo "$OUT" | cut -f3)" "1:corpus/weather/cold-front-storms.txt.gz"
has "...said as the correction" "$ERR" "showing results for: title:\"cold front\""
lacks "...and not as no field: the correction names it" "$ERR" "is no field"
# A correction that finds nothing either: the name is said.
run query -d "$DB" 'tite:xqzvw'
is "...a correction that finds nothing: exit 1" "$RC" 1
has "...the name said" "$ERR" "tite: is no field"
# The any-word fallback's hits, the typed words having matched nothing.
run query -d "$DB" --format tsv --fields id 'nosuch:blizzard hail'
is "...the any-word fallback's hits" "$RC:$OUT" "0:corpus/weather/cold-front-storms.txt.gz"
has "...said there too" "$ERR" "nosuch: is no field"
# Colons of text: nothing said of a field.
for q in '10:30 xqzvw' 'http://xqzvw.example' 'note: xqzvw' 'url:a.example/x:y' \
         '"note:xqzvw"' 'site:a.example:8080' 'über:xqzvw' 'a::b'; do
    run query -d "$DB" "$q"
    lacks "...no field said for '$q'" "$ERR" "is no field"
done
# A search that finds something: its colon is the reader's text.
run query -d "$DB" --format tsv 'cold:front'
is "...one that finds something: exit 0" "$RC" 0
lacks "...nothing said of it" "$ERR" "is no field"
run query -d "$DB" --format tsv 'titel: storm'
lacks "...nor a colon ending a word" "$ERR" "title:"

# An index written before the spelling blocks (issue 15) is corrected by
# reading its vocabulary; its next run builds the blocks, read from then on.
"$BIN/tests/set_meta" "$DB" trawl.spell ""
is "no spelling blocks: corrected from the vocabulary" \
    "$("$BIN/tests/search_probe" "$DB" opperation | awk '{ print $1, ($2 > 0), $3 }')" "operation 1 0"
index -q -d "$DB" corpus
is "blocks built by the next run: corrected from them" \
    "$("$BIN/tests/search_probe" "$DB" opperation | awk '{ print $1, $2, ($3 > 0) }')" "operation 0 1"

# Relaxation: no article has both words, so any of them will do, said so.
run query -d "$DB" --format tsv beaver blizzard
is "relaxed: the articles with either word" "$(echo "$OUT" | cut -f3 | sort | tr '\n' ' ')" \
    "corpus/environment/beaver-reintroduction.txt corpus/weather/blizzard-closes-schools.txt "
has "relaxed: said on stderr" "$ERR" "no article has all the words"
is "relaxed: exit 0, the typed words matched" "$RC" 0
run query -d "$DB" --format json beaver blizzard
is "relaxed: JSON line first" "$(echo "$OUT" | head -1)" '{"relaxed":true}'
run query -d "$DB" --all beaver blizzard
is "--all: no fallback, exit 1" "$RC" 1
is "--all: nothing printed" "$OUT" ""

# Too few articles have all three words to fill the page: it goes on with the
# articles that have some, after them and marked, ranked as --any ranks them;
# the opposition's "united front" (no "operation") is found so.
OPP=corpus/politics/opposition-united-front.txt
run query -d "$DB" --format tsv --fields rank,words,id operation united front
is "some words: the two stories with all of them first" \
    "$(echo "$OUT" | head -2 | cut -f1,2 | tr '\t\n' ': ')" "1:all 2:all "
is "some words: the rest of the page has some" \
    "$(echo "$OUT" | tail -n +3 | cut -f2 | sort -u)" "some"
is "some words: the page is full" "$(echo "$OUT" | wc -l)" 10
is "some words: an article with two of the three words is among them" \
    "$(echo "$OUT" | grep -c "some	$OPP")" 1
is "some words: ranked as --any ranks the articles without all the words" \
    "$(echo "$OUT" | tail -n +3 | cut -f3 | tr '\n' ' ')" \
    "$(query -d "$DB" --format tsv -n 20 --any operation united front | cut -f3 |
       grep -v -e "^$OUF\$" -e '^corpus/health/hospital-surgery-unit.txt$' | head -8 | tr '\n' ' ')"
has "some words: said on stderr" "$ERR" "too few articles have all the words to fill the page"
is "some words: exit 0" "$RC" 0
is "some words: --count counts the articles with all of them" \
    "$(query -d "$DB" --count operation united front)" 2
is "some words: pages agree (--offset 4 -n 3 is ranks 5-7)" \
    "$(query -d "$DB" --format tsv --fields rank,words,id --offset 4 -n 3 operation united front)" \
    "$(echo "$OUT" | sed -n 5,7p)"
run query -d "$DB" -n 3 operation united front
has "some words: text marks where they start" "$OUT" $'\n-- with some of the words --\n'
has "some words: text's last line counts both" "$OUT" "1-2 of 2 stories with all the words; 3-3 with some"
is "some words: a page past the all-word ones says so" \
    "$(query -d "$DB" --offset 3 -n 2 operation united front | tail -1)" \
    "4-5 with some of the words, after the 2 stories with all"
is "some words: JSON marks each hit" \
    "$(query -d "$DB" --format json -n 3 operation united front | python3 -c '
import json, sys
print([json.loads(l)["some_words"] for l in sys.stdin])')" "[False, False, True]"
is "some words: --all shows only the articles with all of them" \
    "$(query -d "$DB" --format tsv --all operation united front | wc -l)" 2
is "some words: not for two words (one of two is half the question)" \
    "$(query -d "$DB" --format tsv --fields words --no-collapse united front | sort | uniq -c | tr -s ' ')" " 6 all"
is "some words: not for words joined by AND" \
    "$(query -d "$DB" --format tsv 'operation AND united AND front' | wc -l)" 2
is "some words: not with --any (nothing is ranked after)" \
    "$(query -d "$DB" --format tsv --fields words --any operation united front | sort -u)" "all"
run query -d "$DB" -n 0 operation united front
is "some words: -n 0 searches for nothing more, says nothing" "$RC:$ERR" "0:"
# Only the report says "intend": its syndicated copies have the other two
# words, and come after it unfolded, but fold into it as they would have.
is "some words, unfolded: the copies that lack a word come after the report" \
    "$(query -d "$DB" --format tsv --fields words,id --no-collapse -n 3 trafficking rescued intend |
       sort | tr '\t\n' ': ')" "all:$OUF some:$COASTAL some:$NORTHSTAR "
is "some words, folded: a story shown is not shown again for a copy" \
    "$(query -d "$DB" --format tsv --fields id trafficking rescued intend | grep -c -e "$COASTAL" -e "$NORTHSTAR")" 0

# Highlights: title words in bold on a terminal (forced with --color always).
run query -d "$DB" --color always -n 1 '"operation united front"'
has "title highlighted" "$OUT" $'\033[1;31mOperation United Front\033[0m\033[1m: 102'

# Folding in incremental runs: the copies arrive after the report, one run each,
# and join its story as they are added.
INC=$TMP/inc
index -q -d "$INC" "$OUF"
index -q -d "$INC" "$NORTHSTAR"
index -q -d "$INC" corpus/crime
is "incremental: copies added later fold into the report" \
    "$(query -d "$INC" --count '"operation united front"')" 1
run query -d "$INC" --format json '"operation united front"'
has "incremental: the hit lists both copies" "$OUT" \
    "\"duplicates\":[\"$COASTAL\",\"$NORTHSTAR\"],\"similar\":2"
# A copy rewritten into a different story leaves it.
mkdir -p "$TMP/inc-src"
cp corpus/crime/*.txt "$TMP/inc-src/"
index -q -d "$TMP/inc2" "$TMP/inc-src"
is "two copies fold before the change" "$(query -d "$TMP/inc2" --count '"operation united front"')" 1
cat corpus/politics/opposition-united-front.txt > "$TMP/inc-src/united-front-sweep-coastal.txt"
echo "Operation United Front was mentioned." >> "$TMP/inc-src/united-front-sweep-coastal.txt"
index -q -d "$TMP/inc2" "$TMP/inc-src"
run query -d "$TMP/inc2" --format tsv '"operation united front"'
is "a rewritten copy is a story of its own" "$(echo "$OUT" | wc -l)" 2
# The first article of a story rewritten into another story, which a copy of
# its new text then joins: the copy of its old text, still under the old
# story's key, is not folded into the new story.
mkdir -p "$TMP/inc3-src"
cp "$OUF" "$TMP/inc3-src/first.txt"
index -q -d "$TMP/inc3" "$TMP/inc3-src"
cp "$NORTHSTAR" "$TMP/inc3-src/copy.txt"
index -q -d "$TMP/inc3" "$TMP/inc3-src"
cp corpus/business/rail-strike.txt "$TMP/inc3-src/first.txt"
index -q -d "$TMP/inc3" "$TMP/inc3-src"
{ cat corpus/business/rail-strike.txt; echo "Reporting by a stringer."; } > "$TMP/inc3-src/rail-copy.txt"
index -q -d "$TMP/inc3" "$TMP/inc3-src"
run query -d "$TMP/inc3" --format tsv 'rail OR front'
is "a rewritten first article's new story does not hide its old copy" \
    "$(echo "$OUT" | cut -f3 | sed 's|.*/||' | grep -c -x -e copy.txt -e first.txt -e rail-copy.txt)" 2

# Snippets: stemmed forms of the query's words are highlighted too, and the
# offsets are code points of the snippet.
run query -d "$DB" --format json -n 1 rescuing
is "stemmed matches highlighted" "$(echo "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"], sorted({h["snippet"][a:b].lower() for a, b in h["highlights"]}))')" \
    "corpus/local/mountain-rescue.txt ['rescue', 'rescued']"
run query -d "$DB" --color always -n 1 rescuing
has "stemmed title word highlighted" "$OUT" $'Hikers \033[1;31mrescued\033[0m\033[1m from'
run query -d "$DB" --format json -n 1 'rescu*'
is "a wildcard's words highlighted" "$(echo "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(sorted({h["snippet"][a:b].lower() for a, b in h["highlights"]}))')" "['rescue', 'rescued']"
# What the query excludes is not highlighted; an initialism is one word, as
# the indexer reads it ("U.S." is "us", not "u" and "s").
mkdir -p "$TMP/hl"
printf 'Markets\n\nThe yen fell early. Later the dollar rose as U.S. forces and s units met.\n' \
    > "$TMP/hl/a.txt"
index -q -d "$TMP/hl-db" "$TMP/hl"
highlighted() {
    query -d "$TMP/hl-db" --format json -n 1 "$@" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(" ".join(h["snippet"][a:b] for a, b in h["highlights"]))'
}
is "an excluded word is not highlighted" "$(highlighted 'dollar NOT (yen AND mark)')" "dollar"
is "an initialism is one word" "$(highlighted forces s)" "forces s"
is "...and matches as one" "$(highlighted us)" "U.S."
# The words a snippet finds are split as the indexer splits them, whether
# all ASCII (scanned a byte at a time) or not.
printf 'Markets\n\nGrowth was 3.5 pct at AT&T; a naïve C++ forecast in snake_case didn'"'"'t help the café.\n' \
    > "$TMP/hl/b.txt"
index -q -d "$TMP/hl-db" "$TMP/hl"
for word in 3.5 'AT&T' naïve 'C++' snake_case "didn't" cafe; do
    highlighted "$word" >> "$TMP/hl-words"
done
is "words split as the indexer splits them" "$(tr '\n' ' ' < "$TMP/hl-words")" \
    "3.5 AT&T naïve C++ snake_case didn't café "
# A word the query asks for only inside a phrase is lit where the phrase
# is, not wherever it stands alone: in a short text, and in a long one whose
# passage is chosen by the words' positions before it is read.
mkdir -p "$TMP/phrase"
printf 'Notes\n\nLuana came first. Then the adolescente Luana spoke.\n' > "$TMP/phrase/a.txt"
index -q -d "$TMP/phrase-db" "$TMP/phrase"
phrase_lit() {
    query -d "$TMP/phrase-db" --format json -n 1 "$@" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"].rsplit("/", 1)[1], " ".join(h["snippet"][a:b] for a, b in h["highlights"]))'
}
is "a phrase's word alone is not lit" "$(phrase_lit '"adolescente luana"')" \
    "a.txt adolescente Luana"
is "...but is when the query also asks for it alone" \
    "$(phrase_lit 'luana "adolescente luana"')" "a.txt Luana adolescente Luana"
# Spelt with accents elsewhere, the phrase is matched as its words' AND
# filtered by the phrase: the same.
printf 'Other\n\nUne adolescénte.\n' > "$TMP/phrase/c.txt"
index -q -d "$TMP/phrase-db" "$TMP/phrase"
is "a phrase's word alone is not lit, with accents elsewhere" \
    "$(phrase_lit '"adolescente luana"')" "a.txt adolescente Luana"
rm "$TMP/phrase/c.txt"
{
    printf 'Long notes\n\nLuana met an adolescente there.'
    for i in $(seq 1 120); do printf ' The river ran on past the mill number %d.' "$i"; done
    printf ' At last the adolescente Luana spoke.'
    for i in $(seq 1 120); do printf ' The road went on past the farm number %d.' "$i"; done
    printf '\n'
} > "$TMP/phrase/b.txt"
rm "$TMP/phrase/a.txt"
index -q -d "$TMP/phrase-db" "$TMP/phrase"
is "a long text's passage holds the phrase, not its words apart" \
    "$(phrase_lit '"adolescente luana"')" "b.txt adolescente Luana"
run query -d "$DB" --color always -n 1 title:hikers
has "a title: word highlighted in the title" "$OUT" $'\033[1;31mHikers\033[0m\033[1m rescued'
run query -d "$DB" --color always -n 1 fog
has "a title's last word highlighted where it is" "$OUT" $'in freezing \033[1;31mfog\033[0m'

# The text footer counts stories when copies fold, articles when they do not.
run query -d "$DB" '"operation united front"'
has "footer: stories, counted exactly, one a story ('1 matching stories' read as a slip)" \
    "$OUT" "1-1 of 1 matching story"
run query -d "$DB" --no-collapse '"operation united front"'
has "footer: articles with --no-collapse" "$OUT" "1-3 of 3 matching articles"
run query -d "$DB" --no-collapse --offset 3 '"operation clean harbor"'
is "...one an article, past the end too" "$RC:$OUT" "1:--offset 3 is past the 1 matching article"

# The same template text in different weeks is two stories, each with its
# same-day copy: in a fresh build and when the copies arrive one by one.
mkdir -p "$TMP/tmpl"
body="The Federal Reserve entered the government securities market to arrange customer repurchase agreements, a spokesman said. Federal funds were trading at six pct when the Fed began the temporary and indirect supply of reserves to the banking system."
for d in 1987-03-02:a 1987-03-02:b 1987-04-20:c 1987-04-20:d; do
    printf 'Date: %s\n\nFed adds reserves\n\n%s\n' "${d%%:*}" "$body" > "$TMP/tmpl/${d##*:}.txt"
done
index -q -d "$TMP/tmpl-db" "$TMP/tmpl"
run query -d "$TMP/tmpl-db" --format tsv federal reserve
is "template weeks apart: two stories" "$(echo "$OUT" | wc -l)" 2
run query -d "$TMP/tmpl-db" --format json federal reserve
is "template: each story holds its same-day copy" "$(echo "$OUT" | grep -c '"similar":1')" 2
for f in a c b d; do index -q -d "$TMP/tmpl-inc" "$TMP/tmpl/$f.txt"; done
run query -d "$TMP/tmpl-inc" --format json federal reserve
is "template, one file per run: two stories of two" "$(echo "$OUT" | grep -c '"similar":1')" 2

# The same notice the next day with new figures (the amount, the rate) is the
# next report, not a copy, however alike its words; the first day's notice
# re-sent the next day, only its dateline changed, is a copy.
mkdir -p "$TMP/fed"
fed() {
    printf 'Date: %s\n\nFed adds reserves\n\nNEW YORK, %s - The Federal Reserve entered the U.S. government securities market to arrange %s billion dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds were trading at %s pct when the Fed began its temporary and indirect supply of reserves to the banking system. The operation was routine, dealers said, and the Fed gave no sign that it meant to change the course of its policy on interest rates or on the supply of money to banks in the weeks ahead.\n' "$@"
}
fed 1987-03-02 "March 2" 1.5 6-1/8 > "$TMP/fed/monday.txt"
fed 1987-03-03 "March 3" 2.5 6-1/16 > "$TMP/fed/tuesday.txt"
fed 1987-03-03 "March 3" 1.5 6-1/8 > "$TMP/fed/monday-resent.txt"
index -q -d "$TMP/fed-db" "$TMP/fed"
run query -d "$TMP/fed-db" --format json federal reserve
is "new figures: two stories" "$(echo "$OUT" | wc -l)" 2
is "new figures: the re-sent notice folds into the first" \
    "$(echo "$OUT" | grep monday | grep -c '"similar":1')" 1
is "new figures: the next day's notice is a hit of its own" \
    "$(echo "$OUT" | grep -c "\"id\":\"$TMP/fed/tuesday.txt\".*\"similar\":0")" 1
for f in monday tuesday monday-resent; do index -q -d "$TMP/fed-inc" "$TMP/fed/$f.txt"; done
is "new figures, one file per run: two stories" \
    "$(query -d "$TMP/fed-inc" --count federal reserve)" 2
# A report updated twice in a day, a figure each time: each version is a copy
# of the one before, but the last states two figures the first does not, and
# is not folded with it through the middle one (in one build, and one file
# per run).
mkdir -p "$TMP/fed-day"
fed 1987-03-02 "March 2" 1.5 6-1/8 > "$TMP/fed-day/1-morning.txt"
fed 1987-03-02 "March 2" 2.5 6-1/8 > "$TMP/fed-day/2-noon.txt"
fed 1987-03-02 "March 2" 2.5 6-1/16 > "$TMP/fed-day/3-close.txt"
index -q -d "$TMP/fed-day-db" "$TMP/fed-day"
is "a chain of updates: the first and the last are two stories" \
    "$(query -d "$TMP/fed-day-db" --count federal reserve)" 2
for f in 1-morning 2-noon 3-close; do index -q -d "$TMP/fed-day-inc" "$TMP/fed-day/$f.txt"; done
is "a chain of updates, one file per run: two stories" \
    "$(query -d "$TMP/fed-day-inc" --count federal reserve)" 2
# The same notice every other day: each a copy of the one two days before,
# but a story spans three days at most, however its copies chain.
mkdir -p "$TMP/fed-days"
for d in 02 04 06; do fed 1987-03-$d "March" 1.5 6-1/8 > "$TMP/fed-days/$d.txt"; done
index -q -d "$TMP/fed-days-db" "$TMP/fed-days"
is "a chain of days: the first and the last are two stories" \
    "$(query -d "$TMP/fed-days-db" --count federal reserve)" 2
# A site that sets typographic quotes, apostrophes and dashes where the wire
# has ASCII ones prints the same story: its copy folds (it was 0.59 alike).
mkdir -p "$TMP/quotes"
{
    printf 'Date: 2024-05-14\n\nLawmakers pass bill to bury power lines\n\n'
    cat <<'TXT'
WASHINGTON - Lawmakers on Tuesday approved a bill that would require the state's largest utilities to bury power lines in areas at high risk of wildfires, a measure the governor has said he will sign. "We can't keep asking people to live next to a tinderbox," said Senator Maria Lopez, who wrote the bill. "This is about keeping families safe." The utilities' trade group said the cost - estimated at $4 billion over a decade - would fall on customers. Opponents argued the state's regulators, not the legislature, should decide which lines to bury and when. It doesn't set a deadline, but it requires the companies to file plans within a year. "It's a start," said a spokesman for the consumer group Fair Rates, who called the measure 'overdue'.
TXT
} > "$TMP/quotes/wire.txt"
sed -e 's/"\([^"]*\)"/\xe2\x80\x9c\1\xe2\x80\x9d/g' -e "s/'/\xe2\x80\x99/g" -e 's/ - /\xe2\x80\x94/g' \
    -e 's/Lawmakers pass bill/State passes bill/' "$TMP/quotes/wire.txt" > "$TMP/quotes/site.txt"
index -q -d "$TMP/quotes-db" "$TMP/quotes"
is "typographic quotes and dashes: the copy folds" "$(query -d "$TMP/quotes-db" --count utilities)" 1
# A site that prints the wire story with its last third cut, and links of its
# own under it, prints the same story (0.66 alike): it folds.  (Only when the
# two share a band, as about two in three such pairs do: the bands look for
# copies 0.7 alike.)
mkdir -p "$TMP/cut"
cat > "$TMP/cut/wire.txt" <<'TXT'
Spain backs a shorter working week

MADRID - Spain's government on Wednesday approved a plan to cut the working week to 37.5 hours without any loss of pay, setting up a difficult vote in parliament where its coalition partners are divided over the measure.

The labour minister told reporters after the cabinet meeting that the change would improve the lives of about 12 million workers, most of them in retail, hospitality and farming, where long shifts remain common.

Business groups said the plan would raise costs for small firms that are still recovering from a slow winter season, and warned that some employers would respond by hiring fewer people or by moving staff onto part-time contracts.

The main employers' federation walked out of talks on the proposal in November, saying the government had ignored its request to phase in the shorter week over several years and to offer tax relief to companies with fewer than ten employees.

Unions welcomed the decision but said they would press for stronger rules on recording hours, arguing that many workers already put in unpaid overtime that never appears in official statistics.

The bill now goes to the lower house, where the government needs the support of a regional party from Catalonia that has so far refused to say how it will vote. Its leaders have said they want the final say on labour inspections in their region to remain with local authorities.

If approved, the shorter week would take effect at the start of next year, with a transition period for sectors covered by collective agreements that set their own hours.

Economists were split on the likely effect. Some said a shorter week could lift productivity, as it has in several pilot schemes elsewhere in Europe, while others said Spain's high unemployment rate made it a risky moment to raise labour costs.
TXT
{
    head -n 11 "$TMP/cut/wire.txt"
    printf "\nRelated:\nSpain's jobless rate falls to lowest since 2008\n"
    printf 'Madrid protests over housing costs draw thousands\nWhat a four-day week means for workers\n'
} > "$TMP/cut/site.txt"
index -q -d "$TMP/cut-db" "$TMP/cut"
is "a copy cut short folds" "$(query -d "$TMP/cut-db" --count working week)" 1
# The same story as a site's page: a byline, a summary of its own and a
# picture's caption before it (45 words), so that its first paragraph is
# further down than the wire's.  It folds.
mkdir -p "$TMP/page"
cp "$TMP/cut/wire.txt" "$TMP/page/wire.txt"
{
    printf '<html><head><title>Spain backs a shorter week</title></head><body>'
    printf '<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
    printf '<h1>Spain backs a shorter working week</h1><p>By Ana Ruiz | December 4, 2024</p>'
    printf '<p>The cabinet wants fewer hours for the same pay, but the plan must still win '
    printf 'over a divided parliament and a sceptical business lobby.</p>'
    printf '<figure><img src="a.jpg"><figcaption>Workers leave an office block in central '
    printf 'Madrid at the end of a weekday shift. Photo: Agency</figcaption></figure>\n'
    tail -n +3 "$TMP/cut/wire.txt" | grep -v '^$' | sed 's|.*|<p>&</p>|'
    printf '</article><footer>Copyright 2024 Daily Planet</footer></body></html>\n'
} > "$TMP/page/page.html"
index -q -d "$TMP/page-db" "$TMP/page"
is "the story as a site's page folds with the wire's text" \
    "$(query -d "$TMP/page-db" --count working week)" 1
# Two releases of a company, a paragraph of news each above the same long
# disclaimer, are 0.8 alike: they do not begin alike, and are two stories.
mkdir -p "$TMP/releases"
disclaimer="Forward-looking statements: this release contains statements about expected production, project timelines, financing and market conditions that are based on current expectations and are subject to risks and uncertainties that could cause actual results to differ materially, including changes in power prices, regulation, weather, the availability of equipment and the cost of capital. Readers are cautioned not to place undue reliance on these statements, which speak only as of the date of this release, and the company undertakes no obligation to update them except as required by law. Safe harbour: the annual report describes further risks, including the risk that grid connections are delayed, that subsidies are withdrawn, that turbines fail more often than expected, and that partners in joint ventures do not meet their obligations. Nothing in this release is an offer to sell or a solicitation of an offer to buy any securities in any jurisdiction where such an offer would be unlawful."
printf 'Date: 2024-03-04\n\nNorthwind opens offshore farm\n\nNorthwind Energy said on Monday it had started commercial operation of its offshore wind farm in the Baltic Sea, which will supply households across the region once all turbines are connected later this spring.\n\n%s\n' "$disclaimer" > "$TMP/releases/farm.txt"
printf 'Date: 2024-03-06\n\nNorthwind names new finance chief\n\nNorthwind Energy said on Wednesday it had appointed a former banker as its chief financial officer, replacing the executive who left the company in January after disagreements with the board over its plans.\n\n%s\n' "$disclaimer" > "$TMP/releases/chief.txt"
index -q -d "$TMP/releases-db" "$TMP/releases"
is "two releases above one disclaimer: two stories" "$(query -d "$TMP/releases-db" --count northwind)" 2
# Two funds' dividend briefs share half their shingles (the fund's name and
# the amount differ): measured exactly, not estimated from 32 entries that
# took them for copies, they are two stories.
mkdir -p "$TMP/funds"
fund() {
    printf 'Date: 1987-05-04\n\nHarbor %s fund sets monthly payout\n\nBOSTON, May 4 - Monthly dividend %s cts vs %s cts prior. Pay May 29. Record May 15. NOTE: Harbor %s Insured Tax-Free Income Fund.\n' "$1" "$2" "$2" "$1" > "$TMP/funds/$1.txt"
}
fund Vermont 6.0
fund Texas 6.1
index -q -d "$TMP/funds-db" "$TMP/funds"
is "look-alike briefs: two stories" "$(query -d "$TMP/funds-db" --count monthly dividend)" 2

# Totals (issue 15): a search that ranks only its first matches counts the
# others when there can be no more than TRAWL_COUNT_MAX (10,000) of them, and
# says "about" past that.  alpha and beta each in 700 of 30,000 articles, 650
# together, were "about 650" (Xapian's estimate from the first 500 matches;
# on Reuters it can be half the count: 60-shared-corpora.sh).
python3 - "$TMP/many.jsonl" <<'PY'
import json, random, sys
random.seed(7)
with open(sys.argv[1], 'w') as f:
    for i in range(30000):
        words = ['w%d' % random.randrange(100000) for _ in range(12)]
        words += ['alpha', 'beta'] if i < 650 else ['alpha'] if i < 700 else ['beta'] if i < 750 else []
        words += ['gamma', 'delta'] if i < 10500 else ['gamma'] if i < 11000 else ['delta'] if i < 11500 else []
        r = random.random()
        words += ['epsilon', 'zeta'] if r < 0.36 else ['epsilon'] if r < 0.38 else ['zeta'] if r < 0.4 else []
        random.shuffle(words)
        f.write(json.dumps({'id': 'n%d' % i, 'title': 'Note %d' % i, 'text': ' '.join(words)}) + '\n')
PY
index -q -d "$TMP/many-db" "$TMP/many.jsonl"
is "totals: 650 of 30,000 counted, not estimated" \
    "$(query -d "$TMP/many-db" --no-collapse alpha beta | tail -1)" "1-10 of 650 matching articles"
is "totals: the same on a later page" \
    "$(query -d "$TMP/many-db" --no-collapse --offset 600 alpha beta | tail -1)" "601-610 of 650 matching articles"
has "totals: past 10,000 matches, an estimate" \
    "$(query -d "$TMP/many-db" --no-collapse gamma delta | tail -1)" "of about "
# epsilon and zeta, each in 40% of 30,000 articles, together in 36% of
# them, spread through the index: "about 9000" for 10,735 (Xapian's
# estimate); from the share of the index that holds the first 10,000,
# within 5% of the count.
together=$(query -d "$TMP/many-db" --no-collapse --count epsilon zeta)
said=$(query -d "$TMP/many-db" --no-collapse epsilon zeta | tail -1 | sed -n 's/^1-10 of about \([0-9]*\) matching articles$/\1/p')
is "totals: past 10,000 matches, estimated within 5% of the count ($together)" \
    "$(python3 -c 'import sys; c, s = int(sys.argv[1]), int(sys.argv[2] or 0); print(abs(s - c) <= c * 0.05)' "$together" "$said")" True

# Articles like one (--like ID): its most telling words, not it nor its
# near-copies; among those a query matches when one is given.
like() { query -d "$DB" --format tsv --fields id -n 50 --like "$@" | tr '\n' ' '; }
got=$(like "$OUF")
is "--like: another police operation's arrests first" "${got%% *}" corpus/crime/operation-clean-harbor.txt
is "--like: neither the article itself nor its story's copies" \
    "$(echo "$got" | tr ' ' '\n' | grep -c -e "$OUF" -e "$COASTAL" -e "$NORTHSTAR")" 0
is "--like from a copy of the story: the same first hit" \
    "$(query -d "$DB" --format tsv --fields id -n 1 --like "$COASTAL")" corpus/crime/operation-clean-harbor.txt
is "--like with a filter: only its articles, the like first" \
    "$(like "$OUF" date:2023 | cut -d' ' -f1)" corpus/crime/operation-clean-harbor.txt
is "--like with a filter: every hit passes it" \
    "$(query -d "$DB" --format tsv --fields date -n 50 --like "$OUF" date:2023 | grep -vc '^2023-')" 0
is "--like with a word: every hit has it" \
    "$(like "$OUF" police)" "corpus/crime/operation-clean-harbor.txt corpus/crime/art-theft.txt "
run query -d "$DB" --like corpus/no/such.txt
is "--like of an id the index lacks: exit 1" "$RC" 1
has "...saying so, and how ids are spelt" "$ERR" \
    "no article with id corpus/no/such.txt in index $DB (ids are as the hits of a search show them"
run query -d "$DB" --like "$OUF" --show "$OUF"
is "--like with --show: a usage error, exit 2" "$RC:$ERR" \
    "2:trawl-query: --like searches; --show prints one article: give one of them
Try 'trawl-query --help' for more."

# A query that finds a little, through a word spelt wrong in one article,
# gets a "did you mean" for the common spelling, and keeps its own hit.
mkdir -p "$TMP/typo"
for i in $(seq 1 25); do
    printf 'Budget %d\n\nThe government published budget plan number %d today.\n' "$i" "$i" > "$TMP/typo/a$i.txt"
done
printf 'Late notice\n\nThe goverment said little about the harbour.\n' > "$TMP/typo/typo.txt"
index -q -d "$TMP/typo-db" "$TMP/typo"
run query -d "$TMP/typo-db" --format tsv goverment
is "few hits: the query's own hit is shown" "$(echo "$OUT" | cut -f3)" "$TMP/typo/typo.txt"
has "few hits: did you mean the common spelling" "$ERR" "did you mean: government"
run query -d "$DB" -n 1 fog
is "few hits, a short word: no did you mean (fog is not a typo for for)" "$ERR" ""
run query -d "$TMP/typo-db" --format json goverment
is "few hits: JSON suggestion not used" "$(echo "$OUT" | head -1)" '{"suggestion":"government","used":false}'
run query -d "$TMP/typo-db" '"goverment said"'
is "few hits: a correction no article has is not offered" "$RC:$ERR" "0:"
