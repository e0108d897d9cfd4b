/* Unit tests: trawl_indexer_add_buffer indexes bytes in memory through the
 * format readers a file goes through: an HTML page becomes its article (not
 * its tags), JSON Lines one article a line, gzip is inflated, a second buffer
 * of the same name replaces the first, bytes that give nothing are
 * TRAWL_EFORMAT with the reason, bytes of which a part is bad give the rest,
 * an interrupt request is left for the add_path it was made for, and bytes
 * under a walked file's name hold its place only until add_path reads the
 * file again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

static trawl_indexer *open_ix(void)
{
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    assert_int_equal(trawl_indexer_open(dir, &o, &ix), TRAWL_OK);
    return ix;
}

/* How many articles match QUERY, exactly. */
static uint64_t count(const char *query)
{
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.exact_count = 1;
    o.no_relax = 1;
    o.no_suggest = 1;
    o.no_collapse = 1;
    trawl_results *res;
    assert_int_equal(trawl_search(db, query, &o, &res), TRAWL_OK);
    uint64_t n = trawl_results_total(res);
    trawl_results_free(res);
    trawl_db_close(db);
    return n;
}

static const char page[] =
    "<html><head><title>Ferry strike ends | Harbour Times</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Times\"></head><body>"
    "<nav><a href=\"/\">Menu</a></nav><article><h1>Ferry strike ends</h1>"
    "<p>The ferry crews voted on Tuesday to accept the pay offer after nine days.</p>"
    "</article><footer>Copyright notice</footer></body></html>";

static void html_page(void **state)
{
    (void)state;
    trawl_indexer *ix = open_ix();
    assert_int_equal(trawl_indexer_add_buffer(ix, "feed/ferry.html", page, sizeof page - 1),
                     TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("\"accept the pay offer\""), 1);
    assert_int_equal(count("copyright OR menu OR html OR href"), 0);   /* not the page */
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    trawl_article *a;
    assert_int_equal(trawl_db_get_article(db, "feed/ferry.html", &a), TRAWL_OK);
    assert_string_equal(a->title, "Ferry strike ends");
    assert_string_equal(a->site, "Harbour Times");
    trawl_article_free(a);
    trawl_db_close(db);
}

static void json_lines_gzipped_and_replaced(void **state)
{
    (void)state;
    const char lines[] = "{\"id\":\"1\",\"title\":\"Gulls\",\"body\":\"Gulls nest on roofs.\"}\n"
                         "{\"id\":\"2\",\"title\":\"Terns\",\"body\":\"Terns dive for sprats.\"}\n";
    unsigned char gz[512];
    z_stream z = { 0 };
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)lines;
    z.avail_in = sizeof lines - 1;
    z.next_out = gz;
    z.avail_out = sizeof gz;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t gz_len = z.total_out;
    deflateEnd(&z);

    trawl_indexer *ix = open_ix();
    if (trawl_indexer_add_buffer(ix, "dump.jsonl.gz", gz, gz_len) != TRAWL_OK)
        fail_msg("%s", trawl_indexer_errmsg(ix));
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(s.articles, 2);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("gulls OR terns"), 2);
    assert_int_equal(count("path:dump.jsonl.gz"), 2);

    /* The same name again, with one line: the old articles of it go. */
    ix = open_ix();
    const char one[] = "{\"id\":\"3\",\"title\":\"Puffins\",\"body\":\"Puffins return.\"}\n";
    assert_int_equal(trawl_indexer_add_buffer(ix, "dump.jsonl.gz", one, sizeof one - 1),
                     TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("gulls OR terns"), 0);
    assert_int_equal(count("puffins"), 1);
}

static void bytes_that_give_nothing(void **state)
{
    (void)state;
    trawl_indexer *ix = open_ix();
    const char binary[] = "\211PNG\r\n\032\n\000\000binary\000data";
    assert_int_equal(trawl_indexer_add_buffer(ix, "blob.bin", binary, sizeof binary - 1),
                     TRAWL_EFORMAT);
    assert_string_equal(trawl_indexer_errmsg(ix), "blob.bin: binary file: skipped");
    assert_int_equal(trawl_indexer_add_buffer(ix, "none.txt", "", 0), TRAWL_EFORMAT);
    assert_int_equal(trawl_indexer_add_buffer(ix, "", "x", 1), TRAWL_EINVAL);
    assert_int_equal(trawl_indexer_add_buffer(ix, "x", NULL, 3), TRAWL_EINVAL);
    assert_int_equal(trawl_indexer_add_buffer(NULL, "x", "x", 1), TRAWL_EINVAL);
    /* The indexer goes on: a good buffer after the bad ones. */
    const char text[] = "Kittiwakes\n\nKittiwakes crowd the cliffs in June.\n";
    assert_int_equal(trawl_indexer_add_buffer(ix, "notes.txt", text, sizeof text - 1), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("kittiwakes"), 1);
}

