/* docdata.c - encode and decode the per-article document data. */
#include "docdata.h"

#include <stdint.h>
#include <string.h>

int tw_docdata_put(tw_buf *out, tw_field field, const char *value, size_t len)
{
    if (!value)
        return 0;
    unsigned char head[1 + 10];
    size_t n = 0;
    head[n++] = (unsigned char)field;
    uint64_t v = len;
    do {
        unsigned char byte = v & 0x7F;
        v >>= 7;
        head[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    if (tw_buf_append(out, head, n) < 0 || tw_buf_append(out, value, len) < 0)
        return -1;
    return 0;
}

int tw_docdata_parse(const char *data, size_t len, tw_slice fields[TW_F_COUNT])
{
    memset(fields, 0, sizeof(tw_slice) * TW_F_COUNT);
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    while (p < end) {
        unsigned tag = *p++;
        uint64_t flen = 0;
        int shift = 0;
        for (;;) {
            if (p >= end || shift > 63)
                return -1;
            unsigned char byte = *p++;
            flen |= (uint64_t)(byte & 0x7F) << shift;
            shift += 7;
            if (!(byte & 0x80))
                break;
        }
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
