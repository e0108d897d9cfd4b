#!/bin/bash
# End to end: news tables in CSV and TSV (extract_csv.c): one article a row,
# its fields by the header's names; separators, quoting, byte-order marks,
# legacy charsets and gzip as data sets hand them out; rows that are broken
# said by their line, the rest of the file kept.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"

# One line per article: id|title|date|url|site|author|body, newlines in the
# body shown as "/".
fields() {
    index --extract "$@" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print("|".join(str(a[k]).replace("\n", "/") for k in
                   ("id", "title", "date", "url", "site", "author", "body")))'
}

# A scraper's table: a byte-order mark, headers in any case, a quoted title
# with a comma, a quoted text with doubled quotes and a line break, a byline
# for an author, HTML in the text of the second row, which has no id and no
# date but a dated url.
printf '\xEF\xBB\xBFid,Title,text,date,url,authors,publication\r\n' > "$IN/news.csv"
cat >> "$IN/news.csv" <<'CSV'
n7,"Harbour dredging, phase two","The port said ""dredging"" starts in May.
Barges will carry the silt to sea.",2021-03-02,https://ledger.example/2021/03/02/dredging,By Dana Whitcomb,The Ledger
,Ferry strike ends,<p>Crews voted to <b>accept</b> the offer.</p>,,https://ledger.example/2022/05/03/ferry,Mara Quint,
CSV
is "CSV: a row an article, its fields by the header's names" "$(fields "$IN/news.csv")" \
"$IN/news.csv#n7|Harbour dredging, phase two|2021-03-02|https://ledger.example/2021/03/02/dredging|The Ledger|Dana Whitcomb|The port said \"dredging\" starts in May./Barges will carry the silt to sea.
$IN/news.csv#2|Ferry strike ends|2022-05-03|https://ledger.example/2022/05/03/ferry|ledger.example|Mara Quint|Crews voted to accept the offer."

# European Excel: ';' between fields, Windows-1252 text, an empty row as
# ";;" (not an article, nothing said).
printf 'title;content;published\nZugausf\xe4lle im S\xfcden;Die Bahn meldet Ausf\xe4lle \x96 wieder;17.06.2021\n;;\n' \
    > "$IN/excel.csv"
run index --extract "$IN/excel.csv"
is "CSV with ';' in Windows-1252: exit 0" "$RC" 0
is "CSV with ';' in Windows-1252: decoded, one article" "$(fields "$IN/excel.csv")" \
    "$IN/excel.csv#1|Zugausfälle im Süden|2021-06-17|None|None|None|Die Bahn meldet Ausfälle – wieder"
lacks "CSV: an empty row says nothing" "$ERR" "line 3"

# TSV, gzipped.
printf 'headline\tarticle\tlink\nLighthouse relit\tThe old lighthouse shone again, with commas, "quotes" and all.\thttps://coast.example/light\n' \
    | gzip > "$IN/coast.tsv.gz"
is "TSV, gzipped: tab-separated fields" "$(fields "$IN/coast.tsv.gz")" \
    "$IN/coast.tsv.gz#1|Lighthouse relit|None|https://coast.example/light|coast.example|None|The old lighthouse shone again, with commas, \"quotes\" and all."

# Lines ended by a lone CR (old Mac software): rows as with LF.
printf 'title,text\rMac one,first text\rMac two,second text\r' > "$IN/mac.csv"
run index --extract "$IN/mac.csv"
is "CSV with lone CRs: exit 0" "$RC" 0
is "CSV with lone CRs: a row an article" "$(fields "$IN/mac.csv" | cut -d'|' -f1,2,7)" \
"$IN/mac.csv#1|Mac one|first text
$IN/mac.csv#2|Mac two|second text"

# Their rows' lines are counted by those CRs too, across the reader's
# windows (256 KiB), as CRLF's are once each: a warning names the row's own
# line.  Before, every row of a lone-CR file was line 1.
for end in cr crlf; do
    awk -v end="$end" 'BEGIN { e = end == "cr" ? "\r" : "\r\n"; printf "title,text%s", e
        for (i = 1; i <= 30000; i++)
            printf "Row %d,the text of row number %d%s%s", i, i, (i == 10000 || i == 29000 ? ",extra" : ""), e }' \
        > "$IN/long-$end.csv"
