#!/bin/bash
# End to end: index corpus/ and check what searches find, in what order, and how
# the results are printed.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
OUF=corpus/crime/operation-united-front.txt
cd "$TOP"

run index -d "$DB" corpus
is "indexing corpus/ exits 0" "$RC" 0
has "summary counts every file and article" "$OUT" \
    "48 files: 48 indexed, 0 unchanged, 0 skipped, 0 failed, 0 removed; 48 articles written, 0 deleted"
is "no warnings for our own corpus" "$ERR" ""

# The phrase: the report ranks first, its two syndicated copies follow, and no
# distractor (United the club, the cold front, another operation) matches at all.
# (--no-collapse: these count articles; 15-search-features.sh folds the copies.)
run query -d "$DB" --no-collapse --format tsv '"Operation United Front"'
is "phrase query exits 0" "$RC" 0
is "phrase: the report is rank 1" "$(echo "$OUT" | awk -F'\t' 'NR==1 {print $1, $3}')" "1 $OUF"
is "phrase: the syndicated copies are ranks 2-3" \
    "$(echo "$OUT" | awk -F'\t' 'NR>1 {print $3}' | sort | tr '\n' ' ')" \
    "corpus/crime/united-front-sweep-coastal.txt corpus/crime/united-front-sweep-northstar.txt "
is "phrase: exactly 3 hits" "$(echo "$OUT" | wc -l)" 3

# Loose words: all three must appear, anywhere; the hospital story has them
# scattered, so it matches the words but not the phrase.
is "all words: 4 articles" "$(query -d "$DB" --no-collapse --count operation united front)" 4
run query -d "$DB" --no-collapse --format tsv operation united front
is "all words: the scattered-words article ranks below the three reports" \
    "$(echo "$OUT" | awk -F'\t' '$3 ~ /hospital-surgery-unit/ {print $1}')" 4
is "phrase vs loose words differ by exactly that article" \
    "$(query -d "$DB" --no-collapse --count '"operation united front"')" 3

# --any ranks every article with any of the words; the reports stay on top and
# each distractor ranks below them.
is "--any: 17 articles" "$(query -d "$DB" --no-collapse --count --any operation united front)" 17
run query -d "$DB" --no-collapse --format tsv -n 20 --any operation united front
is "--any: the report is still rank 1" "$(echo "$OUT" | awk -F'\t' 'NR==1 {print $3}')" "$OUF"
for d in sports/riverside-united-cup weather/cold-front-storms crime/operation-clean-harbor \
         politics/opposition-united-front; do
    rank=$(echo "$OUT" | awk -F'\t' -v d="$d" 'index($3, d) {print $1}')
    [ -n "$rank" ] && [ "$rank" -gt 3 ] && ok "--any: distractor $d found, below rank 3 ($rank)" \
        || not_ok "--any: distractor $d found, below rank 3" "rank: '$rank'"
done

# Query syntax.
is "title: field" "$(query -d "$DB" --no-collapse --format tsv 'title:"operation united front"' | cut -f3)" "$OUF"
is "NOT" "$(query -d "$DB" --no-collapse --count operation NOT united)" 6
is "-term is the same as NOT" "$(query -d "$DB" --no-collapse --count operation -united)" 6
run query -d "$DB" --no-collapse --format tsv operation -united
lacks "-term drops the reports" "$OUT" "united-front"
is "OR" "$(query -d "$DB" --no-collapse --format tsv cocaine OR hail | cut -f3 | sort | tr '\n' ' ')" \
    "corpus/crime/operation-clean-harbor.txt corpus/weather/cold-front-storms.txt.gz "
is "parentheses" "$(query -d "$DB" --no-collapse --count 'united NOT (front OR operation)')" 0
is "stemming: 'rescuing' finds 'rescued'" "$(query -d "$DB" --no-collapse --count rescuing)" 4
is "stemming: 'Rescuing', capitalised, too" "$(query -d "$DB" --no-collapse --count Rescuing)" 4
is "stemming: a quoted word is searched as written" \
    "$(query -d "$DB" --no-collapse --count '"rescuing"')" 0
is "title case ranks as lower case does" \
    "$(query -d "$DB" --format tsv Operation United Front)" \
    "$(query -d "$DB" --format tsv operation united front)"
