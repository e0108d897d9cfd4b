/* opts_size.h - the structs of the public API that the caller builds or
 * holds, read and written by the size the caller knew (trawl.h: they grow
 * only at their end). */
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

/* Gives the caller's DST, of SIZE bytes as the caller knows it, the bytes of
 * SRC (FULL of them) that fit. */
static inline void tw_give_struct(void *dst, size_t size, const void *src, size_t full)
{
    memcpy(dst, src, size < full ? size : full);
}

/* The first layouts: the fields up to bm25_b, and up to on_extract; an
 * article's up to path; the whole of trawl_db_info and trawl_indexer_stats
 * as they were first. */
#define TW_SEARCH_OPTS_FIRST (offsetof(trawl_search_opts, bm25_b) + sizeof(double))
#define TW_INDEXER_OPTS_FIRST \
    (offsetof(trawl_indexer_opts, on_extract) + sizeof(int (*)(void *, const trawl_article *)))
#define TW_ARTICLE_FIRST (offsetof(trawl_article, path) + sizeof(const char *))
#define TW_DB_INFO_FIRST (offsetof(trawl_db_info, path) + sizeof(const char *))
#define TW_INDEXER_STATS_FIRST (offsetof(trawl_indexer_stats, articles_removed) + sizeof(uint64_t))

#endif
