/* date_relative.h - days named from today, for a search's date: filter
 * (date:yesterday, date:7d..): news is searched by how recent it is. */
#ifndef TW_DATE_RELATIVE_H
#define TW_DATE_RELATIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The day S[0..LEN) names, counted back from the day NOW falls on (seconds
 * since the epoch on the clock days are counted by: the searcher's, as an
 * article's day is on its own clock): "today",
 * "yesterday", or a count and a unit -- "7d", "2w", "3m", "1y", or the
 * units spelt out ("7days", "1week", "3months", "1year") -- that many days,
 * weeks, months or years before today (a month before 31 March is the
 * last day of February).  Case does not matter.  Into [*START, *END): the
 * day's first second and the next day's; *COUNTED says whether S was a
 * count (which a date: filter alone takes as "since then").  Returns
 * false, leaving the outputs alone, for anything else. */
bool tw_date_relative(const char *s, size_t len, int64_t now, int64_t *start, int64_t *end,
                      bool *counted);

#endif
