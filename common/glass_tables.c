/* glass_tables.c - each table of a glass database there, and holding the
 * blocks its version file says it uses (glass_tables.h).
 *
 * The version file of Xapian 1.4's glass format: a magic string and the
 * format's two-byte version, the database's UUID (16 bytes), its revision,
 * then one entry a table in the order below.  An entry holds, as Xapian's
 * pack_uint numbers (7 bits a byte, low first, the high bit set on all but
 * the last): the root block, the level and flags (bit 0: no root written
 * yet), the number of entries, the block size in 2 KiB units, the least
 * size compressed, then the free list as a counted string: its revision,
 * the first block never used, and two cursors (a block and an offset in
 * 4-byte units), where the list starts and where it ends.
 *
 * Every block below the first never used is in the tree, holds the free
 * list, or is listed on it (xapian-check counts any other as leaked), and
 * the first two are read, so written.  A block listed free need not be: one
 * taken and freed within a commit is counted and listed, never written, and
 * a sound table updated run by run ended short of its first block never
 * used (docdata 65,536 bytes of 106,496).  So a table shorter than that
 * holds all it uses only when every block past its end is listed free: the
 * list is walked then, and only then (a compacted table, or one whose file
 * holds its every block, costs no read).
 *
 * A free-list block: the revision (4 bytes), a level byte of 254 at byte 4,
 * then from byte 8 4-byte block numbers (high byte first), the last 4 bytes
 * of the block the next free-list block. */
#include "glass_tables.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MAGIC[] = "\x0f\x0dXapian Glass";   /* 14 bytes */
#define FORMAT_VERSION 1134    /* Xapian's DATE_TO_VERSION(2016, 3, 14) */
#define UUID_BYTES 16
#define LEVEL_FREELIST 254
#define FREELIST_START 8       /* a free-list block's first entry */
#define DIR_START 11           /* a tree block's first item's offset */

static const char *const TABLES[] = { "postlist", "docdata", "termlist", "position",
                                      "spelling", "synonym" };

typedef struct reader {
    const unsigned char *p, *end;
} reader;

/* What a table's entry in the version file says of its blocks. */
typedef struct table_info {
    uint64_t root;              /* UINT64_MAX: no root written yet */
    uint64_t level;             /* the root's: 0, a leaf */
    uint64_t blocksize;
    uint64_t first_unused;      /* 0: no free list read */
    uint64_t fl_block, fl_at;   /* the free list's start: block, byte */
    uint64_t end_block, end_at; /* and its end */
} table_info;

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

/* The free list FL, its serialised form, into *T; left as no free list
 * (first_unused 0) when it is not of that form. */
static void read_free_list(reader fl, table_info *t)
{
    uint64_t revision, first_unused, fl_block, fl_at, end_block, end_at;
    if (!unpack(&fl, &revision) || !unpack(&fl, &first_unused) || !unpack(&fl, &fl_block) ||
        !unpack(&fl, &fl_at) || !unpack(&fl, &end_block) || !unpack(&fl, &end_at) ||
        fl.p != fl.end || first_unused > UINT32_MAX || fl_at > UINT32_MAX ||
        end_at > UINT32_MAX)
        return;
    *t = (table_info){ t->root, t->level, t->blocksize, first_unused, fl_block, fl_at * 4,
                       end_block, end_at * 4 };
}

/* The entry of the table R is at, into *T; false when it cannot be read,
 * or holds a block size glass never writes (it writes powers of two from 2
 * to 64 KiB), which is left to Xapian to say: a damaged file's 0 was a
 * division by zero. */
static bool table_entry(reader *r, table_info *t)
{
    uint64_t root, flags, entries, size_units, compress_min, fl_len;
    if (!unpack(r, &root) || !unpack(r, &flags) || !unpack(r, &entries) ||
        !unpack(r, &size_units) || !unpack(r, &compress_min) || !unpack(r, &fl_len) ||
        fl_len > (uint64_t)(r->end - r->p) || size_units == 0 || size_units > 32 ||
        (size_units & (size_units - 1)) != 0)
        return false;
    *t = (table_info){ .root = flags & 1 ? UINT64_MAX : root, .level = flags >> 2,
                       .blocksize = size_units << 11 };
    read_free_list((reader){ r->p, r->p + fl_len }, t);
    r->p += fl_len;
    return true;
}

