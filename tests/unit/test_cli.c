/* Unit tests: option parsing of both tools, index location, sizes, status text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"
#include "cli.h"
#include "index_cli.h"
#include "query_cli.h"

#define ARGV(...) (char *[]){ __VA_ARGS__, NULL }
#define ARGC(...) ((int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)))
#define PARSE_Q(a, ...) tw_query_args_parse(ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), a, err, sizeof err)
#define PARSE_I(a, ...) tw_index_args_parse(ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), a, err, sizeof err)

static char err[256];

static void query_words_are_joined(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "operation", "united", "front"), 0);
    assert_string_equal(a.query, "operation united front");
    assert_int_equal(a.limit, 10);
    assert_int_equal(a.format, TW_FORMAT_TEXT);
    tw_query_args_free(&a);
}

static void query_options_anywhere(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "united", "-n", "5", "--format", "json",
                             "-front", "--any", "--offset=3", "-d", "/x"), 0);
    /* "-front" is query syntax (exclude), not an option. */
    assert_string_equal(a.query, "united -front");
    assert_int_equal(a.limit, 5);
    assert_int_equal(a.offset, 3);
    assert_true(a.any);
    assert_int_equal(a.format, TW_FORMAT_JSON);
    assert_int_equal(a.n_dbs, 1);
    assert_string_equal(a.dbs[0], "/x");
    tw_query_args_free(&a);
}

/* -d repeats, in order; --partial and --shard-timeout. */
static void query_shards(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-d", "/a", "oil", "-d", "tcp://h:6431",
                             "--db=stub", "--partial", "--shard-timeout", "250"), 0);
    assert_int_equal(a.n_dbs, 3);
    assert_string_equal(a.dbs[0], "/a");
    assert_string_equal(a.dbs[1], "tcp://h:6431");
    assert_string_equal(a.dbs[2], "stub");
    assert_true(a.partial);
    assert_int_equal(a.shard_timeout, 250);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--shard-timeout", "0", "oil"), -1);
    assert_non_null(strstr(err, "--shard-timeout wants milliseconds"));
    tw_query_args_free(&a);
    /* Past Xapian's 32 bits of milliseconds: the message gives the bound. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--shard-timeout", "99999999999", "oil"), -1);
    assert_string_equal(err, "--shard-timeout wants milliseconds from 1 to 4294967295 (about "
                             "7 weeks), not '99999999999'");
    tw_query_args_free(&a);
}

/* $TRAWL_DB's list: ':' separates, but not inside tcp://HOST:PORT. */
static void split_specs(void **state)
{
    (void)state;
    char **l = tw_query_split_specs("/srv/a:tcp://10.0.0.2:6431:b::tcp://h:7:/c");
    assert_non_null(l);
    const char *want[] = { "/srv/a", "tcp://10.0.0.2:6431", "b", "tcp://h:7", "/c", NULL };
    for (size_t i = 0; want[i]; i++)
        assert_string_equal(l[i], want[i]);
    assert_null(l[5]);
    free(l);
    l = tw_query_split_specs("/one/index");
    assert_string_equal(l[0], "/one/index");
    assert_null(l[1]);
    free(l);
}

static void query_double_dash(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--count", "--", "--weird", "-n"), 0);
    assert_string_equal(a.query, "--weird -n");
    assert_true(a.count);
    tw_query_args_free(&a);
}

