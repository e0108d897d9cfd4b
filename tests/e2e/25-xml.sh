#!/bin/bash
# End to end: XML documents of articles (extract_xml.c).  An export of many
# (<articles><article>...), one article a file as Reuters' RCV1 and the NITF
# of The New York Times' corpus hold them, fields known by their names as
# JSON's and CSV's are; a sitemap or a configuration file is no article; a
# file cut short or broken keeps what it can and says so; entities are never
# expanded; an XHTML page and an Atom feed go to their own readers.  Before,
# each was one plain-text article whose words were its tags.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"

fields() {
    printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print("|".join(str(a[k]).replace("\n", "/") for k in
                   ("id", "title", "date", "url", "site", "author", "body")))'
}

cat > "$IN/export.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<articles xml:lang="nl">
  <article>
    <id>1001</id>
    <language>en</language>
    <headline_text>Harbour wall approved</headline_text>
    <date>2022-03-03</date>
    <author>By Ana Ruiz</author>
    <url>https://coastal.example/news/2022/03/03/harbour-wall</url>
    <article_text>
      <p>The town council voted on Tuesday to build a new harbour wall
         after winter storms breached the old one twice.</p>
      <p>Work starts in <b>May</b> &amp; lasts two years.</p>
    </article_text>
  </article>
  <article date="2022-03-02">
    <title>Schooldak</title>
    <text>Uitgesteld.</text>
  </article>
</articles>
XML
run index --extract "$IN/export.xml"
is "an export: exit 0" "$RC" 0
is "an export: an article each, fields by name and by words, paragraphs kept" "$(fields)" \
"$IN/export.xml#1001|Harbour wall approved|2022-03-03|https://coastal.example/news/2022/03/03/harbour-wall|coastal.example|Ana Ruiz|The town council voted on Tuesday to build a new harbour wall after winter storms breached the old one twice.//Work starts in May & lasts two years.
$IN/export.xml#2|Schooldak|2022-03-02|None|None|None|Uitgesteld."
lacks "an export: no warning" "$ERR" "trawl-index:"

# RCV1's one story a file: the date an attribute, the title over the
# headline, the byline the author, the text its paragraphs (not the
# metadata's codes); declared ISO-8859-1.
printf '<?xml version="1.0" encoding="iso-8859-1" ?>\n<newsitem itemid="2286" date="1996-08-20" xml:lang="fr">\n<title>FRANCE: Caf\xe9 prices rise.</title>\n<headline>Caf\xe9 prices rise.</headline>\n<byline>Dana Whitcomb</byline>\n<dateline>PARIS 1996-08-20</dateline>\n<text>\n<p>Le prix du caf\xe9 a augment\xe9 mardi.</p>\n<p>Les torr\xe9facteurs ont suivi.</p>\n</text>\n<copyright>(c) Reuters Limited 1996</copyright>\n<metadata><codes class="bip:countries:1.0"><code code="FRA"/></codes><dc element="dc.date.created" value="1996-08-20"/></metadata>\n</newsitem>\n' \
    > "$IN/2286newsML.xml"
run index --extract "$IN/2286newsML.xml"
is "RCV1: one article, its fields" "$(fields)" \
    "$IN/2286newsML.xml|FRANCE: Café prices rise.|1996-08-20|None|None|Dana Whitcomb|Le prix du café a augmenté mardi.//Les torréfacteurs ont suivi."

# A better name later wins (<title> over a <headline> before it); an
# attribute inside the record gives no url (an image's).
printf '<?xml version="1.0"?>\n<newsitem date="1996-08-21"><headline>Short head</headline><title>USA: Long title</title><text><p>Body <media url="https://img.example/a.jpg"/>text.</p></text></newsitem>\n' \
    > "$IN/order.xml"
run index --extract "$IN/order.xml"
is "the best name wins in any order; no image's url" "$(fields | cut -d'|' -f2-4)" \
    "USA: Long title|1996-08-21|None"

