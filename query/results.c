/* results.c - trawl_results: an array of hits, each owning one block of strings. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"

/* The facets, in the order of their TRAWL_FACET_* bits. */
#define N_FACETS 4

typedef struct facet_list {
    trawl_facet_value *values;      /* each value a malloc'd string */
    size_t count, cap;
} facet_list;

struct trawl_results {
    trawl_hit *hits;
    void **blocks;          /* blocks[i] holds the strings of hits[i] */
    size_t count, cap;
    uint64_t total;
    bool total_exact;
    facet_list facets[N_FACETS];
    char *suggestion;
    int used_suggestion, relaxed;
    char *broad_wildcard;   /* as typed, malloc'd; NULL when none */
    char *unknown_field;    /* a name before ':' that is no field, malloc'd; or NULL */
    char **missing;         /* specs of the shards that did not answer, malloc'd */
    size_t n_missing;
    bool facets_by_article;
    bool unfolded;          /* past TRAWL_FOLD_MAX stories of a union */
};

trawl_results *tw_results_new(void)
{
    return calloc(1, sizeof(trawl_results));
}

void tw_results_set_total(trawl_results *res, uint64_t total, bool exact)
{
    res->total = total;
    res->total_exact = exact;
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

/* Makes room in RES for N hits in all.  Returns 0, or -1 on ENOMEM with the
 * hits as they were. */
static int room_for(trawl_results *res, size_t n)
{
    if (n <= res->cap)
        return 0;
    size_t cap = res->cap ? res->cap * 2 : 16;
    if (cap < n)
        cap = n;
    trawl_hit *hits = realloc(res->hits, cap * sizeof *hits);
    if (!hits)
        return -1;
    res->hits = hits;
    void **blocks = realloc(res->blocks, cap * sizeof *blocks);
    if (!blocks)
        return -1;
    res->blocks = blocks;
    res->cap = cap;
    return 0;
}

int tw_results_add(trawl_results *res, size_t rank, uint64_t docid, double score,
                   const tw_slice fields[TW_F_COUNT], const tw_hit_extra *x)
{
    if (room_for(res, res->count + 1) < 0)
        return -1;
    /* Pointers and spans first, for their alignment; then every string with
     * its NUL. */
    static const tw_field shown[] = { TW_F_ID, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL,
                                      TW_F_SITE, TW_F_AUTHOR, TW_F_LANG };
    size_t head = x->n_duplicates * sizeof(char *) +
                  (x->n_spans + x->n_title_spans) * sizeof(trawl_span);
    size_t size = head + (x->snippet ? x->snippet_len + 1 : 0);
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
        if (fields[shown[i]].ptr)
            size += fields[shown[i]].len + 1;
    for (size_t i = 0; i < x->n_duplicates; i++)
        size += strlen(x->duplicates[i]) + 1;
    char *block = malloc(size ? size : 1);
    if (!block)
        return -1;
    const char **dups = (const char **)block;
    trawl_span *spans = (trawl_span *)(block + x->n_duplicates * sizeof(char *));
    trawl_span *title_spans = spans + x->n_spans;
    if (x->n_spans)
        memcpy(spans, x->spans, x->n_spans * sizeof *spans);
    if (x->n_title_spans)
        memcpy(title_spans, x->title_spans, x->n_title_spans * sizeof *title_spans);
    char *cursor = block + head;

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
    h->lang = place(&cursor, fields[TW_F_LANG].ptr, fields[TW_F_LANG].len);
    h->snippet = place(&cursor, x->snippet, x->snippet_len);
    h->highlights = x->n_spans ? spans : NULL;
    h->n_highlights = x->n_spans;
    h->title_highlights = x->n_title_spans ? title_spans : NULL;
    h->n_title_highlights = x->n_title_spans;
    for (size_t i = 0; i < x->n_duplicates; i++)
        dups[i] = place(&cursor, x->duplicates[i], strlen(x->duplicates[i]));
    h->duplicates = x->n_duplicates ? dups : NULL;
    h->n_duplicates = x->n_duplicates;
    h->n_similar = x->n_similar;
    tw_date d;
    if (h->date && tw_date_parse(h->date, &d))
        h->date_epoch = d.epoch;
    if (!h->id)
        h->id = "";     /* every article has one; an old or damaged record may not */
    res->blocks[res->count++] = block;
    return 0;
}

/* The list of FACET (one TRAWL_FACET_* bit), or NULL for anything else. */
static facet_list *facet_of(const trawl_results *res, unsigned facet)
{
    for (unsigned i = 0; i < N_FACETS; i++)
        if (facet == 1u << i)
            return (facet_list *)&res->facets[i];
    return NULL;
}

int tw_results_add_facet(trawl_results *res, unsigned facet, const char *value, size_t len,
                         uint64_t count)
{
    facet_list *f = facet_of(res, facet);
    if (!f)
        return 0;
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        trawl_facet_value *v = realloc(f->values, cap * sizeof *v);
        if (!v)
            return -1;
        f->values = v;
        f->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, value, len);
    copy[len] = '\0';
    f->values[f->count++] = (trawl_facet_value){ copy, count };
    return 0;
}

