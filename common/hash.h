/* hash.h - a fast non-cryptographic 64-bit hash (FNV-1a) for content change
 * detection and for shortening long terms. */
#ifndef TW_HASH_H
#define TW_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t tw_hash64(const void *data, size_t len);

/* The same hash over data that comes in parts: H starts as TW_HASH64_INIT and
 * each part is added with tw_hash64_more; the result equals tw_hash64 of the
 * parts joined. */
#define TW_HASH64_INIT 0xcbf29ce484222325ULL
uint64_t tw_hash64_more(uint64_t h, const void *data, size_t len);

/* Writes the hash as 16 lower-case hex digits and a NUL into out[17]. */
void tw_hash64_hex(const void *data, size_t len, char out[17]);

#endif
