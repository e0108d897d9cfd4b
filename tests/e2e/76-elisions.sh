#!/bin/bash
# A word elided onto the next by an apostrophe is split after its clitic,
# and a word from its final "'s" (schema 7, common/elision_xapian.h):
# "économie" finds "l'économie", "keefe" finds "O'Keefe", "Boeing" finds
# "Boeing's", with either apostrophe, in text and title, and is highlighted
# there; a phrase typed with the elision matches it as written; "don't" and
# "aujourd'hui" stay whole, and a key field's value is not split.  The
# articles are made up for this test.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
cat > "$TMP/src/fr-economie.txt" <<'TXT'
L'économie française repart

Selon l'Insee, l'économie a retrouvé jusqu'à présent son niveau d'avant la crise.
L'Assemblée nationale examinera le budget, qu'il faudra voter avant l'été.
Le nombre de demandeurs d’emploi recule pour le troisième mois.
TXT
cat > "$TMP/src/it-estero.txt" <<'TXT'
Le esportazioni crescono

Le vendite all'estero sono aumentate nel corso dell'anno, e c'è chi prevede un'altra crescita.
TXT
cat > "$TMP/src/en-brewer.txt" <<'TXT'
Brewer names new chief

Carling O'Keefe said it's naming a chief executive today; the board don't expect changes at Boeing's plant.
TXT
cat > "$TMP/src/en-plain.txt" <<'TXT'
Harbour closed

The harbour stays closed to small boats until the storm has passed, the port said today.
TXT
# Turkish writes case endings after an apostrophe on names and numbers.
cat > "$TMP/src/tr-ankara.txt" <<'TXT'
Ankara’da toplantı

Cumhurbaşkanı bugün Ankara'da bakanlarla görüştü. Türkiye’nin ekonomisi,
İstanbul'daki yeni havalimanı ve 2024'te açılacak köprü konuşuldu.
TXT
cat > "$TMP/src/en-dont.txt" <<'TXT'
Ferry notice

Don't expect the ferry before noon. I'll wait, We're told, and Didn't it rain.
TXT
# Names a clitic of one capital starts (schema 12): also run together.
cat > "$TMP/src/en-names.txt" <<'TXT'
Tenor sings

D’Angelo and Mary O'Neill sang for L'Oréal in Dublin.
TXT
cp "$TMP/src/fr-economie.txt" "$TMP/src/l'été.txt"
index -q -d "$TMP/db" "$TMP/src"
ids() { query -d "$TMP/db" --no-collapse --format tsv --fields id "$@" | sed 's|.*/||' | sort | tr '\n' ' '; }
count() { query -d "$TMP/db" --no-collapse --count "$@"; }

is "the index is of schema 13" "$(index_stat "$TMP/db" schema)" 13
is "économie finds l'économie" "$(ids économie)" "fr-economie.txt l'été.txt "
is "the title's L'économie too" "$(ids title:économie)" "fr-economie.txt l'été.txt "
is "assemblée finds L'Assemblée" "$(count assemblée)" 2
is "emploi finds d’emploi (U+2019)" "$(count emploi)" 2
is "à finds jusqu'à (a letter outside ASCII)" "$(count '"jusqu à présent"')" 2
is "estero and anno find all'estero and dell'anno" "$(ids estero anno)" "it-estero.txt "
is "altra finds un'altra" "$(ids altra)" "it-estero.txt "
is "keefe finds O'Keefe" "$(ids keefe)" "en-brewer.txt "
is "O'Keefe as typed finds it" "$(ids "O'Keefe")" "en-brewer.txt "
is "O’Keefe, with U+2019, finds it" "$(ids "O’Keefe")" "en-brewer.txt "
is "okeefe, run together, finds O'Keefe" "$(ids okeefe)" "en-brewer.txt "
is "oneill finds O'Neill" "$(ids oneill)" "en-names.txt "
is "dangelo finds D’Angelo (U+2019)" "$(ids dangelo)" "en-names.txt "
is "loreal finds L'Oréal" "$(ids loreal)" "en-names.txt "
is "neill still finds O'Neill" "$(ids neill)" "en-names.txt "
is "a phrase runs on from the name run together" "$(ids '"oneill sang"')" "en-names.txt "
is "O'Neill typed with its apostrophe finds it" "$(ids "O'Neill")" "en-names.txt "
is "a clitic in small letters is not run together" "$(count leconomie):$(count davant)" "0:0"
is "a wildcard after the elision still expands" "$(count "l'écono*")" 2
is "a phrase with the elision matches as written" "$(count '"avant l'\''été"')" 2
is "...and not with another word between" "$(count '"avant été"')" 0
run query -d "$TMP/db" '"avant été"'
is "...exiting 1" "$RC" 1

