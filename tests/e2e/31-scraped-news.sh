#!/bin/bash
# Scraped news as users save it: briefs whose page's trailer (share buttons,
# comment form, newsletter prompt, other stories' headlines) is longer than
# the story, a breadcrumb trail above the headline, a byline with the date
# under it.  The checks are what a reader gets: which article a search
# finds, its title, its date, its author, its snippet.
. "$(dirname "$0")/../lib.sh"
IN=$TMP/in
DB=$TMP/db
mkdir -p "$IN"

# Two briefs of one site, saved as text, each shorter than the trailer the
# site sets under every story.
trailer() {
    printf '\nShare this:\nTwitter\nFacebook\n\nLeave a Reply\n\n'
    printf 'Your email address will not be published. Required fields are marked *\n\n'
    printf 'Post Comment\n\nRelated Posts\n\nLighthouse keeper retires after forty years\n'
    printf 'Ferry timetable changes for the winter season\n'
}
{
    printf 'Home > News > Harbour\n\nDredging of the east channel approved\n\n'
    printf 'By Dana Whitcomb | March 3, 2021\n\n'
    printf 'The harbour board approved the dredging of the east channel on Tuesday, '
    printf 'after pilots warned that ferries could no longer turn at low tide.\n'
    trailer
} > "$IN/dredging.txt"
{
    printf 'Home > News > Harbour\n\nFish market to open on Sundays\n\n'
    printf 'The Harbour Ledger - 4 March 2021\n\n'
    printf 'The fish market will open on Sunday mornings from April, the market '
    printf 'trust said, after a trial in the autumn drew large crowds.\n'
    trailer
} > "$IN/market.txt"
# A page of another site whose byline carries the date after the name.
cat > "$IN/tram.html" <<'HTML'
<html><head><title>Tram line extended | Valley Post</title>
<meta property="og:site_name" content="Valley Post"></head><body>
<article><h1>Tram line extended</h1><p class="byline">By Lee Parker, March 5, 2021</p>
<p>The council voted to extend the tram line to the hospital, a project of four years that the regional government will pay half of.</p>
<p>Work starts in the summer and the first trams should run in the spring of 2025, the council said.</p></article>
</body></html>
HTML

run index -q -d "$DB" "$IN"
is "a scraped collection indexes" "$RC" 0

# The trailer's words are not the briefs': searching for them finds neither.
run query -d "$DB" --count -- lighthouse keeper
is "other stories' headlines in a brief's trailer: not found in it" "$OUT" 0
run query -d "$DB" --count -- '"post comment"'
is "a comment form under a brief: not indexed" "$OUT" 0

# The headline, not the breadcrumb trail, is the title, and the title field
# searches it.
run query -d "$DB" --format tsv -- 'title:dredging'
has "a breadcrumb above the headline: the headline is the title" "$OUT" \
    "Dredging of the east channel approved"
run query -d "$DB" --count -- 'title:home'
is "...and the trail is no title" "$OUT" 0

# The byline under the title dates the article and names its author, and
# the snippet starts with the story.
run query -d "$DB" --format json -- dredging
has "a byline under the title: the article's date" "$OUT" '"date":"2021-03-03"'
has "...its author" "$OUT" '"author":"Dana Whitcomb"'
has "...and the snippet starts with the story" "$OUT" '"snippet":"The harbour board approved'
run query -d "$DB" --format tsv -- 'date:2021-03-04' market
has "a dateline of the site's name and a date: a date filter finds it" "$OUT" "market.txt"

# A page's byline "By Lee Parker, March 5, 2021": the author is the name.
run query -d "$DB" --facet author --format json -n 0 -- tram
has "a byline with a date after the name: the author alone" "$OUT" '"Lee Parker":1'

# A dump of scraped pages (JSON Lines) keeps each page's <title>, the site's
# name after the headline, and the headline again as the text's first line.
printf '%s\n' '{"title": "Lock gates replaced - The Harbour Ledger", "site": "The Harbour Ledger", "text": "Lock gates replaced\n\nThe old lock gates were lifted out on Monday and the new oak gates set in place by a floating crane."}' \
    > "$IN/dump.jsonl"