static void query_errors(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--bogus", "x"), -1);
    assert_string_equal(err, "unknown option '--bogus'");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-n", "ten", "x"), -1);
    assert_string_equal(err, "-n wants a whole number, not 'ten'");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--format", "xml", "x"), -1);
    assert_string_equal(err, "--format wants text, json or tsv, not 'xml'");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--sort", "size", "x"), -1);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-n"), -1);
    assert_string_equal(err, "option '-n' needs a value");
    tw_query_args_free(&a);
    /* -n and a value that is no number, before the words: the number is
     * refused, where "-nWORD" is a query to put after "--". */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-n5x", "oil"), -1);
    assert_string_equal(err, "-n wants a whole number, not '5x'");
    tw_query_args_free(&a);
    /* A number past what a count holds is too large, with the largest;
     * one that is no whole number in digits alone is what -n wants. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-n", "18446744073709551616", "x"), -1);
    assert_string_equal(err, "-n 18446744073709551616 is too large: the largest is "
                             "18446744073709551615");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--offset=99999999999999999999999", "x"), -1);
    assert_string_equal(err, "--offset 99999999999999999999999 is too large: the largest is "
                             "18446744073709551615");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--facet-limit", "000018446744073709551616",
                             "x"), -1);
    assert_non_null(strstr(err, "is too large"));
    tw_query_args_free(&a);
    char *const not_counts[] = { "1e3", " 5", "+5", "-1", "5x", "" };
    for (size_t i = 0; i < sizeof not_counts / sizeof *not_counts; i++) {
        assert_int_equal(PARSE_Q(&a, "trawl-query", "--offset", not_counts[i], "x"), -1);
        assert_non_null(strstr(err, "--offset wants a whole number, not '"));
        tw_query_args_free(&a);
    }
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-n", "18446744073709551615", "--offset",
                             "0018446744073709551615", "x"), 0);
    assert_true(a.limit == UINT64_MAX && a.offset == UINT64_MAX);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-nothing", "oil"), -1);
    assert_non_null(strstr(err, "unknown option '-nothing'"));
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--any"), -1);
    assert_string_equal(err, "no QUERY given");
    tw_query_args_free(&a);
    /* --fields is for tsv: text and json would not show what it asks. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--fields", "title", "x"), -1);
    assert_string_equal(err, "--fields chooses the columns of --format tsv; text and json "
                             "show every field");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--fields", "title", "--format", "json", "x"), -1);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--fields", "title", "--format", "tsv", "x"), 0);
    tw_query_args_free(&a);
    /* An empty column name is shown in its list, not as '' alone. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--fields", "id,", "--format", "tsv", "x"), -1);
    assert_non_null(strstr(err, "not '' (an empty name in 'id,')"));
    tw_query_args_free(&a);
    /* --stats needs no query. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--stats", "--format", "json"), 0);
    assert_true(a.stats);
    tw_query_args_free(&a);
}

/* getopt's forms: -n5, -n 5, --limit=5; an unknown option before the words
 * is an error, as with grep, and a query that starts with -word needs "--". */
static void query_getopt_forms(void **state)
{
    (void)state;
    tw_query_args a;
    const char *forms[][3] = { { "-n5", NULL }, { "-n", "5" }, { "--limit=5", NULL },
                               { "--limit", "5" } };
    for (size_t i = 0; i < 4; i++) {
        char *argv[] = { "trawl-query", (char *)forms[i][0], (char *)forms[i][1], "opec", NULL };
        if (!forms[i][1]) {
            argv[2] = "opec";
            argv[3] = NULL;
        }
        assert_int_equal(tw_query_args_parse(forms[i][1] ? 4 : 3, argv, &a, err, sizeof err), 0);
        assert_int_equal(a.limit, 5);
        assert_string_equal(a.query, "opec");
        tw_query_args_free(&a);
    }
    /* Attached forms after the words: -n5 is the limit, "-diesel" a word. */
    assert_int_equal(PARSE_Q(&a, "trawl-query", "oil", "-diesel", "-n3", "-dx"), 0);
    assert_int_equal(a.limit, 3);
    assert_string_equal(a.query, "oil -diesel -dx");
    assert_int_equal(a.n_dbs, 0);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-d/idx", "oil"), 0);
    assert_string_equal(a.dbs[0], "/idx");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-x", "opec"), -1);
    assert_string_equal(err, "unknown option '-x' (a query that starts with -WORD needs '--' "
                             "before it: trawl-query -- -x ...)");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-opec", "oil"), -1);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--", "-opec", "oil"), 0);
    assert_string_equal(a.query, "-opec oil");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-hx", "oil"), -1);
    tw_query_args_free(&a);
}

