/* sniff.c - binary detection. */
#include "sniff.h"

#include <stdint.h>

/* A control character that text does not use. */
static bool odd_control(uint32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ||
           c == 0x7f;
}

bool tw_looks_binary(const char *data, size_t len)
{
    size_t n = len < TW_SNIFF_BYTES ? len : TW_SNIFF_BYTES, odd = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return true;
        if (odd_control(c))
            odd++;
    }
    return odd * 10 > n;
}

/* The UTF-16 code unit at P. */
static uint32_t unit_at(const unsigned char *p, bool big)
{
    return big ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
}

const char *tw_utf16_text(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len < 2 || !((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return NULL;
    bool big = u[0] == 0xFE;
    size_t n = len - 2 < TW_SNIFF_BYTES ? len - 2 : TW_SNIFF_BYTES, units = n / 2, odd = 0;
    u += 2;
    for (size_t i = 0; i < units; i++) {
        uint32_t c = unit_at(u + 2 * i, big);
        if (c == 0 || (c >= 0xDC00 && c <= 0xDFFF))
            return NULL;            /* a NUL, or a low surrogate with no high one */
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 == units)
                break;              /* its pair is past what is looked at */
            uint32_t low = unit_at(u + 2 * i + 2, big);
            if (low < 0xDC00 || low > 0xDFFF)
                return NULL;
            i++;
        } else if (odd_control(c)) {
            odd++;
        }
    }
    return odd * 10 > units ? NULL : big ? "UTF-16BE" : "UTF-16LE";
}
