/* sniff.c - binary detection. */
#include "sniff.h"

bool tw_looks_binary(const char *data, size_t len)
{
    size_t n = len < 8192 ? len : 8192, odd = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return true;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
            || c == 0x7f)
            odd++;
    }
    return odd * 10 > n;
}
