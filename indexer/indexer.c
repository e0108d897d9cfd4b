/* indexer.c - trawl_indexer: walk, read, extract, clean, write, commit in batches. */
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
#include "extract.h"
#include "hash.h"
#include "read.h"
#include "schema.h"
#include "url.h"
#include "walk.h"
#include "writer.h"

#define DEFAULT_MAX_FILE     (64ull << 20)
#define DEFAULT_MAX_INFLATED (256ull << 20)
#define DEFAULT_MAX_TEXT     (16ull << 20)
#define DEFAULT_BATCH        5000
/* Text bytes per commit too, so a few huge articles do not pile up in memory. */
#define BATCH_TEXT_BYTES     (64ull << 20)

struct trawl_indexer {
    tw_writer *writer;
    trawl_indexer_opts opts;        /* with defaults filled in */
    char *stemmer;                  /* owned copy of opts.stemmer */
    trawl_indexer_stats stats;
    uint64_t pending_articles, pending_bytes;
    const char *file_path;          /* the file being extracted, or NULL */
    const struct stat *file_st;     /* and its status */
    uint64_t file_articles;         /* articles the current file gave */
    bool file_lost;                 /* part of the current file could not be indexed */
    tw_buf read_buf;                /* reused across files */
    tw_buf fields[6], data, sealed; /* reused across articles */
    char errmsg[1024];
};

static void set_error(trawl_indexer *ix, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_error(trawl_indexer *ix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ix->errmsg, sizeof ix->errmsg, fmt, ap);
    va_end(ap);
}

static void warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
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
        set_error(ix, "no index path given");
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
        set_error(ix, "cannot create the folders above index %s: %s", path, strerror(errno));
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
    if (ix->writer && ix->pending_articles)
        st = trawl_indexer_commit(ix);
    tw_writer_close(ix->writer);
    tw_buf_free(&ix->read_buf);
    for (size_t i = 0; i < sizeof ix->fields / sizeof ix->fields[0]; i++)
        tw_buf_free(&ix->fields[i]);
    tw_buf_free(&ix->data);
    tw_buf_free(&ix->sealed);
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

