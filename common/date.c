/* date.c - parse the usual article date formats into UTC seconds. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int month_from_name(const char *s, size_t len)
{
    static const char *const names[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"
    };
    if (len < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        /* "Jun", "June", "Sept" are all fine: a prefix of at least 3 letters. */
        if (len <= full && strncasecmp(s, names[m], len) == 0)
            return m + 1;
    }
    return 0;
}

static bool valid_ymd(int y, int mo, int d)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(mo == 2 && d == 29 && !leap);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar; unlike
 * timegm() this does not depend on the C library's time_t range. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Reads "Z", "UTC", "GMT", "+HH:MM", "+HHMM" or "+HH"; *offset in seconds east. */
static bool parse_zone(const char *s, long *offset, const char **end)
{
    *offset = 0;
    while (*s == ' ')
        s++;
    if (*s == 'Z' || *s == 'z') {
        *end = s + 1;
        return true;
    }
    if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0) {
        *end = s + 3;
        return true;
    }
    if (*s != '+' && *s != '-') {
        *end = s;
        return true;    /* no zone: UTC */
    }
    int sign = *s == '-' ? -1 : 1;
    s++;
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return false;
    int hh = (s[0] - '0') * 10 + (s[1] - '0'), mm = 0;
    s += 2;
    if (*s == ':')
        s++;
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])) {
        mm = (s[0] - '0') * 10 + (s[1] - '0');
        s += 2;
    }
    if (hh > 14 || mm > 59)
        return false;
    *offset = sign * (hh * 3600L + mm * 60L);
    *end = s;
    return true;
}

/* Reads an optional "HH:MM[:SS[.frac]]" time then an optional zone. */
static bool parse_time(const char *s, int *h, int *mi, int *sec, long *zone,
                       bool *has_time, const char **end)
{
    *h = *mi = *sec = 0;
    *has_time = false;
    int n = 0;
    if (sscanf(s, "%2d:%2d%n", h, mi, &n) == 2) {
        s += n;
        if (*s == ':' && sscanf(s, ":%2d%n", sec, &n) == 1)
            s += n;
        if (*s == '.' || *s == ',')
            for (s++; isdigit((unsigned char)*s); s++)
                ;
        if (*h > 23 || *mi > 59 || *sec > 60)
            return false;
        *has_time = true;
    }
    return parse_zone(s, zone, end);
}

/* "15 JAN 91": a two-digit year is 1950-2049. */
static int full_year(int y, int digits)
{
    return digits > 2 ? y : y >= 50 ? 1900 + y : 2000 + y;
}

/* The moments tw_date_format writes as dates that parse again: years 1 to 9999
 * in UTC.  A zone can move a day at either end out of them (fuzzing: the date
 * "9999-12-31T23:59:59-14:00" was stored as "10000-01-01T13:59:59", which
 * the query side could not read back). */
#define FIRST_SECOND (-62135596800LL)   /* 0001-01-01T00:00:00Z */
#define LAST_SECOND  253402300799LL     /* 9999-12-31T23:59:59Z */

static bool finish(int y, int mo, int d, int h, int mi, int sec, long zone,
                   bool has_time, const char *rest, tw_date *out)
{
    while (isspace((unsigned char)*rest))
        rest++;
    if (*rest || !valid_ymd(y, mo, d))
        return false;
    int64_t epoch = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - zone;
    if (epoch < FIRST_SECOND || epoch > LAST_SECOND)
        return false;
    out->epoch = epoch;
    out->has_time = has_time;
    return true;
}

static bool parse_iso(const char *s, tw_date *out)
{
    int y, mo, d, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return false;
    s += n;
    int h = 0, mi = 0, sec = 0;
    long zone = 0;
    bool has_time = false;
    if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
        if (!parse_time(s + 1, &h, &mi, &sec, &zone, &has_time, &s) || !has_time)
            return false;
    }
    return finish(y, mo, d, h, mi, sec, zone, has_time, s, out);
}

/* "Thu, 17 Jun 2021 10:00:00 +0000", "17 Jun 2021", "26-FEB-1987 15:01:01.79". */
static bool parse_day_month_year(const char *s, tw_date *out)
{
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 9 && isalpha((unsigned char)s[0]))
        s = comma + 1;          /* a weekday name */
    while (*s == ' ')
        s++;
    int d, y, n = 0, y_at = 0;
    char mon[16];
    if (sscanf(s, "%2d%*[ -]%15[A-Za-z]%*[ -]%n%4d%n", &d, mon, &y_at, &y, &n) != 3)
        return false;
    int mo = month_from_name(mon, strlen(mon));
    if (!mo)
        return false;
    y = full_year(y, n - y_at);
    s += n;
    int h, mi, sec;
    long zone;
    bool has_time;
    while (*s == ' ')
        s++;
    if (!parse_time(s, &h, &mi, &sec, &zone, &has_time, &s))
        return false;
    return finish(y, mo, d, h, mi, sec, zone, has_time, s, out);
}

/* "June 17, 2021", "Jun 17 2021". */
static bool parse_month_day_year(const char *s, tw_date *out)
{
    char mon[16];
    int d, y, n = 0;
    if (sscanf(s, "%15[A-Za-z]%*[ .]%2d%*[ ,]%4d%n", mon, &d, &y, &n) != 3)
        return false;
    int mo = month_from_name(mon, strlen(mon));
    return mo && finish(y, mo, d, 0, 0, 0, 0, false, s + n, out);
}

bool tw_date_parse(const char *s, tw_date *out)
{
    if (!s)
        return false;
    while (isspace((unsigned char)*s))
        s++;
    tw_date d;
    if (parse_iso(s, &d) || parse_day_month_year(s, &d) || parse_month_day_year(s, &d)) {
        *out = d;
        return true;
    }
    return false;
}

void tw_date_format(const tw_date *d, char out[21])
{
    int64_t days = d->epoch / 86400, secs = d->epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    /* Inverse of days_from_civil. */
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    y += mm <= 2;
    if (d->has_time)
        snprintf(out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, mm, dd,
                 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
    else
        snprintf(out, 21, "%04d-%02d-%02d", (int)y, mm, dd);
}

/* Next day, month or year after Y-MO-D, at the precision given. */
static int64_t period_end(int y, int mo, int d, int parts)
{
    if (parts == 1)
        return days_from_civil(y + 1, 1, 1);
    if (parts == 2)
        return mo == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, mo + 1, 1);
    return days_from_civil(y, mo, d) + 1;
}

bool tw_date_period(const char *s, size_t len, int64_t *start, int64_t *end)
{
    char buf[40];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int y, mo = 1, d = 1, n = 0;
    int parts = sscanf(buf, "%4d%n-%2d%n-%2d%n", &y, &n, &mo, &n, &d, &n);
    /* Only YYYY, YYYY-MM or YYYY-MM-DD, written out in full. */
    static const int width[] = { 0, 4, 7, 10 };
    if (parts >= 1 && parts <= 3 && (size_t)n == len && n == width[parts] &&
        valid_ymd(y, mo, d)) {
        *start = days_from_civil(y, mo, d) * 86400;
        *end = period_end(y, mo, d, parts) * 86400;
        return true;
    }
    tw_date t;      /* a moment, such as 2021-06-17T10:00Z, or "17 Jun 2021" */
    if (!tw_date_parse(buf, &t))
        return false;
    *start = t.epoch;
    *end = t.has_time ? t.epoch + 1 : t.epoch + 86400;
    return true;
}
