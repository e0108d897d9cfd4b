#!/bin/bash
# End to end: web archives (WARC/1.1 and 1.0, plain, gzip with one member per
# record, zstd).  Only the response and resource records that hold HTML or
# text become articles, with the target URI as url, the page's own date, else
# the day the URI names, else the record's, the charset of the HTTP Content-Type (the
# page's own when that reads it better), and the id WARC#URI (or #record-id); requests, metadata,
# images, redirects and errors give nothing.  A big record is skipped or cut in
# bounded memory; a record whose Content-Length is wrong does not lose the rest.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"

python3 - "$IN" <<'PY'
import gzip, sys, zlib
d = sys.argv[1]
n = [0]
def rec(typ, headers, block, ver="WARC/1.1"):
    n[0] += 1
    h = [ver, "WARC-Type: " + typ, "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % n[0]]
    h += ["%s: %s" % kv for kv in headers]
    h.append("Content-Length: %d" % len(block))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
def http(status, ctype, body, extra=""):
    head = "HTTP/1.1 %s\r\n" % status
    if ctype:
        head += "Content-Type: %s\r\n" % ctype
    return (head + extra + "\r\n").encode() + body
def resp(uri, date, block):
    return rec("response", [("WARC-Target-URI", uri), ("WARC-Date", date),
                            ("Content-Type", "application/http; msgtype=response")], block)
# Windows-1251 only in the HTTP header: read as Windows-1252 it would be mojibake.
bridge = ("<html><head><title>Мост открыт</title></head><body><article><p>The harbour "
          "bridge reopened to traffic on Friday after eight months of repairs, the city's "
          "engineers said.</p><p>Жители довольны: паромы снова ходят.</p></article>"
          "</body></html>").encode("cp1251")
lighthouse = (b"<html><head><title>Lighthouse sold</title><meta property='article:published_time' "
              b"content='2019-04-02T09:00:00Z'></head><body><article><p>The old lighthouse on the "
              b"point was sold at auction for a sum the council called fair, and the buyer plans "
              b"a museum of the coast in its keeper's cottage.</p></article></body></html>")
gz = gzip.compress(b"<html><head><title>Tram line extended</title></head><body><article><p>The "
                   b"tram line will reach the hospital by 2026, councillors decided on Monday "
                   b"after a long debate about the cost of the bridge over the river.</p>"
                   b"</article></body></html>")
chunked = b"%x\r\n" % 10 + gz[:10] + b"\r\n" + b"%x\r\n" % (len(gz) - 10) + gz[10:] + b"\r\n0\r\n\r\n"
records = [
    rec("warcinfo", [("WARC-Date", "2021-06-17T10:00:00Z"), ("Content-Type", "application/warc-fields")],
        b"software: trawl test\r\nformat: WARC File Format 1.1\r\n"),
    rec("request", [("WARC-Target-URI", "https://news.example/bridge"), ("WARC-Date", "2021-06-17T10:00:01Z"),
                    ("Content-Type", "application/http; msgtype=request")],
        b"GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n"),
    resp("https://news.example/bridge", "2021-06-17T10:00:02Z",
         http("200 OK", "text/html; charset=windows-1251", bridge)),
    resp("https://news.example/logo.jpg", "2021-06-17T10:00:03Z",
         http("200 OK", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)),
    resp("https://news.example/lighthouse", "2021-06-18T11:00:00Z", http("200 OK", "text/html", lighthouse)),
    rec("metadata", [("WARC-Target-URI", "https://news.example/lighthouse"), ("WARC-Date", "2021-06-18T11:00:01Z"),
                     ("Content-Type", "application/warc-fields")], b"outlink: https://news.example/x\r\n"),
    resp("https://news.example/old", "2021-06-18T11:00:02Z",
         http("301 Moved Permanently", "text/html", b"<html><body><p>Moved to the walrus page.</p></body></html>",
              "Location: https://news.example/new\r\n")),
    resp("https://news.example/missing", "2021-06-18T11:00:03Z",
         http("404 Not Found", "text/html", b"<html><body><p>No narwhal here at all.</p></body></html>")),
    resp("https://news.example/2021/06/18/tram", "2021-06-19T08:30:00Z",
         http("200 OK", "text/html", chunked, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
    rec("resource", [("WARC-Date", "2021-06-20T12:00:00Z"), ("Content-Type", "text/plain")],
        b"Ferry notice\n\nThe evening ferry is cancelled because of the gale.\n"),
    rec("revisit", [("WARC-Target-URI", "https://news.example/bridge"), ("WARC-Date", "2021-06-21T10:00:00Z"),
                    ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                    ("Content-Type", "application/http; msgtype=response")], b"HTTP/1.1 200 OK\r\n\r\n"),
]
open(d + "/crawl.warc", "wb").write(b"".join(records))
open(d + "/crawl.warc.gz", "wb").write(b"".join(gzip.compress(r) for r in records))
# WARC/1.0, as older crawlers write it.
old = [r.replace(b"WARC/1.1\r\n", b"WARC/1.0\r\n", 1) for r in records[:3]]
open(d + "/old.warc", "wb").write(b"".join(old))
PY
zstd -q "$IN/crawl.warc" -o "$IN/crawl.warc.zst"

run index --extract "$IN/crawl.warc"
got=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(" | ".join(str(a[k]) for k in ("id", "path", "title", "url", "date")))')
want="$IN/crawl.warc#https://news.example/bridge | $IN/crawl.warc | Мост открыт | https://news.example/bridge | 2021-06-17T10:00:02Z
$IN/crawl.warc#https://news.example/lighthouse | $IN/crawl.warc | Lighthouse sold | https://news.example/lighthouse | 2019-04-02T09:00:00Z
$IN/crawl.warc#https://news.example/2021/06/18/tram | $IN/crawl.warc | Tram line extended | https://news.example/2021/06/18/tram | 2021-06-18
$IN/crawl.warc#urn:uuid:00000000-0000-0000-0000-000000000010 | $IN/crawl.warc | Ferry notice | None | 2021-06-20T12:00:00Z"
is "WARC/1.1: the 200 HTML responses and the text resource, with id, url and date (the page's, else the day its url names, else the record's)" "$got" "$want"
has "the charset comes from the HTTP Content-Type" "$OUT" "Жители довольны"
lacks "no redirect page" "$OUT" "walrus"
lacks "no error page" "$OUT" "narwhal"
lacks "no request, metadata or image record" "$OUT" "logo.jpg"
lacks "no warning" "$ERR" "trawl-index:"
has "4 articles" "$ERR" "1 files: 1 extracted, 0 skipped, 0 failed; 4 articles;"

# A page whose HTTP Content-Type and <meta> disagree: its server sends it in
# Shift_JIS under a template's stale EUC-JP.  Browsers read what the header
# says; read as EUC-JP, every Japanese character was U+FFFD.
mkdir -p "$TMP/sjis"
python3 - "$TMP/sjis/sjis.warc" <<'PY'
import sys
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">'
        '<title>港の浚渫が始まる</title></head><body><article><h1>港の浚渫が始まる</h1>'
        '<p>港湾委員会は火曜日、東側の水路を浚渫することを決めた。</p></article></body></html>').encode('shift_jis')
http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=Shift_JIS\r\n\r\n' + page
open(sys.argv[1], 'wb').write(
    b'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://port.example/dredge\r\n'
    b'WARC-Date: 2021-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:5>\r\n'
    b'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' % len(http)
    + http + b'\r\n\r\n')
PY
run index --extract "$TMP/sjis/sjis.warc"
has "a header's charset over a <meta> that reads the page worse: the title" "$OUT" '"title":"港の浚渫が始まる"'
has "...and the body" "$OUT" "港湾委員会は火曜日"

for f in crawl.warc.gz crawl.warc.zst; do
    run index --extract "$IN/$f"
    ids=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["id"])')
    is "$f: the same four articles" "$ids" "$(printf '%s\n' "$IN/$f#https://news.example/bridge" \
        "$IN/$f#https://news.example/lighthouse" "$IN/$f#https://news.example/2021/06/18/tram" \
        "$IN/$f#urn:uuid:00000000-0000-0000-0000-000000000010")"