/* --show takes one id, which may look like an option or hold a '#'. */
static void query_show(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-d", "/x", "--show", "dump.jsonl#3",
                             "--format", "json"), 0);
    assert_string_equal(a.show, "dump.jsonl#3");
    assert_null(a.query);
    assert_int_equal(a.format, TW_FORMAT_JSON);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "-odd-id"), 0);
    assert_string_equal(a.show, "-odd-id");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "a", "b"), -1);
    assert_string_equal(err, "--show takes one ID and no QUERY (quote an id that holds spaces)");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "a", "--stats"), -1);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "a", "--format", "tsv"), -1);
    assert_string_equal(err, "--show prints text or json, not tsv");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "a", "--count"), -1);
    assert_string_equal(err, "--show prints one article: --count has no use with it");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show"), -1);
    assert_string_equal(err, "option '--show' needs a value");
    tw_query_args_free(&a);
}

/* --like ID searches without a QUERY, or among what one matches; it is no
 * --show or --stats. */
static void query_like(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--like", "dump.jsonl#3"), 0);
    assert_string_equal(a.like, "dump.jsonl#3");
    assert_null(a.query);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--like=a.txt", "date:7d", "oil"), 0);
    assert_string_equal(a.like, "a.txt");
    assert_string_equal(a.query, "date:7d oil");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--like", "a", "--stats"), -1);
    assert_string_equal(err, "--like searches; --stats describes the index: give one of them");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--show", "b", "--like", "a"), -1);
    assert_string_equal(err, "--like searches; --show prints one article: give one of them");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--like"), -1);
    assert_string_equal(err, "option '--like' needs a value");
    tw_query_args_free(&a);
}

/* --stats describes the whole index: --count is refused, as --show refuses
 * it, not ignored (each word of a QUERY is counted and tsv gives text, as
 * documented). */
static void query_stats(void **state)
{
    (void)state;
    tw_query_args a;
    assert_int_equal(PARSE_Q(&a, "trawl-query", "oil", "--stats", "\"crude oil\""), 0);
    /* Each word as given, for a count of its own. */
    assert_int_equal(a.n_words, 2);
    assert_string_equal(a.words[0], "oil");
    assert_string_equal(a.words[1], "\"crude oil\"");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--stats", "--format", "tsv"), 0);
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "--count", "--stats"), -1);
    assert_string_equal(err, "--stats prints the number of articles: --count has no use with it");
    tw_query_args_free(&a);
    assert_int_equal(PARSE_Q(&a, "trawl-query", "-d", "/x", "--stats", "--format", "text"), 0);
    assert_true(a.stats);
    tw_query_args_free(&a);
}

/* --extract: no index, so the options about one are refused, not ignored. */
static void index_extract(void **state)
{
    (void)state;
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index", "--extract", "--max-text", "1K",
                             "--keep-boilerplate", "-q", "x"), 0);
    assert_true(a.extract);
    assert_int_equal(a.max_text_bytes, 1024);
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--extract", "-d", "/db", "x"), -1);
    assert_string_equal(err, "--extract writes no index: -d has no use with it");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--full", "--extract", "x"), -1);
    assert_string_equal(err, "--extract writes no index: --full has no use with it");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--extract"), -1);
    assert_string_equal(err, "no PATH to extract");
    tw_index_args_free(&a);
}

static void index_options(void **state)
{
    (void)state;
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index", "-d", "/db", "--full", "--stem", "none",
                             "--include", "*.txt", "--include", "*.md", "--exclude", "drafts",
                             "--max-file-size", "2M", "--progress", "never", "-q", "a", "b"),
                     0);
    assert_string_equal(a.db, "/db");
    assert_true(a.full);
    assert_true(a.quiet);
    assert_string_equal(a.stem, "none");
    assert_string_equal(a.include[0], "*.txt");
    assert_string_equal(a.include[1], "*.md");
    assert_null(a.include[2]);
    assert_string_equal(a.exclude[0], "drafts");
    assert_int_equal(a.max_file_bytes, 2 << 20);
    assert_int_equal(a.progress, TW_PROGRESS_NEVER);
    assert_int_equal(a.n_paths, 2);
    assert_string_equal(a.paths[1], "b");
    tw_index_args_free(&a);
}

