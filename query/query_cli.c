/* query_cli.c - option parsing for trawl-query. */
#include "query_cli.h"

#include <ctype.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "trawl.h"
#include "version.h"

const char tw_query_usage[] =
    "Usage: trawl-query [OPTION]... QUERY...\n"
    "       trawl-query [OPTION]... --like ID [QUERY]...\n"
    "       trawl-query [-d SPEC]... --show ID [--format json]\n"
    "       trawl-query [-d SPEC]... --stats [--format json] [WORD]...\n"
    "Search the index for QUERY (its words are joined) and print the best articles.\n"
    "\n"
    "  -d, --db SPEC           an index folder, a Xapian stub file listing indexes,\n"
    "                          or tcp://HOST:PORT (a shard served by xapian-tcpsrv);\n"
    "                          repeat it to search several indexes as one (default:\n"
    "                          $TRAWL_DB, a list separated by ':', else\n"
    "                          $XDG_DATA_HOME/trawl/default or ~/.local/share/trawl/default)\n"
    "      --partial           when remote shards do not answer, search those that do\n"
    "                          and name the others (default: fail)\n"
    "      --shard-timeout MS  wait at most MS milliseconds for a remote shard to\n"
    "                          connect and for each of its replies (default 10000)\n"
    "  -n, --limit N           show N hits (default 10)\n"
    "      --offset N          skip the first N hits\n"
    "      --any               rank articles matching any word (default: all words)\n"
    "      --sort relevance|date   order by BM25 score (default) or newest first\n"
    "      --no-collapse       show near-copies of a story as hits of their own\n"
    "      --all               show only articles that have all the words (default:\n"
    "                          when too few have them all to fill the page, go on\n"
    "                          with articles that have some, for 3 words or more;\n"
    "                          when none has them all, show those with any)\n"
    "      --facet site|author|year|lang  count the matches by this field (repeatable,\n"
    "                          or comma-separated)\n"
    "      --facet-limit N     show the N most frequent values of a facet (default\n"
    "                          10; 0: all)\n"
    "      --format text|json|tsv  output format (default text; json: one JSON\n"
    "                          object per line)\n"
    "      --fields LIST       the columns of tsv, comma-separated, of rank, score,\n"
    "                          id, path, title, date, url, site, author, lang,\n"
    "                          words (all, or some: see --all)\n"
    "                          (default rank,score,id,title)\n"
    "      --bm25 K1,B         ranking parameters, for tuning (default "
    TW_STR(TRAWL_BM25_K1) "," TW_STR(TRAWL_BM25_B) ";\n"
    "                          0 < K1 <= 1000, 0 < B <= 1)\n"
    "      --bm25-only         rank by BM25 alone: no bonus for words near each\n"
    "                          other, no second ranking from the first hits' words\n"
    "      --color, --colour auto|always|never  highlight matches (default auto:\n"
    "                          a terminal, not TERM=dumb, no NO_COLOR)\n"
    "      --count             print only the number of matching articles\n"
    "      --show ID           print the stored article ID in full (its title, date,\n"
    "                          url, site, author, path, then its stored text; json:\n"
    "                          one object); exit 1 when the index has no such id\n"
    "      --like ID           show the articles like article ID (any of its most\n"
    "                          telling words, ranked by BM25; not it nor its\n"
    "                          near-copies), of those QUERY matches if given; exit 1\n"
    "                          when the index has no such id\n"
    "      --stats             describe the index instead of searching; with words,\n"
    "                          also how many articles each one matches\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n"
    "\n"
    "Query syntax: words (all must match), \"a phrase\", OR, AND, NOT, -word, +word,\n"
    "(parentheses), title:word, author:word, title:(word OR word),\n"
    "site:host or site:\"Site Name\", url:URL, path:file, date:2021-06-17 (or\n"
    "2021-06, 2021, today, yesterday, 7d: the last 7 days (w weeks, m months,\n"
    "y years), FROM..TO with either end left out: date:2w..yesterday),\n"
    "lang:de, prefix*, word NEAR word, word ADJ word.\n"
    "Options may come anywhere; a query that starts with -WORD needs '--' before it.\n"
    "Exit status: 0 hits found; 1 no hit for the query as typed (also when a\n"
    "spelling correction's hits are shown); 2 error (bad query or option, no index,\n"
    "damaged index, a shard that did not answer without --partial).\n";