done
run index --extract "$IN/old.warc"
is "WARC/1.0: read too" "$(printf '%s\n' "$OUT" | grep -c '"title":"Мост открыт"')" 1

# Indexed: searchable by the page's words, url and site.
run index -d "$DB" "$IN"
has "summary" "$OUT" "4 files: 4 indexed, 0 unchanged, 0 skipped, 0 failed, 0 removed; 13 articles written"
is "a page of the WARC is found by its words" \
    "$(query -d "$DB" --format tsv --fields id auction path:"$IN/crawl.warc.gz")" \
    "$IN/crawl.warc.gz#https://news.example/lighthouse"
is "...and by its url's site" "$(query -d "$DB" --count --no-collapse site:news.example)" 10

# A rewritten WARC: its old records' articles go.
python3 - "$IN/crawl.warc" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# Keep the records up to the lighthouse page only.
cut = data.index(b"WARC/1.1\r\nWARC-Type: metadata")
open(sys.argv[1], "wb").write(data[:cut])
PY
run index -d "$DB" "$IN"
has "re-run: the rewritten WARC alone is read, its 4 old articles replaced by 2" "$OUT" \
    "4 files: 1 indexed, 3 unchanged, 0 skipped, 0 failed, 0 removed; 2 articles written, 4 deleted"
