/* trawl_query.c - main() of trawl-query: search an index from the shell. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trawl.h"
#include "cli.h"
#include "errors.h"
#include "format.h"
#include "query_cli.h"
#include "stub.h"

enum { EXIT_HITS = 0, EXIT_NO_HIT = 1, EXIT_ERROR = 2 };

/* Why printing the results failed (the errno of the write), or 0.  The exit
 * status stays the search's until main ends the output: a reader that went
 * away (| head -1) read what it wanted; any other failure is an error. */
static int output_errno;

/* Keeps why a print that returned RC failed, when it did. */
static void printed(int rc)
{
    if (rc < 0 && !output_errno)
        output_errno = errno ? errno : EIO;
}

/* Whether 'trawl-index -d PATH' would build an index at PATH: it does where
 * nothing is yet, or in a folder of nothing but what an index holds (the
 * writer's own test, tw_stub_only_ours), and refuses a folder of other files
 * (often the articles' own, given to -d by mistake) and a file. */
static bool index_can_go_at(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT;
    bool ours = tw_stub_only_ours(fd);
    close(fd);
    return ours;
}

/* What mends "no index" at PATH: building one there, when trawl-index
 * would; for a folder that holds other files, giving -d the index instead
 * (a file is a stub, and the library's message names what it lacks). */
static void no_index_hint(const char *path)
{
    struct stat st;
    if (index_can_go_at(path))
        fprintf(stderr, "trawl-query: build one with 'trawl-index -d %s PATH...'\n", path);
    else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        fputs("trawl-query: give -d the folder trawl-index wrote; a new index goes in a new "
              "or empty folder: 'trawl-index -d NEWDIR PATH...'\n", stderr);
}

/* The library says what is wrong; the tool adds the command that mends it,
 * for the index PATH (NULL when several are searched: the message names the
 * one at fault).  A shard that did not answer: its server is to be started,
 * with SHARD_HINT said after (what else helps, or why --partial does not). */
static int report(trawl_db *db, trawl_status st, const char *path, const char *shard_hint)
{
    const char *msg = trawl_db_errmsg(db);
    fprintf(stderr, "trawl-query: %s\n", msg && *msg ? msg : trawl_strerror(st));
    if (st == TRAWL_ENOINDEX && path)
        no_index_hint(path);
    else if (st == TRAWL_ESHARD && msg && strstr(msg, TW_SHARD_TIMED_OUT))
        /* It answered once, or its port is open: up, and slow or stopped. */
        fprintf(stderr, "trawl-query: if its server runs, give it longer (--shard-timeout "
                        "MS)%s\n", shard_hint);
    else if (st == TRAWL_ESHARD)
        fprintf(stderr, "trawl-query: start its server (xapian-tcpsrv --port PORT INDEX)%s\n",
                shard_hint);
    else if (st == TRAWL_ESCHEMA && msg && strstr(msg, TW_REBUILD_OTHERS_STEMMER))
        fputs("trawl-query: trawl-index --full --stem LANG -d DIR PATH... rebuilds the index "
              "DIR with the stemmer LANG\n", stderr);
    else if ((st == TRAWL_ECORRUPT || st == TRAWL_ESCHEMA) && path)
        tw_cli_rebuild_hint("trawl-query", path, msg);
    return EXIT_ERROR;
}

/* Says why the query could not be read, and where its syntax is told. */
static int query_error(trawl_db *db)
{
    fprintf(stderr, "trawl-query: %s\n(see 'trawl-query --help' for the query syntax)\n",
            trawl_db_errmsg(db));
    return EXIT_ERROR;
}

/* Why --partial does not help --show and --stats: they read every shard. */
#define NEEDS_EVERY_SHARD ": --show and --stats read every shard, with --partial too"

/* Says that the index has no article of the id asked for (--show, --like),
 * as the library's message WHY says, and how ids are spelt. */
static void no_such_id(const char *why)
{
    fprintf(stderr, "trawl-query: %s (ids are as the hits of a search show them: "
            "the path trawl-index was given, with #MEMBER for an article of a "
            "container and %%23 for a '#' in a name)\n", why);
}

/* What is done with article ID (--show reads it, --like searches from it),
 * with the call's own arguments in ARG. */
typedef trawl_status (*id_call)(trawl_db *db, const char *id, void *arg);

/* CALL with ID, and when the index has no article ID and ID holds a '\',
 * with ID read back from the form text output escapes a name in (a file
 * name that is not UTF-8, or holds a tab: "caf\351.txt").  When neither is
 * found, says so with the library's word on the id as typed. */
