#!/bin/bash
# End to end: inputs built to hurt -- a gzip bomb, a 50 MB single line, HTML nested
# 200,000 deep, a JSON line of 20 MB.  Each is handled within the limits, with a
# warning, in bounded time and memory, and the good file beside them is indexed.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"
printf 'Good neighbour\n\nThe allotment society meets on Tuesdays.\n' > "$IN/good.txt"

# A gzip bomb: 64 copies of one member that inflates 64 MiB of zeros: about 4 MiB
# on disk, 4 GiB inflated.
head -c 64M /dev/zero | gzip -1 > "$TMP/member.gz"
for _ in $(seq 64); do cat "$TMP/member.gz"; done > "$IN/bomb.txt.gz"
# A text bomb: 40 MiB of words from a tiny file, past --max-inflated 32M.
yes 'tundra' | head -c 40M | gzip -1 > "$IN/wordbomb.txt.gz"
# One 50 MB line of words.
python3 -c '
import sys
words = b"quartz meadow lantern orbit " * 4
sys.stdout.buffer.write(b"Single line " + words * (50_000_000 // len(words)) + b"\n")' > "$IN/oneline.txt"
# HTML nested 200,000 levels deep, with text before and inside.
python3 -c '
import sys
sys.stdout.write("<html><body><p>Surface text about kestrels.</p>" + "<div>" * 200000 + "buried text about voles</body></html>")' > "$IN/deep.html"
# A JSON Lines file with one 20 MB line between good ones.
python3 -c '
import json
print(json.dumps({"title": "Before", "body": "heron"}))
print(json.dumps({"title": "Huge", "body": "egret " * 3_500_000}))
print(json.dumps({"title": "After", "body": "cormorant"}))' > "$IN/big.jsonl"

start=$(date +%s)
peak "$BIN/trawl-index" -d "$DB" --max-inflated 32M "$IN"
secs=$(( $(date +%s) - start ))
is "hostile inputs: the run ends with exit 1 (the deep HTML lost text)" "$RC" 1
has "gzip bomb: what came out is binary, skipped" "$ERR" "$IN/bomb.txt.gz: binary file: skipped"
lacks "gzip bomb: known as binary from its first bytes, not inflated to the limit" "$ERR" \
    "$IN/bomb.txt.gz: only the first"
has "text bomb: inflated only as far as --max-text, and cut there" "$ERR" \
    "$IN/wordbomb.txt.gz: article text cut at 16777216 bytes (limit: --max-text)"
has "50 MB line: text cut at --max-text, with a warning" "$ERR" \
    "$IN/oneline.txt: article text cut at 16777216 bytes (limit: --max-text)"
has "deep HTML: the lost text is reported" "$ERR" "$IN/deep.html: HTML nested more than 256 elements deep"
has "20 MB JSON line: cut at --max-text too" "$ERR" "$IN/big.jsonl#2: article text cut at 16777216 bytes"
is "good neighbour indexed" "$(query -d "$DB" --count allotment)" 1
is "text bomb indexed up to the limit" "$(query -d "$DB" --count tundra)" 1
is "50 MB line indexed up to the limit" "$(query -d "$DB" --count 'lantern')" 1
is "deep HTML: the text before the deep part is indexed" "$(query -d "$DB" --count kestrels)" 1
is "JSON lines around the huge one are indexed" "$(query -d "$DB" --count heron OR cormorant OR egret)" 3
[ "$secs" -lt 300 ] && ok "no hang: the run took ${secs}s" || not_ok "no hang" "took ${secs}s"
under_256 "hostile inputs"

# A 10.5 MB page (under --max-html) whose one paragraph runs past 10,000,000
# bytes, libxml2's limit on a run of text unless asked for more: the page is
# bounded already, and is read whole.
L=$TMP/longrun
mkdir -p "$L"
python3 -c '
import sys
words = "granite harbour lichen " * 40
sys.stdout.write("<html><body><pre>Opening " + words * (10_500_000 // len(words)) +
                 " closingword.</pre><p>A paragraph after it about plovers.</p></body></html>")' > "$L/longrun.html"
peak "$BIN/trawl-index" -d "$TMP/longrun-db" "$L"
is "a run of text past 10,000,000 bytes: indexed, exit 0" "$RC" 0
lacks "...with no warning: nothing was cut" "$ERR" "longrun.html"
is "...its end is indexed" "$(query -d "$TMP/longrun-db" --count closingword)" 1
is "...and the paragraph after it" "$(query -d "$TMP/longrun-db" --count plovers)" 1
under_256 "a run of text past 10,000,000 bytes"

# --- Containers are read a record at a time: a record too long to hold is
# skipped (JSON Lines) or ends the array, named; the rest stays.
C=$TMP/containers
mkdir -p "$C"
python3 - "$C" <<'PY'
import json, sys
d = sys.argv[1]
with open(d + "/long.jsonl", "w") as f:
    f.write(json.dumps({"title": "Before the long line", "body": "sandpiper"}) + "\n")
    f.write(json.dumps({"title": "Long", "body": "curlew " * 5_000_000}) + "\n")   # 35 MB
    f.write(json.dumps({"title": "After the long line", "body": "whimbrel"}) + "\n")
with open(d + "/broken-array.json", "w") as f:
    f.write('[{"title": "First item", "body": "godwit"},\n {"title": "Second item", "body": "turnstone"},\n'
            ' {"title": "Broken", "body": oops},\n {"title": "Never read", "body": "ruff"}]\n')
with open(d + "/unclosed-array.json", "w") as f:
    f.write('[{"title": "Lone item", "body": "phalarope"},\n')
PY
run "$BIN/trawl-index" -d "$TMP/containers.db" "$C"
is "containers: exit 1 (each file lost a part)" "$RC" 1
has "a JSON line over 32 MiB is skipped, named" "$ERR" "$C/long.jsonl: line 2: longer than 32 MiB: skipped"
is "...the lines around it are indexed" "$(query -d "$TMP/containers.db" --count sandpiper OR whimbrel)" 2
has "a malformed array item is named, with its line" "$ERR" \
    "$C/broken-array.json: item 2: malformed JSON at line 3, column"
is "...the items before it are indexed, not those after" \
    "$(query -d "$TMP/containers.db" --count godwit OR turnstone):$(query -d "$TMP/containers.db" --count ruff)" "2:0"
has "an array that is not closed is reported" "$ERR" "$C/unclosed-array.json: malformed JSON: the array is not closed"
is "...and its items are indexed" "$(query -d "$TMP/containers.db" --count phalarope)" 1

# --- What a record holds bounds its memory too, not only its bytes: jansson
# makes a node of 40 to 220 bytes of each value, and a line of 9 MB of "{},"
# took 700 MB.  A line of more than 250,000 values is skipped, named; in an
# object read a member at a time, such a member ends it, named.
V=$TMP/crowded
mkdir -p "$V"
python3 - "$V" <<'PY'
import json, sys
d = sys.argv[1]
with open(d + "/crowded.jsonl", "w") as f:
    f.write(json.dumps({"title": "Before the crowd", "body": "redshank"}) + "\n")
    f.write('{"title": "Crowd", "body": "greenshank", "tags": [' + ",".join(["{}"] * 3_000_000) + ']}\n')
    f.write(json.dumps({"title": "After the crowd", "body": "yellowlegs"}) + "\n")
with open(d + "/crowded-reply.json", "w") as f:
    f.write('{"articles": [' + json.dumps({"title": "Reply story", "body": "willet"}) +
            '], "counts": [' + ",".join(["7"] * 300_000) + ']}\n')
PY
peak "$BIN/trawl-index" -d "$TMP/crowded.db" "$V"
is "JSON of too many values: exit 1 (parts were lost)" "$RC" 1
has "a JSON line of 3,000,000 values is skipped, named, with the bound" "$ERR" \
    "$V/crowded.jsonl: line 2: more than 250000 values: skipped"
is "...the lines around it are indexed, not it" \
    "$(query -d "$TMP/crowded.db" --count redshank OR yellowlegs):$(query -d "$TMP/crowded.db" --count greenshank)" "2:0"
has "a member of 300,000 values ends its object, named" "$ERR" \
    "$V/crowded-reply.json: member \"counts\": more than 250000 values: it and the members after it are not indexed"
is "...the articles before it are indexed" "$(query -d "$TMP/crowded.db" --count willet)" 1
peak_under 120 "JSON of too many values"

# --- A container longer than the window read at a time (256 KiB, and more
# when the window is topped up) is read to its end: the record the file's
# last bytes complete is parsed again once they are in, and so are the
# white space and strings that run into them.  (Until session 19 a JSON
# array over about 512 KiB lost its last items, "premature end of input",
# and a pretty-printed object as long was taken for JSON Lines, a warning
# for each of its lines.)
W=$TMP/windows
mkdir -p "$W"
python3 - "$W" <<'PY'
import json, sys
d = sys.argv[1]
items = [{"title": "Item %d" % i, "body": "dunlin " + "tide mudflat wader " * 20}
         for i in range(3000)]
items[-1]["body"] += " knot"
with open(d + "/long-array.json", "w") as f:
    json.dump(items, f, indent=1)                       # 1.6 MB
with open(d + "/long-object.json", "w") as f:
    json.dump({"title": "One long object", "body": "sanderling " * 70000}, f, indent=1)
# A news API's reply of 33 MB: held whole it would pass 32 MiB, so it is
# read a member at a time and its list an item at a time.
reply = {"status": "ok", "articles": [
    {"title": "Reply item %d" % i, "content": "stint %d" % i, "html": "<p>mud</p>" * 11000}
    for i in range(300)], "next": None}
with open(d + "/long-reply.json", "w") as f:
    json.dump(reply, f, indent=1)
# A JSON text field of HTML nested 300 deep: read as a page is, within
# the depth of 256, with a warning; the next line is read.
with open(d + "/deep-field.jsonl", "w") as f:
    f.write(json.dumps({"title": "Deep field", "body": "<p>Surface text about stonechats.</p>"
                        + "<div>" * 300 + "buried text about whinchats"}) + "\n")
    f.write(json.dumps({"title": "Next line", "body": "wheatears"}) + "\n")
with open(d + "/string-last.json", "w") as f:
    f.write('[{"title": "Before a long string", "body": "avocet"},\n "'
            + "stilt " * 120000 + '"\n]\n')             # 720 KB, ends in a string
PY
gzip -c "$W/long-array.json" > "$W/long-array-gz.json.gz"
run "$BIN/trawl-index" -d "$TMP/windows.db" "$W"
is "long containers: exit 1 (the string item is not an article)" "$RC" 1
is "a JSON array of 1.6 MB: all 3,000 items, plain and gzipped" \
    "$(query -d "$TMP/windows.db" --no-collapse --count dunlin)" 6000
is "...its last item too" "$(query -d "$TMP/windows.db" --no-collapse --count knot)" 2
is "a JSON reply of 33 MB: all 300 items of its list" \
    "$(query -d "$TMP/windows.db" --no-collapse --count stint)" 300
is "...the last one by its number" "$(query -d "$TMP/windows.db" -n 1 --format tsv --fields id 'stint 299')" \
    "$W/long-reply.json#299"
has "JSON field of HTML nested 300 deep: named, with the bound" "$ERR" \
    "$W/deep-field.jsonl: line 1: HTML in a text field nested more than 256 elements deep"
is "...the text above the bound and the next line are indexed, not what is below it" \
    "$(query -d "$TMP/windows.db" --count stonechats):$(query -d "$TMP/windows.db" --count wheatears):$(query -d "$TMP/windows.db" --count whinchats)" \
    "1:1:0"
is "a pretty-printed object of 770 KB is one article" "$(query -d "$TMP/windows.db" --count sanderling)" 1
lacks "...not read as JSON Lines" "$ERR" "long-object.json: line"
has "a string that ends an array is named and passed over" "$ERR" \
    "$W/string-last.json: item 1: a string is not an object: skipped"
lacks "...and the array is closed" "$ERR" "not closed"
is "...the item before it is indexed" "$(query -d "$TMP/windows.db" --count avocet)" 1
