/* Unit tests: reading files and gzip data within limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>

#include "formats/charset.h"
#include "hash.h"
#include "read.h"

static char dir[] = "/tmp/trawl-test-read-XXXXXX";

/* Gzips DATA with zlib's gzip wrapper into a malloc'd buffer. */
static unsigned char *gzip(const char *data, size_t len, size_t *out_len)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&zs, len) + 64;
    unsigned char *out = malloc(cap);
    zs.next_in = (unsigned char *)data;
    zs.avail_in = (uInt)len;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    *out_len = cap - zs.avail_out;
    deflateEnd(&zs);
    return out;
}

static char *write_file(const char *name, const void *data, size_t len)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static const tw_read_limits big = { 1 << 20, 1 << 20 };
static const tw_read_limits big4 = { 64 << 20, 64 << 20 };

static void gunzip_round_trip(void **state)
{
    (void)state;
    const char *text = "Operation United Front rescued 47 people.\n";
    size_t zlen;
    unsigned char *z = gzip(text, strlen(text), &zlen);
    tw_buf out = { 0 };
    bool cut;
    char err[256];
    assert_int_equal(tw_gunzip(z, zlen, 1000, &out, &cut, err, sizeof err), 0);
    assert_false(cut);
    assert_string_equal(out.data, text);
    free(z);
    tw_buf_free(&out);
}

static void gunzip_concatenated_members(void **state)
{
    (void)state;
    size_t l1, l2;
    unsigned char *a = gzip("first ", 6, &l1), *b = gzip("second", 6, &l2);
    unsigned char *both = malloc(l1 + l2);
    memcpy(both, a, l1);
    memcpy(both + l1, b, l2);
    tw_buf out = { 0 };
    bool cut;
    char err[256];
    assert_int_equal(tw_gunzip(both, l1 + l2, 1000, &out, &cut, err, sizeof err), 0);
    assert_string_equal(out.data, "first second");
    free(a);
    free(b);
    free(both);
    tw_buf_free(&out);
}

static void gunzip_truncated_fails(void **state)
{
    (void)state;
    char text[4000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + (i * 7 + i / 13) % 26);
    size_t zlen;
    unsigned char *z = gzip(text, sizeof text, &zlen);
    tw_buf out = { 0 };
    bool cut;
    char err[256] = "";
    assert_int_equal(tw_gunzip(z, zlen / 2, 1 << 20, &out, &cut, err, sizeof err), -1);
    assert_non_null(strstr(err, "truncated gzip"));
    free(z);
    tw_buf_free(&out);
}

static void gunzip_stops_at_limit(void **state)
{
    (void)state;
    /* A small "bomb": 1 MiB of zeros compresses to about 1 KiB. */
    size_t n = 1 << 20, zlen;
    char *zeros = calloc(1, n);
    unsigned char *z = gzip(zeros, n, &zlen);
    assert_true(zlen < 4096);
    tw_buf out = { 0 };
    bool cut = false;
    char err[256];
    assert_int_equal(tw_gunzip(z, zlen, 5000, &out, &cut, err, sizeof err), 0);
    assert_true(cut);
    assert_int_equal(out.len, 5000);
    free(zeros);
    free(z);
    tw_buf_free(&out);
}

static void gunzip_garbage_fails(void **state)
{
    (void)state;
    unsigned char junk[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff };
    tw_buf out = { 0 };
    bool cut;
    char err[256] = "";
    assert_int_equal(tw_gunzip(junk, sizeof junk, 1000, &out, &cut, err, sizeof err), -1);
    assert_true(strlen(err) > 0);
    tw_buf_free(&out);
}

