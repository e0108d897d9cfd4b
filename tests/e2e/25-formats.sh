#!/bin/bash
# End to end: HTML pages, JSON and JSON Lines dumps, TREC and Reuters containers,
# declared charsets; each article comes out with the right id, title, date, url,
# site and author.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"

# A full news page: Open Graph, article meta, JSON-LD, and plenty of page furniture.
cat > "$IN/full.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry strike ends after 9 days | Harbour Times</title>
<meta property="og:title" content="Ferry strike ends after nine days">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:url" content="https://www.harbourtimes.example/og-url">
<link rel="canonical" href="https://www.harbourtimes.example/2022/05/03/ferry-strike-ends">
<meta property="article:published_time" content="2022-05-03T07:45:00+01:00">
<meta name="author" content="Mara Quint">
<style>.x { color: red }</style>
<script>var tracking = "zebrafish";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/sport">Sport ticker</a></nav></header>
<aside>Most read: lighthouse lottery</aside>
<article>
<h1>Ferry strike ends after nine days</h1>
<p>Crews on the island ferries voted on Monday to accept a pay offer &amp; return
to work, ending a strike that had cut the islands off for nine days.</p>
<p>The union said the deal &ndash; worth 6&nbsp;per cent &mdash; met its demands. Caf&eacute;
owners on the quay welcomed the news.</p>
<form><label>Your comment</label><textarea>orangutan</textarea></form>
</article>
<footer>Copyright Harbour Times. Contact the newsroom.</footer>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","datePublished":"2000-01-01"}</script>
</body></html>
HTML

# Only a <title> whose suffix names the site (by its host), a <time>, no <article>.
cat > "$IN/suffix.htm" <<'HTML'
<html><head><title>Council approves tram extension - Valley Courier</title>
<meta property="og:url" content="https://valleycourier.example/tram"></head>
<body><main><time datetime="2023-02-14">Feb 14</time><p>The tram line will reach the
hospital by 2026, councillors decided.</p></main>
<div class="cookie">We use cookies to improve your experience.</div></body></html>
HTML

# Metadata only in JSON-LD (inside @graph), title from it.
cat > "$IN/jsonld.html" <<'HTML'
<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"ignored"},
 {"@type":"NewsArticle","headline":"Glacier retreat speeds up","datePublished":"2021-09-30T12:00:00Z",
  "author":[{"@type":"Person","name":"Ines Alder"}],"publisher":{"@type":"Organization","name":"Alpine Post"}}]}
</script></head><body><p>Measurements show the glacier lost forty metres this summer.</p></body></html>
HTML

# Metadata as real sites write it: an og:title with the site's name after it, a
# date in words with a zone abbreviation, a profile URL as article:author and
# the name in a byline with "By "; two authors in JSON-LD; a German page whose
# only date is day-first numbers; a placeholder date.
cat > "$IN/realmeta.html" <<'HTML'
<html lang="en-US"><head><meta property="og:title" content="Harbour dredging starts | The Ledger">
<meta property="og:site_name" content="The Ledger">
<meta name="date" content="November 19, 2019, 07:47 PM EST">
<meta property="article:author" content="https://ledger.example/staff/david-brand">
</head><body><article><p class="byline">By Dana Whitcomb</p><p>Dredgers began deepening the
harbour channel this week, the port authority said.</p></article></body></html>
HTML
cat > "$IN/twoauthors.html" <<'HTML'
<html><head><script type="application/ld+json">
{"@type":"NewsArticle","headline":"Night trains return","datePublished":"20210504T132005+0200",
 "author":[{"name":"Ines Alder"},{"name":"Marc Roth"}]}
</script><meta property="article:author" content="https://example.org/authors/someone"></head>
<body><p>Sleeper services between the capitals resume in May.</p></body></html>
HTML
cat > "$IN/dayfirst.html" <<'HTML'
<html lang="de"><head><title>Hochwasser am Rhein</title><meta name="date" content="04.05.2021">
<meta name="author" content="Von Anna Berg"></head>
<body><p>Der Pegel stieg bis zum Abend um zwei Meter.</p></body></html>
HTML
# Dates as news sites' meta tags write them: a weekday and a dash before the
# time; a <time> of a recipe's duration before the one of the date, after a
# published_time no one can read.
cat > "$IN/weekday.html" <<'HTML'
<html lang="de"><head><title>Waldwege gesperrt</title>
<meta property="article:published_time" content="Di., 25.01.2022 - 14:45"></head>
<body><p>Nach dem Sturm bleiben die Waldwege am Hang bis Freitag gesperrt.</p></body></html>
HTML
cat > "$IN/recipe.html" <<'HTML'
<html><head><title>Oat muffins for a crowd</title>
<meta property="article:published_time" content="Mo-Su 08:00-20:00"></head>
<body><p>Preparation <time itemprop="prepTime" datetime="PT15M">15 min</time>.</p>
<p>Posted <time datetime="2022-6-3T09:05:00">3 June</time>: the muffins rise best in a hot oven.</p></body></html>
HTML
cat > "$IN/placeholder.html" <<'HTML'
<html><head><title>Undated notice</title><meta property="article:published_time" content="0001-01-01T00:00:00Z">
</head><body><p>The library reopens after its renovation of the reading room.</p></body></html>
HTML

# Two pages of one site, one naming it, one giving only its url: one facet value.
cat > "$IN/named-site.html" <<'HTML'
<html><head><meta property="og:site_name" content="Harbour Gazette">
<link rel="canonical" href="https://www.harbourgazette.example/a"><title>Tide tables printed</title></head>
<body><p>The gazette prints the spring tide tables for the estuary.</p></body></html>
HTML
cat > "$IN/unnamed-site.html" <<'HTML'
<html><head><link rel="canonical" href="https://harbourgazette.example/b"><title>Estuary survey</title></head>
<body><p>Surveyors mapped the estuary sandbanks after the spring tide.</p></body></html>
HTML

# No title tags at all: the first <h1>; a page saved without an extension.
printf '<!doctype html><html><body><h1>Beekeepers count losses</h1><p>Hives in the valley lost a third of their bees over winter.</p></body></html>' > "$IN/saved-page"

# Declared charsets: Latin-1 bytes, and KOI8-R Cyrillic.
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Cr\xe8me br\xfbl\xe9e festival</title></head><body><p>The cr\xe8me br\xfbl\xe9e festival returns to the square.</p></body></html>' > "$IN/latin1.html"
python3 -c 'import sys; sys.stdout.buffer.write("<html><head><meta charset=\"koi8-r\"><title>Новости</title></head><body><p>Москва встречает весну.</p></body></html>".encode("koi8-r"))' > "$IN/koi8.html"

# A byte-order mark before text and before HTML; a Windows-1252 byte in JSON.
printf '\357\273\277BOM headline\n\nText after a byte-order mark about puffins.\n' > "$IN/bom.txt"
printf '\357\273\277<html><head><title>BOM page</title></head><body><p>Gannets dive.</p></body></html>' > "$IN/bom-page"
printf '{"title": "Caf\351 prices", "body": "Espresso rises again in every caf\351."}\n' > "$IN/latin1.jsonl"