static void count_warning(void *ctx, const char *path, const char *message)
{
    (void)path;
    (void)message;
    (*(int *)ctx)++;
}

/* A dump with a bad line among good ones is what a file of it would be:
 * indexed, with the bad line told to on_warning; not "gave nothing". */
static void partly_bad_bytes(void **state)
{
    (void)state;
    int warnings = 0;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_warning = count_warning;
    o.ctx = &warnings;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(dir, &o, &ix), TRAWL_OK);
    const char lines[] = "{\"id\":\"1\",\"title\":\"Shags\",\"body\":\"Shags dry their wings.\"}\n"
                         "{\"id\":\"2\",\"title\": broken\n"
                         "{\"id\":\"3\",\"title\":\"Eiders\",\"body\":\"Eiders raft offshore.\"}\n";
    if (trawl_indexer_add_buffer(ix, "shore.jsonl", lines, sizeof lines - 1) != TRAWL_OK)
        fail_msg("%s", trawl_indexer_errmsg(ix));
    assert_int_equal(warnings, 1);
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(s.articles, 2);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("shags OR eiders"), 2);
}

/* trawl_indexer_interrupt asks add_path's walk to stop: a buffer added
 * while the request waits is indexed whole, as an article would be, and
 * the request still stops the next add_path at once. */
static void interrupt_left_for_add_path(void **state)
{
    (void)state;
    char inbox[64], file[96];
    snprintf(inbox, sizeof inbox, "%s/inbox", dir);
    assert_int_equal(mkdir(inbox, 0777), 0);
    snprintf(file, sizeof file, "%s/cormorants.txt", inbox);
    scratch_write(file, "Cormorants\n\nCormorants nest on the old pier.\n");
    trawl_indexer *ix = open_ix();
    trawl_indexer_interrupt(ix);
    const char lines[] = "{\"id\":\"1\",\"title\":\"Gannets\",\"body\":\"Gannets plunge.\"}\n"
                         "{\"id\":\"2\",\"title\":\"Fulmars\",\"body\":\"Fulmars glide.\"}\n";
    if (trawl_indexer_add_buffer(ix, "cliff.jsonl", lines, sizeof lines - 1) != TRAWL_OK)
        fail_msg("%s", trawl_indexer_errmsg(ix));
    assert_int_equal(trawl_indexer_add_path(ix, inbox), TRAWL_EINTR);
    assert_int_equal(trawl_indexer_add_path(ix, inbox), TRAWL_OK);     /* answered */
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("gannets OR fulmars"), 2);
    assert_int_equal(count("cormorants"), 1);
}

/* Bytes under the name of a file that add_path indexed replace the file's
 * articles; the next add_path reads the file again, unchanged as it is, and
 * its articles replace the bytes'.  The file's record was kept, and the walk
 * took the file for unchanged: the bytes' articles stayed in its place. */
static void walked_file_read_again(void **state)
{
    (void)state;
    char src[] = "/tmp/trawl-buf-src-XXXXXX", file[64], cmd[64];
    assert_non_null(mkdtemp(src));
    snprintf(file, sizeof file, "%s/harbour.txt", src);
    scratch_write(file, "Harbour dredging\n\nThe dredger cormorant4417 clears the mouth.\n");
    trawl_indexer *ix = open_ix();
    assert_int_equal(trawl_indexer_add_path(ix, src), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    const char draft[] = "Draft\n\nA draft about puffin7781 colonies.\n";
    ix = open_ix();
    assert_int_equal(trawl_indexer_add_buffer(ix, file, draft, sizeof draft - 1), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("puffin7781"), 1);
    assert_int_equal(count("cormorant4417"), 0);
    ix = open_ix();
    assert_int_equal(trawl_indexer_add_path(ix, src), TRAWL_OK);
    trawl_indexer_stats stats;
    assert_int_equal(trawl_indexer_stats_get(ix, &stats, sizeof stats), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(stats.files_indexed, 1);
    assert_int_equal(stats.files_unchanged, 0);
    assert_int_equal(count("cormorant4417"), 1);
    assert_int_equal(count("puffin7781"), 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", src);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_page),
        cmocka_unit_test(json_lines_gzipped_and_replaced),
        cmocka_unit_test(bytes_that_give_nothing),
        cmocka_unit_test(partly_bad_bytes),
        cmocka_unit_test(interrupt_left_for_add_path),
        cmocka_unit_test(walked_file_read_again),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
