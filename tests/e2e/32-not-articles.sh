#!/bin/bash
# Pages of a scraped news folder that are not one article: a section's front
# page, a tag's, an author's archive, search results (each a run of teasers:
# a linked headline, a date, a byline, a line), and beside them an article
# with a box of related stories, a live blog and a page that goes on to the
# next stories as one scrolls, a server's "page not found" page and a
# cookie consent prompt saved in place of a story.  A listing is indexed with
# what it shows, but it is no story of its own: it claims no teaser's date
# or byline, which put it in a date filter's hits as the first teaser's day.
. "$(dirname "$0")/../lib.sh"
IN=$TMP/in
DB=$TMP/db
mkdir -p "$IN"

# fields PAGE KEY...: those fields of the article --extract gives, joined by '|'.
fields() {
    "$BIN/trawl-index" --extract -q "$IN/$1" | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
print("|".join(str(a[k]) for k in sys.argv[1:]))' "${@:2}"
}

# teaser TAG CLASS HEADLINE DATE AUTHOR LINE: one teaser of a listing, as
# WordPress themes write them (an hCard byline, a <time class=published>).
teaser() {
    printf '<%s class="%s"><h2 class="entry-title"><a href="/%s">%s</a></h2>\n' "$1" "$2" "${3// /-}" "$3"
    printf '<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/x">%s</a></span></span>\n' "$5"
    printf '<time class="published" datetime="%sT09:00:00+00:00">%s</time></div>\n' "$4" "$4"
    printf '<p class="excerpt">%s</p></%s>\n' "$6" "$1"
}

# A section's front page: a CollectionPage of <article> teasers under the
# section's <h1>, "Page 1 of 5" and rel=next below them.
{
    printf '<!DOCTYPE html><html lang="en-GB"><head><title>Business news | The Harbour Ledger</title>\n'
    printf '<meta property="og:type" content="website"><meta property="og:site_name" content="The Harbour Ledger">\n'
    printf '<link rel="next" href="/business/page/2/">\n'
    printf '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Business news"}</script>\n'
    printf '</head><body><header><nav><a href="/">Home</a> <a href="/business/">Business</a></nav></header>\n'
    printf '<main><h1>Business</h1><div class="post-list">\n'
    teaser article post-card "Shipyard wins orders for three ferries" 2021-03-03 "Dana Whitcomb" \
        "The yard on the east quay will build three hybrid ferries for the island routes, keeping two hundred welders in work."
    teaser article post-card "Fish prices climb as fleet stays in port" 2021-03-02 "Lee Parker" \
        "Storms kept most of the trawlers in harbour for a second week, and the price of cod at the auction rose by a third."
    teaser article post-card "Last bank branch in the old town to close" 2021-03-01 "Sam Ortiz" \
        "The bank said fewer than fifty customers a day still came to the counter, and that a van will visit the square."
    printf '</div><nav class="pagination"><span>Page 1 of 5</span> <a rel="next" href="/business/page/2/">Older posts</a></nav></main>\n'
    printf '<footer>Copyright 2021 The Harbour Ledger</footer></body></html>\n'
} > "$IN/section.html"
is "a section's front page: no teaser's date, no teaser's byline" \
    "$(fields section.html title date author)" "Business news|None|None"

# A tag's page whose teasers are <div>s of one class, each with its byline
# and day as short lines above the linked headline.
{
    printf '<html lang="de"><head><title>Thema: Hochwasser – Talblatt</title></head><body>\n'
    printf '<div class="page"><h1>Thema: Hochwasser</h1>\n'
    for t in "Anna Huber|12.07.2021|Pegel der Ach sinkt langsam|Nach drei Tagen Regen sinkt der Pegel der Ach wieder, die Feuerwehr bleibt aber in Bereitschaft." \
             "Jonas Berg|11.07.2021|Keller in der Altstadt unter Wasser|In der Altstadt sind in der Nacht mehr als vierzig Keller vollgelaufen, die Pumpen laufen." \
             "Anna Huber|10.07.2021|Unwetterwarnung für das ganze Tal|Der Wetterdienst warnt vor Starkregen mit bis zu achtzig Litern pro Quadratmeter."; do
        IFS='|' read -r who day head line <<< "$t"
        printf '<div class="teaser"><div class="teaser__meta"><span>Von %s</span> <span>%s</span></div>' "$who" "$day"
        printf '<h3 class="teaser__title"><a href="/lokales/x">%s</a></h3><p>%s</p></div>\n' "$head" "$line"
    done
    printf '</div></body></html>\n'
} > "$IN/tag.html"
is "a tag's page of <div> teasers: no teaser's date or byline" \
    "$(fields tag.html title date author)" "Thema: Hochwasser|None|None"

