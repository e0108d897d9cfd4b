#!/bin/bash
# What was indexed, seen two ways (issue 14, item 3): trawl-index --extract
# prints the articles a run would write, as JSON Lines, writing no index;
# trawl-query --show prints one stored article.  Both must show what indexing
# really produces: the cleaned fields, the normalised date.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
DB=$TMP/db
UF=corpus/crime/operation-united-front.txt

# field JSON KEY...: the values of KEYs in the JSON object JSON, one a line
# (None for null); "words8" is the first eight words of the body.
field() {
    python3 -c '
import json, sys
a = json.loads(sys.argv[1])
for k in sys.argv[2:]:
    print(" ".join(a["body"].split()[:8]) if k == "words8" else a[k])' "$@"
}

# --- trawl-index --extract ------------------------------------------------
# No -d, and every default location pointed into $TMP: none may be created.
export HOME=$TMP/home TRAWL_DB=$TMP/envdb
mkdir -p "$HOME"
run index --extract "$UF"
is "--extract of one article: exit 0" "$RC" 0
is "--extract: one JSON line for one article" "$(printf '%s\n' "$OUT" | wc -l)" 1
is "--extract: the keys, in order" \
    "$(python3 -c 'import json, sys; print(",".join(json.loads(sys.argv[1])))' "$OUT")" \
    "id,path,title,date,url,site,author,body"
is "--extract: id, path, title, date, url, site, author as the file gives them" \
    "$(field "$OUT" id path title date url site author)" \
    "$UF
$UF
Operation United Front: 102 Arrested, 47 Rescued in 12-State Trafficking Sweep
2021-07-30
https://ledger.example/2021/07/30/operation-united-front-human-trafficking
The Ledger
Dana Whitcomb"
# The file repeats its title on the line after it: indexing drops the copy.
is "--extract: the body starts after the title and its repeat" "$(field "$OUT" words8)" \
    "A coordinated crackdown on human trafficking spanning a"
has "--extract: the summary is on stderr" "$ERR" "1 files: 1 extracted, 0 skipped, 0 failed; 1 articles"
is "--extract: no index made at \$TRAWL_DB or under \$HOME" \
    "$(ls -A "$HOME"; ls -d "$TRAWL_DB" 2>/dev/null)" ""

# A date given with an offset is stored on that clock, in ISO 8601, and so
# printed: the evening of the 2nd in New York, not the 3rd in UTC.
mkdir -p "$TMP/in"
printf 'Date: Tue, 02 Mar 2021 23:30:00 -0500\nSite: Harbour Times\n\nFerry strike ends\n\nThe ferries sail again from Monday, the union said.\n' \
    > "$TMP/in/dated.txt"
run index --extract "$TMP/in/dated.txt"
is "--extract: the date in ISO 8601 on its own clock, as the index stores it" \
    "$(field "$OUT" date site title)" "2021-03-02T23:30:00-05:00
Harbour Times
Ferry strike ends"

# The whole corpus: one line per article, in walk order, the same articles a
# run indexes.
run index --extract -q corpus
is "--extract corpus: exit 0, nothing on stderr with -q" "$RC:$ERR" "0:"
is "--extract corpus: 48 lines, each an object with an id" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(sum(1 for line in sys.stdin if json.loads(line)["id"]))')" 48
is "--extract corpus: in walk order (sorted paths)" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
ids = [json.loads(line)["id"] for line in sys.stdin]
print(ids == sorted(ids))')" True

# Bad inputs: a binary file is skipped (exit 0), a broken one fails (exit 1);
# the good files are printed either way.
printf '\211PNG\r\n\032\n\000\000binary\000data' > "$TMP/in/binary.txt"
run index --extract "$TMP/in"
is "--extract with a binary file: exit 0" "$RC" 0
has "--extract: the binary file is named" "$ERR" "$TMP/in/binary.txt: binary file: skipped"
is "--extract: the good article is printed" "$(printf '%s\n' "$OUT" | grep -c '"Ferry strike ends"')" 1
head -c 3000 /dev/urandom | base64 | gzip -c | head -c 300 > "$TMP/in/truncated.txt.gz"
run index --extract "$TMP/in"
is "--extract with a truncated gzip: exit 1" "$RC" 1
has "--extract: the broken file is named with its reason" "$ERR" "$TMP/in/truncated.txt.gz: truncated gzip data"
has "--extract: the summary counts it, and its text before the cut" "$ERR" \
    "3 files: 2 extracted, 1 skipped, 1 failed; 2 articles"
