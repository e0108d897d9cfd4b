/* search_work.h - what a handle's searches have read.  Tests count it: that
 * a miss reads a few spelling blocks and no vocabulary, or that feedback
 * reads the hits' topic words and no term list, is an outcome a test can
 * check, where a time could not be. */
#ifndef TW_SEARCH_WORK_H
#define TW_SEARCH_WORK_H

#include "trawl.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tw_search_work {
    unsigned long terms_read;    /* suggestions: words of the vocabulary walked */
    unsigned long blocks_read;   /* suggestions: spelling blocks read */
    unsigned long topic_values;  /* feedback: hits' topic words read from their value */
    unsigned long term_lists;    /* feedback: hits' term lists read */
    unsigned long position_lists;   /* snippets: a word's positions in a hit looked up */
    unsigned long snippet_terms;    /* snippets: the query walked for the words to
                                       find in a page's texts (once for bodies and
                                       titles, unless it has title: words) */
    unsigned long terms_asked;   /* whether a term exists, or how many articles
                                    have it, asked of the index alone (over a
                                    remote shard, a round trip each) */
    unsigned long documents;     /* hits' documents read for their fields (a
                                    page) or their topic words (feedback) */
    unsigned long documents_together;   /* of those, read from several remote
                                           shards at once (tw_hit_docs_read) */
    unsigned long story_reads;   /* folding: documents read to find and name a
                                    hit's copies (their signatures, their
                                    shown fields), and its exact copies' to
                                    tell which stands for the story */
    unsigned long story_matches; /* folding: matches run to tell which of a
                                    story's copies of the hit's score comes
                                    first by hash (tw_story_shown) */
    unsigned long band_lists;    /* folding: band terms' posting lists walked
                                    (locally) or matched (over a remote shard)
                                    to find a hit's copies */
    unsigned long near_matches;  /* matches run with the bonus for words near
                                    each other, which reads the positions of
                                    the words in each article that has them all */
    unsigned long story_ranges;  /* the some-word fill: stories already shown
                                    left out by a range of story values, each
                                    a walk of the values of every article with
                                    copies (remote shards only, which take no
                                    match decider) */
    unsigned long records_held;  /* the most hits' shown records (and their
                                    documents) a search held at once: a page
                                    of many hits is built a part at a time */
    unsigned long words_rewritten;  /* a query's words rewritten for every
                                       language and other accents (once a
                                       search: the fallback's parse of the
                                       same text takes them as they were) */
    unsigned long snippet_stems; /* snippets: words of the hits' texts stemmed to
                                    be matched with the query's stems */
    unsigned long form_stems;    /* snippets: words of the vocabulary stemmed to
                                    find a stem's forms, whose positions place
                                    a long text's passage */
    unsigned long count_matches; /* totals: matches run only to count a
                                    search's matches (or estimate them) after
                                    the ranked match could not */
} tw_search_work;

/* The counts of DB's searches so far, into *WORK. */
void tw_db_search_work(const trawl_db *db, tw_search_work *work);

#ifdef __cplusplus
}
#endif

#endif
