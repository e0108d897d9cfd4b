/* sniff.h - tell text from binary by content, whatever a file is called. */
#ifndef TW_SNIFF_H
#define TW_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* How much of an input the checks below read. */
#define TW_SNIFF_BYTES 8192

/* True when the first 8 KiB hold a NUL byte or more than 10% control bytes other
 * than the ones text uses (tab, newline, carriage return, form feed, escape). */
bool tw_looks_binary(const char *data, size_t len);

/* When DATA starts with a UTF-16 byte-order mark and the 8 KiB after it read
 * as text in that UTF-16 (no U+0000, no surrogate without its pair, control
 * characters as tw_looks_binary allows them), the iconv name of that UTF-16:
 * "UTF-16LE" or "UTF-16BE".  Else NULL: without a mark, or over bytes that
 * only happen to begin like one (an MPEG audio frame, UTF-32), the input is
 * left to tw_looks_binary, which takes UTF-16 for binary (its NUL bytes). */
const char *tw_utf16_text(const char *data, size_t len);

#endif
