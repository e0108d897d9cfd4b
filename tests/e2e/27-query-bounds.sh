#!/bin/bash
# End to end: what a query may cost and what numbers it may print (issue 13).
# The did-you-mean looks up at most 8 words (TW_SUGGEST_MAX_WORDS, documented
# in trawl-query(1)), so 10,000 unknown words answer at once instead of after
# minutes; --bm25 takes only parameters that keep the scores numbers.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
cd "$TOP"
index -q -d "$DB" corpus

# Nine misspelt words, each of which the suggestion corrects on its own.
typos=(wildfre satelite hospitl museim orchestr tuitin smartphne bakry libary)
fixed="wildfire satellite hospital museum orchestra tuition smartphone bakery library"

# Eight words looked up: all eight corrected (no article has them all: the
# articles with any of them are shown).
run query -d "$DB" --format json "${typos[@]:0:8}"
is "8 misspelt words: exit 1, no article has them all" "$RC" 1
is "8 misspelt words: all corrected" "$(head -1 <<< "$OUT")" \
    "{\"suggestion\":\"${fixed% library}\",\"used\":true}"
# The ninth is past the limit: left as typed.
run query -d "$DB" --format json "${typos[@]}"
is "9 misspelt words: exit 1" "$RC" 1
is "9 misspelt words: the first 8 corrected, the 9th left as typed" "$(head -1 <<< "$OUT")" \
    "{\"suggestion\":\"${fixed% library} libary\",\"used\":true}"

# 10,000 words no article has (consonants only), a typo first and one last.
# The old code looked each up in the whole vocabulary and ran an any-word
# search whose cost grew with the square of the words.
unknown_words 9998 13 > "$TMP/words"
is "10,000 words: 9,998 made" "$(wc -l < "$TMP/words")" 9998
mapfile -t words < "$TMP/words"
run timeout 60 "$BIN/trawl-query" -d "$DB" --format json wildfre "${words[@]}" satelite
is "10,000 unknown words: answered (exit 1, not killed after 60 s)" "$RC" 1
is "10,000 unknown words: the hits of the corrected words" \
    "$(printf '%s\n' "$OUT" | sed -n 2p; printf '%s\n' "$OUT" | sed -n 3p | cut -d, -f4)" \
    "{\"relaxed\":true}
\"id\":\"corpus/environment/wildfire.txt\""
suggestion=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
s = json.loads(sys.stdin.readline())["suggestion"].split()
print(len(s), s[0], s[-1])')
is "10,000 unknown words: the first typo corrected, the last past the limit left" \
    "$suggestion" "10000 wildfire satelite"

# Any-word search over the same words plus one that is indexed: the unknown
# words are dropped before Xapian's OR sees them, which changes no result.
run timeout 60 "$BIN/trawl-query" -d "$DB" --any --no-collapse --format tsv wildfire "${words[@]}"
is "--any with 9,999 unknown words: exit 0" "$RC" 0
is "--any with 9,999 unknown words: the same hits as the one word alone" \
    "$(printf '%s\n' "$OUT" | cut -f1,3)" \
    "$(query -d "$DB" --any --no-collapse --format tsv wildfire | cut -f1,3)"

# One word typed 20,000 times: the parser keeps the words typed for a stem
# as a list with one per time it was typed, and each copy walked it twice
# (the words in each language, the nearness bonus): 41 s for 10,000 copies.
# A term is looked at once however often it is typed.
mapfile -t copies < <(yes wildfire | head -20000)
run timeout 60 "$BIN/trawl-query" -d "$DB" --no-collapse --format tsv "${copies[@]}"
is "one word typed 20,000 times: answered (exit 0, not killed after 60 s)" "$RC" 0
is "...the same hits as the word once" "$(printf '%s\n' "$OUT" | cut -f1,3)" \
    "$(query -d "$DB" --no-collapse --format tsv wildfire | cut -f1,3)"

