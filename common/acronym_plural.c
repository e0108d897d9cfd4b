/* acronym_plural.c - the plurals of acronyms (acronym_plural.h). */
#include "acronym_plural.h"

static int is_capital(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether byte C may belong to a word: an ASCII letter or digit, or any
 * byte of a character outside ASCII (taken as a letter, to be safe). */
static int word_byte(char c)
{
    return is_capital(c) || is_digit(c) || (c >= 'a' && c <= 'z') || c == '_' ||
           (unsigned char)c >= 0x80;
}

/* Whether TEXT[AT] goes on with the word before it: a word byte, or a
 * character the term generator keeps inside a word before one. */
static int goes_on(const char *text, size_t len, size_t at)
{
    if (at >= len)
        return 0;
    if (word_byte(text[at]))
        return 1;
    return (text[at] == '&' || text[at] == '\'' || text[at] == '.' || text[at] == ',') &&
           at + 1 < len && word_byte(text[at + 1]);
}

size_t tw_acronym_plural_at(const char *text, size_t len, size_t at)
{
    if (at > 0 && (word_byte(text[at - 1]) || text[at - 1] == '-' || text[at - 1] == '&' ||
                   text[at - 1] == '\'' || text[at - 1] == '.'))
        return at;
    size_t i = at;
    int capitals = 0;
    while (i < len && (is_capital(text[i]) || is_digit(text[i])))
        capitals += is_capital(text[i++]);
    if (!capitals || i - at < 2 || i >= len || text[i] != 's' || goes_on(text, len, i + 1))
        return at;
    return i;
}

size_t tw_next_acronym_plural(const char *text, size_t len, size_t from, size_t *end)
{
    /* Found by the capital or digit before their "s". */
    for (size_t i = from + 1; i < len; i++) {
        if (text[i] != 's' || !(is_capital(text[i - 1]) || is_digit(text[i - 1])))
            continue;
        size_t start = i - 1;
        while (start > from && (is_capital(text[start - 1]) || is_digit(text[start - 1])))
            start--;
        if ((*end = tw_acronym_plural_at(text, len, start)) > start)
            return start;
    }
    return len;
}