static trawl_status on_id(trawl_db *db, const char *id, id_call call, void *arg)
{
    trawl_status st = call(db, id, arg);
    if (st != TRAWL_ENOTFOUND)
        return st;
    char *why = strdup(trawl_db_errmsg(db));
    char *unescaped = strchr(id, '\\') ? tw_cli_unescape_path(id) : NULL;
    if (unescaped)
        st = call(db, unescaped, arg);
    free(unescaped);
    if (st == TRAWL_ENOTFOUND)
        no_such_id(why ? why : trawl_db_errmsg(db));
    free(why);
    return st;
}

static trawl_status get_article(trawl_db *db, const char *id, void *article)
{
    return trawl_db_get_article(db, id, article);
}

/* --show ID: the stored article, or exit 1 when the index has no such id. */
static int show(const tw_query_args *args, trawl_db *db, const char *path)
{
    trawl_article *a;
    trawl_status st = on_id(db, args->show, get_article, &a);
    if (st == TRAWL_ENOTFOUND)
        return EXIT_NO_HIT;
    if (st != TRAWL_OK)
        return report(db, st, path, NEEDS_EVERY_SHARD);
    printed(tw_print_article(stdout, a, args->format));
    trawl_article_free(a);
    return EXIT_HITS;
}

/* --stats [WORD]...: the index, and how many articles each WORD matches,
 * counted as --count --no-collapse WORD counts them (its other forms and
 * spellings too): why a query finds what it does, a word at a time.  (The
 * words were ignored, as a man page said, which told a user nothing.) */
