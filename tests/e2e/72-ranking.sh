#!/bin/bash
# What trawl adds to BM25 (query/ranking_xapian.cc), each on articles made so
# that plain BM25 ranks them the other way: the bonus for query words near
# each other, and the second ranking from the words the first hits share.
# --bm25-only turns both off, which is how each test knows it is live.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/near" "$TMP/topic"

# words N SEED: N made-up words on one line (each article its own, so that
# no two are near-copies and none is folded into another).
words() { unknown_words "$1" "$2" | tr '\n' ' '; }
# lorem N: a word every article has, N times: it weighs nothing.
lorem() { printf 'lorem %.0s' $(seq "$1"); }

# Nearness: the same words, as often, in articles of the same length; in one
# the two query words stand together, in the other 100 words apart.  The far
# one comes first in a tie (ties_xapian.h: by the hash of its record and
# text, whose ids are relative here, so that the order does not depend on
# where the test runs), so that nearness, not the order of ties, puts the
# near one first.
far=near/1-far.txt near=near/2-near.txt
printf 'Note\n\nalpha %s omega %s\n' "$(lorem 100)" "$(words 10 11)" > "$TMP/$far"
printf 'Note\n\nalpha omega %s %s\n' "$(lorem 100)" "$(words 10 12)" > "$TMP/$near"
(cd "$TMP" && index -q -j 1 -d near.db near)
first() { query -d "$1" --no-collapse --format tsv --fields id "${@:2}" | head -1; }
scores() { query -d "$1" --no-collapse --format tsv --fields score "${@:2}" | sort -u | wc -l; }
is "nearness: the words together rank first" "$(first "$TMP/near.db" alpha omega)" "$near"
is "nearness: the same with any word matching" "$(first "$TMP/near.db" --any alpha omega)" "$near"
is "nearness: --bm25-only scores both the same" "$(scores "$TMP/near.db" --bm25-only alpha omega)" 1
is "nearness: --bm25-only leaves the tie, the far one first" \
    "$(first "$TMP/near.db" --bm25-only alpha omega)" "$far"
is "nearness: not for a phrase, whose words must be together anyway" \
    "$(scores "$TMP/near.db" '"alpha omega"')" 1
is "nearness: not for a single word" "$(scores "$TMP/near.db" alpha)" 1

# Feedback: 59 articles have 'harvest'.  Eight short ones are about coffee
# (arabica, robusta, roasters), fifty about wheat; the target is about coffee
# too, but says 'harvest' once in a longer text, so BM25 puts it last.  The
# first hits share the coffee words, and the second ranking lifts it.
for i in $(seq 8); do
    printf 'Note\n\nharvest harvest arabica arabica robusta robusta roasters roasters %s %s\n' \
        "$(lorem 10)" "$(words 10 $((100 + i)))" > "$TMP/topic/coffee$i.txt"
done
for i in $(seq 50); do
    printf 'Note\n\nharvest harvest wheat wheat combine combine %s %s\n' \
        "$(lorem 20)" "$(words 10 $((200 + i)))" > "$TMP/topic/wheat$i.txt"
done
target=$TMP/topic/target.txt
printf 'Note\n\nharvest arabica arabica robusta robusta roasters roasters %s %s\n' \
    "$(lorem 50)" "$(words 10 300)" > "$target"
index -q -d "$TMP/topic.db" "$TMP/topic"
rank() {
    query -d "$TMP/topic.db" --no-collapse --format tsv --fields rank,id -n 100 "$@" |
        awk -F'\t' -v t="$target" '$2 == t { print $1 }'
}
is "feedback: BM25 alone ranks the target last" "$(rank --bm25-only harvest)" 59
r=$(rank harvest)
if [ -n "$r" ] && [ "$r" -le 10 ]; then
    ok "feedback: the words the first hits share lift it into the first page (rank $r)"
else
    not_ok "feedback: the words the first hits share lift it into the first page" "got rank: $r"
fi
is "feedback: the matches are the same" "$(query -d "$TMP/topic.db" --count harvest)" 59
footer() { query -d "$TMP/topic.db" --no-collapse --color never "$@" harvest | tail -1; }
is "feedback: so is the total shown" "$(footer)" "1-10 of 59 matching articles"
is "feedback: and on a later page" "$(footer --offset 50)" "51-59 of 59 matching articles"
is "feedback: not when sorting by date" \
    "$(query -d "$TMP/topic.db" --no-collapse --sort date --format tsv -n 100 harvest)" \
    "$(query -d "$TMP/topic.db" --no-collapse --sort date --format tsv -n 100 --bm25-only harvest)"