# Search results: a list of linked headlines, each with its day as a line.
cat > "$IN/search.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Search results for “ferry” – Valley Post</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"SearchResultsPage"}</script></head>
<body><main><h1>Search results for: ferry</h1><ul class="search-results">
<li class="result"><h3><a href="/2021/03/ferry-fares">Ferry fares to rise in May</a></h3><span class="date">March 6, 2021</span><p>Fares on the island ferry will rise by ten percent in May, the operator said on Friday.</p></li>
<li class="result"><h3><a href="/2021/02/ferry-refit">Old ferry back after refit</a></h3><span class="date">February 20, 2021</span><p>The older of the two ferries is back in service after three months in dry dock on the mainland.</p></li>
</ul><nav><a rel="next" href="?s=ferry&amp;page=2">Next</a></nav></main></body></html>
HTML
is "search results: no result's date" "$(fields search.html date)" "None"

# An author's archive: <article>s in list items, "Publié le ..." under each.
cat > "$IN/author.html" <<'HTML'
<!DOCTYPE html><html lang="fr"><head><title>Articles de Claire Morel – Le Courrier du Port</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ProfilePage","mainEntity":{"@type":"Person","name":"Claire Morel"}}</script>
</head><body><h1>Claire Morel</h1><p class="bio">Journaliste au service Économie depuis 2015.</p><ul class="articles">
<li><article><h2><a href="/2021/03/04/port">Le port agrandit son terminal à conteneurs</a></h2><p class="date">Publié le 4 mars 2021</p><p>Les travaux du nouveau quai commenceront à l'automne et dureront deux ans.</p></article></li>
<li><article><h2><a href="/2021/02/28/marche">Le marché couvert rouvre ses portes</a></h2><p class="date">Publié le 28 février 2021</p><p>Après un an de rénovation, les commerçants ont retrouvé leurs étals sous la halle.</p></article></li>
</ul></body></html>
HTML
is "an author's archive: no article's date" "$(fields author.html date)" "None"

# An article with a box of related stories: its own date and byline stay.
{
    printf '<html lang="en-GB"><head><title>Dredging of the east channel approved | The Harbour Ledger</title></head><body><main>\n'
    printf '<article class="story"><h1>Dredging of the east channel approved</h1><p class="byline">By Dana Whitcomb</p>\n'
    printf '<p class="date">8 March 2021</p>\n'
    printf '<p>The harbour board approved the dredging of the east channel on Tuesday, after pilots warned that ferries could no longer turn at low tide.</p>\n'
    printf '<p>The work will cost four million pounds and take most of the summer, and the channel will be closed to yachts.</p></article>\n'
    printf '<section class="related"><h2>Related</h2>\n'
    teaser div card "Shipyard wins orders for three ferries" 2021-03-03 "Lee Parker" "The yard will build three hybrid ferries."
    teaser div card "Fish prices climb as fleet stays in port" 2021-03-02 "Sam Ortiz" "The price of cod rose by a third."
    printf '</section></main></body></html>\n'
} > "$IN/story.html"
is "an article beside related teasers: its own date and byline" \
    "$(fields story.html date author)" "2021-03-08|Dana Whitcomb"

