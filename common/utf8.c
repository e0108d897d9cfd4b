/* utf8.c - UTF-8 decoding and validation. */
#include "utf8.h"

#include <string.h>

size_t tw_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t tw_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool tw_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = tw_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

size_t tw_utf8_length(const char *s, size_t len)
{
    size_t i = 0, count = 0;
    uint32_t cp;
    while (i < len) {
        size_t n = tw_utf8_decode(s + i, len - i, &cp);
        i += n ? n : 1;
        count++;
    }
    return count;
}

size_t tw_utf8_cut(const char *s, size_t len)
{
    /* Step back over at most three continuation bytes to a lead byte, and keep the
     * character only if it is complete. */
    size_t i = len;
    while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return len;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return (len - (i - 1) >= need) ? len : i - 1;
}

bool tw_utf8_starts_cjk(const char *s, size_t len)
{
    uint32_t cp;
    /* All of them take three or four bytes. */
    return len >= 3 && (unsigned char)s[0] >= 0xe0 && tw_utf8_decode(s, len, &cp) &&
           tw_utf8_is_cjk(cp);
}

size_t tw_utf8_narrow_text(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        /* All of them are EF BC 90 to EF BD 9A. */
        size_t n = (unsigned char)s[i] == 0xef ? tw_utf8_decode(s + i, len - i, &cp) : 0;
        if (n && tw_utf8_narrow(cp) != cp) {
            out[o++] = (char)tw_utf8_narrow(cp);
        } else {
            n = n ? n : 1;
            memmove(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    return o;
}
