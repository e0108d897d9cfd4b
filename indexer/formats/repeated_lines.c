/* repeated_lines.c - a long line of a page's article said once (see
 * repeated_lines.h). */
#include "repeated_lines.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

/* A long line kept: where it is once moved up, and its hash. */
typedef struct {
    size_t at, len;     /* len 0: an empty place of the table */
    uint64_t hash;
} kept_line;

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The number of long enough lines TEXT could hold: the table's load. */
static size_t most_long_lines(const char *text, size_t len)
{
    size_t lines = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        lines++;
    size_t fit = len / TW_REPEATED_LINE_MIN + 1;
    return lines < fit ? lines : fit;
}

/* Whether the line [START, START + N) of TEXT, its hash H, is in TABLE
 * (MASK + 1 places); if not, it is put there, at AT. */
static bool seen_before(kept_line *table, size_t mask, const char *text, const char *start,
                        size_t n, uint64_t h, size_t at)
{
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        kept_line *k = &table[i];
        if (!k->len) {
            *k = (kept_line){ at, n, h };
            return false;
        }
        if (k->hash == h && k->len == n && memcmp(text + k->at, start, n) == 0)
            return true;
    }
}

size_t tw_drop_repeated_lines(char *text, size_t len)
{
    if (len < 2 * TW_REPEATED_LINE_MIN)
        return len;
    size_t places = 16;
    while (places < 2 * most_long_lines(text, len))
        places *= 2;
    kept_line *table = calloc(places, sizeof *table);
    if (!table)
        return len;
    size_t out = 0, in = 0;
    while (in < len) {
        const char *nl = memchr(text + in, '\n', len - in);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;    /* past the newline */
        size_t a = in, b = nl ? end - 1 : end;
        while (a < b && blank(text[a]))
            a++;
        while (b > a && blank(text[b - 1]))
            b--;
        size_t lead = a - in;   /* where the words start, in the line */
        bool drop = b - a >= TW_REPEATED_LINE_MIN &&
                    seen_before(table, places - 1, text, text + a, b - a,
                                tw_hash64(text + a, b - a), out + lead);
        if (!drop) {
            memmove(text + out, text + in, end - in);
            out += end - in;
        }
        in = end;
    }
    free(table);
    return out;
}
