/* minhash.h - near-duplicate detection: a MinHash signature of an article's
 * word 3-shingles, and the locality-sensitive "band" keys that let the index
 * find the articles whose signature may be close.
 *
 * Why MinHash: two copies of one story with small edits share most of their
 * 3-word shingles, and the share of equal signature entries estimates that
 * Jaccard similarity directly; the bands (TW_MINHASH_BANDS groups of
 * TW_MINHASH_ROWS entries) make a pair with similarity 0.8 share at least one
 * band key with probability above 0.98, and a pair at 0.3 rarely. */
#ifndef TW_MINHASH_H
#define TW_MINHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TW_MINHASH_N 32
#define TW_MINHASH_BANDS 8
#define TW_MINHASH_ROWS (TW_MINHASH_N / TW_MINHASH_BANDS)

/* Texts with fewer shingles than this get no signature: too little text to
 * tell a copy from a look-alike (one-line notices, empty bodies). */
#define TW_MINHASH_MIN_SHINGLES 12

/* Share of equal entries from which two signatures count as one story. */
#define TW_MINHASH_SAME_STORY 0.7

typedef struct tw_minhash {
    uint32_t v[TW_MINHASH_N];
} tw_minhash;

/* Computes the signature of TEXT[0..LEN) (UTF-8; case and punctuation are
 * ignored).  Returns false when the text is too short to have one. */
bool tw_minhash_compute(const char *text, size_t len, tw_minhash *out);

/* The estimated Jaccard similarity of two signatures, 0..1. */
double tw_minhash_similarity(const tw_minhash *a, const tw_minhash *b);

/* The key of band B (0 <= B < TW_MINHASH_BANDS) as 8 hex digits and a NUL. */
void tw_minhash_band(const tw_minhash *m, unsigned b, char out[9]);

/* The signature as bytes (TW_MINHASH_N * 4, little-endian) for a value slot,
 * and back; decode returns false for a value of the wrong size. */
void tw_minhash_encode(const tw_minhash *m, unsigned char out[TW_MINHASH_N * 4]);
bool tw_minhash_decode(const void *data, size_t len, tw_minhash *out);

#endif
