/* date.h - the date formats articles come with, normalised to UTC. */
#ifndef TW_DATE_H
#define TW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tw_date {
    int64_t epoch;      /* seconds since 1970-01-01T00:00:00Z */
    bool has_time;      /* false when only a day was given */
} tw_date;

/* Parses S, accepting (with surrounding spaces):
 *   2021-06-17                      2021-06-17T10:00[:00[.123]][Z|+02:00|-0500]
 *   2021-06-17 10:00:00             Thu, 17 Jun 2021 10:00:00 +0000 (RFC 2822)
 *   17 Jun 2021                     June 17, 2021 / Jun 17 2021
 *   26-FEB-1987 15:01:01.79         (Reuters-21578)
 * Returns false (leaving *out alone) for anything else or an impossible date. */
bool tw_date_parse(const char *s, tw_date *out);

/* The span of time S[0..LEN) names, as [*start, *end) in seconds since the epoch:
 * a year "2021", a month "2021-06", a day "2021-06-17" (or any form
 * tw_date_parse reads; a moment with a time of day is one second long).
 * Returns false for anything else. */
bool tw_date_period(const char *s, size_t len, int64_t *start, int64_t *end);

/* Writes "YYYY-MM-DD" (no time) or "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void tw_date_format(const tw_date *d, char out[21]);

#endif
