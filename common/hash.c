/* hash.c - FNV-1a, 64-bit. */
#include "hash.h"

#include <stdio.h>

uint64_t tw_hash64_more(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t tw_hash64(const void *data, size_t len)
{
    return tw_hash64_more(TW_HASH64_INIT, data, len);
}

void tw_hash64_hex(const void *data, size_t len, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)tw_hash64(data, len));
}