enum { OPT_OFFSET = 256, OPT_ANY, OPT_SORT, OPT_NO_COLLAPSE, OPT_FORMAT, OPT_COLOR,
       OPT_COUNT, OPT_STATS, OPT_ALL, OPT_FACET, OPT_BM25, OPT_SHOW, OPT_FIELDS,
       OPT_FACET_LIMIT, OPT_BM25_ONLY, OPT_PARTIAL, OPT_SHARD_TIMEOUT, OPT_LIKE };

static const struct option long_options[] = {
    { "db",          required_argument, NULL, 'd' },
    { "limit",       required_argument, NULL, 'n' },
    { "offset",      required_argument, NULL, OPT_OFFSET },
    { "any",         no_argument,       NULL, OPT_ANY },
    { "sort",        required_argument, NULL, OPT_SORT },
    { "no-collapse", no_argument,       NULL, OPT_NO_COLLAPSE },
    { "all",         no_argument,       NULL, OPT_ALL },
    { "facet",       required_argument, NULL, OPT_FACET },
    { "bm25",        required_argument, NULL, OPT_BM25 },
    { "bm25-only",   no_argument,       NULL, OPT_BM25_ONLY },
    { "partial",     no_argument,       NULL, OPT_PARTIAL },
    { "shard-timeout", required_argument, NULL, OPT_SHARD_TIMEOUT },
    { "facet-limit", required_argument, NULL, OPT_FACET_LIMIT },
    { "format",      required_argument, NULL, OPT_FORMAT },
    { "fields",      required_argument, NULL, OPT_FIELDS },
    { "color",       required_argument, NULL, OPT_COLOR },
    { "colour",      required_argument, NULL, OPT_COLOR },
    { "count",       no_argument,       NULL, OPT_COUNT },
    { "stats",       no_argument,       NULL, OPT_STATS },
    { "show",        required_argument, NULL, OPT_SHOW },
    { "like",        required_argument, NULL, OPT_LIKE },
    { "help",        no_argument,       NULL, 'h' },
    { "version",     no_argument,       NULL, 'V' },
    { NULL, 0, NULL, 0 }
};

#define SHORT_OPTIONS "+:d:n:hV"

/* Whether A is one of the short options: -d, -n, -h, -V, or -d and -n with
 * their values attached (-dDIR, -n5).  -n's value is digits: "-nicht" is a
 * query that starts with a word to exclude.  After a query word, -dDIR is
 * not taken either: "oil -diesel" excludes a word, it names no index. */
