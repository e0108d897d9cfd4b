/* results.h - building a trawl_results, from C or from the Xapian reader. */
#ifndef TW_RESULTS_H
#define TW_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trawl.h"
#include "docdata.h"
#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An empty result list, or NULL on ENOMEM. */
trawl_results *tw_results_new(void);

void tw_results_set_total(trawl_results *res, uint64_t total, bool exact);

/* What a hit has besides its document data; all NULL-able, all copied. */
typedef struct tw_hit_extra {
    const char *snippet;             /* plain passage, SNIPPET_LEN bytes */
    size_t snippet_len;
    const trawl_span *spans;         /* matches in the snippet */
    size_t n_spans;
    const trawl_span *title_spans;   /* matches in the title */
    size_t n_title_spans;
    const char *const *duplicates;   /* ids of near-copies folded into the hit */
    size_t n_duplicates;
    size_t n_similar;                /* near-copies in all */
} tw_hit_extra;

/* Appends a hit.  FIELDS are the decoded document data.  Everything is copied
 * into one block owned by the hit.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_results_add(trawl_results *res, size_t rank, uint64_t docid, double score,
                   const tw_slice fields[TW_F_COUNT], const tw_hit_extra *extra);

/* Appends VALUE (LEN bytes) with COUNT to the list of FACET (a TRAWL_FACET_*
 * bit); values are shown in the order added.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_results_add_facet(trawl_results *res, unsigned facet, const char *value, size_t len,
                         uint64_t count);

/* Records the spelling suggestion S (copied) and whether the hits are its. */
TW_MUST_CHECK
int tw_results_set_suggestion(trawl_results *res, const char *s, int used);

/* Records WILDCARD (copied), the query's first that stood for more words
 * than were searched.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_results_set_broad_wildcard(trawl_results *res, const char *wildcard);

/* Records NAME (copied), typed before a ':' in a query that matched
 * nothing, which is no field.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_results_set_unknown_field(trawl_results *res, const char *name);

/* Records that no article held all the query's words, and marks every hit
 * of RES as holding some of them. */
void tw_results_set_relaxed(trawl_results *res);

/* Moves the hits of MORE, a search for the articles that hold only some of
 * the query's words, to the end of RES, which ranked RANKED_BEFORE articles
 * holding them all: each is marked (trawl_hit.some_words) and ranked after
 * those.  MORE keeps its other parts and no hit.  Returns 0, or -1 on ENOMEM
 * with RES and MORE as they were. */
TW_MUST_CHECK
int tw_results_take_some_words(trawl_results *res, trawl_results *more, size_t ranked_before);

/* Names the shard SPEC (copied) among those that did not answer.  Returns 0
 * or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_results_add_missing(trawl_results *res, const char *spec);

/* Records that the facets counted articles, not stories. */
void tw_results_set_facets_by_article(trawl_results *res);

/* Records that the hits or the count reach past the first TRAWL_FOLD_MAX
 * stories of a union, whose copies in different members fold no more. */
void tw_results_set_unfolded(trawl_results *res);

#ifdef __cplusplus
}
#endif

#endif