run index -q -d "$DB" "$IN"
run query -d "$DB" --format json -- lock gates
has "a dump's title with the site's name after it: the headline alone" "$OUT" \
    '"title":"Lock gates replaced"'
has "...and the headline again at the top of the text goes" "$OUT" '"snippet":"The old lock gates'
run query -d "$DB" --count -- 'title:ledger'
is "...so the site's name is in no title" "$OUT" 0

# A dump's text of the article opens with the page's byline, under the
# headline again or not: it gives the author and date the record lacks and
# leaves the text, as a text file's does.  A sentence that starts "By" stays.
printf '%s\n' '{"id": "mill", "title": "Mill sale approved", "body": "By Dana Whitcomb | March 3, 2021\n\nThe county board approved the sale of the old paper mill on Tuesday."}' \
    '{"id": "weir", "title": "Weir rebuilt", "date": "2020-01-02", "body": "Weir rebuilt\n\nBy Lee Parker\n\nThe weir below the paper mill was rebuilt in stone."}' \
    '{"id": "exports", "title": "Mill exports", "body": "By 1990, paper mill exports had doubled\n\nThe rest came later."}' \
    > "$IN/bylines.jsonl"
run index -q -d "$DB" "$IN"
run query -d "$DB" --format json --sort date -- paper mill
has "a dump's text opening with a byline: the article's date" "$OUT" \
    '"id":"'"$IN"'/bylines.jsonl#mill","path":"'"$IN"'/bylines.jsonl","title":"Mill sale approved","date":"2021-03-03"'
has "...its author" "$OUT" '"author":"Dana Whitcomb"'
has "...and the snippet starts with the story" "$OUT" '"snippet":"The county board approved'
has "under the headline again: the record's date stays, the author is the byline's" "$OUT" \
    '"title":"Weir rebuilt","date":"2020-01-02","url":null,"site":null,"author":"Lee Parker"'
has "...and the snippet starts with the story" "$OUT" '"snippet":"The weir below'
has "a first sentence that starts with By stays" "$OUT" '"snippet":"By 1990, paper mill exports'
run query -d "$DB" --count -- 'author:whitcomb' mill
is "...and author: finds the byline's name" "$OUT" 1

# Dumps of the common scrapers, in the shapes they write: news-please (and
# Common Crawl's news, which it makes) with "authors": [] for a page that
# names no one and "date_publish": null where the page gave no date;
# webhose with the page's byline as its "author".  An empty list is no
# author (it was warned about on every such record), a record without a
# date takes the day its url holds, as a page does, and "By" is no part of
# a name (it filled the author facet).
DUMPS=$TMP/dumps
mkdir -p "$DUMPS"
printf '%s\n' '{"authors": [], "date_download": "2021-06-20 08:00:00", "date_modify": "2021-06-19 08:00:00", "date_publish": null, "description": null, "language": "en", "maintext": "The tram lines reopened on Thursday after a month of track work.", "source_domain": "www.ledger.example", "title": "Tram lines reopen", "title_page": "Tram lines reopen | The Ledger", "url": "https://www.ledger.example/2021/06/17/tram-lines-reopen/"}' \
    '{"authors": ["By Dana Whitcomb", "Lee Parker - Staff Writer"], "date_publish": "2021-06-18 10:00:00", "maintext": "The tram depot closes for a week of track work.", "source_domain": "www.ledger.example", "title": "Tram depot closes", "url": "https://www.ledger.example/2021/06/18/depot/"}' \
    '{"authors": ["Dana Whitcomb"], "date_publish": "2021-06-19 10:00:00", "maintext": "The tram stop by the market moves to the square.", "source_domain": "www.ledger.example", "title": "Tram stop moves", "url": "https://www.ledger.example/2021/06/19/stop/"}' \
    > "$DUMPS/news-please.jsonl"
printf '%s\n' '{"thread": {"uuid": "c1", "site": "courier.example", "site_full": "www.courier.example", "title": "Tram fares rise - The Courier", "published": "2021-06-17T13:00:00.000+03:00"}, "uuid": "c1", "url": "https://www.courier.example/news/tram-fares.html", "author": "By Sam Ortiz", "published": "2021-06-17T13:00:00.000+03:00", "title": "Tram fares rise - The Courier", "text": "Tram fares rise by ten cents in July.", "language": "english", "crawled": "2021-06-18T01:00:00.000+03:00"}' \
    > "$DUMPS/webhose.jsonl"