static bool short_option(const char *a, bool after_word)
{
    if (a[0] != '-' || !a[1] || !strchr("dnhV", a[1]))
        return false;
    if (!a[2])
        return true;
    if (a[1] == 'd')
        return !after_word;
    if (a[1] != 'n')
        return false;
    /* -n5; "-nicht" is a word to exclude, a query that needs "--" first.
     * Before any word, "-n5x" and "-n-1" are -n with a value to refuse. */
    if (!after_word)
        return !isalpha((unsigned char)a[2]);
    for (const char *p = a + 2; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* Options may come before, between or after the query words, as getopt
 * takes them (-n5, -n 5, --limit=5, --limit 5), and "-word" is query syntax
 * (exclude word).  So the arguments are sorted first: options (and their
 * values) go to the front in order, query words after a "--", in order.  An
 * argument that starts with '-' before any query word must be an option, as
 * with grep: a query that starts with "-word" needs "--" first; after a word,
 * one that is not an option is a query word.  Everything after a "--" is
 * query text.  Returns a malloc'd argv, or NULL with the reason in
 * err[errlen]. */
static char **sort_arguments(int argc, char **argv, int *out_argc, char *err, size_t errlen)
{
    char **opts = malloc(((size_t)argc + 2) * sizeof *opts);
    char **words = malloc(((size_t)argc + 1) * sizeof *words);
    if (!opts || !words) {
        free(opts);
        free(words);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int n_opts = 0, n_words = 0;
    const char *bad = NULL, *no_value = NULL;
    opts[n_opts++] = argv[0];
    for (int i = 1; i < argc && !bad && !no_value; i++) {
        const char *a = argv[i];
        bool takes_next = false;
        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                words[n_words++] = argv[i];
            break;
        } else if (strncmp(a, "--", 2) == 0) {
            opts[n_opts++] = argv[i];
            takes_next = tw_cli_long_needs_next(long_options, a + 2);
        } else if (short_option(a, n_words > 0)) {
            opts[n_opts++] = argv[i];
            takes_next = (a[1] == 'd' || a[1] == 'n') && !a[2];
        } else if (a[0] == '-' && a[1] && n_words == 0) {
            bad = a;
        } else {
            words[n_words++] = argv[i];
        }
        if (takes_next) {
            if (i + 1 < argc)
                opts[n_opts++] = argv[++i];
            else    /* else getopt would take the "--" added below as its value */
                no_value = a;
        }
    }
    if (bad || no_value) {
        if (bad)
            snprintf(err, errlen, "unknown option '%s' (a query that starts with -WORD "
                     "needs '--' before it: trawl-query -- %s ...)", bad, bad);
        else
            snprintf(err, errlen, "option '%s' needs a value", no_value);
        free(opts);
        free(words);
        return NULL;
    }
    opts[n_opts++] = "--";
    memcpy(opts + n_opts, words, (size_t)n_words * sizeof *words);
    free(words);
    *out_argc = n_opts + n_words;
    opts[*out_argc] = NULL;
    return opts;
}

static int parse_sorted(int argc, char **argv, tw_query_args *a, char *err, size_t errlen);

const struct tw_facet_name tw_facet_names[TW_N_FACETS] = {
    { "site", TRAWL_FACET_SITE }, { "author", TRAWL_FACET_AUTHOR }, { "year", TRAWL_FACET_YEAR },
    { "lang", TRAWL_FACET_LANG },
};

/* "site", "author,year": adds the facets named to *bits. */
static int parse_facets(const char *list, unsigned *bits)
{
    const char *p = list;
    do {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < TW_N_FACETS && !(strlen(tw_facet_names[i].name) == len &&
                                    !strncmp(p, tw_facet_names[i].name, len)))
            i++;
        if (i == TW_N_FACETS)
            return -1;
        *bits |= tw_facet_names[i].bit;
        p += len;
    } while (*p++ == ',');
    return 0;
}

const char *const tw_field_names[TW_N_FIELDS] = {
    "rank", "score", "id", "path", "title", "date", "url", "site", "author", "lang", "words",
};

/* "rank,title": the columns named, in order, into A; -1 for an unknown name
 * (its start in *bad) or too many. */
static int parse_fields(const char *list, tw_query_args *a, const char **bad)
{
    a->n_columns = 0;
    const char *p = list;
    do {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < TW_N_FIELDS && !(strlen(tw_field_names[i]) == len &&
                                    !strncmp(p, tw_field_names[i], len)))
            i++;
        if (i == TW_N_FIELDS || a->n_columns == TW_MAX_COLUMNS) {
            *bad = p;
            return -1;
        }
        a->columns[a->n_columns++] = (tw_field)i;
        p += len;
    } while (*p++ == ',');
    return 0;
}

/* What --show or --stats was given that it would not use, or NULL: refused,
 * as trawl-index --extract refuses the options about an index, so that a
 * script does not take the output for what it asked (tsv columns, a count).
 * An id may hold spaces and '#': it is the one value of --show, so words
 * after it are a mistake, not more of the id.  (--stats counts the articles
 * of each word of a QUERY and prints text for tsv, as trawl-query(1) says.) */
static const char *mode_clash(const tw_query_args *a)
{
    if (a->like)
        return a->show ? "--like searches; --show prints one article: give one of them"
                       : "--like searches; --stats describes the index: give one of them";
    if (a->show)
        return a->stats ? "--show and --stats cannot be used together" :
               a->query ? "--show takes one ID and no QUERY (quote an id that holds spaces)" :
               a->format == TW_FORMAT_TSV ? "--show prints text or json, not tsv" :
               a->count ? "--show prints one article: --count has no use with it" : NULL;
    return a->count ? "--stats prints the number of articles: --count has no use with it"
                    : NULL;
}

