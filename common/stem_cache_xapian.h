/* stem_cache_xapian.h - a stemmer that remembers its answers.
 *
 * Why: the indexer's TermGenerator stems every word of every article, and
 * snippets (snippet_terms_xapian.h) stem the words of each hit's text that
 * could stem to a query word; news repeats its words across articles, so a
 * stemmer that remembers answers most of them from a hash table. */
#ifndef TW_STEM_CACHE_XAPIAN_H
#define TW_STEM_CACHE_XAPIAN_H

#include <string>
#include <unordered_map>
#include <xapian.h>

class StemCache : public Xapian::StemImplementation {
    Xapian::Stem real;
    std::unordered_map<std::string, std::string> known;

  public:
    explicit StemCache(const Xapian::Stem &stem) : real(stem) {}
    std::string operator()(const std::string &word) override;
    std::string get_description() const override;
};

/* A Xapian::Stem that stems as STEM does, remembering the answers (owned by
 * the returned object). */
Xapian::Stem tw_stem_cached(const Xapian::Stem &stem);

#endif