done
run index --extract "$IN/long-cr.csv" "$IN/long-crlf.csv"
is "CSV with lone CRs and with CRLFs: each row's own line in its warning" \
    "$(printf '%s\n' "$ERR" | grep -o '[a-z-]*\.csv: line [0-9]*: 3 fields')" \
"long-cr.csv: line 10001: 3 fields
long-cr.csv: line 29001: 3 fields
long-crlf.csv: line 10001: 3 fields
long-crlf.csv: line 29001: 3 fields"
is "...and every row an article" "$(printf '%s\n' "$ERR" | tail -1 | grep -o '[0-9]* articles')" "60000 articles"

# A .csv that is no table of articles is one plain-text article, said why.
printf 'name,price\nwidget,3\n' > "$IN/prices.csv"
run index --extract "$IN/prices.csv"
is "CSV without a text column: exit 0" "$RC" 0
has "CSV without a text column: said why" "$ERR" \
    "$IN/prices.csv: not a table of articles: its first row names no title or text column (title, headline, body, text, content...): indexed as plain text"
has "CSV without a text column: read as text" "$OUT" "\"id\":\"$IN/prices.csv\""

# Headers as data sets type them: the fields named by their words.  A
# table of headlines alone is a table of articles (it was one article of
# plain text); "Article text" is the text over "Description", a summary,
# and "Second headline" is no title.
printf 'publish_date,headline_text\n20030219,harbour board decides against dredging licence\n20030220,ferry crews vote on new rota\n' \
    > "$IN/headlines.csv"
run index --extract "$IN/headlines.csv"
is "CSV of headlines: a row an article, dated, titled" "$(fields "$IN/headlines.csv" | cut -d'|' -f1-3,7)" \
"$IN/headlines.csv#1|harbour board decides against dredging licence|2003-02-19|None
$IN/headlines.csv#2|ferry crews vote on new rota|2003-02-20|None"
lacks "CSV of headlines: no warning" "$ERR" "trawl-index:"
cat > "$IN/wire.csv" <<'CSV'
Author,Date published,Category,Section,Url,Headline,Description,Keywords,Second headline,Article text
Dana Whitcomb,2022-03-02 10:15:00,news,world,https://wire.example/2022/03/02/tin,Tin price jumps,A short summary.,"tin, metals",Miners strike,The price of tin rose by a fifth after miners walked out.
CSV
run index --extract "$IN/wire.csv"
is "CSV of a news wire's columns: title, date, url, author, text" "$(fields "$IN/wire.csv" | cut -d'|' -f2-4,6,7)" \
    "Tin price jumps|2022-03-02T10:15:00|https://wire.example/2022/03/02/tin|Dana Whitcomb|The price of tin rose by a fifth after miners walked out."
# A time that names no zone is shown as the clock's reading it is (it was
# given a Z, said to be UTC's); a column named for UTC (WordPress's export
# of wp_posts: post_date_gmt) gives UTC's time, Z and all.
printf 'post_title,post_content,post_date_gmt
Quay reopens,The quay reopened to ferries on Monday.,2022-03-02 10:15:00
' \
    > "$IN/wp_posts.csv"
is "CSV: a date column named ..._gmt is UTC's" "$(fields "$IN/wp_posts.csv" | cut -d'|' -f2,3)" \
    "Quay reopens|2022-03-02T10:15:00Z"
# Beside the site's clock, as wp_posts has them (post_date first), the two
# are the moment on the site's clock, as JSON's date and date_gmt are: the
# day the site showed.  Before, UTC's alone (the day before, for a post
# after midnight at +02:00).
printf 'ID,post_date,post_date_gmt,post_content,post_title
7,2022-03-02 23:15:00,2022-03-02 21:15:00,The slipway reopened to boats.,Slipway reopens
9,2022-03-04 00:30:00,2022-03-03 22:30:00,Nets were mended on the quay.,Nets mended
' \
    > "$IN/wp_both.csv"
is "CSV: post_date and post_date_gmt give the site's clock" "$(fields "$IN/wp_both.csv" | cut -d'|' -f2,3)" \
    "Slipway reopens|2022-03-02T23:15:00+02:00
