/* accents.c - Latin letters without their accents (see the header).
 *
 * The table is written here rather than asked of iconv's //TRANSLIT, whose
 * answers depend on the locale (and a library must not set one), and it
 * covers what news in Latin scripts uses: Latin-1, Latin Extended-A
 * (Central European, Baltic, Turkish, Maltese...), the letters of Latin
 * Extended-B that carry a mark (Romanian's comma below, Pinyin's caron,
 * African hooks), and Latin Extended Additional (Vietnamese, Welsh). */
#include "accents.h"

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

/* The base letters of CP into OUT (no NUL); returns how many, or -1 when
 * CP is left as it is (0: a combining accent, dropped). */
static int base_letters(uint32_t cp, char out[2])
{
    if (cp >= 0x300 && cp <= 0x36f)
        return 0;
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
    else if (cp >= 0x1e96 && cp <= 0x1e9e) {
        const char *e = additional_odd[cp - 0x1e96];
        size_t n = strlen(e);
        memcpy(out, e, n);
        return (int)n;
    } else
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
        char base[2];
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