is "wildcard" "$(query -d "$DB" --no-collapse --count 'traffick*')" 3
is "a .txt.gz article is searchable" "$(query -d "$DB" --no-collapse --format tsv hail | cut -f3)" \
    corpus/weather/cold-front-storms.txt.gz
is "a .md article is searchable" "$(query -d "$DB" --no-collapse --format tsv parking fees | cut -f3)" \
    corpus/local/council-parking-fees.md

# Paging: -n and --offset slice the same ranking.
all=$(query -d "$DB" --no-collapse --format tsv -n 6 --any operation united front | cut -f1,3)
page=$(query -d "$DB" --no-collapse --format tsv -n 3 --offset 2 --any operation united front | cut -f1,3)
is "--offset 2 -n 3 is ranks 3-5 of the full list" "$page" "$(echo "$all" | sed -n 3,5p)"
run query -d "$DB" --offset 10 united front
is "--offset past the last match: exit 1, as a page without hits" "$RC" 1
is "...saying how many there are, not printing nothing" "$OUT" "--offset 10 is past the 4 matching stories"
is "-n 2 gives 2 hits" "$(query -d "$DB" --no-collapse --format tsv -n 2 --any operation | wc -l)" 2

# --sort date: newest first, undated articles last.
is "--sort date orders by date, newest first" \
    "$(query -d "$DB" --no-collapse --format json --sort date --any weather storm | python3 -c '
import json, sys
dates = [json.loads(l)["date"] for l in sys.stdin]
known = [d[:10] for d in dates if d]
print(len(known) > 2 and known == sorted(known, reverse=True) and dates[-1] is None)')" True

# JSON Lines: valid, the documented keys, real field values.
run query -d "$DB" --format json -n 20 --any operation united front
is "json exits 0" "$RC" 0
is "json: every line parses, with the documented keys in order" "$(echo "$OUT" | python3 -c '
import json, sys
keys = ["rank","docid","score","id","path","title","date","url","site","author","lang","duplicates","similar","some_words","snippet","highlights"]
print(all(list(json.loads(l).keys()) == keys for l in sys.stdin))')" True
first=$(echo "$OUT" | head -1)
is "json: fields of the report" "$(echo "$first" | python3 -c '
import json, sys
h = json.loads(sys.stdin.read())
print(h["rank"], h["id"], h["date"], h["site"], h["url"])')" \
    "1 $OUF 2021-07-30 The Ledger https://ledger.example/2021/07/30/operation-united-front-human-trafficking"
is "json: highlights point at query words in the snippet" "$(echo "$first" | python3 -c '
import json, sys
h = json.loads(sys.stdin.read())
words = {h["snippet"][a:b].lower() for a, b in h["highlights"]}
print(len(h["highlights"]) > 0 and words <= {"operation", "united", "front", "operations"})')" True
is "json: a date with a time keeps it, in UTC" \
    "$(query -d "$DB" --format json blizzard | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["date"])')" \
    2021-02-02T06:15:00Z
is "json: an article without headers has null date, url and site" \
    "$(query -d "$DB" --format json beehive OR "community garden" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"], h["date"], h["url"], h["site"])')" "corpus/local/community-garden.txt None None None"

# The scraped shape: the title repeated on the next line is dropped.  Were it kept
# as body text, the end of the title and the first words of the body would be
# adjacent, and this phrase would match.
is "repeated title is not indexed as body text" \
    "$(query -d "$DB" --count '"trafficking sweep a coordinated crackdown"')" 0
is "...while the title itself is indexed" \
    "$(query -d "$DB" --count 'title:"trafficking sweep"')" 1

# ...and its comment-form trailer, with the "Related Posts" headlines (one of
# them mentions cocaine), is cut; --keep-boilerplate keeps it.
is "comment form is not indexed" "$(query -d "$DB" --count '"leave a reply" OR "related posts"')" 0
is "related headlines are not indexed" "$(query -d "$DB" --format tsv cocaine | cut -f3)" \
    corpus/crime/operation-clean-harbor.txt
run index -q -d "$TMP/kept" --keep-boilerplate corpus/crime
is "--keep-boilerplate indexes the trailer" \
    "$(query -d "$TMP/kept" --format tsv '"leave a reply"' | cut -f3)" "$OUF"