static void read_plain_and_gzip_files(void **state)
{
    (void)state;
    const char *text = "Title\n\nBody.\n";
    char *plain = write_file("a.txt", text, strlen(text));
    size_t zlen;
    unsigned char *z = gzip(text, strlen(text), &zlen);
    /* Named .txt on purpose: gzip is recognised by content, not by name. */
    char *gz = write_file("b.txt", z, zlen);
    tw_buf out = { 0 };
    tw_read_info info;
    char err[256];
    assert_int_equal(tw_read_file(plain, &big, &out, &info, err, sizeof err), 0);
    assert_string_equal(out.data, text);
    assert_false(info.gzip);
    assert_int_equal(info.raw_bytes, strlen(text));
    assert_int_equal(tw_read_file(gz, &big, &out, &info, err, sizeof err), 0);
    assert_string_equal(out.data, text);
    assert_true(info.gzip);
    assert_int_equal(info.raw_bytes, zlen);
    unlink(plain);
    unlink(gz);
    free(plain);
    free(gz);
    free(z);
    tw_buf_free(&out);
}

static void read_limit_truncates(void **state)
{
    (void)state;
    char *path = write_file("long.txt", "0123456789", 10);
    tw_read_limits small = { 4, 4 };
    tw_buf out = { 0 };
    tw_read_info info;
    char err[256];
    assert_int_equal(tw_read_file(path, &small, &out, &info, err, sizeof err), 0);
    assert_true(info.truncated);
    assert_string_equal(out.data, "0123");
    unlink(path);
    free(path);
    tw_buf_free(&out);
}

static void read_refuses_fifo_and_missing(void **state)
{
    (void)state;
    char fifo[256];
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    tw_buf out = { 0 };
    tw_read_info info;
    char err[256] = "";
    /* Must return at once, not wait for a writer. */
    assert_int_equal(tw_read_file(fifo, &big, &out, &info, err, sizeof err), -1);
    assert_string_equal(err, "not a regular file");
    unlink(fifo);
    snprintf(fifo, sizeof fifo, "%s/missing", dir);
    assert_int_equal(tw_read_file(fifo, &big, &out, &info, err, sizeof err), -1);
    assert_non_null(strstr(err, "No such file"));
    tw_buf_free(&out);
}

/* A window at a time: what is dropped is gone from memory, the rest comes in
 * order, and the hash covers the whole file however little was read. */
static void source_windows(void **state)
{
    (void)state;
    size_t n = 3 << 20;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i++)
        text[i] = (char)('a' + i % 26);
    size_t zlen;
    unsigned char *z = gzip(text, n, &zlen);
    char *plain = write_file("w.txt", text, n), *gz = write_file("w.gz", z, zlen);
    const char *paths[] = { plain, gz };
    for (int k = 0; k < 2; k++) {
        tw_buf buf = { 0 };
        tw_source s;
        char err[256];
        assert_int_equal(tw_source_open(&s, paths[k], &big4, &buf, err, sizeof err), 0);
        assert_int_equal(s.gzip, k == 1);
        assert_int_equal(tw_source_fill(&s, 1000, err, sizeof err), 0);
        assert_true(s.len >= 1000 && s.len < n);
        assert_memory_equal(s.data, text, 1000);
        tw_source_drop(&s, 700);
        assert_int_equal(s.offset, 700);
        assert_int_equal(tw_source_fill(&s, 2 << 20, err, sizeof err), 0);
        assert_memory_equal(s.data, text + 700, 2 << 20);
        assert_false(s.end);
        /* Stopping early: the hash still covers the file as it is on disk. */
        assert_int_equal(tw_source_hash_rest(&s, err, sizeof err), 0);
        assert_true(s.hash == (k ? tw_hash64(z, zlen) : tw_hash64(text, n)));
        assert_false(s.cut);
        /* Again from the start, to the end. */
        assert_int_equal(tw_source_rewind(&s, err, sizeof err), 0);
        assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
        assert_true(s.end);
        assert_int_equal(s.len, n);
        assert_memory_equal(s.data, text, n);
        tw_source_close(&s);
        tw_buf_free(&buf);
        unlink(paths[k]);
    }
    free(plain);
    free(gz);
    free(z);
    free(text);
}

