#!/bin/bash
# Thai, Lao, Khmer and Burmese write no spaces between words: their runs are
# split into words by ICU's dictionaries (common/sea_words.h, schema 9), on
# the index side, in the query and in the snippets alike.  Before, a run was
# one "word": a word inside it was not found, and a run longer than 64 bytes
# was not indexed at all.  Each article below is a short news item written
# for this test; every run of its body is longer than 64 bytes.
. "$(dirname "$0")/../lib.sh"
mkdir -p "$TMP/src"
# The Thai government announces new measures to help the farmers hurt by
# the floods in the north; the prime minister visits Chiang Mai on Monday,
# in the year 2567 (written in Thai digits).
cat > "$TMP/src/th.txt" <<'TXT'
น้ำท่วมภาคเหนือ

รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับความเสียหายจากน้ำท่วมในภาคเหนือ นายกรัฐมนตรีเดินทางไปเยี่ยมประชาชนที่จังหวัดเชียงใหม่เมื่อวันจันทร์ปี๒๕๖๗
TXT
# The Lao government announces a new policy to develop the economy; the
# prime minister spoke at a meeting in Vientiane.
cat > "$TMP/src/lo.txt" <<'TXT'
ນະໂຍບາຍເສດຖະກິດ

ລັດຖະບານລາວປະກາດນະໂຍບາຍໃໝ່ເພື່ອພັດທະນາເສດຖະກິດຂອງປະເທດ ນາຍົກລັດຖະມົນຕີໄດ້ກ່າວໃນກອງປະຊຸມທີ່ນະຄອນຫຼວງວຽງຈັນ
TXT
# The Cambodian government announced new measures to help farmers; the
# prime minister spoke at a meeting in Phnom Penh.
cat > "$TMP/src/km.txt" <<'TXT'
វិធានការថ្មីសម្រាប់កសិករ

រដ្ឋាភិបាលកម្ពុជាបានប្រកាសវិធានការថ្មីដើម្បីជួយកសិករ នាយករដ្ឋមន្ត្រីបានថ្លែងនៅក្នុងកិច្ចប្រជុំនៅរាជធានីភ្នំពេញ
TXT
# The Myanmar government issued a new law; the prime minister led a meeting
# in Naypyidaw.
cat > "$TMP/src/my.txt" <<'TXT'
ဥပဒေသစ်

မြန်မာနိုင်ငံအစိုးရသည်ဥပဒေသစ်ကိုထုတ်ပြန်ခဲ့သည် ဝန်ကြီးချုပ်သည်နေပြည်တော်တွင်အစည်းအဝေးကိုဦးဆောင်ခဲ့သည်
TXT
cat > "$TMP/src/en.txt" <<'TXT'
Floods in the north

Farmers in the north of Thailand asked for help after the floods.
TXT
index -q -d "$TMP/db" "$TMP/src"
ids() { query -d "$TMP/db" --format tsv --fields id "$@" | sed 's|.*/||'; }
first() { ids "$@" | head -1; }

# --- a word from the middle of a long run ---------------------------------
is "Thai: a word inside a run (เกษตรกร, farmers) at rank 1" "$(first เกษตรกร)" th.txt
is "Lao: a word inside a run (ນະໂຍບາຍ, policy)" "$(first ນະໂຍບາຍ)" lo.txt
is "Khmer: a word inside a run (កសិករ, farmer)" "$(first កសិករ)" km.txt
is "Burmese: a word inside a run (ဥပဒေ, law)" "$(first ဥပဒေ)" my.txt
is "a word near the end of a run (จันทร์, Monday)" "$(ids จันทร์)" th.txt
is "a number in Thai digits after a word (ปี๒๕๖๗) is a word of its own" "$(ids ๒๕๖๗)" th.txt

# --- two words typed without a space: a phrase -----------------------------
is "Thai: two words as typed (มาตรการใหม่, new measures)" "$(ids มาตรการใหม่)" th.txt
is "Lao: two words as typed (ນະໂຍບາຍໃໝ່)" "$(ids ນະໂຍບາຍໃໝ່)" lo.txt
is "Khmer: two words as typed (វិធានការថ្មី)" "$(ids វិធានការថ្មី)" km.txt
is "Burmese: two words as typed (ဥပဒေသစ်)" "$(ids ဥပဒေသစ်)" my.txt
run query -d "$TMP/db" ใหม่มาตรการ
is "the same two words the other way round are not that phrase: exit 1" "$RC" 1
lacks "...and offer no correction" "$OUT$ERR" "showing results for"
is "two words with a space between: both needed, anywhere" "$(ids 'ใหม่ มาตรการ')" th.txt
is "in quotes too" "$(ids '"ประกาศมาตรการใหม่"')" th.txt

# --- words not in any article ---------------------------------------------
run query -d "$TMP/db" ฟุตบอล
is "a Thai word no article has (ฟุตบอล, football): exit 1" "$RC" 1
lacks "...and no \"did you mean\"" "$OUT$ERR" "mean"
run query -d "$TMP/db" เกษตรกน
is "a Thai word with a letter wrong (เกษตรกน): exit 1" "$RC" 1
has "...and the word meant is offered and searched" "$ERR" "showing results for: เกษตรกร"
run query -d "$TMP/db" --all 'เกษตรกร ฟุตบอล'
is "a word of the article and one of none, --all: exit 1" "$RC" 1

