/* docdata.c - encode and decode the per-article document data. */
#include "docdata.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Bodies below this size are stored as they are. */
#define SEAL_MIN 128
/* A compressed body never inflates to more than this: a damaged length cannot
 * make a reader allocate without bound. */
#define SEALED_MAX (64u << 20)

/* Stored bodies are at most TW_STORED_BODY_MAX (64 KiB): a hash table of 2^12
 * entries (memLevel 5) finds their repeats as well as zlib's default of 2^15
 * does, and is an eighth of it to clear for each body. */
#define DEFLATE_MEM_LEVEL 5

struct tw_deflater {
    z_stream zs;
    tw_buf field;       /* the compressed field, before it is appended */
};

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

tw_deflater *tw_deflater_new(void)
{
    tw_deflater *z = calloc(1, sizeof *z);
    if (z && deflateInit2(&z->zs, Z_BEST_SPEED, Z_DEFLATED, 15, DEFLATE_MEM_LEVEL,
                          Z_DEFAULT_STRATEGY) != Z_OK) {
        free(z);
        z = NULL;
    }
    return z;
}

void tw_deflater_free(tw_deflater *z)
{
    if (!z)
        return;
    deflateEnd(&z->zs);
    tw_buf_free(&z->field);
    free(z);
}

int tw_docdata_put_body(tw_buf *out, const char *body, size_t len, tw_deflater *z)
{
    if (!body || len < SEAL_MIN || len > SEALED_MAX)
        return tw_docdata_put(out, TW_F_BODY, body, len);
    /* The field holds the raw length, then the zlib stream. */
    tw_buf *f = &z->field;
    tw_buf_clear(f);
    size_t bound = deflateBound(&z->zs, (uLong)len);
    if (put_head(f, -1, len) < 0 || tw_buf_reserve(f, bound) < 0)
        return -1;
    deflateReset(&z->zs);
    z->zs.next_in = (Bytef *)body;
    z->zs.avail_in = (uInt)len;
    z->zs.next_out = (Bytef *)f->data + f->len;
    z->zs.avail_out = (uInt)bound;
    if (deflate(&z->zs, Z_FINISH) != Z_STREAM_END)
        return -1;
    f->len += z->zs.total_out;
    return tw_docdata_put(out, TW_F_BODY_Z, f->data, f->len);
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
