/* opts_size.h - reading an option struct of the public API by the size its
 * caller knew (trawl.h: each starts with its size, and grows only at its end). */
#ifndef TW_OPTS_SIZE_H
#define TW_OPTS_SIZE_H

#include <stddef.h>
#include <string.h>

/* Copies the caller's SRC (or nothing, when NULL) into DST, a struct of FULL
 * bytes that starts with a size_t size: only the bytes the caller's size
 * covers, FIRST when it is 0 (the first layout, for callers that never set
 * it), never more than FULL; the rest is zero, which is every default.
 * Sets DST's size to FULL. */
static inline void tw_take_opts(void *dst, size_t full, size_t first, const void *src)
{
    memset(dst, 0, full);
    if (src) {
        size_t n;
        memcpy(&n, src, sizeof n);
        if (n == 0)
            n = first;
        memcpy(dst, src, n < full ? n : full);
    }
    memcpy(dst, &full, sizeof full);
}

/* The first layouts: the fields up to bm25_b, and up to on_extract. */
#define TW_SEARCH_OPTS_FIRST (offsetof(trawl_search_opts, bm25_b) + sizeof(double))
#define TW_INDEXER_OPTS_FIRST \
    (offsetof(trawl_indexer_opts, on_extract) + sizeof(int (*)(void *, const trawl_article *)))

#endif