run index -d "$DUMPS/db" "$DUMPS"
lacks "news-please: an empty list of authors is not warned about" "$ERR" "authors"
is "news-please and webhose dumps: indexed (exit 0)" "$RC" 0
run query -d "$DUMPS/db" --format json -- tram lines reopen
has "news-please: no date_publish, the day in the url" "$OUT" '"title":"Tram lines reopen","date":"2021-06-17"'
# Of an article by two people, each counts under the author facet: Dana
# Whitcomb wrote one alone and one with Lee Parker, which the hit shows as
# both names.
run query -d "$DUMPS/db" --format json --facet author -n 0 -- tram
has "the author facet: names without 'By', a job after a name gone, each author apart" \
    "$OUT" '"author":{"Dana Whitcomb":2,"Lee Parker":1,"Sam Ortiz":1}'
has "...the article of two shows both" "$(query -d "$DUMPS/db" --format json -- tram depot)" \
    '"author":"Dana Whitcomb, Lee Parker"'
is "...and author: finds as many as each name's count" \
    "$(query -d "$DUMPS/db" --count -- 'author:"Dana Whitcomb"' tram):$(query -d "$DUMPS/db" --count -- 'author:"Lee Parker"' tram)" \
    "2:1"
run query -d "$DUMPS/db" --count -- 'author:ortiz' fares
is "webhose: author: finds the name" "$OUT" 1

# A record whose author lists 20,000 names, as a string or a list: the
# article keeps the names that fit in 1,000 bytes, whole (README), and the
# author facet (one value for a field of more than ten names) counts those,
# not the 270 KB the facet printed.  Names "Ann Aaa", "Ann Aab", ...: 7
# bytes and ", " each, so 111 fit (997 bytes).
MANY=$TMP/many
mkdir -p "$MANY"
python3 - "$MANY/many.jsonl" <<'PY'
import json, sys
def name(i):
    return "Ann " + "".join(chr(97 + i // 26 ** k % 26) for k in (2, 1, 0)).capitalize()
names = [name(i) for i in range(20000)]
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "s", "title": "Sluice gates listed", "author": ", ".join(names),
                        "text": "The sluice gates were listed by the county."}) + "\n")
    f.write(json.dumps({"id": "l", "title": "Sluice keepers thanked", "authors": names,
                        "text": "The sluice keepers were thanked by the county."}) + "\n")
PY
run index --extract "$MANY/many.jsonl"
is "20,000 authors: extracted (exit 0)" "$RC" 0
is "...each record keeps 111 names in 997 bytes, the last one whole" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)["author"]
    print(len(a.split(", ")), len(a.encode()), a.split(", ")[-1])')" \
    "111 997 Ann Aeg
111 997 Ann Aeg"
run index -d "$MANY/db" "$MANY"
run query -d "$MANY/db" --format json --facet author --facet-limit 1000 -n 0 -- sluice
is "...the author facet: the kept names, one value of both articles" \
    "$(printf '%s' "$OUT" | python3 -c 'import json, sys
f = json.load(sys.stdin)["facets"]["author"]
print(len(f), [(len(k.encode()), k.split(", ")[-1], n) for k, n in f.items()])')" \
    "1 [(997, 'Ann Aeg', 2)]"
is "...and author: finds a kept name, not one after the cut" \
    "$(query -d "$MANY/db" --count -- 'author:"Ann Aeg"' sluice):$(query -d "$MANY/db" --count -- 'author:"Ann Aeh"' sluice)" \
    "2:0"