const trawl_facet_value *trawl_results_facet(const trawl_results *res, unsigned facet,
                                             size_t *n)
{
    facet_list *f = res ? facet_of(res, facet) : NULL;
    if (n)
        *n = f ? f->count : 0;
    return f && f->count ? f->values : NULL;
}

int tw_results_set_suggestion(trawl_results *res, const char *s, int used)
{
    free(res->suggestion);
    res->suggestion = s ? strdup(s) : NULL;
    res->used_suggestion = used;
    return s && !res->suggestion ? -1 : 0;
}

int tw_results_set_broad_wildcard(trawl_results *res, const char *wildcard)
{
    free(res->broad_wildcard);
    res->broad_wildcard = strdup(wildcard);
    return res->broad_wildcard ? 0 : -1;
}

int tw_results_set_unknown_field(trawl_results *res, const char *name)
{
    free(res->unknown_field);
    res->unknown_field = strdup(name);
    return res->unknown_field ? 0 : -1;
}

void tw_results_set_relaxed(trawl_results *res)
{
    res->relaxed = 1;
    for (size_t i = 0; i < res->count; i++)
        res->hits[i].some_words = 1;
}

int tw_results_take_some_words(trawl_results *res, trawl_results *more, size_t ranked_before)
{
    if (room_for(res, res->count + more->count) < 0)
        return -1;
    for (size_t i = 0; i < more->count; i++) {
        trawl_hit *h = &res->hits[res->count];
        *h = more->hits[i];
        h->rank += ranked_before;
        h->some_words = 1;
        res->blocks[res->count++] = more->blocks[i];
    }
    more->count = 0;
    return 0;
}

int tw_results_add_missing(trawl_results *res, const char *spec)
{
    char **list = realloc(res->missing, (res->n_missing + 1) * sizeof *list);
    if (!list)
        return -1;
    res->missing = list;
    if (!(list[res->n_missing] = strdup(spec)))
        return -1;
    res->n_missing++;
    return 0;
}

void tw_results_set_facets_by_article(trawl_results *res)
{
    res->facets_by_article = true;
}

const char *const *trawl_results_missing_shards(const trawl_results *res, size_t *n)
{
    if (n)
        *n = res ? res->n_missing : 0;
    return res && res->n_missing ? (const char *const *)res->missing : NULL;
}

int trawl_results_facets_by_article(const trawl_results *res)
{
    return res && res->facets_by_article;
}

void tw_results_set_unfolded(trawl_results *res)
{
    res->unfolded = true;
}

int trawl_results_unfolded(const trawl_results *res)
{
    return res && res->unfolded;
}

const char *trawl_results_suggestion(const trawl_results *res)
{
    return res ? res->suggestion : NULL;
}

int trawl_results_used_suggestion(const trawl_results *res)
{
    return res ? res->used_suggestion : 0;
}

const char *trawl_results_broad_wildcard(const trawl_results *res)
{
    return res ? res->broad_wildcard : NULL;
}

const char *trawl_results_unknown_field(const trawl_results *res)
{
    return res ? res->unknown_field : NULL;
}

int trawl_results_relaxed(const trawl_results *res)
{
    return res ? res->relaxed : 0;
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

int trawl_results_total_exact(const trawl_results *res)
{
    return res && res->total_exact;
}

void trawl_results_free(trawl_results *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->count; i++)
        free(res->blocks[i]);
    for (unsigned f = 0; f < N_FACETS; f++) {
        for (size_t i = 0; i < res->facets[f].count; i++)
            free((char *)res->facets[f].values[i].value);
        free(res->facets[f].values);
    }
    free(res->suggestion);
    free(res->broad_wildcard);
    free(res->unknown_field);
    for (size_t i = 0; i < res->n_missing; i++)
        free(res->missing[i]);
    free(res->missing);
    free(res->blocks);
    free(res->hits);
    free(res);
}
