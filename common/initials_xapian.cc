/* initials_xapian.cc - initials written with full stops, in either case
 * (initials_xapian.h). */
#include "initials_xapian.h"

#include <cstring>
#include <xapian.h>

extern "C" {
#include "utf8.h"
}

static bool ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether the character at TEXT[AT] is a word character (none past LEN). */
static bool word_at(const char *text, size_t len, size_t at)
{
    uint32_t cp;
    return at < len && (tw_utf8_char_at(text, len, at, &cp), Xapian::Unicode::is_wordchar(cp));
}

size_t tw_initials_end(const char *text, size_t len, size_t at)
{
    size_t end = at, letters = 0;
    while (end < len && ascii_letter(text[end])) {
        letters++;
        end++;
        if (end == len || text[end] != '.')
            break;
        end++;
    }
    return letters >= 2 && !word_at(text, len, end) ? end : at;
}

std::string tw_initials_word(const char *text, size_t at, size_t end)
{
    std::string letters;
    for (size_t i = at; i < end; i += 2)
        letters += (char)(text[i] | 0x20);
    return letters;
}

size_t tw_next_small_initials(const char *text, size_t len, size_t from, size_t *end)
{
    /* Found by their first full stop: most text has few. */
    for (const char *dot; from < len && (dot = (const char *)std::memchr(text + from, '.',
                                                                           len - from));) {
        size_t at = dot - text;
        size_t start = at - 1;
        from = at + 1;
        if (at == 0 || !ascii_letter(text[start]) ||
            (start > 0 && word_at(text, len, tw_utf8_char_before(text, start))))
            continue;
        *end = tw_initials_end(text, len, start);
        for (size_t i = start; i < *end; i += 2)
            if (text[i] >= 'a' && text[i] <= 'z')
                return start;
        from = *end > from ? *end : from;
    }
    return len;
}

static bool ascii_capital(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Where the run of ASCII letters from TEXT[AT] on ends. */
static size_t letters_end(const char *text, size_t len, size_t at)
{
    while (at < len && ascii_letter(text[at]))
        at++;
    return at;
}

/* Whether TEXT[AT, END) is a word of ASCII letters all in capitals, two or
 * more. */
static bool in_capitals(const char *text, size_t at, size_t end)
{
    if (end - at < 2)
        return false;
    for (size_t i = at; i < end; i++)
        if (!ascii_capital(text[i]))
            return false;
    return true;
}

/* Whether TEXT[AT, END) are capitals that are initials written without
 * full stops: two to TW_INITIALS_CAPITALS_MAX ASCII capitals, a word of
 * their own. */
static bool bare_initials(const char *text, size_t len, size_t at, size_t end)
{
    if (end - at > TW_INITIALS_CAPITALS_MAX || !in_capitals(text, at, end) ||
        (at > 0 && word_at(text, len, tw_utf8_char_before(text, at))) || word_at(text, len, end))
        return false;
    /* "AT&T", "AT'S": the term generator reads a longer word. */
    return !(end + 1 < len && (text[end] == '&' || text[end] == '\'') &&
             word_at(text, len, end + 1));
}

/* Whether the word before TEXT[AT] or the one from END on (past spaces and
 * punctuation, within a few bytes) is in capitals: then so is the line,
 * a headline's, whose capitals say nothing. */
static bool capitals_around(const char *text, size_t len, size_t at, size_t end)
{
    size_t i = at, gap = 0;
    while (i > 0 && !ascii_letter(text[i - 1]) && gap++ < 4)
        i--;
    size_t start = i;
    while (start > 0 && ascii_letter(text[start - 1]))
        start--;
    if (start < i && in_capitals(text, start, i))
        return true;
    for (i = end, gap = 0; i < len && !ascii_letter(text[i]) && gap++ < 4;)
        i++;
    return in_capitals(text, i, letters_end(text, len, i));
}

std::string tw_initials_mark(const std::string &letters)
{
    std::string mark;
    for (char c : letters) {
        mark += (char)(c | 0x20);
        mark += '.';
    }
    return mark;
}

bool tw_initials_letters(const std::string &word, std::string &letters)
{
    if (word.size() < 4 || word.size() % 2)
        return false;
    letters.clear();
    for (size_t i = 0; i < word.size(); i += 2) {
        if (!ascii_letter(word[i]) || word[i + 1] != '.')
            return false;
        letters += word[i];
    }
    return true;
}

size_t tw_next_initials_mark(const char *text, size_t len, size_t from, size_t *end,
                             std::string &mark)
{
    for (size_t at = from; at < len; at++) {
        if (!ascii_capital(text[at]) ||
            (at > 0 && word_at(text, len, tw_utf8_char_before(text, at))))
            continue;
        std::string letters;
        *end = tw_initials_end(text, len, at);
        if (*end > at + 1 && text[at + 1] == '.') {
            letters = tw_initials_word(text, at, *end);
        } else {
            *end = letters_end(text, len, at);
            if (!bare_initials(text, len, at, *end) || capitals_around(text, len, at, *end)) {
                at = *end;
                continue;
            }
            letters.assign(text + at, *end - at);
        }
        mark = tw_initials_mark(letters);
        return at;
    }
    return len;
}
