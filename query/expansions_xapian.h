/* expansions_xapian.h - the words of an index's vocabulary that a query's
 * stems and wildcards stand for (SnippetTerms::positional, which
 * expansions_xapian.cc holds), kept on the handle. */
#ifndef TW_EXPANSIONS_XAPIAN_H
#define TW_EXPANSIONS_XAPIAN_H

#include <string>
#include <unordered_map>
#include <vector>

/* The words of an index's vocabulary that SnippetTerms::positional found
 * for a stem in a language or for a wildcard, kept on the handle (trawl_db)
 * from one search to the next: finding them walks the vocabulary and stems
 * each word it passes, 18 us of a search on linux-doc, and queries repeat
 * their words.  The handle clears it when it moves to a new revision, whose
 * vocabulary (and languages) may differ. */
class Expansions {
  public:
    /* The words found for KEY, or NULL. */
    const std::vector<std::string> *find(const std::string &key) const;
    /* Keeps WORDS for KEY; returns them as kept. */
    const std::vector<std::string> &add(const std::string &key, std::vector<std::string> words);
    void clear() { kept.clear(); }

  private:
    std::unordered_map<std::string, std::vector<std::string>> kept;
};

#endif
