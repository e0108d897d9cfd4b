/* bulk.h - the bulk build (bulk.c): shards written by worker threads, merged at
 * the end into a new generation of the index.  Called by the walk (add_path.c)
 * and the handle (indexer.c). */
#ifndef TW_BULK_H
#define TW_BULK_H

#include <sys/stat.h>

#include "indexer_internal.h"

TW_MUST_CHECK
trawl_status tw_bulk_begin(trawl_indexer *ix);
TW_MUST_CHECK
trawl_status tw_bulk_start_workers(trawl_indexer *ix);
/* Hands a file to the workers; a status other than TRAWL_OK means stop walking. */
TW_MUST_CHECK
trawl_status tw_bulk_put(trawl_indexer *ix, const char *path, const struct stat *st);
/* Waits for the handed files to be done; returns the first failure. */
TW_MUST_CHECK
trawl_status tw_bulk_stop_workers(trawl_indexer *ix);
/* The walk was stopped (an interrupt, a failure): the files past where it
 * stopped are not in the build, and the index it makes says so
 * (TW_META_BUILD), for the next run to go on in bulk from there. */
void tw_bulk_cut_short(trawl_indexer *ix);
/* Commits the shards, merges them into a new generation, makes it current and
 * opens ix->writer on it.  The bulk build is over, whatever the outcome. */
TW_MUST_CHECK
trawl_status tw_bulk_end(trawl_indexer *ix);

#endif