# JSON: date fields in order of preference, whatever their type; milliseconds.
printf '%s\n' '{"title": "Dates first", "body": "gull", "date": "2021-07-30", "date_publish": 1}' \
    '{"title": "Millis", "body": "tern", "published": 1627603200000}' \
    '{"title": "Fraction", "body": "skua", "date": 1627603200.75}' \
    '{"title": "Stamped", "body": "razorbill", "timestamp": 1627603200}' \
    '{"_id": {"$oid": "60cb1c2f9e1b8a3d4c5e6f70"}, "title": "Mongo", "body": "shearwater", "date": {"$date": "2021-07-30T08:00:00.000Z"}}' \
    '{"title": "Mongo millis", "body": "skimmer", "date": {"$date": 86400000}}' \
    '{"title": "Mongo long", "body": "petrel", "date": {"$date": {"$numberLong": "1627603200000"}}}' \
    '{"title": "Draft date", "body": "booby", "date_gmt": "0000-00-00 00:00:00", "date": "2021-07-30T08:00:00"}' \
    '{"title": "Relative", "body": "cormorant", "date": "2 hours ago", "timestamp": 1627603200}' \
    '{"title": "GMT alone", "body": "auklet", "date_gmt": "2021-07-30 08:00:00"}' \
    '{"post_title": "Posts table", "post_content": "gannetry", "post_date": "2021-07-31 00:30:00", "post_date_gmt": "2021-07-30 22:30:00"}' \
    '{"title": "Both names", "body": "shagreen", "date": "2021-07-31 00:30:00", "post_date_gmt": "2021-07-30 22:30:00"}' \
    '{"title": "Created later", "body": "noddy", "published": "2021-07-29T10:00:00+02:00", "created_utc": "2021-08-02 12:00:00"}' \
    '{"title": "Created alone", "body": "tropicbird", "created_utc": "2021-08-02 12:00:00"}' > "$IN/dates.jsonl"
# An empty JSON array: a file with no article.
printf '[]\n' > "$IN/empty-array.json"
# A .json dump that quotes a Reuters tag is JSON: the name decides first.
printf '%s\n' '{"title": "Quoting SGML", "body": "The tag <REUTERS NEWID=\"1\"> opens a record; plover."}' > "$IN/quotes.json"
# A <title> suffix that is only a letter is not the site's name.
printf '<html><head><title>Review - A</title><meta property="og:site_name" content="Alpha Times"></head><body><p>A review of the albatross exhibition.</p></body></html>' > "$IN/short-suffix.html"

# JSON Lines: good lines, bad lines, odd field types.
cat > "$IN/dump.jsonl" <<'JSONL'
{"id": "a1", "headline": "Wind farm approved", "text": "The offshore wind farm got its permit.", "published_at": "2020-06-01", "link": "https://coastalherald.example/wind", "byline": "Ruth Okafor"}
{"title": "Broken line", "body": "missing quote}
{"title": 42, "content": "A numeric title is ignored; the text is kept: walrus.", "date": 1600000000}

["not", "an", "object"]
{"title": "Array body", "article": ["First paragraph about pelicans.", "Second paragraph."], "author": {"name": "Lee Park"}, "source": "Bay Gazette"}
{"url": "https://x.example/nothing"}
JSONL

# A JSON array, and a pretty-printed single object named .json.
cat > "$IN/array.json" <<'JSON'
[{"title": "Array item zero", "body": "Otters return to the canal."},
 {"title": "Array item one", "body": "Kingfishers nest by the weir.", "datePublished": "Thu, 17 Jun 2021 10:00:00 +0000"}]
JSON
cat > "$IN/single.json" <<'JSON'
{
  "title": "Single object",
  "body": "A pretty-printed object about salamanders.",
  "site": "Wildlife Weekly"
}
JSON

# Articles inside a JSON object: a news API's reply (its list, its own
# fields passed over), articles keyed by their urls, a list two objects
# deep; a reply with no article; a pretty-printed reply broken in an item.
cat > "$IN/api-reply.json" <<'JSON'
{
  "status": "ok",
  "totalResults": 2,
  "articles": [
    {"source": {"id": null, "name": "Fenland Echo"}, "author": "Ada Reed",
     "title": "Sluice gates opened", "description": "Water let out.",
     "url": "https://fenlandecho.example/sluice", "publishedAt": "2024-03-01T10:00:00Z",
     "content": "The sluice gates opened at dawn to drain the washes of bitterns' reedbeds."},
    {"title": "Summary only", "description": "Only a summary mentions the spoonbills."}
  ]
}
JSON
cat > "$IN/keyed.json" <<'JSON'
{
  "https://moorland.example/grouse": {"title": "Grouse counts fall", "text": "Ptarmigan and grouse counts fell."},
  "https://moorland.example/merlin": {"title": "Merlins return", "text": "Merlins nest on the moor again."}
}
JSON
cat > "$IN/nested.json" <<'JSON'
{"response": {"status": "ok", "pages": 1,
              "results": [{"headline": "Dippers in the beck", "body": "Dippers feed under water."}]}}
JSON
printf '{\n  "status": "ok",\n  "articles": []\n}\n' > "$IN/no-results.json"
cat > "$IN/broken-reply.json" <<'JSON'
{
  "status": "ok",
  "articles": [
    {"title": "Before the break", "body": "Lapwings flock."},
    {"title": "Broken", "body": oops},
    {"title": "After the break", "body": "Redshanks call."}
  ]
}
JSON
printf '{\n  "title": "Typed by hand",\n  "body": oops,\n  "date": "2024-01-01"\n}\n' > "$IN/typo.json"
# Text fields that hold HTML, as WordPress's REST API, JSON Feed and RSS
# feeds as JSON write them; a feed's own title beside its items; references
# in a plain field.
cat > "$IN/wp-posts.json" <<'JSON'
[{"id": 101, "date": "2024-02-01T09:00:00", "date_gmt": "2024-02-01T08:00:00",
  "link": "https://millrace.example/otters",
  "title": {"rendered": "Otters&#8217; return"},
  "content": {"rendered": "<p>The otters came back to the <strong>mill race</strong>.</p>\n<p class=\"wpcaption\">Voles &amp; water shrews too.</p>"}}]
JSON
cat > "$IN/feed.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Estuary Notes",
 "home_page_url": "https://estuary.example/",
 "items": [{"id": "e1", "url": "https://estuary.example/godwits", "title": "Godwits arrive",
            "content_html": "<p>Black-tailed <em>godwits</em> arrived.</p>",
            "date_published": "2024-04-01T08:00:00Z"}]}
JSON
cat > "$IN/rss2json.json" <<'JSON'
{"status": "ok", "feed": {"title": "Marsh Weekly", "description": "News of the fen country"},
 "items": [{"title": "Harriers over the reeds", "pubDate": "2024-05-01 10:00:00",
            "author": "Kim Vale", "content": "<div><p>Marsh harriers quartered the reeds.</p></div>"}]}
