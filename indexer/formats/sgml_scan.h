/* sgml_scan.h - finding elements in SGML containers (Reuters-21578, TREC).
 *
 * These files are flat lists of records whose few fields we need; they are not
 * HTML (an HTML parser would move a <TITLE> into <head>) nor XML (they are not
 * well-formed).  So we look for tags by name, case-insensitively, and take the
 * text between them, with inner tags dropped and character references decoded.
 * The same scanning finds the charset in a page's <meta> tags (charset.c),
 * which must be known before the page can be given to the HTML parser. */
#ifndef TW_SGML_SCAN_H
#define TW_SGML_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"

typedef struct tw_element {
    const char *tag;        /* the '<' of the start tag */
    const char *inner;      /* just after the start tag's '>' */
    const char *inner_end;  /* the '<' of the end tag, or where the search stopped */
    const char *end;        /* just after the end tag ("" when it was missing) */
    bool closed;            /* the end tag was found */
} tw_element;

/* Is there a tag "<NAME" (or "</NAME" when CLOSE) at P, in any case, ended
 * by '>' or a space? */
bool tw_sgml_tag_at(const char *p, const char *end, const char *name, bool close);

/* The first such tag in [P, END), or NULL. */
const char *tw_sgml_find_tag(const char *p, const char *end, const char *name, bool close);

/* The name in NAMES (NULL-ended) of the start tag at P, or NULL. */
const char *tw_sgml_start_tag_of(const char *p, const char *end, const char *const *names);

/* Finds the first element NAME starting in [P, END).  Its end is the matching
 * end tag, or when that is missing, the next start tag of the same NAME or END.
 * Returns false when there is no such start tag. */
bool tw_sgml_find(const char *p, const char *end, const char *name, tw_element *el);

/* Copies the value of attribute NAME of the start tag of EL (quoted or not) into
 * out[outlen]; returns false when the tag has no such attribute. */
bool tw_sgml_attr(const tw_element *el, const char *name, char *out, size_t outlen);

/* Appends the text of [P, END) to OUT: tags dropped (a <P> or </P> becomes a
 * paragraph break), character references decoded.  0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_sgml_text(tw_buf *out, const char *p, const char *end);

/* Appends to OUT the text (as tw_sgml_text) of every element in [P, END)
 * whose name is one of NAMES (NULL-ended), in document order, a paragraph
 * apart.  An element ends at its end tag, else at the next start tag of one
 * of NAMES, else at END.  0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_sgml_texts(tw_buf *out, const char *p, const char *end, const char *const *names);

/* True when a start tag NAME appears in the first LIMIT bytes of [P, END). */
bool tw_sgml_has_tag(const char *p, const char *end, const char *name, size_t limit);

#endif
