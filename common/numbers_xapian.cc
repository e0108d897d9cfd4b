/* numbers_xapian.cc - numbers written with separators, in their plain form
 * (numbers_xapian.h). */
#include "numbers_xapian.h"

#include <vector>

#include "accents_xapian.h"

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

void tw_add_plain_numbers(Xapian::Document &doc)
{
    /* A number written two ways ("1,500", "1500") counts as the uses of
     * both. */
    tw_add_spellings(doc, [](const std::string &term) {
        size_t at;
        std::string plain;
        if (term.find_first_of(",.") == std::string::npos || !tw_text_term(term, &at) ||
            !tw_number_plain(term.substr(at), plain))
            return std::string();
        return term.substr(0, at) + plain;
    });
}
