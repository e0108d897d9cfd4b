/* nfc.c - text in Unicode's composed form (nfc.h). */
#include "nfc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Whether S[0, LEN) has a character at U+0300 or above, the first that NFC
 * may change: combining marks start there, and every character below it is
 * its own NFC.  Their UTF-8 starts with a byte of 0xCC or more, and no
 * byte of a character below does (continuation bytes are 0x80-0xBF). */
static bool may_change(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++)
        if (u[i] >= 0xcc)
            return true;
    return false;
}

/* The NFC of S16[0, N16) into a new array (free it), its length in *OUT_N;
 * NULL with *ST set when ICU failed.  The span ICU's quick check passes is
 * copied as it is, and the rest normalised after it: the last character of
 * the span may take a mark of the rest, which normalizeSecondAndAppend sees
 * to. */
static UChar *composed(const UNormalizer2 *nfc, const UChar *s16, int32_t n16, int32_t span,
                       int32_t *out_n, UErrorCode *st)
{
    /* NFC seldom grows text (a few Indic letters that decompose and never
     * compose again); the first try leaves room for that, the second takes
     * what ICU says it needs. */
    int32_t cap = n16 + n16 / 4 + 16;
    for (int tries = 0; tries < 2; tries++) {
        UChar *out = malloc((size_t)cap * sizeof *out);
        if (!out) {
            *st = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        memcpy(out, s16, (size_t)span * sizeof *out);
        *st = U_ZERO_ERROR;
        int32_t n = unorm2_normalizeSecondAndAppend(nfc, out, span, cap, s16 + span,
                                                    n16 - span, st);
        if (U_SUCCESS(*st) && n <= cap) {
            *out_n = n;
            return out;
        }
        free(out);
        if (*st != U_BUFFER_OVERFLOW_ERROR)
            return NULL;
        cap = n + 1;
    }
    return NULL;
}

int tw_nfc(tw_buf *b, size_t from)
{
    if (!b->data || from >= b->len || !may_change(b->data + from, b->len - from))
        return 0;
    const char *s = b->data + from;
    size_t len = b->len - from;
    if (len > INT32_MAX / 2)
        return 0;       /* ICU counts in int32_t; no field is this long */

    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    /* UTF-16 takes no more units than UTF-8 takes bytes. */
    UChar *s16 = malloc(len * sizeof *s16);
    if (!s16)
        return -1;
    int32_t n16 = 0;
    u_strFromUTF8(s16, (int32_t)len, &n16, s, (int32_t)len, &st);
    int32_t span = U_SUCCESS(st) ? unorm2_spanQuickCheckYes(nfc, s16, n16, &st) : 0;
    if (U_FAILURE(st) || span == n16) {
        free(s16);
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    }
    int32_t nout = 0;
    UChar *out = composed(nfc, s16, n16, span, &nout, &st);
    free(s16);
    if (!out)
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;

    /* Back to UTF-8: at most three bytes a unit. */
    int rc = 0;
    size_t cap8 = (size_t)nout * 3 + 1;
    char *s8 = malloc(cap8);
    int32_t n8 = 0;
    if (!s8)
        rc = -1;
    else
        u_strToUTF8(s8, (int32_t)cap8, &n8, out, nout, &st);
    free(out);
    if (rc == 0 && U_FAILURE(st))
        rc = st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    else if (rc == 0 && ((size_t)n8 != len || memcmp(s8, s, len) != 0)) {
        /* Reserve before the old text is overwritten, so that B is
         * unchanged when memory runs out. */
        if ((size_t)n8 > len && tw_buf_reserve(b, (size_t)n8 - len) < 0)
            rc = -1;
        else {
            memcpy(b->data + from, s8, (size_t)n8);
            b->len = from + (size_t)n8;
            b->data[b->len] = '\0';
            rc = 1;
        }
    }
    free(s8);
    return rc;
}
