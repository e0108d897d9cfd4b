/* fuzz_glass.c - the look at a glass database's tables before Xapian opens
 * them (common/glass_tables.h), on a damaged version file and tables: what
 * an index's open reads first, from any disk.  A free list that named its
 * own block as the next, under a version file's first block never used of
 * 2^32 - 1, was walked for minutes.
 *
 * An input is two bytes (high first) giving the version file's length, the
 * version file (iamglass), then the bytes every table's file holds, each of
 * the six tables named by the version file reading them as its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "glass_tables.h"
#include "harness.h"

static const char *const FILES[] = { "postlist.glass", "docdata.glass", "termlist.glass",
                                     "position.glass", "spelling.glass", "synonym.glass",
                                     "iamglass" };
#define N_FILES (sizeof FILES / sizeof *FILES)

static char dir[4096];

static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void remove_files(void)
{
    char path[4200];
    for (size_t i = 0; i < N_FILES; i++) {
        path_of(path, sizeof path, FILES[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* Writes DIR/NAME as DATA[0..SIZE). */
static void put(const char *name, const uint8_t *data, size_t size)
{
    char path[4200];
    path_of(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    FZ_CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0, "cannot write %s", path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!*dir) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/trawl-fuzz-glass.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        FZ_CHECK(mkdtemp(dir), "cannot make a temporary folder in %s", dir);
        atexit(remove_files);
    }
    size_t version = size < 2 ? 0 : (size_t)data[0] << 8 | data[1];
    const uint8_t *rest = size < 2 ? data : data + 2;
    size_t left = size < 2 ? size : size - 2;
    if (version > left)
        version = left;
    put("iamglass", rest, version);
    for (size_t i = 0; i + 1 < N_FILES; i++)
        put(FILES[i], rest + version, left - version);

    char path[4200], why[256];
    path_of(path, sizeof path, "iamglass");
    memset(why, 'x', sizeof why);   /* no reason begins so */
    trawl_status st = tw_glass_tables_check(path, why, sizeof why);
    FZ_CHECK(st == TRAWL_OK || st == TRAWL_ECORRUPT || st == TRAWL_EIO,
             "status %d, not OK, ECORRUPT or EIO", (int)st);
    FZ_CHECK(st == TRAWL_OK || (memchr(why, '\0', sizeof why) && *why && *why != 'x'),
             "status %d without a reason", (int)st);
    return 0;
}