JSON
# JSON Lines whose lines are a news API's replies, as a crawler logs them.
printf '%s\n' '{"title": "Plain line", "body": "Curlews call."}' \
    '{"status": "ok", "articles": [{"title": "Reply one", "content": "Avocets nest."}, {"title": "Reply two", "content": "Dunnocks sing."}]}' \
    '{"status": "ok", "articles": []}' > "$IN/replies.jsonl"
# A NUL written as JSON writes it (\u0000) does not end the text.
printf '%s\n' '{"title": "Escaped NUL", "body": "before \u0000 after, the wombat grazed."}' > "$IN/nul.jsonl"
# Dates under the names news APIs and social media give them.
printf '%s\n' '{"id": "t1", "text": "Shags dried their wings on the stack.", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}' \
    '{"id": "n1", "headline": "Guillemots return", "body": "Guillemots came back to the cliffs.", "pub_date": "2019-03-04T05:00:00+0000"}' \
    '{"id": "g1", "title": "Fulmars glide", "body": "Fulmars glided along the ledge.", "webPublicationDate": "2020-01-02T10:00:00Z"}' \
    '{"id": "r1", "title": "Kittiwakes", "body": "Kittiwakes crowded the pier.", "created_utc": 1546300800}' > "$IN/api-dates.jsonl"
printf '%s\n' '{"title": "S&amp;P rally", "body": "Stocks rose; the S&amp;P index of quail farmers gained. A < B > C stays."}' > "$IN/escaped.jsonl"

# TREC, named .txt: recognised by content.
cat > "$IN/trec-la.txt" <<'TREC'
<DOC>
<DOCNO> LA010189-0001 </DOCNO>
<DATE><P>January 1, 1989, Sunday, Home Edition</P></DATE>
<HEADLINE><P>New Year parade draws record crowd</P></HEADLINE>
<TEXT><P>A record crowd lined the boulevard for the parade.</P><P>Floats covered in roses drew cheers.</P></TEXT>
</DOC>
<DOC>
<DOCNO> FT911-2 </DOCNO>
<DATE>910102</DATE>
<HL>Sterling steadies</HL>
<TEXT>Sterling steadied against the mark &amp; the dollar.</TEXT>
</DOC>
TREC

# A small Reuters file with a normal, a BRIEF and an UNPROC text.
cat > "$IN/mini.sgm" <<'SGML'
<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT>&#2;
<TITLE>COCOA CROP LOOKS STRONG</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers improved the cocoa crop &lt;outlook&gt;.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>27-MAR-1987 14:02:56.54 V RM</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>TIN PRICES FIRM ON LONDON MARKET</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE>2-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
Unprocessed wire text about soybean exports.
&#3;</TEXT>
</REUTERS>
SGML

run "$BIN/trawl-index" -d "$DB" "$IN"
is "a run with malformed JSON lines exits 1" "$RC" 1
has "malformed line is named by number" "$ERR" "$IN/dump.jsonl: line 2: malformed JSON"
has "wrong-type field is reported and ignored" "$ERR" "$IN/dump.jsonl: line 3: field \"title\" is a number, not text: ignored"
has "a line that is not an object is reported" "$ERR" "$IN/dump.jsonl: line 5: an array is not an object: skipped"
has "an object without text is reported" "$ERR" "$IN/dump.jsonl: line 7: no title or text field"
has "summary" "$OUT" "39 files: 36 indexed, 0 unchanged, 1 skipped, 5 failed, 0 removed; 62 articles written"
lacks "a duration or opening hours is no date to warn about" "$ERR" "not understood"

# json_of QUERY: the first hit as "id|title|date|url|site|author".
json_of() {
    query -d "$DB" --format json -n 1 "$@" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print("|".join(str(h[k]) for k in ("id", "title", "date", "url", "site", "author")))'
}
is "HTML: og:title, published_time on its own clock, canonical url, og:site_name, author" "$(json_of ferry)" \
    "$IN/full.html|Ferry strike ends after nine days|2022-05-03T07:45:00+01:00|https://www.harbourtimes.example/2022/05/03/ferry-strike-ends|Harbour Times|Mara Quint"
is "HTML: entities decoded in the text" "$(query -d "$DB" --format json 'title:ferry' | python3 -c '
import json, sys; s = json.loads(sys.stdin.readline())["snippet"]; print("&amp;" not in s)')" True
is "HTML: body text found" "$(query -d "$DB" --count '"accept a pay offer"')" 1
is "HTML: é from &eacute; is searchable" "$(query -d "$DB" --format tsv 'café' quay | cut -f3)" "$IN/full.html"
for noise in zebrafish ticker lighthouse orangutan copyright tracking; do
    is "HTML: no text from script/nav/aside/form/footer ($noise)" "$(query -d "$DB" --count "$noise")" 0
done
is "HTML: <title> loses a suffix naming the site; <time> date; site from the url host" \
    "$(json_of tram)" "$IN/suffix.htm|Council approves tram extension|2023-02-14|https://valleycourier.example/tram|valleycourier.example|None"
is "HTML: JSON-LD headline, date, author and publisher" "$(json_of glacier)" \
    "$IN/jsonld.html|Glacier retreat speeds up|2021-09-30T12:00:00Z|None|Alpine Post|Ines Alder"
is "HTML: first <h1> as title, recognised without an extension" "$(json_of beekeepers)" \
    "$IN/saved-page|Beekeepers count losses|None|None|None|None"
is "HTML: the h1 repeating the title is not body text" \
    "$(query -d "$DB" --format json beekeepers | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["snippet"].startswith("Hives"))')" True
is "HTML: og:title loses the site's name; a date in words with EST; the byline's name, not a profile URL" \
    "$(json_of dredgers)" "$IN/realmeta.html|Harbour dredging starts|2019-11-19T19:47:00-05:00|None|The Ledger|Dana Whitcomb"
is "HTML: JSON-LD's two authors; a basic ISO date; its profile URL is no author" \
    "$(json_of sleeper)" "$IN/twoauthors.html|Night trains return|2021-05-04T13:20:05+02:00|None|None|Ines Alder, Marc Roth"
is "HTML: a German page's 04.05.2021 is 4 May; 'Von' goes from the author" \
    "$(json_of pegel)" "$IN/dayfirst.html|Hochwasser am Rhein|2021-05-04|None|None|Anna Berg"
is "JSON: the text after a \u0000 is indexed" "$(query -d "$DB" --count wombat grazed)" 1
is "HTML: a weekday and a dash in a German page's date" "$(json_of waldwege | cut -d'|' -f3)" \
    2022-01-25T14:45:00
is "HTML: past an unreadable published_time and a <time> of a duration, a <time> of the date" \
    "$(json_of muffins | cut -d'|' -f3)" 2022-06-03T09:05:00
is "HTML: 0001-01-01 is no date" "$(json_of renovation)" "$IN/placeholder.html|Undated notice|None|None|None|None"
is "HTML: a site named on one page and only by its url on another is one facet value" \
    "$(query -d "$DB" --format json -n 1 --facet site estuary | tail -1)" '{"facets":{"site":{"Harbour Gazette":2}}}'
is "HTML: site:NAME finds the pages of its host that gave no name" \
    "$(query -d "$DB" --count 'site:"Harbour Gazette"'; query -d "$DB" --count site:harbourgazette.example)" "2