is "the tram page of the rewritten WARC is gone" \
    "$(query -d "$DB" --count --no-collapse tram path:"$IN/crawl.warc")" 0

# Big records: a 64 MiB video response is skipped as it is read, a 40 MiB page
# is cut at 32 MiB; a truncated last record is reported.
B=$TMP/big
mkdir -p "$B"
python3 - "$B/big.warc.gz" <<'PY'
import gzip, sys
def rec(uri, ctype, body):
    block = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n" % ctype).encode() + body
    return (("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-01-01T00:00:00Z\r\n"
             "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
            % (uri, len(block))).encode() + block + b"\r\n\r\n"
with open(sys.argv[1], "wb") as f:
    f.write(gzip.compress(rec("https://v.example/video", "video/mp4", b"\0" * (64 << 20)), 1))
    f.write(gzip.compress(rec("https://v.example/huge", "text/html",
                              b"<html><body><p>" + b"quokka wallaby " * (40 << 16) + b"</p></body></html>"), 1))
    last = rec("https://v.example/after", "text/html", b"<html><body><p>The numbat is here.</p></body></html>")
    f.write(gzip.compress(last[:-30], 1))
PY
# (The pages go to /dev/null: only the warnings and the memory count.)
peak sh -c '"$0" --extract "$1" > /dev/null' "$BIN/trawl-index" "$B"
has "a page over 32 MiB is cut, and said so" "$ERR" \
    "$B/big.warc.gz: https://v.example/huge: record over 32 MiB: only its first part is read"
has "a cut last record is reported" "$ERR" "$B/big.warc.gz: the last WARC record is cut short"
is "...and the file counts as failed (exit 1)" "$RC" 1
under_256 "big records"

# A wrong Content-Length (20 bytes short or long; 100 KiB short on an image,
# further than the reader looks while it holds the record) does not lose the
# records after it: reading goes on from the next record, said once.
W=$TMP/damaged
mkdir -p "$W"
python3 - "$W" <<'PY'
import sys
def rec(uri, ctype, body, error=0):
    block = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n" % ctype).encode() + body
    return (("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-01-01T00:00:00Z\r\n"
             "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
            % (uri, len(block) + error)).encode() + block + b"\r\n\r\n"
def page(i, error=0):
    return rec("https://d.example/%d" % i, "text/html",
               b"<html><body><article><p>Story %d about the dugong, told at length so that it is "
               b"an article.</p><p>It ends with the word tailword%d.</p></article></body></html>" % (i, i),
               error)
for name, error in (("short", -20), ("long", 20)):
    open("%s/%s.warc" % (sys.argv[1], name), "wb").write(
        b"".join(page(i, error if i == 1 else 0) for i in range(4)))
image = bytes(range(256)) * 800
open(sys.argv[1] + "/image.warc", "wb").write(
    page(0) + rec("https://d.example/photo.jpg", "image/jpeg", image, -100 * 1024) + page(2))
PY
for f in short long; do
    run index --extract "$W/$f.warc"
    is "$f Content-Length: all four pages" "$(printf '%s\n' "$OUT" | grep -c 'about the dugong')" 4
    has "...the damaged page whole" "$OUT" "tailword1"
    has "...said once, with where" "$ERR" "$W/$f.warc: record at byte 380: its Content-Length does not end at a record boundary; reading on from the next record at byte 760"
    is "...one warning, and nothing lost (exit 0)" "$(printf '%s\n' "$ERR" | grep -c 'trawl-index:') $RC" "1 0"
done
run index --extract "$W/image.warc"
is "a wrong length far off: the page after the image is read" \
    "$(printf '%s\n' "$OUT" | grep -o 'tailword[0-9]' | paste -sd' ')" "tailword0 tailword2"
has "...said, and the file counts as failed: bytes were passed over" "$ERR" \
    "record at byte 380: its Content-Length does not end at a record boundary; reading on from the next record at byte 205415"
is "...(exit 1)" "$RC" 1

# A record with no Content-Length, or one that is not a number, runs to the
# next record, as one whose length is wrong does (it stopped the file: every
# record after it was lost); the last runs to the end of the file.  One with
# no WARC-Type cannot be told apart: passed over, said, and the rest read.
python3 - "$W" <<'PY'
import sys
def rec(i, length="ok", typ="response"):
    body = (b"<html><body><article><p>Story %d about the manatee, told at length so that it "
            b"is an article.</p><p>It ends with the word endword%d.</p></article></body></html>" % (i, i))
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    h = "WARC/1.0\r\n" + ("WARC-Type: %s\r\n" % typ if typ else "")
    h += "WARC-Target-URI: https://m.example/%d\r\nContent-Type: application/http; msgtype=response\r\n" % i
    if length is not None:
        h += "Content-Length: %s\r\n" % (len(block) if length == "ok" else length)
    return (h + "\r\n").encode() + block + b"\r\n\r\n"
d = sys.argv[1]
# Record 4 lies 3 MiB past record 3, beyond an image: looked for a step at a time.
image = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://m.example/i.jpg\r\n"
         b"Content-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 200 OK\r\n"
         b"Content-Type: image/jpeg\r\n\r\n" + bytes(range(256)) * (12 << 10) + b"\r\n\r\n")
recs = [rec(0), rec(1, None), rec(2, "12x"), rec(3, "-1"), image, rec(4), rec(5, None)]
open(d + "/nolength.warc", "wb").write(b"".join(recs))
# The warnings expected, from the bytes: where each record without a usable
# length starts, and where the one after it does.
at = [sum(map(len, recs[:i])) for i in range(len(recs))]
want = ["record at byte %d: it has no valid Content-Length; reading on from the next record "
        "at byte %d" % (at[i], at[i + 1]) for i in (1, 2, 3, 4)]
want.append("record at byte %d: it has no valid Content-Length; it is read to the end of the "
            "file" % at[6])
open(d + "/nolength.want", "w").write("\n".join(want) + "\n")
open(d + "/notype.warc", "wb").write(rec(0) + rec(1, typ=None) + rec(2))
open(d + "/notype.want", "w").write("record at byte %d has no WARC-Type: it is passed over\n" % len(rec(0)))
PY
run index --extract "$W/nolength.warc"
is "no usable Content-Length: every page is read" \
    "$(printf '%s\n' "$OUT" | grep -o 'endword[0-9]' | paste -sd' ')" \
    "endword0 endword1 endword2 endword3 endword4 endword5"
is "...each said, with where reading went on" \
    "$(printf '%s\n' "$ERR" | grep -o 'record at byte .*')" "$(cat "$W/nolength.want")"
is "...nothing lost (exit 0)" "$RC" 0
run index --extract "$W/notype.warc"
is "no WARC-Type: the records around it are read" \
    "$(printf '%s\n' "$OUT" | grep -o 'endword[0-9]' | paste -sd' ')" "endword0 endword2"
is "...it is said" "$(printf '%s\n' "$ERR" | grep -o 'record at byte .*')" "$(cat "$W/notype.want")"
is "...and the file counts as failed (exit 1)" "$RC" 1

# A response record without a Content-Type of its own (WARC asks for one;
# writers of a few lines leave it out) holding an HTTP response: its page is
# read (it was lost without a word); one that holds no HTTP gives nothing.
python3 - "$W/noctype.warc" <<'PY'
import sys
def rec(uri, block):
    return (("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Length: %d\r\n\r\n")
            % (uri, len(block))).encode() + block + b"\r\n\r\n"
page = (b"<html><head><title>Pier reopens</title></head><body><article><p>The pier reopened "
        b"on Saturday after the winter storms, the council said.</p></article></body></html>")
open(sys.argv[1], "wb").write(
    rec("https://n.example/pier", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page) +
    rec("dns:n.example", b"20230501100000\nn.example. 300 IN A 192.0.2.1\n"))
PY
run index --extract "$W/noctype.warc"
is "a response without a Content-Type: its page, and nothing of a DNS answer" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["url"], "|", a["title"])'):$RC" "https://n.example/pier | Pier reopens:0"

