/* minhash.c - MinHash signatures over word 3-shingles, and the figures of a
 * text (see minhash.h). */
#include "minhash.h"

#include <string.h>
#include <unicode/uchar.h>

#include "utf8.h"

/* A strong 64-bit mixer (the finaliser of splitmix64): each signature entry
 * uses it with its own seed as an independent hash function. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Is CP part of a word: a letter, a digit or a mark?  Not the typographic
 * quotes, apostrophes and dashes, nor the no-break and thin spaces, that a
 * site's publishing system sets where the wire has ASCII ones: taken for
 * letters, they made a copy's quoted words ("\u201cWe") and joined ones
 * ("Washington\u2014Lawmakers") other words than the wire's, and a copy
 * with many quotes another text (0.59 with its wire story). */
static bool word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

/* Adds CP, its case folded, to the word hash X. */
static uint64_t hash_char(uint64_t x, uint32_t cp)
{
    if (cp < 0x80) {
        unsigned char c = (unsigned char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return (x ^ c) * 0x100000001b3ULL;
    }
    char bytes[4];
    size_t n = tw_utf8_encode((uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT), bytes);
    for (size_t i = 0; i < n; i++)
        x = (x ^ (unsigned char)bytes[i]) * 0x100000001b3ULL;
    return x;
}

/* Hashes the next word at or after *p (its case folded); returns false at
 * the end of the text. */
static bool next_word(const unsigned char **p, const unsigned char *end, uint64_t *h)
{
    const char *text = (const char *)*p;
    size_t len = (size_t)(end - *p), i = 0, n;
    uint32_t cp;
    for (; i < len; i += n) {
        n = tw_utf8_char_at(text, len, i, &cp);
        if (word_char(cp))
            break;
    }
    if (i == len)
        return false;
    uint64_t x = 0xcbf29ce484222325ULL;
    for (; i < len; i += n) {
        n = tw_utf8_char_at(text, len, i, &cp);
        if (!word_char(cp))
            break;
        x = hash_char(x, cp);
    }
    *p += i;
    *h = x;
    return true;
}

static bool digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Adds each number of TEXT[0..LEN) to M's figures: a run of ASCII digits
 * and the separators between two of them (".", ",", ":", "/", "-"), hashed
 * by its digits alone, so that "1,200" and "1.200" are one figure. */
static void add_figures(const unsigned char *p, const unsigned char *end, tw_minhash *m)
{
    while (p < end) {
        if (!digit(*p)) {
            p++;
            continue;
        }
        uint64_t x = 0xcbf29ce484222325ULL;
        for (; p < end; p++) {
            if (digit(*p))
                x = (x ^ *p) * 0x100000001b3ULL;
            else if (!(p + 1 < end && digit(p[1]) && strchr(".,:/-", *p)))
                break;
        }
        unsigned bit = (unsigned)(mix(x) % (TW_MINHASH_FIGURE_WORDS * 64));
        m->figures[bit / 64] |= 1ULL << (bit % 64);
    }
}

/* Adds the shingle hash H to M's sketch, in increasing order and each hash
 * once (a shingle repeated); returns false when the sketch is full and H
 * is not in it: the text has more shingles than the sketch holds. */
static bool sketch_add(tw_minhash *m, uint32_t h)
{
    unsigned at = m->sketch_len;
    while (at > 0 && m->sketch[at - 1] > h)
        at--;
    if (at > 0 && m->sketch[at - 1] == h)
        return true;
    if (m->sketch_len == TW_MINHASH_SKETCH)
        return false;
    memmove(m->sketch + at + 1, m->sketch + at, (m->sketch_len - at) * sizeof m->sketch[0]);
    m->sketch[at] = h;
    m->sketch_len++;
    return true;
}

bool tw_minhash_compute(const char *text, size_t len, tw_minhash *out)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    uint64_t w[3] = { 0, 0, 0 };
    size_t words = 0, shingles = 0;
    memset(out->v, 0xff, sizeof out->v);
    memset(out->figures, 0, sizeof out->figures);
    out->sketch_len = 0;
    bool short_text = true;
    uint64_t h;
    while (next_word(&p, end, &h)) {
        w[0] = w[1];
        w[1] = w[2];
        w[2] = h;
        if (++words < 3)
            continue;
        uint64_t s = mix(w[0]) ^ mix(w[1] + 0x9e3779b97f4a7c15ULL) ^ w[2];
        for (unsigned i = 0; i < TW_MINHASH_N; i++) {
            uint32_t v = (uint32_t)(mix(s + (uint64_t)(i + 1) * 0x9e3779b97f4a7c15ULL) >> 32);
            if (v < out->v[i])
                out->v[i] = v;
        }
        short_text = short_text && sketch_add(out, (uint32_t)(mix(s) >> 32));
        if (shingles < TW_MINHASH_OPENING)
            out->opening[shingles] = (uint16_t)(mix(s) >> 16);
        shingles++;
    }
    if (!short_text)
        out->sketch_len = 0;
    out->shingles = (uint32_t)(shingles < UINT32_MAX ? shingles : UINT32_MAX);
    add_figures((const unsigned char *)text, end, out);
    return shingles >= TW_MINHASH_MIN_SHINGLES;
}

