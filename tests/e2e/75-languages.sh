#!/bin/bash
# Each article's language (issue 18, item 3): declared by its page or record,
# else detected (CLD2); kept as `lang` in hits, a lang: field, a facet; and
# each article stemmed in its own language, German's capitalised nouns too,
# so that a word is found by its other forms.  The articles are made up for
# this test; each carries the made-up word "zeitplan4471" to find them all.
. "$(dirname "$0")/../lib.sh"
S=$TMP/src
mkdir -p "$S"
cat > "$S/de-haushalt.txt" <<'TXT'
Bundesregierungen streiten über den Haushalt

Die Bundesregierungen der vergangenen Jahre haben den Haushalt stets knapp geplant. Zeitplan4471: In dieser Woche streiten die Minister erneut darüber, wie viel Geld für Schulen, Brücken und Krankenhäuser übrig bleibt. Die Opposition verlangt, dass die Ausgaben offen gelegt werden, bevor das Parlament abstimmt.
TXT
cat > "$S/de-bahn.txt" <<'TXT'
Neue Bahnstrecke im Norden eröffnet

Zeitplan4471: Nach sieben Jahren Bauzeit fährt der erste Zug auf der neuen Strecke zwischen den beiden Hafenstädten. Die Bundesregierung hatte das Projekt gefördert, und viele Pendler freuen sich über die kürzere Fahrt zur Arbeit am Morgen.
TXT
cat > "$S/fr-maire.txt" <<'TXT'
Les habitants choisiront un nouveau maire

Zeitplan4471: Dimanche prochain, les habitants de la petite commune choisiront leur nouveau maire. Les trois candidats ont présenté leurs projets lors de réunions publiques dans les quartiers, et les débats ont surtout porté sur les transports, les écoles et le prix des logements.
TXT
cat > "$S/es-puerto.txt" <<'TXT'
El puerto amplía sus muelles

Zeitplan4471: Las autoridades del puerto anunciaron el martes que ampliarán los muelles para recibir barcos más grandes. Las obras comenzarán en primavera y durarán dos años, según explicó la directora durante una rueda de prensa en el ayuntamiento.
TXT
cat > "$S/en-ferry.txt" <<'TXT'
Harbour council approves a new ferry timetable

Zeitplan4471: The harbour council approved a new ferry timetable on Tuesday after months of complaints from commuters about late boats, crowded decks and cancelled crossings during the busy summer season.
TXT
# An English article with a French word in it, for the highlights below.
cat > "$S/en-poster.txt" <<'TXT'
Harbour museum opens a poster exhibition

The harbour museum opened an exhibition of old travel posters on Monday. One poster from a French shipping line promises that travellers choisiront their own cabins, and visitors laughed at the mixture of languages on the wall beside it.
TXT
# English text on a page that says it is Italian, and in a record that says
# it is Brazilian Portuguese: what the input declares wins.
cat > "$S/declared.html" <<'TXT'
<!doctype html><html lang="it-IT"><head><title>Lighthouse keepers gather</title></head>
<body><article><h1>Lighthouse keepers gather</h1>
<p>Zeitplan4471: Lighthouse keepers from the whole coast gathered on Saturday to share stories about storms, broken lamps and the long winter nights they spent watching the sea.</p>
</article></body></html>
TXT
cat > "$S/feed.jsonl" <<'TXT'
{"id":"p1","lang":"pt_BR","title":"Beekeepers count their hives","body":"Zeitplan4471: Beekeepers in the valley counted their hives this spring and found that most colonies survived the cold months in good health."}
{"id":"short","title":"Ok","body":"Zeitplan4471 ok."}
TXT
index -q -d "$TMP/db" "$S"
is "indexed" "$?" 0
# The ids of the hits, sorted, for the words as typed: a spelling correction's
# hits (exit status 1) do not count.
ids() { typed_ids "$TMP/db" "$@"; }

# --- the language of each article --------------------------------------
is "lang of each article (tsv --fields lang)" \
    "$(query -d "$TMP/db" --format tsv --fields id,lang -n 20 zeitplan4471 | sed 's|.*/||' | sort | tr '\t\n' ': ')" \
    "de-bahn.txt:de de-haushalt.txt:de declared.html:it en-ferry.txt:en es-puerto.txt:es feed.jsonl#p1:pt feed.jsonl#short: fr-maire.txt:fr "
