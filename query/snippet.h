/* snippet.h - turn the marked-up passage Xapian's MSet::snippet() returns into
 * plain text plus the byte ranges of the matches. */
#ifndef TW_SNIPPET_H
#define TW_SNIPPET_H

#include <stddef.h>

#include "buf.h"
#include "trawl.h"

/* The markers asked of Xapian around each match.  Control characters never reach
 * the index (clean.h), so they cannot be confused with article text. */
#define TW_HI_START "\x02"
#define TW_HI_END   "\x03"

/* Appends MARKED to PLAIN without the markers, each line break as one space, with
 * the HTML escapes Xapian adds (&amp; &lt; &gt; &quot; &#NN; &#xNN;) decoded, and
 * stores the matched ranges, as byte offsets into what was appended, in *spans
 * (malloc'd, caller frees; NULL when none).  Returns 0, or -1 on ENOMEM. */
int tw_snippet_unmark(const char *marked, size_t len, tw_buf *plain,
                      trawl_span **spans, size_t *n_spans);

#endif