# A final "s" is split off too: a name, quoted so that it is searched as
# written (not stemmed), finds its possessive.
is "Boeing, capitalised, finds Boeing's" "$(ids Boeing)" "en-brewer.txt "
is "\"Boeing\", quoted, finds Boeing's" "$(ids '"Boeing"')" "en-brewer.txt "
is "Boeing's as typed finds it" "$(ids "Boeing's")" "en-brewer.txt "
is "it's as typed finds it" "$(ids "it's naming")" "en-brewer.txt "
# A Turkish case ending after a name or a number is split off (schema 8):
# "Ankara'da" was one word that no search for Ankara found.
is "ankara finds Ankara'da and Ankara’da" "$(ids ankara)" "tr-ankara.txt "
is "türkiye finds Türkiye’nin" "$(ids türkiye)" "tr-ankara.txt "
is "istanbul finds İstanbul'daki" "$(ids istanbul)" "tr-ankara.txt "
is "2024 finds 2024'te" "$(ids 2024)" "tr-ankara.txt "
is "Ankara'da as typed finds it" "$(ids "Ankara'da")" "tr-ankara.txt "
is "title:ankara finds the title's Ankara’da" "$(ids title:ankara)" "tr-ankara.txt "
# Other contractions, and words with no clitic, stay whole.
is "hui does not find aujourd'hui" "$(count hui)" 0
is "don does not find don't" "$(count don)" 0
is "...nor a capitalised Don't, which ends in no Turkish ending" "$(count don didn)" 0

# Highlights: the word after the clitic, in the snippet and in the title.
OUT=$(query -d "$TMP/db" --format json --no-collapse -n 1 économie)
is "the snippet marks économie" "$(echo "$OUT" | python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(" ".join(h["snippet"][a:b] for a, b in h["highlights"]))')" "économie"
OUT=$(query -d "$TMP/db" --color always --no-collapse -n 1 '"avant l'\''été"')
has "a phrase over an elision is marked as one" "$OUT" $'\e[1;31mavant l\'été\e[0m'

# A key field's value is matched as typed, apostrophe and all.
is "path: keeps its apostrophe" "$(ids "path:$TMP/src/l'été.txt")" "l'été.txt "
# The field's name in capitals is the same field: the elision of its value
# was split, and the path found nothing.
is "...Path: too" "$(ids "Path:$TMP/src/l'été.txt")" "l'été.txt "
# Inside a phrase a field's name is words of it, as the parser reads it: the
# word after it was left as typed, its elision unsplit, and a phrase copied
# from the article found nothing.
mkdir -p "$TMP/fieldtext"
printf "Notes\n\nThe folder path:l'été holds the summer files.\n" > "$TMP/fieldtext/notes.txt"
index -q -d "$TMP/fieldtext-db" "$TMP/fieldtext"
is "a field's name inside a phrase: the elision after it split" \
    "$(query -d "$TMP/fieldtext-db" --format tsv --fields id "\"folder path:l'été holds\"" | sed 's|.*/||')" \
    "notes.txt"

# An index of schema 6 kept elided words whole: a reader does not split the
# query's (here an index of 7 marked 6, to show which the reader does).
cp -r "$TMP/db" "$TMP/old"
"$BIN/tests/set_meta" "$TMP/old" trawl.schema 6
is "schema 6: the query's l'économie is one word" \
    "$(query -d "$TMP/old" --no-collapse --count "l'économie"):$(count "l'économie")" "0:2"
run index -d "$TMP/old" "$TMP/src"
is "schema 6: trawl-index refuses to add to it" "$RC" 2
has "...saying why" "$ERR" "has schema version 6 but this trawl writes version 13: rebuild it from the articles"

# Hyphenated compounds (schema 9, common/compound_xapian.h): "e-mail" is
# indexed as "email" too, beside "e" and "mail", and a query typed either
# way finds both spellings; quoted, it is the phrase of its parts.
mkdir -p "$TMP/hy"
printf 'Notice one\n\nSend us an e-mail about the re-elected mayor and COVID-19 rules on Wi-Fi.\n' \
    > "$TMP/hy/hyphened.txt"
printf 'Notice two\n\nSend us an email about the reelected mayor and covid19 rules on wifi.\n' \
    > "$TMP/hy/joined.txt"
