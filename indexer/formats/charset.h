/* charset.h - turn the bytes of an input into valid UTF-8 (through iconv). */
#ifndef TW_CHARSET_H
#define TW_CHARSET_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"

/* Appends DATA to OUT as valid UTF-8: a UTF-8 byte-order mark is dropped, valid
 * UTF-8 sequences are kept, and each byte that is not part of one is read as
 * Windows-1252 (the usual encoding of such stray bytes in news text), or becomes
 * U+FFFD where Windows-1252 leaves it undefined.  A NUL byte becomes a space, here
 * and in the functions below: the text goes on as C strings.  Returns the number
 * of bytes that were not UTF-8, or -1 when memory ran out. */
TW_MUST_CHECK
long tw_to_utf8(const char *data, size_t len, tw_buf *out);

/* The same without looking for a byte-order mark: for the parts of an input
 * after its first (read.c). */
TW_MUST_CHECK
long tw_repair_utf8(const char *data, size_t len, tw_buf *out);

/* Makes each NUL byte OUT holds from FROM on a space.  A NUL is valid UTF-8,
 * but text is handed on as C strings (trawl_article): a NUL past the binary
 * check's first 8 KiB, or JSON's \u0000, silently ended the text there.  The
 * functions here that append text call it. */
void tw_nul_to_space(tw_buf *out, size_t from);

/* Appends DATA, declared to be in CHARSET (a label such as "ISO-8859-2" or
 * "gb2312", read as browsers read it: tw_charset_read_as; NULL when
 * undeclared), to OUT as valid UTF-8.  Bytes that are valid UTF-8 are
 * taken as UTF-8 whatever the declaration says (pages re-encoded by the tool that
 * saved them keep their old declaration).  Other bytes, undeclared or declared
 * UTF-8, ISO-8859-1 or US-ASCII, or in a charset iconv does not know, are read
 * in the legacy charset that tw_guess_charset finds reads them better, else as
 * tw_to_utf8 reads them (ISO-8859-1 and US-ASCII as Windows-1252, as browsers
 * do), unless they are UTF-8 with a few stray bytes.
 * Bytes the charset does not define become U+FFFD.  Returns the number of bytes
 * that could not be converted as declared, or -1 when memory ran out. */
TW_MUST_CHECK
long tw_convert_to_utf8(const char *charset, const char *data, size_t len, tw_buf *out);

/* The iconv name of the legacy charset that DATA (LEN bytes of text that
 * declares none) is in, as tw_guess_charset finds it from its first 16 KiB;
 * NULL when those are UTF-8, or UTF-8 with a few stray bytes, or in
 * Latin-1's family: tw_to_utf8 reads them. */
const char *tw_legacy_charset(const char *data, size_t len);

/* Converts LEN bytes of DATA through CD (iconv_open("UTF-8", charset)) and
 * appends them to OUT, as tw_convert_to_utf8 does: a character that does not
 * convert becomes U+FFFD, and conversion goes on UNIT bytes further (1 for
 * most charsets, 2 for UTF-16).  A character cut at the end of DATA is left
 * for the next call unless FINAL; *USED tells how many bytes were taken.
 * Returns the number of characters that did not convert, or -1 on ENOMEM. */
TW_MUST_CHECK
long tw_iconv_append(iconv_t cd, size_t unit, const char *data, size_t len, bool final,
                     size_t *used, tw_buf *out);

/* Finds the charset a page declares: in an XML declaration that starts it
 * (<?xml encoding="...">), else in the first <meta charset=...> or <meta
 * http-equiv="Content-Type" content="...; charset=..."> of its head (up to
 * </head> or <body>, within 64 KiB), passing over what scripts, styles and
 * comments hold.  Copies it into out[outlen] and returns true, or returns
 * false. */
bool tw_declared_charset(const char *data, size_t len, char *out, size_t outlen);

#endif
