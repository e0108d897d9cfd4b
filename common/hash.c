/* hash.c - FNV-1a, 64-bit. */
#include "hash.h"

#include <stdio.h>

uint64_t tw_hash64(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void tw_hash64_hex(const void *data, size_t len, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)tw_hash64(data, len));
}
