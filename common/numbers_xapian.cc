/* numbers_xapian.cc - numbers written with separators, in their plain form
 * (numbers_xapian.h). */
#include "numbers_xapian.h"

#include <vector>

#include "accents_xapian.h"

extern "C" {
#include "utf8.h"
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Splits WORD into its groups of digits and the separators between them;
 * false unless it is digits and single full stops or commas between them. */
static bool number_groups(const std::string &word, std::vector<std::string> &groups,
                          std::string &seps)
{
    groups.assign(1, std::string());
    seps.clear();
    for (char c : word) {
        if (is_digit(c)) {
            groups.back() += c;
        } else if ((c == ',' || c == '.') && !groups.back().empty()) {
            seps += c;
            groups.emplace_back();
        } else {
            return false;
        }
    }
    return !groups.back().empty();
}

/* Whether GROUPS[0, N) are a number's thousands: a first group of one to
 * three digits that is no lone 0 nor starts with one, the others of three. */
static bool thousands(const std::vector<std::string> &groups, size_t n)
{
    if (groups[0].size() > 3 || groups[0][0] == '0')
        return false;
    for (size_t i = 1; i < n; i++)
        if (groups[i].size() != 3)
            return false;
    return true;
}

bool tw_number_plain(const std::string &word, std::string &plain)
{
    std::vector<std::string> groups;
    std::string seps;
    if (word.empty() || !is_digit(word[0]) || !number_groups(word, groups, seps) ||
        seps.empty())
        return false;
    size_t n = groups.size();
    size_t whole;   /* the groups before the decimals */
    if (seps.find_first_not_of(seps[0]) == std::string::npos && thousands(groups, n))
        whole = n;
    else if (n == 2 && seps[0] == ',')
        whole = 1;          /* a decimal comma: "3,5", "0,125" */
    else if (n > 2 && seps.find_first_not_of(seps[0]) == n - 2 && thousands(groups, n - 1))
        whole = n - 1;      /* "1,234.5", "1.234,5" */
    else
        return false;
    plain.clear();
    for (size_t i = 0; i < n; i++)
        plain += (i == whole ? "." : "") + groups[i];
    return plain != word;
}

/* Whether TERM has a full stop or a comma.  Asked of each term of each
 * article: find_first_of(",.") looked each byte up in the set with a call
 * to memchr, half of what adding the plain numbers cost (linux-doc). */
static bool has_separator(const std::string &term)
{
    for (char c : term)
        if (c == ',' || c == '.')
            return true;
    return false;
}

void tw_add_plain_numbers(Xapian::Document &doc)
{
    /* A number written two ways ("1,500", "1500") counts as the uses of
     * both. */
    tw_add_spellings(doc, [](const std::string &term) {
        size_t at;
        std::string plain;
        if (!has_separator(term) || !tw_text_term(term, &at) ||
            !tw_number_plain(term.substr(at), plain))
            return std::string();
        return term.substr(0, at) + plain;
    });
}

/* The length of the space at TEXT[AT] that may part a number's groups of
 * thousands: a space, a no-break space (U+00A0), a thin space (U+2009) or
 * a narrow no-break space (U+202F); 0 for anything else. */
static size_t group_space_at(const char *text, size_t len, size_t at)
{
    if (at >= len)
        return 0;
    if (text[at] == ' ')
        return 1;
    uint32_t cp;
    size_t n = tw_utf8_char_at(text, len, at, &cp);
    return cp == 0xa0 || cp == 0x2009 || cp == 0x202f ? n : 0;
}

/* Whether the character at TEXT[AT] goes on a number's word: a word
 * character, or a full stop or comma before a digit ("000,50"); or ties
 * it to another number, a hyphen or slash before a digit: Reuters' tables
 * write ranges so ("choice 1-3 300-600 lbs", "2-3 550/700"). */
static bool number_goes_on(const char *text, size_t len, size_t at)
{
    if (at >= len)
        return false;
    if ((text[at] == '.' || text[at] == ',' || text[at] == '-' || text[at] == '/') &&
        at + 1 < len && is_digit(text[at + 1]))
        return true;
    uint32_t cp;
    tw_utf8_char_at(text, len, at, &cp);
    return Xapian::Unicode::is_wordchar(cp);
}

/* Whether TEXT[AT, AT + 3) is a group of three digits that ends a word. */
static bool group_at(const char *text, size_t len, size_t at)
{
    return at + 3 <= len && is_digit(text[at]) && is_digit(text[at + 1]) &&
           is_digit(text[at + 2]) && !number_goes_on(text, len, at + 3);
}

/* Where the number whose first group ends at TEXT[AT] (a digit before a
 * group space) starts: one to three digits, no lone 0 nor a leading one,
 * a word of its own ("1.5 000" and "x15 000" are none); or LEN. */
static size_t first_group_start(const char *text, size_t len, size_t at)
{
    size_t start = at + 1;
    while (start > 0 && is_digit(text[start - 1]) && at + 1 - start < 4)
        start--;
    if (at + 1 - start > 3 || text[start] == '0')
        return len;
    if (start == 0)
        return start;
    return number_goes_on(text, len, tw_utf8_char_before(text, start)) ? len : start;
}

size_t tw_next_spaced_number(const char *text, size_t len, size_t from, size_t *end,
                             std::string &plain)
{
    for (size_t i = from; i + 1 < len; i++) {
        if (!is_digit(text[i]))
            continue;
        size_t space = group_space_at(text, len, i + 1);
        if (!space || !group_at(text, len, i + 1 + space))
            continue;
        size_t start = first_group_start(text, len, i);
        if (start == len || start < from)
            continue;
        plain.assign(text + start, i + 1 - start);
        *end = i + 1;
        for (; (space = group_space_at(text, len, *end)) && group_at(text, len, *end + space);
             *end += space + 3)
            plain.append(text + *end + space, 3);
        return start;
    }
    return len;
}
