/* results.h - building a trawl_results, from C or from the Xapian reader. */
#ifndef TW_RESULTS_H
#define TW_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "trawl.h"
#include "docdata.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An empty result list, or NULL on ENOMEM. */
trawl_results *tw_results_new(void);

void tw_results_set_total(trawl_results *res, uint64_t total);

/* Appends a hit.  FIELDS are the decoded document data; SNIPPET (NULL-able) is a
 * plain passage with SPANS marking the matches.  Everything is copied into one
 * block owned by the hit.  Returns 0 or -1 on ENOMEM. */
int tw_results_add(trawl_results *res, size_t rank, uint64_t docid, double score,
                   const tw_slice fields[TW_F_COUNT], const char *snippet,
                   size_t snippet_len, const trawl_span *spans, size_t n_spans);

#ifdef __cplusplus
}
#endif

#endif
