/* hash.h - a fast non-cryptographic 64-bit hash (FNV-1a) for content change
 * detection and for shortening long terms. */
#ifndef TW_HASH_H
#define TW_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t tw_hash64(const void *data, size_t len);

/* Writes the hash as 16 lower-case hex digits and a NUL into out[17]. */
void tw_hash64_hex(const void *data, size_t len, char out[17]);

#endif