# A live blog: one page of timed updates, each an <article> under its own
# unlinked heading: all of them its text, its start its date.
cat > "$IN/live.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><title>Storm Arwen live: ferries cancelled | The Harbour Ledger</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm Arwen live: ferries cancelled","datePublished":"2021-11-26T07:00:00+00:00","author":{"@type":"Person","name":"Dana Whitcomb"}}</script>
</head><body><main><h1>Storm Arwen live: ferries cancelled</h1><div class="live-blog">
<article class="live-update"><time datetime="2021-11-26T11:40:00+00:00">11:40</time><h2>Harbour wall breached</h2><p>Waves have broken through the old harbour wall near the lifeboat station, and the coastguard has closed the promenade.</p></article>
<article class="live-update"><time datetime="2021-11-26T07:20:00+00:00">07:20</time><h2>All sailings cancelled</h2><p>The ferry company has cancelled every sailing for the day, saying gusts of ninety miles an hour are forecast.</p></article>
</div></main></body></html>
HTML
is "a live blog: its start and its writer" "$(fields live.html date author)" \
    "2021-11-26T07:00:00Z|Dana Whitcomb"
has "...and every update" "$(fields live.html body)" "coastguard has closed the promenade"
has "...the first as well as the last" "$(fields live.html body)" "gusts of ninety miles"

# A page that goes on to the next stories as one scrolls: each a whole
# <article> with its own <h1>, byline and text.  The page is its first
# story's (its title, its URL); the next ones are pages of their own.
# LONG more paragraphs in the first story (a first story longer than the
# others is the best block alone; a shorter one, the block of all three).
scroll() {
    printf '<html lang="en-US"><head><title>Council approves tram budget - Valley Post</title>\n'
    printf '<meta property="article:published_time" content="2021-03-05T10:00:00-05:00"></head><body>\n'
    printf '<div class="infinite-scroll">\n'
    printf '<article class="post"><h1 class="entry-title">Council approves tram budget</h1>\n'
    printf '<div class="meta">By <a rel="author" href="/author/lee-parker">Lee Parker</a></div>\n'
    printf '<div class="entry-content"><p>The city council approved the budget for the tram extension on Thursday night by nine votes to four, after a debate of five hours.</p>\n'
    for i in $(seq "$1"); do
        printf '<p>Councillors spoke at length about fares, routes, depots and the cost of the new trams, and the mayor answered their questions one by one.</p>\n'
    done
    printf '<p>Opponents said the money would be better spent on buses, which reach more of the suburbs.</p></div></article>\n'
    printf '<article class="post"><h1 class="entry-title">Library to open on Sundays</h1>\n'
    printf '<div class="meta">By <a rel="author" href="/author/sam-ortiz">Sam Ortiz</a></div>\n'
    printf '<div class="entry-content"><p>The central library will open on Sunday afternoons from April, the library board said, after a survey of readers asked for it.</p>\n'
    printf '<p>Volunteers from the friends of the library will staff the reading room.</p></div></article>\n'
    printf '<article class="post"><h1 class="entry-title">Snow day closes schools</h1>\n'
    printf '<div class="entry-content"><p>All schools in the district were closed on Wednesday after twenty inches of snow fell overnight.</p></div></article>\n'
    printf '</div></body></html>\n'
}
scroll 1 > "$IN/scroll.html"
scroll 8 > "$IN/scroll-long.html"
for page in scroll scroll-long; do
    text=$(fields $page.html body)
    has "a page of stories one after another ($page): the first story" "$text" "better spent on buses"
    lacks "...not the next one" "$text" "central library"
    lacks "...nor the one after" "$text" "twenty inches of snow"
done

