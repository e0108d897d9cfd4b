/* Unit tests: a glass database's tables against its version file
 * (common/glass_tables.h), on version files and blocks written here byte
 * by byte. */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "scratch.h"
#include "glass_tables.h"

#define BLOCK 8192
#define REVISION 7

/* One table's entry: no root written yet (FAKE), or its root block ROOT of
 * level LEVEL, the first block it never used, and its free list: empty
 * (FL_BLOCK 0), or block FL_BLOCK listing N_FREE blocks. */
typedef struct entry {
    int fake;
    unsigned long root, level, first_unused, fl_block, n_free;
} entry;

static size_t put_uint(unsigned char *p, unsigned long v)
{
    size_t n = 0;
    for (; v >= 128; v >>= 7)
        p[n++] = (unsigned char)(v | 0x80);
    p[n++] = (unsigned char)v;
    return n;
}

/* The tables' block size in 2 KiB units, as the version file says it. */
static unsigned long block_units = 4;

/* Writes DIR/iamglass for the six tables E (postlist, docdata, termlist,
 * position, spelling, synonym), of the format version VERSION, cut to its
 * first CUT bytes when CUT is not 0. */
static void write_version(const entry e[6], unsigned version, size_t cut)
{
    unsigned char buf[512], fl[32];
    size_t n = 0;
    memcpy(buf, "\x0f\x0dXapian Glass", 14);
    n = 14;
    buf[n++] = (unsigned char)(version >> 8);
    buf[n++] = (unsigned char)version;
    memset(buf + n, 0x5a, 16);
    n += 16;
    n += put_uint(buf + n, REVISION);
    for (int i = 0; i < 6; i++) {
        n += put_uint(buf + n, e[i].root);
        n += put_uint(buf + n, e[i].fake ? 1 : e[i].level << 2);
        n += put_uint(buf + n, e[i].fake ? 0 : 300);    /* entries */
        n += put_uint(buf + n, block_units);            /* 8 KiB blocks unless told */
        n += put_uint(buf + n, 18);
        size_t f = 0;
        if (!e[i].fake) {
            /* The list's start and end: a block and an offset in 4-byte
             * units, its entries from byte 8 on. */
            f += put_uint(fl + f, REVISION);
            f += put_uint(fl + f, e[i].first_unused);
            f += put_uint(fl + f, e[i].fl_block);
            f += put_uint(fl + f, e[i].fl_block ? 2 : 0);
            f += put_uint(fl + f, e[i].fl_block);
            f += put_uint(fl + f, e[i].fl_block ? 2 + e[i].n_free : 0);
        }
        n += put_uint(buf + n, f);
        memcpy(buf + n, fl, f);
        n += f;
    }
    char path[64];
    snprintf(path, sizeof path, "%s/iamglass", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, cut ? cut : n), (ssize_t)(cut ? cut : n));
    close(fd);
}

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Makes DIR/NAME.glass BYTES long, a hole but for its blocks written by
 * put_block. */
static void table(const char *name, off_t bytes)
{
    char path[64];
    snprintf(path, sizeof path, "%s/%s.glass", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, bytes), 0);
    close(fd);
}

/* Writes block N of DIR/NAME.glass: of revision REV and level LEVEL, a tree
 * block holding one item (a branch's naming block CHILD), or a free-list
 * block (level 254) listing the N_LISTED blocks LISTED. */
static void put_block(const char *name, unsigned long n, unsigned long rev, int level,
                      unsigned long child, const unsigned long *listed, size_t n_listed)
{
    unsigned char b[BLOCK] = { 0 };
    put32(b, rev);
    b[4] = (unsigned char)level;
    if (level == 254) {
        for (size_t i = 0; i < n_listed; i++)
            put32(b + 8 + 4 * i, listed[i]);
        put32(b + BLOCK - 4, 0xffffffff);
    } else {
        /* The directory (from byte 11) holds the one item's offset; the
         * item, at the block's end: a branch's starts with the block it
         * names, a leaf's with its size. */
        b[9] = 0;
        b[10] = 13;
        unsigned at = BLOCK - 8;
        b[11] = (unsigned char)(at >> 8);
        b[12] = (unsigned char)at;
        if (level)
            put32(b + at, child);
        else
            put32(b + at, 0x00080300);
        b[at + 4] = 1;
    }
    char path[64];
    snprintf(path, sizeof path, "%s/%s.glass", dir, name);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(pwrite(fd, b, BLOCK, (off_t)(n * BLOCK)), BLOCK);
    close(fd);
}

