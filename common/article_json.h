/* article_json.h - one article as a JSON object: the line trawl-index --extract
 * prints for each article, and what trawl-query --show --format json prints. */
#ifndef TW_ARTICLE_JSON_H
#define TW_ARTICLE_JSON_H

#include "buf.h"
#include "errors.h"
#include "trawl.h"

/* Appends A as {"id":..,"path":..,"title":..,"date":..,"url":..,"site":..,
 * "author":..,"body":..} (no newline): the keys always, in that order, null
 * for a NULL field, every string escaped (common/json_out.h), so the object
 * is valid JSON whatever bytes the article holds.  0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_article_json(tw_buf *out, const trawl_article *a);

#endif