printf 'Notice three\n\nThe mail came by e train, and state-of-the-art rules.\n' > "$TMP/hy/parts.txt"
index -q -d "$TMP/hdb" "$TMP/hy"
hids() { query -d "$TMP/hdb" --no-collapse --format tsv --fields id "$@" | sed 's|.*/||' | sort | tr '\n' ' '; }
is "email finds e-mail" "$(hids email)" "hyphened.txt joined.txt "
is "e-mail finds email" "$(hids e-mail)" "hyphened.txt joined.txt "
is "reelect, stemmed, finds re-elected" "$(hids reelect)" "hyphened.txt joined.txt "
is "covid19 finds COVID-19" "$(hids covid19)" "hyphened.txt joined.txt "
is "COVID-19 finds covid19" "$(hids COVID-19)" "hyphened.txt joined.txt "
is "Wi-Fi finds wifi" "$(hids Wi-Fi)" "hyphened.txt joined.txt "
is "title:notice still finds all" "$(hids title:notice)" "hyphened.txt joined.txt parts.txt "
is "\"e-mail\", quoted, is the phrase of its parts" "$(hids '"e-mail"')" "hyphened.txt "
is "mail still finds the part" "$(hids mail)" "hyphened.txt parts.txt "
is "a phrase runs on from the joined word" "$(hids '"email about"')" "hyphened.txt joined.txt "
is "...and into it" "$(hids '"an email"')" "hyphened.txt joined.txt "
is "a longer chain is not joined" "$(hids stateoftheart)" ""
OUT=$(query -d "$TMP/hdb" --format json --no-collapse email mayor)
is "the snippet marks e-mail whole" "$(echo "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    h = json.loads(line)
    if h["id"].endswith("hyphened.txt"):
        print(" ".join(h["snippet"][a:b] for a, b in h["highlights"]))')" "e-mail mayor"
# A word that a hyphen splits at the end of a line of hard-wrapped text is
# that word joined, as a compound inside a line is, whatever the indent.
mkdir -p "$TMP/wrap"
printf 'Council report\n\nThe council approved the new infra-\nstructure plan after a long\ndebate.\n' \
    > "$TMP/wrap/wrapped.txt"
printf '{"title": "Budget", "body": "After a long discus-\\r\\n    sion the budget passed."}\n' \
    > "$TMP/wrap/feed.jsonl"
index -q -d "$TMP/wdb" "$TMP/wrap"
wids() { query -d "$TMP/wdb" --format tsv --fields id "$@" | sed 's|.*/||' | sort | tr '\n' ' '; }
is "a word split at a line's end is found whole" "$(wids infrastructure)" "wrapped.txt "
is "...in a phrase after it" "$(wids '"infrastructure plan"')" "wrapped.txt "
is "...and before it" "$(wids '"new infrastructure"')" "wrapped.txt "
is "...across CR LF and an indent" "$(wids --all discussion)" "feed.jsonl#1 "
is "...and the snippet marks it whole" "$(query -d "$TMP/wdb" --format json infrastructure |
    python3 -c '
import json, sys
h = json.loads(sys.stdin.readline())
print(*[h["snippet"][a:b] for a, b in h["highlights"]])')" "infra- structure"
# An index of schema 8 has no joined words: a reader keeps the phrase.
cp -r "$TMP/hdb" "$TMP/hold"
"$BIN/tests/set_meta" "$TMP/hold" trawl.schema 8
is "schema 8: the query's e-mail is the phrase" \
    "$(query -d "$TMP/hold" --no-collapse --count e-mail):$(query -d "$TMP/hdb" --no-collapse --count e-mail)" "1:2"
# Typed with its hyphen, a compound finds it written apart too, as the
# phrase of its parts did before schema 9 ("al Qaeda", "COVID 19"); an
# article that has the joined word weighs by that alone, not twice.
mkdir -p "$TMP/hs"
printf 'One\n\nThe leader of al-Qaeda spoke about COVID-19.\n' > "$TMP/hs/hyphened.txt"
printf 'Two\n\nThe leader of al Qaeda spoke about COVID 19.\n' > "$TMP/hs/apart.txt"
printf 'Three\n\nThe leader of alqaeda spoke about covid19.\n' > "$TMP/hs/joined.txt"
index -q -d "$TMP/hsdb" "$TMP/hs"
sids() { query -d "$TMP/hsdb" --no-collapse --format tsv --fields id "$@" | sed 's|.*/||' | sort | tr '\n' ' '; }
is "al-Qaeda finds al Qaeda written apart too" "$(sids al-Qaeda)" "apart.txt hyphened.txt joined.txt "
is "...and COVID-19 finds COVID 19" "$(sids leader COVID-19)" "apart.txt hyphened.txt joined.txt "
is "alqaeda, typed joined, finds the joined spellings" "$(sids alqaeda)" "hyphened.txt joined.txt "
score_of() { query -d "$TMP/hsdb" --no-collapse --format tsv --fields score,id "$@" | awk '/hyphened/ { print $1 }'; }
is "al-Qaeda weighs the hyphenated article as alqaeda does" "$(score_of al-Qaeda)" "$(score_of alqaeda)"