# NITF: the title in <head>, the date in <pubdata date.publication>, the
# byline and the text in <body>.
cat > "$IN/nitf.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">
<nitf version="-//IPTC//DTD NITF 3.3//EN">
  <head>
    <title>Dredging Approved</title>
    <meta content="1" name="publication_day_of_month"/>
    <pubdata date.publication="19870301T000000" name="The Coastal Times"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Dredging Approved</hl1></hedline>
      <byline class="print_byline">By Lee Parker</byline>
    </body.head>
    <body.content>
      <block class="full_text"><p>The board approved the dredging of the channel.</p></block>
    </body.content>
  </body>
</nitf>
XML
run index --extract "$IN/nitf.xml"
is "NITF: one article, its fields" "$(fields)" \
    "$IN/nitf.xml|Dredging Approved|1987-03-01T00:00:00|None|None|Lee Parker|The board approved the dredging of the channel."

# A database dump's rows: each field an element named by its name
# attribute (mysqldump --xml); an empty one takes nothing from a field.
cat > "$IN/dump.xml" <<'XML'
<?xml version="1.0"?>
<resultset statement="SELECT * FROM stories">
  <row>
    <field name="id">17</field>
    <field name="title">Council approves bus lanes</field>
    <field name="body">The council approved four bus lanes on Tuesday.</field>
    <field name="published_at">2023-02-14</field>
    <field name="author">Tomas Ek</field>
  </row>
  <row>
    <headline>Flood barrier tested</headline>
    <field name="title"/>
    <field name="body">Engineers raised the flood barrier.</field>
  </row>
</resultset>
XML
run index --extract "$IN/dump.xml"
is "a database dump: a row each, fields by their name attribute" "$(fields)" \
"$IN/dump.xml#17|Council approves bus lanes|2023-02-14|None|None|Tomas Ek|The council approved four bus lanes on Tuesday.
$IN/dump.xml#2|Flood barrier tested|None|None|None|None|Engineers raised the flood barrier."
# WordPress's posts dumped: post_date_gmt is UTC's time, though it names no
# zone (shown with none, it was a clock's reading of no zone).
mkdir -p "$TMP/wp"
cat > "$TMP/wp/wp.xml" <<'XML'
<?xml version="1.0"?>
<resultset statement="SELECT * FROM wp_posts">
  <row>
    <field name="ID">41</field>
    <field name="post_date_gmt">2023-02-14 09:30:00</field>
    <field name="post_title">Harbour cranes replaced</field>
    <field name="post_content">Two cranes on the east quay were replaced.</field>
  </row>
</resultset>
XML
run index --extract "$TMP/wp/wp.xml"
is "a dump of WordPress's posts: post_date_gmt is UTC's" "$(fields | cut -d'|' -f2,3)" \
    "Harbour cranes replaced|2023-02-14T09:30:00Z"

# A JATS paper: its <front> holds its title and an abstract, a summary,
# which makes it no article of its own: the paper is one, its abstract
# leading its body's sections, headings and all.  Before, the <front> was
# the article and the body lost.  In a set of them, the same.
cat > "$IN/jats.xml" <<'XML'
<?xml version="1.0"?>
<article article-type="research-article">
  <front><article-meta>
    <title-group><article-title>Sediment in estuaries</article-title></title-group>
    <pub-date pub-type="epub"><day>07</day><month>05</month><year>2020</year></pub-date>
    <abstract><p>We measure silt flux.</p></abstract>
  </article-meta></front>
  <body>
    <sec><title>Introduction</title><p>Estuaries trap fine silt.</p></sec>
    <sec><title>Methods</title><p>Profilers were moored.</p></sec>
  </body>
</article>
XML
printf '<?xml version="1.0"?>\n<pmc-articleset><article><front><article-meta><article-title>Paper one</article-title><abstract><p>Abstract one.</p></abstract></article-meta></front><body><p>Body one.</p></body></article><article><front><article-meta><article-title>Paper two</article-title><pub-date><day>12</day><month>Apr</month><year>2019</year></pub-date></article-meta></front><body><p>Body two.</p></body></article></pmc-articleset>\n' \
    > "$IN/pmc-set.xml"