int tw_query_args_parse(int argc, char **argv, tw_query_args *a, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    a->limit = 10;
    a->facet_limit = 10;
    static const tw_field default_columns[] = { TW_FIELD_RANK, TW_FIELD_SCORE, TW_FIELD_ID,
                                                TW_FIELD_TITLE };
    memcpy(a->columns, default_columns, sizeof default_columns);
    a->n_columns = sizeof default_columns / sizeof default_columns[0];
    a->color = "auto";
    int sorted_argc;
    char **sorted = sort_arguments(argc, argv, &sorted_argc, err, errlen);
    if (!sorted)
        return -1;
    int rc = parse_sorted(sorted_argc, sorted, a, err, errlen);
    free(sorted);
    return rc;
}

static int parse_sorted(int argc, char **argv, tw_query_args *a, char *err, size_t errlen)
{
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, SHORT_OPTIONS, long_options, NULL)) != -1) {
        switch (c) {
        case 'd': {
            const char **dbs = realloc(a->dbs, (a->n_dbs + 1) * sizeof *dbs);
            if (!dbs) {
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            a->dbs = dbs;
            a->dbs[a->n_dbs++] = optarg;
            break;
        }
        case OPT_PARTIAL: a->partial = true; break;
        case OPT_SHARD_TIMEOUT:
            if (!tw_cli_parse_count(optarg, &a->shard_timeout) || a->shard_timeout == 0 ||
                a->shard_timeout > UINT32_MAX) {
                snprintf(err, errlen, "--shard-timeout wants milliseconds from 1 to %" PRIu32
                         " (about 7 weeks), not '%s'", UINT32_MAX, optarg);
                return -1;
            }
            break;
        case 'n':
        case OPT_OFFSET:
        case OPT_FACET_LIMIT: {
            const char *name = c == 'n' ? "-n" : c == OPT_OFFSET ? "--offset" : "--facet-limit";
            /* Each is a size_t for the library and the printer. */
            if (tw_cli_too_large(name, optarg, SIZE_MAX, err, errlen))
                return -1;
            if (!tw_cli_parse_count(optarg, c == 'n' ? &a->limit : c == OPT_OFFSET ?
                                    &a->offset : &a->facet_limit)) {
                snprintf(err, errlen, "%s wants a whole number, not '%s'", name, optarg);
                return -1;
            }
            break;
        }
        case OPT_FIELDS: {
            const char *bad;
            a->fields = true;
            if (parse_fields(optarg, a, &bad) < 0) {
                /* An empty name ("id,", "id,,title") is named by the list. */
                size_t len = strcspn(bad, ",");
                snprintf(err, errlen, "--fields wants a comma-separated list of at most %d of "
                         "rank, score, id, path, title, date, url, site, author, lang, "
                         "words, not '%.*s'%s%s%s",
                         TW_MAX_COLUMNS, (int)len, bad, len ? "" : " (an empty name in '",
                         len ? "" : optarg, len ? "" : "')");
                return -1;
            }
            break;
        }
        case OPT_ANY: a->any = true; break;
        case OPT_SORT:
            if (strcmp(optarg, "date") == 0)
                a->sort_date = true;
            else if (strcmp(optarg, "relevance") == 0)
                a->sort_date = false;
            else {
                snprintf(err, errlen, "--sort wants relevance or date, not '%s'", optarg);
                return -1;
            }
            break;
        case OPT_NO_COLLAPSE: a->no_collapse = true; break;
        case OPT_ALL: a->all = true; break;
        case OPT_BM25_ONLY: a->bm25_only = true; break;
        case OPT_BM25: {
            char *end;
            bool has_b = false;
            a->bm25_k1 = strtod(optarg, &end);
            if (*end == ',') {
                a->bm25_b = strtod(end + 1, &end);
                has_b = true;
            }
            /* The comparisons are false for NaN; infinity and 1e308 fail
             * the upper bound (they made the scores NaN or infinite). */
            if (*end || !(a->bm25_k1 > 0 && a->bm25_k1 <= TRAWL_BM25_K1_MAX) ||
                (has_b && !(a->bm25_b > 0 && a->bm25_b <= 1))) {
                snprintf(err, errlen, "--bm25 wants K1,B with K1 above 0 and at most %g, "
                         "and B above 0 and at most 1 (default %g,%g), not '%s'",
                         TRAWL_BM25_K1_MAX, TRAWL_BM25_K1, TRAWL_BM25_B, optarg);
                return -1;
            }
            break;
        }
        case OPT_FACET:
            if (parse_facets(optarg, &a->facets) < 0) {
                snprintf(err, errlen, "--facet wants site, author, year or lang, not '%s'", optarg);
                return -1;
            }
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                a->format = TW_FORMAT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                a->format = TW_FORMAT_JSON;
            else if (strcmp(optarg, "tsv") == 0)
                a->format = TW_FORMAT_TSV;
            else {
                snprintf(err, errlen, "--format wants text, json or tsv, not '%s'", optarg);
                return -1;
            }
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
                snprintf(err, errlen, "--color wants auto, always or never, not '%s'", optarg);
                return -1;
            }
            a->color = optarg;
            break;
        case OPT_COUNT: a->count = true; break;
        case OPT_STATS: a->stats = true; break;
        case OPT_SHOW: a->show = optarg; break;
        case OPT_LIKE: a->like = optarg; break;
        case 'h': a->help = true; break;
        case 'V': a->version = true; break;
        default:        /* ':' or '?' */
            tw_cli_option_error(c, argv, err, errlen);
            return -1;
        }
    }
    tw_buf q = { 0 };
    for (int i = optind; i < argc; i++)
        if ((i > optind && tw_buf_putc(&q, ' ') < 0) || tw_buf_puts(&q, argv[i]) < 0) {
            tw_buf_free(&q);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    a->query = q.data;      /* NULL when there were no words */
    if (optind < argc) {
        a->words = malloc((size_t)(argc - optind) * sizeof *a->words);
        if (!a->words) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        for (int i = optind; i < argc; i++)
            a->words[a->n_words++] = argv[i];
    }
    if (a->help || a->version)
        return 0;
    if (a->show || a->stats) {
        const char *clash = mode_clash(a);
        if (clash) {
            snprintf(err, errlen, "%s", clash);
            return -1;
        }
        return 0;
    }
    if (!a->query && !a->like) {
        snprintf(err, errlen, "no QUERY given");
        return -1;
    }
    /* Text and JSON show every field: a script that asked for columns
     * would read output it did not ask for. */
    if (a->fields && a->format != TW_FORMAT_TSV && !a->count) {
        snprintf(err, errlen, "--fields chooses the columns of --format tsv; text and json "
                 "show every field");
        return -1;
    }
    return 0;
}

