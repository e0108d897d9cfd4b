#!/bin/bash
# One spelling for one word (common/nfc.h): an article written in one of
# Unicode's forms of a word is found by a search typed in the other, words
# and phrases, and shown and highlighted in the composed form.  The
# articles are made up for this test, written with python3's escapes so
# that each form is what the comment says it is.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
python3 - "$TMP/src" <<'PY'
import sys
d = sys.argv[1]
def write(name, title, body):
    with open(f"{d}/{name}", "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + body + "\n")
# French decomposed, as macOS writes file contents: "e" + U+0301.
write("a-decomposed.txt", "Municipales",
      "The e\u0301lection at the Cafe\u0301 Ge\u0301rard was held on Sunday.")
# Russian: "й" decomposed (и + U+0306) in one, precomposed in the other.
write("b-russian-dec.txt", "Торговля", "Экспорт в Кита\u0438\u0306 вырос в марте.")
write("c-russian-pre.txt", "Туризм", "Туристы из Мала\u0439зии приехали весной.")
# Korean as conjoining jamo, not syllables: "경제 성장률 발표".
write("d-hangul-jamo.txt", "Korea",
      "\u1100\u1167\u11bc\u110c\u1166 \u1109\u1165\u11bc\u110c\u1161\u11bc"
      "\u1105\u1172\u11af \u1107\u1161\u11af\u1111\u116d")
# Hindi "क़ानून" (law) with the precomposed qa, U+0958.
write("e-hindi.txt", "Kanoon", "\u0928\u092f\u093e \u0958\u093e\u0928\u0942\u0928 \u0932\u093e\u0917\u0942")
# Bengali "কুষ্টিয়া" with the precomposed yya, U+09DF.
write("f-bengali.txt", "Kushtia",
      "\u0995\u09c1\u09b7\u09cd\u099f\u09bf\u09df\u09be \u099c\u09c7\u09b2\u09be")
# Full-width Latin letters and digits, and a ligature: NFC keeps them, and
# the index folds them as before (utf8.h tw_utf8_narrow, accents.h).
write("g-wide.txt", "Summit",
      "\uff2e\uff21\uff34\uff2f summit in \uff12\uff10\uff12\uff11, \ufb01nance ministers met.")
# A file name a Mac wrote decomposed.
write("Re\u0301sume\u0301.txt", "Notes", "Quarterly figures.")
PY
run index -q -d "$TMP/db" "$TMP/src"
is "indexed" "$RC" 0

# The first hit's id, snippet and highlights for a query given with escapes.
first() {
    query -d "$TMP/db" --format json "$(printf "$1")" | python3 -c '
import json, sys
for line in sys.stdin:
    h = json.loads(line)
    if "rank" in h:
        print(h["id"].split("/")[-1], h["snippet"], h["highlights"])
        break'
}

OUT=$(first '\xc3\xa9lection')
is "precomposed élection finds the decomposed article, shown and highlighted composed" \
    "$OUT" "a-decomposed.txt The élection at the Café Gérard was held on Sunday. [[4, 12]]"
OUT=$(first '"caf\xc3\xa9 g\xc3\xa9rard"')
is "a precomposed phrase finds the decomposed one" \
    "$OUT" "a-decomposed.txt The élection at the Café Gérard was held on Sunday. [[20, 24], [25, 31]]"
run query -d "$TMP/db" --show "$TMP/src/a-decomposed.txt"
has "--show gives the text composed" "$OUT" "$(printf 'The \xc3\xa9lection at the Caf\xc3\xa9')"

OUT=$(first 'Кита\xd0\xb9')
is "precomposed й finds the decomposed Китай" "$OUT" \
    "b-russian-dec.txt Экспорт в Китай вырос в марте. [[10, 15]]"
OUT=$(first '"Мала\xd0\xb8\xcc\x86зии приехали"')
is "a decomposed phrase finds the precomposed Малайзии" "$OUT" \
    "c-russian-pre.txt Туристы из Малайзии приехали весной. [[11, 19], [20, 28]]"

OUT=$(first '경제')
is "Hangul syllables find the article in jamo" "$OUT" "d-hangul-jamo.txt 경제 성장률 발표 [[0, 2]]"
OUT=$(first '"경제 성장률"')
is "...as a phrase too" "$OUT" "d-hangul-jamo.txt 경제 성장률 발표 [[0, 2], [3, 6]]"

# Typed with the letter and the nukta apart.
OUT=$(first '\xe0\xa4\x95\xe0\xa4\xbc\xe0\xa4\xbe\xe0\xa4\xa8\xe0\xa5\x82\xe0\xa4\xa8')
has "Hindi qa with nukta apart finds U+0958" "$OUT" "e-hindi.txt"
has "...highlighted" "$OUT" "[[4, 10]]"
OUT=$(first '\xe0\xa6\x95\xe0\xa7\x81\xe0\xa6\xb7\xe0\xa7\x8d\xe0\xa6\x9f\xe0\xa6\xbf\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe')
has "Bengali yya with nukta apart finds U+09DF" "$OUT" "f-bengali.txt"

OUT=$(first 'nato')
is "nato finds ＮＡＴＯ" "$OUT" "g-wide.txt ＮＡＴＯ summit in ２０２１, ﬁnance ministers met. [[0, 4]]"
OUT=$(first 'finance')
has "finance finds ﬁnance" "$OUT" "g-wide.txt"

# path: is read composed, as the whole query; the decomposed file name is
# found typed either way.
run query -d "$TMP/db" --format tsv "path:$TMP/src/$(printf 'R\xc3\xa9sum\xc3\xa9.txt')"
has "path: typed composed finds the decomposed file name" "$OUT" "Notes"
run query -d "$TMP/db" --format tsv "path:$TMP/src/$(printf 'Re\xcc\x81sume\xcc\x81.txt')"
has "...and typed decomposed" "$OUT" "Notes"

# web-eval's Bengali page writes য় and ড় as one letter each (U+09DF,
# U+09DC), which NFC parts into the letter and the nukta; its segments are
# in NFC: each is in the text extracted.
PAGE=$SHARED/web-eval/pages/ukbdnews.com.23646.html.gz
if [ -f "$PAGE" ]; then
    run index --extract -q "$PAGE"
    MISSED=$(printf '%s' "$OUT" | python3 -c '
import json, re, sys
segments = json.load(open(sys.argv[1]))
a = json.loads(sys.stdin.read())
fold = lambda t: re.sub(r"\s+", " ", t).strip()
text = fold(a["title"] + "\n" + a["body"])
for e in segments.values():
    if e["file"] == "ukbdnews.com.23646.html":
        print(sum(fold(s) not in text for s in e["with"]), "of", len(e["with"]))' \
        "$SHARED/web-eval/segments.json")
    is "web-eval's Bengali page misses none of its segments" "$MISSED" "0 of 2"
else
    skip "web-eval's Bengali page" "needs the shared corpora: TRAWL_SHARED=DIR"
fi