# Feedback reads the first hits' topic words from the value the indexer
# keeps with each article (schema.h, TW_SLOT_TOPIC), not from their term
# lists; an index written before the value (taken out here) reads the term
# lists, and ranks the same.  It reads the eight coffee articles: the fifty
# about wheat tie from the ninth place on, too many to read them all, and
# which of them come first is only the order they were indexed in.
probe() { "$BIN/tests/search_probe" "$TMP/topic.db" harvest | awk '{ print $4, $5 }'; }
is "feedback: the eight hits' topic words read from their values, no term list" "$(probe)" "8 0"
ranking() { query -d "$TMP/topic.db" --format tsv --fields id,score -n 59 harvest; }
before=$(ranking)
gen=$TMP/topic.db/$(sed -n 's/^glass //p' "$TMP/topic.db/XAPIANDB")
is "feedback: the topic words taken out of every article" "$("$BIN/tests/slot" "$gen" 10 --drop)" 0
is "feedback: without them, the eight term lists are read" "$(probe)" "0 8"
is "feedback: and the ranking is the same" "$(ranking)" "$before"
# A search that matches few articles asks for those, and is left as BM25
# ranks it: 'arabica' is in nine.
is "feedback: not for a search with few matches" \
    "$(query -d "$TMP/topic.db" --no-collapse --format tsv arabica)" \
    "$(query -d "$TMP/topic.db" --no-collapse --format tsv --bm25-only arabica)"

# Feedback ranks the first 300 hits again (TW_FEEDBACK_POOL) and leaves the
# rest in BM25's order: the pages must still fit together, each hit once,
# on either side of the pool's end.  340 articles have 'harvest'; one in
# four has two words twice where the others have 'lorem', and is shorter, so
# that the first hits are of that quarter (whatever order the parallel build
# gives ties) and feedback lifts the rest of it above the others.
mkdir -p "$TMP/pages"
for i in $(seq 340); do
    if [ $((i % 4)) -eq 0 ]; then
        shared='arabica arabica robusta robusta' more=$((i % 37 / 4))
    else
        shared=$(lorem 4) more=$((i % 37))
    fi
    printf 'Note\n\nharvest harvest %s %s %s\n' "$shared" "$(lorem "$more")" \
        "$(words 6 $((1000 + i)))" > "$TMP/pages/a$i.txt"
done
index -q -d "$TMP/pages.db" "$TMP/pages"
ids() { query -d "$TMP/pages.db" --no-collapse --format tsv --fields id "$@" harvest; }
ids -n 400 > "$TMP/pages-all"
: > "$TMP/pages-paged"
for offset in $(seq 0 10 340); do
    ids -n 10 --offset "$offset" >> "$TMP/pages-paged"
done
is "feedback pool: 340 hits" "$(wc -l < "$TMP/pages-all")" 340
is "feedback pool: pages of 10 give the same hits in the same order as one list" \
    "$(cmp -s "$TMP/pages-all" "$TMP/pages-paged" && echo same)" same
is "feedback pool: each once" "$(sort -u "$TMP/pages-paged" | wc -l)" 340
if [ "$(ids -n 300)" != "$(ids -n 300 --bm25-only)" ]; then
    ok "feedback pool: feedback did reorder them"
else
    not_ok "feedback pool: feedback did reorder them" "the same order as --bm25-only"
fi
is "feedback pool: past the pool, BM25's order" "$(ids -n 40 --offset 300)" \
    "$(ids -n 40 --offset 300 --bm25-only)"

