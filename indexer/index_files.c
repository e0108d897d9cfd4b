/* index_files.c - trawl_indexer_add_path: walk the files, skip the unchanged ones,
 * re-extract the changed ones, and remove what disappeared under the walked root. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract.h"
#include "indexer_internal.h"
#include "read.h"
#include "utf8.h"
#include "walk.h"

/* Whether the lane's current file has used up its CPU time: the budget, and as
 * much again per 64 MiB read, so that a big container is not cut for its size
 * (trawl indexes a few MB a second per core, so it would take a quarter of that
 * at most). */
static bool over_budget(tw_lane *lane)
{
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    double used = (double)(now.tv_sec - lane->file_cpu_start.tv_sec) +
                  (double)(now.tv_nsec - lane->file_cpu_start.tv_nsec) / 1e9;
    const tw_source *s = lane->file_source;
    uint64_t bytes = s ? (s->gzip ? s->inflated : s->raw_bytes) : 0;
    double budget = lane->ix->opts.file_seconds;
    if (budget < 0 || used <= budget * (1.0 + (double)bytes / (64.0 * 1024 * 1024)))
        return false;
    lane->file_timed_out = true;
    return true;
}

static trawl_status emit_article(void *ctx, const trawl_article *a, const char *lang)
{
    tw_lane *lane = ctx;
    if (lane->ix->interrupted)
        return TRAWL_EINTR;
    if (over_budget(lane))
        return TRAWL_EFORMAT;
    if (!tw_ix_in_shard(lane->ix, a->id)) {
        lane->file_elsewhere = true;
        return TRAWL_OK;
    }
    return lane->route ? tw_bulk_route(lane, a, lang) : tw_ix_add_article(lane, a, lang);
}

static void emit_warning(void *ctx, const char *message, bool lost)
{
    tw_lane *lane = ctx;
    if (lost)
        lane->file_lost = true;
    tw_ix_warn(lane->ix, lane->file_path, "%s", message);
}

static trawl_status emit_check(void *ctx, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    tw_lane *lane = ctx;
    if (lane->ix->interrupted)
        return TRAWL_EINTR;
    return over_budget(lane) ? TRAWL_EFORMAT : TRAWL_OK;
}

static bool all_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* A bulk build's worker lane writes a shard that starts empty and gets each
 * file once, handed out by the walk, which leaves the counting of it to the
 * worker; the indexer's own lane updates the index in place. */
static bool is_shard(const tw_lane *lane)
{
    return lane != &lane->ix->lane;
}

static bool same_stat(const tw_file_record *rec, const struct stat *st)
{
    return rec->size == (uint64_t)st->st_size && rec->mtime_sec == st->st_mtim.tv_sec &&
           rec->mtime_nsec == st->st_mtim.tv_nsec;
}

/* Records what the index now holds of PATH, so the next run can skip it. */
static trawl_status remember(tw_lane *lane, const char *path, const struct stat *st,
                             uint64_t hash, uint64_t articles)
{
    if (tw_ix_extracting(lane->ix) || !st)
        return TRAWL_OK;        /* no index to remember it in, or no file (a buffer) */
    tw_file_record rec = { (uint64_t)st->st_size, st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
                           hash, articles };
    trawl_status rc = tw_writer_file_put(lane->writer, path, &rec, lane->errmsg,
                                         sizeof lane->errmsg);
    return rc == TRAWL_OK ? rc : tw_lane_fail(lane, rc);
}

/* Bytes of the input read to recognise its format. */
#define SNIFF_BYTES (64u * 1024)

/* Reads what a one-article extractor takes, up to LIMIT bytes (not cutting a
 * UTF-8 character), into IN; tells when the input went on past it. */
static int read_whole(tw_lane *lane, tw_source *src, tw_input *in, uint64_t limit,
                      const char *what, char *err, size_t errlen)
{
    size_t cap = limit > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)limit;
    if (tw_source_fill(src, cap + 1, err, errlen) < 0)
        return -1;
    in->data = src->data;
    in->len = src->len;
    in->source = NULL;
    if (src->len > cap) {
        in->len = tw_utf8_cut(src->data, cap);
        lane->file_cut = true;
        tw_ix_warn(lane->ix, in->path, "%s cut at %llu bytes (limit: %s)", what,
                   (unsigned long long)cap,
                   strcmp(what, "article text") == 0 ? "--max-text" : "--max-html");
    }
    return 0;
}

/* Extracts and writes one file whose content is new or has changed. */
/* Indexes what SRC holds as the file PATH, whose status is ST (NULL for bytes
 * in memory: nothing to remember of a file, and no file time on its articles). */