/* The share of the shingles of two short texts that both have, from their
 * sketches: all their shingles' hashes. */
static double sketch_similarity(const tw_minhash *a, const tw_minhash *b)
{
    unsigned i = 0, j = 0, taken = 0, same = 0;
    while (i < a->sketch_len || j < b->sketch_len) {
        if (j == b->sketch_len || (i < a->sketch_len && a->sketch[i] < b->sketch[j])) {
            i++;
        } else if (i == a->sketch_len || b->sketch[j] < a->sketch[i]) {
            j++;
        } else {
            i++;
            j++;
            same++;
        }
        taken++;
    }
    return taken ? (double)same / taken : 0.0;
}

double tw_minhash_similarity(const tw_minhash *a, const tw_minhash *b)
{
    if (a->sketch_len && b->sketch_len)
        return sketch_similarity(a, b);
    unsigned same = 0;
    for (unsigned i = 0; i < TW_MINHASH_N; i++)
        same += a->v[i] == b->v[i];
    return (double)same / TW_MINHASH_N;
}

/* How many figures of A are not among B's. */
static unsigned figures_only_in(const tw_minhash *a, const tw_minhash *b)
{
    unsigned n = 0;
    for (unsigned i = 0; i < TW_MINHASH_FIGURE_WORDS; i++)
        n += (unsigned)__builtin_popcountll(a->figures[i] & ~b->figures[i]);
    return n;
}

bool tw_minhash_figures_differ(const tw_minhash *a, const tw_minhash *b)
{
    return figures_only_in(a, b) >= TW_MINHASH_FIGURES_CHANGED &&
           figures_only_in(b, a) >= TW_MINHASH_FIGURES_CHANGED;
}

/* Is the shorter of A and B the other cut short, its similarity to it being
 * J?  Of texts of N and M shingles that alike, N + M = (1 + J) x the union,
 * and the shingles they share are J x the union. */
static bool cut_short(const tw_minhash *a, const tw_minhash *b, double j)
{
    double na = a->shingles, nb = b->shingles;
    double shorter = na < nb ? na : nb, longer = na < nb ? nb : na;
    if (shorter == 0 || shorter < TW_MINHASH_CUT_KEPT * longer)
        return false;
    return j * (na + nb) / (1 + j) >= TW_MINHASH_CUT_CONTAINED * shorter;
}

/* How many shingles M's opening holds. */
static unsigned opening_len(const tw_minhash *m)
{
    return m->shingles < TW_MINHASH_OPENING ? m->shingles : TW_MINHASH_OPENING;
}

/* Is the lead of A, half its first TW_MINHASH_LEAD shingles, in B's
 * opening? */
