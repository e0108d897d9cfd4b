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