static uint32_t be16(const unsigned char *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Reads block N of the table open as FD into BLOCK; false when it cannot
 * be read whole. */
static bool read_block(int fd, const table_info *t, uint64_t n, unsigned char *block)
{
    return pread(fd, block, t->blocksize, (off_t)(n * t->blocksize)) == (ssize_t)t->blocksize;
}

/* read_block of a free-list block; false too when it is not one. */
static bool read_free_block(int fd, const table_info *t, uint64_t n, unsigned char *block)
{
    return read_block(fd, t, n, block) && block[4] == LEVEL_FREELIST;
}

static int by_number(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Walks the free list of the table open as FD, its first HAVE blocks in its
 * file, into *PAST (*NPAST of them, the caller frees) the blocks it lists
 * at or past HAVE; sets *LOST and returns 1 when a block of the list
 * itself is past them.  -1 when it cannot walk it: no memory, a block that
 * is not the list's, a list running on. */
static int walk_free_list(int fd, const table_info *t, uint64_t have, uint32_t **past,
                          size_t *npast, uint64_t *lost)
{
    uint64_t n = t->fl_block, at = t->fl_at;
    size_t cap = 0;
    *past = NULL;
    *npast = 0;
    if (n == t->end_block && at == t->end_at)
        return 0;
    if (n >= have) {
        *lost = n;
        return 1;
    }
    unsigned char *block = malloc(t->blocksize);
    int got = block && read_free_block(fd, t, n, block) ? 0 : -1;
    /* Each step lists a block or moves to the next list block, each of
     * them below the first never used: more steps than twice that is a
     * loop, and so is reading more list blocks than the file holds (a
     * damaged version file's first never used of 2^32 - 1 let a loop run
     * for minutes). */
    for (uint64_t steps = 0, reads = 1; got == 0 && !(n == t->end_block && at == t->end_at);
         steps++) {
        if (steps > 2 * t->first_unused || reads > have || at < FREELIST_START ||
            at + 4 > t->blocksize) {
            got = -1;
            break;
        }
        uint32_t v = be32(block + at);
        if (at + 4 < t->blocksize) {
            at += 4;
            if (v < have)
                continue;
            if (*npast == cap) {
                cap = cap ? 2 * cap : 256;
                uint32_t *more = realloc(*past, cap * sizeof **past);
                if (!more) {
                    got = -1;
                    break;
                }
                *past = more;
            }
            (*past)[(*npast)++] = v;
        } else if (v >= have) {
            *lost = v;
            got = 1;
        } else {
            n = v;
            at = FREELIST_START;
            reads++;
            got = read_free_block(fd, t, n, block) ? 0 : -1;
        }
    }
    free(block);
    return got;
}

/* Whether the table open as FD, its first HAVE blocks in its file, uses a
 * block past them, into *LOST: one of its free list, or one below the
 * first it never used that the list does not name.  When the list cannot
 * be walked it cannot tell, and says no: Xapian finds the loss when it
 * reads the block. */
static bool lost_block(int fd, const table_info *t, uint64_t have, uint64_t *lost)
{
    if (have >= t->first_unused)
        return false;
    uint32_t *past;
    size_t npast;
    int got = walk_free_list(fd, t, have, &past, &npast, lost);
    if (got == 0) {
        if (npast)      /* none listed: PAST is NULL, which qsort may not take */
            qsort(past, npast, sizeof *past, by_number);
        *lost = have;
        for (size_t i = 0; i < npast && past[i] <= *lost; i++)
            if (past[i] == *lost)
                ++*lost;
        got = *lost < t->first_unused;
    }
    free(past);
    return got == 1;
}

/* What the block a table's version file names as its root holds. */
typedef enum root_state {
    ROOT_OK,
    ROOT_SPOILED,       /* no tree block: zeroed or overwritten */
    ROOT_OTHER,         /* a tree block, but not the root named */
} root_state;

/* Looks at the root block of the table open as FD, as T names it in the
 * database of revision REVISION: a tree block (its directory within it),
 * of the level T gives, of no later revision and, a branch, naming only
 * blocks below the first the table never used.  A version file from
 * another index or an older copy of this one names a block that is not:
 * Xapian read it as the root, a search found nothing ("documents 48" for
 * 19,043), or after seconds of tries its revision "has been discarded".
 * A block that cannot be read is left to Xapian. */
static root_state look_at_root(int fd, const table_info *t, uint64_t revision)
{
    unsigned char *p = malloc(t->blocksize);
    if (!p || !read_block(fd, t, t->root, p)) {
        free(p);
        return ROOT_OK;
    }
    uint32_t dir_end = be16(p + 9);
    root_state state = dir_end <= DIR_START || dir_end > t->blocksize ||
                               (dir_end - DIR_START) % 2 != 0 || p[4] == LEVEL_FREELIST
                           ? ROOT_SPOILED
                       : be32(p) > revision || p[4] != t->level ? ROOT_OTHER
                                                                : ROOT_OK;
    /* A branch's item starts with the block it names. */
    for (uint32_t c = DIR_START; state == ROOT_OK && t->level > 0 && c < dir_end; c += 2) {
        uint32_t at = be16(p + c);
        if (at < dir_end || at + 4 > t->blocksize)
            state = ROOT_SPOILED;
        else if (t->first_unused != 0 && be32(p + at) >= t->first_unused)
            state = ROOT_OTHER;
    }
    free(p);
    return state;
}

/* Checks the table NAME ("postlist") that T describes, in the database of
 * revision REVISION whose version file is VERSION ("DIR/iamglass"), as
 * tw_glass_tables_check does. */
static trawl_status check_table(const char *version, const char *name, const table_info *t,
                                uint64_t revision, char *why, size_t whylen)
{
    const char *slash = strrchr(version, '/');
    int dir_len = slash ? (int)(slash + 1 - version) : 0;
    char path[4096];
    if (snprintf(path, sizeof path, "%.*s%s.glass", dir_len, version, name) >= (int)sizeof path)
        return TRAWL_OK;
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        snprintf(why, whylen, "%s.glass is missing", name);
        return TRAWL_ECORRUPT;
    }
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        snprintf(why, whylen, "%s.glass: %s", name, strerror(e));
        if (fd >= 0)
            close(fd);
        errno = e;
        return TRAWL_EIO;
    }
    uint64_t have = (uint64_t)st.st_size / t->blocksize, lost = 0;
    unsigned long long bytes = (unsigned long long)st.st_size;
    bool short_of_root = have <= t->root;
    root_state root = short_of_root ? ROOT_OK : look_at_root(fd, t, revision);
    bool short_of_used = !short_of_root && root == ROOT_OK && lost_block(fd, t, have, &lost);
    close(fd);
    if (short_of_root)
        snprintf(why, whylen, "%s.glass is cut short: %llu bytes, short of its root block at %llu",
                 name, bytes, (unsigned long long)(t->root * t->blocksize));
    else if (root == ROOT_SPOILED)
        snprintf(why, whylen, "%s.glass is spoiled: its root block at %llu is zeroed or "
                 "overwritten", name, (unsigned long long)(t->root * t->blocksize));
    else if (root == ROOT_OTHER)
        snprintf(why, whylen, "%s.glass does not match its version file, %s: one of them "
                 "comes from another index, or another copy of this one", name,
                 slash ? slash + 1 : version);
    else if (short_of_used)
        snprintf(why, whylen, "%s.glass is cut short: %llu bytes, short of a block it uses at %llu",
                 name, bytes, (unsigned long long)(lost * t->blocksize));
    else
        return TRAWL_OK;
    return TRAWL_ECORRUPT;
}

