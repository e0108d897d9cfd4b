/* accents.c - Latin letters without their accents (see the header).
 *
 * The table is written here rather than asked of iconv's //TRANSLIT, whose
 * answers depend on the locale (and a library must not set one), and it
 * covers what news in Latin scripts uses: Latin-1, Latin Extended-A
 * (Central European, Baltic, Turkish, Maltese...), the letters of Latin
 * Extended-B that carry a mark (Romanian's comma below, Pinyin's caron,
 * African hooks), Latin Extended Additional (Vietnamese, Welsh), and the
 * ligatures of Latin typesetting ("ﬁ"), which PDF-born text is full of.
 * Beyond Latin, the marks that readers of other scripts leave out as often
 * as they write them: Greek's tonos and dialytika (and capitals, which
 * Greek writes without them, lower-cased end in "σ", never "ς"), Russian's
 * "ё" (mostly written "е"), and the vowel points of Hebrew and Arabic with
 * Arabic's tatweel (a stretch of the line between letters), hamza on alef,
 * and the Persian and Arabic forms of yeh and kaf; and the digits of
 * Arabic, Persian, Hindi and Bengali, as ASCII ones. */
#include "accents.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* U+00C0 to U+024F, two bytes for each code point: its base letters, a
 * space for none (a letter of one), "--" where the character is left as it
 * is (a sign, or a letter of its own rather than an accented one: schwa,
 * eth's cousins in Extended-B, clicks). */
static const char latin[] =
    /* C0 */ "A A A A A A AEC E E E E I I I I "
    /* D0 */ "D N O O O O O --O U U U U Y THss"
    /* E0 */ "a a a a a a aec e e e e i i i i "
    /* F0 */ "d n o o o o o --o u u u u y thy "
    /* 100 */ "A a A a A a C c C c C c C c D d "
    /* 110 */ "D d E e E e E e E e E e G g G g "
    /* 120 */ "G g G g H h H h I i I i I i I i "
    /* 130 */ "I i IJijJ j K k k L l L l L l L "
    /* 140 */ "l L l N n N n N n n N n O o O o "
    /* 150 */ "O o OEoeR r R r R r S s S s S s "
    /* 160 */ "S s T t T t T t U u U u U u U u "
    /* 170 */ "U u U u W w Y y Y Z z Z z Z z s "
    /* 180 */ "b B B b ------C c D D D d ------"
    /* 190 */ "--F f G --hv--I K k l ----N n O "
    /* 1A0 */ "O o ----P p ----------t T t T U "
    /* 1B0 */ "u --V Y y Z z ------------------"
    /* 1C0 */ "--------DZDzdzLJLjljNJNjnjA a I "
    /* 1D0 */ "i O o U u U u U u U u U u --A a "
    /* 1E0 */ "A a AEaeG g G g K k O o O o ----"
    /* 1F0 */ "j DZDzdzG g ----N n A a AEaeO o "
    /* 200 */ "A a A a E e E e I i I i O o O o "
    /* 210 */ "R r R r U u U u S s T t ----H h "
    /* 220 */ "N d ----Z z A a E e O o O o O o "
    /* 230 */ "O o Y y l n t j dbqpA C c L T s "
    /* 240 */ "z ----B U --E e J j Q q R r Y y ";

/* U+1E00 to U+1E95 and U+1EA0 to U+1EF9 come in pairs, capital then small,
 * of one base letter: the capital of each pair. */
static const char additional[] =
    "ABBBCDDDDDEEEEEFGHHHHHIIKKKLLLLMMMNNNNOOOOPPRRRRSSSSSTTTTUUUUUVVWWWWWXXYZZZ";
static const char vietnamese[] = "AAAAAAAAAAAAEEEEEEEEIIOOOOOOOOOOOOUUUUUUUYYYY";
/* U+1E96 to U+1E9E: h, t, w, y with marks, a with a half ring, long s with
 * marks, capital sharp s. */
static const char *const additional_odd[] = { "h", "t", "w", "y", "a", "s", "s", "s", "SS" };

/* U+FB00 to U+FB06: ff, fi, fl, ffi, ffl, long s t, st. */
static const char *const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

/* U+0386 to U+03CE, Greek: the letter without tonos or dialytika, final
 * sigma as sigma; 0 where the letter is left as it is. */
static const uint16_t greek[] = {
    /* 386 */ 0x391, 0, 0x395, 0x397, 0x399, 0, 0x39f, 0, 0x3a5, 0x3a9,
    /* 390 */ 0x3b9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 3A0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x399, 0x3a5, 0x3b1, 0x3b5, 0x3b7, 0x3b9,
    /* 3B0 */ 0x3c5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 3C0 */ 0, 0, 0x3c3, 0, 0, 0, 0, 0, 0, 0, 0x3b9, 0x3c5, 0x3bf, 0x3c5, 0x3c9,
};

/* Whether CP is a mark that is dropped: a combining accent (U+0300 to
 * U+036F, as text decomposed (NFD) writes them), a Hebrew point or
 * cantillation mark, an Arabic vowel sign or Quranic mark, or tatweel. */
static bool dropped_mark(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x591 && cp <= 0x5bd) || cp == 0x5bf ||
           cp == 0x5c1 || cp == 0x5c2 || cp == 0x5c4 || cp == 0x5c5 || cp == 0x5c7 ||
           (cp >= 0x610 && cp <= 0x61a) || cp == 0x640 || (cp >= 0x64b && cp <= 0x65f) ||
           cp == 0x670 ||
           (cp >= 0x6d6 && cp <= 0x6dc) || (cp >= 0x6df && cp <= 0x6e4) || cp == 0x6e7 ||
           cp == 0x6e8 || (cp >= 0x6ea && cp <= 0x6ed);
}

