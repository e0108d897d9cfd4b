/* docdata.c - encode and decode the per-article document data. */
#include "docdata.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "schema.h"

/* A compressed body (schema 2) never inflates to more than this: a damaged
 * length cannot make a reader allocate without bound. */
#define SEALED_MAX (64u << 20)

/* Appends TAG (unless negative) and the LEB128 form of V. */
static int put_head(tw_buf *out, int tag, uint64_t v)
{
    unsigned char head[1 + 10];
    size_t n = 0;
    if (tag >= 0)
        head[n++] = (unsigned char)tag;
    do {
        unsigned char byte = v & 0x7F;
        v >>= 7;
        head[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    return tw_buf_append(out, head, n);
}

/* Reads a LEB128 number at *p; returns -1 when it runs past END. */
static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    *v = 0;
    for (int shift = 0;; shift += 7) {
        if (*p >= end || shift > 63)
            return -1;
        unsigned char byte = *(*p)++;
        *v |= (uint64_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return 0;
    }
}

int tw_docdata_put(tw_buf *out, tw_field field, const char *value, size_t len)
{
    if (!value)
        return 0;
    if (put_head(out, (int)field, len) < 0 || tw_buf_append(out, value, len) < 0)
        return -1;
    return 0;
}

/* The CRC-32 of LEN bytes at DATA, big-endian, into OUT.  zlib's crc32
 * takes a uInt length: a record is far shorter (the body is capped at
 * TW_STORED_BODY_MAX), but the sum runs in steps anyway. */
static void crc_of(const char *data, size_t len, unsigned char out[4])
{
    uLong sum = crc32(0L, Z_NULL, 0);
    for (size_t done = 0; done < len;) {
        uInt step = len - done > 1u << 30 ? 1u << 30 : (uInt)(len - done);
        sum = crc32(sum, (const Bytef *)data + done, step);
        done += step;
    }
    for (int i = 0; i < 4; i++)
        out[i] = (unsigned char)(sum >> (24 - 8 * i));
}

void tw_docdata_seal_of(const char *data, size_t len, unsigned char seal[TW_SEAL_BYTES])
{
    seal[0] = TW_F_SUM;
    seal[1] = 4;
    crc_of(data, len, seal + 2);
}

int tw_piece_sum_add(tw_buf *sums, const char *piece, size_t len)
{
    unsigned char sum[TW_PIECE_SUM_BYTES];
    crc_of(piece, len, sum);
    return tw_buf_append(sums, sum, sizeof sum);
}

bool tw_piece_sum_ok(tw_slice sums, size_t i, const char *piece, size_t len)
{
    if (!sums.ptr || sums.len / TW_PIECE_SUM_BYTES <= i)
        return true;
    unsigned char sum[TW_PIECE_SUM_BYTES];
    crc_of(piece, len, sum);
    return memcmp(sum, sums.ptr + i * TW_PIECE_SUM_BYTES, sizeof sum) == 0;
}

/* Whether DATA (LEN bytes) reads as a record written before seals: fields
 * of the tags such a writer wrote (up to TW_F_LANG, no TW_F_SUM), none of
 * them twice (no writer wrote a field twice), that end where DATA does. */
static bool written_before_seals(const char *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    unsigned seen = 0;
    while (p < end) {
        if (*p == 0 || *p >= TW_F_SUM || (seen & 1u << *p))
            return false;
        seen |= 1u << *p;
        p++;
        uint64_t flen;
        if (get_varint(&p, end, &flen) < 0 || flen > (uint64_t)(end - p))
            return false;
        p += flen;
    }
    return true;
}

int tw_docdata_sealed(const char *data, size_t len)
{
    if (len >= TW_SEAL_BYTES && data[len - TW_SEAL_BYTES] == TW_F_SUM &&
        data[len - TW_SEAL_BYTES + 1] == 4) {
        unsigned char seal[TW_SEAL_BYTES];
        tw_docdata_seal_of(data, len - TW_SEAL_BYTES, seal);
        if (memcmp(seal, data + len - TW_SEAL_BYTES, TW_SEAL_BYTES) == 0)
            return 1;
    }
    /* A record from before seals may end in a seal's tag and length by
     * chance, inside its last field (its map of pieces, a path): its
     * fields, walked from the start, step over those bytes.  A spoiled
     * record's walk meets its seal, or a tag no old writer wrote, or one
     * twice, or runs out of step with its end.  So does one whose seal's
     * own tag or length was spoiled, mostly: read as a record without a
     * seal, it was damage only where the mark or the document's other
     * value said seals were written, and both values' seals spoiled read
     * as an older writer's article. */
    return written_before_seals(data, len) ? 0 : -1;
}

bool tw_seal_damaged(int sealed, tw_seals seals, int (*twin)(void *ctx), void *ctx)
{
    if (sealed)
        return sealed < 0;
    return seals == TW_SEALS_ALL || (seals == TW_SEALS_SOME && twin(ctx) != 0);
}

size_t tw_piece_end(const char *text, size_t len, size_t from)
{
    if (len - from <= TW_PIECE_BYTES)
        return len;
    const char *p = text + from + TW_PIECE_BYTES, *end = text + len;
    while (p < end && !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f' ||
                        *p == '\v'))
        p++;
    return (size_t)(p - text);
}

int tw_pieces_add(tw_buf *map, size_t len, unsigned pos, unsigned prev_pos)
{
    return put_head(map, -1, len) < 0 || put_head(map, -1, pos - prev_pos) < 0 ? -1 : 0;
}

int tw_pieces_parse(tw_slice map, tw_piece *out)
{
    const unsigned char *p = (const unsigned char *)map.ptr, *end = p + map.len;
    uint64_t pos = 0;
    int n = 0;
    for (;;) {
        uint64_t len, step;
        if (n > TW_PIECES_MAX || get_varint(&p, end, &len) < 0 ||
            get_varint(&p, end, &step) < 0 || len > TW_STORED_BODY_MAX ||
            (pos += step) > UINT32_MAX)
            return -1;
        out[n] = (tw_piece){ (size_t)len, (unsigned)pos };
        if (!len)
            return p == end ? n : -1;
        n++;
    }
}

int tw_docdata_body(const tw_slice fields[TW_F_COUNT], tw_buf *scratch, tw_slice *body)
{
    *body = fields[TW_F_BODY];
    if (body->ptr || !fields[TW_F_BODY_Z].ptr)
        return 0;
    const unsigned char *p = (const unsigned char *)fields[TW_F_BODY_Z].ptr;
    const unsigned char *end = p + fields[TW_F_BODY_Z].len;
    uint64_t raw_len;
    if (get_varint(&p, end, &raw_len) < 0 || raw_len > SEALED_MAX)
        return -1;
    tw_buf_clear(scratch);
    if (tw_buf_reserve(scratch, (size_t)raw_len) < 0)
        return -1;
    uLongf got = (uLongf)raw_len;
    if (uncompress((Bytef *)scratch->data, &got, p, (uLong)(end - p)) != Z_OK ||
        got != raw_len)
        return -1;
    scratch->len = got;
    scratch->data[got] = '\0';
    *body = (tw_slice){ scratch->data, got };
    return 0;
}

int tw_docdata_parse(const char *data, size_t len, tw_slice fields[TW_F_COUNT])
{
    memset(fields, 0, sizeof(tw_slice) * TW_F_COUNT);
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    while (p < end) {
        unsigned tag = *p++;
        uint64_t flen;
        if (get_varint(&p, end, &flen) < 0)
            return -1;
        if (flen > (uint64_t)(end - p))
            return -1;
        if (tag > 0 && tag < TW_F_COUNT) {
            fields[tag].ptr = (const char *)p;
            fields[tag].len = (size_t)flen;
        }
        p += flen;
    }
    return 0;
}
