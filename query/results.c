/* results.c - trawl_results: an array of hits, each owning one block of strings. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"

struct trawl_results {
    trawl_hit *hits;
    void **blocks;          /* blocks[i] holds the strings of hits[i] */
    size_t count, cap;
    uint64_t total;
};

trawl_results *tw_results_new(void)
{
    return calloc(1, sizeof(trawl_results));
}

void tw_results_set_total(trawl_results *res, uint64_t total)
{
    res->total = total;
}

/* Copies S into *cursor as a NUL-terminated string; NULL stays NULL. */
static const char *place(char **cursor, const char *s, size_t len)
{
    if (!s)
        return NULL;
    char *dst = *cursor;
    memcpy(dst, s, len);
    dst[len] = '\0';
    *cursor += len + 1;
    return dst;
}

int tw_results_add(trawl_results *res, size_t rank, uint64_t docid, double score,
                   const tw_slice fields[TW_F_COUNT], const char *snippet,
                   size_t snippet_len, const trawl_span *spans, size_t n_spans)
{
    if (res->count == res->cap) {
        size_t cap = res->cap ? res->cap * 2 : 16;
        trawl_hit *hits = realloc(res->hits, cap * sizeof *hits);
        if (!hits)
            return -1;
        res->hits = hits;
        void **blocks = realloc(res->blocks, cap * sizeof *blocks);
        if (!blocks)
            return -1;
        res->blocks = blocks;
        res->cap = cap;
    }
    /* Spans first, for their alignment; then every string with its NUL. */
    static const tw_field shown[] = { TW_F_ID, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL,
                                      TW_F_SITE, TW_F_AUTHOR };
    size_t size = n_spans * sizeof(trawl_span) + (snippet ? snippet_len + 1 : 0);
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
        if (fields[shown[i]].ptr)
            size += fields[shown[i]].len + 1;
    char *block = malloc(size ? size : 1);
    if (!block)
        return -1;
    trawl_span *span_copy = (trawl_span *)block;
    if (n_spans)
        memcpy(span_copy, spans, n_spans * sizeof *spans);
    char *cursor = block + n_spans * sizeof(trawl_span);

    trawl_hit *h = &res->hits[res->count];
    memset(h, 0, sizeof *h);
    h->rank = rank;
    h->docid = docid;
    h->score = score;
    h->id = place(&cursor, fields[TW_F_ID].ptr, fields[TW_F_ID].len);
    h->path = place(&cursor, fields[TW_F_PATH].ptr, fields[TW_F_PATH].len);
    h->title = place(&cursor, fields[TW_F_TITLE].ptr, fields[TW_F_TITLE].len);
    h->date = place(&cursor, fields[TW_F_DATE].ptr, fields[TW_F_DATE].len);
    h->url = place(&cursor, fields[TW_F_URL].ptr, fields[TW_F_URL].len);
    h->site = place(&cursor, fields[TW_F_SITE].ptr, fields[TW_F_SITE].len);
    h->author = place(&cursor, fields[TW_F_AUTHOR].ptr, fields[TW_F_AUTHOR].len);
    h->snippet = place(&cursor, snippet, snippet_len);
    h->highlights = n_spans ? span_copy : NULL;
    h->n_highlights = n_spans;
    tw_date d;
    if (h->date && tw_date_parse(h->date, &d))
        h->date_epoch = d.epoch;
    if (!h->id)
        h->id = "";     /* every article has one; an old or damaged record may not */
    res->blocks[res->count++] = block;
    return 0;
}

size_t trawl_results_count(const trawl_results *res)
{
    return res ? res->count : 0;
}

const trawl_hit *trawl_results_hit(const trawl_results *res, size_t i)
{
    return res && i < res->count ? &res->hits[i] : NULL;
}

uint64_t trawl_results_total(const trawl_results *res)
{
    return res ? res->total : 0;
}

void trawl_results_free(trawl_results *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->count; i++)
        free(res->blocks[i]);
    free(res->blocks);
    free(res->hits);
    free(res);
}