2"
is "HTML: ISO-8859-1 page read as declared" "$(json_of 'brûlée' | cut -d'|' -f2)" "Crème brûlée festival"
is "HTML: KOI8-R page read as declared" "$(json_of 'москва' | cut -d'|' -f2)" "Новости"

is "a byte-order mark is not part of the title" "$(json_of puffins | cut -d'|' -f2)" "BOM headline"
is "HTML after a byte-order mark is still HTML" "$(json_of gannets | cut -d'|' -f1,2)" "$IN/bom-page|BOM page"
is "a Windows-1252 byte in JSON Lines is read, not rejected" "$(json_of espresso | cut -d'|' -f1,2)" \
    "$IN/latin1.jsonl#1|Café prices"
has "text output: a container's article shows its id, #MEMBER and all" \
    "$(query -d "$DB" -n 1 espresso)" "$IN/latin1.jsonl#1"
is "JSON: the preferred date field wins over a number in a later one" "$(json_of gull | cut -d'|' -f3)" 2021-07-30
is "JSON: epoch milliseconds" "$(json_of tern | cut -d'|' -f3)" 2021-07-30T00:00:00Z
is "JSON: epoch seconds with a fraction; a timestamp field" \
    "$(json_of skua | cut -d'|' -f3) $(json_of razorbill | cut -d'|' -f3)" \
    "2021-07-30T00:00:00Z 2021-07-30T00:00:00Z"
is "JSON: dates as mongoexport writes them (an ISO string, milliseconds, a \$numberLong of them)" \
    "$(json_of shearwater | cut -d'|' -f3) $(json_of skimmer | cut -d'|' -f3) $(json_of petrel | cut -d'|' -f3)" \
    "2021-07-30T08:00:00Z 1970-01-02T00:00:00Z 2021-07-30T00:00:00Z"
lacks "...without a warning" "$ERR" "is an object, not a date"
is "JSON: a date field that is no date gives way to a later one that is" \
    "$(json_of booby | cut -d'|' -f3) $(json_of cormorant | cut -d'|' -f3)" \
    "2021-07-30T08:00:00 2021-07-30T00:00:00Z"
lacks "...without a warning" "$ERR" "not understood"
# A time that names no zone is shown with none (it was given UTC's Z); a
# field named for UTC gives UTC's time though its text names no zone.
is "JSON: date_gmt alone is UTC's time" "$(json_of auklet | cut -d'|' -f3)" "2021-07-30T08:00:00Z"
# wp_posts exported as JSON names its two dates by words (post_date,
# post_date_gmt): together the site's clock, as date and date_gmt are, and
# the day a date range finds it by.  Before, UTC's alone, the 30th; and an
# exact date beside a post_date_gmt was taken without it.
is "JSON: post_date and post_date_gmt give the site's clock" \
    "$(json_of gannetry | cut -d'|' -f3) $(json_of shagreen | cut -d'|' -f3)" \
    "2021-07-31T00:30:00+02:00 2021-07-31T00:30:00+02:00"
is "...and the site's day is the one a date range finds" \
    "$(query -d "$DB" --count 'gannetry date:2021-07-31') $(query -d "$DB" --count 'gannetry date:2021-07-30')" "1 0"
# A field named for UTC's time of a later place among the date names
# ("created_utc", when a record was made) is a date of that place, as CSV
# and XML take it: it dated a record that gives its "published" too.
is "JSON: created_utc gives way to published, which names the date first" \
    "$(json_of noddy | cut -d'|' -f3)" "2021-07-29T10:00:00+02:00"
is "...and alone it is UTC's time" "$(json_of tropicbird | cut -d'|' -f3)" "2021-08-02T12:00:00Z"
has "JSON: an empty array is a file with no article" "$ERR" "$IN/empty-array.json: no article in it: skipped"
is "JSON named .json that quotes <REUTERS is read as JSON" "$(json_of plover | cut -d'|' -f1,2)" "$IN/quotes.json|Quoting SGML"
is "HTML: a one-letter suffix is kept in the title" "$(json_of albatross | cut -d'|' -f2)" "Review - A"
is "site: query matches the host however it is written" \
    "$(query -d "$DB" --count 'site:WWW.HarbourTimes.example'; query -d "$DB" --count 'site:https://harbourtimes.example/x')" "1
1"
is "JSONL: id from the object, headline/text/published_at/link/byline" "$(json_of wind)" \
    "$IN/dump.jsonl#a1|Wind farm approved|2020-06-01|https://coastalherald.example/wind|coastalherald.example|Ruth Okafor"
is "JSONL: line number as id; numeric title ignored; epoch date" "$(json_of walrus)" \
    "$IN/dump.jsonl#3|None|2020-09-13T12:26:40Z|None|None|None"
is "JSONL: body array joined; author object; source as site" "$(json_of pelicans)" \
    "$IN/dump.jsonl#6|Array body|None|None|Bay Gazette|Lee Park"
is "JSONL: the malformed line is not indexed" "$(query -d "$DB" --count 'title:broken')" 0
is "JSON array: item index as id" "$(json_of kingfishers)" \
    "$IN/array.json#1|Array item one|2021-06-17T10:00:00Z|None|None|None"
is "JSON object: the file's path as id" "$(json_of salamanders)" \
    "$IN/single.json|Single object|None|None|Wildlife Weekly|None"

is "JSON reply: its list's items by number; publishedAt; source's name; author" \
    "$(json_of bitterns)" \
    "$IN/api-reply.json#0|Sluice gates opened|2024-03-01T10:00:00Z|https://fenlandecho.example/sluice|Fenland Echo|Ada Reed"
is "...the text is content, not the description" "$(query -d "$DB" --count 'water let out')" 0
is "...an item with only a description is found by it" "$(json_of spoonbills | cut -d'|' -f1,2)" \
    "$IN/api-reply.json#1|Summary only"
is "JSON keyed by url: the key as id" "$(json_of merlins | cut -d'|' -f1,2)" \
    "$IN/keyed.json#https://moorland.example/merlin|Merlins return"
is "...both keys" "$(query -d "$DB" --count ptarmigan OR merlins)" 2
is "JSON list two objects deep" "$(json_of dippers | cut -d'|' -f1,2)" "$IN/nested.json#0|Dippers in the beck"
has "JSON reply without articles: named, with the fields looked for" "$ERR" \
    "$IN/no-results.json: no title or text field (title, headline, body, text, content"
has "a pretty-printed reply broken in an item: the item named, with its line" "$ERR" \
    "$IN/broken-reply.json: item 1: malformed JSON at line 5, column"
is "...the item before it is indexed, not those after" \
    "$(query -d "$DB" --count lapwings):$(query -d "$DB" --count redshanks)" "1:0"
lacks "...not read as JSON Lines" "$ERR" "broken-reply.json: line"
is "WordPress: id, rendered title with its reference decoded, date_gmt on the site's clock, link" "$(json_of otters)" \
    "$IN/wp-posts.json#101|Otters’ return|2024-02-01T09:00:00+01:00|https://millrace.example/otters|millrace.example|None"