# Text output: title, date, site, path, snippet, and a footer.
run query -d "$DB" -n 1 '"Operation United Front"'
has "text: rank and title" "$OUT" "1. Operation United Front: 102 Arrested, 47 Rescued in 12-State Trafficking Sweep"
has "text: date, site and path" "$OUT" "2021-07-30  The Ledger  $OUF"
has "text: footer, exact when every match was looked at" "$OUT" "1-1 of 1 matching story"
lacks "text: no colour codes when not a terminal" "$OUT" $'\033'
run query -d "$DB" -n 1 --color always '"Operation United Front"'
has "text: --color always highlights the phrase" "$OUT" $'\033[1;31mOperation United Front\033[0m'

# TSV: four columns, no header.
run query -d "$DB" --format tsv --any operation united front
is "tsv: every row has 4 fields" "$(echo "$OUT" | awk -F'\t' 'NF != 4' | wc -l)" 0

# Exit codes.
run query -d "$DB" xyzzyplugh
is "no hit exits 1" "$RC" 1
is "no hit prints nothing" "$OUT" ""
run query -d "$DB" --count xyzzyplugh
is "--count with no hit prints 0 and exits 1" "$RC:$OUT" "1:0"
run query -d "$DB" 'united AND'
is "syntax error exits 2" "$RC" 2
has "syntax error says what is wrong" "$ERR" "bad query"
has "...and what to do: an operand on each side, or the word in small letters" "$ERR" \
    "bad query: AND needs a word, a phrase or a group in parentheses on each side, as in 'storm AND flood'; to search for the word 'and', type it in small letters"
run query -d "$DB" 'OR OR united'
has "...for each operator" "$RC:$ERR" "2:trawl-query: bad query: OR needs a word"
run query -d "$DB" 'united NOT'
has "...NOT a word after it alone" "$RC:$ERR" \
    "2:trawl-query: bad query: NOT needs a word, a phrase or a group in parentheses after it, as in 'storm NOT flood' or 'NOT flood'"
# A window that is not a number was read as the words "near" and "x":
# nothing found, exit 1, without a word of why.
run query -d "$DB" 'united NEAR/x front'
has "NEAR/ without a number: exit 2, saying what a window is" "$RC:$ERR" \
    "2:trawl-query: bad query: NEAR/x: the window after NEAR/ is a number of words, as in 'oil NEAR/3 gulf'"
run query -d "$DB" --count 'united NEAR/2 front' '"ADJ/x"'
is "...NEAR/2 and a quoted ADJ/x are no error" "$RC" 1
run query -d "$TMP/missing" united
is "missing index exits 2" "$RC" 2
has "missing index tells the user to run trawl-index" "$ERR" "trawl-index -d $TMP/missing"
run query -d "$DB" --frobnicate united
is "unknown option exits 2" "$RC" 2
has "unknown option prints usage hint" "$ERR" "Try 'trawl-query --help'"
run query -d "$DB"
is "no query exits 2" "$RC" 2
run query --help
is "--help exits 0" "$RC" 0
has "--help shows usage" "$OUT" "Usage: trawl-query"
run query --version
has "--version" "$OUT" "trawl-query (trawl) "
if [ -w /dev/full ]; then
    for tool in trawl-query trawl-index; do
        for opt in --help --version; do
            "$BIN/$tool" $opt > /dev/full 2> "$TMP/full.err"
            is "$tool $opt to a full disk: exit 2, as other output" "$?" 2
            is "...saying so" "$(cat "$TMP/full.err")" \
                "$tool: cannot write to standard output: No space left on device"
        done
    done
else
    skip "--help and --version to a full disk" "no writable /dev/full"
fi

# The index location falls back to $TRAWL_DB.
is "TRAWL_DB picks the index" "$(TRAWL_DB=$DB "$BIN/trawl-query" --count hail)" 1

# Statistics.
run query -d "$DB" --stats --format json
is "--stats json: documents" "$(echo "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["documents"], d["schema"], d["stemmer"])')" \
    "48 13 auto"
