/* sea_words.c - the words of Thai, Lao, Khmer and Burmese runs, by ICU's
 * dictionaries (sea_words.h). */
#include "sea_words.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "utf8.h"

struct tw_sea_splitter {
    UBreakIterator *words;      /* NULL until the first run, or when ICU failed */
    bool failed;                /* ICU could not open it: not tried again */
    tw_sea_word *at;            /* the last run's words */
    size_t cap;
};

tw_sea_splitter *tw_sea_new(void)
{
    return calloc(1, sizeof(tw_sea_splitter));
}

void tw_sea_free(tw_sea_splitter *s)
{
    if (!s)
        return;
    if (s->words)
        ubrk_close(s->words);
    free(s->at);
    free(s);
}

/* The first bytes of these scripts' characters in UTF-8: U+0E00-0EFF start
 * with E0, U+1000-19FF with E1, U+A9E0-AA7F with EA. */
static const unsigned char LEADS[] = { 0xe0, 0xe1, 0xea };

bool tw_sea_any(const char *text, size_t len)
{
    const char *end = text + len;
    for (size_t k = 0; k < sizeof LEADS; k++)
        for (const char *p = memchr(text, LEADS[k], len); p;
             p = memchr(p + 1, LEADS[k], (size_t)(end - p - 1))) {
            uint32_t cp;
            if (tw_utf8_decode(p, (size_t)(end - p), &cp) && tw_sea_char(cp))
                return true;
        }
    return false;
}

/* Whether CP is a character of a word as Xapian's term generator reads
 * words: a letter, a mark, a digit or number, or a connector ("_"). */
static bool word_char(uint32_t cp)
{
    return (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK |
                                          U_GC_PC_MASK)) != 0;
}

/* The zero-width space, non-joiner and joiner, and the word joiner: text of
 * these scripts puts them between words or inside them, and the term
 * generator reads a word through them. */
static bool zero_width(uint32_t cp)
{
    return (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060;
}

/* Whether CP is a letter or a mark of these scripts.  Their digits are
 * not: ICU joins digits to the word before them ("ปี๒๕๖๗", the year
 * 2567), where a number after a run in ASCII digits is a word of its own;
 * out of the run, both are. */
static bool run_char(uint32_t cp)
{
    return tw_sea_char(cp) && (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_M_MASK));
}

size_t tw_sea_run_end(const char *text, size_t len, size_t i)
{
    size_t start = i;
    while (i < len) {
        uint32_t cp, next;
        size_t n = tw_utf8_char_at(text, len, i, &cp);
        if (run_char(cp)) {
            i += n;
            continue;
        }
        /* A zero-width character belongs to the run only between two of
         * its characters. */
        if (i == start || !zero_width(cp) || i + n >= len)
            break;
        tw_utf8_char_at(text, len, i + n, &next);
        if (!run_char(next))
            break;
        i += n;
    }
    return i;
}

/* Whether TEXT[FROM, TO) is nothing but zero-width characters. */
static bool only_zero_width(const char *text, size_t from, size_t to)
{
    while (from < to) {
        uint32_t cp;
        from += tw_utf8_char_at(text, to, from, &cp);
        if (!zero_width(cp))
            return false;
    }
    return true;
}

/* Whether the character at TEXT[I], inside a word, is a mark. */
static bool mark_at(const char *text, size_t i)
{
    uint32_t cp;
    tw_utf8_char_at(text, i + 4, i, &cp);
    return (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}

/* Where to cut a word that starts at TEXT[START] and is longer than
 * TW_SEA_WORD_MAX: at the last character at most that far in that is not a
 * mark (a part must not start with the vowel sign or tone mark of the
 * letter before it), else at the last character. */
static size_t cut_at(const char *text, size_t start)
{
    size_t last = start + TW_SEA_WORD_MAX;
    while (((unsigned char)text[last] & 0xc0) == 0x80)
        last--;
    size_t cut = last;
    while (cut > start && mark_at(text, cut))
        cut = tw_utf8_char_before(text, cut);
    return cut > start ? cut : last;
}

/* Appends the word TEXT[START, END) to S's words, in parts when it is
 * longer than TW_SEA_WORD_MAX.  N words are there already; returns how many
 * there are after. */
static size_t add_word(tw_sea_splitter *s, size_t n, const char *text, size_t start, size_t end)
{
    while (end - start > TW_SEA_WORD_MAX) {
        size_t cut = cut_at(text, start);
        s->at[n++] = (tw_sea_word){ start, cut };
        start = cut;
    }
    s->at[n++] = (tw_sea_word){ start, end };
    return n;
}

/* S's iterator, opened at the first run; NULL when ICU cannot open it. */
static UBreakIterator *iterator(tw_sea_splitter *s)
{
    if (!s->words && !s->failed) {
        UErrorCode status = U_ZERO_ERROR;
        /* The root locale: the dictionaries are chosen by script. */
        s->words = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            if (s->words)
                ubrk_close(s->words);
            s->words = NULL;
            s->failed = true;
        }
    }
    return s->words;
}