is "...its HTML read as text: tags and attributes not indexed, references decoded" \
    "$(query -d "$DB" --count 'wpcaption OR amp'):$(query -d "$DB" --count 'voles water shrews')" "0:1"
is "JSON Feed: its items, content_html as text, date_published" "$(json_of godwits)" \
    "$IN/feed.json#e1|Godwits arrive|2024-04-01T08:00:00Z|https://estuary.example/godwits|estuary.example|None"
is "...the feed's own title is no article" "$(query -d "$DB" --count 'estuary notes')" 0
is "RSS as JSON: its items; the feed beside them is no article" \
    "$(json_of harriers | cut -d'|' -f2,3,6):$(query -d "$DB" --count 'fen country')" \
    "Harriers over the reeds|2024-05-01T10:00:00|Kim Vale:0"
is "dates named created_at (a post's own form), pub_date, webPublicationDate, created_utc" \
    "$(for w in shags guillemots fulmars kittiwakes; do json_of $w | cut -d'|' -f3; done | tr '\n' ' ')" \
    "2018-10-10T20:19:24Z 2019-03-04T05:00:00Z 2020-01-02T10:00:00Z 2019-01-01T00:00:00Z "
is "references in a plain field decoded; a bare < kept" \
    "$(json_of quail | cut -d'|' -f2):$(query -d "$DB" --show "$IN/escaped.jsonl#1" | grep -c 'S&P index of quail farmers gained. A < B > C stays.')" \
    "S&P rally:1"
is "JSON Lines of replies: a line's items as LINE.ITEM" \
    "$(json_of dunnocks | cut -d'|' -f1,2):$(query -d "$DB" --count curlews OR avocets OR dunnocks)" \
    "$IN/replies.jsonl#2.1|Reply two:3"
has "...a reply with no article named by its line" "$ERR" "$IN/replies.jsonl: line 3: no title or text field"
is "a pretty-printed object with a typo: one error, with its member and line" \
    "$(grep -c 'typo.json' <<<"$ERR"):$(grep -c 'typo.json: member "body": malformed JSON at line 3' <<<"$ERR")" "1:1"

is "TREC: DOCNO id, HEADLINE, long date form" "$(json_of parade)" \
    "$IN/trec-la.txt#LA010189-0001|New Year parade draws record crowd|1989-01-01|None|None|None"
is "TREC: HL title, YYMMDD date, entities" "$(json_of sterling)" \
    "$IN/trec-la.txt#FT911-2|Sterling steadies|1991-01-02|None|None|None"
is "TREC: <P> become paragraphs" "$(query -d "$DB" --count '"boulevard for the parade"')" 1

is "Reuters: NEWID id, title, date" "$(json_of cocoa)" \
    "$IN/mini.sgm#7|COCOA CROP LOOKS STRONG|1987-02-26T15:01:01|None|None|None"
is "Reuters: dateline and body, entities decoded, signature dropped" \
    "$(query -d "$DB" --format json cocoa | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["snippet"])')" \
    "SALVADOR, Feb 26 - Showers improved the cocoa crop <outlook>."
is "Reuters: BRIEF keeps its title; a note after the date is dropped" "$(json_of tin)" \
    "$IN/mini.sgm#8|TIN PRICES FIRM ON LONDON MARKET|1987-03-27T14:02:56|None|None|None"
is "Reuters: UNPROC text is the body" "$(query -d "$DB" --format tsv soybean | cut -f3)" "$IN/mini.sgm#9"

# Every stored string is valid UTF-8 and every date normalised, whatever came in.
run query -d "$DB" --format json -n 50 --any a the of
is "all hits: JSON parses, dates are ISO 8601 (UTC, an offset, or no zone)" "$(echo "$OUT" | python3 -c '
import json, re, sys
ok = True
for line in sys.stdin:
    h = json.loads(line)
    if h["date"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?)?", h["date"]):
        ok = False
print(ok)')" True

# A record without its end tag is indexed up to the next record, with a warning.
printf '<DOC><DOCNO>A1</DOCNO><TEXT>First story about ospreys.\n<DOC><DOCNO>A2</DOCNO><TEXT>Second about owls.</TEXT></DOC>\n' > "$TMP/unclosed.trec"
run index -d "$TMP/db-unclosed" "$TMP/unclosed.trec"
is "unclosed record: not a failure" "$RC" 0
has "unclosed record: named in a warning" "$ERR" "$TMP/unclosed.trec: DOC record A1 has no closing tag: indexed up to the next record"
is "unclosed record: both records indexed" "$(query -d "$TMP/db-unclosed" --format tsv --any ospreys owls | cut -f3 | sort | tr '\n' ' ')" \
    "$TMP/unclosed.trec#A1 $TMP/unclosed.trec#A2 "

# Plain text with old Mac line ends (a lone CR): its lines are lines, so the
# headers, title and body come apart as they do with LF.
L=$TMP/line-ends
mkdir -p "$L"
printf 'Date: 2020-05-01\rSite: The Ledger\r\rPelican count rises\r\rVolunteers counted more pelicans\ron the lake this spring.\r' > "$L/mac.txt"
printf 'Pelican count falls\r\rFewer pelicans nested on the island.\r' > "$L/mac-plain.txt"
extracted() {
    index --extract "$@" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print("|".join(str(a[k]) for k in ("title", "date", "site", "body")))'
}
is "lone CR ends a line: headers, title and body as with LF" "$(extracted "$L/mac.txt")" \
    "Pelican count rises|2020-05-01|The Ledger|Volunteers counted more pelicans
on the lake this spring."
is "lone CR ends a line: without headers, the first line is the title" "$(extracted "$L/mac-plain.txt")" \
    "Pelican count falls|None|None|Fewer pelicans nested on the island."

# UTF-16 with a byte-order mark (Notepad's "Unicode", Excel and Word exports)
# is read like its UTF-8 twin, whatever the format, compressed or not; bytes
# that only begin like a mark, and UTF-16 without one, stay binary.
U=$TMP/utf16
mkdir -p "$U"
python3 - "$U" <<'PY'
import json, random, sys
d = sys.argv[1]
def put(name, data):
    with open(d + "/" + name, "wb") as f:
        f.write(data)
