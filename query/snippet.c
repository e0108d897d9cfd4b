/* snippet.c - choose and write the passage shown under a hit. */
#include "snippet.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "utf8.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* How far before its first match a passage may start to begin with its
 * sentence, as a share of the room the matches leave; and how many bytes of
 * lead-in it gets when no sentence starts near. */
#define SENTENCE_REACH(slack) ((slack) * 2 / 3)
#define LEAD_IN(slack) ((slack) / 4 < 40 ? (slack) / 4 : 40)

/* How far past its length a passage may run on to end with the word that
 * holds its last match, rather than inside it. */
#define RUN_ON 16

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool word_start(const char *text, size_t p)
{
    return !is_space(text[p]) && (p == 0 || is_space(text[p - 1]));
}

/* Whether the word at P begins a sentence: the text's start, a line break
 * before it, or a full stop, question or exclamation mark before the spaces
 * (after any closing quotes or brackets). */
static bool sentence_start(const char *text, size_t p)
{
    if (p == 0)
        return true;
    size_t k = p;
    while (k > 0 && is_space(text[k - 1])) {
        if (text[k - 1] == '\n' || text[k - 1] == '\r')
            return true;
        k--;
    }
    k = tw_utf8_before_closers(text, k);
    return k > 0 && k < p && (text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?');
}

/* tw_snippet_best, given COUNTS: N_CONCEPTS zeroed slots. */
static void best_window(const tw_match *m, size_t n, const double *weight, unsigned *counts,
                        size_t length, size_t *first, size_t *last)
{
    double have = 0, best = -1;
    size_t left = 0, best_hits = 0;
    *first = *last = 0;
    for (size_t k = 0; k < n; k++) {
        if (counts[m[k].concept]++ == 0)
            have += weight[m[k].concept];
        while (left < k && m[k].end - m[left].start > length) {
            if (--counts[m[left].concept] == 0)
                have -= weight[m[left].concept];
            left++;
        }
        size_t hits = k - left + 1;
        /* Weights are summed and subtracted as the window slides: compare
         * with some slack for rounding. */
        double margin = 1e-9 * (best > 1 ? best : 1);
        if (have > best + margin || (have > best - margin && hits > best_hits)) {
            best = have;
            best_hits = hits;
            *first = left;
            *last = k;
        }
    }
}

/* Whether TEXT[from, to) holds any white space. */
static bool has_space(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (is_space(text[i]))
            return true;
    return false;
}

/* Whether TEXT[from, to) holds a letter or a digit (of any script): text a
 * reader would miss, not a rule of "=====", a bullet or a dash. */
static bool has_word(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        uint32_t cp;
        i += tw_utf8_char_at(text, to, i, &cp);
        if (cp < 0x80 ? (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
                      : (U_GET_GC_MASK(cp) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0)
            return true;
    }
    return false;
}

/* Where the passage that would start at START (a word's start) starts past
 * what opens it without a word: the rule under a title, a list's bullet,
 * the dash after a dateline ("=====", "- Do not", "* Title").  Not past
 * STOP, where the words it must show begin. */
static size_t past_marks(const char *text, size_t start, size_t stop)
{
    size_t p = start;
    while (p < stop) {
        size_t e = p;
        while (e < stop && !is_space(text[e]))
            e++;
        if (e == stop || has_word(text, p, e))
            break;
        while (e < stop && is_space(text[e]))
            e++;
        p = start = e;
    }
    return start;
}

/* Where the passage that would end at END (a word's end) ends before what
 * closes it without a word (a trailing dash or bullet), not before STOP. */
static size_t before_marks(const char *text, size_t end, size_t stop)
{
    while (end > stop) {
        size_t s = end;
        while (s > stop && !is_space(text[s - 1]))
            s--;
        if (s == stop || has_word(text, s, end))
            break;
        while (s > stop && is_space(text[s - 1]))
            s--;
        end = s;
    }
    return end;
}

/* How far either side of a place a word break is looked for, in bytes: more
 * than the longest word of the scripts that write none between words. */
#define BREAK_REACH 256

/* Where a passage of TEXT (LEN bytes) that would start (FORWARD) or end at
 * byte P, a character's start, may be cut, in a script written without
 * spaces: the nearest word break at P or after it (FORWARD), else at P or
 * before it, by ICU's word break rules, which know the words of Thai, Lao,
 * Khmer, Burmese, Chinese and Japanese by their dictionaries and never part
 * a letter from its marks or an emoji from the rest of its sequence.  P
 * itself between two ASCII characters (a long url is cut where it is, not
 * back at its last slash), or when ICU cannot say. */
static size_t word_break(const char *text, size_t len, size_t p, bool forward)
{
    if (p == 0 || p == len || ((unsigned char)text[p - 1] < 0x80 && (unsigned char)text[p] < 0x80))
        return p;
    size_t from = p > BREAK_REACH ? p - BREAK_REACH : 0;
    size_t to = len - p > BREAK_REACH ? p + BREAK_REACH : len;
    while (from > 0 && ((unsigned char)text[from] & 0xc0) == 0x80)
        from--;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text + from, (int64_t)(to - from), &status);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    ubrk_setUText(bi, &ut, &status);
    size_t at = p;
    if (U_SUCCESS(status)) {
        int32_t here = (int32_t)(p - from);
        int32_t b = ubrk_isBoundary(bi, here) ? here
                  : forward ? ubrk_following(bi, here) : ubrk_preceding(bi, here);
        if (b != UBRK_DONE)
            at = from + (size_t)b;
    }
    ubrk_close(bi);
    utext_close(&ut);
    return at;
}

/* How many bytes of a text tw_snippet_bytes reads to tell its bytes per
 * column: a few lines, a few hundred characters of any script. */
#define WIDTH_SAMPLE 512

unsigned tw_char_columns(uint32_t cp)
{
    if (U_GET_GC_MASK(cp) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK))
        return 0;
    int w = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

size_t tw_snippet_bytes(const char *text, size_t len, size_t columns)
{
    size_t n = len < WIDTH_SAMPLE ? len : tw_utf8_cut(text, WIDTH_SAMPLE);
    size_t cols = 0, i = 0;
    while (i < n) {
        /* Eight bytes of ASCII at a time: most text, a snippet for each hit. */
        uint64_t eight;
        if (i + 8 <= n && (memcpy(&eight, text + i, 8), !(eight & 0x8080808080808080u))) {
            i += 8;
            cols += 8;
            continue;
        }
        uint32_t cp;
        i += tw_utf8_char_at(text, n, i, &cp);
        cols += cp < 0x80 ? 1 : tw_char_columns(cp);
    }
    if (cols == 0 || cols >= n)
        return columns;
    /* A length near SIZE_MAX (a program's "no limit") stays in range. */
    double bytes = (double)columns * (double)n / (double)cols + 0.5;
    return bytes >= (double)SIZE_MAX ? SIZE_MAX : (size_t)bytes;
}

/* Where the passage around bytes [A, B) of TEXT starts. */
static size_t passage_start(const char *text, size_t len, size_t a, size_t b, size_t length)
{
    size_t slack = length > b - a ? length - (b - a) : 0;
    size_t reach = SENTENCE_REACH(slack);
    if (b <= length || a <= reach)
        return 0;
    for (size_t p = a; p + reach >= a && p > 0; p--)
        if (word_start(text, p) && sentence_start(text, p))
            return p;
    size_t p = a - LEAD_IN(slack);
    for (size_t q = p; q < a; q++)
        if (word_start(text, q))
            return q;
    /* Scripts written without spaces: a few words before. */
    if (has_space(text, p, a))
        return a;
    while (p < a && ((unsigned char)text[p] & 0xc0) == 0x80)
        p++;
    p = word_break(text, len, p, true);
    return p < a ? p : a;
}

/* Where the passage that starts at START and must hold bytes up to B ends:
 * the end of the last whole word within LENGTH bytes, with or without a
 * space to end at; or, when the last match is in a word that LENGTH would
 * cut ("Windows-Updates:" for "windows"), that word's end up to RUN_ON
 * bytes further. */
static size_t passage_end(const char *text, size_t len, size_t start, size_t b, size_t length)
{
    if (length >= len - start)
        return len;
    size_t e = start + length;
    if (e > b && !has_space(text, b, e)) {
        size_t w = e;
        while (w < len && w - e < RUN_ON && !is_space(text[w]))
            w++;
        if (w == len || is_space(text[w]))
            return w;
        e = word_break(text, len, start + tw_utf8_cut(text + start, length), false);
        return e > b ? e : b;
    }
    while (e > b && !is_space(text[e]))
        e--;
    while (e > b && is_space(text[e - 1]))
        e--;
    return e > b ? e : b;
}

/* Appends TEXT[from, to) to OUT, each run of white space as one space, and
 * none at the start of the passage (BASE is where it starts). */
static int copy_text(tw_buf *out, size_t base, const char *text, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        size_t j = i;
        while (j < to && is_space(text[j]))
            j++;
        if (j > i) {
            if (out->len > base && out->data[out->len - 1] != ' ' && tw_buf_putc(out, ' ') < 0)
                return -1;
            i = j;
            continue;
        }
        /* Words and the single spaces between them, which stay as they
         * are: most of a passage in one append, not a word at a time. */
        while (j < to && (!is_space(text[j]) ||
                          (text[j] == ' ' && j + 1 < to && !is_space(text[j + 1]))))
            j++;
        if (tw_buf_append(out, text + i, j - i) < 0)
            return -1;
        i = j;
    }
    return 0;
}