is "json: detected lang" \
    "$(query -d "$TMP/db" --format json muelles | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["lang"])')" es
is "json: too little text is no language (null)" \
    "$(query -d "$TMP/db" --format json 'title:ok' | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["lang"])')" None
is "lang:fr keeps the French article" "$(ids zeitplan4471 lang:fr)" "fr-maire.txt "
is "lang:DE and lang:de-AT are German too" "$(ids zeitplan4471 lang:DE) / $(ids lang:de-AT)" \
    "de-bahn.txt de-haushalt.txt  / de-bahn.txt de-haushalt.txt "
is "<html lang> wins over the English text" "$(ids lang:it)" "declared.html "
is "a JSON lang wins over the English text" "$(ids lang:pt)" "feed.jsonl#p1 "
# og:locale and a content-language meta tag, when <html> says nothing.
mkdir -p "$TMP/meta"
for how in '<meta property="og:locale" content="sv_SE">' '<meta http-equiv="Content-Language" content="fr-CA">'; do
    n=$((${n:-0} + 1))
    printf '<html><head>%s<title>Keepers %s</title></head><body><article><p>%s</p></article></body></html>\n' \
        "$how" "$n" "Lighthouse keepers from the whole coast gathered on Saturday to share stories about storms, broken lamps and long nights." \
        > "$TMP/meta/page$n.html"
done
index -q -d "$TMP/metadb" "$TMP/meta"
is "og:locale, then content-language, declare a page's language" \
    "$(query -d "$TMP/metadb" --no-collapse --format tsv --fields id,lang lighthouse | sed 's|.*/||' | sort | tr '\t\n' ': ')" \
    "page1.html:sv page2.html:fr "
is "--facet lang counts the matches by language" \
    "$(query -d "$TMP/db" --format json --facet lang zeitplan4471 | tail -1)" \
    '{"facets":{"lang":{"de":2,"en":1,"es":1,"fr":1,"it":1,"pt":1}}}'

# --- languages by name and by three-letter code ------------------------------
# People type a language's name, and dumps and pages give one ("language":
# "english", lang="deu"): each is the code the index keeps.  lang:french
# matched nothing, silently, and a declared "German" was left for CLD2.
is "lang:french, lang:FRA, lang:fre, lang:français, lang:Francais are lang:fr" \
    "$(ids zeitplan4471 lang:french)/$(ids lang:FRA)/$(ids lang:fre)/$(ids lang:français)/$(ids lang:Francais)" \
    "fr-maire.txt /fr-maire.txt /fr-maire.txt /fr-maire.txt /fr-maire.txt "
is "lang:german, lang:deutsch, lang:deu and lang:ger are lang:de" \
    "$(ids lang:german)/$(ids lang:deutsch)/$(ids lang:deu)/$(ids lang:ger)" \
    "de-bahn.txt de-haushalt.txt /de-bahn.txt de-haushalt.txt /de-bahn.txt de-haushalt.txt /de-bahn.txt de-haushalt.txt "
is "lang:español (Spanish in Spanish) and lang:portuguese" "$(ids lang:español)/$(ids lang:portuguese)" \
    "es-puerto.txt /feed.jsonl#p1 "
run query -d "$TMP/db" zeitplan4471 lang:swedish
is "a language the index does not hold: no match, exit 1, no error" "$RC:$ERR" "1:"
run query -d "$TMP/db" zeitplan4471 lang:elvish
is "lang: of no language: a bad query (exit 2)" "$RC" 2
has "...that says what a language is" "$ERR" \
    "trawl-query: bad query: lang:elvish is not a language: give its code (lang:fr), its three-letter code (lang:fra) or its name"
