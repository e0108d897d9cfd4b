#!/bin/bash
# Greek, Hindi, Serbian and Yiddish, which Xapian 1.4 has no stemmer for, are
# stemmed by Snowball's libstemmer (common/stem_snowball_xapian.h): a word
# finds its other forms, as in the languages Xapian stems.  Before, news in
# those languages was found by the form typed only ("δημάρχου", of the
# mayor, found no article of "δήμαρχος").  The articles are made up for
# this test.
. "$(dirname "$0")/../lib.sh"
S=$TMP/src
mkdir -p "$S"
cat > "$S/el-dimarchos.txt" <<'TXT'
Ο δήμαρχος παρουσίασε το νέο σχέδιο για τα λεωφορεία

Ο δήμαρχος της πόλης παρουσίασε την Τρίτη το νέο σχέδιο για τις αστικές συγκοινωνίες. Σύμφωνα με το σχέδιο, τα λεωφορεία θα περνούν κάθε δέκα λεπτά από το κέντρο και τα προάστια. Οι κάτοικοι ζήτησαν περισσότερα δρομολόγια τις νύχτες, ενώ το δημοτικό συμβούλιο θα ψηφίσει τον προϋπολογισμό τον επόμενο μήνα.
TXT
# A headline in capitals, which Greek writes without tonos: its word is in
# no other form in the article.
cat > "$S/el-apergia.txt" <<'TXT'
ΑΠΕΡΓΙΑ ΣΤΑ ΛΙΜΑΝΙΑ ΤΗΣ ΧΩΡΑΣ

Οι εργαζόμενοι σταμάτησαν τη δουλειά τους το πρωί της Δευτέρας και τα πλοία έμειναν δεμένα στις αποβάθρες. Η κυβέρνηση κάλεσε τα σωματεία σε συνάντηση την Τετάρτη, ενώ οι επιβάτες αναζητούν άλλους τρόπους για να ταξιδέψουν στα νησιά.
TXT
cat > "$S/hi-chunav.txt" <<'TXT'
नगर निगम चुनाव की तारीख घोषित

राज्य निर्वाचन आयोग ने सोमवार को नगर निगम चुनाव की तारीख की घोषणा की। आयोग के अनुसार मतदान दो चरणों में होगा और नतीजे अगले महीने आएंगे। विपक्षी दलों ने कहा कि वे सभी सीटों पर अपना उम्मीदवार उतारेंगे और शहर की सड़क तथा पानी की समस्या को मुद्दा बनाएंगे।
TXT
cat > "$S/sr-most.txt" <<'TXT'
Градоначелник најавио обнову моста

Градоначелник Новог Сада најавио је у среду да ће обнова старог моста почети на пролеће. Радови ће трајати две године, а саобраћај ће за то време бити преусмерен на суседне улице. Грађани су на јавној расправи тражили више пешачких прелаза и нову расвету.
TXT
cat > "$S/yi-biblyotek.txt" <<'TXT'
די שטאָט באַשליסט צו בויען אַ נײַע ביבליאָטעק

די שטאָטראַט האָט מיטוואָך באַשלאָסן צו בויען אַ נײַע ביבליאָטעק אין צענטער פֿון דער שטאָט. די אַלטע ביבליאָטעק איז צו קליין פֿאַר אַלע לייענער, האָבן די ראַטסמיטגלידער געזאָגט, און די אַרבעט וועט זיך אָנהייבן אין זומער. די לייענער האָבן לאַנג געוואַרט אויף אַזאַ בנין, און די קינדער וועלן באַקומען אַ באַזונדער צימער.
TXT
# Croatian and Bosnian, Serbian's standard forms in Latin letters, by
# Serbian's stemmer; a feed that declares Bosnian, which CLD2 takes for
# Croatian.
cat > "$S/hr-luka.txt" <<'TXT'
Gradsko vijeće odobrilo proširenje luke

