/* Unit tests: a reader whose read a writer's commit tore.  Xapian reads a
 * block of its tables in one pread, which the kernel does not make whole
 * against the writer's pwrite of a block it reuses: a handle two commits
 * behind may read a block half old and half new.  Such a block passes
 * Xapian's revision check; it may lack the key looked for (the schema read
 * empty: "not a trawl index", tsan_threads 2 runs in 400 under load) or be
 * of the wrong level (Xapian's "Expected block N to be level 0"), and the
 * handle keeps it.
 *
 * The race is rare, so this program makes it happen: it defines pread,
 * which Xapian's library then calls, and hands over, once, another block
 * of the same table where the block holding a key was read: the schema's,
 * which opening reads, or a word's, which a search reads. */
#include <dlfcn.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <string>
#include <vector>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
}

#include "schema.h"
#include "trawl.h"

#include "indexed_xapian.h"

/* What the next read of the block with the schema's key gets instead: a
 * leaf without the key, a branch block, or nothing (the end of the file,
 * as a pointer torn past it reads). */
enum tear { TEAR_NONE, TEAR_OTHER_LEAF, TEAR_BRANCH, TEAR_EOF };
static tear armed = TEAR_NONE;
static const char *trigger = TW_META_SCHEMA;   /* a key of the block torn */
static int tears;

static ssize_t real_pread(int fd, void *buf, size_t n, off_t at)
{
    using pread_fn = ssize_t (*)(int, void *, size_t, off_t);
    static pread_fn next = (pread_fn)dlsym(RTLD_NEXT, "pread");
    return next(fd, buf, n, at);
}

/* Whether FD is open on a glass postlist table, which holds the metadata. */
static bool is_postlist(int fd)
{
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, path, sizeof path - 1);
    if (len < 0)
        return false;
    path[len] = '\0';
    const char *name = "/postlist.glass";
    return (size_t)len > strlen(name) && strcmp(path + len - strlen(name), name) == 0;
}

/* Byte 4 of a glass block is its level: 0 for a leaf. */
static int level_of(const void *block)
{
    return ((const unsigned char *)block)[4];
}

static bool holds_trigger(const void *block, size_t n)
{
    return memmem(block, n, trigger, strlen(trigger)) != nullptr;
}

/* Another block of FD's table, of the level the tear asks for, into BUF. */
static bool other_block(int fd, void *buf, size_t n, off_t at)
{
    std::vector<char> b(n);
    for (off_t k = 0; real_pread(fd, b.data(), n, k) == (ssize_t)n; k += (off_t)n) {
        bool fits = armed == TEAR_BRANCH ? level_of(b.data()) == 1
                                         : level_of(b.data()) == 0 && !holds_trigger(b.data(), n);
        if (k != at && fits) {
            memcpy(buf, b.data(), n);
            return true;
        }
    }
    return false;
}

extern "C" ssize_t pread(int fd, void *buf, size_t n, off_t at)
{
    ssize_t got = real_pread(fd, buf, n, at);
    if (armed != TEAR_NONE && got == (ssize_t)n && n >= 2048 && level_of(buf) == 0 &&
        holds_trigger(buf, n) && is_postlist(fd) &&
        (armed == TEAR_EOF || other_block(fd, buf, n, at))) {
        if (armed == TEAR_EOF)
            got = 0;
        armed = TEAR_NONE;
        tears++;
    }
    return got;
}

static std::string index_path;

static int setup(void **state)
{
    if (scratch_setup(state) != 0)
        return -1;
    /* Enough articles for a table of many blocks, a branch over leaves. */
    std::vector<Article> articles;
    for (int i = 0; i < 600; i++) {
        std::string body = "Bulletin " + std::to_string(i) + ":";
        for (int k = 0; k < 30; k++)
            body += " word" + std::to_string(i * 31 + k);
        articles.push_back({ "bulletin-" + std::to_string(i), body });
    }
    articles.push_back({ "ferry", "The ferry runs to the island at noon.", "Island ferry" });
    add_articles("torn", articles);
    index_path = std::string(dir) + "/torn";
    return 0;
}

/* Arms a tear of the next read of a block holding KEY. */
static void arm(tear how, const char *key)
{
    armed = how;
    trigger = key;
    tears = 0;
}

/* Searches DB for "running", which stemmed finds "runs": the one article,
 * after the one tear armed (else the test tested nothing). */
static void finds_the_ferry(trawl_db *db)
{
    trawl_search_opts o = {};
    o.size = sizeof o;
    trawl_results *res;
    trawl_status st = trawl_search(db, "running", &o, &res);
    assert_int_equal(tears, 1);
    if (st != TRAWL_OK)
        fail_msg("search: %s", trawl_db_errmsg(db));
    assert_int_equal(trawl_results_count(res), 1);
    assert_string_equal(trawl_results_hit(res, 0)->id, "ferry");
    trawl_results_free(res);
}

/* Opened with a torn read, the handle searches as any other. */
static void opens_and_searches(tear how)
{
    arm(how, TW_META_SCHEMA);
    trawl_db *db;
    if (trawl_db_open(index_path.c_str(), &db) != TRAWL_OK)
        fail_msg("open: %s", trawl_db_errmsg(db));
    finds_the_ferry(db);
    trawl_db_close(db);
}

/* The schema read empty beside articles: the shard is opened anew, not
 * called "not a trawl index". */
static void schema_read_torn(void **state)
{
    (void)state;
    opens_and_searches(TEAR_OTHER_LEAF);
}

/* A block of the wrong level: tried again on the shard opened anew, and
 * the handle's reading of the index's identity done whole (the stemmer,
 * the parser), not left where the damage stopped it. */
static void level_read_torn(void **state)
{
    (void)state;
    opens_and_searches(TEAR_BRANCH);
}

/* A block past the end of the table ("EOF reading block N", which Xapian
 * throws as a plain DatabaseError): tried again, not a damaged index. */
static void pointer_read_torn(void **state)
{
    (void)state;
    opens_and_searches(TEAR_EOF);
}

/* A search whose read of its word's postings was torn, on a handle opened
 * before: tried again on the shard opened anew.  (A leaf torn into another
 * leaf is not seen: the word's postings look absent, and the search finds
 * nothing.  No reader of Xapian 1.4 can tell, short of reading each block
 * twice.) */
static void search_read_torn(void **state)
{
    (void)state;
    for (tear how : { TEAR_BRANCH, TEAR_EOF }) {
        trawl_db *db;
        assert_int_equal(trawl_db_open(index_path.c_str(), &db), TRAWL_OK);
        arm(how, "Zrun");       /* the stem's postings */
        finds_the_ferry(db);
        trawl_db_close(db);
    }
}

/* A Xapian database with documents and no schema is still refused, at
 * once: opening it anew reads no schema either. */
static void foreign_index_refused(void **state)
{
    (void)state;
    std::string foreign = std::string(dir) + "/foreign";
    {
        Xapian::WritableDatabase w(foreign, Xapian::DB_CREATE);
        Xapian::Document d;
        d.add_term("ferry");
        w.add_document(d);
        w.commit();
    }
    trawl_db *db;
    assert_int_equal(trawl_db_open(foreign.c_str(), &db), TRAWL_ESCHEMA);
    assert_non_null(strstr(trawl_db_errmsg(db), "is a Xapian database but not a trawl index"));
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schema_read_torn),
        cmocka_unit_test(level_read_torn),
        cmocka_unit_test(pointer_read_torn),
        cmocka_unit_test(search_read_torn),
        cmocka_unit_test(foreign_index_refused),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