# --bm25: non-finite or absurd parameters are refused (inf made every score
# -nan in the JSON, 1e308 inf), saying what is allowed.
for bad in inf,0.5 1e308 nan 1001 2,nan 2,inf 2,1.5 0,0.5; do
    run query -d "$DB" --format json --bm25 "$bad" wildfire
    is "--bm25 $bad: exit 2" "$RC" 2
    has "--bm25 $bad: says what is allowed" "$ERR" \
        "--bm25 wants K1,B with K1 above 0 and at most 1000, and B above 0 and at most 1"
    is "--bm25 $bad: prints nothing" "$OUT" ""
done
# The bounds themselves rank, and every line stays JSON with a numeric score.
run query -d "$DB" --format json --bm25 1000,1 --any wildfire satellite
is "--bm25 1000,1: exit 0" "$RC" 0
is "--bm25 1000,1: every line is JSON with a finite score" "$(printf '%s\n' "$OUT" | python3 -c '
import json, math, sys
lines = [json.loads(l, parse_constant=lambda c: float("nan")) for l in sys.stdin]
print(len(lines) > 1 and all(math.isfinite(l["score"]) for l in lines))')" True

# Parentheses nested 15,000 deep: each level is a level of the parsed query,
# which the search walks by recursion, and the stack overflowed (a crash,
# signal 11).  Past TRAWL_QUERY_MAX_NESTING (256) it is a bad query, exit 2;
# 256 levels are searched.
nested() {
    python3 -c '
import sys
n = int(sys.argv[1])
print("\n".join(["(fire AND" if i % 2 else "(smoke OR" for i in range(n)] + ["wildfire"] + [")"] * n))' "$1"
}
mapfile -t deep < <(nested 15000)
run timeout 60 "$BIN/trawl-query" -d "$DB" --format tsv -- "${deep[@]}"
is "15,000 nested parentheses: exit 2, no crash" "$RC" 2
has "15,000 nested parentheses: says how deep, and the limit" "$ERR" \
    "bad query: its parentheses nest 15000 deep; at most 256 levels are searched"
mapfile -t deep < <(nested 256)
run query -d "$DB" --format tsv --fields id -- "${deep[@]}"
is "256 nested parentheses: searched (exit 0)" "$RC" 0
# In a phrase, a parenthesis is no nesting.
run query -d "$DB" --count "\"$(printf '(%.0s' $(seq 300)) wildfire\""
is "300 parentheses inside a phrase: searched" "$RC" 0

# A quoted phrase of 2,000 words over an article of 200,000 words, all of
# them the phrase's word: choosing the snippet checked every slot of the
# phrase at every place for every match, the square of the phrase's length
# per match (over 120 s; over 10 minutes for 10,000 words over 2.8 million).  Sets
# of slots stepped through the matches make it a few words of bits each.
mkdir -p "$TMP/grebes"
python3 -c 'print("Grebe census\n\n" + "grebe " * 200000 + "\n\nThe lake had ducks too.")' \
    > "$TMP/grebes/census.txt"
index -q -d "$TMP/grebes.db" "$TMP/grebes"
phrase=$(python3 -c 'print("\"" + " ".join(["grebe"] * 2000) + "\"")')
run timeout 60 "$BIN/trawl-query" -d "$TMP/grebes.db" --format json "$phrase"
is "a phrase of 2,000 words over 200,000 matches: answered (exit 0, not killed after 60 s)" \
    "$RC" 0
is "...its hit, with a snippet of the phrase's word" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"].rsplit("/", 1)[1], h["snippet"].split()[0])')" "census.txt grebe"
# A phrase the snippet holds whole lights each of its words there.
run query -d "$TMP/grebes.db" --format json '"grebe grebe grebe"'
is "a phrase of 3 of the same word: every word of the snippet lit" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(len(h["highlights"]) == len(h["snippet"].rstrip("\u2026").split()) > 10)')" True

