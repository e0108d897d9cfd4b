/* fuzz_gunzip.c - the gzip reader (tw_gunzip in indexer/read.c): damaged,
 * truncated, concatenated and bomb-like streams.
 *
 * Each input is inflated twice: under a limit that small inputs cannot reach,
 * and under half of what that gave.  Inflating is deterministic, so the second
 * output must be the first one cut at its limit. */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "read.h"

/* More than any input libFuzzer makes can inflate to (deflate stays under
 * about 1:1032), yet small enough that a runaway shows. */
#define BIG_LIMIT (64u << 20)

/* Checks what tw_gunzip promises about one run that appended to OUT after
 * KEPT bytes already there. */
static void check_run(int rc, const tw_buf *out, size_t kept, uint64_t max, bool truncated,
                      const char *err)
{
    FZ_CHECK(rc == 0 || rc == -1, "tw_gunzip returned %d", rc);
    FZ_CHECK(rc == 0 || err[0], "failure without a reason");
    FZ_CHECK(out->len - kept <= max, "%zu bytes inflated past a limit of %llu",
             out->len - kept, (unsigned long long)max);
    FZ_CHECK(!truncated || out->len - kept == max, "truncated at %zu bytes, limit %llu",
             out->len - kept, (unsigned long long)max);
    FZ_CHECK(!out->data || out->data[out->len] == '\0', "output not NUL-terminated");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tw_buf full = { 0 }, cut = { 0 };
    bool full_trunc, cut_trunc;
    char err[256] = "", err2[256] = "";
    int rc = tw_gunzip(data, size, BIG_LIMIT, &full, &full_trunc, err, sizeof err);
    check_run(rc, &full, 0, BIG_LIMIT, full_trunc, err);

    /* The second run appends to a buffer that holds something already. */
    FZ_CHECK(tw_buf_puts(&cut, "kept") == 0, "out of memory");
    size_t half = full.len / 2;
    int rc2 = tw_gunzip(data, size, half, &cut, &cut_trunc, err2, sizeof err2);
    check_run(rc2, &cut, 4, half, cut_trunc, err2);
    FZ_CHECK(memcmp(cut.data, "kept", 4) == 0, "appending overwrote what was there");
    size_t got = cut.len - 4;
    FZ_CHECK(got <= full.len && (got == 0 || memcmp(cut.data + 4, full.data, got) == 0),
             "a limit changed the bytes inflated");
    if (rc == 0 && !full_trunc && full.len > half)
        FZ_CHECK(rc2 == 0 && cut_trunc && got == half,
                 "stream of %zu bytes under a limit of %zu: rc %d, %zu bytes, truncated %d",
                 full.len, half, rc2, got, (int)cut_trunc);
    tw_buf_free(&full);
    tw_buf_free(&cut);
    return 0;
}
