#!/bin/bash
# Accents do not decide matching (schema 5, TW_PREFIX_ACCENTS): "élection"
# finds "election" and "ÉLECTION", "election" finds "élection", in stems,
# titles and phrases; of two articles that differ only in the accents of the
# word searched, the one that wrote it as typed ranks first; a match with
# other accents is highlighted.  The articles are made up for this test;
# some are near-copies of each other, so the searches show every copy.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
cat > "$TMP/src/a-accented.txt" <<'TXT'
La élection présidentielle

Les électeurs ont voté dimanche pour la élection présidentielle dans tout le pays.
TXT
cat > "$TMP/src/b-plain.txt" <<'TXT'
La election presidentielle

Les electeurs ont vote dimanche pour la election presidentielle dans tout le pays.
TXT
cat > "$TMP/src/c-capitals.txt" <<'TXT'
ÉLECTION PRÉSIDENTIELLE

Les ÉLECTEURS ont voté dimanche pour la ÉLECTION présidentielle dans tout le pays.
TXT
cat > "$TMP/src/d-english.txt" <<'TXT'
Voters choose a president

Voters chose a new president in the elections held across the whole country on Sunday.
TXT
cat > "$TMP/src/e-results.txt" <<'TXT'
Les résultats du dimanche

Les résultats définitifs de la élection seront publiés lundi par le ministère.
TXT
# Two articles alike but for the accents of one word.
cat > "$TMP/src/r1-accented.txt" <<'TXT'
Retraites

Le gouvernement présente aujourd'hui la réforme des retraites au parlement.
TXT
cat > "$TMP/src/r2-plain.txt" <<'TXT'
Retraites

Le gouvernement présente aujourd'hui la reforme des retraites au parlement.
TXT
# Words whose stems differ with and without accents: French stems
# "débattra" "débattr" but "debattra" "debattra", "Assemblée" "assembl" but
# "assemblee" "assemble".
cat > "$TMP/src/t-budget.txt" <<'TXT'
Le budget au parlement

L'Assemblée nationale débattra jeudi du budget présenté par le gouvernement.
TXT
cat > "$TMP/src/s-strasse.txt" <<'TXT'
Verkehr in der Stadt

Die Hauptstrasse bleibt wegen Bauarbeiten bis Freitag gesperrt, sagte die Stadt.
TXT
# Other scripts' marks (schema 8): Greek writes capitals without tonos,
# Russian mostly writes ё as е, Hebrew and Arabic are mostly written
# without vowel points; PDF-born text keeps ligatures.
cat > "$TMP/src/g-greek.txt" <<'TXT'
ΟΙ ΕΚΛΟΓΕΣ ΣΤΗΝ ΠΑΤΡΑ

Ο νέος δήμαρχος της Πάτρας μίλησε για τις εκλογές της Κυριακής.
TXT
cat > "$TMP/src/h-hebrew.txt" <<'TXT'
ברכה לתושבים

ראש העיר אמר שָׁלוֹם לכל התושבים בטקס הפתיחה של הגשר.
TXT
cat > "$TMP/src/k-arabic.txt" <<'TXT'
ميناء جديد

افتتحت الحكومة مِينَاءً جديدا هذا العـــام في المدينة الساحلية بدعم من الإمارات.
TXT
# Numbers in the digits of Arabic and Hindi.
cat > "$TMP/src/n-numbers.txt" <<'TXT'
ميزانية

أقر البرلمان ميزانية عام ٢٠٢٤ بعد نقاش طويل.
TXT
# An Iranian site that types Arabic's yeh and kaf.
cat > "$TMP/src/p-persian.txt" <<'TXT'
اقتصاد

رئيس جمهور امروز در كنفرانس خبري گفت كه اقتصاد بهتر مي شود.
TXT
cat > "$TMP/src/y-russian.txt" <<'TXT'
Праздник

На главной площади города установили новогоднюю ёлку высотой двадцать метров.
TXT
cat > "$TMP/src/l-ligature.txt" <<'TXT'
Quarterly report

The oﬃcial ﬁgures were published by the statistics oﬃce on Friday.
TXT
index -q -d "$TMP/db" "$TMP/src"
ids() { query -d "$TMP/db" --no-collapse --format tsv --fields id "$@" | sed 's|.*/||'; }
sorted() { ids "$@" | sort | tr '\n' ' '; }

all5="a-accented.txt b-plain.txt c-capitals.txt d-english.txt e-results.txt "
is "élection finds every spelling" "$(sorted élection)" "$all5"
is "election finds every spelling" "$(sorted election)" "$all5"
# A capitalised word is stemmed like any other; quoted, a word is searched
# as written: not "elections".
is "Élection, capitalised, too" "$(sorted Élection)" "$all5"
is '"Élection", quoted: as written, in any accents' "$(sorted '"Élection"')" \
    "a-accented.txt b-plain.txt c-capitals.txt e-results.txt "
