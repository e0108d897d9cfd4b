#!/bin/bash
# End to end: a folder of broken and hostile files.  Each gets one warning that
# names it, the good files are all indexed, and the summary and exit code say so.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN/sub" "$IN/.git" "$IN/loop"

printf 'Good article one\n\nThe harbour ferry sails again.\n' > "$IN/good1.txt"
printf 'Good article two\n\nThe lighthouse keeper retires.\n' > "$IN/sub/good2.txt"
printf 'Notes without extension\n\nThe quarry reopens in spring.\n' > "$IN/README"
: > "$IN/empty.txt"
printf '  \n\n\t\n' > "$IN/blank.txt"
# Documentation that only includes another file: markup, no article.
printf '.. SPDX-License-Identifier: GPL-2.0\n\n.. include:: ../other.rst\n' > "$IN/include-only.rst"
printf '\211PNG\r\n\032\n\000\000binary\000data\001\002' > "$IN/binary.txt"
printf 'Caf\351 opens\n\nThe caf\351 on Quay Street serves cr\350me br\373l\351e.\n' > "$IN/latin1.txt"
printf 'Hidden\n\nThe secret orchard.\n' > "$IN/.git/hidden.txt"
printf 'Name with newline\n\nThe windmill turns.\n' > "$IN/new"$'\n'"line.txt"
printf '\000\001\002' > "$IN/bin"$'\n'"ary.dat"
# Binary bytes named as if they were HTML or JSON.
head -c 3000 /dev/urandom > "$IN/photo.html"
printf '\000\001{"title": "x"}' > "$IN/blob.json"
printf 'Name not UTF-8\n\nThe glasshouse blooms.\n' > "$IN/bad"$'\377'"name.txt"
# A gzip cut in half: what it holds before the cut is indexed, and the file
# counts as failed (the next run reads it again).
head -c 2000 /dev/urandom | base64 > "$TMP/random.txt"
gzip -c "$TMP/random.txt" | head -c 300 > "$IN/truncated.txt.gz"
# A FIFO: reading it would block forever.
mkfifo "$IN/pipe.txt"
# A symlink loop, a link to a folder already walked, and a dangling link.
ln -s .. "$IN/loop/up"
ln -s self "$IN/self"
ln -s missing-target "$IN/dangling.txt"

run timeout 60 "$BIN/trawl-index" -d "$DB" "$IN"
is "a run with a broken file exits 1" "$RC" 1
has "truncated gzip is named with its reason" "$ERR" "$IN/truncated.txt.gz: truncated gzip data"
has "binary file is skipped with a warning" "$ERR" "$IN/binary.txt: binary file: skipped"
has "empty file is skipped with a warning" "$ERR" "$IN/empty.txt: empty file: skipped"
has "whitespace-only file is skipped as empty" "$ERR" "$IN/blank.txt: empty file: skipped"
has "a text file of only markup lines is skipped, not failed" "$ERR" \
    "$IN/include-only.rst: no article in it: skipped"
has "FIFO is skipped without blocking" "$ERR" "$IN/pipe.txt: not a regular file: skipped"
has "symlink to itself is reported" "$ERR" "$IN/self: symbolic link loop: skipped"
has "symlink to a walked folder is reported" "$ERR" "$IN/loop/up: directory already walked"
has "dangling symlink is reported" "$ERR" "$IN/dangling.txt: broken symbolic link: skipped"
has "binary named .html is skipped as binary" "$ERR" "$IN/photo.html: binary file: skipped"
has "binary named .json is skipped as binary" "$ERR" "$IN/blob.json: binary file: skipped"
lacks "hidden folders are not walked" "$ERR$OUT" ".git"
is "every warning is one line naming a file under the input" \
    "$(printf '%s\n' "$ERR" | grep -vc "^trawl-index: $IN/")" 0
has "a newline in a file name is printed escaped, keeping one line per warning" "$ERR" \
    "$IN/bin\\nary.dat: binary file: skipped"
has "summary counts indexed, skipped and failed" "$OUT" \
    "files: 7 indexed, 0 unchanged, 11 skipped, 1 failed, 0 removed; 7 articles written"

