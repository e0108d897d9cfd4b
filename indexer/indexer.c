/* indexer.c - trawl_indexer: open, clean and write articles, commit in batches.
 * Walking files is in index_files.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "trawl.h"
#include "boilerplate.h"
#include "buf.h"
#include "clean.h"
#include "date.h"
#include "docdata.h"
#include "hash.h"
#include "indexer_internal.h"
#include "schema.h"
#include "url.h"
#include "utf8.h"
#include "writer.h"

#define DEFAULT_MAX_FILE     (64ull << 20)
#define DEFAULT_MAX_INFLATED (256ull << 20)
#define DEFAULT_MAX_TEXT     (16ull << 20)
#define DEFAULT_BATCH        5000
/* Text bytes per commit too, so a few huge articles do not pile up in memory. */
#define BATCH_TEXT_BYTES     (64ull << 20)

void tw_ix_error(trawl_indexer *ix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ix->errmsg, sizeof ix->errmsg, fmt, ap);
    va_end(ap);
}

void tw_ix_warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
{
    if (!ix->opts.on_warning)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ix->opts.on_warning(ix->opts.ctx, path, msg);
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
    if (!path || !*path) {
        tw_ix_error(ix, "no index path given");
        return TRAWL_EINVAL;
    }
    if (opts)
        ix->opts = *opts;
    if (!ix->opts.max_file_bytes)
        ix->opts.max_file_bytes = DEFAULT_MAX_FILE;
    if (!ix->opts.max_inflated_bytes)
        ix->opts.max_inflated_bytes = DEFAULT_MAX_INFLATED;
    if (!ix->opts.max_text_bytes)
        ix->opts.max_text_bytes = DEFAULT_MAX_TEXT;
    if (!ix->opts.batch_articles)
        ix->opts.batch_articles = DEFAULT_BATCH;
    if (ix->opts.stemmer) {
        if (!(ix->stemmer = strdup(ix->opts.stemmer)))
            return TRAWL_ENOMEM;
        ix->opts.stemmer = ix->stemmer;
    }
    if (make_parents(path) < 0) {
        tw_ix_error(ix, "cannot create the folders above index %s: %s", path, strerror(errno));
        return TRAWL_EIO;
    }
    trawl_status st = tw_writer_open(path, ix->opts.stemmer, ix->opts.overwrite != 0,
                                     &ix->writer, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK)
        *out = ix;
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
    return TRAWL_OK;
}

trawl_status trawl_indexer_commit(trawl_indexer *ix)
{
    if (!ix || !ix->writer)
        return TRAWL_EINVAL;
    trawl_status st = tw_writer_commit(ix->writer, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK)
        ix->pending_articles = ix->pending_bytes = 0;
    return st;
}

trawl_status trawl_indexer_close(trawl_indexer *ix)
{
    if (!ix)
        return TRAWL_OK;
    trawl_status st = TRAWL_OK;
    if (ix->writer)
        st = trawl_indexer_commit(ix);
    tw_writer_close(ix->writer);
    tw_buf_free(&ix->read_buf);
    for (size_t i = 0; i < sizeof ix->fields / sizeof ix->fields[0]; i++)
        tw_buf_free(&ix->fields[i]);
    tw_buf_free(&ix->data);
    free(ix->stemmer);
    free(ix);
    return st;
}

/* Cleans FIELD into ix->fields[slot]; NULL stays NULL, and so does a field that is
 * empty once cleaned.  Returns -1 on ENOMEM. */
