/* stem_cache_xapian.h - a stemmer that remembers its answers.
 *
 * Why: the indexer's TermGenerator stems every word of every article, and
 * snippets (snippet_terms_xapian.h) stem the words of each hit's text that
 * could stem to a query word; news repeats its words across articles, so a
 * stemmer that remembers answers most of them from a table.
 *
 * The table is direct-mapped (a word has one slot, and a newcomer takes it
 * over): a lookup touches one slot, the memory is fixed, and the few
 * thousand words that make most of any text stay in it.  A hash map of every
 * word seen cost more in cache misses than Snowball's English stemmer does. */
#ifndef TW_STEM_CACHE_XAPIAN_H
#define TW_STEM_CACHE_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

class StemCache : public Xapian::StemImplementation {
    struct slot {
        std::string word, stem;
    };
    Xapian::Stem real;
    std::vector<slot> slots;    /* empty until the first word */
    size_t misses = 0;          /* since the table last grew */
    bool for_index;
    void grow();

  public:
    /* FOR_INDEX: see tw_stem_for_index. */
    StemCache(const Xapian::Stem &stem, bool for_index);
    std::string operator()(const std::string &word) override;
    std::string get_description() const override;
};

/* A Xapian::Stem that stems as STEM does, remembering the answers (owned by
 * the returned object). */
Xapian::Stem tw_stem_cached(const Xapian::Stem &stem);

/* The same for the indexer's term generator, with no stem (an empty one)
 * for a Chinese, Japanese or Korean character or pair, or a word of a Thai,
 * Lao, Khmer or Burmese run: the term generator then adds no "Z" term
 * beside it.  The query searches those as they are, never by a stem, so
 * such terms only doubled the postings of that text (and no Snowball
 * stemmer is for those four languages). */
Xapian::Stem tw_stem_for_index(const Xapian::Stem &stem);

/* Whether WORD is one that stemmer gives no stem: a Chinese, Japanese or
 * Korean character or pair, or a word of a Thai, Lao, Khmer or Burmese run
 * (sea_words.h).  A stemmed index has it unprefixed, with no "Z" term. */
bool tw_index_unstemmed(const std::string &word);
/* The same for the LEN bytes at WORD. */
bool tw_index_unstemmed(const char *word, size_t len);

#endif
