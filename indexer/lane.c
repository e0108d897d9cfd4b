/* lane.c - a lane: one writer, with the counters and buffers of the file it is on.
 * Cleaning and writing one article, committing in batches, and the messages
 * every part of the indexer gives (tw_ix_error, tw_ix_warn).
 *
 * This is the bottom of the indexer: the per-file code (index_file.c), the
 * bulk workers (bulk.c, bulk_route.c), the walk (add_path.c) and the handle
 * (indexer.c) all call down into it, and it calls none of them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trawl.h"
#include "author_cap.h"
#include "buf.h"
#include "date.h"
#include "docdata.h"
#include "formats/boilerplate.h"
#include "formats/clean.h"
#include "formats/lang.h"
#include "formats/site_name.h"
#include "hash.h"
#include "indexer_internal.h"
#include "schema.h"
#include "store/writer.h"
#include "url.h"
#include "utf8.h"

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

trawl_status tw_ix_unwritable(trawl_indexer *ix)
{
    tw_ix_error(ix, "this indexer has no index open to write to (its open failed, or "
                "opening the index again after a bulk build did): close it");
    return TRAWL_EINVAL;
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

/* What the writer's uncommitted changes hold in memory, per byte of text indexed:
 * Xapian's inverter keeps each posting and position in ordered maps.  Measured
 * with the peak RSS of bulk builds of Reuters and linux-doc (bench/RESULTS.md).
 * A bulk build's default budget is small on purpose: small batches stay in the
 * CPU's caches, and indexing ran faster with 16 MiB than with 64 (Reuters 7.2 s
 * against 8.4 s, linux-doc 7.3 against 8.4, with two workers) or 256.  An
 * update's is larger (tw_ix_memory). */
#define MEMORY_PER_TEXT_BYTE 20

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
    tw_sea_free(lane->sea);
    tw_buf_free(&lane->sea_text);
}

/* What the writer's uncommitted deletions hold in memory, per word of the
 * articles deleted (their length): Xapian reads each one's terms and keeps
 * the change to every posting list they are in.  Measured as the peak RSS of
 * one commit of them all, less the run's own: the 10,000 Reuters articles of
 * 10 of its files, 3.13M words, 267 MiB; the 9,482 articles of half its
 * files as text, 3.10M words, 266 MiB -- 86-87 bytes a word.  (Words that
 * occur nowhere else, random tokens, cost up to 300: each brings Xapian a
 * posting list of its own to change.)  Charging more
 * (200, before) made the commits smaller than the budget allows, and each
 * commit rewrites the blocks of every posting list the deletions touched:
 * the articles of half of Reuters as text, 89 MB indexed, took 38 commits
 * at 16 MiB (peak RSS 20 MiB), 18 now (30 MiB). */
#define MEMORY_PER_DELETED_WORD 90

/* Counts ARTICLES deleted, which held WORDS words, with the memory the
 * deletion holds until the commit; commits when that reaches the lane's
 * budget, as an added article does.  Call it once the index is consistent
 * without them (their file's record dropped or marked unfinished). */
static trawl_status removed_some(tw_lane *lane, uint64_t articles, uint64_t words)
{
    lane->stats.articles_removed += articles;
    lane->pending_articles += articles;
    lane->pending_memory += MEMORY_PER_DELETED_WORD * words;
    if (lane->pending_memory < lane->memory_limit)
        return TRAWL_OK;
    trawl_status st = tw_lane_commit(lane);
    return st == TRAWL_OK ? st : tw_lane_fail(lane, st);
}

/* Articles deleted at a time, at most: a file of many (a dump of 100,000)
 * is deleted a part at a time, each no more than the lane's budget has room
 * for (1,000 articles of 5,000 words would hold 430 MiB), with a commit
 * whenever the budget is full. */
#define DROP_STEP 1000

trawl_status tw_lane_drop_path(tw_lane *lane, const char *path, uint64_t *removed)
{
    *removed = 0;
    for (;;) {
        uint64_t some = 0, words = 0;
        uint64_t room = lane->memory_limit > lane->pending_memory
                            ? lane->memory_limit - lane->pending_memory : 0;
        trawl_status st = tw_writer_drop_some(lane->writer, path, DROP_STEP,
                                              room / MEMORY_PER_DELETED_WORD, &some, &words,
                                              lane->errmsg, sizeof lane->errmsg);
        if (st != TRAWL_OK)
            return tw_lane_fail(lane, st);
        if (!some)
            return TRAWL_OK;
        *removed += some;
        st = removed_some(lane, some, words);
        if (st != TRAWL_OK)
            return st;
    }
}

trawl_status tw_lane_forget_path(tw_lane *lane, const char *path, uint64_t *removed)
{
    /* The articles go a part at a time, the record last: a run killed in
     * between leaves the file still recorded, whose removal the next run
     * finishes. */
    trawl_status st = tw_lane_drop_path(lane, path, removed);
    if (st != TRAWL_OK)
        return st;
    uint64_t none = 0;
    st = tw_writer_drop_path(lane->writer, path, true, &none, lane->errmsg,
                             sizeof lane->errmsg);
    if (st != TRAWL_OK)
        return tw_lane_fail(lane, st);
    lane->pending_articles++;           /* the record */
    return TRAWL_OK;
}

