/* meta_value.h - the value of a <meta> tag as its template meant it.
 *
 * Some templates write a tag's value through the escaper of another
 * language: JSON's ("Luis \u00c1vila", "https:\/\/site"), or HTML's twice
 * ("Caf&amp;eacute;", which the parser reads as "Caf&eacute;").  A reader
 * of the page sees neither escape; nor should a title, an author or a site
 * taken from such a tag. */
#ifndef TW_META_VALUE_H
#define TW_META_VALUE_H

#include "buf.h"
#include "errors.h"

/* Appends VALUE to OUT with its runs of white space as one space, its JSON
 * escapes (\uXXXX, surrogate pairs too, and \/ \" \\) and the character
 * references left in it decoded.  A value whose backslashes are not all
 * JSON's escapes is taken as written (a Windows path, a regular
 * expression).  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_meta_value_put(tw_buf *out, const char *value);

#endif