/* Reads the version file VERSION into BUF, LEN bytes; its length, or -1
 * with errno set. */
static ssize_t read_version(const char *version, unsigned char *buf, size_t len)
{
    int fd = open(version, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, len);
    int e = errno;
    close(fd);
    errno = e;
    return n;
}

/* Checks the tables the version file BUF, N bytes, describes. */
static trawl_status check_tables(const char *version, const unsigned char *buf, ssize_t n,
                                 char *why, size_t whylen)
{
    size_t head = sizeof MAGIC - 1;
    if (n < (ssize_t)(head + 2 + UUID_BYTES) || memcmp(buf, MAGIC, head) != 0 ||
        (buf[head] << 8 | buf[head + 1]) != FORMAT_VERSION)
        return TRAWL_OK;
    reader r = { buf + head + 2 + UUID_BYTES, buf + n };
    uint64_t revision;
    if (!unpack(&r, &revision))
        return TRAWL_OK;
    for (size_t i = 0; i < sizeof TABLES / sizeof *TABLES; i++) {
        table_info t;
        if (!table_entry(&r, &t))
            return TRAWL_OK;
        if (t.root == UINT64_MAX)
            continue;
        trawl_status st = check_table(version, TABLES[i], &t, revision, why, whylen);
        if (st != TRAWL_OK)
            return st;
    }
    return TRAWL_OK;
}

trawl_status tw_glass_tables_check(const char *version, char *why, size_t whylen)
{
    unsigned char buf[1024], again[sizeof buf];
    /* A writer's commits may reuse the blocks of the revision read here (two
     * of them: the blocks the first frees are taken by the second), and
     * its root or free list then look like damage: damage is damage only
     * while the version file stays as it was read. */
    for (int attempt = 0;; attempt++) {
        ssize_t n = read_version(version, buf, sizeof buf);
        if (n < 0) {
            if (errno == ENOENT)
                return TRAWL_OK;
            int e = errno;
            const char *slash = strrchr(version, '/');
            snprintf(why, whylen, "%s: %s", slash ? slash + 1 : version, strerror(e));
            errno = e;
            return TRAWL_EIO;
        }
        trawl_status st = check_tables(version, buf, n, why, whylen);
        if (st != TRAWL_ECORRUPT || attempt == 2 ||
            (read_version(version, again, sizeof again) == n && memcmp(buf, again, (size_t)n) == 0))
            return st;
    }
}
