/* bulk_route.c - sharing out the articles of a big file among the workers of a
 * bulk build.
 *
 * Why: workers take whole files, so a single JSON Lines dump (or any big
 * container) kept one core busy while the others idled: on the benchmark the
 * dump of 19,043 articles took twice as long as the same articles as files.
 * Now the worker that reads a big file sends each article to the worker chosen
 * by a hash of its id, through that worker's small inbox.  By id, so that two
 * articles of the file with the same id meet in one shard, where the second
 * replaces the first as it would in a single database.
 *
 * Locking: inboxes, routes and the counters live under tw_bulk.mu, and every
 * change to them broadcasts has_job, which idle workers and blocked senders
 * both wait on.  A sender that finds an inbox full writes the articles of its
 * own inbox meanwhile, so two workers sending to each other cannot wait
 * forever.  The file's record is written only when all its articles are, so
 * an interrupted build never remembers a file it did not finish. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulk_internal.h"
#include "bulk_route.h"
#include "hash.h"
#include "utf8.h"

/* Files smaller than this stay with the worker that took them: for one article
 * or a few, the copying would cost more than it spreads. */
#define ROUTE_MIN_BYTES (1u << 20)

bool tw_bulk_routes(const tw_lane *lane, size_t bytes)
{
    const tw_bulk *b = lane->ix->bulk;
    return b && b->n > 1 && lane != &lane->ix->lane && bytes >= ROUTE_MIN_BYTES;
}

trawl_status tw_bulk_route_begin(tw_lane *lane)
{
    if (!(lane->route = calloc(1, sizeof *lane->route))) {
        snprintf(lane->errmsg, sizeof lane->errmsg, "out of memory");
        return tw_lane_fail(lane, TRAWL_ENOMEM);
    }
    return TRAWL_OK;
}

/* Writes an article sent by another worker, through LANE, as if it were part of
 * the file it came from; LANE's own file counters stay as they were. */
static void write_job(tw_bulk *b, tw_lane *lane, article_job *j)
{
    const struct stat *file_st = lane->file_st;
    uint64_t file_articles = lane->file_articles;
    bool file_lost = lane->file_lost, file_cut = lane->file_cut;
    tw_route *route = lane->route;
    lane->file_st = &j->st;
    lane->route = NULL;
    lane->file_cut = false;
    trawl_status st = tw_ix_add_article(lane, &j->a, j->lang);
    /* Counted now, not when LANE next reports (its own file's end, or no work
     * left): the sender's progress reports, and its file's last one once
     * every article of it is written, add up the articles of all. */
    tw_lane_report_part(lane, 0, NULL);
    lane->file_st = file_st;
    lane->file_articles = file_articles;
    lane->file_lost = file_lost;
    lane->file_cut = file_cut;
    lane->route = route;
    free(j->mem);
    tw_bulk_fail(b, st);
    pthread_mutex_lock(&b->mu);
    if (st != TRAWL_OK)
        j->route->lost = true;
    j->route->outstanding--;
    pthread_cond_broadcast(&b->has_job);
    pthread_mutex_unlock(&b->mu);
}

bool tw_bulk_take_locked(tw_bulk *b, tw_lane *lane)
{
    inbox *box = &b->inboxes[lane - b->lanes];
    if (!box->count)
        return false;
    article_job j = box->slot[box->head];
    box->head = (box->head + 1) % INBOX_SLOTS;
    box->count--;
    box->bytes -= j.size;
    pthread_cond_broadcast(&b->has_job);
    pthread_mutex_unlock(&b->mu);
    write_job(b, lane, &j);
    pthread_mutex_lock(&b->mu);
    return true;
}

/* A copy of A and LANG in one block, its body cut to BODY_LEN bytes; -1 on
 * ENOMEM. */
static int copy_article(const trawl_article *a, const char *lang, size_t body_len,
                        article_job *j)
{
    const char *const from[] = { a->id, a->title, a->body, a->date, a->url, a->site,
                                 a->author, a->path, lang };
    const char **to[] = { &j->a.id, &j->a.title, &j->a.body, &j->a.date, &j->a.url,
                          &j->a.site, &j->a.author, &j->a.path, &j->lang };
    size_t len[9], size = 0;
    for (size_t i = 0; i < 9; i++)
        size += from[i] ? (len[i] = i == 2 ? body_len : strlen(from[i])) + 1 : 0;
    char *p = j->mem = malloc(size ? size : 1);
    if (!p)
        return -1;
    j->size = size;
    for (size_t i = 0; i < 9; i++) {
        *to[i] = NULL;
        if (from[i]) {
            memcpy(p, from[i], len[i]);
            p[len[i]] = '\0';
            *to[i] = p;
            p += len[i] + 1;
        }
    }
    return 0;
}

trawl_status tw_bulk_route(tw_lane *lane, const trawl_article *a, const char *lang)
{
    tw_bulk *b = lane->ix->bulk;
    unsigned k = (unsigned)(tw_hash64(a->id, strlen(a->id)) % b->n);
    if (&b->lanes[k] == lane)
        return tw_ix_add_article(lane, a, lang);
    /* Only what will be indexed travels: a body past --max-text is cut here,
     * where the file is known, and said once. */
    size_t body_len = a->body ? strlen(a->body) : 0;
    uint64_t max_text = lane->ix->opts.max_text_bytes;
    if (body_len > max_text) {
        if (!lane->file_cut)
            tw_ix_warn(lane->ix, a->id, "article text cut at %llu bytes (limit: --max-text)",
                       (unsigned long long)max_text);
        body_len = tw_utf8_cut(a->body, (size_t)max_text);
    }
    article_job j = { .st = *lane->file_st, .route = lane->route };
    if (copy_article(a, lang, body_len, &j) < 0) {
        snprintf(lane->errmsg, sizeof lane->errmsg, "out of memory");
        return tw_lane_fail(lane, TRAWL_ENOMEM);
    }
    inbox *box = &b->inboxes[k];
    pthread_mutex_lock(&b->mu);
    /* Full: by count, or by bytes (an empty inbox takes any one article). */
    while ((box->count == INBOX_SLOTS ||
            (box->count && box->bytes + j.size > INBOX_BYTES)) && b->failed == TRAWL_OK)
        if (!tw_bulk_take_locked(b, lane))
            pthread_cond_wait(&b->has_job, &b->mu);
    trawl_status failed = b->failed;
    if (failed == TRAWL_OK) {
        box->slot[(box->head + box->count) % INBOX_SLOTS] = j;
        box->count++;
        box->bytes += j.size;
        lane->route->outstanding++;
        lane->file_articles++;  /* counted for the file here, written there */
        pthread_cond_broadcast(&b->has_job);
    }
    pthread_mutex_unlock(&b->mu);
    if (failed != TRAWL_OK)
        free(j.mem);
    return failed;
}

void tw_bulk_route_end(tw_lane *lane, bool *lost)
{
    tw_bulk *b = lane->ix->bulk;
    pthread_mutex_lock(&b->mu);
    while (lane->route->outstanding)
        if (!tw_bulk_take_locked(b, lane))
            pthread_cond_wait(&b->has_job, &b->mu);
    *lost = lane->route->lost;
    pthread_mutex_unlock(&b->mu);
    free(lane->route);
    lane->route = NULL;
}
