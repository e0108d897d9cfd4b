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

# Member names: a zip's flagged as UTF-8 (Python, 7-Zip and Windows flag them),
# a 7-Zip's (UTF-16 inside), a zip's unflagged DOS code page (CP437) ones.
# In the C locale libarchive gave the first two no name, and both members
# were passed over without a word; two CP437 names became one id.
N=$TMP/names
mkdir -p "$N/m"
python3 - "$N" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/utf8.zip", "w") as z:
    z.writestr("café-story.txt", "Cafe story\n\nThe barista counted the quetzals.\n")
    z.writestr("plain.txt", "Plain story\n\nThe baker counted the loaves.\n")
# Names as DOS wrote them: the bytes of CP437 (0x82 e acute, 0x85 a grave),
# no UTF-8 flag; Python would flag them, so ASCII names of the same length
# are written and their bytes replaced.
with zipfile.ZipFile(d + "/dos.zip", "w") as z:
    for name, word in (("cafE.txt", "tapir"), ("cafA.txt", "okapi")):
        z.writestr(name, "Old story\n\nA %s was seen.\n" % word)
raw = open(d + "/dos.zip", "rb").read()
raw = raw.replace(b"cafE.txt", b"caf\x82.txt").replace(b"cafA.txt", b"caf\x85.txt")
open(d + "/dos.zip", "wb").write(raw)
PY
printf 'Stazione\n\nIl treno per Genova parte dal binario sette.\n' > "$N/m/città.txt"
( cd "$N/m" && 7z a -bd -bso0 "$N/names.7z" città.txt ) || not_ok "7z runs"
rm -rf "$N/m"
run env LC_ALL=C "$BIN/trawl-index" --extract "$N"
names=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(" ".join(sorted(json.loads(l)["id"].rsplit("/", 1)[1] for l in sys.stdin)))')
is "names: UTF-8 zip and 7z names, CP437 zip names, in the C locale" "$names" \
    "dos.zip#cafà.txt dos.zip#café.txt names.7z#città.txt utf8.zip#café-story.txt utf8.zip#plain.txt"
is "names: exit 0" "$RC" 0
lacks "names: nothing to warn about" "$ERR" "trawl-index:"
index -q -d "$TMP/names-db" "$N"
is "names: a CP437 member's id as shown works with --show" \
    "$(query -d "$TMP/names-db" --show "$N/dos.zip#café.txt" | tail -1)" "A tapir was seen."

# An archive longer than --max-file-size is read whole: the limit is of one
# member (it cut a 70 MB tar of 500 KB crawls at 64 MB).
B=$TMP/big
mkdir -p "$B/m"
python3 - "$B/m" <<'PY'
import random, sys
r = random.Random(7)    # words that do not compress: the zip is as long as the tar
for i in range(40):
    words = " ".join("".join(r.choice("abcdefghij") for _ in range(8)) for _ in range(7000))
    open("%s/c%d.txt" % (sys.argv[1], i), "w").write("Crawl %d\n\n%s\n" % (i, words))
PY
( cd "$B/m" && tar cf "$B/crawls.tar" . && zip -qr "$B/crawls.zip" . )
rm -rf "$B/m"
run index -d "$TMP/big-db" --max-file-size 1M "$B"
is "big archives: read past --max-file-size, no warning" "$RC:$ERR" "0:"
is "big archives: every member of both indexed" \
    "$(query -d "$TMP/big-db" --count --no-collapse crawl)" 80

# A zstd file that starts with a skippable frame, as pzstd writes it, is
# compressed, not binary.
Z=$TMP/skip
mkdir -p "$Z"
printf 'Pzstd story\n\nThe narwhal surfaced.\n' | zstd -qc > "$TMP/plain.zst"
{ printf '\x50\x2a\x4d\x18\x04\x00\x00\x00\x00\x00\x00\x00'; cat "$TMP/plain.zst"; } > "$Z/story.txt.zst"
run index --extract "$Z"
is "skippable frame first: the article is read" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["title"])')" \
    "Pzstd story"

# A compressed dump cut short: one warning, its lines before the cut kept.
T=$TMP/trunc
mkdir -p "$T"
python3 -c '
import sys
sys.stdout.write("".join("{\"title\": \"T%d\", \"text\": \"heron%d\"}\n" % (i, i) for i in range(60000)))' > "$TMP/d.jsonl"
# bzip2 packs 900 KB a block: 2.4 MB cut at 100 KB keeps a whole block.
bzip2 -c "$TMP/d.jsonl" | head -c 100000 > "$T/d.jsonl.bz2"
run index --extract "$T"
is "cut .jsonl.bz2: exit 1" "$RC" 1
is "cut .jsonl.bz2: named once" "$(printf '%s\n' "$ERR" | grep -c "^trawl-index: $T/d.jsonl.bz2:")" 1
is "cut .jsonl.bz2: its first lines kept" "$(printf '%s\n' "$OUT" | head -1 |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')" "$T/d.jsonl.bz2#1"

