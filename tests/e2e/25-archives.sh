#!/bin/bash
# End to end: archives (tar, zip, 7z; plain, gzip, bzip2, xz, zstd, lz4) and single
# compressed files: each member goes through the extractors a file would, with
# the id ARCHIVE#member and ARCHIVE#member#N for a container inside; an archive
# is known by its content without a name; a changed archive has its old members
# replaced or removed.  The tools come from scripts/install-deps.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
M=$TMP/members
A=$TMP/in
mkdir -p "$M/sub" "$A"
printf 'Archived note\n\nThe ptarmigan nests above the tree line.\n' > "$M/sub/a.txt"
cat > "$M/b.html" <<'HTML'
<html><head><title>Ferry timetable changes</title>
<meta property="article:published_time" content="2022-03-04T08:00:00Z"></head>
<body><article><p>The winter ferry timetable ends on Sunday, and the summer sailings to
the islands begin with an extra crossing each morning, the operator said.</p></article></body></html>
HTML
printf '%s\n' '{"title":"Dump one","body":"The wolverine was seen again."}' \
    '{"title":"Dump two","body":"A lynx crossed the road at dawn."}' > "$M/c.jsonl"

# Every kind of archive holds the same three members.
( cd "$M" && tar cf "$A/t.tar" . && tar czf "$A/t.tar.gz" . && tar cjf "$A/t.tar.bz2" . &&
  tar cJf "$A/t.tar.xz" . && tar cf - . | zstd -q > "$A/t.tar.zst" &&
  tar cf - . | lz4 -q > "$A/t.tar.lz4" && zip -qr "$A/t.zip" . &&
  7z a -bd -bso0 "$A/t.7z" . ) || not_ok "the archive tools run (scripts/install-deps installs them)"
# Single compressed files.
xz -c "$M/c.jsonl" > "$A/c.jsonl.xz"
bzip2 -c "$M/sub/a.txt" > "$A/a.txt.bz2"
zstd -qc "$M/b.html" > "$A/b.html.zst"
lz4 -qc "$M/c.jsonl" > "$A/c.jsonl.lz4"
# Known by content alone: a tar.xz with no extension at all.
cp "$A/t.tar.xz" "$A/bundle"
# An archive in an archive: a tar.gz and a note inside a zip.
mkdir -p "$TMP/outer"
cp "$A/t.tar.gz" "$TMP/outer/inner.tar.gz"
printf 'Outer note\n\nThe osprey returned to the loch.\n' > "$TMP/outer/note.txt"
( cd "$TMP/outer" && zip -q "$A/outer.zip" inner.tar.gz note.txt )
# A word-processor document is a zip too, but of XML parts, not articles.
python3 - "$A/report.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document>quokka</w:document>")
PY
# A zip cut short after its first member's header.
head -c 60 "$A/t.zip" > "$A/broken.zip"

members() {   # members ARCHIVE: the ids its three members give
    printf '%s\n' "$1#b.html" "$1#c.jsonl#1" "$1#c.jsonl#2" "$1#sub/a.txt"
}
want=$( { for k in t.tar t.tar.gz t.tar.bz2 t.tar.xz t.tar.zst t.tar.lz4 t.zip t.7z bundle; do
            members "$A/$k"; done
          printf '%s\n' "$A/c.jsonl.xz#1" "$A/c.jsonl.xz#2" "$A/a.txt.bz2" "$A/b.html.zst" \
              "$A/c.jsonl.lz4#1" "$A/c.jsonl.lz4#2" "$A/outer.zip#note.txt"
          members "$A/outer.zip#inner.tar.gz"; } | LC_ALL=C sort)

run index --extract "$A"
ids=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"])' | LC_ALL=C sort)
is "--extract: every member of every kind of archive, with its id" "$ids" "$want"
is "--extract: 47 articles" "$(printf '%s\n' "$OUT" | wc -l)" 47
paths=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    if "#" in a["id"] and a["id"].startswith(a["path"] + "#"): print(a["path"])' | LC_ALL=C sort -u)
has "a member's article carries the archive's path" "$paths" "$A/t.7z"
lacks "no article's path is a member's" "$paths" "#"
title=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    if a["id"].endswith("t.tar.lz4#b.html"): print(a["title"], a["date"])')
is "an HTML member goes through the HTML extractor" "$title" "Ferry timetable changes 2022-03-04T08:00:00Z"
has "the document zip is binary, skipped" "$ERR" "$A/report.docx: binary file: skipped"
lacks "the document's XML parts are not indexed" "$OUT" "quokka"
has "the cut zip is reported" "$ERR" "$A/broken.zip"
is "the cut zip makes the run exit 1" "$RC" 1

# Indexed, then searched.
run index -d "$DB" "$A"
has "summary: 16 files, 14 indexed, 1 skipped, 1 failed" "$OUT" \
    "16 files: 14 indexed, 0 unchanged, 1 skipped, 1 failed, 0 removed; 47 articles written"
is "a tar.zst member is found" \
    "$(query -d "$DB" --format tsv --fields id --no-collapse -n 20 ptarmigan | grep -c 't.tar.zst#sub/a.txt$')" 1
is "every copy of the note is found (9 archives, 1 single file, 1 nested)" \
    "$(query -d "$DB" --count --no-collapse ptarmigan)" 11
is "path: finds an archive's articles" "$(query -d "$DB" --count --no-collapse "path:$A/t.7z")" 4

# A rewritten archive: one member gone, one changed.  Its old articles go.
rm "$M/sub/a.txt"
printf '%s\n' '{"title":"Dump one","body":"The wolverine was seen again."}' > "$M/c.jsonl"
( cd "$M" && tar czf "$A/t.tar.gz" . )
run index -d "$DB" "$A"
has "re-run: only the rewritten archive is read" "$OUT" "16 files: 1 indexed, 14 unchanged"
has "re-run: its 4 old articles are deleted, 2 written" "$OUT" "2 articles written, 4 deleted"
is "the removed member is gone from the index" \
    "$(query -d "$DB" --format tsv --fields id --no-collapse ptarmigan | grep -c 't.tar.gz#')" 0
is "the removed JSON line is gone" \
    "$(query -d "$DB" --format tsv --fields id --no-collapse lynx | grep -c "$A/t.tar.gz#")" 0
is "the other archives keep theirs" "$(query -d "$DB" --count --no-collapse ptarmigan)" 10
rm "$A/t.7z"
run index -d "$DB" "$A"
has "a deleted archive: its articles are removed" "$OUT" "1 removed; 0 articles written, 4 deleted"