# A crawler's dump of the pages it fetched, the whole page in a field
# ({"url": ..., "html": "<!doctype html>..."}, or a scraper's "content" that
# kept all of it): each page is read as a page file is, its article found
# among its menus and footer, its title and date from its markup; the
# record's url, and the record's date where the page gives none.  Before,
# "html" was no field of an article (the record skipped) and a "content"
# page was read as a field's markup: its menu the text's first words, no
# title.  A record whose page gives nothing is said; the others are read.
PAGES=$TMP/pages
mkdir -p "$PAGES"
python3 - "$PAGES/crawl.jsonl" <<'PY'
import json, sys
def page(head, story):
    return ('<!doctype html><html><head>%s</head><body><nav><a href="/">Home</a> '
            '<a href="/news">Newsroom</a> <a href="/sport">Sport</a></nav><article><h1>%s</h1>'
            '<p>The harbour board approved the %s on Tuesday, after pilots warned that ferries '
            'could no longer turn at low tide.</p><p>Work starts in May and will take six '
            'weeks, the board said.</p></article><footer>Copyright The Ledger. Subscribe to '
            'our newsletter.</footer></body></html>' % (head, story.capitalize() + " approved", story))
records = [
    {"url": "https://ledger.example/dredging", "fetched": "2021-03-05",
     "html": page('<title>Dredging approved | The Ledger</title><meta property="og:site_name" '
                  'content="The Ledger"><meta property="article:published_time" '
                  'content="2021-03-03T09:00:00Z">', "dredging")},
    {"url": "https://ledger.example/quay", "date": "2021-03-04",
     "content": page("<title>Quay works approved</title>", "quay works")},
    {"url": "https://ledger.example/empty", "html": "<!doctype html>"},
]
with open(sys.argv[1], "w") as f:
    for r in records:
        f.write(json.dumps(r) + "\n")
PY
run index --extract "$PAGES/crawl.jsonl"
is "a whole page in a record: the page's title, date and site, the record's url" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(a["id"].split("#")[1], "|", a["title"], "|", a["date"], "|", a["url"], "|", a["site"], "|", a["body"][:26])')" \
    "1 | Dredging approved | 2021-03-03T09:00:00Z | https://ledger.example/dredging | The Ledger | The harbour board approved
2 | Quay works approved | 2021-03-04 | https://ledger.example/quay | ledger.example | The harbour board approved"
lacks "...its menu and footer are not its text" "$OUT" "Newsroom"
has "...a record whose page gives nothing is said" "$ERR" \
    "$PAGES/crawl.jsonl: line 3: the page in its text field: no HTML content: skipped"
is "...and counts as failed (exit 1)" "$RC" 1

# A page saved whole by a browser ("Web page, complete"), as a site's mirror
# also holds it: the page, and beside it the scripts, style sheets, source
# maps and vector images it loads.  Those are skipped, as images are: each
# was an article of code, and the source map, read as JSON, failed the run.
SAVED=$TMP/saved
mkdir -p "$SAVED/Story_files"
printf '<html><head><title>Dredging approved</title></head><body><article><h1>Dredging approved</h1><p>The harbour board approved the dredging of the east channel, after pilots warned that ferries could no longer turn.</p></article></body></html>' \
    > "$SAVED/Story.html"
printf 'function track(){window.dataLayer=window.dataLayer||[];dataLayer.push({event:"pageview"});}\n' \
    > "$SAVED/Story_files/analytics.js"
printf 'body{margin:0;font-family:Georgia,serif}.article p{line-height:1.6}\n' > "$SAVED/Story_files/style.css"
printf '{"version":3,"sources":["app.ts"],"mappings":"AAAA"}' > "$SAVED/Story_files/app.js.map"
printf '<svg xmlns="http://www.w3.org/2000/svg"><text>Ledger</text></svg>' > "$SAVED/Story_files/logo.svg"
run index --extract "$SAVED"
is "a page saved whole: the page alone is an article" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    print(json.loads(l)["id"].rsplit("/", 1)[1])')" "Story.html"
has "...its scripts, styles, source map and drawing are skipped, and said so" "$ERR" \
    "$SAVED/Story_files/style.css: script, style sheet or vector image, not an article: skipped"
has "...as skipped, not failed" "$ERR" "5 files: 1 extracted, 4 skipped, 0 failed; 1 articles;"
is "...exit 0" "$RC" 0

