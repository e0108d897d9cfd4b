/* bulk_route.h - a big file in a bulk build (bulk_route.c): its articles are
 * shared out among the workers by id, so that one JSON Lines dump keeps every
 * core busy.  Called by index_file.c for the file a worker is on. */
#ifndef TW_BULK_ROUTE_H
#define TW_BULK_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "indexer_internal.h"

/* Whether LANE should share out a file of BYTES bytes; between route_begin and
 * route_end each article goes through tw_bulk_route; route_end waits until all
 * of them are written and sets *lost if one could not be (that is how a routed
 * article fails: route_end itself cannot). */
bool tw_bulk_routes(const tw_lane *lane, size_t bytes);
TW_MUST_CHECK
trawl_status tw_bulk_route_begin(tw_lane *lane);
TW_MUST_CHECK
trawl_status tw_bulk_route(tw_lane *lane, const trawl_article *a, const char *lang);
void tw_bulk_route_end(tw_lane *lane, bool *lost);

#endif
