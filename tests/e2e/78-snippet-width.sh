#!/bin/bash
# A snippet shows about as much of an article in any script: about 200
# columns as a terminal sets them out (a wide Chinese character two, a
# Thai vowel or tone mark none), not 200 bytes, which were about 100
# columns of Russian or Arabic and 60 of Thai.  The articles are written for
# this test: the same news in five scripts, one of them long enough to be
# stored in pieces.
. "$(dirname "$0")/../lib.sh"
S=$TMP/src
mkdir -p "$S"
cat > "$S/en.txt" <<'TXT'
Central bank raises key rate

The central bank on Friday raised its key interest rate to sixteen percent a year, its press office said. The decision came amid accelerating inflation and a weaker currency in recent months. Analysts expect high rates to persist at least until the end of next year, making loans for households and businesses more expensive.
TXT
cat > "$S/ru.txt" <<'TXT'
Центробанк повысил ключевую ставку

Банк России в пятницу повысил ключевую ставку до шестнадцати процентов годовых, сообщила пресс-служба регулятора. Решение было принято на фоне ускорения инфляции и ослабления рубля в последние месяцы. Аналитики ожидают, что кредиты для населения и бизнеса подорожают до конца следующего года.
TXT
cat > "$S/ar.txt" <<'TXT'
البنك المركزي يرفع أسعار الفائدة

قرر البنك المركزي يوم الخميس رفع أسعار الفائدة الرئيسية بمقدار نقطتين مئويتين في محاولة لكبح التضخم الذي بلغ أعلى مستوى له منذ سنوات. وقال محافظ البنك إن القرار يهدف إلى حماية القوة الشرائية للمواطنين وتعزيز استقرار العملة المحلية، مشيرا إلى أن اللجنة ستواصل مراقبة التطورات الاقتصادية عن كثب.
TXT
cat > "$S/zh.txt" <<'TXT'
央行宣布下调存款准备金率

中国人民银行周五宣布，将金融机构存款准备金率下调零点五个百分点，以支持实体经济发展。此次降准预计将释放长期资金约一万亿元。分析人士认为，这一举措有助于缓解市场流动性压力，降低企业融资成本，并稳定投资者信心。央行表示，将继续实施稳健的货币政策，保持流动性合理充裕，促进经济持续恢复。
TXT
# Thai, long: its match in the middle of several pieces of stored text.
{
    printf 'ข่าวงบประมาณ\n\n'
    for i in $(seq 30); do printf 'คณะรัฐมนตรีประชุมหารือเรื่องงบประมาณประจำปีในวันพฤหัสบดี '; done
    printf 'รัฐมนตรีว่าการกระทรวงการคลังกล่าวว่าการขาดดุลจะลดลงเนื่องจากรายได้จากการส่งออกข้าวเพิ่มขึ้นอย่างมากในปีนี้ '
    for i in $(seq 30); do printf 'คณะรัฐมนตรีประชุมหารือเรื่องงบประมาณประจำปีในวันพฤหัสบดี '; done
    printf '\n'
} > "$S/th.txt"
index -q -d "$TMP/db" "$S"
is "indexed" "$?" 0

# The columns of the first hit's snippet for WORD, and its highlights.
width() {
    query -d "$TMP/db" -n 1 --format json "$1" | python3 -c '
import json, sys, unicodedata
h = json.loads(sys.stdin.readline())
s = h["snippet"]
cols = sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
           else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print("wide" if 170 <= cols <= 230 else "%d columns: %s" % (cols, s),
      [s[a:b] for a, b in h["highlights"]])'
}
is "English: 200 bytes, 200 columns" "$(width inflation)" "wide ['inflation']"
is "Russian: about 200 columns, not 100" "$(width инфляции)" "wide ['инфляции']"
is "Arabic: about 200 columns, not 110" "$(width التضخم)" "wide ['التضخم']"
is "Chinese: about 100 characters, not 66" "$(width 准备金率)" "wide ['准备金率']"
is "Thai, stored in pieces: about 200 columns, not 53" "$(width ขาดดุล)" "wide ['ขาดดุล']"

