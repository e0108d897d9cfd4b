#!/bin/bash
# Chinese, Japanese and Korean text is split into characters and pairs of
# characters (Xapian's CJK n-grams, schema 4), so that a word is found inside
# a run that has no spaces; snippets and highlights fall on its characters.
# The articles are made up for this test.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
cat > "$TMP/src/zh.txt" <<'TXT'
新冠疫情持续影响经济

新冠疫情持续影响全球经济。专家表示，疫情对旅游业的冲击最大，疫情之后的复苏需要时间。疫苗接种正在推进。
TXT
cat > "$TMP/src/ja.txt" <<'TXT'
東京の天気

東京では明日、雨が降る見込みです。東京都心の気温は十五度前後。大阪は晴れ。
TXT
cat > "$TMP/src/ko.txt" <<'TXT'
서울 날씨

서울특별시는 오늘 맑은 날씨가 이어지겠습니다. 부산은 흐리겠습니다.
TXT
cat > "$TMP/src/mixed.txt" <<'TXT'
Flights resume

Flights to Tokyo東京 resumed on Monday after the storm.
TXT
cat > "$TMP/src/brand.txt" <<'TXT'
手机销量

Huawei 在中国的 phone sales 去年上升。iPhone 销量下降。
TXT
# Latin letters and digits written full-width, as Japanese and Chinese
# text writes them (schema 8): Xapian split them into pairs without
# lower-casing them, and its query parser lower-cases, so that "ＮＨＫ" was
# found neither by "nhk" nor as typed; the index holds them as ASCII.
cat > "$TMP/src/fullwidth.txt" <<'TXT'
ＮＨＫの報道

ＮＨＫによると、２０２４年の夏は記録的な暑さだった。
TXT
# Katakana written half-width (schema 9), as older systems and many forms
# write it, with the voiced-sound marks as characters of their own: "ｶﾞｿﾘﾝ"
# was not found by "ガソリン", nor the other way; the index holds it
# full-width.
cat > "$TMP/src/halfwidth.txt" <<'TXT'
ﾆｭｰｽ

ｶﾞｿﾘﾝ価格とﾊﾟｿｺﾝの値上がり。
TXT
cat > "$TMP/src/katakana.txt" <<'TXT'
ニュース

ガソリン価格とパソコンの値上がり。
TXT
index -q -d "$TMP/db" "$TMP/src"
ids() { query -d "$TMP/db" --format tsv --fields id "$@" | sed 's|.*/||'; }

is "a Chinese word inside a run" "$(ids 疫情)" zh.txt
is "a Japanese word inside a run" "$(ids 東京 | sort)" "$(printf 'ja.txt\nmixed.txt')"
is "a Korean word inside a run" "$(ids 서울)" ko.txt
is "one character" "$(ids 苗)" zh.txt
is "a phrase of four characters" "$(ids '"新冠疫情"')" zh.txt
run query -d "$TMP/db" '"疫情新冠"'
is "the same characters in another order are not the phrase" "$RC" 1
is "a title word" "$(ids title:天気)" ja.txt
is "a Latin word right before Japanese is a word of its own" "$(ids tokyo)" mixed.txt
is "two words, Chinese and Japanese, both needed" "$(ids --all 疫情 東京)" ""
# A Latin word, a Chinese, Japanese or Korean one and another Latin word in
# a row were a parse error in Xapian 1.4.22's parser (exit 2), however the
# words were joined or spaced.
is "Latin, Chinese, Latin: searched" "$(ids --all huawei 中国 sales)" brand.txt
run query -d "$TMP/db" --all huawei 中国 storm
is "...each of them needed: no hit, and no error" "$RC:$OUT" "1:"
is "...Chinese right before a Latin word" "$(ids --all huawei 中国phone)" brand.txt
is "...with an operator, a phrase, a field" \
    "$(ids --all 'huawei 中国 "phone sales" -storm' | tr '\n' ' ')$(ids --all 'flights 東京 title:resume')" \
    "brand.txt mixed.txt"
# After a key field's quoted value, the text that follows was rewritten from
# the value's closing quote on, which opened a phrase there: the run was
# taken for a quoted one, left as it was, and the parser failed again.
is "...after a key field's quoted value" \
    "$(ids --all "path:\"$TMP/src/brand.txt\" huawei 中国 sales")" brand.txt
for q in 'a 中国 b' 'a 中国 b 中国' '中国 a 中国 b' 'a 서울 b' 'a 東京 b*' 'huawei 中国 OR storm' \
         'of 手机_销量'; do
    run query -d "$TMP/db" --any "$q"
    is "$q: no parse error" "$RC" 0
done
is "full-width letters, typed as written (ＮＨＫ)" "$(ids ＮＨＫ)" fullwidth.txt
is "...typed in ASCII (nhk)" "$(ids nhk)" fullwidth.txt
is "...in the title (title:NHK)" "$(ids title:NHK)" fullwidth.txt
is "full-width digits, typed in ASCII (2024)" "$(ids 2024)" fullwidth.txt
is "...typed as written (２０２４)" "$(ids ２０２４)" fullwidth.txt
is "half-width katakana, typed full-width (ガソリン)" "$(ids ガソリン | sort | tr '\n' ' ')" \
    "halfwidth.txt katakana.txt "
is "...typed half-width (ﾊﾟｿｺﾝ)" "$(ids ﾊﾟｿｺﾝ | sort | tr '\n' ' ')" "halfwidth.txt katakana.txt "
is "...in the title (title:ニュース)" "$(ids title:ニュース | sort | tr '\n' ' ')" \
    "halfwidth.txt katakana.txt "
is "...in a phrase" "$(ids '"ｶﾞｿﾘﾝ価格"' | sort | tr '\n' ' ')" "halfwidth.txt katakana.txt "