# HTTP headers whose lines end in a bare newline end at their own blank line,
# not at a later CRLF blank line of the page ("\n\n", or "\n\r\n" when only
# the blank line is CRLF).
python3 - "$W" <<'PY'
import sys
body = (b"<html><head><title>Mayor resigns</title></head><body><article><p>Lead paragraph "
        b"about the leadword, long enough to be the story.</p>\r\n\r\n<p>Second paragraph, "
        b"about the council.</p></article></body></html>")
out = b""
for i, end in enumerate((b"\n", b"\r\n")):
    block = b"HTTP/1.1 200 OK\nContent-Type: text/html\n" + end + body
    out += (("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://m.example/%d\r\n"
             "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
            % (i, len(block))).encode() + block + b"\r\n\r\n"
open(sys.argv[1] + "/lf.warc", "wb").write(out)
PY
run index --extract "$W/lf.warc"
is "bare-newline HTTP headers: the page whole, both ways" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["title"], "|", a["body"][:33])')" "Mayor resigns | Lead paragraph about the leadword
Mayor resigns | Lead paragraph about the leadword"

# Pages sent compressed, as browser-based crawlers record them: deflate (zlib's
# format, or raw as some servers send it), br and zstd are decoded; a page in
# an encoding trawl cannot read, or damaged, is said and fails the file.  A
# page sent in UTF-16 (with its byte-order mark) is read as well, and so is a
# page stored decoded under the server's Content-Encoding (as a crawler that
# fetches through Python's requests and writes with warcio stores it).
printf '%s' "<html><head><title>Brotli story</title></head><body><article><p>The story of the \
brotliword, sent br-encoded by the server and kept so by the crawler.</p></article></body></html>" |
    brotli -c > "$W/page.br"
