/* nfc.c - text in Unicode's composed form (nfc.h). */
#include "nfc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* Where the first character at U+0300 or above starts in S[0, LEN), the
 * first that NFC may change (combining marks start there, and every
 * character below it is its own NFC); LEN when there is none.  Their UTF-8
 * starts with a byte of 0xCC or more, and no byte of a character below
 * does (continuation bytes are 0x80-0xBF). */
static size_t first_changeable(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len && u[i] < 0xcc)
        i++;
    return i;
}

/* Text is normalised a piece of about this many bytes at a time, so that
 * the copies ICU works on stay small whatever the length of the field (16
 * MiB of text whole took 35 MB more at its peak). */
#define PIECE 32768

/* Whether S[AT] starts a character NFC never joins to the one before it
 * (unorm2_hasBoundaryBefore: every ASCII character, a CJK ideograph, a
 * Hangul syllable's first jamo...): text cut there normalises as a whole.
 * A byte that starts no character counts as one, left as it is. */
static bool boundary_at(const UNormalizer2 *nfc, const char *s, size_t at, size_t len)
{
    if ((unsigned char)s[at] < 0x80)
        return true;
    if (((unsigned char)s[at] & 0xc0) == 0x80)
        return false;
    UChar32 c;
    int32_t i = 0, n = len - at < 4 ? (int32_t)(len - at) : 4;
    U8_NEXT((const uint8_t *)s + at, i, n, c);
    return c < 0 || unorm2_hasBoundaryBefore(nfc, c);
}

/* The NFC of S[0, LEN), one piece, into OUT (cleared first) when it
 * differs from S: 1 then, else 0 (OUT left empty); -1 when memory ran out.
 * A piece ICU cannot read (bytes that are not UTF-8, or too many for its
 * counts) is left as it is. */
static int piece_nfc(const UNormalizer2 *nfc, const char *s, size_t len, tw_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    tw_buf_clear(out);
    if (len > INT32_MAX / 4)
        return 0;       /* ICU counts in int32_t; only a piece of marks alone,
                           with no character to end it, could be this long */
    /* UTF-16 takes no more units than UTF-8 takes bytes; NFC seldom grows
     * text (a few Indic letters decompose and never compose again), and
     * ICU says how much room it needs when it does. */
    int32_t n16 = 0, n = 0, cap = (int32_t)len + (int32_t)len / 4 + 16;
    UChar *s16 = malloc(len * sizeof *s16 + 1);
    UChar *out16 = malloc((size_t)cap * sizeof *out16);
    int rc = s16 && out16 ? 0 : -1;
    if (rc == 0)
        u_strFromUTF8(s16, (int32_t)len, &n16, s, (int32_t)len, &st);
    if (rc == 0 && U_SUCCESS(st) && unorm2_spanQuickCheckYes(nfc, s16, n16, &st) < n16 &&
        U_SUCCESS(st)) {
        n = unorm2_normalize(nfc, s16, n16, out16, cap, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            free(out16);
            cap = n;
            out16 = malloc((size_t)cap * sizeof *out16);
            st = U_ZERO_ERROR;
            rc = out16 ? 0 : -1;
            if (rc == 0)
                n = unorm2_normalize(nfc, s16, n16, out16, cap, &st);
        }
    }
    /* Back to UTF-8, at most three bytes a unit. */
    if (rc == 0 && n > 0 && U_SUCCESS(st)) {
        int32_t n8 = 0;
        rc = tw_buf_reserve(out, (size_t)n * 3 + 1);
        if (rc == 0)
            u_strToUTF8(out->data, (int32_t)out->cap, &n8, out16, n, &st);
        if (rc == 0 && U_SUCCESS(st) && ((size_t)n8 != len || memcmp(out->data, s, len))) {
            out->len = (size_t)n8;
            out->data[n8] = '\0';
            rc = 1;
        }
    }
    if (st == U_MEMORY_ALLOCATION_ERROR)
        rc = -1;
    free(s16);
    free(out16);
    return rc;
}

int tw_nfc(tw_buf *b, size_t from)
{
    if (!b->data || from >= b->len)
        return 0;
    const char *s = b->data + from;
    size_t len = b->len - from, first = first_changeable(s, len);
    if (first == len)
        return 0;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    /* From the character the first mark may join, in pieces that each end
     * where the next starts a character NFC joins to nothing before it;
     * the text is copied only from the first piece that changes. */
    size_t at = first;
    while (at > 0 && !boundary_at(nfc, s, at, len))
        at--;
    tw_buf out = { 0 }, piece = { 0 };
    size_t copied = at;     /* S before this is in OUT, or unchanged */
    bool changed = false;
    int rc = 0;
    for (size_t start = at, end; start < len && rc >= 0; start = end) {
        end = len - start > PIECE ? start + PIECE : len;
        while (end < len && !boundary_at(nfc, s, end, len))
            end++;
        rc = piece_nfc(nfc, s + start, end - start, &piece);
        if (rc > 0) {
            changed = true;
            if (tw_buf_append(&out, s + copied, start - copied) < 0 ||
                tw_buf_append(&out, piece.data, piece.len) < 0)
                rc = -1;
            copied = end;
        }
    }
    if (rc >= 0 && changed && tw_buf_append(&out, s + copied, len - copied) < 0)
        rc = -1;
    if (rc >= 0 && changed) {
        /* Reserve before the old text is overwritten, so that B is
         * unchanged when memory runs out. */
        size_t keep = from + at;
        if (keep + out.len > b->len && tw_buf_reserve(b, keep + out.len - b->len) < 0) {
            rc = -1;
        } else {
            memcpy(b->data + keep, out.data, out.len);
            b->len = keep + out.len;
            b->data[b->len] = '\0';
        }
    }
    tw_buf_free(&out);
    tw_buf_free(&piece);
    return rc < 0 ? -1 : changed;
}