# trafilatura's JSON: the page's address is its "source", the site's name
# its "source-hostname".  The address was taken for the site's name, and
# the record had no url.  A news API's source that is a site's home page
# stays its site.
TRAF=$TMP/trafilatura
mkdir -p "$TRAF"
printf '%s\n' '{"title": "Dredging approved", "author": "Dana Whitcomb", "hostname": "ledger.example", "date": "2021-03-02", "fingerprint": "f1", "id": null, "license": null, "comments": "", "raw_text": "The harbour board approved the dredging.", "text": "The harbour board approved the dredging of the east channel.", "language": "en", "image": null, "pagetype": "article", "source": "https://www.ledger.example/2021/03/02/dredging", "source-hostname": "The Ledger", "excerpt": "", "categories": "", "tags": ""}' \
    '{"title": "Quay works start", "text": "Work on the quay starts in May.", "source": "https://www.courier.example/"}' \
    > "$TRAF/extracted.jsonl"
run index --extract "$TRAF/extracted.jsonl"
is "trafilatura's source is the url, source-hostname the site; a home page's address stays a site" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(a["url"], "|", a["site"])')" \
    "https://www.ledger.example/2021/03/02/dredging | The Ledger
None | https://www.courier.example/"

# A scraper's text under a name of its own ("story_body", "teaser"): the
# record's longest string of prose is its text when none of the names trawl
# knows is there, nor one it knows by its words ("full_text", however
# short).  Such a record was indexed with its title alone.  A record with
# a text field keeps it; a short string of another name is no text.
OWN=$TMP/own-names
mkdir -p "$OWN"
python3 - "$OWN/items.jsonl" <<'PY'
import json, sys
story = ("The harbour board approved the dredging of the east channel on Tuesday, after "
         "pilots warned that ferries could no longer turn at low tide in the winter months. "
         "Work starts in May and will take six weeks, the board said.")
records = [{"title": "Dredging approved", "url": "https://x.example/2021/03/02/dredging",
            "keywords": "harbour, dredging, ferries", "story_body": story},
           {"title": "Quay works", "teaser": "Work on the quay starts in May."},
           {"title": "Pier works", "full_text": "Work on the pier starts in June."},
           {"title": "Sluice", "body": "The sluice was rebuilt.", "notes": story}]
with open(sys.argv[1], "w") as f:
    for r in records:
        f.write(json.dumps(r) + "\n")
PY
run index --extract "$OWN/items.jsonl"
is "text under a name of the scraper's own: read; a short one is not, unless named for text; a text field wins" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(a["title"], "|", (a["body"] or "None")[:39])')" \
    "Dredging approved | The harbour board approved the dredging
Quay works | None
Pier works | Work on the pier starts in June.
Sluice | The sluice was rebuilt."

# Fields named as scrapers type them, known by their words as a CSV
# header's are (tw_record_field_by_words): a record of "article_title" and
# "article_text" was skipped ("no title or text field"), exit 1, and
# "Headline" beside "Body Text" had no title; an object of them under a
# name is an article, not a container of nothing.
python3 - "$OWN/worded.jsonl" <<'PY'
import json, sys
records = [{"article_title": "Ferry strike ends", "article_text": "Crews voted to accept the offer.",
            "date_published_utc": "2022-05-03T09:00:00Z", "author_name": "By Mara Quint",
            "source_name": "The Ledger", "article_url": "https://ledger.example/ferry",
            "image_url": "https://img.example/ferry.jpg"},
           {"Headline": "Tin price jumps", "Body Text": "The price of tin rose by a fifth.",
            "Date": "2022-03-02"},
           {"items": {"n1": {"news_title": "Harbour wall approved",
                             "news_content": "The council approved the wall."}}}]
with open(sys.argv[1], "w") as f:
    for r in records:
        f.write(json.dumps(r) + "\n")
PY
run index --extract "$OWN/worded.jsonl"
is "fields named by their words: exit 0" "$RC" 0
is "fields named by their words: title, text, date, author, site, url" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(" | ".join(str(a[k]) for k in ("id", "title", "body", "date", "author", "site", "url")))')" \
    "$OWN/worded.jsonl#1 | Ferry strike ends | Crews voted to accept the offer. | 2022-05-03T09:00:00Z | Mara Quint | The Ledger | https://ledger.example/ferry
$OWN/worded.jsonl#2 | Tin price jumps | The price of tin rose by a fifth. | 2022-03-02 | None | None | None
$OWN/worded.jsonl#3.items.n1 | Harbour wall approved | The council approved the wall. | None | None | None | None"