# Two letters are a code only when a language has them: lang:zz (a typo for
# lang:nl?) found nothing, silently, as a language the index does not hold.
run query -d "$TMP/db" zeitplan4471 lang:zz
is "lang: of two letters no language has: a bad query (exit 2)" "$RC" 2
has "...that says what a language is" "$ERR" "trawl-query: bad query: lang:zz is not a language"
mkdir -p "$TMP/named"
cat > "$TMP/named/feed.jsonl" <<'TXT'
{"id":"german","language":"German","title":"Beekeepers count their hives","body":"Beekeepers in the valley counted their hives this spring and found that most colonies survived the cold months in good health."}
{"id":"fre","language":"fre","title":"Orchard keepers count their trees","body":"Orchard keepers in the valley counted their trees this spring and found that most of them survived the cold months in good health."}
{"id":"elvish","language":"Elvish","title":"Shepherds count their flocks","body":"Shepherds in the valley counted their flocks this spring and found that most lambs survived the cold months in good health."}
{"id":"xx","language":"xx","title":"Millers count their sacks","body":"Millers in the valley counted their sacks this spring and found that most of the grain survived the cold months in good health."}
TXT
printf '<html lang="ita"><head><title>Keepers</title></head><body><article><p>%s</p></article></body></html>\n' \
    "Lighthouse keepers from the whole coast gathered on Saturday to share stories about storms, broken lamps and long nights." \
    > "$TMP/named/page.html"
index -q -d "$TMP/nameddb" "$TMP/named"
is "a declared name or three-letter code is the language; a name or two letters of none is left to CLD2" \
    "$(query -d "$TMP/nameddb" --no-collapse --format tsv --fields id,lang -n 10 'valley OR keepers' | sed 's|.*/||' | sort | tr '\t\n' ': ')" \
    "feed.jsonl#elvish:en feed.jsonl#fre:fr feed.jsonl#german:de feed.jsonl#xx:en page.html:it "

# --- stemming in each article's language ---------------------------------
want="de-bahn.txt de-haushalt.txt "
is "Bundesregierungen (capitalised plural) finds both German articles" "$(ids Bundesregierungen)" "$want"
is "bundesregierungen finds the same" "$(ids bundesregierungen)" "$want"
is "Bundesregierung (the singular) finds the same" "$(ids Bundesregierung)" "$want"
is "a French verb finds its future tense (choisir: choisiront)" "$(ids choisir)" "fr-maire.txt "
is "a Spanish verb finds its future tense (comenzar: comenzarán)" "$(ids comenzar)" "es-puerto.txt "
is "English still stems in English (ferries: ferry)" "$(ids ferries)" "en-ferry.txt "
# A capitalised English word in an index that holds German was looked for as
# typed and by its German stem alone ("Crossing": "crossing"), which no
# English article has ("crossings": "cross").
is "...capitalised too, where the index holds German (Crossing)" "$(ids Crossing)" "en-ferry.txt "
is "...and in title case, all the words (Cancelled Crossing)" "$(ids --all Cancelled Crossing)" "en-ferry.txt "
# Arabic news writes most nouns with the definite article, and Snowball's
# Arabic stemmer stems a plural's ending otherwise with it than without:
# "انتخابات" (elections) typed found no article of "الانتخابات", nor, the
# other way, "الانتخابات" one that writes "انتخابات" alone.
mkdir -p "$TMP/ar"
cat > "$TMP/ar/ar-vote.txt" <<'TXT'
نتائج الانتخابات البلدية

أعلنت اللجنة المشرفة على الانتخابات البلدية النتائج النهائية مساء الأحد، وقال الوزير إن نسبة المشاركة كانت أعلى من الدورة السابقة في معظم المدن.
TXT
cat > "$TMP/ar/ar-port.txt" <<'TXT'
توسعة الميناء

بدأت أعمال توسعة الميناء التجاري هذا الأسبوع، وستستمر عامين. وتقول الشركة إن انتخابات مجلس الإدارة ستجري بعد انتهاء الأعمال في الربيع.
TXT
index -q -d "$TMP/ardb" "$TMP/ar"
arids() { query -d "$TMP/ardb" --format tsv --fields id "$@" | sed 's|.*/||' | sort | tr '\n' ' '; }
is "Arabic: a plural typed without the article finds it with" "$(arids انتخابات)" "ar-port.txt ar-vote.txt "
is "...and with it finds it without" "$(arids الانتخابات)" "ar-port.txt ar-vote.txt "
is "...a noun that starts with و (minister), typed without it" "$(arids وزير)" "ar-vote.txt "
# A stem of another language than the index's finds only the articles of
# that language: French stems "news" to "new", which the English article has
# for "new", and a German article has none of it ("neuen" stems to "neu").
# The index's own (English) stem finds any article's: "transporting" finds
# the French article's "transport".
is "a French stem finds no English article (news: new)" "$(ids news)" "exit 1"
is "...and the index's English stem the French article's word (transporting: transport)" \
    "$(ids transporting)" "fr-maire.txt "