run index --extract "$IN/jats.xml" "$IN/pmc-set.xml"
is "JATS: one article, the abstract and the body its text" "$(fields | cut -d'|' -f1,2,7)" \
"$IN/jats.xml|Sediment in estuaries|We measure silt flux.//Introduction//Estuaries trap fine silt.//Methods//Profilers were moored.
$IN/pmc-set.xml#1|Paper one|Abstract one.//Body one.
$IN/pmc-set.xml#2|Paper two|Body two."
# Its date given as its parts: read as one.  Before, '07 05 2020' was not
# understood and the paper had no date.
is "JATS: a date of parts" "$(fields | cut -d'|' -f3)" "2020-05-07
None
2019-04-12"
lacks "JATS: no date not understood" "$ERR" "not understood"

# A Google News sitemap: an article a <url>, its address the <loc>, the
# site its publication's name alone (not with the language inside it).
cat > "$IN/news-sitemap.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.org/2024/05/02/bridge-reopens</loc>
    <news:news>
      <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-02T08:30:00+00:00</news:publication_date>
      <news:title>Bridge reopens after repairs</news:title>
    </news:news>
  </url>
  <url><loc>https://news.example.org/b</loc><news:news><news:title>Library hours</news:title></news:news></url>
</urlset>
XML
run index --extract "$IN/news-sitemap.xml"
is "a news sitemap: an article a url, its address its url" "$(fields | cut -d'|' -f2-5,7)" \
"Bridge reopens after repairs|2024-05-02T08:30:00Z|https://news.example.org/2024/05/02/bridge-reopens|Example Times|None
Library hours|None|https://news.example.org/b|news.example.org|None"

# Articles wrapped deeper than the root's children: an API's answer,
# mysqldump --xml's rows beside its table's structure.  Before, all of an
# answer was one article, the title of the first with the text of the
# last; a dump's rows after the first with no text were lost.
cat > "$IN/answer.xml" <<'XML'
<?xml version="1.0"?>
<response>
  <status>ok</status>
  <totalResults>2</totalResults>
  <articles>
    <article><source>Daily Post</source><title>Port strike called off</title><url>https://dp.example/a</url><content>The strike was called off after talks.</content></article>
    <article><source>Daily Post</source><title>New ferry route</title><url>https://dp.example/b</url><content>A ferry route to the islands opens in May.</content></article>
  </articles>
</response>
XML
cat > "$IN/mysqldump.xml" <<'XML'
<?xml version="1.0"?>
<mysqldump xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<database name="newsroom">
	<table_structure name="stories">
		<field Field="title" Type="varchar(255)" Null="NO" Key="" Extra="" />
		<field Field="body" Type="text" Null="YES" Key="" Extra="" />
	</table_structure>
	<table_data name="stories">
	<row>
		<field name="title">Tram line opens</field>
		<field name="body">The tram line carried its first passengers.</field>
	</row>
	<row>
		<field name="title">Market hall restored</field>
		<field name="body" xsi:nil="true" />
	</row>
	</table_data>
</database>
</mysqldump>
XML
run index --extract "$IN/answer.xml" "$IN/mysqldump.xml"
is "wrapped articles: an article each" "$(fields | cut -d'|' -f1,2,4,5,7)" \
"$IN/answer.xml#1|Port strike called off|https://dp.example/a|Daily Post|The strike was called off after talks.
$IN/answer.xml#2|New ferry route|https://dp.example/b|Daily Post|A ferry route to the islands opens in May.
$IN/mysqldump.xml#1|Tram line opens|None|None|The tram line carried its first passengers.
$IN/mysqldump.xml#2|Market hall restored|None|None|None"

