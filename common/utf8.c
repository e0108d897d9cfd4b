/* utf8.c - UTF-8 decoding and validation; words counted. */
#include "utf8.h"

#include <ctype.h>
#include <string.h>
#include <unicode/uchar.h>

size_t tw_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t tw_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool tw_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        /* Eight ASCII bytes at a time: the indexer asks this of every
         * article's text, most of which is ASCII, three or four times. */
        if (len - i >= 8) {
            uint64_t eight;
            memcpy(&eight, s + i, 8);
            if (!(eight & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = tw_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

size_t tw_utf8_length(const char *s, size_t len)
{
    size_t i = 0, count = 0;
    uint32_t cp;
    while (i < len) {
        size_t n = tw_utf8_decode(s + i, len - i, &cp);
        i += n ? n : 1;
        count++;
    }
    return count;
}

size_t tw_utf8_caseless_prefix(const char *s, const char *prefix)
{
    /* S is read a character at a time, not measured: it may be a long
     * text, and most are parted from PREFIX at their first letters. */
    size_t plen = strlen(prefix), i = 0, j = 0;
    while (j < plen) {
        uint32_t a, b;
        if (!s[i])
            return 0;
        size_t an = tw_utf8_char_at(s + i, strnlen(s + i, 4), 0, &a);
        size_t bn = tw_utf8_char_at(prefix, plen, j, &b);
        /* ASCII by its own rule: most labels and the lines they are tried
         * on are ASCII, and ICU's fold is a call. */
        if (a < 0x80 && b < 0x80 ? tolower((int)a) != tolower((int)b)
                                 : u_foldCase((UChar32)a, U_FOLD_CASE_DEFAULT) !=
                                   u_foldCase((UChar32)b, U_FOLD_CASE_DEFAULT))
            return 0;
        i += an;
        j += bn;
    }
    return i;
}

size_t tw_utf8_cut(const char *s, size_t len)
{
    /* Step back over at most three continuation bytes to a lead byte, and keep the
     * character only if it is complete. */
    size_t i = len;
    while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return len;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return (len - (i - 1) >= need) ? len : i - 1;
}

bool tw_utf8_starts_cjk(const char *s, size_t len)
{
    uint32_t cp;
    /* All of them take three or four bytes. */
    return len >= 3 && (unsigned char)s[0] >= 0xe0 && tw_utf8_decode(s, len, &cp) &&
           tw_utf8_is_cjk(cp);
}

/* The full-width forms of U+FF61 to U+FF9D, in order: the ideographic full
 * stop, corner brackets, comma and middle dot, then the katakana as the
 * half-width block orders them (wo, the small vowels and ya yu yo tsu, the
 * prolonged sound mark, then a i u e o ka ... wa n). */
static const uint16_t WIDE_KANA[] = {
    0x3002, 0x300c, 0x300d, 0x3001, 0x30fb, 0x30f2, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9,
    0x30e3, 0x30e5, 0x30e7, 0x30c3, 0x30fc, 0x30a2, 0x30a4, 0x30a6, 0x30a8, 0x30aa, 0x30ab,
    0x30ad, 0x30af, 0x30b1, 0x30b3, 0x30b5, 0x30b7, 0x30b9, 0x30bb, 0x30bd, 0x30bf, 0x30c1,
    0x30c4, 0x30c6, 0x30c8, 0x30ca, 0x30cb, 0x30cc, 0x30cd, 0x30ce, 0x30cf, 0x30d2, 0x30d5,
    0x30d8, 0x30db, 0x30de, 0x30df, 0x30e0, 0x30e1, 0x30e2, 0x30e4, 0x30e6, 0x30e8, 0x30e9,
    0x30ea, 0x30eb, 0x30ec, 0x30ed, 0x30ef, 0x30f3,
};

/* Half-width voiced-sound marks: the dakuten and the handakuten. */
#define HALF_DAKUTEN 0xff9e
#define HALF_HANDAKUTEN 0xff9f

/* The letter that full-width KANA and the half-width MARK after it make
 * ("カ" and "ﾞ" "ガ", "ハ" and "ﾟ" "パ"), or 0 when they make none. */
static uint32_t voiced_kana(uint32_t kana, uint32_t mark)
{
    bool ha_row = kana >= 0x30cf && kana <= 0x30db && (kana - 0x30cf) % 3 == 0;
    if (mark == HALF_HANDAKUTEN)
        return ha_row ? kana + 2 : 0;
    if (mark != HALF_DAKUTEN)
        return 0;
    /* ka to chi (every other letter), tsu te to, and the ha row. */
    if ((kana >= 0x30ab && kana <= 0x30c1 && kana % 2 == 1) || kana == 0x30c4 ||
        kana == 0x30c6 || kana == 0x30c8 || ha_row)
        return kana + 1;
    switch (kana) {
    case 0x30a6: return 0x30f4;     /* u: vu */
    case 0x30ef: return 0x30f7;     /* wa: va */
    case 0x30f2: return 0x30fa;     /* wo: vo */
    default: return 0;
    }
}

size_t tw_utf8_wide_kana(const char *s, size_t len, size_t i, uint32_t *cp)
{
    uint32_t half, mark;
    /* All of them are EF BD A1 to EF BE 9D. */
    if ((unsigned char)s[i] != 0xef)
        return 0;
    size_t n = tw_utf8_decode(s + i, len - i, &half);
    if (!n || half < 0xff61 || half > 0xff9d)
        return 0;
    *cp = WIDE_KANA[half - 0xff61];
    size_t m = i + n < len ? tw_utf8_decode(s + i + n, len - i - n, &mark) : 0;
    uint32_t voiced = m ? voiced_kana(*cp, mark) : 0;
    if (voiced) {
        *cp = voiced;
        n += m;
    }
    return n;
}

size_t tw_utf8_before_closers(const char *s, size_t end)
{
    for (;;) {
        const unsigned char *u = (const unsigned char *)s;
        if (end && s[end - 1] && strchr("\"')]", s[end - 1]))
            end--;
        else if (end >= 3 && u[end - 3] == 0xe2 && u[end - 2] == 0x80 &&
                 (u[end - 1] == 0x9d || u[end - 1] == 0x99))
            end -= 3;
        else if (end >= 2 && u[end - 2] == 0xc2 && u[end - 1] == 0xbb)
            end -= 2;
        else
            return end;
    }
}

size_t tw_utf8_narrow_text(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        /* All of them are EF BC 90 to EF BD 9A. */
        size_t n = (unsigned char)s[i] == 0xef ? tw_utf8_decode(s + i, len - i, &cp) : 0, kana;
        if (n && tw_utf8_narrow(cp) != cp) {
            out[o++] = (char)tw_utf8_narrow(cp);
        } else if (n && (kana = tw_utf8_wide_kana(s, len, i, &cp))) {
            /* Three bytes for three or six: never past I. */
            o += tw_utf8_encode(cp, out + o);
            n = kana;
        } else {
            n = n ? n : 1;
            memmove(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    return o;
}

size_t tw_count_words(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += !isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1]));
    return words;
}