static void index_errors(void **state)
{
    (void)state;
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index"), -1);
    assert_string_equal(err, "no PATH to index");
    tw_index_args_free(&a);
    /* --compact and --check need no PATH; --full does, or it would empty
     * the index. */
    assert_int_equal(PARSE_I(&a, "trawl-index", "--check", "-d", "/db"), 0);
    assert_true(a.check);
    assert_int_equal(a.n_paths, 0);
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--compact", "-d", "/db"), 0);
    assert_true(a.compact);
    assert_int_equal(a.n_paths, 0);
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--full", "--compact"), -1);
    assert_string_equal(err, "--full rebuilds the index from the PATHs given: give them");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--compact", "--extract", "x"), -1);
    assert_string_equal(err, "--extract writes no index: --compact has no use with it");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--max-text", "lots", "x"), -1);
    assert_string_equal(err, "--max-text wants a size like 512K, 64M or 2G, not 'lots'");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--progress", "sometimes", "x"), -1);
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--max-html", "0", "x"), -1);
    assert_string_equal(err, "--max-html wants a size like 512K, 64M or 2G, not '0'");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--file-timeout", "-1", "x"), -1);
    assert_string_equal(err, "--file-timeout wants a number of seconds from 0 (no limit) "
                        "to 1000000, like 60 or 0.5, not '-1'");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--file-timeout", "nan", "x"), -1);
    tw_index_args_free(&a);
    char *const not_seconds[] = { " 5", "+5", "-0", "0x10", "1e3", "5x", "" };
    for (size_t i = 0; i < sizeof not_seconds / sizeof *not_seconds; i++) {
        assert_int_equal(PARSE_I(&a, "trawl-index", "--file-timeout", not_seconds[i], "x"), -1);
        assert_non_null(strstr(err, "--file-timeout wants a number of seconds"));
        tw_index_args_free(&a);
    }
    assert_int_equal(PARSE_I(&a, "trawl-index", "--file-timeout", ".5", "x"), 0);
    assert_true(a.file_seconds == 0.5);
    tw_index_args_free(&a);
    /* Limits of one page and of one file's time. */
    assert_int_equal(PARSE_I(&a, "trawl-index", "--max-html", "2M", "--file-timeout", "0.5",
                             "x"), 0);
    assert_int_equal(a.max_html_bytes, 2 << 20);
    assert_true(a.file_seconds == 0.5);
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--file-timeout", "0", "x"), 0);
    assert_true(a.file_seconds < 0);        /* no limit */
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "-x", "x"), -1);
    assert_string_equal(err, "unknown option '-x'");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "x", "--max-text"), -1);
    assert_string_equal(err, "option '--max-text' needs a value");
    tw_index_args_free(&a);
    /* -d "$IDX" with IDX unset wrote the default index. */
    assert_int_equal(PARSE_I(&a, "trawl-index", "-d", "", "x"), -1);
    assert_string_equal(err, "-d wants an index folder, not an empty name");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--help"), 0);
    assert_true(a.help);
    tw_index_args_free(&a);
}

/* A count past 64 bits is said too large, with the largest: "wants a
 * number of seconds" told nothing of why 18446744073709551616 was not one. */
static void index_counts_too_large(void **state)
{
    (void)state;
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index", "--wait", "18446744073709551616", "x"), -1);
    assert_string_equal(err, "--wait 18446744073709551616 is too large: the largest is "
                             "18446744073709551615");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--max-members", "99999999999999999999999",
                             "x"), -1);
    assert_string_equal(err, "--max-members 99999999999999999999999 is too large: the "
                             "largest is 18446744073709551615");
    tw_index_args_free(&a);
    /* Not a number at all is what the option wants, as before. */
    assert_int_equal(PARSE_I(&a, "trawl-index", "--wait", "1e3", "x"), -1);
    assert_string_equal(err, "--wait wants a number of seconds, not '1e3'");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--wait", "18446744073709551615", "x"), 0);
    tw_index_args_free(&a);
}