static trawl_status index_content(tw_lane *lane, const char *path, const struct stat *st,
                                  tw_source *src)
{
    trawl_indexer *ix = lane->ix;
    char err[512];
    if (tw_source_fill(src, SNIFF_BYTES, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;
    }
    tw_input in = { path, src->data, src->len, src };
    bool empty = src->end && all_space(in.data, in.len);
    const tw_extractor *ex = empty ? NULL : tw_extractor_find(&in);

    /* Whatever the file held before goes; what it holds now comes in. */
    if (!is_shard(lane) && !tw_ix_extracting(ix)) {
        uint64_t removed = 0;
        trawl_status st_drop = tw_writer_drop_path(lane->writer, path, false, &removed,
                                                   lane->errmsg, sizeof lane->errmsg);
        if (st_drop != TRAWL_OK)
            return tw_lane_fail(lane, st_drop);
        lane->stats.articles_removed += removed;
        lane->pending_articles += removed;
    }

    if (!ex) {
        lane->stats.files_skipped++;
        tw_ix_warn(ix, path, "%s file: skipped", empty ? "empty" : "binary");
        if (tw_source_hash_rest(src, err, sizeof err) < 0) {
            tw_ix_warn(ix, path, "%s", err);
            return TRAWL_OK;
        }
        return remember(lane, path, st, src->hash, 0);
    }
    lane->file_path = path;
    lane->file_st = st;
    lane->file_articles = 0;
    lane->file_lost = lane->file_cut = lane->file_timed_out = lane->file_elsewhere = false;
    lane->file_source = src;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &lane->file_cpu_start);
    trawl_status xs = TRAWL_OK;
    if (ex->extent == TW_EXTENT_TEXT &&
        read_whole(lane, src, &in, ix->opts.max_text_bytes, "article text", err, sizeof err) < 0)
        xs = TRAWL_EFORMAT;
    else if (ex->extent == TW_EXTENT_MARKUP &&
             read_whole(lane, src, &in, ix->opts.max_html_bytes, "HTML page", err,
                        sizeof err) < 0)
        xs = TRAWL_EFORMAT;
    bool route = xs == TRAWL_OK && st && tw_bulk_routes(lane, (size_t)st->st_size);
    if (route && (xs = tw_bulk_route_begin(lane)) != TRAWL_OK)
        return xs;
    tw_emit emit = { .article = emit_article, .warn = emit_warning, .ctx = lane,
                     .check = emit_check };
    if (xs == TRAWL_OK)
        xs = ex->extract(&in, &emit, err, sizeof err);
    if (route) {
        bool lost;
        tw_bulk_route_end(lane, &lost);
        lane->file_lost |= lost;
    }
    lane->file_path = NULL;
    lane->file_st = NULL;
    lane->file_source = NULL;
    if (lane->file_articles)
        lane->stats.files_indexed++;
    if (xs == TRAWL_EFORMAT) {
        lane->stats.files_failed++;
        if (lane->file_timed_out)
            tw_ix_warn(ix, path, "abandoned: it took more CPU time than --file-timeout "
                       "allows (%g s, and as much again per 64 MiB read); %llu articles of "
                       "it are indexed", ix->opts.file_seconds,
                       (unsigned long long)lane->file_articles);
        else
            tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;          /* no record: the next run tries again */
    }
    if (xs != TRAWL_OK)
        return xs;                /* the index failed, or an interrupt */
    /* The record's hash covers the whole file, however little of it was needed. */
    if (tw_source_hash_rest(src, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;
    }
    if (lane->file_lost) {
        lane->stats.files_failed++;
        return TRAWL_OK;
    }
    /* A file whose articles all belong to other shards is recorded, so that
     * the next run skips it while it is unchanged, but it is no mistake. */
    if (!lane->file_articles && !lane->file_elsewhere) {
        lane->stats.files_skipped++;
        tw_ix_warn(ix, path, "no article in it: skipped");
    }
    return remember(lane, path, st, src->hash, lane->file_articles);
}

/* A read buffer that grew past this for one big file is let go of after it, so
 * that every worker does not keep its biggest file's worth for the whole run. */
#define KEEP_READ_BUF (4u << 20)

/* Indexes SRC as PATH (index_content), and says when a limit cut it short:
 * by the options' names of trawl-index for a file, of the library for bytes
 * in memory (ST NULL). */
static trawl_status index_read(tw_lane *lane, const char *path, const struct stat *st,
                               tw_source *src)
{
    trawl_status result = index_content(lane, path, st, src);
    if (src->cut)
        tw_ix_warn(lane->ix, path, "only the first %llu bytes were read (limit: %s)",
                   (unsigned long long)(src->gzip ? src->inflated : src->raw_bytes),
                   st ? (src->gzip ? "--max-inflated or --max-file-size" : "--max-file-size")
                      : (src->gzip ? "max_inflated_bytes or max_file_bytes"
                                   : "max_file_bytes"));
    return result;
}

/* Counts what SRC read, and lets it go, with a read buffer one big input
 * made big. */
static void end_read(tw_lane *lane, tw_source *src)
{
    lane->stats.bytes += src->raw_bytes;
    tw_source_close(src);
    if (lane->read_buf.cap > KEEP_READ_BUF)
        tw_buf_free(&lane->read_buf);
}

trawl_status tw_lane_index_file(tw_lane *lane, const char *path, const struct stat *st,
                                const tw_file_record *rec)
{
    trawl_indexer *ix = lane->ix;
    tw_read_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes };
    tw_source src;
    char err[512];
    trawl_status result = TRAWL_OK;
    if (is_shard(lane))
        lane->stats.files_seen++;
    if (tw_source_open(&src, path, &limits, &lane->read_buf, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        tw_lane_report(lane, path);
        return TRAWL_OK;
    }
    /* Touched but not changed: remember the new time, skip the work. */
    if (rec && tw_source_hash_rest(&src, err, sizeof err) == 0 && src.hash == rec->hash) {
        lane->stats.files_unchanged++;
        result = remember(lane, path, st, src.hash, rec->articles);
    } else if (rec && tw_source_rewind(&src, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
    } else {
        result = index_read(lane, path, st, &src);
    }
    end_read(lane, &src);
    tw_lane_report(lane, path);
    return result;
}

trawl_status tw_lane_index_buffer(tw_lane *lane, const char *name, const char *data,
                                  size_t len)
{
    trawl_indexer *ix = lane->ix;
    /* A file's limits hold for the same bytes in memory: a gzip bomb is one. */
    tw_read_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes };
    tw_source src;
    char err[512];
    lane->stats.files_seen++;
    trawl_indexer_stats before = lane->stats;
    trawl_status result = TRAWL_OK;
    if (tw_source_memory_file(&src, data, len, &limits, &lane->read_buf, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, name, "%s", err);
        tw_lane_report(lane, name);
        return TRAWL_EFORMAT;
    }
    result = index_read(lane, name, NULL, &src);
    end_read(lane, &src);
    /* A buffer given to be indexed that gave nothing is the caller's error. */
    if (result == TRAWL_OK && (lane->stats.files_failed > before.files_failed ||
                               lane->stats.files_skipped > before.files_skipped))
        result = TRAWL_EFORMAT;
    tw_lane_report(lane, name);
    return result;
}

/* The walk's callback for each regular file.  Returns nonzero (a trawl_status)
 * only when the walk must stop: the index failed, or an interrupt. */
static int index_file(void *ctx, const char *path, const struct stat *st)
{
    trawl_indexer *ix = ctx;
    tw_lane *lane = &ix->lane;
    if (ix->interrupted)
        return TRAWL_EINTR;
    if (ix->bulk)
        return (int)tw_bulk_put(ix, path, st);    /* counted when done */
    lane->stats.files_seen++;
    /* Extracting: every file is new, and nothing is left to remove after. */
    if (tw_ix_extracting(ix))
        return (int)tw_lane_index_file(lane, path, st, NULL);
    if (tw_pathset_add(&ix->seen, path) < 0) {
        tw_ix_error(ix, "out of memory");
        return TRAWL_ENOMEM;
    }
    tw_file_record rec;
    bool known = false;
    trawl_status result = tw_writer_file_get(lane->writer, path, &rec, &known, lane->errmsg,
                                             sizeof lane->errmsg);
    if (result != TRAWL_OK)
        return (int)tw_lane_fail(lane, result);
    if (known && same_stat(&rec, st)) {
        lane->stats.files_unchanged++;          /* not even read */
        tw_lane_report(lane, path);
        return 0;
    }
    return (int)tw_lane_index_file(lane, path, st, known ? &rec : NULL);
}

static void walk_problem(void *ctx, const char *path, const char *message, bool failed)
{
    trawl_indexer *ix = ctx;
    ix->lane.stats.files_seen++;
    if (failed) {
        ix->lane.stats.files_failed++;
        /* Whatever was indexed from there stays: it is not gone, only unreadable. */
        char **more = realloc(ix->failed_dirs, (ix->n_failed_dirs + 1) * sizeof *more);
        if (more)
            ix->failed_dirs = more;
        if (more && (more[ix->n_failed_dirs] = strdup(path)))
            ix->n_failed_dirs++;
        else
            ix->walk_unsure = true;     /* the folder's articles must not go */
    } else {
        ix->lane.stats.files_skipped++;
    }
    tw_ix_warn(ix, path, "%s", message);
}

static bool under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* For each file indexed before under the root: gone now?  Then so are its articles. */
static trawl_status drop_if_gone(void *ctx, const char *path)
{
    trawl_indexer *ix = ctx;
    if (tw_pathset_has(&ix->seen, path))
        return TRAWL_OK;
    for (size_t i = 0; i < ix->n_failed_dirs; i++)
        if (under(path, ix->failed_dirs[i]))
            return TRAWL_OK;
    uint64_t removed = 0;
    trawl_status st = tw_writer_drop_path(ix->writer, path, true, &removed, ix->lane.errmsg,
                                          sizeof ix->lane.errmsg);
    if (st != TRAWL_OK)
        return tw_lane_fail(&ix->lane, st);
    ix->lane.stats.files_removed++;
    ix->lane.stats.articles_removed += removed;
    ix->lane.pending_articles += removed + 1;
    return TRAWL_OK;
}

/* "corpus/" and "./corpus" name the same files as "corpus": one spelling, so that
 * ids and file records match from run to run. */
static char *normalise_root(const char *path)
{
    while (path[0] == '.' && path[1] == '/' && path[2])
        for (path += 2; *path == '/'; path++)
            ;
    char *root = strdup(path);
    if (root) {
        size_t n = strlen(root);
        while (n > 1 && root[n - 1] == '/')
            root[--n] = '\0';
    }
    return root;
}

static void end_walk(trawl_indexer *ix)
{
    tw_pathset_clear(&ix->seen);
    for (size_t i = 0; i < ix->n_failed_dirs; i++)
        free(ix->failed_dirs[i]);
    free(ix->failed_dirs);
    ix->failed_dirs = NULL;
    ix->n_failed_dirs = 0;
    ix->walk_unsure = false;
}

static int count_file(void *ctx, const char *path, const struct stat *st)
{
    (void)path;
    trawl_indexer *ix = ctx;
    ix->files_total++;
    ix->bytes_total += (uint64_t)st->st_size;
    return ix->interrupted ? TRAWL_EINTR : 0;
}

static void count_problem(void *ctx, const char *path, const char *message, bool failed)
{
    (void)path;
    (void)message;
    (void)failed;
    ((trawl_indexer *)ctx)->files_total++;   /* counted as seen by the real walk too */
}

trawl_status trawl_indexer_add_path(trawl_indexer *ix, const char *path)
{
    if (!ix || (!ix->writer && !ix->bulk && !tw_ix_extracting(ix)) || !path || !*path) {
        if (ix)
            tw_ix_error(ix, "no path given");
        return TRAWL_EINVAL;
    }
    /* A fresh index is built in bulk: in parallel, then merged (bulk.c). */
    trawl_status st = TRAWL_OK;
    if (ix->fresh && !ix->bulk)
        st = tw_bulk_begin(ix);
    if (st == TRAWL_OK && ix->bulk)
        st = tw_bulk_start_workers(ix);
    if (st != TRAWL_OK)
        return st;
    char *root = normalise_root(path);
    if (!root)
        return TRAWL_ENOMEM;
    if (ix->opts.count_first) {
        tw_walk counter = { ix->opts.include, ix->opts.exclude, count_file, count_problem, ix };
        /* Counting is only for the progress bar: the walk below meets the
         * same problems and reports them. */
        TW_IGNORE(tw_walk_run(&counter, root));
    }
    tw_walk w = { ix->opts.include, ix->opts.exclude, index_file, walk_problem, ix };
    int rc = tw_walk_run(&w, root);
    if (ix->bulk) {
        /* The walk may be over long before the workers are. */
        trawl_status done = tw_bulk_stop_workers(ix);
        if (rc <= 0 && done != TRAWL_OK)
            rc = (int)done;
        else if (rc <= 0 && ix->interrupted)
            rc = TRAWL_EINTR;
    }
    tw_lane_report(&ix->lane, NULL);
    if (rc > 0) {
        st = (trawl_status)rc;
        if (st == TRAWL_EINTR) {
            tw_ix_error(ix, "interrupted");
            ix->interrupted = 0;    /* the request is answered */
        }
    } else if (rc == 0 && !ix->bulk && !tw_ix_extracting(ix) && !ix->walk_unsure) {
        /* Only a walk that saw everything may say what is gone.  (A root that
         * cannot be read at all, rc < 0, was reported and counted as failed;
         * a folder that could not be read nor remembered leaves all as it is.) */
        st = tw_writer_files_under(ix->writer, root, drop_if_gone, ix, ix->errmsg,
                                   sizeof ix->errmsg);
    }
    end_walk(ix);
    free(root);
    return st;
}