/* The letter or digit CP stands for in another script than Latin, or 0
 * when it is one of its own. */
static uint32_t plain_letter(uint32_t cp)
{
    if (cp >= 0x386 && cp <= 0x3ce)
        return greek[cp - 0x386];
    if (cp == 0x401 || cp == 0x451)
        return cp == 0x401 ? 0x415 : 0x435;      /* Ё Е, ё е */
    /* Arabic alef with hamza or madda as alef; Persian's yeh and keheh,
     * and alef maksura, as Arabic's yeh and kaf, which Iranian sites
     * often type. */
    if (cp == 0x622 || cp == 0x623 || cp == 0x625 || cp == 0x671)
        return 0x627;
    if (cp == 0x6cc || cp == 0x649)
        return 0x64a;
    if (cp == 0x6a9)
        return 0x643;
    /* Digits of Arabic, Persian, Hindi and Bengali as ASCII ones: "2024"
     * finds "٢٠٢٤", "۲۰۲۴", "२०२४". */
    static const uint32_t zeros[] = { 0x660, 0x6f0, 0x966, 0x9e6 };
    for (size_t i = 0; i < sizeof zeros / sizeof *zeros; i++)
        if (cp >= zeros[i] && cp <= zeros[i] + 9)
            return '0' + (cp - zeros[i]);
    return 0;
}

/* Copies the letters E into OUT (no NUL); returns how many. */
static int spelt(const char *e, char out[4])
{
    size_t n = strlen(e);
    memcpy(out, e, n);
    return (int)n;
}

/* The base letters of CP into OUT (no NUL); returns how many bytes, or -1
 * when CP is left as it is (0: a mark, dropped).  Never more bytes than
 * CP's own UTF-8. */
static int base_letters(uint32_t cp, char out[4])
{
    if (dropped_mark(cp))
        return 0;
    uint32_t other = plain_letter(cp);
    if (other)
        return (int)tw_utf8_encode(other, out);
    if (cp >= 0xfb00 && cp <= 0xfb06)
        return spelt(ligatures[cp - 0xfb00], out);
    if (cp >= 0xc0 && cp <= 0x24f) {
        const char *e = latin + (cp - 0xc0) * 2;
        if (e[0] == '-')
            return -1;
        out[0] = e[0];
        out[1] = e[1];
        return e[1] == ' ' ? 1 : 2;
    }
    char capital;
    if (cp >= 0x1e00 && cp < 0x1e00 + 2 * (sizeof additional - 1))
        capital = additional[(cp - 0x1e00) / 2];
    else if (cp >= 0x1ea0 && cp < 0x1ea0 + 2 * (sizeof vietnamese - 1))
        capital = vietnamese[(cp - 0x1ea0) / 2];
    else if (cp >= 0x1e96 && cp <= 0x1e9e)
        return spelt(additional_odd[cp - 0x1e96], out);
    else
        return -1;
    out[0] = cp % 2 ? (char)(capital | 0x20) : capital;
    return 1;
}

size_t tw_unaccent(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t n = c < 0x80 ? 1 : tw_utf8_decode(s + i, len - i, &cp);
        char base[4];
        int b = c < 0x80 || n == 0 ? -1 : base_letters(cp, base);
        if (n == 0)
            n = 1;          /* not UTF-8: the byte as it is */
        if (b < 0) {
            memmove(out + o, s + i, n);
            o += n;
        } else {
            /* at most N bytes: OUT may be S, and never overtakes it */
            memcpy(out + o, base, (size_t)b);
            o += (size_t)b;
        }
        i += n;
    }
    return o;
}