static trawl_status check(char *why, size_t whylen)
{
    char version[64];
    snprintf(version, sizeof version, "%s/iamglass", dir);
    why[0] = '\0';
    return tw_glass_tables_check(version, why, whylen);
}

/* Postlist a branch at block 2 over blocks 0 and 1 (one named here),
 * docdata 200 blocks (a number of two bytes), termlist and position 1,
 * spelling and synonym not created. */
static entry tables[6] = { { 0, 2, 1, 3, 0, 0 }, { 0, 199, 0, 200, 0, 0 },
                           { 0, 0, 0, 1, 0, 0 }, { 0, 0, 0, 1, 0, 0 },
                           { 1, 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0, 0 } };

static void whole_tables_pass(void **state)
{
    (void)state;
    char why[160];
    write_version(tables, 1134, 0);
    table("postlist", 3 * BLOCK);
    put_block("postlist", 2, REVISION, 1, 1, NULL, 0);
    table("docdata", 200 * BLOCK + 100);   /* past its last block: a write cut short */
    put_block("docdata", 199, REVISION - 2, 0, 0, NULL, 0);
    table("termlist", BLOCK);
    put_block("termlist", 0, REVISION, 0, 0, NULL, 0);
    table("position", BLOCK);
    put_block("position", 0, REVISION, 0, 0, NULL, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    assert_string_equal(why, "");
}

static void a_table_cut_short_of_its_root_is_damage(void **state)
{
    (void)state;
    char why[160];
    table("docdata", 200 * BLOCK - 1);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "docdata.glass is cut short: 1638399 bytes, short of its root block at 1630208");
    table("docdata", 200 * BLOCK);
    put_block("docdata", 199, REVISION, 0, 0, NULL, 0);
}

/* Past its root: a compacted table's root comes before most of its
 * blocks, and a table cut at half its length still held it. */
static void a_table_cut_past_its_root_is_damage(void **state)
{
    (void)state;
    char why[160];
    tables[2].first_unused = 4;
    write_version(tables, 1134, 0);
    table("termlist", 2 * BLOCK);
    put_block("termlist", 0, REVISION, 0, 0, NULL, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "termlist.glass is cut short: 16384 bytes, short of a block it uses at 16384");
    table("termlist", 4 * BLOCK);
    put_block("termlist", 0, REVISION, 0, 0, NULL, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
}

/* A block taken and freed within one commit is counted, listed free, and
 * never written: a sound table may end before its first block never used
 * (xapian-check found no fault in one 65,536 bytes long of 106,496). */
static void blocks_listed_free_past_the_end_are_no_damage(void **state)
{
    (void)state;
    char why[160];
    tables[3] = (entry){ 0, 0, 0, 6, 1, 3 };
    write_version(tables, 1134, 0);
    table("position", 3 * BLOCK);
    put_block("position", 0, REVISION, 0, 0, NULL, 0);
    put_block("position", 1, REVISION, 254, 0, (const unsigned long[]){ 5, 3, 4 }, 3);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    /* Block 4 not listed: in use, and lost. */
    put_block("position", 1, REVISION, 254, 0, (const unsigned long[]){ 5, 3, 2 }, 3);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "position.glass is cut short: 24576 bytes, short of a block it uses at 32768");
    /* Listed past the list's end is not listed. */
    put_block("position", 1, REVISION, 254, 0, (const unsigned long[]){ 5, 3, 2, 4 }, 4);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    /* The list itself past the end. */
    tables[3].fl_block = 4;
    write_version(tables, 1134, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "position.glass is cut short: 24576 bytes, short of a block it uses at 32768");
    /* A list that cannot be walked (block 2 is no list's) tells nothing:
     * Xapian finds the loss when it reads the block. */
    tables[3].fl_block = 2;
    write_version(tables, 1134, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    tables[3] = (entry){ 0, 0, 0, 1, 0, 0 };
    write_version(tables, 1134, 0);
}

/* A damaged list whose last block names itself as the next, under a first
 * block never used of 2^32 - 1: the walk was bounded by twice that, and
 * ran for minutes, where the file's three blocks hold the whole list. */
static void a_free_list_that_loops_ends_at_once(void **state)
{
    (void)state;
    char why[160];
    struct timespec t0, t1;
    tables[3] = (entry){ 0, 0, 0, 0xffffffffUL, 1, BLOCK };    /* its end never reached */
    write_version(tables, 1134, 0);
    table("position", 3 * BLOCK);
    put_block("position", 0, REVISION, 0, 0, NULL, 0);
    put_block("position", 1, REVISION, 254, 0, NULL, 0);
    unsigned char next[4];
    put32(next, 1);
    char path[64];
    snprintf(path, sizeof path, "%s/position.glass", dir);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(pwrite(fd, next, 4, BLOCK + BLOCK - 4), 4);
    close(fd);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true(t1.tv_sec - t0.tv_sec < 2);
    tables[3] = (entry){ 0, 0, 0, 1, 0, 0 };
    write_version(tables, 1134, 0);
    table("position", BLOCK);
    put_block("position", 0, REVISION, 0, 0, NULL, 0);
}

/* A version file copied from another index, or an older copy of this one,
 * names as root a block that is not one, or not of that revision; a
 * zeroed root is no block at all. */
static void a_root_of_another_version_file_is_damage(void **state)
{
    (void)state;
    char why[160];
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    put_block("docdata", 199, REVISION, 1, 0, NULL, 0);            /* a branch */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "docdata.glass does not match its version file, iamglass: one of "
                             "them comes from another index, or another copy of this one");
    put_block("docdata", 199, REVISION + 1, 0, 0, NULL, 0);        /* written later */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_non_null(strstr(why, "docdata.glass does not match"));
    table("docdata", 200 * BLOCK);                                  /* zeroed */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "docdata.glass is spoiled: its root block at 1630208 is zeroed or "
                             "overwritten");
    put_block("docdata", 199, REVISION, 0, 0, NULL, 0);
    put_block("postlist", 2, REVISION, 1, 3, NULL, 0);      /* naming a block never used */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_non_null(strstr(why, "postlist.glass does not match"));
    put_block("postlist", 2, REVISION, 1, 0, NULL, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
}

