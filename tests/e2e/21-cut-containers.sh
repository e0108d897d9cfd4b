#!/bin/bash
# End to end: a compressed container cut short (a broken download of a
# .jsonl.gz, .json.gz, .csv.gz, .trec.gz or .sgm.gz) keeps every whole record
# that the bytes before the cut inflate to.  A read that fails has added those
# bytes to the window first; the readers returned at the failure and lost
# them, a window's worth of records and more (a .jsonl.gz cut at 99% kept
# 16,661 of its 19,796 whole lines).
. "$(dirname "$0")/../lib.sh"
IN=$TMP/in
mkdir -p "$IN"
python3 - "$TMP" "$IN" <<'PY'
import gzip, json, sys, zlib
tmp, out = sys.argv[1], sys.argv[2]
n = 20000
words = "and some more words about the heron, the egret and the bittern in the marsh"
files = {
    "d.jsonl": "".join(json.dumps({"title": "T%d" % i, "text": "heron%d %s" % (i, words)}) + "\n"
                       for i in range(n)),
    "d.json": json.dumps([{"title": "T%d" % i, "text": "heron%d %s" % (i, words)}
                          for i in range(n)]),
    "d.csv": "title,text\n" + "".join("T%d,heron%d %s\n" % (i, i, words.replace(",", ""))
                                      for i in range(n)),
    "d.trec": "".join("<DOC>\n<DOCNO>D%d</DOCNO>\n<TEXT>\nheron%d %s\n</TEXT>\n</DOC>\n"
                      % (i, i, words) for i in range(n)),
}
# What each cut file holds whole: what its first 95% inflate to, counted in
# its records' ends (a JSON item ends with "}", a TREC record with </DOC>).
ends = {"d.jsonl": "\n", "d.json": "}", "d.csv": "\n", "d.trec": "</DOC>"}
for name, text in files.items():
    packed = gzip.compress(text.encode(), 6)
    cut = packed[:len(packed) * 95 // 100]
    open("%s/%s.gz" % (out, name), "wb").write(cut)
    whole = zlib.decompressobj(16 + 15).decompress(cut).decode()
    count = whole.count(ends[name]) - (1 if name == "d.csv" else 0)   # its header
    open("%s/%s.want" % (tmp, name), "w").write("%d\n" % count)
PY

for f in d.jsonl d.json d.csv d.trec; do
    run index --extract "$IN/$f.gz"
    want=$(cat "$TMP/$f.want")
    got=$(printf '%s\n' "$OUT" | grep -c '^{"id"')
    # A TREC record the cut ends in is indexed up to it, with a warning.
    [ "$f" = d.trec ] && want=$((want + 1))
    is "$f.gz cut at 95%: every whole record before the cut ($want) is kept" "$got" "$want"
    is "$f.gz cut at 95%: exit 1" "$RC" 1
    has "$f.gz cut at 95%: the damage is named" "$ERR" "$IN/$f.gz: truncated gzip data"
done

# A small file cut short, inflated whole by one read that failed at the
# cut: its lines were left where bytes wait to be made UTF-8, unread, and
# the file gave nothing ("truncated gzip data", 0 articles).
python3 - "$IN/small.jsonl.gz" > "$TMP/small.want" <<'PY'
import gzip, json, sys, zlib
text = "".join(json.dumps({"title": "T%d" % i, "text": "egret%d in the marsh" % i}) + "\n"
               for i in range(3000))
cut = gzip.compress(text.encode(), 6)
cut = cut[:len(cut) * 6 // 10]
open(sys.argv[1], "wb").write(cut)
print(zlib.decompressobj(16 + 15).decompress(cut).decode().count("\n"))
PY
run index --extract "$IN/small.jsonl.gz"
is "a small .jsonl.gz cut at 60%: every whole line before the cut is kept" \
    "$(printf '%s\n' "$OUT" | grep -c '^{"id"')" "$(cat "$TMP/small.want")"
is "a small .jsonl.gz cut at 60%: exit 1" "$RC" 1

# Reuters-21578, as it is shipped: a file of 1,000 records cut at 95%.
R=$SHARED/reuters21578/reut2-000.sgm.gz
if [ -f "$R" ]; then
    head -c $(( $(stat -c %s "$R") * 95 / 100 )) "$R" > "$IN/reut2-000.sgm.gz"
    whole=$(head -c $(( $(stat -c %s "$R") * 95 / 100 )) "$R" | gzip -dc 2>/dev/null |
        grep -c '</REUTERS>')
    run index --extract "$IN/reut2-000.sgm.gz"
    is "reut2-000.sgm.gz cut at 95%: its $whole whole records and the one cut are kept" \
        "$(printf '%s\n' "$OUT" | wc -l)" $((whole + 1))
    has "reut2-000.sgm.gz cut at 95%: the cut record is named" "$ERR" \
        "has no closing tag: indexed up to the next record"
else
    skip "reut2-000.sgm.gz cut at 95%" "no shared corpora: set TRAWL_SHARED=DIR"
fi

# Through libarchive (xz, zstd, bzip2, lz4, and any compressed member of an
# archive): archive_read_data lets go of what it had copied of a request when
# it fails, and the whole 256 KiB requested before the damage was lost.  Now
# asked 16 KiB at a time; libarchive's own decoder keeps back its last block
# (64 KiB for xz), so the lines of the last 128 KiB the cut file decodes to
# are not counted on.
X=$TMP/xz
mkdir -p "$X"
python3 - "$TMP" "$X" <<'PY'
import json, lzma, sys
tmp, out = sys.argv[1], sys.argv[2]
words = "and some more words about the heron, the egret and the bittern in the marsh"
text = "".join(json.dumps({"title": "T%d" % i, "text": "heron%d %s" % (i, words)}) + "\n"
               for i in range(20000)).encode()
packed = lzma.compress(text)
cut = packed[:len(packed) * 95 // 100]
open(out + "/d.jsonl.xz", "wb").write(cut)
whole = lzma.LZMADecompressor().decompress(cut)
open(tmp + "/xz.want", "w").write("%d\n" % whole[:len(whole) - 128 * 1024].count(b"\n"))
PY
tar cf "$X/dumps.tar" -C "$X" d.jsonl.xz
least=$(cat "$TMP/xz.want")
for f in d.jsonl.xz dumps.tar; do
    run index --extract "$X/$f"
    got=$(printf '%s\n' "$OUT" | grep -c '^{"id"')
    [ "$got" -ge "$least" ] && ok "$f cut at 95%: its lines before the cut are kept ($got >= $least)" ||
        not_ok "$f cut at 95%: its lines before the cut are kept" "got:  $got" "want: $least or more"
    is "$f cut at 95%: exit 1" "$RC" 1
done
has "a cut member is named" "$ERR" "$X/dumps.tar#d.jsonl.xz: cannot unpack:"

# A damaged gzip member in a file of several (a .warc.gz of one member a
# record, as crawlers write it; dumps run together with cat): the rest of
# that member is lost, and reading goes on from the next member.  A flipped
# byte in record 11 of 300 lost the 290 records after it; one in a member's
# header lost the rest of the file without a warning, and exit 0.
G=$TMP/members
mkdir -p "$G"
python3 - "$G" <<'PY'
import gzip, json, sys
out = sys.argv[1]
def record(i):
    body = ("<html><head><title>Page %d</title></head><body><article><p>Page %d tells of "
            "the heron, the egret and the bittern, which came back to the marsh this spring "
            "in greater numbers than the wardens had counted for ten years.</p></article>"
            "</body></html>" % (i, i)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://marsh.example/p%d\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (i, i, len(http)) + http + b"\r\n\r\n")
members = [bytearray(gzip.compress(record(i))) for i in range(300)]
for k in (20, 21, 22):
    members[10][k] ^= 0x5A                  # early in record 10's deflated data
for k in (-30, -29, -28):
    members[200][k] ^= 0x5A                 # late in record 200's
open(out + "/crawl.warc.gz", "wb").write(b"".join(members))
# Record 50's header damaged: the member before it ends cleanly, and what
# follows is no gzip header.  It and the 249 after it were lost, silently.
members = [bytearray(gzip.compress(record(i))) for i in range(300)]
members[50][1] ^= 0x01
open(out + "/header.warc.gz", "wb").write(b"".join(members))
# Three dumps run together with cat, the second damaged.
parts = [bytearray(gzip.compress("".join(json.dumps({"title": "Dump %d line %d" % (d, i),
         "text": "kittiwake%d_%d nests on the cliff" % (d, i)}) + "\n" for i in range(200)).encode()))
         for d in range(3)]
for k in (40, 41, 42):
    parts[1][k] ^= 0x5A
open(out + "/dumps.jsonl.gz", "wb").write(b"".join(parts))
# The first member damaged: until now only a file already seen to hold a
# second member went on, so it lost the whole file.
members = [bytearray(gzip.compress(record(i))) for i in range(300)]
for k in (20, 21, 22):
    members[0][k] ^= 0x5A
open(out + "/first.warc.gz", "wb").write(b"".join(members))
parts[1] = bytearray(gzip.compress(b"".join(json.dumps({"title": "Dump 1 line %d" % i,
           "text": "kittiwake1_%d nests on the cliff" % i}).encode() + b"\n" for i in range(200))))
for k in (40, 41, 42):
    parts[0][k] ^= 0x5A
open(out + "/first.jsonl.gz", "wb").write(b"".join(parts))
# One member of 300 records, damaged early, and bytes further on that look
# like a gzip header, random bytes after it: not a member, and no records.
one = bytearray(gzip.compress(b"".join(record(i) for i in range(300))))
for k in (20, 21, 22):
    one[k] ^= 0x5A
one[2000:2010] = gzip.compress(b"")[:10]
one[2010:2510] = bytes((i * 131 + 7) % 256 for i in range(500))
open(out + "/one.warc.gz", "wb").write(one)
PY
run index --extract "$G/crawl.warc.gz"
is "damaged member of a .warc.gz: exit 1" "$RC" 1
has "damaged member of a .warc.gz: said, with where" "$ERR" \
    "$G/crawl.warc.gz: corrupt gzip data at byte "
has "...and that reading went on" "$ERR" \
    "the rest of that gzip member is lost, and reading went on from the next (2 damaged members in all)"
missing=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
got = {json.loads(l)["url"] for l in sys.stdin}
print(" ".join(str(i) for i in range(300) if "http://marsh.example/p%d" % i not in got))')
is "damaged members of a .warc.gz: every other record is read" "$(echo " $missing " |
    sed 's/ 10 / /; s/ 200 / /' | tr -d ' ')" ""
run index --extract "$G/header.warc.gz"
is "a member's header damaged: every other record is read" \
    "$(printf '%s\n' "$OUT" | grep -c '"id"'):$(printf '%s\n' "$OUT" | grep -c 'marsh.example/p50"')" "299:0"
has "a member's header damaged: said, not passed over in silence" "$ERR" \
    "$G/header.warc.gz: corrupt gzip data at byte "
is "a member's header damaged: exit 1" "$RC" 1
run index --extract "$G/dumps.jsonl.gz"
is "dumps run together, the second damaged: the first and the third are read" \
    "$(printf '%s\n' "$OUT" | grep -c '"title":"Dump [02] line')" 400
is "dumps run together, the second damaged: exit 1" "$RC" 1
run index --extract "$G/first.warc.gz"
is "the first member of a .warc.gz damaged: every other record is read" \
    "$(printf '%s\n' "$OUT" | grep -c '"id"'):$(printf '%s\n' "$OUT" | grep -c 'marsh.example/p0"')" "299:0"
has "...said, and that reading went on" "$ERR" \
    "$G/first.warc.gz: corrupt gzip data at byte 50: invalid code -- missing end-of-block; the rest of that gzip member is lost, and reading went on from the next (1 damaged members in all)"
is "...exit 1" "$RC" 1
run index --extract "$G/first.jsonl.gz"
is "dumps run together, the first damaged: the second and the third are read" \
    "$(printf '%s\n' "$OUT" | grep -c '"title":"Dump [12] line'):$RC" 400:1
# The same .warc.gz inside a tar and a zip: libarchive's gzip filter failed
# it at the first fault, and what it had read ahead with it (none of the
# 300); inflated as a file is, it loses what the file on disk loses.
mkdir -p "$G/in"
cp "$G/crawl.warc.gz" "$G/in/"
tar cf "$G/crawl.tar" -C "$G/in" crawl.warc.gz
python3 -c 'import sys, zipfile
zipfile.ZipFile(sys.argv[1], "w").write(sys.argv[2], "crawl.warc.gz")' "$G/crawl.zip" "$G/in/crawl.warc.gz"
urls() { printf '%s\n' "$OUT" | grep -o '"url":"[^"]*"' | sort | paste -sd' '; }
run index --extract "$G/crawl.warc.gz"
on_disk=$(urls)
for f in crawl.tar crawl.zip; do
    run index --extract "$G/$f"
    is "$f holding a damaged .warc.gz: the records the file on disk gives, 298 or more" \
        "$(urls):$(( $(urls | wc -w) >= 298 ))" "$on_disk:1"
    has "...said of the member, with that reading went on" "$ERR" \
        "$G/$f#crawl.warc.gz: corrupt gzip data at byte "
    has "...(both damaged members counted)" "$ERR" "reading went on from the next (2 damaged members in all)"
    is "...exit 1" "$RC" 1
done
run index --extract "$G/one.warc.gz"
has "one damaged member: its damage ends the file, said as before" "$ERR" \
    "$G/one.warc.gz: corrupt gzip data at byte "
is "...bytes that look like a header are no member: no records made of them" \
    "$(printf '%s\n' "$OUT" | grep -c '"id"'):$(printf '%s\n' "$ERR" | grep -c 'reading went on'):$RC" "0:0:1"