static int add_span(size_t start, size_t end, trawl_span **spans, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t more = *cap ? *cap * 2 : 8;
        trawl_span *s = realloc(*spans, more * sizeof *s);
        if (!s)
            return -1;
        *spans = s;
        *cap = more;
    }
    (*spans)[(*n)++] = (trawl_span){ start, end };
    return 0;
}

int tw_snippet_best(const tw_match *m, size_t n_matches, const double *weight,
                    unsigned n_concepts, size_t length, size_t *first, size_t *last)
{
    *first = *last = 0;
    if (!n_matches)
        return 0;
    unsigned *counts = calloc(n_concepts ? n_concepts : 1, sizeof *counts);
    if (!counts)
        return -1;
    best_window(m, n_matches, weight, counts, length, first, last);
    free(counts);
    return 0;
}

int tw_snippet_write(const char *text, size_t len, bool cut_before, bool cut_after,
                     const tw_match *m, size_t n_matches, const double *weight,
                     unsigned n_concepts, size_t length, tw_buf *out, trawl_span **spans,
                     size_t *n_spans)
{
    *spans = NULL;
    *n_spans = 0;
    size_t first, last, cap = 0;
    if (tw_snippet_best(m, n_matches, weight, n_concepts, length, &first, &last) < 0)
        return -1;
    size_t a = n_matches ? m[first].start : 0, b = n_matches ? m[last].end : 0;
    size_t start = passage_start(text, len, a, b, length);
    start = past_marks(text, start, n_matches ? a : len);
    size_t end = passage_end(text, len, start, b > start ? b : start, length);
    end = before_marks(text, end, b > start ? b : start);

    size_t base = out->len;
    if ((cut_before || has_word(text, 0, start)) && tw_buf_puts(out, ELLIPSIS) < 0)
        goto oom;
    size_t at = start, lead = out->len;
    for (size_t k = 0; k < n_matches; k++) {
        if (m[k].start < at || m[k].end > end)
            continue;
        if (copy_text(out, lead, text, at, m[k].start) < 0)
            goto oom;
        size_t s = out->len - base;
        if (copy_text(out, lead, text, m[k].start, m[k].end) < 0 ||
            add_span(s, out->len - base, spans, n_spans, &cap) < 0)
            goto oom;
        at = m[k].end;
    }
    if (copy_text(out, lead, text, at, end) < 0)
        goto oom;
    while (out->len > lead && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if ((cut_after || has_word(text, end, len)) && tw_buf_puts(out, ELLIPSIS) < 0)
        goto oom;
    return 0;
oom:
    free(*spans);
    *spans = NULL;
    *n_spans = 0;
    return -1;
}