# A server's "page not found" page, saved under a dead link's name: no
# article, skipped with a word of why, as a file with no article is.
cat > "$IN/gone.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Page not found - Valley Post</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><div class="error-404"><h1>Oops! That page can't be found.</h1>
<p>It looks like nothing was found at this location. Maybe try one of the links below or a search?</p>
<form role="search"><input type="search" name="s"><button>Search</button></form></div></main>
<aside><h2>Recent posts</h2><ul><li><a href="/a">Tram line extended</a></li></ul></aside></body></html>
HTML
cat > "$IN/fehler.html" <<'HTML'
<html lang="de"><head><title>Fehler 404 – Seite nicht gefunden | Talblatt</title></head><body>
<div class="content"><h1>Diese Seite gibt es nicht mehr</h1>
<p>Die von Ihnen aufgerufene Seite wurde verschoben oder gelöscht. Nutzen Sie die Suche oder kehren Sie zur Startseite zurück.</p></div></body></html>
HTML
# Briefs whose headlines say a number or "not found", and an article about
# dead links, are articles.
printf '<html><head><title>404 jobs cut at the plant</title></head><body><article><h1>404 jobs cut at the plant</h1><p>The steel plant will cut 404 jobs by the summer, its owners said on Monday.</p></article></body></html>\n' \
    > "$IN/jobs.html"
printf '<html><head><title>Missing sailor not found after two days</title></head><body><article><h1>Missing sailor not found after two days</h1><p>The coastguard called off the search for the missing sailor on Sunday evening.</p></article></body></html>\n' \
    > "$IN/sailor.html"
{
    printf '<html><head><title>Error 404: why the web forgets</title></head><body><article><h1>Error 404: why the web forgets</h1>\n'
    printf '<p>A study of links in news stories found that a quarter of the pages they pointed to a decade ago now answer with a page not found.</p>\n'
    printf '<p>Librarians want publishers to keep their archives online, and to send readers of a moved story to its new address rather than to an error.</p>\n'
    printf '<p>Some papers have lost whole years of their websites when they changed their publishing systems, the authors of the study said on Tuesday.</p>\n'
    printf '</article></body></html>\n'
} > "$IN/linkrot.html"
run "$BIN/trawl-index" --extract "$IN/gone.html" "$IN/fehler.html"
is "a \"page not found\" page: no article" "$OUT" ""
has "...said why" "$ERR" "$IN/gone.html: the page says it was not found (an error page)"
has "...and skipped" "$ERR" "$IN/gone.html: no article in it: skipped"
has "...in German too" "$ERR" "$IN/fehler.html: the page says it was not found (an error page)"
has "...counted as skipped" "$ERR" "2 files: 0 extracted, 2 skipped, 0 failed"
is "...no failure" "$RC" 0
printf '<html><head><title>Wreck search: nothing found</title></head><body><article><h1>Wreck search: nothing found</h1><p>Divers searched the wreck for a second day and found nothing of the cargo.</p></article></body></html>\n' \
    > "$IN/wreck.html"
for page in jobs sailor linkrot wreck; do
    run "$BIN/trawl-index" --extract "$IN/$page.html"
    has "an article that names a 404 or a thing not found: kept ($page)" "$ERR" "1 articles"
done

# Error pages in other scripts: Russian with a capital, as a title starts
# ("Страница не найдена"), Chinese and Japanese, whose words have no spaces
# between them.  A Chinese story about dead links, whose headline says the
# same words, is an article: its text, long in characters, is no apology.
cat > "$IN/oshibka.html" <<'HTML'
<html lang="ru"><head><title>Страница не найдена — Вестник</title></head><body>
<div class="content"><h1>Ошибка</h1><p>Запрошенная страница была удалена или перемещена. Воспользуйтесь поиском.</p></div></body></html>
HTML
cat > "$IN/cuowu.html" <<'HTML'
<html lang="zh"><head><title>页面不存在 - 海港日报</title></head><body>
<div class="main"><h1>抱歉，您访问的页面不存在</h1><p>您要找的页面可能已被删除或移动，请返回首页或使用搜索功能。</p></div></body></html>
HTML
cat > "$IN/eraa.html" <<'HTML'
<html lang="ja"><head><title>お探しのページが見つかりません | 港新聞</title></head><body>
<main><h1>ページが見つかりません</h1><p>お探しのページは移動または削除された可能性があります。トップページからお探しください。</p></main></body></html>
HTML
run "$BIN/trawl-index" --extract "$IN/oshibka.html" "$IN/cuowu.html" "$IN/eraa.html"
is "error pages in Cyrillic, Chinese, Japanese: no article" "$OUT" ""
has "...Russian, its title capitalised" "$ERR" "$IN/oshibka.html: the page says it was not found (an error page)"
has "...Chinese" "$ERR" "$IN/cuowu.html: the page says it was not found (an error page)"
has "...Japanese" "$ERR" "$IN/eraa.html: the page says it was not found (an error page)"
{
    printf '<html lang="zh"><head><title>页面不存在：网络如何遗忘</title></head><body><article><h1>页面不存在：网络如何遗忘</h1>\n'
    printf '<p>一项针对新闻报道中链接的研究发现，十年前报道所指向的网页中，有四分之一如今只返回错误页面，读者再也无法找到原文。</p>\n'
    printf '<p>图书馆员希望出版商将档案保留在网上，并在文章移动后把读者引导到新的地址，而不是引导到一个错误页面。</p>\n'
    printf '<p>研究人员周二表示，一些报纸在更换发布系统时丢失了整整几年的网站内容，这些内容如今已无处可寻。</p>\n'
    printf '</article></body></html>\n'
} > "$IN/linkrot-zh.html"
run "$BIN/trawl-index" --extract "$IN/linkrot-zh.html"
has "a Chinese story whose headline says the page is gone: kept" "$ERR" "1 articles"

