/* Unit tests: a glass database's tables against its version file
 * (common/glass_tables.h), on version files written here byte by byte. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "scratch.h"
#include "glass_tables.h"

/* One table's entry: its blocks up to its root, the last of them (0 with
 * FAKE: no root written yet, no free list). */
typedef struct entry {
    unsigned long blocks;
    int fake;
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
    n += put_uint(buf + n, 7);                          /* revision */
    for (int i = 0; i < 6; i++) {
        n += put_uint(buf + n, e[i].fake ? 0 : e[i].blocks - 1);   /* root */
        n += put_uint(buf + n, e[i].fake ? 3 : 4);      /* level 1; fake, sequential */
        n += put_uint(buf + n, e[i].fake ? 0 : 300);    /* entries */
        n += put_uint(buf + n, block_units);            /* 8 KiB blocks unless told */
        n += put_uint(buf + n, 18);
        size_t f = 0;
        if (!e[i].fake) {
            f += put_uint(fl + f, 7);
            /* The first block never used, past the file: blocks taken
             * and freed within a commit are counted, never written. */
            f += put_uint(fl + f, e[i].blocks + 40);
            for (int k = 0; k < 4; k++)
                f += put_uint(fl + f, 0);
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

/* Makes DIR/NAME.glass BYTES long (a hole: only its size is looked at). */
static void table(const char *name, off_t bytes)
{
    char path[64];
    snprintf(path, sizeof path, "%s/%s.glass", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, bytes), 0);
    close(fd);
}

static trawl_status check(char *why, size_t whylen)
{
    char version[64];
    snprintf(version, sizeof version, "%s/iamglass", dir);
    why[0] = '\0';
    return tw_glass_tables_check(version, why, whylen);
}

/* Postlist 3 blocks, docdata 200 (a number of two bytes), termlist and
 * position 1, spelling and synonym not created. */
static const entry TABLES[6] = { { 3, 0 }, { 200, 0 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 } };

static void whole_tables_pass(void **state)
{
    (void)state;
    char why[128];
    write_version(TABLES, 1134, 0);
    table("postlist", 3 * 8192);
    table("docdata", 200 * 8192 + 100);   /* past its root: a write cut short */
    table("termlist", 8192);
    table("position", 8192);
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    assert_string_equal(why, "");
}

static void a_table_cut_short_is_damage(void **state)
{
    (void)state;
    char why[128];
    table("docdata", 200 * 8192 - 1);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "docdata.glass is cut short: 1638399 bytes, short of its root block at 1630208");
    table("docdata", 200 * 8192);
}

static void a_missing_table_is_damage(void **state)
{
    (void)state;
    char why[128], path[64];
    snprintf(path, sizeof path, "%s/position.glass", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "position.glass is missing");
    table("position", 8192);
}

/* Spelling and synonym have no file: their entries say no root was
 * written, which is no damage (the first test passed without them). */

static void what_it_cannot_read_is_left_to_xapian(void **state)
{
    (void)state;
    char why[128], path[64];
    snprintf(path, sizeof path, "%s/termlist.glass", dir);
    assert_int_equal(unlink(path), 0);
    write_version(TABLES, 1135, 0);            /* another format */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    write_version(TABLES, 1134, 60);           /* cut inside termlist's entry */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    snprintf(path, sizeof path, "%s/iamglass", dir);
    assert_int_equal(unlink(path), 0);         /* no version file */
    assert_int_equal(check(why, sizeof why), TRAWL_OK);
    write_version(TABLES, 1134, 0);            /* and the whole one finds the loss */
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    assert_string_equal(why, "termlist.glass is missing");
}

/* A block size glass never writes is a damaged version file's, which
 * Xapian's open reports: 0 divided the table's size by zero. */
static void a_block_size_it_cannot_hold_is_left_to_xapian(void **state)
{
    (void)state;
    char why[128];
    const unsigned long sizes[] = { 0, 3, 64, 1UL << 53 };
    table("termlist", 0);   /* cut short, were the size believed */
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        block_units = sizes[i];
        write_version(TABLES, 1134, 0);
        assert_int_equal(check(why, sizeof why), TRAWL_OK);
    }
    block_units = 4;
    write_version(TABLES, 1134, 0);
    assert_int_equal(check(why, sizeof why), TRAWL_ECORRUPT);
    table("termlist", 8192);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_tables_pass),
        cmocka_unit_test(a_table_cut_short_is_damage),
        cmocka_unit_test(a_missing_table_is_damage),
        cmocka_unit_test(what_it_cannot_read_is_left_to_xapian),
        cmocka_unit_test(a_block_size_it_cannot_hold_is_left_to_xapian),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
