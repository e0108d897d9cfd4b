/* expansions_xapian.cc - the words of an index's vocabulary that a query's
 * stems and wildcards stand for, and the handle's store of them. */
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>
#include <xapian.h>

extern "C" {
#include "schema.h"
}
#include "snippet_terms_xapian.h"
#include "accents_xapian.h"
#include "text_words_xapian.h"

/* Vocabulary words looked at for one stem or wildcard (SnippetTerms::positional). */
static const unsigned MAX_EXPANSION = 200;

/* Stems and wildcards an Expansions keeps at most. */
static const size_t MAX_EXPANSIONS_KEPT = 1024;

const std::vector<std::string> *Expansions::find(const std::string &key) const
{
    auto it = kept.find(key);
    return it == kept.end() ? nullptr : &it->second;
}

const std::vector<std::string> &Expansions::add(const std::string &key,
                                                std::vector<std::string> words)
{
    /* Bounded: when full, start again, as a new revision does; a handle
     * that searches this many different words gains little by keeping them. */
    if (kept.size() >= MAX_EXPANSIONS_KEPT)
        kept.clear();
    return kept[key] = std::move(words);
}

/* The first MAX_EXPANSION words of DB's vocabulary from START on that start
 * with it and that KEEP accepts. */
template <typename Keep>
static std::vector<std::string> vocabulary(const Xapian::Database &db, const std::string &start,
                                           Keep keep)
{
    std::vector<std::string> words;
    unsigned n = 0;
    for (Xapian::TermIterator t = db.allterms_begin(start);
         t != db.allterms_end(start) && n < MAX_EXPANSION; ++t, n++)
        if (keep(*t))
            words.push_back(*t);
    return words;
}

std::vector<std::pair<std::string, unsigned>> SnippetTerms::positional(
    const Xapian::Database &db, unsigned language, Expansions &known) const
{
    std::vector<std::pair<std::string, unsigned>> out(exact.begin(), exact.end());
    /* The words written with any accents, where the query asked for them
     * too: their positions are those of the accents' space. */
    std::unordered_set<std::string> accented;
    for (const auto &e : exact)
        if (unaccent && accented.insert(TW_PREFIX_ACCENTS + tw_unaccented(e.first)).second)
            out.emplace_back(TW_PREFIX_ACCENTS + tw_unaccented(e.first), e.second);
    for (const Word &e : starts) {
        std::string key = "*" + e.text;
        const std::vector<std::string> *words = known.find(key);
        if (!words)
            words = &known.add(key, vocabulary(db, e.text, [](const std::string &) {
                return true;
            }));
        for (const std::string &w : *words)
            out.emplace_back(w, e.concept);
    }
    /* Only the forms of the article's language: stemming the vocabulary in
     * the others, and looking their forms up in the article, finds nothing
     * more. */
    std::string in = language == ANY_LANGUAGE ? "*" : language ? codes[language - 1] : "";
    for (const auto &s : stems) {
        std::string key = "=" + in + "=" + s.first;
        const std::vector<std::string> *words = known.find(key);
        if (!words) {
            std::string start = s.first;
            if (start.size() > 2 && (start.back() == 'e' || start.back() == 'i'))
                start.pop_back();
            words = &known.add(key, vocabulary(db, start, [&](const std::string &t) {
                return t.size() <= TW_MAX_WORD && stems_to(t, language, s.first);
            }));
        }
        for (const std::string &w : *words)
            if (!exact.count(w))
                out.emplace_back(w, s.second);
    }
    return out;
}