trawl_status tw_lane_commit(tw_lane *lane)
{
    trawl_status st = tw_writer_commit(lane->writer, lane->errmsg, sizeof lane->errmsg);
    if (st == TRAWL_OK)
        lane->pending_articles = lane->pending_memory = 0;
    return st;
}

void tw_stats_add(trawl_indexer_stats *to, const trawl_indexer_stats *from)
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

void tw_ix_progress(trawl_indexer *ix, const char *path, const char *stage)
{
    if (!ix->opts.on_progress)
        return;
    trawl_progress p = { ix->stats.files_seen, ix->stats.bytes, ix->stats.articles, path,
                         ix->files_total, ix->bytes_total, stage };
    ix->opts.on_progress(ix->opts.ctx, &p);
}

void tw_lane_report(tw_lane *lane, const char *path)
{
    trawl_indexer *ix = lane->ix;
    pthread_mutex_lock(&ix->mu);
    tw_stats_add(&ix->stats, &lane->stats);
    memset(&lane->stats, 0, sizeof lane->stats);
    if (path)
        tw_ix_progress(ix, path, NULL);
    pthread_mutex_unlock(&ix->mu);
}

void tw_lane_report_part(tw_lane *lane, uint64_t more_bytes, const char *path)
{
    trawl_indexer_stats rest = lane->stats;
    memset(&lane->stats, 0, sizeof lane->stats);
    lane->stats.bytes = rest.bytes + more_bytes;
    lane->stats.articles = rest.articles;
    rest.bytes = rest.articles = 0;
    tw_lane_report(lane, path);
    lane->stats = rest;
}

trawl_status tw_lane_fail(tw_lane *lane, trawl_status st)
{
    pthread_mutex_lock(&lane->ix->mu);
    memcpy(lane->ix->errmsg, lane->errmsg, sizeof lane->errmsg);
    pthread_mutex_unlock(&lane->ix->mu);
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

/* BODY's near-duplicate signature (store/minhash.h) into *SIG, over its
 * words with each Thai, Lao, Khmer or Burmese run split as the index splits
 * it (sea_words.h): taken a space apart, a run was one "word", so that a
 * short article had too few for a signature, and an edit inside a long
 * run changed every shingle that held it.  Unsplit when memory is short. */
static bool signature_of(tw_lane *lane, const char *body, tw_minhash *sig)
{
    size_t len = strlen(body);
    if (tw_sea_any(body, len) && (lane->sea || (lane->sea = tw_sea_new())) &&
        tw_sea_split(lane->sea, body, len, ' ', &lane->sea_text) > 0) {
        body = lane->sea_text.data;
        len = lane->sea_text.len;
    }
    return tw_minhash_compute(body, len, sig);
}

/* Gives the cleaned article DOC, dated DATE (ISO 8601, or NULL), to the
 * on_extract callback of an extracting indexer, in place of the index. */
static trawl_status hand_over(tw_lane *lane, const tw_doc *doc, const char *date)
{
    trawl_indexer *ix = lane->ix;
    trawl_article out = { .size = sizeof out, .id = doc->id, .title = doc->title,
                          .body = doc->body, .date = date, .url = doc->url, .site = doc->site,
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
    if (author) {       /* every format's, and a library caller's */
        tw_buf *b = &lane->fields[2];
        b->len = tw_author_cap(b->data, b->len);
        b->data[b->len] = '\0';
    }

    if (site && title) {    /* every format's, and a library caller's */
        tw_buf *b = &lane->fields[4];
        tw_strip_title_from_site(b, title);
        site = b->len ? b->data : NULL;
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
    char iso[TW_DATE_ISO_MAX];
    if (date && tw_date_parse(date, &when)) {
        /* 0001-01-01 and its like stand for "no date": not a date, nor a
         * mistake to report. */
        if (!tw_date_placeholder(&when)) {
            doc.has_date = true;
            doc.date = when.epoch;
            doc.date_offset = when.offset;
            tw_date_format(&when, iso);
        }
    } else if (date && !tw_date_zero(date, strlen(date))) {
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
    if (body && signature_of(lane, body, &signature))
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

    bool replaced, terms_cut;
    trawl_status st = tw_writer_add(lane->writer, &doc, &replaced, &terms_cut, lane->errmsg,
                                    sizeof lane->errmsg);
    if (st != TRAWL_OK)
        return tw_lane_fail(lane, st);
    if (terms_cut)
        tw_ix_warn(ix, a->id, "article with more than " TW_ARTICLE_TERMS_MAX_TEXT
                   " distinct terms (words and their stems): the text after them is not "
                   "indexed");
    /* A file's earlier articles went before it was read again, and a bulk
     * build's shard starts empty: an id there already was given earlier in
     * the same file (a dump's repeated id, a page captured twice in one web
     * archive).  The later wins, as ids are keys, but not silently.  A
     * caller of trawl_indexer_add_article that replaces its own article of
     * an earlier run is not warned. */
    if (replaced && (lane->file_path || lane != &ix->lane))
        tw_ix_warn(ix, a->id, "this id is given again in its file: the later article "
                   "replaces the earlier");
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
