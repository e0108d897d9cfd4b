/* charset_guess.c - the legacy charset of text that declares none (see the
 * header).
 *
 * Bytes that are not UTF-8 were read as Windows-1252, which turned every
 * Russian, Greek, Arabic, Chinese, Japanese or Korean plain-text file in a
 * legacy charset into accented Latin mojibake no search found.  Each
 * candidate is decoded with iconv and the text it gives is scored: the
 * right charset gives letters of one script, the wrong ones give symbols,
 * runs of accented letters, scripts changing inside a word, capitals in the
 * middle of Cyrillic and Greek words, rare Chinese characters. */
#include "charset_guess.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Enough text to tell, and a bound on the time a file costs. */
#define SAMPLE_BYTES (16u * 1024)

/* The candidates, and how many bytes they take for a character beyond
 * ASCII.  They must read better than the text repaired as UTF-8 with its
 * stray bytes in Windows-1252 (tw_repair_utf8), the reading when none is
 * guessed. */
static const struct candidate {
    const char *name;
    unsigned width;
} CANDIDATES[] = {
    { "WINDOWS-1250", 1 }, { "WINDOWS-1251", 1 }, { "KOI8-R", 1 }, { "WINDOWS-1253", 1 },
    { "WINDOWS-1255", 1 }, { "WINDOWS-1256", 1 }, { "CP932", 2 },  { "EUC-JP", 2 },
    { "GB18030", 2 },      { "BIG5", 2 },         { "EUC-KR", 2 },
};

/* The commonest Chinese characters, simplified and traditional: text in
 * the right charset is full of them, mojibake of another has few. */
static const char COMMON_HAN[] =
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出"
    "会會也年对對生能而子那得于於着著下自之日本市新发發经經行公民政府表示月";

typedef enum script {
    S_NONE, S_LATIN, S_GREEK, S_CYRILLIC, S_HEBREW, S_ARABIC, S_HAN, S_KANA, S_HANGUL
} script;

/* The script of letter CP, or S_NONE when CP is no letter. */
static script script_of(uint32_t cp)
{
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
        return S_LATIN;
    if (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7)
        return S_LATIN;
    if ((cp >= 0x386 && cp <= 0x3ce && cp != 0x387) || (cp >= 0x3d0 && cp <= 0x3ff))
        return S_GREEK;
    if (cp >= 0x400 && cp <= 0x4ff)
        return S_CYRILLIC;
    if (cp >= 0x5d0 && cp <= 0x5ea)
        return S_HEBREW;
    if ((cp >= 0x620 && cp <= 0x64a) || (cp >= 0x671 && cp <= 0x6d3))
        return S_ARABIC;
    if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xf900 && cp <= 0xfaff))
        return S_HAN;
    if (cp >= 0x3041 && cp <= 0x30ff && cp != 0x30fb)
        return S_KANA;
    if (cp >= 0xac00 && cp <= 0xd7a3)
        return S_HANGUL;        /* syllables: Korean text writes no lone jamo */
    return S_NONE;
}

/* Whether CP, no letter, is punctuation that text uses: white space and
 * ASCII, quotes, dashes, the ellipsis, guillemets, the degree and numero
 * signs, the euro, Chinese and Japanese punctuation and full-width forms,
 * and the marks that sit on letters.  Anything else (C1 controls, ¤ ¬ ² ±,
 * box drawing, half-width katakana, private use) is rare in text and
 * common in mojibake. */
static bool usual_sign(uint32_t cp)
{
    return cp < 0x80 || cp == 0xa0 || cp == 0xa7 || cp == 0xab || cp == 0xb0 || cp == 0xb7 ||
           cp == 0xbb || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x591 && cp <= 0x5c7) ||
           cp == 0x60c || cp == 0x61f || (cp >= 0x64b && cp <= 0x652) ||
           (cp >= 0x2013 && cp <= 0x2026) || cp == 0x20ac || cp == 0x2116 ||
           (cp >= 0x3000 && cp <= 0x303f) || cp == 0x30fb || (cp >= 0xff01 && cp <= 0xff60);
}

/* Signs that may stand between two letters of a word: the apostrophe, the
 * middle dot, marks, and Chinese and Japanese punctuation (their text has
 * no spaces). */
static bool inside_word_sign(uint32_t cp)
{
    return cp < 0x80 || cp == 0xb7 || cp == 0x2019 || (cp >= 0x300 && cp <= 0x36f) ||
           (cp >= 0x591 && cp <= 0x5c7) || (cp >= 0x64b && cp <= 0x652) ||
           (cp >= 0x3000 && cp <= 0x303f) || cp == 0x30fb || (cp >= 0xff01 && cp <= 0xff60);
}

/* Whether the scripts of two neighbouring letters belong to one word: the
 * same, or kana and Chinese characters (Japanese writes both), or an
 * alphabet next to Chinese, Japanese or Korean (mixed text, "iPhone新机"). */
static bool scripts_meet(script a, script b)
{
    bool cjk_a = a >= S_HAN, cjk_b = b >= S_HAN;
    return a == b || cjk_a != cjk_b || (cjk_a && a != S_HANGUL && b != S_HANGUL);
}

/* Whether CP is a capital of Greek or Cyrillic, whose words are written in
 * small letters after the first. */
static bool capital(uint32_t cp)
{
    return (cp >= 0x386 && cp <= 0x3ab) || (cp >= 0x400 && cp <= 0x42f);
}

static bool common_han(uint32_t cp)
{
    char u[4];
    size_t n = tw_utf8_encode(cp, u);
    return memmem(COMMON_HAN, sizeof COMMON_HAN - 1, u, n) != NULL;
}