/* Seeking (7-Zip reads its directory at the end first): the window starts
 * where asked, in a file and in memory; compressed sources cannot seek; and
 * the hash is of the whole file, taken again from its start. */
static void source_seeks(void **state)
{
    (void)state;
    const char *text = "0123456789abcdefghij";
    size_t n = strlen(text);
    char *path = write_file("s.bin", text, n);
    for (int k = 0; k < 2; k++) {
        tw_buf buf = { 0 };
        tw_source s;
        char err[256];
        if (k == 0)
            assert_int_equal(tw_source_open(&s, path, &big, &buf, err, sizeof err), 0);
        else
            assert_int_equal(tw_source_memory_file(&s, text, n, &big, &buf, err, sizeof err), 0);
        assert_true(tw_source_seekable(&s));
        assert_int_equal(tw_source_seek(&s, -5, SEEK_END, err, sizeof err), 15);
        assert_int_equal(tw_source_fill(&s, 100, err, sizeof err), 0);
        assert_int_equal(s.offset, 15);
        assert_string_equal(s.data, "fghij");
        assert_true(s.end);
        assert_int_equal(tw_source_seek(&s, 3, SEEK_SET, err, sizeof err), 3);
        assert_int_equal(tw_source_fill(&s, 4, err, sizeof err), 0);
        assert_memory_equal(s.data, "3456", 4);
        assert_int_equal(tw_source_hash_rest(&s, err, sizeof err), 0);
        assert_true(s.hash == tw_hash64(text, n));
        assert_int_equal(s.raw_bytes, n);
        tw_source_close(&s);
        tw_buf_free(&buf);
    }
    size_t zlen;
    unsigned char *z = gzip(text, n, &zlen);
    char *gz = write_file("s.gz", z, zlen);
    tw_buf buf = { 0 };
    tw_source s;
    char err[256];
    assert_int_equal(tw_source_open(&s, gz, &big, &buf, err, sizeof err), 0);
    assert_false(tw_source_seekable(&s));
    assert_int_equal(tw_source_seek(&s, 0, SEEK_SET, err, sizeof err), -1);
    tw_source_close(&s);
    tw_buf_free(&buf);
    unlink(path);
    unlink(gz);
    free(path);
    free(gz);
    free(z);
}

/* A pulled source (an archive's member): read in the pull's pieces, within
 * max_file_bytes (cut set when there was more), and its failure's reason. */
typedef struct pieces {
    const char *text;
    size_t at, step;
    bool fail;
    size_t len;         /* of text, when it holds NUL bytes; else 0 */
} pieces;

static ssize_t pull_pieces(void *ctx, void *dst, size_t room, char *err, size_t errlen)
{
    pieces *p = ctx;
    if (p->fail && p->at > 0) {
        snprintf(err, errlen, "cannot unpack: damaged");
        return -1;
    }
    size_t len = p->len ? p->len : strlen(p->text);
    size_t left = len - p->at, n = left < p->step ? left : p->step;
    if (n > room)
        n = room;
    memcpy(dst, p->text + p->at, n);
    p->at += n;
    return (ssize_t)n;
}

static void source_pulls(void **state)
{
    (void)state;
    tw_buf buf = { 0 };
    tw_source s;
    char err[256];
    pieces p = { "member bytes, three at a time", 0, 3, false, 0 };
    tw_source_pull(&s, pull_pieces, &p, &big, &buf);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
    assert_string_equal(s.data, "member bytes, three at a time");
    assert_true(s.end);
    assert_false(s.cut);
    assert_false(tw_source_seekable(&s));
    tw_source_close(&s);

    tw_read_limits six = { 6, 6 };
    pieces q = { "0123456789", 0, 4, false, 0 };
    tw_source_pull(&s, pull_pieces, &q, &six, &buf);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
    assert_string_equal(s.data, "012345");
    assert_true(s.cut);
    tw_source_close(&s);

    pieces bad = { "0123456789", 0, 4, true, 0 };
    tw_source_pull(&s, pull_pieces, &bad, &big, &buf);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), -1);
    assert_string_equal(err, "cannot unpack: damaged");
    assert_memory_equal(s.data, "0123", 4);
    tw_source_close(&s);
    tw_buf_free(&buf);
}

