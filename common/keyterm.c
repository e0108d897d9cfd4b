/* keyterm.c - bounded-length identifying terms. */
#include "keyterm.h"

#include <string.h>

#include "hash.h"
#include "schema.h"
#include "utf8.h"

int tw_key_term(tw_buf *out, const char *prefix, const char *value)
{
    size_t len = strlen(value);
    if (tw_buf_puts(out, prefix) < 0)
        return -1;
    if (len <= TW_MAX_KEY_TERM)
        return tw_buf_append(out, value, len);
    char hex[17];
    tw_hash64_hex(value, len, hex);
    size_t keep = tw_utf8_cut(value, TW_MAX_KEY_TERM - 20);
    if (tw_buf_append(out, value, keep) < 0 || tw_buf_putc(out, '#') < 0)
        return -1;
    return tw_buf_append(out, hex, 16);
}
