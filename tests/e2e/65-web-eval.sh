#!/bin/bash
# The extraction gate (issue 14): on web-eval's 884 real pages, the articles
# trawl-index --extract finds are scored by bench/web_eval.py as trafilatura's
# evaluate.py scores extractors, and F1 must not fall below the floor.  The
# scorer is checked first on a case worked out by hand, and the gate is shown
# to fail on the output of a crippled extractor.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"

# The floor, kept here only: a little under the F1 that extraction reaches
# now, so that a change that makes it worse fails make check.  0.945, a
# little under the 0.952 reached with calls to a site's channels under the
# story left out and leads named so or in the headline's box taken
# (session 39; 0.938 under the 0.948 reached with bold lead-ins, "cta" and "legend"
# blocks and copyright credits left out, glyphs not taken for pictures and
# sentences whose link runs to their end kept (0.945 with captions under
# other names left out, session 33; 0.941 with the lead in a heading, captions left out and
# recipes' ingredients; 0.932 with the lead, forms and
# <noscript>; the scored blocks alone gave 0.912, the largest <article>,
# else <main>, else <body> 0.786)).  Raise it as extraction improves,
# keeping it a little under what is reached (not at it: a fix elsewhere may
# move a page or two either way).
F1_FLOOR=0.945
# The language gate (issue 18): trawl's detection (CLD2, tests/helpers/
# detect_lang) names the language each page declares for 0.965 of the 835
# pages that declare one (2026-12-02; libexttextcat 0.958, and on the first
# 200 characters 0.959 against 0.810: bench/RESULTS.md).  A little under it.
LANG_FLOOR=0.95

# --- the scorer, on two pages worked out by hand (needs no shared data) ----
FAKE=$TMP/fake
mkdir -p "$FAKE"
cat > "$FAKE/segments.json" <<'EOF'
{"https://a.example/1": {"file": "a.html", "with": ["Alpha  beta", "gamma", "Title words"], "without": ["menu item"],
                          "title": "Title  WORDS", "date": "2021-06-17", "author": ["Jane Doe", "Li Wei"]},
 "https://b.example/2": {"file": "b.html", "with": ["delta"], "without": ["footer"], "title": "Delta"}}
EOF
# Page a: "Alpha beta" found once white space is folded, "gamma" missing, the
# title found in the title, "menu item" kept.  Page b has no article: its
# "with" is missed, its "without" rightly absent.  tp 2 fp 1 fn 2 tn 1.
printf '%s\n' '{"id":"pages/a.html.gz","title":"Title words","date":"2021-06-17T22:30:00Z","author":"jane doe, Li Wei","body":"Alpha\n\t beta and more, menu item"}' \
    > "$FAKE/articles.jsonl"
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl"
has "scorer: counts by hand" "$OUT" "tp 2 fp 1 fn 2 tn 1"
has "scorer: precision 2/3, recall 2/4, F1 4/7, accuracy 3/6" "$OUT" \
    "precision 0.667 recall 0.500 F1 0.571 accuracy 0.500"
# --meta: page a's title, day and authors are right whatever their case and
# spaces; page b names a title and gave no article.
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl" --meta
has "scorer --meta: titles" "$OUT" "web-eval meta: title 1 of 2 right (0.500)"
has "scorer --meta: dates by the day" "$OUT" "web-eval meta: date 1 of 1 right (1.000)"
has "scorer --meta: authors, a list joined" "$OUT" "web-eval meta: author 1 of 1 right (1.000)"
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl" --meta-misses title
has "scorer --meta-misses: the page that is wrong" "$OUT" "b.html: want 'Delta', got ''"
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl" --body-only
has "scorer --body-only: the title is not searched" "$OUT" "tp 1 fp 1 fn 3 tn 1"
# --fold: a.html's CRC-32 is 900123584 (even), c.html's 2020502219 (odd);
# each fold scores its own page alone.
FOLDS=$TMP/folds
mkdir -p "$FOLDS"
cat > "$FOLDS/segments.json" <<'EOF'
{"https://a.example/1": {"file": "a.html", "with": ["alpha"], "without": [], "title": "A"},
 "https://c.example/3": {"file": "c.html", "with": ["gamma", "delta"], "without": [], "title": "C"}}
