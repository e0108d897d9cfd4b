/* author_names.c - the people an author field names (author_names.h). */
#include <stdbool.h>
#include <string.h>
#include <unicode/uchar.h>

#include "author_names.h"
#include "utf8.h"

/* The words that join the last two names, between spaces. */
static const char *const AND_WORDS[] = { "and", "&", "und", "et", "y", "e", "en", "og",
                                         "och", NULL };

/* Lower-case words within a name: "Ludwig van Beethoven", "Rocío de Souza". */
static const char *const PARTICLES[] = { "van", "von", "de", "da", "di", "del", "della", "der",
                                         "den", "des", "du", "la", "le", "ten", "ter", "bin",
                                         "ibn", "al", "el", NULL };

static bool listed(const char *const *list, const char *w, size_t len)
{
    for (; *list; list++)
        if (strlen(*list) == len && memcmp(*list, w, len) == 0)
            return true;
    return false;
}

/* Where the separator at P in [P, END) ends, or NULL when none starts
 * there: a comma or semicolon (and the spaces after it), or an AND_WORDS
 * word between spaces. */
static const char *separator_end(const char *p, const char *end)
{
    if (*p == ',' || *p == ';') {
        for (p++; p < end && *p == ' '; p++)
            ;
        return p;
    }
    if (*p != ' ')
        return NULL;
    const char *w = p + 1, *e = w;
    while (e < end && *e != ' ')
        e++;
    if (e < end && e > w && listed(AND_WORDS, w, (size_t)(e - w)))
        return e + 1;
    return NULL;
}

/* Whether [P, END) reads as a person's name (author_names.h). */
static bool person(const char *p, const char *end)
{
    unsigned words = 0, capitals = 0;
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        const char *w = p;
        while (p < end && *p != ' ')
            p++;
        if (p == w)
            break;
        words++;
        for (const char *c = w; c < p; c++)
            if (*c >= '0' && *c <= '9')
                return false;
        uint32_t cp;
        tw_utf8_decode(w, (size_t)(p - w), &cp);
        if (u_isupper((UChar32)cp) || u_istitle((UChar32)cp))
            capitals++;
        else if (!listed(PARTICLES, w, (size_t)(p - w)))
            return false;
    }
    return words >= 2 && words <= 5 && capitals >= 2;
}

size_t tw_author_names(const char *author, size_t len, tw_slice *names, size_t max)
{
    if (!max)
        return 0;
    const char *end = author + len, *start = author;
    size_t n = 0;
    for (const char *p = author; p <= end; p++) {
        const char *next = p < end ? separator_end(p, end) : end;
        if (!next)
            continue;
        if (p == end && n == 0)
            break;      /* no separator: one name, whatever it reads as */
        if (n == max || !person(start, p))
            break;
        const char *last = p;
        while (last > start && last[-1] == ' ')
            last--;
        while (start < last && *start == ' ')
            start++;
        names[n].ptr = start;
        names[n].len = (size_t)(last - start);
        n++;
        if (p == end)
            return n;
        start = next;
        p = next - 1;
    }
    names[0].ptr = author;
    names[0].len = len;
    return 1;
}
