/* entities.h - the character references of HTML and SGML text (&amp; &#233;
 * &#xE9;), for the places that see them outside an HTML parser: Xapian's snippets
 * and SGML containers such as Reuters-21578 and TREC. */
#ifndef TW_ENTITIES_H
#define TW_ENTITIES_H

#include <stddef.h>

#include "buf.h"
#include "errors.h"

/* Decodes the reference at S (which starts with '&'): amp, lt, gt, quot, apos,
 * nbsp (as a plain space), any other name of HTML 4 (eacute, mdash...), or a
 * numeric one.  Stores its UTF-8 in out[4] and the
 * length in *out_len; returns the bytes of S it took, or 0 when S holds none. */
size_t tw_entity_decode(const char *s, size_t len, char out[4], size_t *out_len);

/* Appends S to OUT with every reference decoded (unknown ones are kept as they
 * are).  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_entities_decode(tw_buf *out, const char *s, size_t len);

#endif
