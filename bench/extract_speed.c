/* extract_speed.c - how fast each extractor turns files into articles, without
 * writing an index: walk, read (and gunzip), sniff, extract, then drop the
 * articles.  Prints one line per extractor with files, articles, MB and MB/s.
 * Usage: extract_speed PATH... */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "formats/extract.h"
#include "read.h"
#include "walk.h"

typedef struct tally {
    const char *name;
    unsigned long files, articles;
    double bytes, seconds;
} tally;

static tally tallies[16];     /* more than there are extractors */
static unsigned long current_articles;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static trawl_status count_article(void *ctx, const trawl_article *a, const char *lang)
{
    (void)ctx;
    (void)a;
    (void)lang;
    current_articles++;
    return TRAWL_OK;
}

static void ignore_warning(void *ctx, const char *message, bool lost)
{
    (void)ctx;
    (void)message;
    (void)lost;
}

static int one_file(void *ctx, const char *path, const struct stat *st)
{
    (void)ctx;
    (void)st;
    static tw_buf buf;
    tw_read_limits limits = { 64u << 20, 256u << 20 };
    tw_read_info info;
    char err[256];
    double t0 = now();
    if (tw_read_file(path, &limits, &buf, &info, err, sizeof err) < 0)
        return 0;
    tw_input in = { .path = path, .data = buf.data ? buf.data : "", .len = buf.len };
    const tw_extractor *ex = tw_extractor_find(&in);
    if (!ex)
        return 0;
    current_articles = 0;
    tw_emit emit = { .article = count_article, .warn = ignore_warning };
    ex->extract(&in, &emit, err, sizeof err);
    double t1 = now();
    tally *t = tallies;
    while (t->name && strcmp(t->name, ex->name) != 0)
        t++;
    t->name = ex->name;
    t->files++;
    t->articles += current_articles;
    t->bytes += (double)info.raw_bytes;
    t->seconds += t1 - t0;
    return 0;
}

static void no_problem(void *ctx, const char *path, const char *message, bool failed)
{
    (void)ctx;
    (void)path;
    (void)message;
    (void)failed;
}

int main(int argc, char **argv)
{
    tw_walk w = { .file = one_file, .problem = no_problem };
    for (int i = 1; i < argc; i++)
        if (tw_walk_run(&w, argv[i]) != 0) {   /* a speed of nothing read is no result */
            fprintf(stderr, "extract_speed: cannot walk %s\n", argv[i]);
            return 2;
        }
    for (tally *t = tallies; t->name; t++)
        printf("%-8s %7lu files %7lu articles %8.1f MB %7.2f s %8.1f MB/s %9.0f articles/s\n",
               t->name, t->files, t->articles, t->bytes / 1e6, t->seconds,
               t->bytes / 1e6 / t->seconds, (double)t->articles / t->seconds);
    return 0;
}