text = "Bericht über Müller\n\nMüller sagte, die Straße sei gesperrt. 😀\n"
put("le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
put("be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
page = ('<html><head><meta charset="utf-16"><title>Über Müller</title></head>'
        '<body><p>Müller sagte, die Brücke sei gesperrt.</p></body></html>')
put("page.html", b"\xff\xfe" + page.encode("utf-16-le"))
# Past the first window, so that lines and characters cross its edges.
lines = "".join(json.dumps({"id": "n%d" % i, "title": "Meldung %d" % i,
                            "body": "Die Fähre 𝄞 fährt wieder. " * 20 + "fähre%d" % i},
                           ensure_ascii=False) + "\n" for i in range(2000))
put("feed.jsonl", b"\xff\xfe" + lines.encode("utf-16-le"))
put("nobom.txt", text.encode("utf-16-le"))
random.seed(7)
put("junk.bin", b"\xff\xfe" + bytes(random.getrandbits(8) for _ in range(20000)))
PY
gzip -c "$U/be.txt" > "$U/bez.txt.gz"
run index --extract "$U/le.txt" "$U/be.txt" "$U/bez.txt.gz" "$U/page.html"
is "UTF-16 LE and BE text, gzipped too, and HTML with a mark: read as UTF-8" \
    "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["title"], "|", a["body"])')" \
    "Bericht über Müller | Müller sagte, die Straße sei gesperrt. 😀
Bericht über Müller | Müller sagte, die Straße sei gesperrt. 😀
Bericht über Müller | Müller sagte, die Straße sei gesperrt. 😀
Über Müller | Müller sagte, die Brücke sei gesperrt."
run index -d "$TMP/db-utf16" "$U/feed.jsonl" "$U/nobom.txt" "$U/junk.bin"
is "UTF-16 JSON Lines: every record, read a window at a time" \
    "$(index_stat "$TMP/db-utf16" documents):$(query -d "$TMP/db-utf16" --format tsv fähre1999 | cut -f3,4)" \
    "2000:$U/feed.jsonl#n1999	Meldung 1999"
has "UTF-16 without a mark stays binary" "$ERR" "$U/nobom.txt: binary file: skipped"
has "bytes that only begin like a mark stay binary" "$ERR" "$U/junk.bin: binary file: skipped"

# JSON Lines in a legacy charset, as Python on a Russian or Chinese Windows
# writes json.dumps(..., ensure_ascii=False) to a file opened without an
# encoding: read in the charset its first bytes are in, a window at a time
# (2,000 lines, so that characters cross the windows' edges).  Read as UTF-8
# with stray Windows-1252 bytes, every title was mojibake.
G=$TMP/legacy-json
mkdir -p "$G"
python3 - "$G" <<'PY'
import json, sys
d = sys.argv[1]
def dump(name, codec, records):
    with open("%s/%s" % (d, name), "wb") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(codec))
dump("gbk.jsonl", "gbk", [{"id": "g%d" % i, "title": "港口疏浚工程第%d期开始" % i,
                           "body": "港务委员会星期二决定疏浚东侧航道，工程将于五月开始。" * 3 +
                                   "编号%d" % i} for i in range(2000)])
dump("cp1251.jsonl", "cp1251", [{"title": "Мост открыт после ремонта",
                                 "body": "Жители довольны: паромы снова ходят, а мост открыт."}])
PY
run index -d "$TMP/db-legacy" "$G"
is "legacy-charset JSON Lines: every record, its title read" \
    "$(index_stat "$TMP/db-legacy" documents):$(query -d "$TMP/db-legacy" --format json --show "$G/gbk.jsonl#g1999" | python3 -c 'import json, sys; print(json.load(sys.stdin)["title"])')" \
    "2001:港口疏浚工程第1999期开始"
is "...Windows-1251 too" "$(query -d "$TMP/db-legacy" --format tsv --fields title мост)" \
    "Мост открыт после ремонта"

# The charset a page declares is its <meta>'s, wherever in its head: not a
# <script charset> or a comment before it, and past a long inline <style>.
C=$TMP/charsets
mkdir -p "$C"
python3 - "$C" <<'PY'
import sys
d = sys.argv[1]
body = "<body><p>Президент заявил, что экономика растёт.</p></body></html>"
pages = {
    "script-first.html": '<html><head><script src="/a.js" charset="utf-8"></script>'
        '<!-- <meta charset="koi8-r"> --><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1251"><title>Новости дня</title></head>',
    "late-meta.html": "<html><head><style>" + "body{margin:0;padding:0} " * 400 +
        '</style><meta charset="windows-1251"><title>Новости дня</title></head>',
}
for name, head in pages.items():
    with open(d + "/" + name, "wb") as f:
        f.write((head + body).encode("cp1251"))
PY
is "charset: the page's <meta>, not a <script charset> or a comment; past a long <style>" \
    "$(index --extract "$C/script-first.html" "$C/late-meta.html" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["title"], "|", a["body"])')" \
    "Новости дня | Президент заявил, что экономика растёт.
Новости дня | Президент заявил, что экономика растёт."

# A declared label is read as browsers read it: gb2312 as GBK (镕 is not in
# GB2312), Shift_JIS as Windows' CP932 (①), EUC-KR as CP949 (똠),
# ISO-8859-9 as Windows-1254 (’ and “ ”), and labels iconv does not know
# (x-sjis, Microsoft's ks_c_5601-1987).  A page that names UTF-16 in its own
# <meta>, read as ASCII to find it, is not UTF-16.  Each was U+FFFD, a stray
# ASCII letter, or a page of mojibake.
L=$TMP/labels
mkdir -p "$L"
python3 - "$L" <<'PY'
import sys
d = sys.argv[1]
pages = [("gb2312", "gbk", "朱镕基视察港口", "朱镕基总理星期二视察了港口，并与码头工人交谈。"),
         ("Shift_JIS", "cp932", "浚渫①が始まる", "港湾委員会は火曜日、水路を浚渫することを決めた。"),
         ("euc-kr", "cp949", "똠양꿍 식당 개업", "서울 시내에 새로운 똠양꿍 식당이 문을 열었다."),
         ("iso-8859-9", "cp1254", "İstanbul’da liman açıldı", "Belediye başkanı “çok mutluyuz” dedi."),
         ("x-sjis", "cp932", "港の浚渫が始まる", "港湾委員会は火曜日、水路を浚渫することを決めた。"),
         ("ks_c_5601-1987", "cp949", "서울 식당 개업", "서울 시내에 새로운 식당이 문을 열었다."),
         ("utf-16", "cp1252", "Café prices rise", "The café’s prices rose again this week.")]
for i, (label, codec, title, text) in enumerate(pages):
    page = ('<html><head><meta charset="%s"><title>%s</title></head><body><article><p>%s</p>'
            '</article></body></html>' % (label, title, text))
    open("%s/%d.html" % (d, i), "wb").write(page.encode(codec))
PY
is "declared labels read as browsers read them" \
    "$(index --extract "$L" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["title"], "|", a["body"])')" \
    "朱镕基视察港口 | 朱镕基总理星期二视察了港口，并与码头工人交谈。
浚渫①が始まる | 港湾委員会は火曜日、水路を浚渫することを決めた。
똠양꿍 식당 개업 | 서울 시내에 새로운 똠양꿍 식당이 문을 열었다.
İstanbul’da liman açıldı | Belediye başkanı “çok mutluyuz” dedi.
港の浚渫が始まる | 港湾委員会は火曜日、水路を浚渫することを決めた。
서울 식당 개업 | 서울 시내에 새로운 식당이 문을 열었다.
Café prices rise | The café’s prices rose again this week."

# TREC: every <TEXT> of a document (AP and FBIS have several), and WSJ's lead
# paragraph <LP> before its <TEXT>, in the order they come.
cat > "$TMP/blocks.trec" <<'TREC'
<DOC>
<DOCNO> AP880101-0001 </DOCNO>
<HEAD>Two text blocks</HEAD>
<TEXT> First block, about wallabies. </TEXT>
<NOTE> Not body text: numbats. </NOTE>
<TEXT> Second block, about kangaroos. </TEXT>
</DOC>
<DOC>
<DOCNO> WSJ870101-0001 </DOCNO>
<HL> Lead and text </HL>
<LP> The lead mentions the quokka. </LP>
<TEXT> The rest of the story.
</DOC>
TREC
is "TREC: every <TEXT>, and <LP> before <TEXT>, in order; other elements not" \
    "$(index --extract "$TMP/blocks.trec" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].split("#")[1], repr(a["body"]))')" \
    "AP880101-0001 'First block, about wallabies.\n\nSecond block, about kangaroos.'
WSJ870101-0001 'The lead mentions the quokka.\n\nThe rest of the story.'"

# TREC dates: AP gives none but its DOCNO's day, WSJ its <DD>, FBIS its
# <DATE1>; a DOCNO whose digits are no YYMMDD day (LA's MMDDYY) gives none.
cat > "$TMP/dates.trec" <<'TREC'
<DOC><DOCNO> AP880212-0001 </DOCNO><HEAD>Leader dies</HEAD><TEXT> The leader died. </TEXT></DOC>
<DOC><DOCNO> WSJ870324-0001 </DOCNO><HL> Unit sold </HL><DD> 03/24/87 </DD><TEXT> A sale. </TEXT></DOC>
<DOC><DOCNO> FBIS3-1 </DOCNO><DATE1>  1 March 1994 </DATE1><TEXT> Talks. </TEXT></DOC>
<DOC><DOCNO> LA010189-0001 </DOCNO><TEXT> A parade. </TEXT></DOC>
TREC
is "TREC: the day of AP's DOCNO, WSJ's <DD>, FBIS's <DATE1>" \
    "$(index --extract "$TMP/dates.trec" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].split("#")[1], a["date"])')" \
    "AP880212-0001 1988-02-12
WSJ870324-0001 1987-03-24
FBIS3-1 1994-03-01
LA010189-0001 None"

# SGML lets white space stand around an attribute's '=': the NEWID is read,
# and so is the charset of a page's <meta>.
printf '%s\n' '<REUTERS NEWID="1"><TEXT><TITLE>ONE</TITLE><BODY>One.</BODY></TEXT></REUTERS>' \
    '<REUTERS TOPICS = "NO" NEWID = "7"><TEXT><TITLE>SEVEN</TITLE><BODY>Seven.</BODY></TEXT></REUTERS>' \
    '<REUTERS NEWID= 9 ><TEXT><TITLE>NINE</TITLE><BODY>Nine.</BODY></TEXT></REUTERS>' > "$TMP/spaced.sgm"
printf '<html><head><meta charset = "koi8-r"><title>\356\317\327\317\323\324\311</title></head><body><p>\355\317\323\313\327\301.</p></body></html>' \
    > "$TMP/spaced.html"
is "white space around '=': NEWID ids; a <meta charset = ...>" \
    "$(index --extract "$TMP/spaced.sgm" "$TMP/spaced.html" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].rsplit("/", 1)[1], a["title"])')" \
    "spaced.sgm#1 ONE
spaced.sgm#7 SEVEN
spaced.sgm#9 NINE
spaced.html Новости"

# A lone surrogate escape (a string cut inside an emoji, Python's
# surrogateescape) is read as U+FFFD: jansson rejected the whole line or
# document for it.  A pair is an emoji; an escaped backslash before "ud800"
# is text.
printf '%s\n' '{"id":"cut","title":"Harbour fish \ud83d","body":"Trawlers landed herring \udc1f on Monday; a pair \ud83d\udc1f and a path C:\\ud800 stay."}' \
    > "$TMP/surrogates.jsonl"
printf '%s\n' '[{"id":"doc","title":"Lone \ud800 in a document","body":"Mackerel prices fell at the auction."}]' \
    > "$TMP/surrogates.json"
run index --extract "$TMP/surrogates.jsonl" "$TMP/surrogates.json"
is "lone surrogates: both articles read, no failure" "$RC:$(echo "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].rsplit("/", 1)[1], a["title"], a["body"])')" \
    "0:surrogates.jsonl#cut Harbour fish � Trawlers landed herring � on Monday; a pair 🐟 and a path C:\\ud800 stay.