EOF
printf '%s\n' '{"id":"pages/a.html.gz","title":"A","body":"alpha"}' \
    '{"id":"pages/c.html.gz","title":"C","body":"gamma"}' > "$FOLDS/articles.jsonl"
run python3 bench/web_eval.py --corpus "$FOLDS" --jsonl "$FOLDS/articles.jsonl" --meta --fold even
has "scorer --fold even: the page of even CRC-32 alone" "$OUT" "web-eval: 1 pages (1 with an article)"
has "scorer --fold even: its segments alone" "$OUT" "tp 1 fp 0 fn 0 tn 0"
run python3 bench/web_eval.py --corpus "$FOLDS" --jsonl "$FOLDS/articles.jsonl" --meta --fold odd
has "scorer --fold odd: the page of odd CRC-32 alone" "$OUT" "tp 1 fp 0 fn 1 tn 0"
has "scorer --fold odd: its title alone" "$OUT" "web-eval meta: title 1 of 1 right"
# Characters no reader sees (a soft hyphen, a zero-width space), which trawl
# takes out of every article, are compared out of both: a segment a page
# hyphenated is found in the article's "Italiens"; one unhyphenated is found
# where an article kept a zero-width space; a segment that is not there is
# still missed.
SHY=$TMP/shy
mkdir -p "$SHY"
printf '%s\n' '{"https://s.example/1": {"file": "s.html", "with": ["Ita\u00adli\u00adens Haupt\u00adstadt", "Rom liegt", "Mailand"], "without": []}}' > "$SHY/segments.json"
printf '%s\n' '{"id":"pages/s.html.gz","title":"Rom","body":"Italiens Hauptstadt: Rom\u200b liegt am Tiber."}' > "$SHY/articles.jsonl"
run python3 bench/web_eval.py --corpus "$SHY" --jsonl "$SHY/articles.jsonl"
has "scorer: soft hyphens and zero-width spaces are not compared" "$OUT" "tp 2 fp 0 fn 1 tn 0"
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl" --min-f1 0.58
is "scorer: F1 under --min-f1 exits 1" "$RC" 1
run python3 bench/web_eval.py --corpus "$FAKE" --jsonl "$FAKE/articles.jsonl" --min-f1 0.57
is "scorer: F1 at or above --min-f1 exits 0" "$RC" 0

# --- the gate, on web-eval ---------------------------------------------------
WE=$SHARED/web-eval
if [ ! -f "$WE/segments.json" ] || [ ! -d "$WE/pages" ]; then
    skip "the web-eval extraction gate" "no web-eval at $WE: set TRAWL_SHARED to the shared/ folder"
    exit 0
fi
"$BIN/trawl-index" --extract -q "$WE/pages" > "$TMP/articles.jsonl"
is "web-eval: every page extracted (exit 0)" "$?" 0
run python3 bench/web_eval.py --corpus "$WE" --jsonl "$TMP/articles.jsonl" --min-f1 "$F1_FLOOR"
printf '%s\n' "$OUT" | grep -E '^web-eval: (precision|tp)' | sed 's/^/# /'
has "web-eval: all 884 pages scored" "$OUT" "web-eval: 884 pages"
is "web-eval: F1 at or above the floor $F1_FLOOR" "$RC" 0