# --- fields and operators -------------------------------------------------
is "a title word (title:น้ำท่วม)" "$(ids title:น้ำท่วม)" th.txt
is "title: with words typed without a space (title:ภาคเหนือ)" "$(ids title:ภาคเหนือ)" th.txt
run query -d "$TMP/db" title:เกษตรกร
is "a body word is not a title word: exit 1" "$RC" 1
is "-word leaves its article out, -phrase too; a word it lacks does not" \
    "$(ids 'ประกาศ -เกษตรกร'; ids 'ລັດຖະບານ -ນະໂຍບາຍໃໝ່'; ids 'ประกาศ -ฟุตบอล')" th.txt
is "a wildcard after a run is of its last word (ช่วยเหลือเกษตร*)" "$(ids 'ช่วยเหลือเกษตร*')" th.txt
is "a word with an English one (OR)" "$(ids 'เกษตรกร OR farmers' | sort | tr '\n' ' ')" "en.txt th.txt "

# --- snippets and highlights ----------------------------------------------
hl() { query -d "$TMP/db" --format json "$@" | python3 -c '
import json, sys
hit = json.loads(sys.stdin.readline())
print(" ".join(hit["snippet"][a:b] for a, b in hit["highlights"]))'; }
is "the word is lit inside its run" "$(hl เกษตรกร)" เกษตรกร
is "the words of a phrase are one highlight" "$(hl มาตรการใหม่)" มาตรการใหม่
# All four: the text is shorter than a snippet's 200 columns.
is "Burmese: a word lit each time the snippet's runs have it" "$(hl သည်)" "သည် သည် သည် သည်"
has "the snippet is the text as written" \
    "$(query -d "$TMP/db" --format json เกษตรกร)" \
    "รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับ"
is "--show prints the body as written" "$(query -d "$TMP/db" --show "$TMP/src/km.txt" | tail -1)" \
    "រដ្ឋាភិបាលកម្ពុជាបានប្រកាសវិធានការថ្មីដើម្បីជួយកសិករ នាយករដ្ឋមន្ត្រីបានថ្លែងនៅក្នុងកិច្ចប្រជុំនៅរាជធានីភ្នំពេញ"

# --- language ---------------------------------------------------------------
is "each article's language" \
    "$(query -d "$TMP/db" --format tsv --fields id,lang -n 10 --any เกษตรกร ນະໂຍບາຍ កសិករ ဥပဒေ |
       sed 's|.*/||' | sort | tr '\t\n' ': ')" "km.txt:km lo.txt:lo my.txt:my th.txt:th "
is "lang:th" "$(ids lang:th)" th.txt

# Their words are searched as they are, never by a stem: the index keeps no
# stemmed ("Z") copy of them.
if command -v xapian-delve >/dev/null; then
    terms=$(xapian-delve -a "$TMP/db" | tr ' ' '\n')
    is "no stemmed terms of these scripts" \
        "$(printf '%s\n' "$terms" | grep -c '^Z[^ -~]')" 0
    has "the Thai words are terms" "$(printf '%s\n' "$terms" | tr '\n' ' ')" " เกษตรกร "
    # Feedback reads the words each article repeats: the Thai article's
    # title words, which its text has too, are among them.
    has "the Thai article's topic words hold its words" \
        "$(xapian-delve -V10 "$TMP/db" | tr '\0' ' ')" "ท่วม"
else
    skip "the index's terms" "no xapian-delve: install xapian-tools (scripts/install-deps)"
fi

# An index of schema 8 kept each run one word: its articles are not found by
# a word inside a run while new ones would be, so trawl-index rebuilds it
# rather than add to it.
"$BIN/tests/set_meta" "$TMP/db" trawl.schema 8
run index -d "$TMP/db" "$TMP/src"
is "an index of schema 8 is not added to: exit 2" "$RC" 2
has "...saying how to rebuild it" "$ERR" "trawl-index --full -d $TMP/db"

# Near copies of a story are folded into one hit: their signatures
# (indexer/store/minhash.h) are of the words a run is split into.  Taken a
# space apart, a run of a Thai article was one "word": the article had too
# few for a signature, and its copies stood as hits of their own.
mkdir -p "$TMP/fold"
cp "$TMP/src/th.txt" "$TMP/src/km.txt" "$TMP/fold/"
sed 's/วันจันทร์/วันอังคาร/' "$TMP/src/th.txt" > "$TMP/fold/th-copy.txt"   # Tuesday
index -q -d "$TMP/folded" "$TMP/fold"
is "a near copy of the Thai story is folded into its hit" \
    "$(query -d "$TMP/folded" --format json ประกาศ | python3 -c '
import json, sys
hits = [json.loads(l) for l in sys.stdin]
print(len(hits), len(hits[0]["duplicates"]))')" "1 1"
is "...and the Khmer story is not" "$(query -d "$TMP/folded" --format tsv --fields id --any ประกาศ កសិករ | wc -l)" 2
