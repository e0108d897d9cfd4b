/* text_read.h - how much stored text the snippets of a handle's searches
 * have read: tests check with it that a long article is read in part. */
#ifndef TW_TEXT_READ_H
#define TW_TEXT_READ_H

#include <stdint.h>

#include "trawl.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes of stored text read for snippets since DB was opened. */
uint64_t tw_db_text_read(const trawl_db *db);

#ifdef __cplusplus
}
#endif

#endif