rm "$TMP/in/truncated.txt.gz" "$TMP/in/binary.txt"
# A small dump cut short (a broken download): the lines before the cut come
# out; it gave nothing while it inflated to less than the 64 KiB read first.
mkdir -p "$TMP/cut"
python3 -c '
import gzip, sys
lines = b"".join(b"{\"title\": \"T%d\", \"text\": \"word%d\"}\n" % (i, i) for i in range(2000))
z = gzip.compress(lines)
open(sys.argv[1], "wb").write(z[:len(z) // 2])' "$TMP/cut/dump.jsonl.gz"
run index --extract "$TMP/cut"
is "a small cut .jsonl.gz: exit 1" "$RC" 1
has "a small cut .jsonl.gz: named with its reason" "$ERR" "$TMP/cut/dump.jsonl.gz: truncated gzip data"
is "a small cut .jsonl.gz: its first lines, in order" \
    "$(printf '%s\n' "$OUT" | head -1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')" \
    "$TMP/cut/dump.jsonl.gz#1"
is "a small cut .jsonl.gz: more than 900 lines come out" "$(printf '%s\n' "$OUT" | wc -l | awk '{print ($1 > 900)}')" 1

# Hostile text still makes valid JSON: quotes, backslashes, controls, bytes
# that are not UTF-8, U+2028, "</script>".
printf '{"id":"h1","title":"A \\"quoted\\" \\\\ title","body":"Line\\u2028sep \\u0001 </script>"}\n{"id":"h2","title":"Caf\351","body":"caf\351 cr\350me"}\n' \
    > "$TMP/in/hostile.jsonl"
run index --extract "$TMP/in/hostile.jsonl"
is "--extract, hostile JSON Lines: exit 0" "$RC" 0
is "--extract, hostile text: every line is valid JSON with its title" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["title"])')" 'A "quoted" \ title
Café'

# The options of a run apply: --max-text, --keep-boilerplate, --include.
printf 'Seed story\n\nThe council met on Tuesday and agreed the new budget for the coming year after a long debate.\n\nLeave a Reply\nYour email address will not be published.\n' \
    > "$TMP/in/seed.txt"
run index --extract "$TMP/in/seed.txt"
lacks "--extract: the trailing comment form is cut, as when indexing" "$OUT" "Leave a Reply"
run index --extract --keep-boilerplate "$TMP/in/seed.txt"
has "--extract --keep-boilerplate: the comment form is kept" "$OUT" "Leave a Reply"
run index --extract --max-text 40 "$TMP/in/seed.txt"
has "--extract --max-text: says the text was cut" "$ERR" "cut at 40 bytes (limit: --max-text)"
is "--extract --max-text 40: at most 40 bytes of body" \
    "$(python3 -c 'import json, sys; print(len(json.loads(sys.argv[1])["body"].encode()) <= 40)' "$OUT")" True
run index --extract --include '*.jsonl' "$TMP/in"
is "--extract --include: only the matching files" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(" ".join(json.loads(line)["id"].split("/")[-1] for line in sys.stdin))')" \
    "hostile.jsonl#h1 hostile.jsonl#h2"

# Options about an index are refused; an unwritable stdout is an error.
run index --extract -d "$DB" corpus
is "--extract -d: exit 2" "$RC" 2
has "--extract -d: says why" "$ERR" "--extract writes no index: -d has no use with it"
is "--extract -d: no index made" "$(ls -d "$DB" 2>/dev/null)" ""
if [ -w /dev/full ]; then
    "$BIN/trawl-index" --extract -q corpus > /dev/full 2> "$TMP/full.err"
    is "--extract to a full disk: exit 2" "$?" 2
    has "--extract to a full disk: says so" "$(cat "$TMP/full.err")" "cannot write to standard output: No space left on device"
else
    skip "--extract to a full disk" "no writable /dev/full"
fi

# --- trawl-query --show ---------------------------------------------------
index -q -d "$DB" corpus "$TMP/in/hostile.jsonl"
run query -d "$DB" --show "$UF"
is "--show: exit 0" "$RC" 0
is "--show: title, date, url, site, author and path lines" \
    "$(printf '%s\n' "$OUT" | head -6)" \
    "title   Operation United Front: 102 Arrested, 47 Rescued in 12-State Trafficking Sweep
date    2021-07-30
url     https://ledger.example/2021/07/30/operation-united-front-human-trafficking
site    The Ledger
author  Dana Whitcomb
path    $UF"
is "--show: a blank line after them" "$(printf '%s\n' "$OUT" | sed -n 7p)" ""
is "--show: then the body, in full" "$(printf '%s\n' "$OUT" | sed -n '8p;$p')" \
    "A coordinated crackdown on human trafficking spanning a dozen states has ended with 102 people under arrest and 47 victims freed, Missouri Attorney General Eric Schmitt announced on Friday.
The names of those arrested and the specific charges they face were not released on Friday. Prosecutors in each state will handle the cases filed within their jurisdictions."
run query -d "$DB" --show "$UF" --format json
is "--show --format json: exit 0, one line" "$RC:$(printf '%s\n' "$OUT" | wc -l)" "0:1"
# What was stored is what --extract said would be (the body is under the
# 64 KiB kept for display).
is "--show --format json: the same object --extract prints" \
    "$OUT" "$("$BIN/trawl-index" --extract -q "$UF")"
run query -d "$DB" --show "$TMP/in/hostile.jsonl#h2" --format json
is "--show: an article of a container, by PATH#MEMBER" "$RC:$(field "$OUT" title author)" \
    "0:Café
None"
run query -d "$DB" --show "$TMP/in/hostile.jsonl#h2"
has "--show text: an unknown field reads (none)" "$OUT" "author  (none)"

run query -d "$DB" --show corpus/crime/no-such-article.txt
is "--show, an unknown id: exit 1, nothing on stdout" "$RC:$OUT" "1:"
has "--show, an unknown id: says so" "$ERR" "no article with id corpus/crime/no-such-article.txt"
# The default index, like any search.
TRAWL_DB=$DB run query --show "$UF" --format json
is "--show with \$TRAWL_DB instead of -d" "$RC:$(field "$OUT" title)" \
    "0:Operation United Front: 102 Arrested, 47 Rescued in 12-State Trafficking Sweep"
run query -d "$TMP/nowhere" --show "$UF"
is "--show without an index: exit 2" "$RC" 2
run query -d "$DB" --show "$UF" extra words
is "--show with query words: exit 2" "$RC" 2
