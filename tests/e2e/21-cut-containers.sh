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