Gradsko vijeće u utorak je odobrilo plan proširenja teretne luke, a radovi bi trebali započeti sljedeće godine. Gradonačelnica je rekla da će novi vezovi primati veće brodove i donijeti stotine radnih mjesta, dok stanovnici obližnjih naselja traže zaštitu od buke i prometa.
TXT
cat > "$S/bs-feed.jsonl" <<'TXT'
{"id":"skola","lang":"bs","title":"Nova škola otvorena u Tuzli","body":"Nova osnovna škola otvorena je u ponedjeljak u jednom od naselja Tuzle, a nastavu će pohađati više od četiri stotine učenika. Općinski načelnik je kazao da je izgradnja trajala dvije godine i da je novac osiguran iz budžeta kantona i donacija."}
TXT
index -q -d "$TMP/db" "$S"
is "indexed" "$?" 0
is "each article's language is detected (or declared)" \
    "$(query -d "$TMP/db" --format tsv --fields id,lang -n 20 'lang:el OR lang:hi OR lang:sr OR lang:yi OR lang:hr OR lang:bs' | sed 's|.*/||' | sort | tr '\t\n' ': ')" \
    "bs-feed.jsonl#skola:bs el-apergia.txt:el el-dimarchos.txt:el hi-chunav.txt:hi hr-luka.txt:hr sr-most.txt:sr yi-biblyotek.txt:yi "
# The ids of the hits for the words as typed (a spelling correction's
# hits, exit status 1, do not count), sorted; then the same with the
# article's language given.
ids() { typed_ids "$TMP/db" "$@"; }
finds() {   # finds WHAT LANG WORD ID
    is "$1" "$(ids "$3")" "$4 "
    is "...and with lang:$2 given" "$(ids "$3" "lang:$2")" "$4 "
}

# --- a word finds its other forms ----------------------------------------
finds "Greek: the genitive finds the nominative (δημάρχου: δήμαρχος)" el δημάρχου el-dimarchos.txt
finds "Greek: a plural's genitive (λεωφορείων: λεωφορεία)" el λεωφορείων el-dimarchos.txt
finds "Hindi: the plural finds the singular (चुनावों: चुनाव)" hi चुनावों hi-chunav.txt
finds "Hindi: सड़कों finds सड़क" hi सड़कों hi-chunav.txt
finds "Serbian: the genitive finds the nominative (градоначелника: Градоначелник)" sr градоначелника sr-most.txt
# Snowball's Serbian stemmer gives Cyrillic and Latin words one stem.
finds "Serbian: in Latin letters too (gradonačelnika)" sr gradonačelnika sr-most.txt
finds "...and in Latin letters without their marks (gradonacelnika)" sr gradonacelnika sr-most.txt
finds "Croatian: the nominative finds the genitive (luka: luke)" hr luka hr-luka.txt
finds "Bosnian: a plural's dative finds the singular (školama: škola)" bs školama 'bs-feed.jsonl#skola'
finds "Yiddish: the plural finds the singular (ביבליאָטעקן: ביבליאָטעק)" yi ביבליאָטעקן yi-biblyotek.txt

# --- Greek's tonos and capitals ------------------------------------------
# The stemmer and the accents' space agree: a word typed with or without
# tonos, or in capitals, finds the article that wrote it either way.
finds "Greek: typed without tonos (δημαρχου)" el δημαρχου el-dimarchos.txt
finds "Greek: typed in capitals (ΔΗΜΑΡΧΟΥ)" el ΔΗΜΑΡΧΟΥ el-dimarchos.txt
finds "Greek: a capitals' headline found with tonos (λιμάνι: ΛΙΜΑΝΙΑ)" el λιμάνι el-apergia.txt
finds "...and by another form without it (λιμανιων)" el λιμανιων el-apergia.txt
# Yiddish's vowel points, which readers type as often as not.
finds "Yiddish: typed without vowel points (ביבליאטעקן)" yi ביבליאטעקן yi-biblyotek.txt
is "a hit's word is highlighted by its stem (δημάρχου: δήμαρχος)" \
    "$(query -d "$TMP/db" --format json δημάρχου | python3 -c 'import json,sys; h=json.loads(sys.stdin.readline()); print(" ".join(h["snippet"][a:b] for a, b in h["highlights"]))')" \
    "δήμαρχος"

# --- one stemmer for every article ---------------------------------------
index -q -d "$TMP/el" --stem el "$S"
is "--stem el is recorded as the stemmer greek" "$(index_stat "$TMP/el" stemmer)" greek
is "--stem el: the genitive finds the nominative" "$(query -d "$TMP/el" --format tsv --fields id δημάρχου | sed 's|.*/||')" el-dimarchos.txt
run index -q -d "$TMP/el" --stem greek "$S"
is "...and --stem greek adds to it (exit 0)" "$RC" 0
run index -q -d "$TMP/x" --stem klingon "$S"
has "an unknown stemmer names the added languages among the known" "$ERR" " greek hindi "