# A 7-Zip archive compressed, or inside another archive: libarchive reads 7z
# only from an input it can seek in, and these gave "Damaged 7-Zip archive".
S=$TMP/seven
mkdir -p "$S/m" "$S/in"
printf 'Seven story\n\nThe ibex climbed the scree.\n' > "$S/m/story.txt"
( cd "$S/m" && 7z a -bd -bso0 "$S/inner.7z" story.txt ) || not_ok "7z runs"
xz -c "$S/inner.7z" > "$S/in/x.7z.xz"
gzip -c "$S/inner.7z" > "$S/in/x.7z.gz"
( cd "$S" && tar czf "$S/in/outer.tar.gz" inner.7z && zip -q "$S/in/outer.zip" inner.7z )
run index --extract "$S/in"
is "7z compressed or inside an archive: exit 0" "$RC" 0
is "7z compressed or inside an archive: each read" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(" ".join(sorted(json.loads(l)["id"].rsplit("/", 1)[1] for l in sys.stdin)))')" \
    "outer.tar.gz#inner.7z#story.txt outer.zip#inner.7z#story.txt x.7z.gz#story.txt x.7z.xz#story.txt"
run index --extract --max-file-size 100 "$S/in/x.7z.xz"
has "7z inside: longer than --max-file-size, said so" "$ERR" \
    "read into memory, and this one is longer than 100 bytes (limit: --max-file-size): not read"

# A zip with a damaged member: the members after it are read all the same
# (libarchive's handle is dead after the damage; the zip is read again from
# its directory). In a zip that is not a file of its own, they are lost, and
# the warning says so.
D=$TMP/damaged
mkdir -p "$D"
python3 - "$D/news.zip" <<'PY'
import sys, zipfile
path = sys.argv[1]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(4):
        z.writestr("m%d.txt" % i, ("Member %d\n\nAbout gannet%d, and more words.\n" % (i, i)) * 3)
b = bytearray(open(path, "rb").read())
p = b.find(b"PK\x03\x04", 1)                # the second member's header
d = p + 30 + int.from_bytes(b[p + 26:p + 28], "little") + int.from_bytes(b[p + 28:p + 30], "little")
for k in range(5, 15):
    b[d + k] ^= 0x55                        # its deflated data damaged
open(path, "wb").write(bytes(b))
PY
run index --extract "$D/news.zip"
is "damaged zip member: exit 1" "$RC" 1
has "damaged zip member: named" "$ERR" "$D/news.zip#m1.txt: cannot unpack: ZIP decompression failed"
is "damaged zip member: the members after it are read" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(" ".join(json.loads(l)["id"].rsplit("#", 1)[1] for l in sys.stdin))')" "m0.txt m2.txt m3.txt"
tar cf "$D/outer.tar" -C "$D" news.zip
run index --extract "$D/outer.tar"
has "damaged zip member inside a tar: the loss of the rest is said" "$ERR" \
    "$D/outer.tar#news.zip: cannot unpack: ZIP decompression failed (-3); the members after it are not read"

# Compressed by its first bytes alone, but no decompressor takes it: an lz4
# file whose frame header is damaged was read again as its own member four
# deep, said to be "archive inside 4 others: not read (nesting limit)" and
# counted as skipped.  And "BZh" alone is no bzip2 (its block size and the
# magic of a block follow): an article that starts with it was such a file.
K=$TMP/magic
mkdir -p "$K"
printf 'Story\n\nThe otters came back to the river.\n' | lz4 -qc > "$TMP/ok.lz4"
python3 - "$TMP/ok.lz4" "$K/bad.txt.lz4" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[4] = 0xFF                             # its frame descriptor's flags
open(sys.argv[2], "wb").write(bytes(b))
PY
printf 'BZh and friends\n\nThe band BZh played to a large crowd in the park.\n' > "$K/bzh.txt"
run index --extract "$K"
is "damaged lz4 header: exit 1" "$RC" 1
has "damaged lz4 header: said to be damaged" "$ERR" \
    "$K/bad.txt.lz4: its first bytes are those of compressed data (gzip, bzip2, xz, zstd or lz4), but it cannot be decompressed: damaged"
lacks "damaged lz4 header: not taken for nested archives" "$ERR" "nesting limit"
has "damaged lz4 header: counted as failed" "$ERR" "1 extracted, 0 skipped, 1 failed"
is "a text that starts with BZh is read as text" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["title"])')" \
    "BZh and friends"

# A zip made by macOS: beside each file a "__MACOSX/dir/._name" of binary
# metadata, and a .DS_Store.  They are hidden files, passed over without a
# word as the walk passes over hidden files on disk: each was reported as a
# binary file skipped.  A name that climbs with ".." is still reported.
Z=$TMP/mac
mkdir -p "$Z"
python3 - "$Z/photos-and-notes.zip" <<'PY'
import sys, zipfile
apple = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(200)
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for i in range(12):
        z.writestr("notes/n%d.txt" % i, "Note %d\n\nThe curlew %d called over the estuary.\n" % (i, i))
        z.writestr("__MACOSX/notes/._n%d.txt" % i, apple)
    z.writestr(".DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(100))
    z.writestr("notes/.git/config", "[core]\n\tbare = false\n")
    z.writestr("../up.txt", "Up\n\nThe marmot climbs out.\n")
PY
run index --extract "$Z"
is "macOS zip: its 12 notes are read" "$(printf '%s\n' "$OUT" | grep -c '"title":"Note ')" 12
is "macOS zip: nothing else is" "$(printf '%s\n' "$OUT" | grep -c '"id"')" 12
lacks "macOS zip: no word of its hidden members" "$ERR" "binary file"
lacks "macOS zip: ...nor of a hidden folder's" "$ERR" ".git"
has "macOS zip: a name that climbs out is still reported" "$ERR" \
    "$Z/photos-and-notes.zip: ../up.txt: member name is absolute or climbs out of the archive"
