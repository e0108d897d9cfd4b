/* glass_tables.c - each table of a glass database there, and holding its
 * root block, as its version file says (glass_tables.h).
 *
 * The version file of Xapian 1.4's glass format: a magic string and the
 * format's two-byte version, the database's UUID (16 bytes), its revision,
 * then one entry a table in the order below.  An entry holds, as Xapian's
 * pack_uint numbers (7 bits a byte, low first, the high bit set on all but
 * the last): the root block, the level and flags (bit 0: no root written
 * yet), the number of entries, the block size in 2 KiB units, the least
 * size compressed, then the free list as a counted string.  The root block
 * is written by every commit, so the file holds it.  The free list's first
 * block never used is no bound: a block taken and freed again within one
 * commit is counted but never written, and a sound table updated run by
 * run ended short of it (docdata 65,536 bytes of 106,496; xapian-check
 * found no error). */
#include "glass_tables.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MAGIC[] = "\x0f\x0dXapian Glass";   /* 14 bytes */
#define FORMAT_VERSION 1134    /* Xapian's DATE_TO_VERSION(2016, 3, 14) */
#define UUID_BYTES 16

static const char *const TABLES[] = { "postlist", "docdata", "termlist", "position",
                                      "spelling", "synonym" };

typedef struct reader {
    const unsigned char *p, *end;
} reader;

/* One pack_uint number into *V; false when it runs past the end or over
 * 64 bits. */
static bool unpack(reader *r, uint64_t *v)
{
    *v = 0;
    for (unsigned shift = 0; r->p < r->end && shift < 64; shift += 7) {
        unsigned char b = *r->p++;
        *v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

/* The blocks the table whose entry R is at must hold, up to its root, into
 * *BLOCKS (0 when no root was written: a table not created yet), and its
 * block size into *BLOCKSIZE; false when the entry cannot be read, or
 * holds a block size glass never writes (a power of two from 2 to 64 KiB):
 * a damaged file's 0 was a division by zero below. */
static bool table_extent(reader *r, uint64_t *blocks, uint64_t *blocksize)
{
    uint64_t root, flags, entries, size_units, compress_min, fl_len;
    if (!unpack(r, &root) || !unpack(r, &flags) || !unpack(r, &entries) ||
        !unpack(r, &size_units) || !unpack(r, &compress_min) || !unpack(r, &fl_len) ||
        fl_len > (uint64_t)(r->end - r->p) || size_units == 0 || size_units > 32 ||
        (size_units & (size_units - 1)) != 0)
        return false;
    r->p += fl_len;
    *blocksize = size_units << 11;
    *blocks = flags & 1 ? 0 : root + 1;
    return true;
}

trawl_status tw_glass_tables_check(const char *version, char *why, size_t whylen)
{
    const char *slash = strrchr(version, '/');
    const char *name = slash ? slash + 1 : version;
    unsigned char buf[1024];
    int fd = open(version, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return TRAWL_OK;
        snprintf(why, whylen, "%s: %s", name, strerror(errno));
        return TRAWL_EIO;
    }
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    size_t head = sizeof MAGIC - 1;
    if (n < (ssize_t)(head + 2 + UUID_BYTES) || memcmp(buf, MAGIC, head) != 0 ||
        (buf[head] << 8 | buf[head + 1]) != FORMAT_VERSION)
        return TRAWL_OK;
    reader r = { buf + head + 2 + UUID_BYTES, buf + n };
    uint64_t revision;
    if (!unpack(&r, &revision))
        return TRAWL_OK;
    int dir_len = (int)(name - version);
    for (size_t i = 0; i < sizeof TABLES / sizeof *TABLES; i++) {
        uint64_t blocks, blocksize;
        if (!table_extent(&r, &blocks, &blocksize))
            return TRAWL_OK;
        if (blocks == 0)
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%.*s%s.glass", dir_len, version, TABLES[i]) >=
            (int)sizeof path)
            return TRAWL_OK;
        struct stat st;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT) {
            snprintf(why, whylen, "%s.glass is missing", TABLES[i]);
            return TRAWL_ECORRUPT;
        }
        if (fd < 0 || fstat(fd, &st) != 0) {
            snprintf(why, whylen, "%s.glass: %s", TABLES[i], strerror(errno));
            if (fd >= 0)
                close(fd);
            return TRAWL_EIO;
        }
        close(fd);
        if ((uint64_t)st.st_size / blocksize < blocks) {
            snprintf(why, whylen, "%s.glass is cut short: %llu bytes, short of its root block at %llu",
                     TABLES[i], (unsigned long long)st.st_size,
                     (unsigned long long)((blocks - 1) * blocksize));
            return TRAWL_ECORRUPT;
        }
    }
    return TRAWL_OK;
}