static trawl_status add_article(trawl_indexer *ix, const trawl_article *a)
{
    if (!ix || !ix->writer || !a || !a->id || !*a->id) {
        if (ix)
            set_error(ix, "an article needs a non-empty id");
        return TRAWL_EINVAL;
    }
    const char *title, *body, *author, *url, *site, *date;
    size_t body_len = a->body ? strlen(a->body) : 0;
    if (body_len > ix->opts.max_text_bytes) {
        warn(ix, a->id, "article text cut at %llu bytes (limit: --max-text)",
             (unsigned long long)ix->opts.max_text_bytes);
        body_len = ix->opts.max_text_bytes;
    }
    if (clean_field(ix, 0, a->title, a->title ? strlen(a->title) : 0, true, &title) < 0 ||
        clean_field(ix, 1, a->body, body_len, false, &body) < 0 ||
        clean_field(ix, 2, a->author, a->author ? strlen(a->author) : 0, true, &author) < 0 ||
        clean_field(ix, 3, a->url, a->url ? strlen(a->url) : 0, true, &url) < 0 ||
        clean_field(ix, 4, a->site, a->site ? strlen(a->site) : 0, true, &site) < 0 ||
        clean_field(ix, 5, a->date, a->date ? strlen(a->date) : 0, true, &date) < 0) {
        set_error(ix, "out of memory cleaning article %s", a->id);
        return TRAWL_ENOMEM;
    }

    /* No site name given: the host of the url names the site. */
    if (!site && url) {
        tw_buf *b = &ix->fields[4];
        tw_buf_clear(b);
        if (tw_url_host(url, b) < 0) {
            set_error(ix, "out of memory cleaning article %s", a->id);
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
        warn(ix, a->id, "date '%s' not understood: article indexed without a date", date);
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
        body_stored = TW_STORED_BODY_MAX;
    int rc = tw_docdata_put(data, TW_F_ID, a->id, strlen(a->id));
    rc |= tw_docdata_put(data, TW_F_PATH, a->path, a->path ? strlen(a->path) : 0);
    rc |= tw_docdata_put(data, TW_F_TITLE, title, title ? strlen(title) : 0);
    rc |= tw_docdata_put(data, TW_F_DATE, doc.has_date ? iso : NULL,
                         doc.has_date ? strlen(iso) : 0);
    rc |= tw_docdata_put(data, TW_F_URL, url, url ? strlen(url) : 0);
    rc |= tw_docdata_put(data, TW_F_SITE, site, site ? strlen(site) : 0);
    rc |= tw_docdata_put(data, TW_F_AUTHOR, author, author ? strlen(author) : 0);
    rc |= tw_docdata_put(data, TW_F_BODY, body, body_stored);
    if (rc) {
        set_error(ix, "out of memory storing article %s", a->id);
        return TRAWL_ENOMEM;
    }
    char hex[17];
    tw_hash64_hex(data->data, data->len, hex);
    doc.hash_hex = hex;
    tw_buf *sealed = &ix->sealed;
    tw_buf_clear(sealed);
    if (tw_docdata_seal(data->data, data->len, sealed) < 0) {
        set_error(ix, "out of memory storing article %s", a->id);
        return TRAWL_ENOMEM;
    }
    doc.data = sealed->data;
    doc.data_len = sealed->len;

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
    return add_article(ix, article);
}

static trawl_status emit_article(void *ctx, const trawl_article *a)
{
    return add_article(ctx, a);
}

static void emit_warning(void *ctx, const char *message, bool lost)
{
    trawl_indexer *ix = ctx;
    if (lost)
        ix->file_lost = true;
    warn(ix, ix->file_path, "%s", message);
}

static bool all_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* Indexes one regular file met by the walk.  Returns nonzero (a trawl_status) only
 * when the index itself failed and the walk must stop. */
static int index_file(void *ctx, const char *path, const struct stat *st)
{
    trawl_indexer *ix = ctx;
    ix->stats.files_seen++;
    tw_read_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes };
    tw_read_info info;
    char err[512];
    trawl_status result = TRAWL_OK;

    if (tw_read_file(path, &limits, &ix->read_buf, &info, err, sizeof err) < 0) {
        ix->stats.bytes += info.raw_bytes;
        ix->stats.files_failed++;
        warn(ix, path, "%s", err);
        goto progress;
    }
    ix->stats.bytes += info.raw_bytes;
    if (info.truncated)
        warn(ix, path, "only the first %llu bytes were read (limit: %s)",
             (unsigned long long)ix->read_buf.len,
             info.gzip ? "--max-inflated or --max-file-size" : "--max-file-size");

    tw_input in = { path, ix->read_buf.data ? ix->read_buf.data : "", ix->read_buf.len };
    if (all_space(in.data, in.len)) {
        ix->stats.files_skipped++;
        warn(ix, path, "empty file: skipped");
        goto progress;
    }
    const tw_extractor *ex = tw_extractor_find(&in);
    if (!ex) {
        ix->stats.files_skipped++;
        warn(ix, path, "binary file: skipped");
        goto progress;
    }

    ix->file_path = path;
    ix->file_st = st;
    ix->file_articles = 0;
    ix->file_lost = false;
    tw_emit emit = { emit_article, emit_warning, ix };
    trawl_status xs = ex->extract(&in, &emit, err, sizeof err);
    ix->file_path = NULL;
    ix->file_st = NULL;
    if (xs == TRAWL_EFORMAT) {
        ix->stats.files_failed++;
        warn(ix, path, "%s", err);
    } else if (xs != TRAWL_OK) {
        result = xs;      /* the index failed: ix->errmsg says how */
    } else if (ix->file_lost) {
        ix->stats.files_failed++;
    }
    if (ix->file_articles)
        ix->stats.files_indexed++;
progress:
    if (ix->opts.on_progress) {
        trawl_progress p = { ix->stats.files_seen, ix->stats.bytes, ix->stats.articles, path };
        ix->opts.on_progress(ix->opts.ctx, &p);
    }
    return (int)result;
}

static void walk_problem(void *ctx, const char *path, const char *message, bool failed)
{
    trawl_indexer *ix = ctx;
    ix->stats.files_seen++;
    if (failed)
        ix->stats.files_failed++;
    else
        ix->stats.files_skipped++;
    warn(ix, path, "%s", message);
}

trawl_status trawl_indexer_add_path(trawl_indexer *ix, const char *path)
{
    if (!ix || !ix->writer || !path || !*path) {
        if (ix)
            set_error(ix, "no path given");
        return TRAWL_EINVAL;
    }
    tw_walk w = { ix->opts.include, ix->opts.exclude, index_file, walk_problem, ix };
    int rc = tw_walk_run(&w, path);
    if (rc > 0)
        return (trawl_status)rc;
    if (rc < 0) {
        set_error(ix, "%s: cannot read it", path);
        return TRAWL_EIO;
    }
    return TRAWL_OK;
}