printf '%s' "<html><head><title>Zstandard story</title></head><body><article><p>The story of \
the zstdword, sent zstd-encoded by the server and kept so by the crawler.</p></article></body></html>" |
    zstd -q -c > "$W/page.zst"
python3 - "$W" <<'PY'
import sys, zlib
d = sys.argv[1]
def rec(uri, ctype, coding, body):
    block = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Encoding: %s\r\n\r\n" % (ctype, coding)).encode() + body
    return (("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
             "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
            % (uri, len(block))).encode() + block + b"\r\n\r\n"
def page(word):
    return (b"<html><head><title>Story of the %s</title></head><body><article><p>The %s was "
            b"seen in the harbour, the coastguard said, for the first time in years.</p>"
            b"</article></body></html>" % (word, word))
br = open(d + "/page.br", "rb").read()
zst = open(d + "/page.zst", "rb").read()
# What compress(1) writes: its magic, then binary codes.
lzw = b"\x1f\x9d\x90" + bytes(range(256))
utf16 = "\ufeff" + page(b"utf16word").decode().replace("harbour", "harbour at Tromsø")
open(d + "/coded.warc", "wb").write(
    rec("https://c.example/zlib", "text/html", "deflate", zlib.compress(page(b"zlibword"))) +
    rec("https://c.example/raw", "text/html", "deflate", zlib.compress(page(b"rawword"))[2:-4]) +
    rec("https://c.example/br", "text/html", "br", br) +
    rec("https://c.example/zstd", "text/html", "zstd", zst) +
    rec("https://c.example/utf16", "text/html; charset=utf-16", "identity",
        utf16.encode("utf-16-le")) +
    rec("https://c.example/app.js", "application/javascript", "compress", lzw) +
    rec("https://c.example/lzw", "text/html", "compress", lzw) +
    rec("https://c.example/stored", "text/html; charset=utf-8", "gzip", page(b"storedword")) +
    rec("https://c.example/cut", "text/html", "br", br[:len(br) // 2]) +
    rec("https://c.example/zcut", "text/html", "zstd", zst[:len(zst) // 2]))
PY
run index --extract "$W/coded.warc"
is "deflate, raw deflate, br and zstd pages are read, and one in UTF-16" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["url"], "|", a["title"], "|", a["body"].split(",")[0])')" "https://c.example/zlib | Story of the zlibword | The zlibword was seen in the harbour
https://c.example/raw | Story of the rawword | The rawword was seen in the harbour
https://c.example/br | Brotli story | The story of the brotliword
https://c.example/zstd | Zstandard story | The story of the zstdword
https://c.example/utf16 | Story of the utf16word | The utf16word was seen in the harbour at Tromsø
https://c.example/stored | Story of the storedword | The storedword was seen in the harbour"
has "a page in an encoding trawl cannot read is said" "$ERR" \
    "$W/coded.warc: https://c.example/lzw: Content-Encoding compress cannot be decoded: the page is not read"
has "...and a damaged one" "$ERR" "$W/coded.warc: https://c.example/cut: damaged br data (cut short): the page is not read"
has "...zstd too" "$ERR" "$W/coded.warc: https://c.example/zcut: damaged zstd data (cut short): the page is not read"
lacks "...not what is no page (a script)" "$ERR" "app.js"
has "...and the file counts as failed" "$ERR" "1 files: 1 extracted, 0 skipped, 1 failed; 6 articles;"
lacks "a page stored decoded under its Content-Encoding (requests under warcio) is read, not said" \
    "$ERR" "c.example/stored"

# A WARC-Date of fourteen digits, as ARC files write it (and WARC files made
# from them), is the record's moment in UTC.
A=$TMP/arc
mkdir -p "$A"
python3 - "$A/arc.warc" <<'PY'
import sys
block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Old harbour</title>"
         b"</head><body><article><p>The old harbour of the town was rebuilt for the ferries, "
         b"the quay longer by a third.</p></article></body></html>")
open(sys.argv[1], "wb").write(
    ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/harbour\r\n"
     "WARC-Date: 20080101120000\r\nContent-Type: application/http; msgtype=response\r\n"
     "Content-Length: %d\r\n\r\n" % len(block)).encode() + block + b"\r\n\r\n")
PY
run index -d "$A/db" "$A/arc.warc"
lacks "a 14-digit WARC-Date is understood" "$ERR" "not understood"
is "...as the page's date, in UTC" "$(query -d "$A/db" --format tsv --fields date harbour)" \
    "2008-01-01T12:00:00Z"

# HTTP headers past 64 KiB (a cookie of 100 KiB) are read to their end; past
# 1 MiB they are damage, said, and the file fails.
python3 - "$W/cookie.warc" <<'PY'
import sys
def rec(i, cookie):
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: s=" + b"c" * cookie +
             b"\r\n\r\n<html><head><title>Cookie page %d</title></head><body><article><p>The "
             b"cookieword page, whose server sent a cookie far too big, is still a page.</p>"
             b"</article></body></html>" % i)
    return (("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://k.example/%d\r\n"
             "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
            % (i, len(block))).encode() + block + b"\r\n\r\n"
open(sys.argv[1], "wb").write(rec(1, 100 << 10) + rec(2, 2 << 20))
PY
run index --extract "$W/cookie.warc"
is "HTTP headers of 100 KiB: the page is read" "$(printf '%s\n' "$OUT" | grep -o 'Cookie page [0-9]')" \
    "Cookie page 1"
has "...headers over 1 MiB: said" "$ERR" \
    "$W/cookie.warc: https://k.example/2: HTTP headers over 1 MiB: the page is not read"
is "...and the file counts as failed (exit 1)" "$RC" 1

# A web archive package (WACZ, as Browsertrix and ArchiveWeb.page write a
# crawl): its pages are the WARC files of its archive/ folder; its list of
# pages (with the text a browser showed), its CDX index and its description
# tell of the same pages again and are passed over.  Each page came out
# twice, with the site's menu the second time, beside the index and the
# package's title as articles, and the digest's file failed the run.
P=$TMP/package
mkdir -p "$P"
python3 - "$P/crawl.wacz" <<'PY'
import gzip, json, sys, zipfile
def response(uri, title, text):
    page = ("<html><head><title>%s</title></head><body><nav>Home Newsroom Sport</nav><article>"
            "<h1>%s</h1><p>%s</p></article></body></html>" % (title, title, text)).encode()
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    return gzip.compress(("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                          "WARC-Date: 2023-05-01T10:00:00Z\r\nContent-Type: application/http; "
                          "msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(block))).encode()
                         + block + b"\r\n\r\n")
pages = [("https://port.example/dredge", "Dredging approved", "The harbour board approved the "
          "dredging of the east channel, after pilots warned that ferries could not turn."),
         ("https://port.example/quay", "Quay works start", "Work on the new quay starts in May "
          "and will take six weeks, and the ferries will use the west berth.")]
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("archive/data.warc.gz", b"".join(response(*p) for p in pages))
    z.writestr("indexes/index.cdx", "".join(
        'com,example,port)/%s 20230501100000 {"url": "%s", "mime": "text/html", "status": "200"}\n'
        % (u.rsplit("/", 1)[1], u) for u, _, _ in pages))
    z.writestr("pages/pages.jsonl", "".join(json.dumps(r) + "\n" for r in
        [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages", "hasText": True}] +
        [{"id": "p%d" % i, "url": u, "title": t, "ts": "2023-05-01T10:00:00Z",
          "text": "Home Newsroom Sport\n" + t + "\n" + x} for i, (u, t, x) in enumerate(pages)]))
    z.writestr("datapackage.json", json.dumps({"profile": "data-package", "title": "My crawl",
        "resources": [{"name": "data.warc.gz", "path": "archive/data.warc.gz", "bytes": 1}]}))
    z.writestr("datapackage-digest.json", json.dumps({"path": "datapackage.json", "hash": "sha256:0"}))
PY
run index --extract "$P/crawl.wacz"
is "WACZ: each page once, from its WARC" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].split("#", 1)[1], "|", a["title"])')" \
    "archive/data.warc.gz#https://port.example/dredge | Dredging approved
archive/data.warc.gz#https://port.example/quay | Quay works start"
lacks "...no menu in any text" "$OUT" "Newsroom"
lacks "...no warning" "$ERR" "trawl-index:"
is "...and exit 0" "$RC" 0

# The crawler's own notes, filed as resource records under addresses no
# page is fetched by: wget --warc-file's command line and log
# (metadata://gnu.org/software/wget/warc/...), Browsertrix's text of a page
# it also keeps whole (urn:text:...).  They are no articles: the log (every
# address of the crawl) and the command line were, and the page's text a
# second time.  A resource of a file's address stays a document.
G=$TMP/wget
mkdir -p "$G"
python3 - "$G/crawl.warc.gz" <<'PY'
import gzip, sys
def rec(typ, uri, ctype, block):
    return gzip.compress(("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                          "WARC-Date: 2021-06-17T10:00:00Z\r\nContent-Type: %s\r\n"
                          "Content-Length: %d\r\n\r\n" % (typ, uri, ctype, len(block))).encode()
                         + block + b"\r\n\r\n")
page = (b"<html><head><title>Dredging approved</title></head><body><nav>Home Newsroom</nav>"
        b"<article><p>The harbour board approved the dredging of the east channel, after "
        b"pilots warned that ferries could no longer turn.</p></article></body></html>")
note = "metadata://gnu.org/software/wget/warc/"
with open(sys.argv[1], "wb") as f:
    f.write(rec("response", "https://ledger.example/dredging", "application/http;msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page))
    f.write(rec("resource", note + "wget_arguments.txt", "text/plain",
                b'"wget" "--warc-file=crawl" "https://ledger.example/dredging"\n'))
    f.write(rec("resource", note + "wget.log", "text/plain",
                b"--2021-06-17 10:00:00--  https://ledger.example/dredging\nResolving "
                b"ledger.example... 192.0.2.1\nHTTP request sent, awaiting response... 200 OK\n"))
    f.write(rec("resource", "urn:text:https://ledger.example/dredging", "text/plain",
                b"Home Newsroom\nDredging approved\nThe harbour board approved the dredging.\n"))
    f.write(rec("resource", "file:///srv/notes/ferry.txt", "text/plain",
                b"Ferry notice\n\nThe evening ferry is cancelled because of the gale.\n"))
PY
run index --extract "$G/crawl.warc.gz"
is "a crawler's notes are no articles; the page and a file are" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    print(json.loads(l)["id"].split("#", 1)[1])')" \
    "https://ledger.example/dredging
file:///srv/notes/ferry.txt"
