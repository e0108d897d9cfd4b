/* compound_xapian.cc - the words a hyphen joins, and where they start and
 * end (compound_xapian.h). */
#include "compound_xapian.h"

#include <xapian.h>

extern "C" {
#include "utf8.h"
}
#include "elision_xapian.h"

static bool is_word(uint32_t cp)
{
    return Xapian::Unicode::is_wordchar(cp);
}

static bool is_hyphen(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Whether CP is a line break or the indent of a line, which stand between
 * a hyphen that ends a line and the rest of its word. */
static bool is_wrap_space(uint32_t cp)
{
    return cp == '\r' || cp == '\n' || cp == ' ' || cp == '\t';
}

/* How many bytes of TEXT from AT on are a line break and the indent of
 * the next line: a hyphen that ends a line of hard-wrapped text joins the
 * word it splits ("infra-\nstructure") as one inside a line does. */
static size_t line_break_at(const char *text, size_t len, size_t at)
{
    size_t i = at + (at < len && text[at] == '\r');
    if (i >= len || text[i] != '\n')
        return 0;
    for (i++; i < len && (text[i] == ' ' || text[i] == '\t');)
        i++;
    return i - at;
}

/* Whether the term generator keeps CP inside a word when word characters
 * stand on both sides of it: "&" and apostrophes between letters, the
 * separators of a number's digits, the invisible joiners; and "+" and "#"
 * end one ("C++").  Taken so whatever stands beside them, to be safe. */
static bool kept_in_word(uint32_t cp)
{
    static const uint32_t KEPT[] = { '&',    '.',    ',',    ';',    '+',    '#',
                                     0x37e,  0x589,  0x60d,  0x7f8,  0x200b, 0x200c,
                                     0x200d, 0x2044, 0x2060, 0xfe10, 0xfe13, 0xfe14,
                                     0xfeff };
    if (tw_is_apostrophe(cp))
        return true;
    for (uint32_t k : KEPT)
        if (cp == k)
            return true;
    return false;
}

/* The character before TEXT[AT] (AT > 0) in *CP; returns where it starts. */
static size_t char_before(const char *text, size_t at, uint32_t *cp)
{
    size_t j = tw_utf8_char_before(text, at);
    tw_utf8_char_at(text, at, j, cp);
    return j;
}

/* Whether the word characters at TEXT[AT] start a word of their own: no
 * word character before them, nor a hyphen or a character kept inside a
 * word that one stands before -- but for an apostrophe that splits its
 * word (elision_xapian.h), which the writer reads as a space. */
static bool starts_word(const char *text, size_t len, size_t at)
{
    if (at == 0)
        return true;
    uint32_t cp;
    size_t j = char_before(text, at, &cp);
    if (is_word(cp))
        return false;
    if (j == 0 || !(is_hyphen(cp) || kept_in_word(cp)))
        return true;
    uint32_t before;
    char_before(text, j, &before);
    return !is_word(before) || (tw_is_apostrophe(cp) && tw_elision_at(text, len, j));
}

/* Whether the compound that ends at TEXT[END] ends a word there: no
 * character that the term generator keeps inside a word goes on to another
 * word character, but for an apostrophe that splits its word. */
static bool ends_word(const char *text, size_t len, size_t end)
{
    if (end >= len)
        return true;
    uint32_t cp, next;
    size_t n = tw_utf8_char_at(text, len, end, &cp);
    if (cp == '+' || cp == '#')
        return false;
    if (!kept_in_word(cp) || end + n >= len)
        return true;
    tw_utf8_char_at(text, len, end + n, &next);
    return !is_word(next) || (tw_is_apostrophe(cp) && tw_elision_at(text, len, end));
}

/* The part of a compound at TEXT[AT]: its word characters, lower-cased,
 * appended to JOINED, and whether any is not a digit to *LETTERS.  Returns
 * its end, or AT when it is no part (none, too long, or Chinese, Japanese
 * or Korean, which the term generator splits otherwise). */
static size_t part_end(const char *text, size_t len, size_t at, std::string &joined,
                       bool *letters)
{
    size_t i = at, chars = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = tw_utf8_char_at(text, len, i, &cp);
        if (!is_word(cp))
            break;
        if (tw_utf8_is_cjk(cp) || ++chars > TW_COMPOUND_PART_MAX)
            return at;
        *letters |= !(cp >= '0' && cp <= '9');
        Xapian::Unicode::append_utf8(joined, Xapian::Unicode::tolower(cp));
        i += n;
    }
    return i;
}

size_t tw_compound_at(const char *text, size_t len, size_t at, std::string &joined)
{
    joined.clear();
    if (!starts_word(text, len, at))
        return at;
    bool letters = false;
    size_t end = at;
    unsigned parts = 1;
    for (;; parts++) {
        size_t next = part_end(text, len, end, joined, &letters);
        if (next == end)
            return at;
        end = next;
        uint32_t cp, after;
        size_t n = end < len ? tw_utf8_char_at(text, len, end, &cp) : 0;
        if (!n || !is_hyphen(cp))
            break;
        n += line_break_at(text, len, end + n);
        if (end + n >= len)
            break;
        tw_utf8_char_at(text, len, end + n, &after);
        if (!is_word(after))
            break;
        if (parts == 3)
            return at;          /* a longer chain: "state-of-the-art" */
        end += n;
    }
    /* One part, or no letter: "2024-01-05". */
    if (parts == 1 || !letters || !ends_word(text, len, end))
        return at;
    return end;
}

/* Where the word that ends at TEXT[AT] starts, or AT when it is longer than
 * a part of a compound. */
static size_t part_start(const char *text, size_t at)
{
    size_t start = at;
    for (size_t chars = 0; start > 0 && chars <= TW_COMPOUND_PART_MAX; chars++) {
        uint32_t cp;
        size_t j = char_before(text, start, &cp);
        if (!is_word(cp))
            return start;
        start = j;
    }
    return start == 0 ? start : at;
}

size_t tw_next_compound(const char *text, size_t len, size_t from, size_t *end,
                        std::string &joined)
{
    /* The hyphens' first bytes are looked for with memchr: most words have
     * none. */
    tw_either dashes;
    tw_either_start(&dashes, text, len, from, '-', 0xe2);
    for (size_t i; (i = tw_either_next(&dashes)) < len;) {
        size_t start = i > from ? part_start(text, i) : i;
        if (start < i && start >= from && (*end = tw_compound_at(text, len, start, joined)) > start)
            return start;
    }
    return len;
}

std::vector<std::string> tw_compound_parts(const char *text, size_t len)
{
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += tw_utf8_char_at(text, len, i, &cp);
        if (is_hyphen(cp))
            parts.emplace_back();
        else if (!is_wrap_space(cp))
            Xapian::Unicode::append_utf8(parts.back(), Xapian::Unicode::tolower(cp));
    }
    return parts;
}