# A page that holds only a cookie consent prompt (a site that asks before
# it shows anything answers a scraper so): no article.  A story under a
# cookie banner, and one in a wrapper named for the prompt, are articles.
prompt='<div id="cmp-cookie-consent" class="consent-overlay"><h2>We value your privacy</h2>
<p>We and our partners use cookies and similar technologies to store and access information on your device, to show you personalised ads and content, and to measure them.</p>
<p>You can accept all cookies, or manage your choices at any time by returning to this site.</p>
<button>Accept all</button> <button>Manage options</button></div>'
printf '<html lang="en"><head><title>Before you continue</title></head><body><header><a href="/">Valley Post</a></header>%s</body></html>\n' \
    "$prompt" > "$IN/consent.html"
story='<article><h1>Ferry fares to rise in May</h1><p>Fares on the island ferry will rise by ten percent in May, the operator said on Friday, blaming the price of fuel.</p><p>Season tickets for islanders will keep their price until the end of the year.</p></article>'
printf '<html lang="en"><head><title>Ferry fares to rise in May</title></head><body>%s%s</body></html>\n' \
    "$story" "$prompt" > "$IN/banner.html"
printf '<html lang="en"><head><title>Ferry fares to rise in May</title></head><body><div id="cookie-wall-wrapper">%s%s</div></body></html>\n' \
    "$story" "$prompt" > "$IN/wrapped.html"
run "$BIN/trawl-index" --extract "$IN/consent.html"
is "a cookie consent prompt alone: no article" "$OUT" ""
has "...said why" "$ERR" "$IN/consent.html: the page is only a cookie consent prompt"
has "...and skipped" "$ERR" "$IN/consent.html: no article in it: skipped"
has "a story under a cookie banner: kept" "$(fields banner.html body)" "Season tickets for islanders"
has "a story in a wrapper named for the prompt: kept" "$(fields wrapped.html body)" "Season tickets for islanders"

# Indexed, a listing is found by what it shows, and a date filter does not
# take it for the first teaser's story.
run "$BIN/trawl-index" -q -d "$DB" "$IN"
is "the pages index" "$RC" 0
run "$BIN/trawl-query" -d "$DB" --count -- oops
is "an error page is not in the index" "$OUT" 0
run "$BIN/trawl-query" -d "$DB" --format tsv -- partners personalised
lacks "a consent prompt alone is not in the index" "$OUT" "consent.html"
run "$BIN/trawl-query" -d "$DB" --format tsv -- welders
has "a listing is found by its teasers' words" "$OUT" "section.html"
run "$BIN/trawl-query" -d "$DB" --format tsv -- 'date:2021-03-03' welders
lacks "...but not under the first teaser's day" "$OUT" "section.html"
