/* accents_xapian.cc - the accents' space of an index (see the header). */
#include "accents_xapian.h"

#include <vector>

extern "C" {
#include "accents.h"
#include "schema.h"
}

size_t tw_term_word_at(const std::string &term)
{
    size_t at = 0;
    while (at < term.size() && term[at] >= 'A' && term[at] <= 'Z')
        at++;
    return at;
}

std::string tw_unaccented(const std::string &word)
{
    std::string out(word);
    out.resize(tw_unaccent(word.data(), word.size(), &out[0]));
    return out;
}

std::string tw_accents_term(const std::string &term, const std::string &word)
{
    size_t z = !term.empty() && term[0] == 'Z';
    return term.substr(0, z) + TW_PREFIX_ACCENTS + term.substr(z, tw_term_word_at(term) - z) +
           word;
}

bool tw_is_accents_term(const std::string &term)
{
    size_t z = !term.empty() && term[0] == 'Z';
    return term.compare(z, sizeof TW_PREFIX_ACCENTS - 1, TW_PREFIX_ACCENTS) == 0;
}

bool tw_text_term(const std::string &term, size_t *word_at)
{
    size_t z = !term.empty() && term[0] == 'Z';
    size_t at = tw_term_word_at(term);
    std::string prefix = term.substr(z, at - z);
    *word_at = at;
    return prefix.empty() || prefix == TW_PREFIX_TITLE || prefix == TW_PREFIX_AUTHOR;
}

static bool has_non_ascii(const std::string &s)
{
    for (char c : s)
        if ((unsigned char)c >= 0x80)
            return true;
    return false;
}

void tw_add_unaccented(Xapian::Document &doc)
{
    /* "résumé" and "resumé" in one text add up in the accents' space. */
    tw_add_spellings(doc, [](const std::string &term) {
        size_t at;
        /* Most words of most text are ASCII: one pass over the bytes. */
        if (!has_non_ascii(term) || !tw_text_term(term, &at))
            return std::string();
        std::string word = term.substr(at), plain = tw_unaccented(word);
        return plain == word ? std::string() : tw_accents_term(term, plain);
    });
}