run query -d "$DB" --stats
has "--stats text: documents" "$OUT" "documents   48"
# Words after --stats were ignored: each is counted, as --count
# --no-collapse counts it (hail: one article; its other forms too).
run query -d "$DB" --stats hail '"united front"' zzqxv
is "--stats WORDS: each word's articles after the description" \
    "$(printf '%s\n' "$OUT" | tail -3)" \
    "$(printf 'articles    %s\n' "$(query -d "$DB" --count --no-collapse hail) hail" \
       "$(query -d "$DB" --count --no-collapse '"united front"') \"united front\"" "0 zzqxv")"
is "...exit 0" "$RC" 0
is "--stats WORDS json: a words object" \
    "$(query -d "$DB" --stats --format json hail zzqxv | python3 -c 'import json,sys; print(json.load(sys.stdin)["words"])')" \
    "{'hail': 1, 'zzqxv': 0}"
# A word given twice named one key twice in the JSON object, which many
# readers refuse or read as the last: it is counted once, in text too.
run query -d "$DB" --stats --format json hail zzqxv hail
is "--stats a word twice, json: one key for it" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
pairs = json.loads(sys.stdin.read(), object_pairs_hook=lambda p: p)
print([k for k, v in dict(pairs)["words"]])')" "['hail', 'zzqxv']"
run query -d "$DB" --stats hail hail
is "--stats a word twice, text: one line for it" "$(printf '%s\n' "$OUT" | grep -c '^articles ')" 1
run query -d "$DB" --stats hail '('
is "--stats with a word the syntax refuses: exit 2" "$RC" 2
has "...saying why" "$ERR" "bad query"

# Indexing the same files again changes nothing.
run index -d "$DB" corpus
is "re-index exits 0" "$RC" 0
is "re-index keeps 48 documents" \
    "$(index_stat "$DB" documents)" 48
is "re-index: phrase still 3 hits" "$(query -d "$DB" --no-collapse --count '"operation united front"')" 3

# --full rebuilds from nothing: a smaller set leaves only those articles.
run index -d "$DB" --full corpus/weather
is "--full rebuild exits 0" "$RC" 0
is "--full keeps only what it indexed" \
    "$(index_stat "$DB" documents)" 4

# Stems are remembered in a table of a few thousand slots (stem_cache_xapian.h):
# an article of 30,000 distinct words makes words take each other's slots
# over, and every word must still be indexed under its own stem.
mkdir -p "$TMP/vocab"
python3 - "$TMP/vocab/list.txt" <<'PY'
import itertools, sys
c, v = "bdfgklmnprstvz", "aeiou"
words = ["".join(w) for w in itertools.product(c, v, c, v, c)][:30000]
with open(sys.argv[1], "w") as f:
    f.write("A long list of words\n\n")
    for i in range(0, len(words), 10):
        f.write(" ".join(w + "ing" for w in words[i:i + 10]) + ".\n")
PY
run index -d "$TMP/vocab-db" "$TMP/vocab"
is "30,000-word article indexed" "$RC" 0
for w in babab fafuk gumov lirat zuzuz; do
    case $w in zuzuz) want=0 ;; *) want=1 ;; esac
    is "word '${w}ed' found by its stem ($want)" \
        "$(query -d "$TMP/vocab-db" --all --count "${w}ed")" "$want"
done

# A hit is shown from the fields kept in a value slot of its own (schema.h,
# TW_SLOT_SHOWN), not from the record, which glass may compress whole and
# would inflate, body and all, for a title.  Every article has the slot; an
# index written before it (the slot taken out here) shows the same hits.
GEN=$DB/$(sed -n 's/^glass //p' "$DB/XAPIANDB")
is "every article holds the shown fields in their slot" "$("$BIN/tests/slot" "$GEN" 9)" \
    "$(index_stat "$DB" documents)"
shown() {
    query -d "$DB" --format tsv -n 50 --fields rank,id,path,title,date,url,site,author --any united front storm
    query -d "$DB" --format json -n 5 --any united front storm
}
before=$(shown)
is "the slot taken out of every article" "$("$BIN/tests/slot" "$GEN" 9 --drop)" 0
is "without the slot (an older index) the hits are shown the same, from the record" "$(shown)" "$before"

# The README's first command ends in scripts/demo: it must run to the end.
run sh "$TOP/scripts/demo" "$BIN"
is "the demo runs to the end (exit 0)" "$RC" 0
has "the demo shows the typo's correction and its exit status" "$OUT" \
    "(exit status 1: no article has the words as typed)"