is "...while each language's own stem still finds its articles" "$(ids 'new OR choisir')" \
    "en-ferry.txt fr-maire.txt "
is "a phrase still matches the words as written" "$(ids '"neuen Strecke"')" "de-bahn.txt "
is "title: finds a title's French form (title:choisir)" "$(ids title:choisir)" "fr-maire.txt "
is "title: finds a German noun by another form" "$(ids title:bundesregierung)" "de-haushalt.txt "
is "filters are left as they are (path:)" "$(ids zeitplan4471 path:$S/de-bahn.txt)" "de-bahn.txt "
run query -d "$TMP/db" --format json choisir
is "the French form is highlighted" "$(echo "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print([h["snippet"][a:b] for a, b in h["highlights"]])')" "['choisiront']"
# A hit's words are matched in its own language, as the indexer stemmed
# them: in the English article, "choisiront" is not a form of choisir (in
# English it stems to itself), though it is in the French one.
highlights() {
    query -d "$TMP/db" --format json -n 5 "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    h = json.loads(line)
    if "id" in h:
        print(h["id"].split("/")[-1], [h["snippet"][a:b] for a, b in h["highlights"]])' | sort
}
is "each hit's words highlighted in its own language" "$(highlights 'choisir OR exhibition')" \
"en-poster.txt ['exhibition']
fr-maire.txt ['choisiront']"
# Indonesian takes prefixes off ("membaca" stems to "baca", as "baca"
# does in English too): the hit's words are still matched by its own
# language's stems, and not passed over for starting with another letter.
cat > "$TMP/id.jsonl" <<'TXT'
{"id":"id1","lang":"id","title":"Perpustakaan","text":"Anak-anak suka membaca buku di perpustakaan sekolah setiap hari. Mereka membaca cerita rakyat bersama guru."}
{"id":"en1","lang":"en","title":"Library","text":"The children like reading books in the school library every day with their teacher."}
TXT
index -q -d "$TMP/id-db" "$TMP/id.jsonl"
is "an Indonesian word with a prefix is highlighted as its stem" \
    "$(query -d "$TMP/id-db" --format json baca | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"].split("#")[-1], [h["snippet"][a:b] for a, b in h["highlights"]])')" "id1 ['membaca', 'membaca']"
# Persian writes a zero-width non-joiner inside most plurals and verbs,
# which the term generator passes over ("خانه‌ها" is the word خانهها): the
# word was found but never highlighted.  So is a joiner inside a word.
printf '%s\n' '{"id":"fa1","lang":"fa","title":"خبرهای تهران","text":"شهرداری تهران اعلام کرد که خانه\u200cها در منطقه شمالی بازسازی می\u200cشوند."}' \
    '{"id":"en2","lang":"en","title":"Rail","text":"The new rail\u200dway opens on Monday."}' > "$TMP/zwnj.jsonl"
index -q -d "$TMP/zwnj-db" "$TMP/zwnj.jsonl"
zwnj_lit() {
    query -d "$TMP/zwnj-db" --format json "$@" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(h["id"].split("#")[-1], [h["snippet"][a:b].replace("\u200c", "|").replace("\u200d", "+")
                               for a, b in h["highlights"]])'
}
is "a Persian word with a non-joiner is highlighted (خانهها)" "$(zwnj_lit خانهها)" "fa1 ['خانه|ها']"
is "...a verb (میشوند)" "$(zwnj_lit میشوند)" "fa1 ['می|شوند']"
is "...a word with a joiner (railway)" "$(zwnj_lit railway)" "en2 ['rail+way']"
is "--stats: the index stems by language" \
    "$(index_stat "$TMP/db" stemmer)" auto

