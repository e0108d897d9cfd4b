/* piece_pack.c - one stored piece of a body, deflated on its own. */
#include "piece_pack.h"

#include <stdlib.h>
#include <lz4.h>
#include <zlib.h>

/* Level 6: pieces are small, so deflating them at zlib's default level costs
 * the writer little more than its fastest does, and takes 4% off them on
 * linux-doc.  A window of 2^15 bytes, as a piece may be as long as a body
 * without white space; a hash table of 2^12 entries (memLevel 5) finds the
 * repeats of a few KiB as well as the default does, and is an eighth of it
 * to clear for each piece. */
#define LEVEL 6
#define WINDOW_BITS 15
#define MEM_LEVEL 5

struct tw_piece_packer {
    z_stream zs;
};

struct tw_piece_unpacker {
    z_stream zs;
};

tw_piece_packer *tw_piece_packer_new(void)
{
    tw_piece_packer *z = calloc(1, sizeof *z);
    /* Negative window bits: raw deflate, without the zlib header and Adler-32
     * that would cost 6 bytes a piece and a checksum a read. */
    if (z && deflateInit2(&z->zs, LEVEL, Z_DEFLATED, -WINDOW_BITS, MEM_LEVEL,
                          Z_DEFAULT_STRATEGY) != Z_OK) {
        free(z);
        z = NULL;
    }
    return z;
}

void tw_piece_packer_free(tw_piece_packer *z)
{
    if (!z)
        return;
    deflateEnd(&z->zs);
    free(z);
}

static int as_is(const char *text, size_t len, tw_buf *out)
{
    tw_buf_clear(out);
    return tw_buf_putc(out, TW_PIECE_AS_IS) < 0 || tw_buf_append(out, text, len) < 0 ? -1 : 0;
}

/* TEXT in LZ4's block format, when that is shorter. */
static int pack_lz4(const char *text, size_t len, tw_buf *out)
{
    if (len > LZ4_MAX_INPUT_SIZE)
        return as_is(text, len, out);
    if (tw_buf_reserve(out, len + 1) < 0)
        return -1;
    out->data[0] = TW_PIECE_LZ4;
    /* Room for the stream only while it is shorter than the text: LZ4 gives
     * up (0) past it. */
    int n = LZ4_compress_default(text, out->data + 1, (int)len, (int)(len ? len - 1 : 0));
    if (n <= 0)
        return as_is(text, len, out);
    out->len = 1 + (size_t)n;
    out->data[out->len] = '\0';
    return 0;
}

int tw_piece_pack(tw_piece_packer *z, int how, const char *text, size_t len, tw_buf *out)
{
    tw_buf_clear(out);
    if (how == TW_PIECE_AS_IS)
        return as_is(text, len, out);
    if (how == TW_PIECE_LZ4)
        return pack_lz4(text, len, out);
    if (len > (uInt)-1)
        return as_is(text, len, out);
    /* Room for the flag and for the stream only while it is shorter than
     * the text: deflate stops when the room is used up. */
    if (tw_buf_reserve(out, len + 1) < 0)
        return -1;
    out->data[0] = TW_PIECE_DEFLATED;
    deflateReset(&z->zs);
    z->zs.next_in = (Bytef *)text;
    z->zs.avail_in = (uInt)len;
    z->zs.next_out = (Bytef *)out->data + 1;
    z->zs.avail_out = (uInt)(len ? len - 1 : 0);
    if (deflate(&z->zs, Z_FINISH) != Z_STREAM_END)
        return as_is(text, len, out);
    out->len = 1 + z->zs.total_out;
    out->data[out->len] = '\0';
    return 0;
}

tw_piece_unpacker *tw_piece_unpacker_new(void)
{
    tw_piece_unpacker *u = calloc(1, sizeof *u);
    if (u && inflateInit2(&u->zs, -WINDOW_BITS) != Z_OK) {
        free(u);
        u = NULL;
    }
    return u;
}

void tw_piece_unpacker_free(tw_piece_unpacker *u)
{
    if (!u)
        return;
    inflateEnd(&u->zs);
    free(u);
}

/* As tw_piece_unpack, for a piece in LZ4's block format (STREAM, N bytes). */
static int unpack_lz4(const char *stream, size_t n, size_t len, size_t keep, tw_buf *out)
{
    if (len > LZ4_MAX_INPUT_SIZE || n > LZ4_MAX_INPUT_SIZE)
        return -1;
    if (keep == 0)
        return 0;
    if (tw_buf_reserve(out, keep) < 0)
        return -2;
    char *to = out->data + out->len;
    /* The whole piece: exactly LEN bytes from the whole stream.  Its start:
     * KEEP bytes, decoded no further. */
    int got = keep == len ? LZ4_decompress_safe(stream, to, (int)n, (int)len)
                          : LZ4_decompress_safe_partial(stream, to, (int)n, (int)keep, (int)keep);
    if (got < 0 || (size_t)got != keep)
        return -1;
    out->len += keep;
    out->data[out->len] = '\0';
    return 0;
}

int tw_piece_unpack(tw_piece_unpacker *u, const char *stored, size_t n, size_t len,
                    size_t keep, tw_buf *out)
{
    if (n == 0 || keep > len)
        return -1;
    if (stored[0] == TW_PIECE_AS_IS) {
        if (n - 1 != len)
            return -1;
        return tw_buf_append(out, stored + 1, keep) < 0 ? -2 : 0;
    }
    if (stored[0] == TW_PIECE_LZ4)
        return unpack_lz4(stored + 1, n - 1, len, keep, out);
    if (stored[0] != TW_PIECE_DEFLATED || len > (uInt)-1 || n - 1 > (uInt)-1)
        return -1;
    if (keep == 0)
        return 0;
    if (tw_buf_reserve(out, keep) < 0)
        return -2;
    inflateReset(&u->zs);
    u->zs.next_in = (Bytef *)stored + 1;
    u->zs.avail_in = (uInt)(n - 1);
    u->zs.next_out = (Bytef *)out->data + out->len;
    u->zs.avail_out = (uInt)keep;
    /* The whole piece: exactly LEN bytes and the stream's end with them (a
     * longer stream stops short of its end, a shorter one ends early).  Its
     * start: KEEP bytes, the room given, before any end. */
    int rc = inflate(&u->zs, keep == len ? Z_FINISH : Z_NO_FLUSH);
    if (u->zs.total_out != keep || rc != (keep == len ? Z_STREAM_END : Z_OK))
        return -1;
    out->len += keep;
    out->data[out->len] = '\0';
    return 0;
}
