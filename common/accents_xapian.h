/* accents_xapian.h - the accents' space of an index (schema.h,
 * TW_PREFIX_ACCENTS): the writer files each accented word there without its
 * accents, and the query looks a word up there, and without its accents,
 * besides as typed. */
#ifndef TW_ACCENTS_XAPIAN_H
#define TW_ACCENTS_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

/* Where the word of TERM starts: after a stem's "Z" and a field's capitals. */
size_t tw_term_word_at(const std::string &term);

/* Whether TERM is a word of the text or of the title or author field,
 * stemmed or not, and not a key's (id, path, url, site, lang...); sets
 * *WORD_AT to where its word starts (tw_term_word_at). */
bool tw_text_term(const std::string &term, size_t *word_at);

/* WORD without its accents (common/accents.h); WORD itself when it has none. */
std::string tw_unaccented(const std::string &word);

/* TERM (a text term: "Z" for a stem, then "S" or "A" for a field) as the
 * accents' space holds WORD: "Z" kept, then TW_PREFIX_ACCENTS, the field's
 * prefix and WORD. */
std::string tw_accents_term(const std::string &term, const std::string &word);

/* Whether TERM is in the accents' space. */
bool tw_is_accents_term(const std::string &term);

/* Adds to DOC, for each of its terms that OTHER(term) gives another
 * spelling of ("" for none), that spelling with the term's positions and
 * count: two spellings of one word in a text add up, as the term generator
 * adds up one word's uses.  The terms are collected first: adding terms
 * while walking them would upset the walk. */
template <class Other> void tw_add_spellings(Xapian::Document &doc, Other other)
{
    struct Spelling {
        std::string term;
        Xapian::termcount wdf;
        std::vector<Xapian::termpos> positions;
    };
    std::vector<Spelling> add;
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        std::string spelt = other(*t);
        if (spelt.empty())
            continue;
        add.push_back({ spelt, t.get_wdf(), {} });
        for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            add.back().positions.push_back(*p);
    }
    for (const Spelling &s : add) {
        for (Xapian::termpos p : s.positions)
            doc.add_posting(s.term, p, 0);
        doc.add_term(s.term, s.wdf);
    }
}

/* Files in the accents' space each text term of DOC whose word has accents,
 * with its positions and count, once the term generator has indexed all
 * the article's text.  Words without accents, and key terms (ids, paths,
 * urls, sites), are left alone. */
void tw_add_unaccented(Xapian::Document &doc);

#endif