# A run of three characters or more typed outside quotes finds the articles
# that have its characters, ranked by its pairs and, first, by the run as
# typed: it needed every pair, those that straddle two words too, so that
# two words typed without a space, as readers of these languages type them,
# found nothing when an article parts them ("京都紅葉", Kyoto and autumn
# leaves, against "京都の寺院では紅葉"), nor a Korean noun typed with
# another particle than the article's ("서울시가", "서울시에서" against
# "서울시는"); and "東京都" ranked an article of "東京と京都" (Tokyo and
# Kyoto) as high as one of "東京都".  Each character needs a pair of the
# run beside it: an article with the characters apart is not found.
# Quoted, the run is still a phrase.
mkdir -p "$TMP/runs"
cat > "$TMP/runs/kyoto.txt" <<'TXT'
紅葉の名所

京都の寺院では紅葉が見頃を迎え、多くの観光客が訪れている。
TXT
cat > "$TMP/runs/two-cities.txt" <<'TXT'
新幹線の増便

東京と京都を結ぶ新幹線が増便される。東京から京都まで、京都から東京まで、秋の行楽客が多い。
TXT
cat > "$TMP/runs/tokyo.txt" <<'TXT'
都の予算

東京都は来年度の予算案を発表した。防災と子育て支援に重点を置き、総額は過去最大となった。知事は記者会見で、物価高への対策も急ぐと述べた。
TXT
# Each character of 京都紅葉 is here, but in no pair of the run: no word of it.
cat > "$TMP/runs/scattered.txt" <<'TXT'
お茶の時間

東京で紅茶を飲み、葉書を書いた。都内は晴れ。
TXT
cat > "$TMP/runs/seoul.txt" <<'TXT'
요금 인상

서울시는 다음 달부터 버스 요금을 올린다고 밝혔다.
TXT
index -q -d "$TMP/runsdb" "$TMP/runs"
rids() { query -d "$TMP/runsdb" --format tsv --fields id "$@" | sed 's|.*/||' | tr '\n' ' '; }
is "two Japanese words typed without a space, parted in the article (not its characters apart)" \
    "$(rids 京都紅葉)" "kyoto.txt "
is "...typed in the other order" "$(rids 紅葉京都)" "kyoto.txt "
is "...in the title" "$(rids title:紅葉名所)" "kyoto.txt "
run query -d "$TMP/runsdb" '"京都紅葉"'
is "...quoted, a phrase the article does not have" "$RC" 1
is "the run as typed ranks first" "$(rids 東京都)" "tokyo.txt two-cities.txt "
is "a Korean noun with another particle" "$(rids 서울시가)" "seoul.txt "
is "...with a particle of two syllables" "$(rids 서울시에서)" "seoul.txt "
is "...with one, the noun two syllables" "$(rids 서울은)" "seoul.txt "

# Their characters and pairs are searched as they are, never by a stem: the
# index keeps no stemmed ("Z") copy of them, and feedback's topic words of
# the Chinese article are its characters and pairs.
if command -v xapian-delve >/dev/null; then
    is "no stemmed terms of Chinese, Japanese or Korean" \
        "$(xapian-delve -a "$TMP/db" | tr ' ' '\n' | LC_ALL=C grep -c '^Z[^ -~]')" 0
    has "stemmed terms of the English article are kept" "$(xapian-delve -a "$TMP/db")" " Zflight "
    has "the Chinese article's topic words hold its pairs" "$(xapian-delve -V10 "$TMP/db")" "疫情"
else
    skip "the index's terms" "no xapian-delve: install xapian-tools (scripts/install-deps)"
fi

# Highlights count characters: the snippet's "疫情" are at 2-4, 18-20, 30-32;
# a phrase is one highlight, and its characters elsewhere alone are not.
hl() { query -d "$TMP/db" --format json "$@" | python3 -c '
import json, sys
hit = json.loads(sys.stdin.readline())
print(" ".join(hit["snippet"][a:b] for a, b in hit["highlights"]))'; }
is "highlights of a two-character word" "$(hl 疫情)" "疫情 疫情 疫情"
is "a phrase is one highlight; a character of it alone is not lit" \
    "$(hl '"新冠疫情"')" "新冠疫情 疫情 疫情"
is "a single character is lit wherever it is" "$(hl 疫)" "疫 疫 疫 疫"
# A word whose pair overlaps the phrase ("冠疫" holds 冠 and 疫) took the
# phrase's characters as the pair's alone: only 冠疫 was lit.
is "a phrase and a word inside it: the whole phrase is lit" \
    "$(hl '"新冠疫情"' 冠疫)" "新冠疫情 疫情 疫情"
is "Korean highlight" "$(hl 서울)" "서울"
is "full-width letters highlighted for ASCII ones" "$(hl nhk 2024)" "ＮＨＫ ２０２４"
is "half-width katakana highlighted, marks and all" "$(hl ガソリン パソコン path:"$TMP/src/halfwidth.txt")" \
    "ｶﾞｿﾘﾝ ﾊﾟｿｺﾝ"

# A query of nothing the index holds words of (emoji, symbols, punctuation
# of any script) found nothing, whatever the articles say, and exit 1 alone
# did not tell why: it is a bad query.  Excluded, they excluded nothing, and
# every article was listed.
for q in '🎉' '。' '— ！' '-🎉' '-。 -—'; do
    run query -d "$TMP/db" -- "$q"
    is "only $q: exit 2" "$RC" 2
    has "...saying why" "$ERR" "has no word to search for: emoji, symbols and punctuation are not indexed"
done
run query -d "$TMP/db" --format tsv --fields id '🎉 疫情'
is "an emoji beside a word: the word is searched" "$RC:$OUT" "0:$TMP/src/zh.txt"