# --- --stem LANG keeps one stemmer for every article ----------------------
index -q -d "$TMP/en" --stem english "$S"
is "--stem english: the French verb is not found by its infinitive" \
    "$(query -d "$TMP/en" --format tsv --fields id --all choisir | wc -l)" 0
is "--stem english: the language is still kept" "$(query -d "$TMP/en" --format tsv --fields id lang:fr | sed 's|.*/||')" fr-maire.txt
run index -q -d "$TMP/en" --stem auto "$S"
is "an index of one stemmer refuses --stem auto (exit 2)" "$RC" 2
has "...and says how to keep its stemmer or rebuild with the one asked for" "$ERR" \
    "index $TMP/en was built with stemmer 'english', not 'auto': give no stemmer to add to it with its own, or overwrite it to rebuild it from the articles with the stemmer 'auto'"
has "...in trawl-index's options" "$ERR" \
    "trawl-index: leave --stem out to keep the index's stemmer, or rebuild it from the articles with this one: trawl-index --full --stem auto -d $TMP/en PATH..."
run index -q -d "$TMP/en" --stem klingon "$S"
is "an unknown stemmer for an index: exit 2" "$RC" 2
has "...named, with the known ones" "$ERR" "unknown stemming language 'klingon' (known: "
lacks "...and no rebuild with it is offered" "$ERR" "--stem klingon"

# Xapian takes a language's code for its name: "en" and "english" are one
# stemmer, recorded by its name, and an index of one takes the other.
run index -q -d "$TMP/en" --stem en "$S"
is "--stem en adds to an index built with --stem english (exit 0)" "$RC" 0
index -q -d "$TMP/en-code" --stem en "$S"
is "--stem en is recorded as the stemmer english" "$(index_stat "$TMP/en-code" stemmer)" english
run index -q -d "$TMP/en-code" --stem english "$S"
is "...and --stem english adds to it (exit 0)" "$RC" 0
# An index written before, which recorded the code as given, still takes
# either name, and is searched beside one that recorded the name.
"$BIN/tests/set_meta" "$TMP/en-code" trawl.stemmer en
run index -q -d "$TMP/en-code" --stem english "$S"
is "an index that recorded 'en' takes --stem english (exit 0)" "$RC" 0
"$BIN/tests/set_meta" "$TMP/en-code" trawl.stemmer en
# (Counted as articles: the two hold the same ones, which --count folds
# into one story each, as the pages do.)
each=$(query -d "$TMP/en" --count --no-collapse zeitplan4471)
run query -d "$TMP/en-code" -d "$TMP/en" --count --no-collapse zeitplan4471
is "...and is searched as one with an index that recorded 'english'" "$RC $OUT" "0 $((each * 2))"
# Indexes of two stemmers are not searched as one: the message says how to
# make them one with trawl-index.
index -q -d "$TMP/fr" --stem fr "$S"
run query -d "$TMP/en" -d "$TMP/fr" zeitplan4471
is "indexes of two stemmers searched as one: exit 2" "$RC" 2
has "...naming both stemmers" "$ERR" \
    "indexes $TMP/en (stemmer english) and $TMP/fr (stemmer french) cannot be searched as one: rebuild one from the articles with the other's stemmer"
has "...and the command that rebuilds one" "$ERR" \
    "trawl-query: trawl-index --full --stem LANG -d DIR PATH... rebuilds the index DIR with the stemmer LANG"