# On a terminal the title and the snippet are set in its lines: on one line
# of 200 columns, a terminal of 80 broke them wherever its edge fell,
# mid-word ("Missouri At" / "torney General"), and set the rest at the left
# margin.  Each line now fits, breaks where a line may break (a space;
# between Chinese characters; between Thai words, by ICU's dictionary), and
# the lines after the first start under the title; a pipe still gets each
# on one line, as scripts read them.
if ! command -v script >/dev/null; then
    skip "hits set in a terminal's lines" "no script(1) to give trawl-query a terminal"
else
    # The hit for WORD as shown on a terminal COLS wide, checked: "fits", or
    # what is wrong.
    on_terminal() {
        script -qec "stty cols $2; '$BIN/trawl-query' -d '$TMP/db' -n 1 '$1'" /dev/null |
            tr -d '\r' > "$TMP/tty.txt"
        query -d "$TMP/db" -n 1 "$1" > "$TMP/pipe.txt"
        python3 - "$2" "$TMP/tty.txt" "$TMP/pipe.txt" <<'PY'
import sys, unicodedata
cols = int(sys.argv[1])
tty = open(sys.argv[2], encoding="utf-8").read().split("\n")
pipe = open(sys.argv[3], encoding="utf-8").read().split("\n")
def width(s):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
# The hit's lines: up to the blank line before the total.
hit = tty[:tty.index("")]
title, meta, snippet = pipe[0], pipe[1], pipe[2].strip()
wide = [l for l in hit if width(l) > cols and l != meta]
if wide:
    print("too wide:", wide); sys.exit()
if hit.index(meta) < 1 or any(not l.startswith("   ") for l in hit[1:]):
    print("not under the title:", hit); sys.exit()
# Joined again, the lines are the pipe's text: the same words, or, in a
# script written without spaces, the same characters.
def same(lines, text):
    if " ".join(lines).split() == text.split():
        return True
    unspaced = any(unicodedata.east_asian_width(c) in "WF" or "\u0e00" <= c <= "\u0e7f"
                   for c in text)
    return unspaced and "".join("".join(lines).split()) == "".join(text.split())
at = hit.index(meta)
if not same(hit[:at], title) or not same(hit[at + 1:], snippet):
    print("not the pipe's text:", hit); sys.exit()
print("fits" if len(hit) > 3 else "one line each: %s" % hit)
PY
    }
    is "a terminal of 50 columns: English in lines that fit, whole words" \
        "$(on_terminal inflation 50)" fits
    is "...Arabic" "$(on_terminal التضخم 40)" fits
    is "...Chinese, broken between characters" "$(on_terminal 准备金率 40)" fits
    is "...Thai, broken between words" "$(on_terminal ขาดดุล 40)" fits
    is "a pipe gets the snippet on one line" "$(query -d "$TMP/db" -n 1 inflation | wc -l)" 5
    # Highlighted, the lines break where they do plain: the escapes take no
    # column, and a word lit at a line's end or start stays lit whole.
    tty_hit() {
        script -qec "stty cols ${3:-50}; '$BIN/trawl-query' --color $1 -d '$TMP/db' -n 1 $2" \
            /dev/null | tr -d '\r'
    }
    lit=$(tty_hit always 'central bank rate')
    is "highlighted on a terminal: the same lines as plain" \
        "$(printf '%s\n' "$lit" | sed 's/\x1b\[[0-9;]*m//g')" "$(tty_hit never 'central bank rate')"
    has "...each phrase lit whole" "$lit" $'The \033[1;31mcentral bank\033[0m on Friday'
    # A word lit at a line's start is lit on that line: its colour came on at
    # the end of the line before, and lit the next line's indent.
    lit=$(tty_hit always interest)
    is "a word lit at a line's start: the line before ends unlit" \
        "$(printf '%s\n' "$lit" | grep -c $'\033\\[1;31m$')" 0
    has "...its line starts with it lit" "$lit" $'\n   \033[1;31minterest\033[0m rate'
    # A phrase lit as one mark and broken between its words: its colour
    # spanned the new line and the indent ("interest" at 30 columns).
    lit=$(tty_hit always "'\"central bank\" \"interest rate\"'" 30)
    is "a lit phrase broken across lines: no line ends lit" \
        "$(printf '%s\n' "$lit" | grep -c $'\033\\[1;31m[^\033]*$')" 0
    has "...its words lit on both lines" "$lit" \
        $'key \033[1;31minterest\033[0m\n   \033[1;31mrate\033[0m to sixteen'
fi