is "a stem with accents finds the stem without" "$(sorted élections)" "$all5"
is "the other way round" "$(sorted elections)" "$all5"
is "a word only one article has, without its accents" "$(sorted resultats)" "e-results.txt "
run query -d "$TMP/db" resultats
is "...found as typed, not as a correction (exit 0)" "$RC" 0
is "title:élection finds titles of every spelling, not bodies" "$(sorted title:élection)" \
    "a-accented.txt b-plain.txt c-capitals.txt "
is "title:election too" "$(sorted title:election)" "a-accented.txt b-plain.txt c-capitals.txt "
is "a phrase with accents finds it without" "$(sorted '"élection présidentielle"')" \
    "a-accented.txt b-plain.txt c-capitals.txt "
is "a phrase without accents finds it with" "$(sorted '"election presidentielle"')" \
    "a-accented.txt b-plain.txt c-capitals.txt "
# A wildcard inside quotes is its words in the phrase, and the phrase's
# other words are looked for with other accents, as in any phrase.
for q in '"elect* présidentielle"' '"élect* presidentielle"' '"election présid*"'; do
    is "a wildcard in a phrase, every spelling: $q" "$(sorted "$q")" \
        "a-accented.txt b-plain.txt c-capitals.txt "
done
# A wildcard stands for the words that start so in any accents, as a word
# does: "presid*" finds "présidentielle" and "PRÉSIDENTIELLE" too (the
# accents' space), "présid*" finds "presidentielle" and "president" (the
# pattern without its accents); it found only the spellings as typed.
all4="a-accented.txt b-plain.txt c-capitals.txt d-english.txt "
is "a wildcard without accents finds the words with them" "$(sorted 'presid*')" "$all4"
is "a wildcard with accents finds the words without" "$(sorted 'présid*')" "$all4"
is "...in capitals too" "$(sorted 'PRÉSID*')" "$all4"
is "title: wildcards too" "$(sorted 'title:electi*') / $(sorted 'title:électi*')" \
    "a-accented.txt b-plain.txt c-capitals.txt  / a-accented.txt b-plain.txt c-capitals.txt "
# A wildcard too broad in the accents' space alone is named as typed, and
# is searched as the parser searches a broad wildcard: as its 10,000 most
# frequent words, of which the word of two articles, the last of them all
# in order, is one (kept by order of the words, the note's article was not
# found).
mkdir -p "$TMP/broad"
python3 -c 'import json; print(json.dumps({"id": "w", "title": "Liste", "lang": "fr",
    "body": " ".join("éxa%05d" % i for i in range(10001)) + " éxa99999"}))' > "$TMP/broad/w.jsonl"
python3 -c 'import json; print(json.dumps({"id": "n", "title": "Note", "lang": "fr",
    "body": "Une note sur éxa99999."}))' > "$TMP/broad/n.jsonl"
index -q -d "$TMP/broad-db" "$TMP/broad"
run query -d "$TMP/broad-db" --count 'exa*'
is "a wildcard broad with other accents finds the list and the note" "$RC:$OUT" 0:2
has "...and is named as typed" "$ERR" "trawl-query: exa* stands for more than 10000 words"
# Each spelling of a wildcard has its own 10,000 words, inside quotes as
# outside: zq* stands for the 10,000 words of two lists and the rarer zqé,
# and, in the accents' space, for zqe, which the note has too.  In quotes
# the 10,000 covered every spelling together, and the note's phrase was
# not found; outside, it was.
mkdir -p "$TMP/spelt"
for l in 1 2; do
    python3 -c 'print("List\n\n" + " ".join("zqa%05d" % i for i in range(10000)))' \
        > "$TMP/spelt/list$l.txt"
done
printf 'Note\n\nLe zqé harbour est ouvert.\n' > "$TMP/spelt/note.txt"
index -q -d "$TMP/spelt-db" "$TMP/spelt"
for q in 'zq* harbour' '"zq* harbour"'; do
    run query -d "$TMP/spelt-db" --format tsv --fields id "$q"
    is "a wildcard's 10,000 words for each spelling: $q" "$RC:$(sed 's|.*/||' <<< "$OUT")" \
        "0:note.txt"
    has "...and named as cut, as typed" "$ERR" "trawl-query: zq* stands for more than 10000 words"
done
# "dimanche pour la élection": three words apart.
is "NEAR with other accents keeps its window" "$(sorted 'election NEAR/3 dimanche')" \
    "a-accented.txt b-plain.txt c-capitals.txt "
run query -d "$TMP/db" 'élection NEAR/2 dimanche'
is "...and no wider" "$RC" 1
run query -d "$TMP/db" '"présidentielle élection"'
is "the same words in another order are not the phrase" "$RC" 1
is "a word typed without accents whose stem differs with them" "$(sorted debattra)" \
    "t-budget.txt "
