/* topic_words_xapian.h - the words an article repeats, kept with it.
 *
 * Why: pseudo-relevance feedback (query/ranking_xapian.h) reads the words
 * the first ten hits of a search use twice or more.  Read from the hits'
 * term lists, that cost most of a ranked search: glass keeps a term list as
 * one deflated record, fields and all, and inflates it whole.  The indexer
 * keeps those words in a value slot (TW_SLOT_TOPIC) instead, a few hundred
 * bytes that are read as they are.
 *
 * The value: "l" for an article too long to be read for feedback, else "w",
 * its length in words (decimal, then a space), and per word its count
 * (one byte, 2..255, counts above 255 written as 255) then the word and a
 * NUL, in term order (stemmed, a word is its stem without the 'Z', except
 * that a word with no stem, a Chinese, Japanese or Korean character or
 * pair or a Thai, Lao, Khmer or Burmese word (tw_index_unstemmed), is its
 * term).  An article indexed before the slot has no value: readers
 * then take its term list. */
#ifndef TW_TOPIC_WORDS_XAPIAN_H
#define TW_TOPIC_WORDS_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

/* Articles longer than this many words are not read for feedback: a long
 * article says many things, and reading it costs in proportion. */
#define TW_TOPIC_MAX_LENGTH 1000

struct TwTopicWord {
    std::string term;           /* as the index has it ('Z' first when stemmed,
                                   but for the words tw_index_unstemmed) */
    Xapian::termcount wdf;
};

/* A topic word is used at least this often: what an article says once in
 * passing says little of its subject. */
#define TW_TOPIC_USES 2

/* The topic words among the terms from T to END (a term list, in term
 * order), into WORDS: the words (the stemmed forms when STEMMED, whose terms
 * start with 'Z', and the words that have none, tw_index_unstemmed) of
 * three letters or more, not numbers, used at least LEAST times
 * (TW_TOPIC_USES; a search for articles like one takes its words used
 * once too).  Two-letter words and numbers say little about a subject. */
void tw_topic_words(Xapian::TermIterator t, const Xapian::TermIterator &end, bool stemmed,
                    Xapian::termcount least, std::vector<TwTopicWord> &words);

/* The TW_SLOT_TOPIC value of DOC, whose words are all in it. */
std::string tw_topic_pack(const Xapian::Document &doc, bool stemmed);

/* What VALUE (a TW_SLOT_TOPIC value) holds: *length the article's length in
 * words, *words its topic words.  False for an article too long to be read
 * and for a value that is not one (empty, or damaged). */
bool tw_topic_unpack(const std::string &value, bool stemmed, double *length,
                     std::vector<TwTopicWord> &words);

#endif