static int stats(const tw_query_args *args, trawl_db *db, const char *path)
{
    trawl_db_info info;
    trawl_status st = trawl_db_info_get(db, &info, sizeof info);
    if (st != TRAWL_OK)
        return report(db, st, path, NEEDS_EVERY_SHARD);
    uint64_t *counts = calloc(args->n_words ? args->n_words : 1, sizeof *counts);
    const char **words = calloc(args->n_words ? args->n_words : 1, sizeof *words);
    if (!counts || !words) {
        free(counts);
        free(words);
        fputs("trawl-query: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    /* A word given twice is counted once: in JSON, an object that named it
     * twice was invalid for many readers. */
    size_t n = 0;
    for (size_t i = 0; i < args->n_words; i++) {
        size_t k = 0;
        while (k < n && strcmp(words[k], args->words[i]) != 0)
            k++;
        if (k == n)
            words[n++] = args->words[i];
    }
    trawl_search_opts opts = { .size = sizeof opts, .limit = 1, .exact_count = 1,
                               .no_relax = 1, .no_suggest = 1, .no_snippets = 1,
                               .no_collapse = 1 };
    for (size_t i = 0; i < n && st == TRAWL_OK; i++) {
        trawl_results *res;
        st = trawl_search(db, words[i], &opts, &res);
        if (st == TRAWL_OK)
            counts[i] = trawl_results_total(res);
        trawl_results_free(res);
    }
    int code = EXIT_HITS;
    if (st == TRAWL_EQUERY)
        code = query_error(db);
    else if (st != TRAWL_OK)
        code = report(db, st, path, NEEDS_EVERY_SHARD);
    else
        printed(tw_print_info(stdout, &info, args->format, words, counts, n));
    free(counts);
    free(words);
    return code;
}

/* A search of the articles like an id (--like), as on_id calls it. */
struct like_search {
    const char *query;
    trawl_search_opts *opts;
    trawl_results **res;
};

static trawl_status search_like(trawl_db *db, const char *id, void *arg)
{
    struct like_search *l = arg;
    l->opts->like = id;
    return trawl_search(db, l->query, l->opts, l->res);
}

static int run(const tw_query_args *args, trawl_db *db, const char *path)
{
    if (args->show)
        return show(args, db, path);
    if (args->stats)
        return stats(args, db, path);
    trawl_search_opts opts = {
        .size = sizeof opts,
        /* -n 0 prints no hit: one is enough to know there are some. */
        .limit = args->count || args->limit == 0 ? 1 : (size_t)args->limit,
        .offset = (size_t)args->offset,
        .match_any = args->any,
        .sort_by_date = args->sort_date,
        .no_collapse = args->no_collapse,
        .no_snippets = args->count || args->format == TW_FORMAT_TSV,
        .exact_count = args->count,
        /* --count counts the query as written: no correction, no fallback. */
        .no_relax = args->all || args->count,
        .no_suggest = args->count,
        /* --count prints no facet, so none are counted (counting sees
         * every match), nor said to count articles over a remote shard;
         * -n 0 prints the facets alone, when asked for. */
        .facets = args->count ? 0 : args->facets,
        .bm25_k1 = args->bm25_k1,
        .bm25_b = args->bm25_b,
        .bm25_only = args->bm25_only,
        .partial = args->partial,
    };
    trawl_results *res;
    const char *query = args->query ? args->query : "";     /* --like alone */
    struct like_search like = { query, &opts, &res };
    trawl_status st = args->like ? on_id(db, args->like, search_like, &like)
                                 : trawl_search(db, query, &opts, &res);
    if (st == TRAWL_ENOTFOUND)
        return EXIT_NO_HIT;
    if (st == TRAWL_EQUERY)
        return query_error(db);
    if (st != TRAWL_OK)
        return report(db, st, path, args->partial ? "" : ", or search the shards that "
                                                          "answer with --partial");
    int code;
    /* The exit status describes the query as typed: when the hits shown are
     * those of a spelling correction, the typed words matched nothing, and a
     * script's "if trawl-query WORD" must not be true.  (The any-word
     * fallback searches the typed words: its hits count.) */
    bool corrected = trawl_results_used_suggestion(res);
    tw_print_notes(stdout, stderr, res, args->format);
    if (args->count) {
        uint64_t total = trawl_results_total(res);
        printf("%" PRIu64 "\n", total);
        code = total ? EXIT_HITS : EXIT_NO_HIT;
    } else if (args->limit == 0) {
        code = trawl_results_total(res) && !corrected ? EXIT_HITS : EXIT_NO_HIT;
        if (args->facets)
            printed(tw_print_facets(stdout, res, args));
    } else {
        bool color = args->format == TW_FORMAT_TEXT && tw_cli_want_color(args->color, 1);
        /* Set out for the terminal that shows them; a pipe or a file gets
         * each title and snippet on one line, as scripts read them. */
        size_t width = args->format == TW_FORMAT_TEXT && isatty(1) ? tw_cli_columns(1) : 0;
        printed(tw_print_hits(stdout, res, args, color, width));
        if (args->facets && !output_errno)
            printed(tw_print_facets(stdout, res, args));
        code = trawl_results_count(res) && !corrected ? EXIT_HITS : EXIT_NO_HIT;
    }
    trawl_results_free(res);
    return code;
}

int main(int argc, char **argv)
{
    tw_cli_ignore_sigpipe();
    tw_query_args args;
    char err[512];
    if (tw_query_args_parse(argc, argv, &args, err, sizeof err) < 0) {
        fprintf(stderr, "trawl-query: %s\nTry 'trawl-query --help' for more.\n", err);
        tw_query_args_free(&args);
        return EXIT_ERROR;
    }
    if (args.format != TW_FORMAT_TEXT)
        tw_cli_whole_lines();
    if (args.help || args.version) {
        int code = tw_cli_help_or_version("trawl-query", tw_query_usage, args.help);
        tw_query_args_free(&args);
        return code;
    }
    /* The indexes: each -d, else $TRAWL_DB's list, else the default. */
    char *env = args.n_dbs ? NULL : tw_cli_db_path(NULL);
    char **from_env = env ? tw_query_split_specs(env) : NULL;
    const char *const *specs = args.n_dbs ? args.dbs : (const char *const *)from_env;
    size_t n_specs = args.n_dbs;
    while (!args.n_dbs && specs && specs[n_specs])
        n_specs++;
    int code;
    if (!n_specs && env) {
        /* A script's "$A:$B" with both empty: no default to fall back on
         * silently, which would search another index. */
        fprintf(stderr, "trawl-query: TRAWL_DB is '%s', which names no index: give -d DIR, or "
                "set TRAWL_DB to index folders separated by ':'\n", env);
        code = EXIT_ERROR;
    } else if (!n_specs) {
        fprintf(stderr, "trawl-query: no index location: give -d DIR or set TRAWL_DB\n");
        code = EXIT_ERROR;
    } else {
        trawl_db *db;
        trawl_status st = trawl_db_open(specs[0], &db);
        const char *failed = specs[0];
        /* Remote shards connect at the first search: the time-out first. */
        if (st == TRAWL_OK && args.shard_timeout)
            st = trawl_db_set_shard_timeout(db, (unsigned)args.shard_timeout);
        for (size_t i = 1; st == TRAWL_OK && i < n_specs; i++)
            st = trawl_db_add_shard(db, failed = specs[i]);
        const char *one = n_specs == 1 ? specs[0] : NULL;
        code = st == TRAWL_OK ? run(&args, db, one)
                              : report(db, st, st == TRAWL_ENOINDEX || one ? failed : NULL, "");
        trawl_db_close(db);
    }
    code = tw_cli_end_output("trawl-query", code, output_errno);
    free(from_env);
    free(env);
    tw_query_args_free(&args);
    return code;
}
