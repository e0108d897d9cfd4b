/* charset_label.h - the charset a declared label stands for, as browsers
 * read it. */
#ifndef TW_CHARSET_LABEL_H
#define TW_CHARSET_LABEL_H

#include <stdbool.h>

/* The iconv name of the charset that pages declaring LABEL (a <meta
 * charset>, an HTTP Content-Type's charset=, any case) are written in, as
 * browsers read them: the superset a page's author saw on screen
 * ("gb2312" is GB18030, "shift_jis" CP932, "euc-kr" CP949, "iso-8859-9"
 * Windows-1254), or one glibc's iconv knows by another name ("x-sjis",
 * "ks_c_5601-1987", "x-mac-cyrillic").  The Latin-1 family's labels
 * ("latin1", "ascii", "iso8859-1") give "ISO-8859-1" and UTF-8's give
 * "UTF-8", which the caller reads with its own repair.  A label not listed
 * is returned as it is. */
const char *tw_charset_read_as(const char *label);

/* Whether LABEL names UTF-16, which a page that declares it in its own
 * markup, read as ASCII to find it, is not. */
bool tw_charset_is_utf16(const char *label);

#endif