# Every good file, including the odd names and the Windows-1252 text, is there.
is "good files are indexed" "$(query -d "$DB" --count ferry OR lighthouse OR quarry OR windmill OR glasshouse)" 5
is "text sniffed by content, whatever the name" "$(query -d "$DB" --format tsv quarry | cut -f4)" \
    "Notes without extension"
run query -d "$DB" --format json café
is "Windows-1252 text is converted: café is found" "$RC" 0
is "...and its title and snippet are UTF-8" "$(echo "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.read())
print(h["title"], "|", "crème brûlée" in h["snippet"])')" "Café opens | True"
is "hidden file is not indexed" "$(query -d "$DB" --count orchard)" 0

# The newline in a name: JSON escapes it, text output escapes it.
run query -d "$DB" --format json windmill
is "json escapes a newline in a path" "$(echo "$OUT" | python3 -c 'import json,sys; print(repr(json.loads(sys.stdin.read())["path"][-12:]))')" \
    "'new\\nline.txt'"
run query -d "$DB" windmill
has "text output shows the newline escaped" "$OUT" 'new\nline.txt'
# TSV wrote it with a space for the newline, an id --show did not know.
run query -d "$DB" --format tsv --fields id,path windmill
has "TSV escapes a newline in an id and a path as text output does" "$OUT" \
    $'new\\nline.txt\t'
run query -d "$DB" --show "$(printf '%s' "$OUT" | cut -f1)"
is "...which --show takes back" "$RC" 0
# A name that is not UTF-8 (a byte 0xff): JSON, which holds only UTF-8,
# writes it as text output does, escaped, and --show takes that back.
run query -d "$DB" --format json glasshouse
is "json of a non-UTF-8 path is valid JSON, the byte escaped as text output does" \
    "$(echo "$OUT" | python3 -c 'import json,sys; h = json.loads(sys.stdin.read()); print(h["path"].endswith("bad\\377name.txt"), h["id"] == h["path"])')" "True True"
