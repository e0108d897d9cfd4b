/* utf8.h - UTF-8 decoding and validation (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF). */
#ifndef TW_UTF8_H
#define TW_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decodes the character at S (LEN bytes available).  Returns the number of bytes
 * it takes and sets *cp, or returns 0 when the bytes there are not valid UTF-8. */
size_t tw_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The character at S[I] (LEN bytes in all) in *CP; returns its length.  A
 * byte that is not UTF-8 (the indexer cleans them away, but be safe) reads
 * as U+FFFD, one byte long.  Inline, with ASCII first: snippets ask it of
 * every character of a hit's text. */
static inline size_t tw_utf8_char_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = tw_utf8_decode(s + i, len - i, cp);
    if (!n)
        *cp = 0xfffd;
    return n ? n : 1;
}

/* Where the character that ends just before S[I] (I > 0) starts: back over
 * at most three continuation bytes. */
static inline size_t tw_utf8_char_before(const char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xc0) == 0x80)
        j--;
    return j;
}

/* Encodes CP into out[4]; returns the number of bytes written. */
size_t tw_utf8_encode(uint32_t cp, char out[4]);

bool tw_utf8_valid(const char *s, size_t len);

/* The words of S[0, LEN): runs of bytes between ASCII white space (a
 * byline's parts, a title's, a trailer's lines). */
size_t tw_count_words(const char *s, size_t len);

/* Counts code points in a valid UTF-8 string (invalid bytes count one each). */
size_t tw_utf8_length(const char *s, size_t len);

/* How many bytes of S spell PREFIX with the case of each letter folded, in
 * any script ("VERÖFFENTLICHT" and "Letzte ÄNDERUNG" for "veröffentlicht"
 * and "letzte änderung"; S and PREFIX UTF-8, S ended by a NUL); 0 when S
 * does not start with PREFIX (or PREFIX is empty). */
size_t tw_utf8_caseless_prefix(const char *s, const char *prefix);

/* The largest n <= LEN such that S[0..n) does not end inside a character. */
size_t tw_utf8_cut(const char *s, size_t len);

/* The ASCII letter or digit of a full-width one (U+FF10-FF19, U+FF21-FF3A,
 * U+FF41-FF5A: "Ｎ" "N", "２" "2"), else CP.  Chinese and Japanese text
 * writes Latin letters and digits full-width ("ＮＨＫ", "２０２４年"), which
 * searches type either way; the index holds them as ASCII. */
static inline uint32_t tw_utf8_narrow(uint32_t cp)
{
    if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) ||
        (cp >= 0xff41 && cp <= 0xff5a))
        return cp - 0xff00 + 0x20;
    return cp;
}

/* When S[I] (LEN bytes in all) starts a half-width katakana or one of its
 * punctuation marks (U+FF61-FF9D: "ｶ", "｢"), sets *CP to its full-width
 * form ("カ", "「") and returns the bytes it takes, with a voiced-sound
 * mark after it that makes one letter with it ("ｶﾞ" "ガ", "ﾊﾟ" "パ");
 * else returns 0.  Older Japanese systems and many mails and forms write
 * katakana half-width, which searches type full-width, or the other way. */
size_t tw_utf8_wide_kana(const char *s, size_t len, size_t i, uint32_t *cp);

/* Writes S (LEN bytes of UTF-8) to OUT with each full-width letter and
 * digit as ASCII (tw_utf8_narrow), and each half-width katakana as its
 * full-width one (tw_utf8_wide_kana); returns the bytes written, at most
 * LEN (OUT may be S).  Other characters, and bytes that are not UTF-8, are
 * copied as they are. */
size_t tw_utf8_narrow_text(const char *s, size_t len, char *out);

/* Whether the LEN bytes at S are all ASCII: a text no rewrite of other
 * scripts' characters changes.  Inline: asked of every query and of the
 * words of hits' snippets. */
static inline bool tw_utf8_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Whether CP is in one of the Unicode blocks of Chinese, Japanese or Korean
 * writing that Xapian's term generator and query parser split into
 * characters and pairs of characters (FLAG_CJK_NGRAM): the CJK radicals to
 * the Kanbun and strokes, kana and Bopomofo, the ideographs and their
 * extensions, Hangul syllables and jamo, the compatibility ideographs and
 * forms, the half- and full-width forms but for the full-width letters and
 * digits, which Xapian never sees (tw_utf8_narrow).  Inline: snippets ask
 * it of every character of a hit's text. */
static inline bool tw_utf8_is_cjk(uint32_t cp)
{
    return cp >= 0x1100 &&
           ((cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0x2ff0 && cp <= 0x9fff) ||
            (cp >= 0xa700 && cp <= 0xa71f) || (cp >= 0xac00 && cp <= 0xd7af) ||
            (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
            (cp >= 0xff00 && cp <= 0xffef && tw_utf8_narrow(cp) == cp) || (cp <= 0x11ff) ||
            (cp >= 0x20000 && cp <= 0x2a6df) || (cp >= 0x2a700 && cp <= 0x2b81f) ||
            (cp >= 0x2f800 && cp <= 0x2fa1f));
}

/* Whether S (LEN bytes) starts with such a character. */
bool tw_utf8_starts_cjk(const char *s, size_t len);

/* END stepped back over the closing quotes and brackets that end S[0, END):
 * ", ', ), ] and the typographic closers U+201D, U+2019 and U+00BB, so that
 * the mark a sentence ends with is found before them ("...he said.\u201d"). */
size_t tw_utf8_before_closers(const char *s, size_t end);

/* The places of two bytes in TEXT[FROM, LEN), in order, each found once
 * by memchr (tw_either_next): an ASCII mark and 0xe2, the first byte of
 * its typographic forms in UTF-8 ("'" and U+2019, "-" and U+2010), which
 * most text has none of. */
typedef struct tw_either {
    const char *text;
    size_t len, at[2];
    int c[2];
} tw_either;

/* Where byte C is next in TEXT[FROM, LEN), or LEN. */
static inline size_t tw_next_byte(const char *text, size_t len, size_t from, int c)
{
    const void *at = memchr(text + from, c, len - from);
    return at ? (size_t)((const char *)at - text) : len;
}

static inline void tw_either_start(tw_either *e, const char *text, size_t len, size_t from,
                                   int a, int b)
{
    e->text = text;
    e->len = len;
    e->c[0] = a;
    e->c[1] = b;
    e->at[0] = tw_next_byte(text, len, from, a);
    e->at[1] = tw_next_byte(text, len, from, b);
}

/* The next place of either byte, or LEN when there is none. */
static inline size_t tw_either_next(tw_either *e)
{
    int k = e->at[1] < e->at[0];
    size_t i = e->at[k];
    if (i < e->len)
        e->at[k] = tw_next_byte(e->text, e->len, i + 1, e->c[k]);
    return i;
}

#endif