# Hits of equal score come in the order their articles were indexed, which a
# parallel build or a split into shards changes; the ranking must not.  Each
# article below is built twice, its groups indexed in the order a then b and
# then b then a, and every article must score the same in both.
#   The hits feedback reads: four articles say 'harvest' twice; twelve, of
# the same length, once, so that they tie from the fifth place to the
# sixteenth; six of those are about harbours, six about rain, and the first
# ten hits would hold all of one group and none of the other.  Forty longer
# ones come after them.
#   The pool: 295 articles say 'harvest' twice and 'arabica' twice; ten,
# 'harvest' once and 'arabica' twice, tie from the 296th place to the 305th
# across the pool's end, and would be lifted by the bonus for 'arabica' in
# the pool and not past it.
tied_corpus() {
    local dir=$1 top=$2 shared=$3 i
    mkdir -p "$dir/first" "$dir/a" "$dir/b"
    for i in $(seq "$top"); do
        printf 'Note\n\nharvest harvest %s %s %s\n' "$shared" "$(lorem 4)" \
            "$(words 10 $((5000 + i)))" > "$dir/first/top$i.txt"
    done
    for i in $(seq 40); do
        printf 'Note\n\nharvest %s %s\n' "$(lorem 30)" "$(words 10 $((6000 + i)))" \
            > "$dir/first/long$i.txt"
    done
}
tied_builds() {
    local dir=$1
    index -q -j 1 -d "$dir/ab.db" "$dir/first" && index -q -j 1 -d "$dir/ab.db" "$dir/a" &&
        index -q -j 1 -d "$dir/ab.db" "$dir/b"
    index -q -j 1 -d "$dir/ba.db" "$dir/first" && index -q -j 1 -d "$dir/ba.db" "$dir/b" &&
        index -q -j 1 -d "$dir/ba.db" "$dir/a"
}
tied_scores() {
    query -d "$1" --no-collapse --format tsv --fields id,score -n 400 harvest | sed "s#$2/##" | sort
}
# tied_differ DIR: the first lines where DIR's two builds score differently
tied_differ() {
    diff <(tied_scores "$1/ab.db" "$1") <(tied_scores "$1/ba.db" "$1") | grep '^[<>]' | head -4
}
# tied_group FOLDER NAME N SEED WORDS: N articles that say 'harvest' once and
# WORDS, all of the same length.
tied_group() {
    local i
    for i in $(seq "$3"); do
        printf 'Note\n\nharvest %s %s %s\n' "$5" "$(lorem $((7 - $(wc -w <<< "$5"))))" \
            "$(words 10 $(($4 + i)))" > "$1/$2$i.txt"
    done
}
# scores_from DIR FROM TO: how many scores BM25 gives hits FROM to TO of DIR's a-then-b build
scores_from() {
    query -d "$1/ab.db" --no-collapse --bm25-only --format tsv --fields score -n "$3" harvest |
        sed -n "$2,$3p" | sort -u | wc -l
}
tied_corpus "$TMP/read" 4 'lorem lorem lorem lorem'
tied_group "$TMP/read/a" harbour 6 7000 'harbour harbour quay quay'
tied_group "$TMP/read/b" rain 6 7100 'rainfall rainfall monsoon monsoon'
tied_builds "$TMP/read"
is "ties: the twelve tie in BM25 (5th to 16th)" "$(scores_from "$TMP/read" 5 16)" 1
is "ties: the hits feedback reads take a tie at the edge whole, whatever the order" \
    "$(tied_differ "$TMP/read")" ""
tied_corpus "$TMP/pool" 295 'arabica arabica'
tied_group "$TMP/pool/a" late 5 8000 'arabica arabica'
tied_group "$TMP/pool/b" late 5 8100 'arabica arabica'
tied_builds "$TMP/pool"
is "ties: ten tie in BM25 across the pool's end (296th to 305th)" "$(scores_from "$TMP/pool" 296 305)" 1
is "ties: the pool leaves a tie at its end out whole, whatever the order" \
    "$(tied_differ "$TMP/pool")" ""

# Pages agree: a page of ten hits is the first ten of a page of a thousand.
# Xapian 1.4.22's matcher, once the page's lowest score passes what either
# side of an OR could add alone, turns the OR into an AND and moves past a
# document both sides hold (query/match_ready_xapian.h); an OR small enough
# to count is matched whole.  Made-up news: words that are in the news for
# a stretch of the collection, some often, some rarely; any-word queries of
# the words of one article (query 76, 'w185 w072 w115 w298', lost its 10th
# hit, 9.88, at -n 10 before).
mkdir -p "$TMP/pages/news"
python3 - "$TMP/pages" <<'PY'
import json, random, sys
rng = random.Random(17)
n, words = 4000, ["w%03d" % i for i in range(400)]
life = {w: (rng.randrange(n), rng.randrange(200, n), rng.uniform(0.02, 0.3)) for w in words}
docs = []
with open(sys.argv[1] + "/news/a.jsonl", "w") as out:
    for d in range(n):
        length = rng.randrange(30, 400)
        body = []
        for w in words:
            start, span, often = life[w]
            if start <= d < start + span and rng.random() < often:
                body += [w] * rng.choice((1, 1, 1, 2, 3, 5))
        docs.append(sorted(set(body)))
        body += ["filler"] * max(0, length - len(body))
        rng.shuffle(body)
        out.write(json.dumps({"id": "a%04d" % d, "title": "x", "body": " ".join(body)}) + "\n")
rng = random.Random(1)
with open(sys.argv[1] + "/queries", "w") as out:
    for i in range(100):
        ws = docs[rng.randrange(len(docs))]
        if len(ws) >= 2:
            out.write(" ".join(rng.sample(ws, min(len(ws), rng.choice((2, 3, 3, 4))))) + "\n")
PY
index -q -j 1 -d "$TMP/pages/db" "$TMP/pages/news"
top() { query -d "$TMP/pages/db" --no-collapse --any --bm25-only --format tsv --fields score "$@"; }
differ=0
while read -r words; do
    # shellcheck disable=SC2086
    [ "$(top -n 10 -- $words)" = "$(top -n 1000 -- $words | head -10)" ] || differ=$((differ + 1))
done < "$TMP/pages/queries"
is "pages: -n 10 is the first ten of -n 1000 for 100 any-word queries" "$differ" 0
