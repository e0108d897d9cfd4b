/* snippet_terms_xapian.h - find a query's words in an article's text, the way
 * the indexer's term generator split and stemmed them, for the snippet
 * (snippet.h) and the highlights. */
#ifndef TW_SNIPPET_TERMS_XAPIAN_H
#define TW_SNIPPET_TERMS_XAPIAN_H

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <xapian.h>

extern "C" {
#include "hans.h"
#include "sea_words.h"
#include "snippet.h"
}
#include "expansions_xapian.h"

class SnippetTerms {
  public:
    /* A hit whose language is not known: its words are matched by their
     * stems in every language. */
    static const unsigned ANY_LANGUAGE = ~0u;

    /* The words of QUERY that text indexed under PREFIX ("" for the body, a
     * field's prefix for a field) or without one can match: those MSET
     * weighed, each by its rarity among the DOCUMENTS searched.  (Not by
     * MSet::get_termweight: over several indexes Xapian 1.4 adds up each
     * one's, and the passage chosen would change with the split.)  STEM is
     * the index's stemmer (empty for none), LANGUAGE
     * its name; LANGUAGES the stemmers of the other languages it holds, by
     * ISO 639-1 code, when it stems each article in its own (the query then
     * has each word's stems in all of them as a synonym: languages_xapian.h,
     * tw_db_in_languages).  OWN_LANGUAGE: each article was stemmed in its
     * language alone (trawl_db.own_language), so that its words match by
     * that language's stems (language_of) and not by every one's.
     * ELISIONS: the index split elided words (trawl_db.elisions), and the
     * text's words are split so too.  SEA: splits the text's Thai, Lao,
     * Khmer and Burmese runs into words, as the index did (tw_db_sea);
     * NULL when it did not.  HANS: reads the text's traditional Chinese
     * characters as simplified ones, as the index did (tw_db_hans); NULL
     * when it did not. */
    SnippetTerms(const Xapian::Query &query, const Xapian::MSet &mset,
                 Xapian::doccount documents, const Xapian::Stem &stem, const std::string &language,
                 const std::vector<std::pair<std::string, Xapian::Stem>> &languages,
                 bool own_language, bool elisions, tw_sea_splitter *sea, tw_hans *hans,
                 const std::string &prefix);

    /* The language to match an article's words in, given its code (CODE,
     * LEN bytes; NULL for none): an index into the stemmers, or
     * ANY_LANGUAGE. */
    unsigned language_of(const char *code, size_t len) const;

    /* Appends to OUT, in text order, the words of TEXT, an article's in
     * LANGUAGE (language_of), that match.  Once every query word has been
     * seen within LENGTH bytes it stops at the end of that stretch: no later
     * passage could hold more of them. */
    void find(const char *text, size_t len, size_t length, unsigned language,
              std::vector<tw_match> &out) const;

    /* The indexed words, with positions, that match in an article in
     * LANGUAGE (language_of), each with its concept:
     * where in a long text the query's words are, known without reading it
     * (excerpt_xapian.h).  They are the words to match as they are, the
     * words of DB's vocabulary a wildcard expands to, and those that stem to
     * a stem looked for, found among the words that start as the stem does
     * less a last "e" or "i" that stemming may have made ("move" of
     * "moving", "happi" of "happy").  At most MAX_EXPANSION (expansions_xapian.cc) words for each
     * stem or wildcard: the rarest forms of a very common start may go
     * unseen, and the passage is then chosen from the others.  What DB's
     * vocabulary gives is looked up in, or added to, KNOWN. */
    std::vector<std::pair<std::string, unsigned>> positional(const Xapian::Database &db,
                                                             unsigned language,
                                                             Expansions &known) const;

    /* Which of FOUND (the matches of single words, in text order) to keep:
     * not those of words that the query looks for only inside phrases and
     * that stand in none of them here ("adolescente luana", quoted, lights
     * the Luana after "adolescente", not every Luana).  PLACE[k] is the
     * number of the word FOUND[k] is (a term position, or a count one
     * higher from a word to the next). */
    std::vector<bool> phrase_kept(const std::vector<tw_match> &found,
                                   const std::vector<size_t> &place) const;

    /* Whether the query looks for words under PREFIX (a field's, such as
     * TW_PREFIX_TITLE) that these terms, made for the body (PREFIX ""),
     * left out.  When it does not, terms made for PREFIX would find just
     * what these find, and these serve: the query is walked once, not
     * again for the titles. */
    bool looks_under(const std::string &prefix) const;

    const double *weights() const { return weight.data(); }
    unsigned concepts() const { return (unsigned)weight.size(); }

    /* How many words of the texts find() scanned were stemmed to be
     * matched (search_work.h, snippet_stems). */
    unsigned long words_stemmed() const { return stems_made; }
    /* How many words of the vocabulary positional() stemmed (search_work.h,
     * form_stems). */
    unsigned long forms_stemmed() const { return forms_made; }