surrogates.json#doc Lone � in a document Mackerel prices fell at the auction."

# NaN, Infinity and -Infinity, as Python's json.dumps writes a float that is
# no number (a scraper's score of an article it could not rate), say
# nothing: jansson rejected the whole record.  In a string they are text; a
# word that only starts like one is still malformed.
printf '%s\n' '{"id":"n1","title":"Sluice rebuilt","body":"The sluice was rebuilt; the gauge read \"NaN\" all week.","score":NaN,"published":NaN}' \
    '{"id":"n2","title":"Weir rated","body":"The weir was rated safe.","scores":[Infinity,-Infinity,0.5]}' \
    '{"id":"n3","title":"Broken","body":NaNa}' > "$TMP/nan.jsonl"
run index --extract "$TMP/nan.jsonl"
is "NaN and Infinity: the records read, their text as written" "$(echo "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"].rsplit("/", 1)[1], "|", a["date"], "|", a["body"])')" \
    "nan.jsonl#n1 | None | The sluice was rebuilt; the gauge read \"NaN\" all week.
nan.jsonl#n2 | None | The weir was rated safe."
is "...only the malformed line is said" "$(printf '%s\n' "$ERR" | grep -c 'trawl-index:'):$(printf '%s\n' "$ERR" | grep -c 'line 3: malformed JSON')" "1:1"

# Named character references beyond the five of XML, as feeds and SGML
# collections write them: "Caf&eacute;" was a word no search for "café"
# found.  What is not a reference (AT&T;, a name without ';') stays.
printf '%s\n' '{"id":"e1","title":"Caf&eacute; prices in Z&uuml;rich &mdash; a report","body":"The caf&eacute;s of Z&uuml;rich raised prices; AT&T; and &eacute stay as written."}' \
    > "$TMP/named.jsonl"
printf '%s\n' '<DOC><DOCNO> FT911-1 </DOCNO><HEADLINE>Se&ntilde;or Mart&iacute;nez</HEADLINE><TEXT>Se&ntilde;or Mart&iacute;nez opened the caf&eacute;.</TEXT></DOC>' \
    > "$TMP/named.trec"
is "named references decoded in JSON and TREC" "$(index --extract "$TMP/named.jsonl" "$TMP/named.trec" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["title"], "|", a["body"])')" \
    "Café prices in Zürich — a report | The cafés of Zürich raised prices; AT&T; and &eacute stay as written.
Señor Martínez | Señor Martínez opened the café."

