/* keyterm.h - terms that identify something (an article id, a path) must be
 * unique yet stay under Xapian's 245-byte term limit. */
#ifndef TW_KEYTERM_H
#define TW_KEYTERM_H

#include "buf.h"
#include "errors.h"

/* Appends PREFIX + VALUE to OUT; a value longer than TW_MAX_KEY_TERM bytes is
 * replaced by its first bytes (cut on a character boundary), '#' and its hash.
 * Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_key_term(tw_buf *out, const char *prefix, const char *value);

#endif