static bool lead_in(const tw_minhash *a, const tw_minhash *b)
{
    unsigned lead = opening_len(a) < TW_MINHASH_LEAD ? opening_len(a) : TW_MINHASH_LEAD;
    unsigned found = 0;
    for (unsigned i = 0; i < lead; i++)
        for (unsigned k = 0; k < opening_len(b); k++)
            if (a->opening[i] == b->opening[k]) {
                found++;
                break;
            }
    return 2 * found >= lead;
}

/* Do A and B begin alike?  (Yes for an older index's signature, which
 * keeps no opening.) */
static bool leads_agree(const tw_minhash *a, const tw_minhash *b)
{
    return !a->shingles || !b->shingles || lead_in(a, b) || lead_in(b, a);
}

bool tw_minhash_same_story(const tw_minhash *a, const tw_minhash *b)
{
    double j = tw_minhash_similarity(a, b);
    return (j >= TW_MINHASH_SAME_STORY || cut_short(a, b, j)) && leads_agree(a, b) &&
           !tw_minhash_figures_differ(a, b);
}

void tw_minhash_band(const tw_minhash *m, unsigned b, char out[9])
{
    static const char hex[] = "0123456789abcdef";
    uint64_t x = b;
    for (unsigned r = 0; r < TW_MINHASH_ROWS; r++)
        x = mix(x ^ m->v[b * TW_MINHASH_ROWS + r]);
    for (int i = 7; i >= 0; i--, x >>= 4)
        out[i] = hex[x & 15];
    out[8] = '\0';
}

static void put32(unsigned char *out, uint32_t x)
{
    for (unsigned k = 0; k < 4; k++)
        out[k] = (unsigned char)(x >> (8 * k));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

size_t tw_minhash_encode(const tw_minhash *m, unsigned char out[TW_MINHASH_BYTES])
{
    unsigned char *p = out;
    for (unsigned i = 0; i < TW_MINHASH_N; i++, p += 4)
        put32(p, m->v[i]);
    for (unsigned i = 0; i < TW_MINHASH_FIGURE_WORDS; i++, p += 8) {
        put32(p, (uint32_t)m->figures[i]);
        put32(p + 4, (uint32_t)(m->figures[i] >> 32));
    }
    put32(p, m->shingles);
    p += 4;
    for (unsigned i = 0; i < opening_len(m); i++, p += 2) {
        p[0] = (unsigned char)m->opening[i];
        p[1] = (unsigned char)(m->opening[i] >> 8);
    }
    for (unsigned i = 0; i < m->sketch_len; i++, p += 4)
        put32(p, m->sketch[i]);
    return (size_t)(p - out);
}

bool tw_minhash_decode(const void *data, size_t len, tw_minhash *out)
{
    const unsigned char *p = data;
    bool old = len == TW_MINHASH_N * 4;
    if (!old && len < TW_MINHASH_HEAD_BYTES)
        return false;
    for (unsigned i = 0; i < TW_MINHASH_N; i++, p += 4)
        out->v[i] = get32(p);
    memset(out->figures, 0, sizeof out->figures);
    out->sketch_len = 0;
    out->shingles = 0;
    if (old)
        return true;
    for (unsigned i = 0; i < TW_MINHASH_FIGURE_WORDS; i++, p += 8)
        out->figures[i] = get32(p) | (uint64_t)get32(p + 4) << 32;
    out->shingles = get32(p);
    p += 4;
    size_t rest = len - TW_MINHASH_HEAD_BYTES, opening = opening_len(out) * 2;
    if (rest < opening || (rest - opening) % 4 || (rest - opening) / 4 > TW_MINHASH_SKETCH)
        return false;
    for (unsigned i = 0; i < opening_len(out); i++, p += 2)
        out->opening[i] = (uint16_t)(p[0] | p[1] << 8);
    out->sketch_len = (unsigned)((rest - opening) / 4);
    for (unsigned i = 0; i < out->sketch_len; i++, p += 4)
        out->sketch[i] = get32(p);
    return true;
}