Nets mended|2022-03-04T00:30:00+02:00"
# A draft's post_date_gmt is MySQL's date of zeros: post_date is its date.
printf 'ID,post_date,post_date_gmt,post_content,post_title\n8,2022-03-04 09:00:00,0000-00-00 00:00:00,The draft about the ferry.,Ferry draft\n' \
    > "$IN/wp_draft.csv"
is "CSV: a draft's post_date_gmt of zeros gives way to post_date" "$(fields "$IN/wp_draft.csv" | cut -d'|' -f2,3)" \
    "Ferry draft|2022-03-04T09:00:00"

# Rows of the wrong width: said by their line; kept when they have text.
B=$TMP/bad
mkdir -p "$B"
cat > "$B/widths.csv" <<'CSV'
title,text,date
First,"A body that runs
over two lines",2021-01-01
Second,text with an unquoted, comma,2021-01-02
,,2021-01-03,extra
Fourth,fourth body,2021-01-04
CSV
run index --extract "$B/widths.csv"
is "CSV rows of the wrong width: exit 1 (a row lost)" "$RC" 1
has "CSV: a row too wide is said by its line" "$ERR" \
    "$B/widths.csv: line 4: 4 fields where the header has 3: indexed as they fall"
has "CSV: a row with no text is skipped, said by its line" "$ERR" \
    "$B/widths.csv: line 5: 4 fields where the header has 3, and no title or text: skipped"
is "CSV: the rows around the bad ones kept, numbered as rows, a wide row's fields as they fall" \
    "$(fields "$B/widths.csv" | cut -d'|' -f1,2,3)" \
"$B/widths.csv#1|First|2021-01-01
$B/widths.csv#2|Second|None
$B/widths.csv#4|Fourth|2021-01-04"

# A quote never closed: the rows before it kept.
printf 'title,text\nGood row,kept text about zebras\nBad row,"never closed\nand more\n' > "$B/unclosed.csv"
run index --extract "$B/unclosed.csv"
is "CSV with an unclosed quote: exit 1" "$RC" 1
has "CSV with an unclosed quote: said by its row's line" "$ERR" \
    "$B/unclosed.csv: line 3: a quote opened in this row is not closed by the end of the file: the row is not indexed"
is "CSV with an unclosed quote: the rows before it kept" "$(fields "$B/unclosed.csv" | cut -d'|' -f1,2)" \
    "$B/unclosed.csv#1|Good row"

# A text of 40 MB: its row skipped, the next kept; 40 MB in a column the
# header does not name for a field: passed over, its row kept; memory
# bounded.
python3 - "$B/huge.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("title,text,raw\nBefore,small text before,\nHuge,\"")
    chunk = "word " * 200000
    for _ in range(40):
        f.write(chunk)
    f.write("\",\nAfter,small text after the huge row,\nPage,a row with its page kept,\"")
    for _ in range(40):
        f.write(chunk)
    f.write("\"\n")
PY
peak "$BIN/trawl-index" --extract "$B/huge.csv"
has "CSV with a 40 MB text: its row skipped, said" "$ERR" \
    "$B/huge.csv: line 3: its title, text and other fields indexed are longer than 32 MiB: skipped"
has "CSV with a 40 MB text: the row after it kept" "$OUT" "\"id\":\"$B/huge.csv#3\""
has "CSV with 40 MB in a column not indexed: the row kept" "$OUT" "\"id\":\"$B/huge.csv#4\""
lacks "CSV with 40 MB in a column not indexed: nothing said of it" "$ERR" "line 5"
under_256 "CSV with 40 MB fields"

# Indexed and searched, with the rest of the run unharmed.
run index -q -d "$DB" "$IN" "$B"
is "CSV: a run with bad tables exits 1" "$RC" 1
run query -d "$DB" --format tsv dredging
has "CSV: search finds the row by its text" "$OUT" "$IN/news.csv#n7"
run query -d "$DB" --format tsv 'title:lighthouse'
has "CSV: search finds the TSV row by its title" "$OUT" "$IN/coast.tsv.gz#1"
run query -d "$DB" --format tsv 'author:quint'
has "CSV: search by author" "$OUT" "$IN/news.csv#2"
run query -d "$DB" --format tsv zebras
has "CSV: the row before an unclosed quote is searchable" "$OUT" "$B/unclosed.csv#1"
run query -d "$DB" --count 'date:2021-03-02'
is "CSV: the row's date is filed" "$OUT" 1