# A wildcard that stands for 50,000 words, all in one article (a word list,
# a dump of ids): Xapian 1.4.22 matches a wildcard in a time that grows with
# the square of how many of its words one article holds (four minutes for
# 100,000).  It is searched as its 10,000 most frequent words
# (TRAWL_WILDCARD_MAX), and the reader is told; a wildcard of fewer words
# is searched whole, without a word about it.
mkdir -p "$TMP/wordlist"
python3 -c '
import random
r = random.Random(7)
words = set()
while len(words) < 50000:
    words.add("wq" + "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)))
print("Word list\n\n" + " ".join(sorted(words)))' > "$TMP/wordlist/words.txt"
printf 'Harbour notes\n\nThe wqzzzzzz buoy was moved.\n' > "$TMP/wordlist/harbour.txt"
index -q -d "$TMP/wordlist.db" "$TMP/wordlist"
run timeout 60 "$BIN/trawl-query" -d "$TMP/wordlist.db" --format tsv --fields id 'wq*'
is "wq*, 50,000 words in one article: answered (exit 0, not killed after 60 s)" "$RC" 0
has "...the word list among its hits" "$OUT" "words.txt"
has "...told that it searched the 10,000 most frequent words" "$ERR" \
    "trawl-query: wq* stands for more than 10000 words; searched for the 10000 most frequent"
run query -d "$TMP/wordlist.db" --format json -n 1 'title:word wq*'
is "...and in JSON, a line before the hits" "$(head -1 <<< "$OUT")" \
    '{"broad_wildcard":"wq*","words_searched":10000}'
# Inside quotes too, where the words it stands for are the phrase's
# (Xapian 1.4 expands no wildcard there itself): the same bound, and the
# reader told in text and JSON, over one index and over two.
run timeout 60 "$BIN/trawl-query" -d "$TMP/wordlist.db" --format tsv --fields id '"the wq* buoy"'
is "\"the wq* buoy\": answered (not exit 2, not killed after 60 s)" "$([ "$RC" -le 1 ] && echo yes)" yes
has "...told that it searched the 10,000 most frequent words" "$ERR" \
    "trawl-query: wq* stands for more than 10000 words; searched for the 10000 most frequent"
for dbs in "-d $TMP/wordlist.db" "-d $TMP/wordlist.db -d $TMP/grebes.db"; do
    run query $dbs --format json -n 1 '"the wq* buoy"'
    is "...and in JSON, a line of its own ($(wc -w <<< "$dbs" | awk '{print $1 / 2}') index(es))" \
        "$(grep broad <<< "$OUT")" '{"broad_wildcard":"wq*","words_searched":10000}'
done
run query -d "$TMP/wordlist.db" --format tsv --fields id '"the wqz* buoy"'
is "\"the wqz* buoy\", about 1,900 words: the article that has the phrase" \
    "$(sed 's#.*/##' <<< "$OUT")" "harbour.txt"
lacks "...and no word of a cut" "$ERR" "stands for more"
run query -d "$TMP/wordlist.db" --format tsv --fields id 'wqz*'
is "wqz*, about 1,900 words: the two articles that have one" \
    "$(sed 's#.*/##' <<< "$OUT" | sort | paste -sd' ')" "harbour.txt words.txt"
lacks "...and no word of a cut" "$ERR" "stands for more"

# Wildcards in one query: each stands for up to 10,000 words whose postings
# the match holds together, and nothing bounded how many a query held (32
# quoted "s*" took half a minute and 230 MB over Reuters, 2,000 past
# 3.5 GB).  Past TRAWL_QUERY_MAX_WILDCARDS (16), quoted or not, the query is
# refused before any is expanded; 16 are searched.  (No file name globs.)
set -f
seventeen=$(printf '"wq*" %.0s' $(seq 9); printf 'wq* %.0s' $(seq 8))
run timeout 60 "$BIN/trawl-query" -d "$TMP/wordlist.db" --count -- $seventeen
is "17 wildcards (9 quoted, 8 not): exit 2, at once" "$RC" 2
has "...says how many, the limit, and what to do" "$ERR" \
    "it holds 17 wildcards; at most 16 are searched in one query (each stands for up to 10000 words): drop some"
sixteen=$(printf '"wqz*" %.0s' $(seq 8); printf 'wqz* %.0s' $(seq 8))
run timeout 60 "$BIN/trawl-query" -d "$TMP/wordlist.db" --format tsv --fields id -- $sixteen
is "16 wildcards: searched, the articles each finds alone" \
    "$(sed 's#.*/##' <<< "$OUT" | sort | paste -sd' ')" "harbour.txt words.txt"
set +f
