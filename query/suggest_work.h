/* suggest_work.h - what the spelling suggestions of a handle's searches have
 * read.  Tests count it: that a miss reads a few spelling blocks and no
 * vocabulary is an outcome a test can check, where a time could not be. */
#ifndef TW_SUGGEST_WORK_H
#define TW_SUGGEST_WORK_H

#include "trawl.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tw_suggest_work {
    unsigned long terms_read;    /* words of the vocabulary walked */
    unsigned long blocks_read;   /* spelling blocks read */
} tw_suggest_work;

/* The counts of DB's searches so far, into *WORK. */
void tw_db_suggest_work(const trawl_db *db, tw_suggest_work *work);

#ifdef __cplusplus
}
#endif

#endif
