/* index_file.h - one file, or bytes that stand for one, indexed through a lane
 * (index_file.c).  Called by the walk (add_path.c), the bulk workers (bulk.c)
 * and the handle (indexer.c). */
#ifndef TW_INDEX_FILE_H
#define TW_INDEX_FILE_H

#include <stddef.h>
#include <sys/stat.h>

#include "indexer_internal.h"

/* Reads and indexes one file that is new or has changed since REC (NULL: not
 * indexed before), then reports it. */
TW_MUST_CHECK
trawl_status tw_lane_index_file(tw_lane *lane, const char *path, const struct stat *st,
                                const tw_file_record *rec);

/* Reads and indexes LEN bytes of DATA as the file NAME would be (its articles
 * replace NAME's), within the file limits; then reports it.  TRAWL_EFORMAT
 * when they gave nothing (binary, empty, malformed): the warning says why. */
TW_MUST_CHECK
trawl_status tw_lane_index_buffer(tw_lane *lane, const char *name, const char *data,
                                  size_t len);

#endif
