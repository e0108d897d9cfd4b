/* indexer.c - trawl_indexer: open, clean and write articles, commit in batches.
 * Walking files is in index_files.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trawl.h"
#include "boilerplate.h"
#include "buf.h"
#include "clean.h"
#include "date.h"
#include "docdata.h"
#include "hash.h"
#include "indexer_internal.h"
#include "lang.h"
#include "opts_size.h"
#include "schema.h"
#include "url.h"
#include "utf8.h"
#include "writer.h"

#define DEFAULT_MAX_FILE     (64ull << 20)
#define DEFAULT_MAX_INFLATED (256ull << 20)
#define DEFAULT_MAX_TEXT     (16ull << 20)
#define DEFAULT_MEMORY       (16ull << 20)
#define DEFAULT_MAX_HTML     (16ull << 20)
#define DEFAULT_FILE_SECONDS 60

/* Under ix->mu, as the struct says: workers of a bulk build may fail at once. */
void tw_ix_error(trawl_indexer *ix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&ix->mu);
    vsnprintf(ix->errmsg, sizeof ix->errmsg, fmt, ap);
    pthread_mutex_unlock(&ix->mu);
    va_end(ap);
}

void tw_ix_warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&ix->mu);
    memcpy(ix->last_warning, msg, sizeof msg);
    if (ix->opts.on_warning)
        ix->opts.on_warning(ix->opts.ctx, path, msg);
    pthread_mutex_unlock(&ix->mu);
}

/* mkdir -p of the parent of PATH, so a default location like
 * ~/.local/share/trawl/default works on first use. */
