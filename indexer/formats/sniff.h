/* sniff.h - tell text from binary by content, whatever a file is called. */
#ifndef TW_SNIFF_H
#define TW_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* True when the first 8 KiB hold a NUL byte or more than 10% control bytes other
 * than the ones text uses (tab, newline, carriage return, form feed, escape). */
bool tw_looks_binary(const char *data, size_t len);

#endif
