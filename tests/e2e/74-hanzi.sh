#!/bin/bash
# Chinese is written in simplified characters (mainland China, Singapore)
# and in traditional ones (Taiwan, Hong Kong, Macau); the index holds
# both as simplified (schema 13, common/hans.h), so that a search typed
# in either finds the articles written in the other, while the stored
# text, titles and snippets stay as written and the highlights fall on
# the words as the article writes them.  The articles are made up for
# this test.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
cat > "$TMP/src/tw-typhoon.txt" <<'TXT'
颱風逼近台灣東部

氣象局表示，今年第五號颱風預計明天清晨登陸，東部沿海地區將出現豪雨，居民應提前做好防災準備。
TXT
cat > "$TMP/src/cn-economy.txt" <<'TXT'
经济复苏速度加快

国家统计局公布的数据显示，第三季度经济增长超过预期，消费和出口同时回升，专家认为发展势头良好。
TXT
# Hair (髮) and to send out (發) are both 发 in simplified writing.
cat > "$TMP/src/hk-hair.txt" <<'TXT'
理髮店生意回暖

香港的理髮師說，近月剪頭髮的客人明顯增加。
TXT
cat > "$TMP/src/ja-tokyo.txt" <<'TXT'
東京の経済が回復

東京都の発表によると、観光客の増加で経済は回復している。専門家は今後の発展に期待している。
TXT
index -q -d "$TMP/db" "$TMP/src"
ids() { query -d "$TMP/db" --format tsv --fields id "$@" | sed 's|.*/||' | tr '\n' ' '; }

is "a simplified word finds the traditional article" "$(ids 台风)" "tw-typhoon.txt "
is "...as typed in traditional" "$(ids 颱風)" "tw-typhoon.txt "
is "...quoted" "$(ids '"台风"')" "tw-typhoon.txt "
is "...in the title" "$(ids title:台湾东部)" "tw-typhoon.txt "
is "...a phrase of the body" "$(ids '"气象局表示"')" "tw-typhoon.txt "
is "a traditional word finds the simplified article" "$(ids 經濟)" "cn-economy.txt "
is "...a phrase" "$(ids '"經濟增長"')" "cn-economy.txt "
is "...in the title" "$(ids title:經濟復蘇)" "cn-economy.txt "
is "two traditional characters that became one: hair" "$(ids 头发)" "hk-hair.txt "
is "...typed in either" "$(ids 理髮 | tr -d ' ')$(ids 理发)" "hk-hair.txthk-hair.txt "
# Japanese kanji fold too, in the index and the query alike: a Japanese
# search finds what it found.
is "a Japanese word" "$(ids 東京)" "ja-tokyo.txt "
is "...a phrase" "$(ids '"東京都"')" "ja-tokyo.txt "
is "...in the title" "$(ids title:経済)" "ja-tokyo.txt "
is "...a run of two words" "$(ids 観光客)" "ja-tokyo.txt "
is "a key field's value is not folded" "$(ids 台风 path:"$TMP/src/tw-typhoon.txt")" "tw-typhoon.txt "

# What is shown stays as written, and the highlights fall on the words the
# search found, in the article's spelling.
shown() { query -d "$TMP/db" --format json "$@" | python3 -c '
import json, sys
hit = json.loads(sys.stdin.readline())
print(hit["title"], hit["snippet"][:9], " ".join(hit["snippet"][a:b] for a, b in hit["highlights"]))'; }
is "title and snippet as written, the typed word lit in them" "$(shown 台风)" \
    "颱風逼近台灣東部 氣象局表示，今年第 颱風"
is "...a phrase" "$(shown '"防灾准备"')" "颱風逼近台灣東部 氣象局表示，今年第 防災準備"
is "...and the other way" "$(shown 經濟增長)" "经济复苏速度加快 国家统计局公布的数 经济增长"
is "a Japanese highlight" "$(shown 観光客)" "東京の経済が回復 東京都の発表による 観光客"

# The index keeps the table its articles were folded with (trawl.hans), and
# queries and later writers fold with it, not with the ICU they run with:
# here one that folds 颱 alone.  Searched so, 風 is no longer 风, which the
# index holds; an article added now is indexed with 風 as written.
"$BIN/tests/set_meta" "$TMP/db" trawl.hans "颱台"
is "a query folds with the index's table" "$(ids 台風)/$(ids 颱风)" "/tw-typhoon.txt "
cat > "$TMP/src/tw-wind.txt" <<'TXT'
強風特報

東北季風增強，北部沿海有強風。
TXT
index -q -d "$TMP/db" "$TMP/src"
is "...and so does a writer adding to it" "$(ids 強風)" "tw-wind.txt "

# An index of schema 12 holds its Chinese as written: one with a
# traditional character is refused by a writer (a query would fold past its
# terms) and must be rebuilt, while one without -- English, simplified
# Chinese -- holds what schema 13 would, and is added to as it is.
mkdir -p "$TMP/en" "$TMP/cn"
printf 'Harbour cranes idle\n\nDock workers walked out on Monday over pay.\n' > "$TMP/en/dock.txt"
cp "$TMP/src/cn-economy.txt" "$TMP/cn/"
for d in en cn; do
    index -q -d "$TMP/old-$d" "$TMP/$d"
    "$BIN/tests/set_meta" "$TMP/old-$d" trawl.schema 12
done
# Traditional terms as schema 12 wrote them: a table that folds 颱 alone
# leaves 風, 灣, 東 ... as written.
index -q -d "$TMP/old-src" "$TMP/en"
"$BIN/tests/set_meta" "$TMP/old-src" trawl.hans "颱台"
index -q -d "$TMP/old-src" "$TMP/src"
"$BIN/tests/set_meta" "$TMP/old-src" trawl.schema 12
printf 'Cranes back at work\n\nThe dock strike ended with a pay deal.\n' > "$TMP/en/deal.txt"
run index -q -d "$TMP/old-en" "$TMP/en"
is "a schema 12 index of English is added to" "$RC/$(index_stat "$TMP/old-en" schema)/$(query -d "$TMP/old-en" --count strike)" "0/13/1"
printf '港口恢复作业\n\n罢工结束后码头重新开工。\n' > "$TMP/cn/port.txt"
run index -q -d "$TMP/old-cn" "$TMP/cn"
is "...and one of simplified Chinese" "$RC/$(index_stat "$TMP/old-cn" schema)/$(query -d "$TMP/old-cn" --count 码头)" "0/13/1"
run index -q -d "$TMP/old-src" "$TMP/src"
is "one with traditional characters is refused" "$RC/$(index_stat "$TMP/old-src" schema)" "2/12"
has "...saying to rebuild it" "$ERR" "rebuild"
