/* date.h - the date formats articles come with: the moment, in seconds since
 * the epoch, and the clock it was written by. */
#ifndef TW_DATE_H
#define TW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tw_date {
    int64_t epoch;      /* seconds since 1970-01-01T00:00:00Z */
    bool has_time;      /* false when only a day was given */
    int32_t offset;     /* seconds east of UTC of the clock the date was written
                           by ("+02:00", "EST"); 0 for UTC and for a date that
                           named no zone.  A page's day is its own clock's:
                           "2022-11-07T00:00:00+01:00" is the 7th where it was
                           written, the 6th in UTC. */
    bool zoned;         /* the date named its zone or offset ("Z", "GMT",
                           "+02:00"): a moment, not a clock's reading of an
                           unknown zone */
} tw_date;

/* The room tw_date_format needs: "2021-06-17T10:00:00+02:00" and its NUL. */
#define TW_DATE_ISO_MAX 26

/* Which comes first in a date of numbers only, when the numbers do not say:
 * 04/05/2021 is 4 May in most of the world and April 5 in the US. */
typedef enum tw_date_order { TW_DATE_ANY, TW_DATE_DMY, TW_DATE_MDY } tw_date_order;

/* Parses S, accepting (with surrounding spaces):
 *   2021-06-17, 2023-1-26           2021-06-17T10:00[:00[.123]][Z|+02:00|-0500]
 *   (and a region in brackets after the zone, as Java writes it:
 *   2021-06-17T10:00+02:00[Europe/Berlin])
 *   2021-06-17 10:00:00 -0500       20210504T132005+0200, 20210504
 *   (a time of day may end in am/pm, a.m./p.m.: "2021-06-17 05:22 pm")
 *   Thu, 17 Jun 2021 10:00:00 +0000 (RFC 2822)
 *   17 Jun 2021, 19. November 2019, 19 de noviembre de 2019, 17 Juni 2021
 *   June 17, 2021, November 19, 2019, 07:47 PM EST
 *   Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)
 *   26-FEB-1987 15:01:01.79         (Reuters-21578)
 *   1651035600                      (seconds, or 13 digits of milliseconds, since 1970)
 *   19.11.2019, 19/11/2019, 11/19/2019, 19-11-2019 (day first when dotted or a part
 *                                    is over 12, either when both are the same; else as
 *                                    ORDER says, and not at all with TW_DATE_ANY), after
 *                                    a weekday, before a time:
 *                                    "Di., 25.01.2022 - 14:45", or after a T:
 *                                    "06-08-2009T14:12:32+0200"
 *   2021/03/04, 2021.3.4, 2021年3月4日, 2021년 3월 4일 (the year first), with a time
 * Month names in English, German, French, Spanish, Italian, Portuguese, Dutch,
 * Polish, Russian and Ukrainian; zone abbreviations such as EST, CEST, BST, JST after any time
 * (and after an offset, as Go writes "+0000 UTC"); a no-break space (U+00A0)
 * anywhere a space may be ("11. November&nbsp;2021").  Returns false
 * (leaving *out alone) for anything else or an impossible date. */
bool tw_date_parse_order(const char *s, tw_date_order order, tw_date *out);

/* tw_date_parse_order with TW_DATE_ANY. */
bool tw_date_parse(const char *s, tw_date *out);

/* Where the date starts in TEXT when TEXT is a date as a page shows one,
 * after a label without digits ("Published:", "Stand:"), and not a number
 * alone, which tw_date_parse_order reads as seconds since 1970
 * ("Art.-Nr.: 1000017279"); into *WHEN.  NULL when TEXT is no such date. */
const char *tw_date_shown(const char *text, tw_date_order order, tw_date *when);

/* Whether TEXT is a date as a page shows one (tw_date_shown), or starts
 * with one that has a year, whatever words follow it ("8 January 2020,
 * 3:51 pm 11 Edit", "06.11.2023 13:30 von Olga", "3. August 2015 · Filed
 * under"): the words after it are given up one by one from the end, within
 * its first 127 bytes; a full stop right after its year ends it as a space
 * does ("Aktualisiert am 17.01.2021.").  Into *WHEN. */
bool tw_date_leading(const char *text, tw_date_order order, tw_date *when);

/* Whether D is a placeholder, not a date: before 1800 or after 2199 (sites
 * write 0001-01-01 for "none"), or the epoch itself (a zero in a database). */
bool tw_date_placeholder(const tw_date *d);
/* Whether S[0..LEN) is a date of zeros -- "0000-00-00 00:00:00", MySQL's
 * and WordPress's "no date" -- which no parser reads: digits, all of them
 * 0, among the marks a date is written with. */
bool tw_date_zero(const char *s, size_t len);

/* The span of time S[0..LEN) names, as [*start, *end) in seconds since the
 * epoch on the clock it was written by (tw_date_clock), as dates are
 * filtered: a year "2021", a month "2021-06", a day "2021-06-17" (or any
 * form tw_date_parse reads; a moment with a time of day is one second
 * long).  Returns false for anything else. */
bool tw_date_period(const char *s, size_t len, int64_t *start, int64_t *end);

/* Days from 1970-01-01 to Y-M-D (M 1-12) in the proleptic Gregorian
 * calendar, and back: unlike timegm() and gmtime_r(), whatever the C
 * library's time_t can hold. */
int64_t tw_days_from_civil(int64_t y, int m, int d);
void tw_civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/* Writes D on its own clock into OUT: "YYYY-MM-DD" (no time),
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC), "YYYY-MM-DDTHH:MM:SS+HH:MM" (another
 * offset) or "YYYY-MM-DDTHH:MM:SS" (a time that named no zone: a clock's
 * reading, which a Z would have claimed for UTC), which tw_date_parse reads
 * back as the same moment and clock. */
void tw_date_format(const tw_date *d, char out[TW_DATE_ISO_MAX]);

/* The offsets time zones have: whole quarter hours from 12 hours west of
 * UTC to 14 east (Kiribati's), in seconds. */
#define TW_ZONE_WEST (-12 * 3600)
#define TW_ZONE_EAST (14 * 3600)

/* Whether SECONDS is an offset a time zone has (TW_ZONE_WEST to
 * TW_ZONE_EAST, whole quarter hours): what two readings of one moment, one
 * in UTC and one on a clock not named, may differ by. */
bool tw_date_zone_offset(int64_t seconds);

/* D's seconds on its own clock: the epoch plus its offset.  What a day is
 * filed and filtered under ("date:2022-11-07" finds the page written at
 * midnight in Berlin), and whose year the year facet counts. */
int64_t tw_date_clock(const tw_date *d);

#endif