static int make_parents(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

/* What the writer's uncommitted changes hold in memory, per byte of text indexed:
 * Xapian's inverter keeps each posting and position in ordered maps.  Measured
 * with the peak RSS of bulk builds of Reuters and linux-doc (bench/RESULTS.md).
 * The default budget is small on purpose: small batches stay in the CPU's caches,
 * and indexing ran faster with 16 MiB than with 64 (Reuters 7.2 s against 8.4 s,
 * linux-doc 7.3 against 8.4, with two workers) or 256. */
#define MEMORY_PER_TEXT_BYTE 20

static unsigned online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

void tw_lane_init(tw_lane *lane, trawl_indexer *ix, tw_writer *w, uint64_t memory_limit)
{
    memset(lane, 0, sizeof *lane);
    lane->ix = ix;
    lane->writer = w;
    lane->memory_limit = memory_limit;
}

void tw_lane_free(tw_lane *lane)
{
    tw_buf_free(&lane->read_buf);
    for (size_t i = 0; i < sizeof lane->fields / sizeof lane->fields[0]; i++)
        tw_buf_free(&lane->fields[i]);
    tw_buf_free(&lane->data);
}

trawl_status tw_lane_commit(tw_lane *lane)
{
    trawl_status st = tw_writer_commit(lane->writer, lane->errmsg, sizeof lane->errmsg);
    if (st == TRAWL_OK)
        lane->pending_articles = lane->pending_memory = 0;
    return st;
}

static void add_stats(trawl_indexer_stats *to, const trawl_indexer_stats *from)
{
    to->files_seen += from->files_seen;
    to->files_indexed += from->files_indexed;
    to->files_skipped += from->files_skipped;
    to->files_failed += from->files_failed;
    to->articles += from->articles;
    to->bytes += from->bytes;
    to->files_unchanged += from->files_unchanged;
    to->files_removed += from->files_removed;
    to->articles_removed += from->articles_removed;
}

void tw_lane_report(tw_lane *lane, const char *path)
{
    trawl_indexer *ix = lane->ix;
    pthread_mutex_lock(&ix->mu);
    add_stats(&ix->stats, &lane->stats);
    memset(&lane->stats, 0, sizeof lane->stats);
    if (path && ix->opts.on_progress) {
        trawl_progress p = { ix->stats.files_seen, ix->stats.bytes, ix->stats.articles, path,
                             ix->files_total, ix->bytes_total };
        ix->opts.on_progress(ix->opts.ctx, &p);
    }
    pthread_mutex_unlock(&ix->mu);
}

trawl_status tw_lane_fail(tw_lane *lane, trawl_status st)
{
    pthread_mutex_lock(&lane->ix->mu);
    memcpy(lane->ix->errmsg, lane->errmsg, sizeof lane->errmsg);
    pthread_mutex_unlock(&lane->ix->mu);
    return st;
}

/* Refuses an index that is not ours, or of another schema, and reads which
 * stemmer it uses; then decides whether it is empty, so that a first add_path
 * may build it in bulk. */
static trawl_status open_current(trawl_indexer *ix)
{
    trawl_status st;
    if (!ix->store.current) {
        /* A new index: an empty first generation, so readers find an index. */
        char *gen = tw_store_new_path(&ix->store, "gen");
        if (!gen)
            return TRAWL_ENOMEM;
        st = tw_writer_open(gen, ix->opts.stemmer, TW_OPEN_NEW, &ix->writer, ix->errmsg,
                            sizeof ix->errmsg);
        if (st == TRAWL_OK)
            st = tw_writer_commit(ix->writer, ix->errmsg, sizeof ix->errmsg);
        if (st == TRAWL_OK)
            st = tw_store_switch(&ix->store, gen, ix->errmsg, sizeof ix->errmsg);
        if (st != TRAWL_OK)
            tw_store_remove(gen);
        free(gen);
        ix->fresh = true;
        return st;
    }
    /* Xapian 1.4 trusts its tables: bit flips in one can crash a commit
     * (glibc aborts on the heap they spoil), which no check of ours after
     * the fact can catch.  Its own check finds them first, at a cost. */
    if (ix->opts.check) {
        char why[512];
        if (tw_writer_check(ix->store.current, why, sizeof why) != TRAWL_OK) {
            tw_ix_error(ix, "index %s is damaged (%s); nothing was changed: rebuild it "
                        "from the articles", ix->store.dir, why);
            return TRAWL_ECORRUPT;
        }
    }
    st = tw_writer_open(ix->store.current, ix->opts.stemmer, TW_OPEN_EXISTING, &ix->writer, ix->errmsg,
                        sizeof ix->errmsg);
    if (st != TRAWL_OK)
        return st;
    return tw_writer_is_empty(ix->writer, &ix->fresh, ix->errmsg, sizeof ix->errmsg);
}

trawl_status trawl_indexer_open(const char *path, const trawl_indexer_opts *opts,
                                trawl_indexer **out)
{
    if (!out)
        return TRAWL_EINVAL;
    *out = NULL;
    trawl_indexer *ix = calloc(1, sizeof *ix);
    if (!ix)
        return TRAWL_ENOMEM;
    *out = ix;
    ix->store.fd = -1;
    pthread_mutex_init(&ix->mu, NULL);
    tw_take_opts(&ix->opts, sizeof ix->opts, TW_INDEXER_OPTS_FIRST, opts);
    if ((!path || !*path) && !tw_ix_extracting(ix)) {
        tw_ix_error(ix, "no index path given");
        return TRAWL_EINVAL;
    }
    if (ix->opts.shards && !(ix->opts.shard >= 1 && ix->opts.shard <= ix->opts.shards)) {
        tw_ix_error(ix, "shard %u of %u: the shard must be from 1 to %u", ix->opts.shard,
                    ix->opts.shards, ix->opts.shards);
        return TRAWL_EINVAL;
    }
    if (!ix->opts.max_file_bytes)
        ix->opts.max_file_bytes = DEFAULT_MAX_FILE;
    if (!ix->opts.max_inflated_bytes)
        ix->opts.max_inflated_bytes = DEFAULT_MAX_INFLATED;
    if (!ix->opts.max_text_bytes)
        ix->opts.max_text_bytes = DEFAULT_MAX_TEXT;
    if (!ix->opts.max_html_bytes)
        ix->opts.max_html_bytes = DEFAULT_MAX_HTML;
    if (!ix->opts.file_seconds)
        ix->opts.file_seconds = DEFAULT_FILE_SECONDS;
    if (!ix->opts.jobs)
        ix->opts.jobs = online_cores();
    if (!ix->opts.memory_bytes)
        ix->opts.memory_bytes = DEFAULT_MEMORY;
    if (ix->opts.stemmer) {
        if (!(ix->stemmer = strdup(ix->opts.stemmer)))
            return TRAWL_ENOMEM;
        ix->opts.stemmer = ix->stemmer;
    }
    if (tw_ix_extracting(ix)) {
        /* No index: nothing to create, lock or open; one lane, no writer. */
        ix->opts.jobs = 1;
        tw_lane_init(&ix->lane, ix, NULL, ix->opts.memory_bytes);
        return TRAWL_OK;
    }
    if (make_parents(path) < 0) {
        tw_ix_error(ix, "cannot create the folders above index %s: %s", path, strerror(errno));
        return TRAWL_EIO;
    }
    trawl_status st = tw_store_open(&ix->store, path, ix->opts.overwrite, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK && ix->opts.overwrite) {
        /* --full: the old index stays searchable until the new one replaces it. */
        ix->fresh = true;
        st = tw_bulk_begin(ix);
    } else if (st == TRAWL_OK) {
        st = open_current(ix);
    }
    tw_lane_init(&ix->lane, ix, ix->writer, ix->opts.memory_bytes);
    return st;
}

const char *trawl_indexer_errmsg(const trawl_indexer *ix)
{
    return ix ? ix->errmsg : "no indexer (it could not be allocated)";
}

trawl_status trawl_indexer_stats_get(const trawl_indexer *ix, trawl_indexer_stats *stats)
{
    if (!ix || !stats)
        return TRAWL_EINVAL;
    *stats = ix->stats;
    add_stats(stats, &ix->lane.stats);
    return TRAWL_OK;
}

/* The indexer's own writer, ready for changes: a bulk build in progress is merged
 * first, since what comes now must replace what it wrote. */
static trawl_status own_writer(trawl_indexer *ix)
{
    /* What is written now is in the current generation: a later bulk build
     * would replace it, so there will be none. */
    ix->fresh = false;
    if (tw_ix_extracting(ix))
        return TRAWL_OK;
    if (!ix->bulk)
        return ix->writer ? TRAWL_OK : TRAWL_EINVAL;
    trawl_status st = tw_bulk_end(ix);
    ix->lane.writer = ix->writer;
    return st;
}

trawl_status trawl_indexer_commit(trawl_indexer *ix)
{
    if (ix && tw_ix_extracting(ix))
        return TRAWL_OK;        /* nothing is written, so nothing to commit */
    if (!ix || (!ix->writer && !ix->bulk))
        return TRAWL_EINVAL;
    if (ix->bulk)
        return own_writer(ix);
    trawl_status st = tw_lane_commit(&ix->lane);
    return st == TRAWL_OK ? st : tw_lane_fail(&ix->lane, st);
}

trawl_status trawl_indexer_close(trawl_indexer *ix)
{
    if (!ix)
        return TRAWL_OK;
    trawl_status st = TRAWL_OK;
    if (ix->writer || ix->bulk)
        st = trawl_indexer_commit(ix);
    tw_writer_close(ix->writer);
    tw_lane_free(&ix->lane);
    tw_store_close(&ix->store);
    pthread_mutex_destroy(&ix->mu);
    free(ix->stemmer);
    free(ix);
    return st;
}

/* Cleans FIELD into lane->fields[slot]; NULL stays NULL, and so does a field that is
 * empty once cleaned.  Returns -1 on ENOMEM. */
static int clean_field(tw_lane *lane, int slot, const char *field, size_t len,
                       bool one_line, const char **out)
{
    tw_buf *b = &lane->fields[slot];
    tw_buf_clear(b);
    *out = NULL;
    if (!field)
        return 0;
    if (tw_clean(b, field, len, one_line) < 0)
        return -1;
    if (b->len)
        *out = b->data;
    return 0;
}

/* Gives the cleaned article DOC, dated DATE (ISO 8601, or NULL), to the
 * on_extract callback of an extracting indexer, in place of the index. */
static trawl_status hand_over(tw_lane *lane, const tw_doc *doc, const char *date)
{
    trawl_indexer *ix = lane->ix;
    trawl_article out = { .id = doc->id, .title = doc->title, .body = doc->body,
                          .date = date, .url = doc->url, .site = doc->site,
                          .author = doc->author, .path = doc->path };
    if (ix->opts.on_extract(ix->opts.ctx, &out) != 0) {
        tw_ix_error(ix, "the on_extract callback failed on article %s", doc->id);
        return TRAWL_EIO;
    }
    lane->stats.articles++;
    lane->file_articles++;
    return TRAWL_OK;
}

bool tw_ix_in_shard(const trawl_indexer *ix, const char *id)
{
    return !ix->opts.shards || tw_hash64(id, strlen(id)) % ix->opts.shards == ix->opts.shard - 1;
}

trawl_status tw_ix_add_article(tw_lane *lane, const trawl_article *a, const char *lang)
{
    trawl_indexer *ix = lane->ix;
    const char *title, *body, *author, *url, *site, *date;
    size_t body_len = a->body ? strlen(a->body) : 0;
    if (body_len > ix->opts.max_text_bytes) {
        /* Said once per file: the reader may have cut it already. */
        if (!lane->file_cut)
            tw_ix_warn(ix, a->id, "article text cut at %llu bytes (limit: --max-text)",
                       (unsigned long long)ix->opts.max_text_bytes);
        body_len = tw_utf8_cut(a->body, ix->opts.max_text_bytes);
    }
    if (clean_field(lane, 0, a->title, a->title ? strlen(a->title) : 0, true, &title) < 0 ||
        clean_field(lane, 1, a->body, body_len, false, &body) < 0 ||
        clean_field(lane, 2, a->author, a->author ? strlen(a->author) : 0, true, &author) < 0 ||
        clean_field(lane, 3, a->url, a->url ? strlen(a->url) : 0, true, &url) < 0 ||
        clean_field(lane, 4, a->site, a->site ? strlen(a->site) : 0, true, &site) < 0 ||
        clean_field(lane, 5, a->date, a->date ? strlen(a->date) : 0, true, &date) < 0) {
        tw_ix_error(ix, "out of memory cleaning article %s", a->id);
        return TRAWL_ENOMEM;
    }

    /* No site name given: the host of the url names the site. */
    bool site_named = site != NULL;
    if (!site && url) {
        tw_buf *b = &lane->fields[4];
        tw_buf_clear(b);
        if (tw_url_host(url, b) < 0) {
            tw_ix_error(ix, "out of memory cleaning article %s", a->id);
            return TRAWL_ENOMEM;
        }
        site = b->len ? b->data : NULL;
    }
    if (body && !ix->opts.keep_boilerplate) {
        tw_buf *b = &lane->fields[1];
        b->len = tw_strip_boilerplate(b->data, b->len, title);
        if (!b->len)
            body = NULL;
    }

    tw_doc doc = { .id = a->id, .path = a->path, .title = title, .body = body,
                   .author = author, .url = url, .site = site, .site_named = site_named };
    tw_date when;
    char iso[21];
    if (date && tw_date_parse(date, &when)) {
        /* 0001-01-01 and its like stand for "no date": not a date, nor a
         * mistake to report. */
        if (!tw_date_placeholder(&when)) {
            doc.has_date = true;
            doc.date = when.epoch;
            tw_date_format(&when, iso);
        }
    } else if (date) {
        tw_ix_warn(ix, a->id, "date '%s' not understood: article indexed without a date", date);
    }
    /* Everything above is what the index holds; an extracting indexer shows
     * it and stops here. */
    if (tw_ix_extracting(ix))
        return hand_over(lane, &doc, doc.has_date ? iso : NULL);
    /* The language the input declares wins: a page knows its language
     * better than a guess from its words, which may be too few. */
    char code[TW_LANG_MAX];
    if (tw_lang_normalise(lang, code) ||
        (body && tw_lang_detect(body, strlen(body), code)) ||
        (!body && title && tw_lang_detect(title, strlen(title), code)))
        doc.lang = code;
    tw_minhash signature;
    if (body && tw_minhash_compute(body, strlen(body), &signature))
        doc.signature = &signature;
    if (lane->file_st) {
        doc.has_file = true;
        doc.mtime = lane->file_st->st_mtime;
        doc.size = (uint64_t)lane->file_st->st_size;
    }

    /* The hash covers what was indexed, so a change of any field is a change. */
    tw_buf *data = &lane->data;
    tw_buf_clear(data);
    size_t body_stored = body ? strlen(body) : 0;
    if (body_stored > TW_STORED_BODY_MAX)
        body_stored = tw_utf8_cut(body, TW_STORED_BODY_MAX);
    int rc = tw_docdata_put(data, TW_F_ID, a->id, strlen(a->id));
    rc |= tw_docdata_put(data, TW_F_PATH, a->path, a->path ? strlen(a->path) : 0);
    rc |= tw_docdata_put(data, TW_F_TITLE, title, title ? strlen(title) : 0);
    rc |= tw_docdata_put(data, TW_F_DATE, doc.has_date ? iso : NULL,
                         doc.has_date ? strlen(iso) : 0);
    rc |= tw_docdata_put(data, TW_F_URL, url, url ? strlen(url) : 0);
    rc |= tw_docdata_put(data, TW_F_SITE, site, site ? strlen(site) : 0);
    rc |= tw_docdata_put(data, TW_F_AUTHOR, author, author ? strlen(author) : 0);
    rc |= tw_docdata_put(data, TW_F_LANG, doc.lang, doc.lang ? strlen(doc.lang) : 0);
    if (rc) {
        tw_ix_error(ix, "out of memory storing article %s", a->id);
        return TRAWL_ENOMEM;
    }
    char hex[17];
    uint64_t hash = tw_hash64_more(TW_HASH64_INIT, data->data, data->len);
    snprintf(hex, sizeof hex, "%016llx",
             (unsigned long long)tw_hash64_more(hash, body ? body : "", body_stored));
    doc.hash_hex = hex;
    doc.body_stored = body_stored;
    doc.data = data->data;
    doc.data_len = data->len;

    trawl_status st = tw_writer_add(lane->writer, &doc, lane->errmsg, sizeof lane->errmsg);
    if (st != TRAWL_OK)
        return tw_lane_fail(lane, st);
    lane->stats.articles++;
    lane->file_articles++;
    lane->pending_articles++;
    lane->shard_text += (title ? strlen(title) : 0) + body_stored;
    lane->pending_memory += data->len + MEMORY_PER_TEXT_BYTE *
        ((title ? 2 * strlen(title) : 0) + body_stored + (author ? strlen(author) : 0));
    if (lane->pending_memory >= lane->memory_limit ||
        (ix->opts.batch_articles && lane->pending_articles >= ix->opts.batch_articles)) {
        st = tw_lane_commit(lane);
        return st == TRAWL_OK ? st : tw_lane_fail(lane, st);
    }
    return TRAWL_OK;
}


trawl_status trawl_indexer_add_article(trawl_indexer *ix, const trawl_article *article)
{
    if (!ix || !article || !article->id || !*article->id) {
        if (ix)
            tw_ix_error(ix, "an article needs a non-empty id");
        return TRAWL_EINVAL;
    }
    if (!tw_ix_in_shard(ix, article->id))
        return TRAWL_OK;
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_ix_add_article(&ix->lane, article, NULL);
    tw_lane_report(&ix->lane, NULL);
    return st;
}

trawl_status trawl_indexer_add_buffer(trawl_indexer *ix, const char *name, const void *data,
                                      size_t len)
{
    if (!ix || !name || !*name || (!data && len)) {
        if (ix)
            tw_ix_error(ix, "a buffer needs a non-empty name, and its bytes");
        return TRAWL_EINVAL;
    }
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_lane_index_buffer(&ix->lane, name, data ? data : "", len);
    if (st == TRAWL_EFORMAT) {
        pthread_mutex_lock(&ix->mu);
        char why[sizeof ix->last_warning];
        memcpy(why, ix->last_warning, sizeof why);
        pthread_mutex_unlock(&ix->mu);
        tw_ix_error(ix, "%s: %s", name, why);
    } else if (st == TRAWL_EINTR) {
        tw_ix_error(ix, "interrupted");
        ix->interrupted = 0;    /* the request is answered */
    }
    return st;
}

trawl_status trawl_indexer_remove(trawl_indexer *ix, const char *id)
{
    if (!ix || !id || !*id) {
        if (ix)
            tw_ix_error(ix, "no article id given");
        return TRAWL_EINVAL;
    }
    if (tw_ix_extracting(ix)) {
        tw_ix_error(ix, "this indexer only extracts (on_extract): it has no index to "
                    "remove %s from", id);
        return TRAWL_EINVAL;
    }
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_writer_remove(ix->writer, id, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK) {
        ix->stats.articles_removed++;
        ix->lane.pending_articles++;
    }
    return st;
}

void trawl_indexer_interrupt(trawl_indexer *ix)
{
    if (ix)
        ix->interrupted = 1;
}