# WordPress's posts dumped so: post_date is the site's clock, post_date_gmt
# UTC's; together the moment on the site's clock, as CSV and JSON take them.
# Before, post_date_gmt's alone, said to be UTC's: the 4th's post after
# midnight was the 3rd's.
printf '<?xml version="1.0"?>\n<mysqldump><database name="wp"><table_data name="wp_posts">\n<row><field name="ID">7</field><field name="post_date">2022-03-02 23:15:00</field><field name="post_date_gmt">2022-03-02 21:15:00</field><field name="post_content">The slipway reopened to boats.</field><field name="post_title">Slipway reopens</field></row>\n<row><field name="ID">8</field><field name="post_date">2022-03-04 00:30:00</field><field name="post_date_gmt">2022-03-03 22:30:00</field><field name="post_content">Nets were mended on the quay.</field><field name="post_title">Nets mended</field></row>\n</table_data></database></mysqldump>\n' \
    > "$IN/wp_posts.xml"
run index --extract "$IN/wp_posts.xml"
is "wp_posts dumped: post_date and post_date_gmt give the site's clock" "$(fields | cut -d'|' -f1-3)" \
"$IN/wp_posts.xml#7|Slipway reopens|2022-03-02T23:15:00+02:00
$IN/wp_posts.xml#8|Nets mended|2022-03-04T00:30:00+02:00"

# Headlines alone: the children that repeat a name are the articles.
printf '<?xml version="1.0"?>\n<feed_dump><story><headline>Ferry fares frozen</headline></story><story><headline>Pier reopens</headline></story></feed_dump>\n' \
    > "$IN/headlines.xml"
run index --extract "$IN/headlines.xml"
is "headlines: an article each" "$(fields | cut -d'|' -f1,2)" \
    "$IN/headlines.xml#1|Ferry fares frozen
$IN/headlines.xml#2|Pier reopens"

# No article: a sitemap, a configuration file.
mkdir -p "$TMP/none"
printf '<?xml version="1.0"?>\n<urlset><url><loc>https://a.example/x</loc><lastmod>2022-01-01</lastmod></url><url><loc>https://a.example/y</loc></url></urlset>\n' \
    > "$TMP/none/sitemap.xml"
printf '<config><setting name="depth">3</setting></config>\n' > "$TMP/none/config.xml"
run index --extract "$TMP/none"
is "a sitemap, a configuration file: exit 0" "$RC" 0
has "a sitemap: no article in it" "$ERR" "$TMP/none/sitemap.xml: no article in it: skipped"
has "a configuration file: no article in it" "$ERR" "$TMP/none/config.xml: no article in it: skipped"

# Damaged: cut short, the last article as far as it goes; a tag that does
# not close, the articles after it kept.  Each said, the file failed.
mkdir -p "$TMP/bad"
printf '<?xml version="1.0"?>\n<articles><article><title>One</title><text>First text.</text></article><article><title>Two</title><text>Second text cut' \
    > "$TMP/bad/cut.xml"
run index --extract "$TMP/bad/cut.xml"
is "cut short: exit 1" "$RC" 1
is "cut short: the last article as far as it goes" "$(fields | cut -d'|' -f2,7)" "One|First text.
Two|Second text cut"
has "cut short: said" "$ERR" "cut.xml: the XML ends before its elements close (cut short?): its last article is indexed as far as it goes"
printf '<?xml version="1.0"?>\n<articles><article><title>One</title><text>First <b>bold</i> text.</text></article>\n<article><title>Two</title><text>Second text.</text></article></articles>\n' \
    > "$TMP/bad/broken.xml"
run index --extract "$TMP/bad/broken.xml"
is "a tag that does not close: exit 1" "$RC" 1
is "a tag that does not close: both articles" "$(fields | cut -d'|' -f2)" "One
Two"
has "a tag that does not close: said by its line" "$ERR" \
    "broken.xml: line 2: Opening and ending tag mismatch: b line 2 and i: read on past it; what it spoiled is not indexed"

# A compressed export cut short: the articles before the damage are
# indexed (the last as far as it goes), the damage said, exit 1.
python3 - "$TMP/bad/cut.xml.gz" > "$TMP/whole" <<'PY'
import gzip, sys, zlib
items = "".join("<article><id>%d</id><title>Story %d</title><text><p>Quay works, day %d.</p></text></article>\n"
                % (i, i, i) for i in range(3000))
