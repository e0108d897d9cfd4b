/* snippet.h - the passage shown under a hit: given where the query's words
 * are in an article's text (snippet_terms_xapian.h finds them), choose the
 * window that holds the most of them and write it out with their spans.
 *
 * Why our own and not Xapian's MSet::snippet(): that one stems every word of
 * the text and marks matches up as text we then had to parse again; it was
 * three quarters of the time of a search with snippets.  Here the words are
 * matched once, cheaply, and the passage is written straight into the result. */
#ifndef TW_SNIPPET_H
#define TW_SNIPPET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "errors.h"
#include "trawl.h"

/* One occurrence of a query word in the text. */
typedef struct {
    size_t start, end;  /* byte range of the word in the text */
    unsigned concept;   /* which query word: a word and its stem are one */
} tw_match;

/* Appends to OUT the passage of TEXT (LEN bytes) of at most about LENGTH bytes
 * whose matches carry the most weight: each concept counts WEIGHT[concept] once
 * however often it occurs, more occurrences break ties, then the earlier
 * passage wins.  The passage starts at the start of its sentence when that is
 * near, or a few words before its first match, and ends at a word's end (in
 * text without spaces, at a word break by ICU's rules); "…"
 * marks text left out on either side.  Each run of white space becomes one
 * space.  MATCHES
 * (N_MATCHES, in text order, CONCEPT < N_CONCEPTS) inside the passage are
 * stored in *spans as byte offsets into what was appended, one per match
 * (malloc'd, caller frees; NULL when none).
 * A LENGTH of at least LEN gives the whole text.  CUT_BEFORE and CUT_AFTER
 * say that TEXT is a part of the stored text with more of it before or after
 * (query/excerpt_xapian.h): "…" marks that too.  Returns 0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_snippet_write(const char *text, size_t len, bool cut_before, bool cut_after,
                     const tw_match *matches, size_t n_matches, const double *weight,
                     unsigned n_concepts, size_t length, tw_buf *out, trawl_span **spans,
                     size_t *n_spans);

/* The bytes of TEXT (LEN bytes) that show about COLUMNS columns, as a
 * terminal sets them out: one a character, two a wide one (Chinese,
 * Japanese, Korean), none a mark that sits on a letter (Thai's vowels and
 * tones, Arabic's short vowels).  Guessed from the text's first bytes, so
 * that a snippet in Russian, Arabic, Thai or Chinese shows as much as one
 * in English: by bytes, 200 of them were about 100 columns of Cyrillic or
 * Arabic and 60 of Thai.  COLUMNS itself for ASCII text. */
size_t tw_snippet_bytes(const char *text, size_t len, size_t columns);

/* The columns character CP takes on a terminal: one, two for a wide one,
 * none for a mark that sits on a letter or a format character. */
unsigned tw_char_columns(uint32_t cp);

/* The run of MATCHES [*first, *last] (N_MATCHES of them, in order, N_CONCEPTS
 * concepts) that fits in LENGTH units of their START and END (bytes, or term
 * positions) with the most weight, as tw_snippet_write weighs them: the
 * passage it shows.  0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_snippet_best(const tw_match *matches, size_t n_matches, const double *weight,
                    unsigned n_concepts, size_t length, size_t *first, size_t *last);

#endif