# News feeds: RSS 2.0 (content:encoded in CDATA, dc:creator, an escaped
# description, RSS's "mail (Name)" author), Atom (the entry's page among
# its links, xml:lang), RSS 1.0, a Latin-1 feed; each item an article of
# the feed's site.  An empty feed is said; a feed's own entities are never
# expanded (a billion laughs ends at once); a sitemap is no feed.
FEEDS=$TMP/feeds
mkdir -p "$FEEDS"
cat > "$FEEDS/ledger.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Ledger</title><link>https://ledger.example/</link><language>en-us</language>
<item><title>Harbour dredging approved</title><link>https://ledger.example/2021/03/03/dredging</link>
<pubDate>Wed, 03 Mar 2021 09:00:00 +0000</pubDate><dc:creator><![CDATA[Dana Whitcomb]]></dc:creator>
<description>A teaser.</description>
<content:encoded><![CDATA[<p>The harbour board approved the dredging of the inner basin.</p><p>Work starts in May.</p>]]></content:encoded></item>
<item><title>Ferry timetable changes</title><link>https://ledger.example/2021/03/04/ferry</link>
<pubDate>Thu, 04 Mar 2021 10:30:00 +0000</pubDate><author>desk@ledger.example (Lee Parker)</author>
<description>&lt;p&gt;The ferry will run &lt;b&gt;every hour&lt;/b&gt; from April.&lt;/p&gt;</description></item>
</channel></rss>
XML
cat > "$FEEDS/herald.atom" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Coastal Herald</title>
<entry><title>Neue Fähre</title><link rel="enclosure" href="https://herald.example/faehre.jpg"/>
<link rel="alternate" href="https://herald.example/faehre"/><published>2021-03-05T08:00:00+01:00</published>
<author><name>Ruth Okafor</name></author><content type="html">&lt;p&gt;Die neue Fähre fährt ab Mai zwischen den Inseln.&lt;/p&gt;</content></entry>
</feed>
XML
printf '%s\n' '<?xml version="1.0"?>' \
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' \
    '<channel><title>Old Site</title></channel><item><title>An old story</title><link>https://old.example/a</link>' \
    '<dc:date>2004-05-06T07:08:09Z</dc:date><dc:creator>Sam Ortiz</dc:creator><description>Told in an RDF feed.</description></item></rdf:RDF>' \
    > "$FEEDS/old.rdf.xml"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Caf\351 News</title><item><title>Cr\350me br\373l\351e</title><description>Le caf\351 ferme.</description></item></channel></rss>\n' \
    > "$FEEDS/latin1.rss"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing yet</title></channel></rss>\n' > "$FEEDS/empty.rss"
python3 -c '
ents = "".join("<!ENTITY %s \"%s\">" % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(9))
print("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"lollollol\">" + ents + "]>"
      "<rss version=\"2.0\"><channel><title>Laughs</title><item><title>Boom &j;</title></item></channel></rss>")' \
    > "$FEEDS/laughs.rss"
printf '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>\n' \
    > "$FEEDS/sitemap.xml"
run index --extract "$FEEDS"
is "feeds: each item an article, with its title, date, url, site and author" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(a["id"].rsplit("/", 1)[1], "|", a["title"], "|", a["date"], "|", a["url"], "|", a["site"], "|", a["author"])')" \
    "herald.atom#1 | Neue Fähre | 2021-03-05T08:00:00+01:00 | https://herald.example/faehre | Coastal Herald | Ruth Okafor
latin1.rss#1 | Crème brûlée | None | None | Café News | None
laughs.rss#1 | Boom | None | None | Laughs | None
ledger.xml#1 | Harbour dredging approved | 2021-03-03T09:00:00Z | https://ledger.example/2021/03/03/dredging | The Ledger | Dana Whitcomb
ledger.xml#2 | Ferry timetable changes | 2021-03-04T10:30:00Z | https://ledger.example/2021/03/04/ferry | The Ledger | Lee Parker
old.rdf.xml#1 | An old story | 2004-05-06T07:08:09Z | https://old.example/a | Old Site | Sam Ortiz"
has "feeds: a sitemap is no feed, and no article (XML whose elements name none)" "$ERR" \
    "sitemap.xml: no article in it: skipped"
is "feeds: an item's HTML read as text, its full content before its teaser" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    if a["id"].endswith(("ledger.xml#1", "ledger.xml#2")): print(a["body"])')" \
    "The harbour board approved the dredging of the inner basin.

Work starts in May.
The ferry will run every hour from April."
has "feeds: an empty one is said" "$ERR" "empty.rss: a feed with no item: nothing to index"
printf '%s\n' '<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>Xhtml</title>' \
    '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First part.</p><p>Second part.</p></div></content></entry></feed>' \
    > "$TMP/xhtml.atom"
is "feeds: Atom's xhtml content read as a page's paragraphs" \
    "$(index --extract "$TMP/xhtml.atom" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["body"])')" \
    "First part.

Second part."
lacks "feeds: no entity of the laughs expanded" "$OUT" "lollol"
# An entity the feed declares, in content that holds markup, is left out
# (a walk into its declaration went round the feed for ever: fuzzing).
printf '%s\n' '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY b "lol">]><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>Ent</title>' \
    '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Before &b; after.</p></div></content></entry></feed>' \
    > "$TMP/entity.atom"
is "feeds: a declared entity in xhtml content left out, the text around it read" \
    "$(timeout 60 "$BIN/trawl-index" --extract "$TMP/entity.atom" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["body"])')" \
    "Before after."
index -q -d "$FEEDS.db" "$FEEDS"
is "feeds: searched, an item by its words, its language the feed's" \
    "$(query -d "$FEEDS.db" --format tsv --fields id,lang,site Fähre dredging --any | sed "s|$FEEDS/||" | sort)" \
    "herald.atom#1	de	Coastal Herald
ledger.xml#1	en	The Ledger"
# A feed cut short, as a download can be: its whole items and the part of
# the last, a warning that says so, exit 1; a whole feed beside it says nothing.
mkdir -p "$TMP/cutfeed"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Whole item</title><description>The whole osprey story.</description></item><item><title>Half item</title><description>The osprey sto' \
    > "$TMP/cutfeed/cut.rss"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Whole</title><item><title>Kept item</title><description>An osprey again.</description></item></channel></rss>\n' \
    > "$TMP/cutfeed/whole.rss"
run index -d "$TMP/cutfeed.db" "$TMP/cutfeed"
is "a feed cut short: exit 1, every item indexed as far as it goes" \
    "$RC:$(query -d "$TMP/cutfeed.db" --format tsv --fields title -n 10 osprey | sort | tr '\n' '/')" \
    "1:Half item/Kept item/Whole item/"
has "...saying so" "$ERR" "cut.rss: the feed ends before its elements close (cut short?)"
lacks "...and nothing of the whole one" "$ERR" "whole.rss"
# A file named as a feed that holds none: said, failed, the rest indexed.
mkdir -p "$TMP/notfeed"
printf 'just some words\n' > "$TMP/notfeed/notes.rss"
printf 'Herons\n\nA text about herons.\n' > "$TMP/notfeed/good.txt"
run index -d "$TMP/notfeed.db" "$TMP/notfeed"
is "a .rss that is no feed: exit 1, the other file indexed" "$RC:$(query -d "$TMP/notfeed.db" --count herons)" "1:1"
has "...saying why" "$ERR" "notes.rss: not a feed that can be read: no RSS channel or Atom feed in it (a file named .rss or .atom is read as one)"
