/* hit_lines.h - a ranking as text, for unit tests that compare two: each
 * hit of a result set on a line of its own, its id and its score. */
#ifndef TW_TEST_HIT_LINES_H
#define TW_TEST_HIT_LINES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "trawl.h"

/* The hits of RES as "id score" lines, into OUT of SIZE bytes (failing the
 * test when they do not fit). */
static inline void hit_lines(const trawl_results *res, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < trawl_results_count(res); i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        used += (size_t)snprintf(out + used, size - used, "%s %.9g\n", h->id, h->score);
        assert_true(used < size);
    }
}

#endif