data = gzip.compress(('<?xml version="1.0"?>\n<articles>\n%s</articles>\n' % items).encode())
cut = data[:len(data) * 6 // 10]
open(sys.argv[1], "wb").write(cut)
text = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(cut)
print(text.count(b"</article>"))
PY
run index --extract "$TMP/bad/cut.xml.gz"
is "a compressed export cut short: exit 1" "$RC" 1
got=$(printf '%s\n' "$OUT" | grep -c '"title":"Story ')
whole=$(cat "$TMP/whole")
if [ "$got" -ge "$whole" ] && [ "$got" -le $((whole + 1)) ]; then
    ok "a compressed export cut short: its $whole whole articles kept"
else
    not_ok "a compressed export cut short: its $whole whole articles kept" "got $got"
fi
has "a compressed export cut short: the damage said" "$ERR" "cut.xml.gz: "

# Entities the file declares are never expanded: a billion laughs is a few
# bytes and no time; one used and not declared (&nbsp;) is no damage.
python3 - "$TMP/bad/laughs.xml" <<'PY'
import sys
ents = '<!ENTITY l0 "lol">' + "".join('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
open(sys.argv[1], "w").write('<?xml version="1.0"?>\n<!DOCTYPE a [%s]>\n<article><title>Laughs &l9;</title>'
                             '<text>Quiet&nbsp;text &l9; here.</text></article>\n' % ents)
PY
run index --extract "$TMP/bad/laughs.xml"
is "entities: exit 0" "$RC" 0
is "entities: not expanded" "$(fields | cut -d'|' -f2,7)" "Laughs|Quiettext here."

# A document of many parts, none an article (children of two names in
# turn), is one article held within an article's bound, as one element's
# text is: before, its parts were all held, 80 MB for 80 MB of them.
python3 - "$TMP/bad/parts.xml" <<'PY'
import sys
para = "harbour wall council storm winter " * 30
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<doc><title>Many parts</title>\n')
    for i in range(36 * 1024 * 1024 // len(para)):
        f.write("<%s>%s</%s>\n" % ("ab"[i % 2], para, "ab"[i % 2]))
    f.write("</doc>\n")
PY
run index --extract "$TMP/bad/parts.xml"
has "a document of 36 MB of parts: held to an article's bound, and said" "$ERR" \
    "parts.xml: an article's text is over 32 MiB"
is "...its first parts indexed" "$(fields | cut -d'|' -f2)" "Many parts"
rm -f "$TMP/bad/parts.xml"

# Not ours: an XHTML page, an Atom feed.
mkdir -p "$TMP/other"
printf '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tide tables</title></head><body><nav>Home News</nav><article><p>The spring tide tables are out, with the highest tide of the year on the fourth of April.</p></article></body></html>\n' \
    > "$TMP/other/page.xml"
printf '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><title>Gale warning</title><content>A gale is due tonight.</content></entry></feed>\n' \
    > "$TMP/other/atom.xml"
run index --extract "$TMP/other"
has "XHTML: read as a page" "$OUT" '"title":"Tide tables"'
lacks "XHTML: the page's menu is not its text" "$OUT" "Home News"
has "Atom: read as a feed" "$OUT" '"site":"Ledger"'

# Indexed: found by their words, the document's language the articles'.
run index -d "$DB" "$IN"
is "indexed: exit 0" "$RC" 0
is "an export's article found first" "$(query -d "$DB" --format tsv --fields id breached storms)" \
    "$IN/export.xml#1001"
is "...an article's language its own, else the export's" \
    "$(query -d "$DB" --format tsv --fields id,lang 'harbour OR schooldak' | sort)" \
    "$IN/export.xml#1001	en
$IN/export.xml#2	nl"
is "RCV1's, in its own" "$(query -d "$DB" --format tsv --fields id 'lang:fr café')" "$IN/2286newsML.xml"
