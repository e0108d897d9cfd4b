/* minhash.h - near-duplicate detection: a MinHash signature of an article's
 * word 3-shingles, and the locality-sensitive "band" keys that let the index
 * find the articles whose signature may be close.
 *
 * Why MinHash: two copies of one story with small edits share most of their
 * 3-word shingles, and the share of equal signature entries estimates that
 * Jaccard similarity directly; the bands (TW_MINHASH_BANDS groups of
 * TW_MINHASH_ROWS entries) make a pair with similarity 0.8 share at least one
 * band key with probability above 0.98, and a pair at 0.3 rarely.  Two
 * short texts are measured exactly, on all their shingles' hashes.  Beside
 * them, the set of the text's figures tells a copy from a template's next
 * report (tw_minhash_same_story). */
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

/* A copy cut short is one story with the text it was cut from when this
 * share of its shingles are the longer one's, and it keeps at least
 * TW_MINHASH_CUT_KEPT of its length: sites trim a wire story from the
 * bottom, and a third cut left it 0.66 alike.  A digest of two briefs, each
 * half of it, is no copy of either. */
#define TW_MINHASH_CUT_CONTAINED 0.9
#define TW_MINHASH_CUT_KEPT 0.6

/* Copies of a story begin alike: half the first TW_MINHASH_LEAD shingles of
 * one are among the first TW_MINHASH_OPENING of the other, which may have
 * a byline, a caption or a summary of its own before them (48 missed a
 * site's page whose summary and caption came to 45 words).  Two press
 * releases of a company, or two briefs of a site, each a paragraph of news
 * above the same long disclaimer or trailer, are alike in most of their
 * words but not in their leads. */
#define TW_MINHASH_LEAD 16
#define TW_MINHASH_OPENING 64

/* 64-bit words of a signature's set of figures: 256 bits. */
#define TW_MINHASH_FIGURE_WORDS 4

/* Figures each of two texts states and the other does not from which they
 * are two reports, however alike their words: one on each side is an edit
 * (a re-sent story's dateline, a corrected number), two are new facts. */
#define TW_MINHASH_FIGURES_CHANGED 2

/* A text of up to this many shingles keeps their hashes (its sketch), and
 * two such texts are measured exactly.  The share of equal entries of 32
 * drew short texts at 0.5 over 0.7 often enough to fold look-alike briefs
 * whose few words differ where the news is (Reuters: six funds' monthly
 * dividends, 26 shingles each, folded into one story).  Longer texts that
 * alike are mostly one event retold; their sketch would cost 256 bytes. */
#define TW_MINHASH_SKETCH 64

/* The signature as bytes in a value slot: its entries, figures and shingle
 * count (TW_MINHASH_HEAD_BYTES), its opening (2 bytes a shingle, as many as
 * the count, up to TW_MINHASH_OPENING) and its sketch (4 bytes an entry);
 * those of indexes
 * written before figures were kept hold the entries alone
 * (TW_MINHASH_N * 4). */
#define TW_MINHASH_HEAD_BYTES (TW_MINHASH_N * 4 + TW_MINHASH_FIGURE_WORDS * 8 + 4)
#define TW_MINHASH_BYTES \
    (TW_MINHASH_HEAD_BYTES + TW_MINHASH_OPENING * 2 + TW_MINHASH_SKETCH * 4)

typedef struct tw_minhash {
    uint32_t v[TW_MINHASH_N];
    /* The numbers the text states ("6.5", "1,200", "19"), each one bit of a
     * set: a template filled in anew (a daily market notice, an earnings
     * brief, a fund's dividend) keeps its wording and changes its figures,
     * which its shingles alone do not tell from an edited copy. */
    uint64_t figures[TW_MINHASH_FIGURE_WORDS];
    /* The 32-bit hashes of a short text's distinct shingles, in increasing
     * order (none for a longer text, nor in an older index's signature). */
    uint32_t sketch[TW_MINHASH_SKETCH];
    unsigned sketch_len;
    /* How many shingles the text has (0 in an older index's signature). */
    uint32_t shingles;
    /* 16-bit hashes of its first shingles, in the text's order: as many as
     * it has, up to TW_MINHASH_OPENING. */
    uint16_t opening[TW_MINHASH_OPENING];
} tw_minhash;

/* Computes the signature of TEXT[0..LEN) (UTF-8; case and punctuation are
 * ignored).  Returns false when the text is too short to have one. */
bool tw_minhash_compute(const char *text, size_t len, tw_minhash *out);

/* The Jaccard similarity of two signatures, 0..1: exact for two texts of
 * up to TW_MINHASH_SKETCH shingles, else estimated from their entries. */
double tw_minhash_similarity(const tw_minhash *a, const tw_minhash *b);

/* Did figures of A and B change on both sides (TW_MINHASH_FIGURES_CHANGED)? */
bool tw_minhash_figures_differ(const tw_minhash *a, const tw_minhash *b);

/* Are A and B copies of one story: alike in their words
 * (TW_MINHASH_SAME_STORY), or one the other cut short
 * (TW_MINHASH_CUT_CONTAINED), beginning alike (TW_MINHASH_LEAD), and not
 * apart in their figures? */
bool tw_minhash_same_story(const tw_minhash *a, const tw_minhash *b);

/* The key of band B (0 <= B < TW_MINHASH_BANDS) as 8 hex digits and a NUL. */
void tw_minhash_band(const tw_minhash *m, unsigned b, char out[9]);

/* The signature as bytes (little-endian) for a value slot, and back: encode
 * returns how many it wrote (up to TW_MINHASH_BYTES); decode takes an older
 * index's value without figures or sketch too (as a text that states no
 * figure, measured by its entries), and returns false for a value of
 * another size. */
size_t tw_minhash_encode(const tw_minhash *m, unsigned char out[TW_MINHASH_BYTES]);
bool tw_minhash_decode(const void *data, size_t len, tw_minhash *out);

#endif