/* What a letter CP of script S, BYTES long in the input, is worth: a point
 * a byte, but less for a Chinese character that is not a common one: every
 * charset of Chinese, Japanese and Korean reads most pairs of bytes as
 * some rare character. */
static double letter_score(script s, uint32_t cp, size_t bytes)
{
    return (double)bytes * (s == S_HAN && !common_han(cp) ? 0.75 : 1);
}

/* Whether CP is a Cyrillic vowel (Russian, Ukrainian, Belarusian). */
static bool cyrillic_vowel(uint32_t cp)
{
    static const char vowels[] = "аеёиоуыэюяієїўАЕЁИОУЫЭЮЯІЄЇ";
    char u[4];
    size_t n = tw_utf8_encode(cp, u);
    return memmem(vowels, sizeof vowels - 1, u, n) != NULL;
}

/* How much a text looks like text rather than mojibake, a character at a
 * time: letter_score a letter, less for what mojibake is made of. */
typedef struct scorer {
    double score;
    uint32_t prev;              /* the last character */
    uint32_t letter;            /* the last letter, when no space came since */
    bool sign_since;            /* an unusual sign since that letter */
} scorer;

/* Scores character CP, BYTES long in the input. */
static void score_char(scorer *sc, uint32_t cp, size_t bytes)
{
    script s = script_of(cp);
    if (s == S_NONE) {
        if (!usual_sign(cp))
            sc->score -= 3;
        if (sc->prev == 0x44a)
            sc->score -= 2;             /* a word that ends in ъ: Hebrew's tav */
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r')
            sc->letter = 0;
        sc->sign_since |= !inside_word_sign(cp);
        sc->prev = cp;
        return;
    }
    sc->score += letter_score(s, cp, bytes);
    uint32_t letter = sc->letter;
    if (letter) {
        script was = script_of(letter);
        if (sc->sign_since)
            sc->score -= 2;             /* "mo¿e", "Ã¼" */
        if (!scripts_meet(was, s))
            sc->score -= 2;             /* "Bьrger", "밤鹵" */
        if (was == s && capital(cp))    /* KOI8-R read as Windows-1251, Hebrew as KOI8-R */
            sc->score -= capital(letter) ? 0.5 : 1;
        if (letter == 0x3c2)
            sc->score -= 2;             /* final sigma inside a word */
        if (s == S_LATIN && cp >= 0x80 && letter >= 0x80 && sc->prev == letter)
            sc->score -= 1;             /* "Åêàò": accented in a row */
        if ((cp == 0x439 || cp == 0x419) && was == S_CYRILLIC && !cyrillic_vowel(letter))
            sc->score -= 2;             /* й after a consonant: Hebrew's yod */
    }
    sc->letter = cp;
    sc->sign_since = false;
    sc->prev = cp;
}

/* The score of TEXT (LEN bytes of UTF-8), read from an input in which each
 * character beyond ASCII took WIDTH bytes. */
static double text_score(const char *text, size_t len, unsigned width)
{
    scorer sc = { .prev = ' ' };
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = tw_utf8_char_at(text, len, i, &cp);
        score_char(&sc, cp, cp < 0x80 ? 1 : width);
        i += n;
    }
    return sc.score;
}

/* The score of DATA (LEN bytes) read as tw_repair_utf8 does: its UTF-8 as
 * UTF-8, each other byte as Windows-1252 (through CD). */
static double repaired_score(iconv_t cd, const char *data, size_t len)
{
    scorer sc = { .prev = ' ' };
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = tw_utf8_decode(data + i, len - i, &cp);
        if (!n) {
            char u[4], *in = (char *)data + i, *o = u;
            size_t inleft = 1, oleft = sizeof u;
            n = 1;
            cp = 0xfffd;
            if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
                tw_utf8_decode(u, (size_t)(o - u), &cp);
            else
                iconv(cd, NULL, NULL, NULL, NULL);
        }
        score_char(&sc, cp, n);
        i += n;
    }
    return sc.score;
}

/* DATA (LEN bytes) decoded from CHARSET into OUT[OUTLEN]; its length, or
 * -1 when a byte sequence is invalid there.  A character cut by the end of
 * the sample is left out. */
static long decode(const char *charset, const char *data, size_t len, char *out, size_t outlen)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)data, *o = out;
    size_t inleft = len, oleft = outlen;
    size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
    bool cut = rc == (size_t)-1 && errno == EINVAL;
    iconv_close(cd);
    return rc != (size_t)-1 || cut ? (long)(o - out) : -1;
}

const char *tw_guess_charset(const char *data, size_t len)
{
    if (len > SAMPLE_BYTES)
        len = SAMPLE_BYTES;
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1)
        return NULL;
    double best_score = repaired_score(cd, data, len);
    iconv_close(cd);
    /* Each byte becomes at most 3 bytes of UTF-8 (a character of two
     * bytes, at most 4). */
    size_t room = len * 3 + 4;
    char *text = malloc(room);
    if (!text)
        return NULL;
    const char *best = NULL;
    for (size_t i = 0; i < sizeof CANDIDATES / sizeof *CANDIDATES; i++) {
        long n = decode(CANDIDATES[i].name, data, len, text, room);
        if (n < 0)
            continue;
        double score = text_score(text, (size_t)n, CANDIDATES[i].width);
        if (score > best_score) {
            best = CANDIDATES[i].name;
            best_score = score;
        }
    }
    free(text);
    return best;
}
