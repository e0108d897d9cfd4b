/* charset.h - turn the bytes of an input into valid UTF-8 (through iconv). */
#ifndef TW_CHARSET_H
#define TW_CHARSET_H

#include <stddef.h>

#include "buf.h"

/* Appends DATA to OUT as valid UTF-8: a UTF-8 byte-order mark is dropped, valid
 * UTF-8 sequences are kept, and each byte that is not part of one is read as
 * Windows-1252 (the usual encoding of such stray bytes in news text), or becomes
 * U+FFFD where Windows-1252 leaves it undefined.  Returns the number of bytes that
 * were not UTF-8, or -1 when memory ran out. */
long tw_to_utf8(const char *data, size_t len, tw_buf *out);

#endif
