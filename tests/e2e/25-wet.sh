#!/bin/bash
# End to end: Common Crawl's WET files, WARC files of conversion records that
# each hold one page's text (its title on the first line).  Each record is an
# article with the record's target URI as url, the day the URI names, else
# the crawl's WARC-Date, and the language the crawler identified
# (WARC-Identified-Content-Language, its first code) as its declared one.  Before, a WET file was "no article in it: skipped".
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"

python3 - "$IN/CC-MAIN-20230201-00000.warc.wet.gz" <<'PY'
import gzip, sys
def rec(typ, headers, text):
    block = text.encode()
    h = ["WARC/1.0", "WARC-Type: " + typ] + ["%s: %s" % kv for kv in headers]
    h.append("Content-Length: %d" % len(block))
    return gzip.compress(("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n")
def conversion(uri, date, lang, text, ctype="text/plain"):
    headers = [("WARC-Target-URI", uri), ("WARC-Date", date),
               ("WARC-Record-ID", "<urn:uuid:%s>" % uri[-12:]),
               ("WARC-Refers-To", "<urn:uuid:0000>"), ("WARC-Block-Digest", "sha1:AAAA")]
    if lang:
        headers.append(("WARC-Identified-Content-Language", lang))
    if ctype:
        headers.append(("Content-Type", ctype))
    return rec("conversion", headers, text)
with open(sys.argv[1], "wb") as f:
    f.write(rec("warcinfo", [("WARC-Date", "2023-02-01T10:00:00Z"),
                             ("Content-Type", "application/warc-fields")],
                "isPartOf: CC-MAIN-2023-06\r\n"))
    f.write(conversion("https://harbour.example/2023/01/27/bridge-reopens", "2023-02-01T10:01:00Z",
                       "eng", "Harbour bridge reopens after repairs\nThe harbour bridge "
                       "reopened on Friday after eight months of repairs to its cables, the "
                       "city's engineers said.\nCommuters welcomed the end of the long detour.\n"))
    # Three words, too few for detection: the crawler's code names the language.
    f.write(conversion("https://mercat.example/nadal", "2023-02-01T10:02:00Z", "cat,eng",
                       "Mercat de Nadal\n"))
    # No Content-Type: a conversion's text is plain.
    f.write(conversion("https://ferry.example/notice", "2023-02-01T10:03:00Z", None,
                       "Ferry notice\nThe evening ferry is cancelled because of the gale.\n",
                       ctype=None))
    # A crawler's note, not a page.
    f.write(conversion("urn:text:https://ferry.example/notice", "2023-02-01T10:04:00Z", None,
                       "Ferry notice\nThe evening ferry is cancelled, said twice.\n"))
PY

run index --extract "$IN"
got=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(" | ".join(str(a[k]) for k in ("id", "title", "url", "date")))')
W=$IN/CC-MAIN-20230201-00000.warc.wet.gz
want="$W#https://harbour.example/2023/01/27/bridge-reopens | Harbour bridge reopens after repairs | https://harbour.example/2023/01/27/bridge-reopens | 2023-01-27
$W#https://mercat.example/nadal | Mercat de Nadal | https://mercat.example/nadal | 2023-02-01T10:02:00Z
$W#https://ferry.example/notice | Ferry notice | https://ferry.example/notice | 2023-02-01T10:03:00Z"
is "each conversion record is an article: title, url, date (the url's day, else the crawl's)" "$got" "$want"
lacks "a crawler's note is no article" "$OUT" "said twice"
lacks "no warning" "$ERR" "trawl-index:"

run index -d "$DB" "$IN"
is "indexed, with exit 0" "$RC" 0
has "three articles written" "$OUT" "1 files: 1 indexed, 0 unchanged, 0 skipped, 0 failed, 0 removed; 3 articles written"
is "found by its words, first" "$(query -d "$DB" --format tsv --fields url detour cables)" \
    "https://harbour.example/2023/01/27/bridge-reopens"
is "...by the language the crawler gave" "$(query -d "$DB" --format tsv --fields url lang:ca)" \
    "https://mercat.example/nadal"
is "...and by its site" "$(query -d "$DB" --count site:ferry.example)" 1