# --- text in a legacy charset that declares none ------------------------
# Plain-text files and pages without <meta charset> saved by old newsroom
# systems: each read in the charset whose reading looks like text, where
# Windows-1252 made mojibake of them that no search found.  A French file
# in Latin-1 stays as it was read.
L=$TMP/legacy
mkdir -p "$L"
python3 - "$L" <<'PY'
import sys
d = sys.argv[1]
texts = {
    "ru-1251.txt": ("cp1251", "Погода в Екатеринбурге\n\nВ Екатеринбурге ожидается дождь и сильный ветер в понедельник.\n"),
    "ru-koi8.txt": ("koi8-r", "Погода в Новосибирске\n\nВ Новосибирске ожидается сильный снегопад и мороз до тридцати градусов.\n"),
    "el-1253.txt": ("cp1253", "Λιμάνι\n\nΤο λιμάνι του Πειραιά άνοιξε ξανά μετά την απεργία των ναυτικών.\n"),
    "ja-sjis.txt": ("cp932", "名古屋の天気\n\n名古屋では週末に大雪が予想されています。交通機関に影響が出る恐れがあります。\n"),
    "ja-eucjp.txt": ("euc-jp", "首相の会見\n\n首相は記者会見で新しい経済対策を発表した。\n"),
    "zh-gbk.txt": ("gb18030", "广州天气\n\n广州市气象台发布暴雨预警，市民注意出行安全。\n"),
    "zh-big5.txt": ("big5", "臺北交通\n\n臺北市政府宣布新的交通計畫。市民表示歡迎。\n"),
    "ko-euckr.txt": ("euc-kr", "부산 날씨\n\n부산광역시는 내일 비가 내리겠습니다. 해안가에는 강풍이 예상됩니다.\n"),
    "fr-latin1.txt": ("latin-1", "Résultats\n\nLa Société générale a annoncé des résultats en hausse à Zürich.\n"),
    "ru-nometa.html": ("cp1251", "<html><head><title>Новости Самары</title></head><body><article>"
                       "<h1>Новости Самары</h1><p>Мэрия Самары объявила о ремонте набережной Волги "
                       "к началу лета.</p></article></body></html>"),
    # A template's meta tag over text saved in another charset.
    "ru-says-utf8.html": ("cp1251", "<html><head><meta charset=\"utf-8\"><title>Новости Казани</title>"
                          "</head><body><article><h1>Новости Казани</h1><p>Мэрия Казани объявила о "
                          "ремонте мостов через реку Казанку.</p></article></body></html>"),
    "ru-says-latin1.html": ("cp1251", "<html><head><meta charset=\"iso-8859-1\"><title>Новости Омска"
                            "</title></head><body><article><h1>Новости Омска</h1><p>В Омске открылась "
                            "новая станция метро.</p></article></body></html>"),
    "fr-says-utf8.html": ("latin-1", "<html><head><meta charset=\"utf-8\"><title>Crème brûlée</title>"
                          "</head><body><article><p>Le chef prépare une crème brûlée célèbre à "
                          "Genève.</p></article></body></html>"),
}
for name, (charset, text) in texts.items():
    open(f"{d}/{name}", "wb").write(text.encode(charset))
PY
index -q -d "$TMP/legacy-db" "$L"
legacy() {
    run query -d "$TMP/legacy-db" --format tsv --fields id,lang,title "$@"
    echo "$RC $(echo "$OUT" | sed 's|.*/||' | tr '\t' ' ')"
}
is "Windows-1251 text" "$(legacy Екатеринбурге)" "0 ru-1251.txt ru Погода в Екатеринбурге"
is "KOI8-R text" "$(legacy Новосибирске)" "0 ru-koi8.txt ru Погода в Новосибирске"
is "Windows-1253 text" "$(legacy Πειραιά)" "0 el-1253.txt el Λιμάνι"
is "Shift_JIS text" "$(legacy 名古屋)" "0 ja-sjis.txt ja 名古屋の天気"
is "EUC-JP text" "$(legacy 首相)" "0 ja-eucjp.txt ja 首相の会見"
is "GBK text" "$(legacy 广州)" "0 zh-gbk.txt zh 广州天气"
is "Big5 text" "$(legacy 臺北)" "0 zh-big5.txt zh 臺北交通"
is "EUC-KR text" "$(legacy 부산)" "0 ko-euckr.txt ko 부산 날씨"
is "Latin-1 text is still read as Windows-1252" "$(legacy société)" "0 fr-latin1.txt fr Résultats"
is "a page without <meta charset>" "$(legacy Самары)" "0 ru-nometa.html ru Новости Самары"
is "a page that says UTF-8 over Windows-1251" "$(legacy Казани)" "0 ru-says-utf8.html ru Новости Казани"
is "a page that says ISO-8859-1 over Windows-1251" "$(legacy Омска)" \
    "0 ru-says-latin1.html ru Новости Омска"
is "a page that says UTF-8 over Latin-1 is still read as Windows-1252" "$(legacy Genève)" \
    "0 fr-says-utf8.html fr Crème brûlée"