run query -d "$TMP/db" debattra
is "...found as typed, not as a correction (exit 0)" "$RC" 0
is "...a capitalised one too" "$(sorted assemblee nationale)" "t-budget.txt "
run query -d "$TMP/db" assemblee nationale
is "...found as typed too (exit 0)" "$RC" 0
is "ß is ss" "$(sorted Hauptstraße)" "s-strasse.txt "
run query -d "$TMP/db" выборы
is "a word in another script finds no Latin one" "$RC" 1
# The exit status, then the hits: found as typed, not as a correction.
found() { run query -d "$TMP/db" --no-collapse --format tsv --fields id "$@"
          echo "$RC: $(echo "$OUT" | sed 's|.*/||' | sort | tr '\n' ' ')"; }
is "Greek without tonos finds the word with it (εκλογες)" "$(found εκλογες)" "0: g-greek.txt "
is "...with it, the title in capitals without it (title:εκλογές)" "$(found title:εκλογές)" \
    "0: g-greek.txt "
is "...a name typed without tonos (Πατρας)" "$(found Πατρας)" "0: g-greek.txt "
is "...and a phrase (\"ο νεος δημαρχος\")" "$(found '"ο νεος δημαρχος"')" "0: g-greek.txt "
is "Hebrew without points finds the pointed word (שלום)" "$(found שלום)" "0: h-hebrew.txt "
is "Arabic without harakat, quoted (\"ميناء\")" "$(found '"ميناء"')" "0: k-arabic.txt "
is "Arabic without tatweel, quoted (\"العام\")" "$(found '"العام"')" "0: k-arabic.txt "
is "Arabic without hamza, quoted (\"الامارات\")" "$(found '"الامارات"')" "0: k-arabic.txt "
is "Persian letters find Arabic-typed ones (کنفرانس خبری)" "$(found کنفرانس خبری)" "0: p-persian.txt "
is "ASCII digits find Arabic ones (2024)" "$(found 2024)" "0: n-numbers.txt "
is "...and Hindi ones typed find them too (२०२४)" "$(found २०२४)" "0: n-numbers.txt "
is "е finds ё (ёлку as елку)" "$(found '"елку"')" "0: y-russian.txt "
is "a ligature matches its letters (official figures)" "$(found '"official figures"')" \
    "0: l-ligature.txt "

# Exact first, both ways.
is "réforme: the article that wrote réforme first" "$(ids réforme | tr '\n' ' ')" \
    "r1-accented.txt r2-plain.txt "
is "reforme: the article that wrote reforme first" "$(ids reforme | tr '\n' ' ')" \
    "r2-plain.txt r1-accented.txt "
is "a phrase: as typed first" "$(ids '"election presidentielle"' | head -1)" "b-plain.txt"
is "a phrase with accents: as typed first" \
    "$(ids '"élection présidentielle"' | head -2 | sort | tr '\n' ' ')" \
    "a-accented.txt c-capitals.txt "
is "...and the unaccented one last" "$(ids '"élection présidentielle"' | tail -1)" "b-plain.txt"

# JSON: the hits, their scores in order, and the highlight of the word as the
# article spelt it.
hits() { query -d "$TMP/db" --no-collapse --format json "$@" | python3 -c '
import json, sys
hits = [json.loads(l) for l in sys.stdin if l.strip()]
scores = [h["score"] for h in hits]
assert scores == sorted(scores, reverse=True), scores
for h in hits:
    print(h["id"].rsplit("/", 1)[1], " ".join(h["snippet"][a:b] for a, b in h["highlights"]))'; }
OUT=$(hits reforme)
is "json: the accented match is highlighted as written" "$(echo "$OUT" | grep r1-)" \
    "r1-accented.txt réforme"
OUT=$(hits election)
is "json: ÉLECTION highlighted for election" "$(echo "$OUT" | grep c-capitals)" \
    "c-capitals.txt ÉLECTION"
OUT=$(hits élection)
is "json: election highlighted for élection" "$(echo "$OUT" | grep b-plain)" \
    "b-plain.txt election"
OUT=$(hits '"election presidentielle"')
is "json: a phrase's words highlighted with their accents" "$(echo "$OUT" | grep a-accented)" \
    "a-accented.txt élection présidentielle"
OUT=$(hits εκλογες)
is "json: εκλογές highlighted for εκλογες" "$(echo "$OUT" | grep g-greek)" \
    "g-greek.txt εκλογές"
OUT=$(hits שלום)
is "json: the pointed word highlighted" "$OUT" "h-hebrew.txt שָׁלוֹם"
OUT=$(hits office)
is "json: the ligature's word highlighted" "$OUT" "l-ligature.txt oﬃce"

# A capitalised word whose capital has an accent is a word of the index,
# not a typo for itself in lower case (no article has both words here, so
# the suggestion is looked for).
run query -d "$TMP/db" Élection Bauarbeiten
lacks "Élection is not corrected to élection" "$ERR" "did you mean"
# A spelling suggestion is a word as some article wrote it, never a term of
# the unaccented copy.
run query -d "$TMP/db" electeurz
has "a correction offered" "$ERR$OUT" "electeurs"
lacks "...never with the accents' prefix" "$ERR$OUT" "Felect"
