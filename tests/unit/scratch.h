/* scratch.h - the scratch folder of a unit test program that needs an index
 * or files: DIR, made by scratch_make and removed with all it holds by
 * scratch_remove, which is a cmocka group teardown as it is (and
 * scratch_setup a group setup, for programs that need nothing more). */
#ifndef TW_TEST_SCRATCH_H
#define TW_TEST_SCRATCH_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

static char dir[] = "/tmp/trawl-test-XXXXXX";

static inline int scratch_make(void)
{
    return mkdtemp(dir) ? 0 : -1;
}

static inline int scratch_setup(void **state)
{
    (void)state;
    return scratch_make();
}

static inline int scratch_remove(void **state)
{
    (void)state;
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes TEXT to a new file at PATH, failing the test if it cannot. */
static inline void scratch_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

#endif
