/* buf.h - a growable byte buffer that stays NUL-terminated, so its contents can be
 * handed to string functions at any time.  A zeroed struct is an empty buffer. */
#ifndef TW_BUF_H
#define TW_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct tw_buf {
    char *data;     /* NULL until the first append; owned by the buffer */
    size_t len;     /* bytes used, not counting the NUL */
    size_t cap;     /* bytes allocated */
    int failed;     /* an append ran out of memory since the buffer was last
                       cleared: a caller that builds a value in many steps
                       may check this once at the end, as with ferror */
} tw_buf;

/* Each returns 0, or -1 when memory ran out (the buffer is then unchanged). */
int tw_buf_reserve(tw_buf *b, size_t extra);
int tw_buf_append(tw_buf *b, const void *data, size_t len);
int tw_buf_puts(tw_buf *b, const char *s);
int tw_buf_putc(tw_buf *b, char c);
int tw_buf_printf(tw_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Empties the buffer (and its failed flag) but keeps its memory. */
void tw_buf_clear(tw_buf *b);

/* Frees the memory; the buffer is empty and reusable afterwards. */
void tw_buf_free(tw_buf *b);

/* Hands the memory to the caller (free() it) and empties the buffer.
 * Returns "" allocated fresh when the buffer never held anything, NULL on ENOMEM. */
char *tw_buf_steal(tw_buf *b);

#endif