/* --shard's K and N are whole numbers as every count is: sscanf's %u
 * wrapped 4294967297 round to 1 (1/4294967297 was 1/1, the whole
 * collection) and took a sign or a space after the '/'. */
static void index_shard_numbers(void **state)
{
    (void)state;
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index", "--shard", "2/3", "x"), 0);
    assert_int_equal(a.shard, 2);
    assert_int_equal(a.shards, 3);
    tw_index_args_free(&a);
    char *const bad[] = { "1/4294967297", "4294967297/4294967297", "1/-4294967295",
                          "1/ 2", "1/+2", "1/2x", "1/", "/2", "1/2/3", " 1/2",
                          "123456789012345678901234567890/2", "0/3", "4/3", "1/65537" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(PARSE_I(&a, "trawl-index", "--shard", bad[i], "x"), -1);
        assert_non_null(strstr(err, "--shard wants K/N"));
        tw_index_args_free(&a);
    }
    assert_int_equal(PARSE_I(&a, "trawl-index", "--shard", "65536/65536", "x"), 0);
    tw_index_args_free(&a);
}

/* A file whose name getopt would read as options, as a folder's '*' gives
 * it: refused, where "-draft.txt" was -d raft.txt, a new index there. */
static void index_option_that_is_a_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/trawl-cli.XXXXXX", *cwd = getcwd(NULL, 0);
    assert_non_null(mkdtemp(dir));
    assert_int_equal(chdir(dir), 0);
    fclose(fopen("-draft.txt", "w"));
    fclose(fopen("a.txt", "w"));
    tw_index_args a;
    assert_int_equal(PARSE_I(&a, "trawl-index", "-d", "/db", "-draft.txt", "a.txt"), -1);
    assert_string_equal(err, "'-draft.txt' names a file or folder here, but would be read as "
                        "options: put '--' before the PATHs (trawl-index -d DIR -- *), or "
                        "write it ./-draft.txt");
    tw_index_args_free(&a);
    /* After "--", or as another option's value, it is what it says. */
    assert_int_equal(PARSE_I(&a, "trawl-index", "-d", "/db", "--", "-draft.txt", "a.txt"), 0);
    assert_string_equal(a.paths[0], "-draft.txt");
    tw_index_args_free(&a);
    assert_int_equal(PARSE_I(&a, "trawl-index", "--include", "-draft.txt", "-qd", "-draft.txt",
                             "a.txt"), 0);
    assert_string_equal(a.db, "-draft.txt");
    tw_index_args_free(&a);
    unlink("-draft.txt");
    unlink("a.txt");
    assert_int_equal(chdir(cwd), 0);
    rmdir(dir);
    free(cwd);
}

/* A path as text output shows it (tw_cli_put_path) is read back to its
 * bytes, so that --show takes the id a hit showed. */
static void shown_paths_read_back(void **state)
{
    (void)state;
    const char *paths[] = { "plain/a.txt", "caf\xe9.txt", "a\tb\nc", "back\\slash\\351",
                            "esc\033[31m", "\xe2\x80\xae""gpj.exe", "caf\xc3\xa9" };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        char *shown = NULL;
        size_t len;
        FILE *f = open_memstream(&shown, &len);
        tw_cli_put_path(f, paths[i]);
        fclose(f);
        char *back = tw_cli_unescape_path(shown);
        assert_non_null(back);
        assert_string_equal(back, paths[i]);
        free(back);
        free(shown);
    }
    /* A backslash that is no escape of tw_cli_put_path: no such path. */
    assert_null(tw_cli_unescape_path("a\\q"));
    assert_null(tw_cli_unescape_path("a\\35"));
    assert_null(tw_cli_unescape_path("a\\000"));
    assert_null(tw_cli_unescape_path("a\\"));
}