/* Appends to S's words, from N on, those ICU finds in TEXT (LEN bytes);
 * returns how many there are after, or N when ICU could not split it. */
static size_t icu_words(tw_sea_splitter *s, size_t n, const char *text, size_t len)
{
    UBreakIterator *bi = iterator(s);
    if (!bi)
        return n;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    /* Over the UTF-8 itself: ICU's offsets are then bytes of TEXT. */
    utext_openUTF8(&ut, text, (int64_t)len, &status);
    ubrk_setUText(bi, &ut, &status);
    size_t had = n;
    if (U_SUCCESS(status))
        for (int32_t from = ubrk_first(bi), to; (to = ubrk_next(bi)) != UBRK_DONE; from = to)
            if (!only_zero_width(text, (size_t)from, (size_t)to))
                n = add_word(s, n, text, (size_t)from, (size_t)to);
    utext_close(&ut);
    return U_SUCCESS(status) ? n : had;
}

size_t tw_sea_words(tw_sea_splitter *s, const char *text, size_t len,
                    const tw_sea_word **words)
{
    /* Each character of a run is three bytes, and a word holds one at
     * least. */
    size_t most = len / 3 + 1;
    if (most > s->cap) {
        tw_sea_word *more = realloc(s->at, most * sizeof *more);
        if (!more)
            return 0;
        s->at = more;
        s->cap = most;
    }
    *words = s->at;
    size_t n = icu_words(s, 0, text, len);
    return n ? n : add_word(s, 0, text, 0, len);
}

/* Whether the character that ends just before TEXT[I] (I > 0), or the one
 * at TEXT[I] (I < LEN), is a word character. */
static bool word_before(const char *text, size_t i)
{
    uint32_t cp;
    tw_utf8_char_at(text, i, tw_utf8_char_before(text, i), &cp);
    return word_char(cp);
}

static bool word_at(const char *text, size_t len, size_t i)
{
    uint32_t cp;
    tw_utf8_char_at(text, len, i, &cp);
    return word_char(cp);
}

int tw_sea_split(tw_sea_splitter *s, const char *text, size_t len, char sep, tw_buf *out)
{
    if (!tw_sea_any(text, len))
        return 0;
    tw_buf_clear(out);
    size_t copied = 0;
    for (size_t i = 0; i < len;) {
        size_t end = tw_sea_run_end(text, len, i);
        if (end == i) {
            uint32_t cp;
            i += tw_utf8_char_at(text, len, i, &cp);
            continue;
        }
        const tw_sea_word *w;
        size_t n = tw_sea_words(s, text + i, end - i, &w);
        if (!n)
            return -1;
        tw_buf_append(out, text + copied, i - copied);
        if (i > 0 && word_before(text, i))
            tw_buf_putc(out, sep);
        /* A query's wildcard after a run is of its last word, which a
         * phrase cannot hold. */
        bool wildcard = end < len && text[end] == '*';
        for (size_t k = 0; k < n; k++) {
            if (k)
                tw_buf_putc(out, wildcard && k == n - 1 ? ' ' : sep);
            tw_buf_append(out, text + i + w[k].start, w[k].end - w[k].start);
        }
        if (end < len && word_at(text, len, end))
            tw_buf_putc(out, sep);
        copied = i = end;
    }
    tw_buf_append(out, text + copied, len - copied);
    return out->failed ? -1 : 1;
}