/* UTF-16 with a byte-order mark is decoded as it is read: a code unit or a
 * surrogate pair cut between two reads is kept whole; the mark goes.  Without
 * a mark the bytes are left as they are. */
static void source_decodes_utf16(void **state)
{
    (void)state;
    tw_buf buf = { 0 };
    tw_source s;
    char err[256];
    /* "Tür 😀" in UTF-16BE, three bytes at a time. */
    static const char be[] = "\xFE\xFF\0T\0\xFC\0r\0 \xD8\x3D\xDE\x00";
    pieces p = { be, 0, 3, false, sizeof be - 1 };
    tw_source_pull(&s, pull_pieces, &p, &big, &buf);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
    assert_true(s.utf8);
    assert_string_equal(s.data, "T\xC3\xBCr \xF0\x9F\x98\x80");
    tw_source_close(&s);

    static const char plain[] = "T\0\xFC\0";
    pieces q = { plain, 0, 3, false, sizeof plain - 1 };
    tw_source_pull(&s, pull_pieces, &q, &big, &buf);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
    assert_false(s.utf8);
    assert_int_equal(s.len, 4);
    assert_memory_equal(s.data, plain, 4);
    tw_source_close(&s);
    tw_buf_free(&buf);
}

/* Repairing to UTF-8 as it reads: a character cut between two reads is kept
 * whole, and stray Latin-1 bytes become their characters, as in one pass. */
static void source_repairs_utf8_across_reads(void **state)
{
    (void)state;
    size_t n = (256 << 10) + 64;        /* past one read of 256 KiB */
    char *text = malloc(n + 1);
    memset(text, 'x', n);
    /* "é" across the read boundary; a lone 0xE9 (Latin-1 é) just after. */
    text[(256 << 10) - 1] = (char)0xC3;
    text[256 << 10] = (char)0xA9;
    text[(256 << 10) + 10] = (char)0xE9;
    char *path = write_file("u.txt", text, n);
    tw_buf buf = { 0 }, whole = { 0 };
    tw_source s;
    char err[256];
    assert_int_equal(tw_source_open(&s, path, &big4, &buf, err, sizeof err), 0);
    assert_int_equal(tw_source_utf8(&s), 0);
    /* The first read takes 256 KiB, which ends inside the "é": held back. */
    assert_int_equal(tw_source_fill(&s, 1000, err, sizeof err), 0);
    assert_int_equal(s.len, (256 << 10) - 1);
    assert_int_equal(tw_source_fill(&s, SIZE_MAX, err, sizeof err), 0);
    assert_true(tw_to_utf8(text, n, &whole) == 1);      /* one byte repaired */
    assert_int_equal(s.len, whole.len);
    assert_memory_equal(s.data, whole.data, whole.len);
    assert_memory_equal(s.data + (256 << 10) - 1, "\xC3\xA9", 2);
    tw_source_close(&s);
    tw_buf_free(&buf);
    tw_buf_free(&whole);
    unlink(path);
    free(path);
    free(text);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gunzip_round_trip),
        cmocka_unit_test(gunzip_concatenated_members),
        cmocka_unit_test(gunzip_truncated_fails),
        cmocka_unit_test(gunzip_stops_at_limit),
        cmocka_unit_test(gunzip_garbage_fails),
        cmocka_unit_test(read_plain_and_gzip_files),
        cmocka_unit_test(read_limit_truncates),
        cmocka_unit_test(read_refuses_fifo_and_missing),
        cmocka_unit_test(source_windows),
        cmocka_unit_test(source_repairs_utf8_across_reads),
        cmocka_unit_test(source_decodes_utf16),
        cmocka_unit_test(source_seeks),
        cmocka_unit_test(source_pulls),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