static int clean_field(trawl_indexer *ix, int slot, const char *field, size_t len,
                       bool one_line, const char **out)
{
    tw_buf *b = &ix->fields[slot];
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

trawl_status tw_ix_add_article(trawl_indexer *ix, const trawl_article *a)
{
    if (!ix || !ix->writer || !a || !a->id || !*a->id) {
        if (ix)
            tw_ix_error(ix, "an article needs a non-empty id");
        return TRAWL_EINVAL;
    }
    const char *title, *body, *author, *url, *site, *date;
    size_t body_len = a->body ? strlen(a->body) : 0;
    if (body_len > ix->opts.max_text_bytes) {
        tw_ix_warn(ix, a->id, "article text cut at %llu bytes (limit: --max-text)",
             (unsigned long long)ix->opts.max_text_bytes);
        body_len = ix->opts.max_text_bytes;
    }
    if (clean_field(ix, 0, a->title, a->title ? strlen(a->title) : 0, true, &title) < 0 ||
        clean_field(ix, 1, a->body, body_len, false, &body) < 0 ||
        clean_field(ix, 2, a->author, a->author ? strlen(a->author) : 0, true, &author) < 0 ||
        clean_field(ix, 3, a->url, a->url ? strlen(a->url) : 0, true, &url) < 0 ||
        clean_field(ix, 4, a->site, a->site ? strlen(a->site) : 0, true, &site) < 0 ||
        clean_field(ix, 5, a->date, a->date ? strlen(a->date) : 0, true, &date) < 0) {
        tw_ix_error(ix, "out of memory cleaning article %s", a->id);
        return TRAWL_ENOMEM;
    }

    /* No site name given: the host of the url names the site. */
    if (!site && url) {
        tw_buf *b = &ix->fields[4];
        tw_buf_clear(b);
        if (tw_url_host(url, b) < 0) {
            tw_ix_error(ix, "out of memory cleaning article %s", a->id);
            return TRAWL_ENOMEM;
        }
        site = b->len ? b->data : NULL;
    }
    if (body && !ix->opts.keep_boilerplate) {
        tw_buf *b = &ix->fields[1];
        b->len = tw_strip_boilerplate(b->data, b->len, title);
        if (!b->len)
            body = NULL;
    }

    tw_doc doc = { .id = a->id, .path = a->path, .title = title, .body = body,
                   .author = author, .url = url };
    tw_date when;
    char iso[21];
    if (date && tw_date_parse(date, &when)) {
        doc.has_date = true;
        doc.date = when.epoch;
        tw_date_format(&when, iso);
    } else if (date) {
        tw_ix_warn(ix, a->id, "date '%s' not understood: article indexed without a date", date);
    }
    if (ix->file_st) {
        doc.has_file = true;
        doc.mtime = ix->file_st->st_mtime;
        doc.size = (uint64_t)ix->file_st->st_size;
    }

    /* The hash covers what was indexed, so a change of any field is a change. */
    tw_buf *data = &ix->data;
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
    rc |= tw_docdata_put_body(data, body, body_stored);
    if (rc) {
        tw_ix_error(ix, "out of memory storing article %s", a->id);
        return TRAWL_ENOMEM;
    }
    char hex[17];
    tw_hash64_hex(data->data, data->len, hex);
    doc.hash_hex = hex;
    doc.data = data->data;
    doc.data_len = data->len;

    trawl_status st = tw_writer_add(ix->writer, &doc, ix->errmsg, sizeof ix->errmsg);
    if (st != TRAWL_OK)
        return st;
    ix->stats.articles++;
    ix->file_articles++;
    ix->pending_articles++;
    ix->pending_bytes += data->len;
    if (ix->pending_articles >= ix->opts.batch_articles ||
        ix->pending_bytes >= BATCH_TEXT_BYTES)
        return trawl_indexer_commit(ix);
    return TRAWL_OK;
}


trawl_status trawl_indexer_add_article(trawl_indexer *ix, const trawl_article *article)
{
    return tw_ix_add_article(ix, article);
}

trawl_status trawl_indexer_remove(trawl_indexer *ix, const char *id)
{
    if (!ix || !ix->writer || !id || !*id) {
        if (ix)
            tw_ix_error(ix, "no article id given");
        return TRAWL_EINVAL;
    }
    trawl_status st = tw_writer_remove(ix->writer, id, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK) {
        ix->stats.articles_removed++;
        ix->pending_articles++;
    }
    return st;
}

void trawl_indexer_interrupt(trawl_indexer *ix)
{
    if (ix)
        ix->interrupted = 1;
}