void tw_query_args_free(tw_query_args *a)
{
    free(a->query);
    a->query = NULL;
    free(a->dbs);
    a->dbs = NULL;
    a->n_dbs = 0;
    free(a->words);
    a->words = NULL;
    a->n_words = 0;
}

char **tw_query_split_specs(const char *specs)
{
    /* At most one spec per ':' and one more: the pointers, then a copy of
     * SPECS cut into them. */
    size_t n = 1, len = strlen(specs);
    for (const char *p = specs; *p; p++)
        n += *p == ':';
    char **list = malloc((n + 1) * sizeof *list + len + 1);
    if (!list)
        return NULL;
    char *copy = (char *)(list + n + 1);
    memcpy(copy, specs, len + 1);
    size_t k = 0;
    for (char *p = copy; *p;) {
        char *end = p;
        /* tcp://HOST:PORT: the colons of the scheme and the port are its own. */
        if (strncmp(p, "tcp://", 6) == 0) {
            end = strchr(p + 6, ':');
            end = end ? end + 1 + strspn(end + 1, "0123456789") : p + strlen(p);
        }
        end += strcspn(end, ":");
        bool last = *end == '\0';
        *end = '\0';
        if (*p)
            list[k++] = p;
        p = last ? end : end + 1;
    }
    list[k] = NULL;
    return list;
}