# A crawler that logs each article wrapped in a reply of its own, a line at
# a time: {"data": {...}}.  Each line's article is PATH#LINE.NAME, as a
# line's items are PATH#LINE.ITEM: every line's was PATH#data, each
# replacing the one before.  One wrapped under the name of a text field
# ({"status": "ok", "article": {...}}) is read too: it was taken for that
# field, "an object, not text", and lost.
WRAPPED=$TMP/wrapped
mkdir -p "$WRAPPED"
printf '%s\n' '{"data": {"title": "First wrapped", "body": "The first wrapped story about the quay."}}' \
    '{"data": {"title": "Second wrapped", "body": "The second wrapped story about the pier."}}' \
    '{"status": "ok", "article": {"title": "Third wrapped", "body": "The third wrapped story about the mole."}}' \
    > "$WRAPPED/log.jsonl"
run index -d "$WRAPPED/db" "$WRAPPED"
is "articles wrapped a line at a time: each its own, none lost (exit 0)" \
    "$(query -d "$WRAPPED/db" --format tsv --fields id,title --sort date wrapped | sed "s|$WRAPPED/||" | sort):$RC" \
    "log.jsonl#1.data	First wrapped
log.jsonl#2.data	Second wrapped
log.jsonl#3.article	Third wrapped:0"

# Event Registry's articles name their source by its title: {"source":
# {"uri": "ledger.example", "title": "The Ledger"}}.  The site was the
# url's host, and every record had a warning ("an object, not text").
ER=$TMP/eventregistry
mkdir -p "$ER"
printf '%s\n' '{"uri": "7001", "lang": "eng", "date": "2021-06-17", "time": "10:00:00", "dateTime": "2021-06-17T10:00:00Z", "url": "https://ledger.example/2021/06/17/quay", "title": "Quay works start", "body": "Work on the new quay starts in May.", "source": {"uri": "ledger.example", "dataType": "news", "title": "The Ledger"}, "authors": [{"uri": "dana@ledger.example", "name": "Dana Whitcomb", "type": "author"}]}' \
    > "$ER/articles.jsonl"
run index --extract "$ER/articles.jsonl"
is "Event Registry: the source's title is the site" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys; a = json.loads(sys.stdin.readline()); print(a["site"], "|", a["author"])')" \
    "The Ledger | Dana Whitcomb"
lacks "...and no warning" "$ERR" "trawl-index:"

# A reply that files its articles by section, each under the same name:
# {"news": {"top": {...}}, "sport": {"top": {...}}}.  An article deeper in
# is known by the names it is in, PATH#news.top: both were PATH#top, the
# second replacing the first.
SECTIONS=$TMP/sections
mkdir -p "$SECTIONS"
printf '%s' '{"news": {"top": {"title": "Harbour top story", "body": "The harbour board met on the top story."}}, "sport": {"top": {"title": "Regatta top story", "body": "The regatta was the top story."}}}' \
    > "$SECTIONS/front.json"
run index -d "$SECTIONS/db" "$SECTIONS"
is "articles under the same name in two sections: both, by their trail (exit 0)" \
    "$(query -d "$SECTIONS/db" --format tsv --fields id,title story | sed "s|$SECTIONS/||" | sort):$RC" \
    "front.json#news.top	Harbour top story
front.json#sport.top	Regatta top story:0"

# WordPress's and MySQL's zero date, alone in a record, is no date and no
# mistake to warn of (each record of a dump of drafts warned); a date that
# is not one still warns.
ZERO=$TMP/zero-date
mkdir -p "$ZERO"
printf '%s\n' '{"title": "Quay draft", "date": "0000-00-00 00:00:00", "body": "The quay opened."}' \
    '{"title": "Weir draft", "date": "someday", "body": "The weir opened."}' > "$ZERO/drafts.jsonl"
run index --extract "$ZERO"
is "a zero date: undated, and no warning of it; a word still warns" \
    "$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
print(" ".join(str(json.loads(l)["date"]) for l in sys.stdin))'):$(printf '%s\n' "$ERR" | grep -c 'not understood'):$(printf '%s\n' "$ERR" | grep -c '0000-00-00')" \
    "None None:1:0"