# The title, day and author a reader finds on the page, for the pages that
# name them (823, 706, 518), each at a floor a little under what is reached:
# titles 0.89 (0.902 with the <h2> or <h3> that says the title where no
# <h1> does, the one <h1> past a section's <h2>, guillemets set with
# no-break spaces; 0.889 with the page's one <h1> where no heading tells the
# title's story; 0.869 with an <h1> that goes on from a title cut short and
# the name a logo heading says cut from the title; 0.859 with a kicker left
# out of the headline; 0.836 with the
# part of a title a heading says, 0.691 before), dates 0.875 (0.878 with a
# wiki's sentence that says when the page was last changed, more words for
# "published", labels in capitals, a date that ends a sentence; 0.873 with a
# day in an element of a class that names a date, outside a list of posts;
# 0.870 with a
# labelled day anywhere on a page that gives no other; 0.858 with a
# date meta tag in general words giving way to the day the headline shows;
# 0.848 with each date on the page's own clock; 0.824 with a date after a label and a
# dateline opening the text; 0.812 with a date at a line's start and in the
# <h1>; 0.779 with the line by the headline's own <h1>), authors 0.725
# (0.728 with the name under a heading that says 'author'; 0.722 with a
# byline in an element of an author's class anywhere, outside
# a list; 0.705 with a labelled byline after the story's last line; 0.695 with
# bylines after a label in their own element, in the text and
# beside a date; 0.660 with a line's name after a word for 'by'; 0.624 with
# the byline by the headline, 0.535 before).
run python3 bench/web_eval.py --corpus "$WE" --jsonl "$TMP/articles.jsonl" --meta
printf '%s\n' "$OUT" | grep '^web-eval meta' | sed 's/^/# /'
for floor in title:0.89 date:0.875 author:0.725; do
    field=${floor%:*} least=${floor#*:}
    RIGHT=$(printf '%s\n' "$OUT" | sed -n "s/^web-eval meta: $field \([0-9]*\) of \([0-9]*\) right.*/\1 \2/p")
    is "web-eval: ${field}s right, at least $least of those named" \
        "$(echo "$RIGHT" | awk -v least="$least" '{ print ($2 > 0 && $1 >= least * $2) ? "yes" : "no: " $0 }')" yes
done

# The gate is live: it fails when extraction finds nothing...
python3 tests/helpers/cripple_articles.py empty < "$TMP/articles.jsonl" > "$TMP/empty.jsonl"
run python3 bench/web_eval.py --corpus "$WE" --jsonl "$TMP/empty.jsonl" --min-f1 "$F1_FLOOR"
is "gate: articles emptied fail it (exit 1)" "$RC" 1
has "gate: articles emptied, and it says so" "$OUT" "FAIL: F1 0.0000 is below the floor"
# ...and when it takes the whole page, menus, teasers and footers with the
# article (recall near 1, precision falls).
python3 tests/helpers/cripple_articles.py whole-page "$WE/pages" > "$TMP/whole.jsonl"
run python3 bench/web_eval.py --corpus "$WE" --jsonl "$TMP/whole.jsonl" --min-f1 "$F1_FLOOR"
is "gate: the whole text of each page fails it (exit 1)" "$RC" 1
has "gate: the whole text of each page, and it says so" "$OUT" "FAIL: F1"

# --- the language gate, on the same articles -------------------------------
run python3 bench/lang_eval.py --corpus "$WE" --jsonl "$TMP/articles.jsonl" \
    --detector "$BIN/tests/detect_lang" --columns trawl --min-accuracy "$LANG_FLOOR" --column trawl
printf '%s\n' "$OUT" | grep -E '^lang-eval: (trawl|[0-9])' | sed 's/^/# /'
has "languages: the pages that declare one are judged" "$OUT" "lang-eval: 835 pages declare a language"
is "languages: detection accuracy at or above the floor $LANG_FLOOR" "$RC" 0
# The gate is live: a detector that says English for every text fails it.
run python3 bench/lang_eval.py --corpus "$WE" --jsonl "$TMP/articles.jsonl" \
    --detector "python3 -c 'import sys; print(\"en\n\" * len(sys.stdin.buffer.read().split(b\"\\0\")), end=\"\")'" \
    --columns trawl --min-accuracy "$LANG_FLOOR" --column trawl
is "languages gate: English for everything fails it (exit 1)" "$RC" 1
has "languages gate: ...and says so" "$OUT" "FAIL: trawl accuracy"