static void a_missing_table_is_damage(void **state)
{
    (void)state;
    char why[160], path[64];
    snprintf(path, sizeof path, "%s/position.glass", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "position.glass is missing");
    table("position", BLOCK);
    put_block("position", 0, REVISION, 0, 0, NULL, 0);
}

/* Spelling and synonym have no file: their entries say no root was
 * written, which is no damage (the first test passed without them). */

static void what_it_cannot_read_is_left_to_xapian(void **state)
{
    (void)state;
    char why[160], path[64];
    snprintf(path, sizeof path, "%s/termlist.glass", dir);
    assert_int_equal(unlink(path), 0);
    write_version(tables, 1135, 0);            /* another format */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    write_version(tables, 1134, 40);           /* cut inside its first entry */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    snprintf(path, sizeof path, "%s/iamglass", dir);
    assert_int_equal(unlink(path), 0);         /* no version file */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    write_version(tables, 1134, 0);            /* and the whole one finds the loss */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "termlist.glass is missing");
}

/* A block size glass never writes is a damaged version file's, which
 * Xapian's open reports: 0 divided the table's size by zero. */
static void a_block_size_it_cannot_hold_is_left_to_xapian(void **state)
{
    (void)state;
    char why[160];
    const unsigned long sizes[] = { 0, 3, 64, 1UL << 53 };
    table("termlist", 0);   /* cut short, were the size believed */
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        block_units = sizes[i];
        write_version(tables, 1134, 0);
        assert_int_equal(check(why, sizeof why), TRAWL_OK);
    }
    block_units = 4;
    write_version(tables, 1134, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_tables_pass),
        cmocka_unit_test(a_table_cut_short_of_its_root_is_damage),
        cmocka_unit_test(a_table_cut_past_its_root_is_damage),
        cmocka_unit_test(blocks_listed_free_past_the_end_are_no_damage),
        cmocka_unit_test(a_free_list_that_loops_ends_at_once),
        cmocka_unit_test(a_root_of_another_version_file_is_damage),
        cmocka_unit_test(a_missing_table_is_damage),
        cmocka_unit_test(what_it_cannot_read_is_left_to_xapian),
        cmocka_unit_test(a_block_size_it_cannot_hold_is_left_to_xapian),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