JSON_ID=$(echo "$OUT" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')
run query -d "$DB" --show "$JSON_ID"
is "--show takes the id JSON gave for a non-UTF-8 name" "$RC" 0
has "...and shows that article" "$OUT" "glasshouse"
run index --extract "$IN"
is "--extract's JSON escapes a non-UTF-8 path too" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print([h["path"].rsplit("/", 1)[1] for h in map(json.loads, sys.stdin) if "name.txt" in h["path"]])')" "['bad\\\\377name.txt']"

# A name with an escape sequence, a C1 control (U+0085, NEL, a line end to
# some readers) and a byte that is not UTF-8 reaches no terminal as such:
# text output escapes them; TSV writes such a name as text output does.
mkdir -p "$TMP/ctl"
printf 'Name with controls\n\nThe saltmarsh floods.\n' \
    > "$TMP/ctl/esc"$'\033'"[31mred"$'\302\205'"nel"$'\377'".txt"
index -q -d "$TMP/ctl-db" "$TMP/ctl"
run query -d "$TMP/ctl-db" saltmarsh
has "text output escapes ESC and NEL in a name" "$OUT" 'esc\033[31mred\302\205nel\377.txt'
run query -d "$TMP/ctl-db" --format tsv --fields id,path saltmarsh
is "TSV: a name with a byte not UTF-8 is escaped as text output does" "$(printf '%s' "$OUT" | python3 -c '
import sys, unicodedata
row = sys.stdin.buffer.read().decode("utf-8")
cells = row.split("\t")
print(len(cells), any(unicodedata.category(c) == "Cc" for c in "".join(cells)),
      cells[0].rsplit("/", 1)[1])')" '2 False esc\033[31mred\302\205nel\377.txt'
run query -d "$TMP/ctl-db" --show "$(printf '%s' "$OUT" | cut -f1)"
has "--show takes the id TSV gave" "$OUT" "saltmarsh"

# A name that turns the direction of text (U+202E, as a disguised program's
# "invoice-gpj.exe" shows as "invoice-exe.jpg") is shown escaped, in order.
mkdir -p "$TMP/rlo"
printf 'Turned name\n\nThe heron nests in the reeds.\n' > "$TMP/rlo/invoice-"$'\342\200\256'"gpj.txt"
index -q -d "$TMP/rlo-db" "$TMP/rlo"
run query -d "$TMP/rlo-db" heron
has "text output escapes a name's turn of direction" "$OUT" 'invoice-\342\200\256gpj.txt'

# A path given on the command line that does not exist is a typing mistake,
# not an empty collection: exit 2 before an index is made or touched.
run index -d "$TMP/db3" "$TMP/does-not-exist" "$IN/good1.txt"
is "a missing input path exits 2" "$RC" 2
has "...with a message naming it" "$ERR" "trawl-index: $TMP/does-not-exist: No such file or directory; nothing was indexed"
is "...and no index is made" "$(ls -d "$TMP/db3" 2>/dev/null)" ""
index -q -d "$TMP/db3" "$IN/good1.txt"
run index -d "$TMP/db3" "$TMP/does-not-exist"
is "...nor an index touched (its articles stay)" "$RC:$(query -d "$TMP/db3" --count ferry)" "2:1"

# -d names a folder for the index: a folder that holds other files and no
# index is refused, --full too, and left as it was; an empty one will do.
mkdir -p "$TMP/programs"
echo '#!/bin/sh' > "$TMP/programs/tool"
for full in "" --full; do
    run index $full -d "$TMP/programs" "$IN/good1.txt"
    is "-d $full into a folder of other files: exit 2" "$RC" 2
    has "-d $full into a folder of other files: says why" "$ERR" \
        "$TMP/programs is not empty and holds no index: an index goes in a new or empty folder"
    is "-d $full into a folder of other files: the folder is left as it was" "$(ls -A "$TMP/programs")" tool
done
mkdir -p "$TMP/empty-folder"
run index -d "$TMP/empty-folder" "$IN/good1.txt"
is "-d into an empty folder: indexed" "$RC:$(query -d "$TMP/empty-folder" --count ferry)" "0:1"

# Paths named on the command line that cannot be indexed are failures.
run index -d "$TMP/db6" "$IN/pipe.txt" "$IN/dangling.txt" "$IN/good1.txt"
is "a FIFO or broken link named on the command line: exit 1" "$RC" 1
has "...the FIFO is named" "$ERR" "$IN/pipe.txt: not a regular file"
has "...the broken link is named" "$ERR" "$IN/dangling.txt: broken symbolic link"
has "...both counted as failed, the good file indexed" "$OUT" "3 files: 1 indexed, 0 unchanged, 0 skipped, 2 failed"

# Limits: a file over --max-file-size is indexed up to the limit, with a warning.
{ printf 'Long article\n\n'; for i in $(seq 1 2000); do printf 'filler words here %d\n' "$i"; done;
  printf 'zebracrossing at the very end\n'; } > "$TMP/long.txt"
run index -d "$TMP/db4" --max-file-size 4K "$TMP/long.txt"
is "a file over the read limit is not a failure" "$RC" 0
has "...but says it was cut" "$ERR" "$TMP/long.txt: only the first 4096 bytes were read (limit: --max-file-size)"
is "...the start is indexed" "$(query -d "$TMP/db4" --count 'title:long')" 1
is "...the tail beyond the limit is not" "$(query -d "$TMP/db4" --count zebracrossing)" 0

# A container is read a record at a time, its memory bounded whatever its
# size, so the file limits do not cut it: a multi-gigabyte crawl is indexed
# whole.  Gunzip stops only past --max-inflated and 100 times what was read,
# where a bomb still stops.
mkdir -p "$TMP/dumps"
for i in $(seq 1 300); do
    printf '{"id": "n%d", "title": "Dispatch %d", "body": "storm petrel sighting %d"}\n' "$i" "$i" "$i"
done > "$TMP/dumps/feed.jsonl"
gzip -c "$TMP/dumps/feed.jsonl" > "$TMP/dumps/feedz.jsonl.gz"
xz -c "$TMP/dumps/feed.jsonl" > "$TMP/dumps/feedx.jsonl.xz"
run index -d "$TMP/db7" --max-file-size 4K --max-inflated 4K "$TMP/dumps"
is "containers past the file limits: exit 0" "$RC" 0
lacks "...not cut" "$ERR" "only the first"
lacks "...nor stopped" "$ERR" "limit: --max-inflated"
is "...every record of the three indexed" "$(query -d "$TMP/db7" --count petrel)" 900
yes '{"title": "Echo", "body": "fulmar"}' | head -c 20M | gzip -9 > "$TMP/bomb.jsonl.gz"
run index -d "$TMP/db8" --max-inflated 1M "$TMP/bomb.jsonl.gz"
has "a JSON Lines gzip bomb still stops, with a warning" "$ERR" \
    "$TMP/bomb.jsonl.gz: only the first"
n=$(query -d "$TMP/db8" --count fulmar)
if [ "$n" -gt 0 ] && [ "$n" -lt 500000 ]; then
    ok "...what came before the stop is indexed ($n of 582,542 records)"
else
    not_ok "...what came before the stop is indexed" "got $n"
fi

# --include / --exclude narrow a walk.
run index -d "$TMP/db5" --include '*.txt' --exclude sub --exclude 'latin*' --exclude 'pipe*' \
    --exclude self "$IN"
lacks "excluded names are not reported" "$ERR" "pipe.txt"
lacks "...not even a link loop" "$ERR" "$IN/self:"
is "include/exclude: only top-level .txt good files" \
    "$(query -d "$TMP/db5" --format tsv --any ferry lighthouse quarry café | cut -f3 | sed "s|$IN/||")" good1.txt
lacks "...and no word of patterns that matched nothing" "$ERR" "no file here matches"
# Patterns that match no file (a bracket left open, a name mistyped): the
# run has nothing to do, and says why rather than only "0 files".
run index -d "$TMP/db5b" --include '[good*.txt' --include '*.htm' "$IN"
is "--include matching no file: exit 0, nothing indexed" "$RC:$(query -d "$TMP/db5b" --count ferry)" "0:0"
has "...saying no file matched which patterns, and how they match" "$ERR" \
    "$IN: no file here matches the include patterns '[good*.txt' or '*.htm' (one without '/' is matched against file names"

# A bad option or an unusable index location is fatal: exit 2, nothing written.
run index -d "$DB" --stem klingon "$IN/good1.txt"
is "unknown stemmer exits 2" "$RC" 2
has "...naming the known ones" "$ERR" "unknown stemming language 'klingon'"
# ...and leaving no folder, nor a lock file in it, behind.
run index -d "$TMP/new/db" --stem klingon "$IN/good1.txt"
is "unknown stemmer for a new index: exit 2, no folder made" \
    "$RC:$([ -e "$TMP/new" ] && echo made || echo none)" "2:none"
# An empty name is Xapian's for no stemmer: the index was built unstemmed
# but recorded as stemmed by language, so that "ferries" no longer found
# "ferry".
run index -d "$TMP/db-stem-empty" --stem '' "$IN/good1.txt"
is "an empty stemmer name exits 2" "$RC" 2
has "...naming the known ones" "$ERR" "unknown stemming language ''"
run index --bogus "$IN"
is "unknown option exits 2" "$RC" 2
has "...with a usage hint" "$ERR" "Try 'trawl-index --help'"
printf 'not a folder' > "$TMP/file"
run index -d "$TMP/file/db" "$IN/good1.txt"
is "an index path under a regular file exits 2" "$RC" 2
has "...saying why" "$ERR" "trawl-index: $TMP/file/db: cannot create index folder $TMP/file/db: Not a directory"
lacks "...not claiming a last commit it never had" "$ERR" "keeps its last commit"
# A file where the index folder should be: said so, with no advice about
# the disk's room or write access, which are not at fault.
run index -d "$TMP/file" "$IN/good1.txt"
is "an index path that is a regular file exits 2" "$RC" 2
is "...saying it is a file, and what to name" "$ERR" \
    "trawl-index: $TMP/file: $TMP/file is a file, not an index folder: name a folder, new or an index's"
# --check or --compact alone said there was no index there and to build one
# with -d FILE, which cannot be done.
for what in check compact; do
    run index --$what -d "$TMP/file"
    is "--$what of a regular file exits 2" "$RC" 2
    is "...saying it is a file, and what to name" "$ERR" \
        "trawl-index: $TMP/file is a file, not an index folder: name the folder of the index to $what"
done

# The index inside a folder it indexes: its own files are not articles, nor
# reported (its XAPIANDB was an article, its other files ~20 warnings).
mkdir -p "$TMP/inside"
printf 'Inside story\n\nThe cormorant dried its wings.\n' > "$TMP/inside/story.txt"
run index -d "$TMP/inside/idx" "$TMP/inside"
is "index inside the walked folder: nothing to warn about" "$RC:$ERR" "0:"
run index -d "$TMP/inside/idx" "$TMP/inside"
has "index inside the walked folder: a re-run has one file, unchanged" "$OUT" \
    "1 files: 0 indexed, 1 unchanged, 0 skipped, 0 failed"
is "index inside the walked folder: one article" "$(query -d "$TMP/inside/idx" --count --no-collapse 'NOT xyzzy')" 1

# A NUL byte past the first 8 KiB (what the binary check reads) is read as a
# space: the text after it is kept, in plain text and in the containers.
N=$TMP/nul
mkdir -p "$N"
python3 - "$N" <<'PY'
import sys
d, fill = sys.argv[1], b"Filler sentence of the story. " * 300
with open(d + "/story.txt", "wb") as f:
    f.write(b"Late NUL\n\n" + fill + b"before the nul\0 after it: aardvark.\n")
with open(d + "/late.trec", "wb") as f:
    f.write(b"<DOC>\n<DOCNO> T1 </DOCNO>\n<TEXT>" + fill + b"before\0 after: bandicoot.</TEXT>\n</DOC>\n")
with open(d + "/late.sgm", "wb") as f:
    f.write(b'<REUTERS NEWID="1"><TEXT><TITLE>LATE NUL</TITLE><BODY>' + fill +
            b"before\0 after: capybara.</BODY></TEXT></REUTERS>\n")
with open(d + "/late.jsonl", "wb") as f:
    f.write(b'{"title": "Filler", "body": "' + fill + b'"}\n'
            b'{"title": "Late NUL", "body": "before\0 after: dugong."}\n')
PY
run index -d "$TMP/db-nul" "$N"
is "a NUL past 8 KiB: every file indexed, no warning" "$RC:$ERR" "0:"
for w in aardvark bandicoot capybara dugong; do
    is "a NUL past 8 KiB: the text after it is indexed ($w)" "$(query -d "$TMP/db-nul" --count "$w")" 1
done

# A site's mirror: 30 images among its pages.  The first 10 files of a
# warning are named, the others counted in one line at the end (one line
# each buried the warnings that differ); -v names them all.  Skipped files
# are no failure: exit 0 either way.
M=$TMP/mirror
mkdir -p "$M"
for i in $(seq -w 1 30); do printf 'GIF89a\0\0\1\0' > "$M/pic$i.gif"; done
printf 'Ferry timetable\n\nThe winter ferry leaves at nine.\n' > "$M/ferry.txt"
run index -d "$TMP/db-mirror" "$M"
is "30 images: exit 0" "$RC" 0
is "...10 of them named" "$(grep -c ': binary file: skipped$' <<< "$ERR")" 10
has "...the other 20 counted" "$ERR" "trawl-index: and 20 more: binary file: skipped (-v names them)"
is "...the page indexed" "$(query -d "$TMP/db-mirror" --count ferry)" 1
run index -v --full -d "$TMP/db-mirror" "$M"
is "-v: all 30 named, no count" "$(grep -c ': binary file: skipped$' <<< "$ERR"):$(grep -c 'more:' <<< "$ERR")" "30:0"