static void sizes_and_counts(void **state)
{
    (void)state;
    uint64_t v;
    assert_true(tw_cli_parse_size("512", &v));
    assert_int_equal(v, 512);
    assert_true(tw_cli_parse_size("64K", &v));
    assert_int_equal(v, 65536);
    assert_true(tw_cli_parse_size("3G", &v));
    assert_int_equal(v, 3ull << 30);
    assert_true(tw_cli_parse_size("1MiB", &v));
    assert_int_equal(v, 1 << 20);
    assert_false(tw_cli_parse_size("0", &v));
    assert_false(tw_cli_parse_size("-1M", &v));
    assert_false(tw_cli_parse_size("12X", &v));
    assert_false(tw_cli_parse_size("99999999999999999999", &v));
    assert_false(tw_cli_parse_size("17179869184G", &v));
    assert_true(tw_cli_parse_count("0", &v));
    assert_false(tw_cli_parse_count("1e3", &v));
    assert_false(tw_cli_parse_count("", &v));
    /* strtoull takes these: a count does not. */
    assert_false(tw_cli_parse_count("-1", &v));
    assert_false(tw_cli_parse_count(" 5", &v));
    assert_false(tw_cli_parse_count("+5", &v));
    assert_false(tw_cli_parse_count("18446744073709551616", &v));
    assert_true(tw_cli_parse_count("18446744073709551615", &v));
    assert_true(v == UINT64_MAX);
}

static void index_location(void **state)
{
    (void)state;
    char *p = tw_cli_db_path("/given");
    assert_string_equal(p, "/given");
    free(p);
    setenv("TRAWL_DB", "/from/env", 1);
    p = tw_cli_db_path(NULL);
    assert_string_equal(p, "/from/env");
    free(p);
    unsetenv("TRAWL_DB");
    setenv("XDG_DATA_HOME", "/xdg", 1);
    p = tw_cli_db_path(NULL);
    assert_string_equal(p, "/xdg/trawl/default");
    free(p);
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/reader", 1);
    p = tw_cli_db_path(NULL);
    assert_string_equal(p, "/home/reader/.local/share/trawl/default");
    free(p);
    unsetenv("HOME");
    assert_null(tw_cli_db_path(NULL));
}

static void status_strings(void **state)
{
    (void)state;
    assert_string_equal(trawl_strerror(TRAWL_OK), "success");
    assert_string_equal(trawl_strerror(TRAWL_ELOCKED), "index is locked by another writer");
    assert_string_equal(trawl_strerror(TRAWL_ENOINDEX), "no index at this path");
    /* Every status has its own text, and an unknown one still gets a string. */
    for (int a = TRAWL_OK; a <= TRAWL_ESHARD; a++)
        for (int b = a + 1; b <= TRAWL_ESHARD; b++)
            assert_string_not_equal(trawl_strerror((trawl_status)a),
                                    trawl_strerror((trawl_status)b));
    assert_string_equal(trawl_strerror((trawl_status)999), "unknown status");
    assert_non_null(strchr(trawl_version(), '.'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(query_words_are_joined),
        cmocka_unit_test(query_options_anywhere),
        cmocka_unit_test(query_shards),
        cmocka_unit_test(split_specs),
        cmocka_unit_test(query_double_dash),
        cmocka_unit_test(query_errors),
        cmocka_unit_test(query_getopt_forms),
        cmocka_unit_test(query_show),
        cmocka_unit_test(query_like),
        cmocka_unit_test(query_stats),
        cmocka_unit_test(index_extract),
        cmocka_unit_test(index_options),
        cmocka_unit_test(index_errors),
        cmocka_unit_test(index_counts_too_large),
        cmocka_unit_test(index_shard_numbers),
        cmocka_unit_test(index_option_that_is_a_file),
        cmocka_unit_test(shown_paths_read_back),
        cmocka_unit_test(sizes_and_counts),
        cmocka_unit_test(index_location),
        cmocka_unit_test(status_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