  private:
    struct Word {
        std::string text;
        unsigned concept;
    };
    /* Looked up by hashing: a query may have thousands of words, each looked
     * for in every word of the text. */
    std::unordered_map<std::string, unsigned> exact;   /* words to match as they
                                                          are, and their concept */
    std::unordered_map<std::string, unsigned> stems;   /* stems to match words'
                                                          stems against */
    std::vector<Word> starts;  /* wildcards: the start of words to match */
    std::vector<std::string> keys;  /* a concept's stem */
    std::vector<double> weight;     /* a concept's weight */
    std::unordered_map<std::string, unsigned> concept_index;   /* keys' inverse */
    /* The index's stemmer first, then its other languages' (when each
     * article was stemmed in its own, or a word of the query has forms in
     * them), with their codes after the first. */
    std::vector<Xapian::Stem> stemmers;
    std::vector<std::string> codes;
    bool own_language;
    bool elisions;
    tw_sea_splitter *sea;
    tw_hans *hans;
    /* Whether each of the stemmers keeps a word's first letter (when ASCII),
     * and the first bytes of the stems: a word that starts otherwise is not
     * stemmed at all by one that does. */
    std::vector<bool> keeps_first;
    bool first[256] = {};
    /* Whether each of the stemmers is English's (Porter2): each of its
     * steps takes a suffix off and puts back at most two letters of its
     * own ("ational" -> "ate", "y" -> "i", "hop" -> "hope"), so that a stem
     * but its last two bytes is how its word starts ("gener" of "general"
     * for "generalized", "d" of "die" for "dying").  And those starts of
     * the stems looked for: a word that starts as none of them does is not
     * stemmed (head_filter, false when a stem of two bytes or fewer makes
     * any word a candidate). */
    std::vector<bool> keeps_head;
    std::vector<std::string> heads;
    bool head_filter = false;
    /* Whether the stemmers of LANGUAGE (language_of) keep the heads of
     * stems, and whether WORD starts as one of the heads. */
    bool head_kept(unsigned language) const;
    bool starts_as_a_stem(const std::string &word) const;
    mutable unsigned long stems_made = 0;   /* words_stemmed() */
    mutable unsigned long forms_made = 0;   /* forms_stemmed() */
    /* The first bytes a matching word can start with (lower-cased), when
     * the stemmers keep first letters. */
    bool lead[256] = {};
    /* Whether the stemmers of LANGUAGE (language_of) keep first letters. */
    bool first_kept(unsigned language) const;
    /* Chinese, Japanese and Korean characters that a pair of the query's
     * holds: the query asked for the pair, and the character alone in other
     * words is not what it asked for. */
    std::unordered_set<std::string> paired;
    /* The query holds several such characters alone: a phrase of them, as
     * the parser makes of a quoted run.  One of them then matches only
     * beside another. */
    bool cjk_phrase = false;
    /* The characters of the query's quoted phrases of them: a phrase's
     * character matches beside another of the phrase's even when a pair of
     * the query holds it too ("新冠疫情" 冠疫 lights 新冠疫情, not 冠疫). */
    std::unordered_set<std::string> phrased;
    /* The query's phrases (not of Chinese, Japanese or Korean characters,
     * which cjk_match places), each as the concepts each of its words may
     * be; and which concepts the query looks for only inside them. */
    std::vector<std::vector<std::vector<unsigned>>> phrases;
    std::vector<bool> phrase_only;
    bool any_phrase_only = false;
    /* The query looks for words with other accents (languages_xapian.h,
     * tw_db_in_languages): a word of the text is also tried without its
     * accents. */
    bool unaccent = false;

    /* The first letters of the prefixes of the query's words left out
     * (note_prefix): what looks_under asks. */
    bool under[26] = {};
    void note_prefix(const std::string &term, size_t at);

    unsigned concept_of(const std::string &stemmed, double w);
    bool unprefixed(const std::string &term, size_t at, const std::string &prefix,
                    std::string *word) const;
    void add_wildcards(const Xapian::Query &query, const std::string &prefix);
    void add_phrased(const Xapian::Query &query, const std::string &prefix);
    bool term_concept(const std::string &term, const std::string &prefix, unsigned *c) const;
    bool add_phrase(const Xapian::Query &phrase, const std::string &prefix);
    void add_phrases(const Xapian::Query &query, const std::string &prefix,
                     std::vector<bool> &loose);
    bool match(const std::string &word, unsigned language, unsigned *concept) const;
    bool match_as_is(const std::string &word, unsigned language, unsigned *concept) const;
    bool stems_to(const std::string &word, unsigned language, const std::string &stemmed) const;
    std::unordered_map<std::string, unsigned>::const_iterator lone_cjk(
        const std::string &c) const;
    bool lone_cjk_at(const char *text, size_t len, size_t i) const;
    bool cjk_match(const char *text, size_t len, size_t i, size_t *end,
                   unsigned *concept) const;
    void run_matches(const char *text, size_t len, size_t i, size_t end, unsigned language,
                     std::vector<tw_match> &found) const;
};

#endif
