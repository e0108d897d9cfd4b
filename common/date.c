/* date.c - parse the usual article date formats into UTC seconds and the
 * offset of the clock they were written by. */
#include "date.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static bool valid_ymd(int y, int mo, int d)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(mo == 2 && d == 29 && !leap);
}

int64_t tw_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The zone of a date that named none: taken as UTC, and said to be no
 * zone's (tw_date.zoned). */
#define NO_ZONE LONG_MIN

/* "+0200", "-05:00", "+02" (also after GMT): seconds east; *SP moves past it. */
static bool zone_offset(const char **sp, long *offset)
{
    const char *s = *sp;
    int sign = *s == '-' ? -1 : 1;
    s++;
    int hh, mm = 0;
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return false;
    hh = (s[0] - '0') * 10 + (s[1] - '0');
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
    *sp = s;
    return true;
}

/* Zone abbreviations news pages write after a time, in seconds east of UTC
 * (not IST: India's, Ireland's and Israel's). */
static const struct { const char *name; long offset; } ZONES[] = {
    { "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "wet", 0 }, { "west", 3600 },
    { "bst", 3600 }, { "cet", 3600 }, { "cest", 7200 }, { "mez", 3600 }, { "mesz", 7200 },
    { "eet", 7200 }, { "eest", 10800 }, { "msk", 10800 }, { "est", -18000 },
    { "edt", -14400 }, { "cst", -21600 }, { "cdt", -18000 }, { "mst", -25200 },
    { "mdt", -21600 }, { "pst", -28800 }, { "pdt", -25200 }, { "akst", -32400 },
    { "akdt", -28800 }, { "hst", -36000 }, { "ast", -14400 }, { "adt", -10800 },
    { "jst", 32400 }, { "kst", 32400 }, { "hkt", 28800 }, { "sgt", 28800 },
    { "awst", 28800 }, { "acst", 34200 }, { "aest", 36000 }, { "aedt", 39600 },
    { "nzst", 43200 }, { "nzdt", 46800 }, { "wib", 25200 }, { "pht", 28800 },
};

static bool zone_named(const char *w, size_t n, long *offset)
{
    for (size_t i = 0; i < sizeof ZONES / sizeof ZONES[0]; i++)
        if (strlen(ZONES[i].name) == n && !memcmp(w, ZONES[i].name, n)) {
            *offset = ZONES[i].offset;
            return true;
        }
    return false;
}

/* The length of the zone's abbreviation at S ("EST", "JST", "Z"), its offset
 * into *OFFSET; 0 when S holds none. */
static size_t zone_at(const char *s, long *offset)
{
    char name[6];
    size_t n = 0;
    for (; n < sizeof name && isalpha((unsigned char)s[n]); n++)
        name[n] = (char)tolower((unsigned char)s[n]);
    return n && n < sizeof name && zone_named(name, n, offset) ? n : 0;
}

/* S past a region's name in brackets after a zone, as Java writes a time
 * ("2021-06-17T10:00+02:00[Europe/Berlin]", "...Z[UTC]"): the offset
 * before it already says the clock.  S itself when there is none. */
static const char *past_region(const char *s)
{
    if (*s != '[')
        return s;
    size_t n = strspn(s + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                             "0123456789/_+-");
    return n && n <= 64 && s[1 + n] == ']' ? s + n + 2 : s;
}

/* Reads "Z", "UTC", "GMT", a zone's abbreviation ("EST", "JST"), "+HH:MM",
 * "+HHMM" or "+HH" (and an abbreviation after it, as Go writes a time:
 * "+0000 UTC", or a region in brackets, as Java does); *offset in seconds
 * east. */
static bool parse_zone(const char *s, long *offset, const char **end)
{
    *offset = NO_ZONE;
    while (*s == ' ')
        s++;
    size_t n = zone_at(s, offset);
    if (n || (*s != '+' && *s != '-')) {
        *end = n ? past_region(s + n) : s;
        return true;    /* a zone named, or none */
    }
    if (!zone_offset(&s, offset))
        return false;
    long named;
    n = *s == ' ' ? zone_at(s + 1, &named) : 0;
    *end = n ? s + n + 1 : past_region(s);
    return true;
}

/* Reads MIN to MAX ASCII digits at *S into *OUT and moves *S past them;
 * false, *S unmoved, when fewer than MIN are there.  Not sscanf: a search
 * parses the date of every hit it shows, and sscanf cost 4,000 instructions
 * a date (4% of a search with BM25 alone on Reuters). */
static bool read_digits(const char **s, int min, int max, int *out)
{
    const char *p = *s;
    int v = 0, n = 0;
    for (; n < max && isdigit((unsigned char)p[n]); n++)
        v = v * 10 + (p[n] - '0');
    if (n < min)
        return false;
    *out = v;
    *s = p + n;
    return true;
}

/* Moves *S past an "am" or "pm" (also "a.m.", "PM") after a time, making
 * *H, 1 to 12 then, a time of the day's 24 hours; false for an hour of 0 or
 * over 12 before one. */
static bool half_day(const char **s, int *h)
{
    const char *p = *s;
    while (*p == ' ')
        p++;
    char c = (char)tolower((unsigned char)*p);
    if (c != 'a' && c != 'p')
        return true;
    const char *m = p + 1 + (p[1] == '.');
    if (tolower((unsigned char)*m) != 'm')
        return true;
    m += 1 + (m[1] == '.' && p[1] == '.');
    if (isalpha((unsigned char)*m))
        return true;            /* a word, not "am" */
    if (*h < 1 || *h > 12)
        return false;
    *h = c == 'p' ? *h % 12 + 12 : *h % 12;
    *s = m;
    return true;
}

/* S past " Uhr", German's word after a time of the 24-hour clock ("10:00
 * Uhr"), or S itself. */
static const char *past_uhr(const char *s)
{
    const char *p = s;
    while (*p == ' ')
        p++;
    return !strncasecmp(p, "uhr", 3) && !isalpha((unsigned char)p[3]) ? p + 3 : s;
}

/* Reads an optional "HH:MM[:SS[.frac]][ am|pm| Uhr]" time then an optional zone. */
static bool parse_time(const char *s, int *h, int *mi, int *sec, long *zone,
                       bool *has_time, const char **end)
{
    *h = *mi = *sec = 0;
    *has_time = false;
    const char *t = s;
    if (read_digits(&t, 1, 2, h) && *t == ':') {
        t++;
        if (!read_digits(&t, 1, 2, mi))
            return parse_zone(s, zone, end);
        s = t;
        bool seconds = false;
        if (*s == ':') {
            t = s + 1;
            seconds = read_digits(&t, 1, 2, sec);
            if (seconds)
                s = t;
        }
        /* Fractions of a second after a '.' or ','; or milliseconds after a
         * third colon, as some publishing systems write them
         * ("2022-01-10T22:06:08:684Z"). */
        bool millis = seconds && *s == ':' && isdigit((unsigned char)s[1]) &&
                      isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
                      !isdigit((unsigned char)s[4]);
        if (*s == '.' || *s == ',' || millis)
            for (s++; isdigit((unsigned char)*s); s++)
                ;
        if (!half_day(&s, h) || *h > 23 || *mi > 59 || *sec > 60)
            return false;
        s = past_uhr(s);
        *has_time = true;
    }
    return parse_zone(s, zone, end);
}

/* "15 JAN 91": a two-digit year is 1950-2049. */
static int full_year(int y, int digits)
{
    return digits > 2 ? y : y >= 50 ? 1900 + y : 2000 + y;
}

/* The moments the index holds and tw_date_format writes as dates that parse
 * again: years 1 to 9999 in UTC (on their own clock they are always so, as
 * they were written).  A zone can move a day at either end out of them (fuzzing: the date
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
    bool zoned = zone != NO_ZONE;
    if (!zoned)
        zone = 0;
    int64_t epoch = tw_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - zone;
    if (epoch < FIRST_SECOND || epoch > LAST_SECOND)
        return false;
    out->epoch = epoch;
    out->has_time = has_time;
    out->offset = (int32_t)zone;
    out->zoned = zoned;
    return true;
}

static bool parse_iso(const char *s, tw_date *out)
{
    int y, mo, d;
    /* A month or day of one digit too ("2023-1-26", "2022-5-3T23:57"). */
    if (!read_digits(&s, 4, 4, &y) || *s++ != '-' || !read_digits(&s, 1, 2, &mo) ||
        *s++ != '-' || !read_digits(&s, 1, 2, &d))
        return false;
    int h = 0, mi = 0, sec = 0;
    long zone = NO_ZONE;
    bool has_time = false;
    if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
        if (!parse_time(s + 1, &h, &mi, &sec, &zone, &has_time, &s) || !has_time)
            return false;
    }
    return finish(y, mo, d, h, mi, sec, zone, has_time, s, out);
}

/* ------------------------------------------------------- dates in words */

/* Month names in the languages of the news we meet, lower case (ASCII
 * letters lowered, the others as written in the middle of a word); the last
 * three of each month Russian (genitive, as a date writes it, and
 * nominative) and Ukrainian (genitive). */
static const char *const MONTHS[12][14] = {
    { "january", "januar", "j\xc3\xa4nner", "janvier", "enero", "gennaio", "janeiro",
      "januari", "stycznia", "stycze\xc5\x84",
      "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f",
      "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8c",
      "\xd1\x81\xd1\x96\xd1\x87\xd0\xbd\xd1\x8f", NULL },
    { "february", "februar", "f\xc3\xa9vrier", "febrero", "febbraio", "fevereiro",
      "februari", "lutego", "luty",
      "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f",
      "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c",
      "\xd0\xbb\xd1\x8e\xd1\x82\xd0\xbe\xd0\xb3\xd0\xbe", NULL },
    { "march", "m\xc3\xa4rz", "mars", "marzo", "mar\xc3\xa7o", "maart", "marca", "marzec",
      "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0",
      "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82",
      "\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8f", NULL },
    { "april", "avril", "abril", "aprile", "kwietnia", "kwiecie\xc5\x84",
      "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f",
      "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8c",
      "\xd0\xba\xd0\xb2\xd1\x96\xd1\x82\xd0\xbd\xd1\x8f", NULL },
    { "may", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj",
      "\xd0\xbc\xd0\xb0\xd1\x8f",
      "\xd0\xbc\xd0\xb0\xd0\xb9",
      "\xd1\x82\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd1\x8f", NULL },
    { "june", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec",
      "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f",
      "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8c",
      "\xd1\x87\xd0\xb5\xd1\x80\xd0\xb2\xd0\xbd\xd1\x8f", NULL },
    { "july", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec",
      "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f",
      "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8c",
      "\xd0\xbb\xd0\xb8\xd0\xbf\xd0\xbd\xd1\x8f", NULL },
    { "august", "ao\xc3\xbbt", "agosto", "augustus", "sierpnia", "sierpie\xc5\x84",
      "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0",
      "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82",
      "\xd1\x81\xd0\xb5\xd1\x80\xd0\xbf\xd0\xbd\xd1\x8f", NULL },
    { "september", "septembre", "septiembre", "setiembre", "settembre", "setembro",
      "wrze\xc5\x9bnia", "wrzesie\xc5\x84",
      "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
      "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c",
      "\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb5\xd1\x81\xd0\xbd\xd1\x8f", NULL },
    { "october", "oktober", "octobre", "octubre", "ottobre", "outubro",
      "pa\xc5\xba" "dziernika", "pa\xc5\xba" "dziernik",
      "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
      "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c",
      "\xd0\xb6\xd0\xbe\xd0\xb2\xd1\x82\xd0\xbd\xd1\x8f", NULL },
    { "november", "novembre", "noviembre", "novembro", "listopada", "listopad",
      "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
      "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c",
      "\xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xb4\xd0\xb0", NULL },
    { "december", "dezember", "d\xc3\xa9" "cembre", "diciembre", "dicembre", "dezembro",
      "grudnia", "grudzie\xc5\x84",
      "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f",
      "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8c",
      "\xd0\xb3\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd1\x8f", NULL },
};

/* Words a date may hold besides its parts, ignored: weekdays, and the little
 * words of "le 19 novembre", "19 de noviembre de 2019", "19:47 Uhr". */
static const char *const FILLERS[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "mi\xc3\xa9rcoles", "jueves",
    "viernes", "s\xc3\xa1" "bado", "domingo", "the", "of", "at", "on", "de", "del", "le",
    "la", "el", "a", "las", "um", "am", "uhr", "h", "\xc3\xa0", "st", "nd", "rd", "th",
    "m", "published", "updated", "posted",
    "\xd0\xb3", "\xd1\x80", NULL   /* Russian "г.", Ukrainian "р.": year */
};

/* The month word W[0, N) (lower case) names: a month's name in any of the
 * languages, or a prefix of at least three letters that only one month's
 * names start with ("Sept", "Dez", "janv"); 0 for none. */
static int month_named(const char *w, size_t n)
{
    int found = 0;
    for (int m = 0; m < 12; m++)
        for (const char *const *name = MONTHS[m]; *name; name++) {
            size_t len = strlen(*name);
            if ((n == len || (n >= 3 && n < len)) && !memcmp(w, *name, n)) {
                if (n == len)
                    return m + 1;
                if (found && found != m + 1)
                    return 0;       /* "ma": March or May */
                found = m + 1;
            }
        }
    return found;
}

static bool filler(const char *w, size_t n)
{
    for (const char *const *f = FILLERS; *f; f++)
        if (strlen(*f) == n && !memcmp(w, *f, n))
            return true;
    return false;
}

/* A date written with its month's name, in any order of the usual ones:
 * "Thu, 17 Jun 2021 10:00:00 +0000", "June 17, 2021", "November 19, 2019,
 * 07:47 PM EST", "Tue Nov 19 2019 05:44:06 GMT+0000 (UTC)", "19. November
 * 2019", "19 de noviembre de 2019", "26-FEB-1987 15:01:01.79".  Every word
 * must be known: a month, a weekday, a zone, AM/PM or a little word. */
static bool parse_words(const char *s, tw_date *out)
{
    int mo = 0, nums[2], digits[2], n_nums = 0, h = 0, mi = 0, sec = 0;
    long zone = NO_ZONE;
    bool has_time = false, pm = false, am = false;
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (c == '(') {                         /* "(Coordinated Universal Time)" */
            const char *close = strchr(s, ')');
            if (!close)
                return false;
            s = close + 1;
        } else if ((c == '+' || c == '-') && has_time && isdigit((unsigned char)s[1])) {
            if (!zone_offset(&s, &zone))
                return false;
        } else if (isspace(c) || strchr(",.-/", c)) {
            s++;
        } else if (isdigit(c)) {
            const char *start = s;
            long v = 0;
            while (isdigit((unsigned char)*s) && s - start < 9)
                v = v * 10 + (*s++ - '0');
            if (*s == ':') {                    /* a time of day */
                if (has_time || s - start > 2)
                    return false;
                int n = 0;
                h = (int)v;
                if (sscanf(s, ":%2d%n", &mi, &n) != 1)
                    return false;
                s += n;
                if (*s == ':' && sscanf(s, ":%2d%n", &sec, &n) == 1)
                    s += n;
                if (*s == '.' || *s == ',')     /* fractions of a second */
                    for (s++; isdigit((unsigned char)*s); s++)
                        ;
                has_time = true;
            } else {
                if (n_nums == 2 || isdigit((unsigned char)*s))
                    return false;
                nums[n_nums] = (int)v;
                digits[n_nums++] = (int)(s - start);
            }
        } else {
            /* A word: letters of any script, lower-cased where ASCII. */
            char w[32];
            size_t n = 0;
            while (*s && !isspace((unsigned char)*s) && !strchr(",.-/()+:", *s) &&
                   !isdigit((unsigned char)*s)) {
                if (n + 1 < sizeof w)
                    w[n++] = (char)tolower((unsigned char)*s);
                s++;
            }
            w[n] = '\0';
            int m;
            long z;
            if (!strcmp(w, "pm") || !strcmp(w, "p")) {
                pm = true;
            } else if (!strcmp(w, "am") && has_time) {
                am = true;
            } else if (!mo && (m = month_named(w, n))) {
                mo = m;
            } else if (has_time && zone_named(w, n, &z)) {
                zone = z;
                if (*s == '+' || *s == '-') {   /* "GMT+0000" */
                    if (!zone_offset(&s, &zone))
                        return false;
                }
            } else if (!filler(w, n)) {
                return false;
            }
        }
    }
    if (!mo || n_nums != 2)
        return false;
    /* The year has four digits, wherever it is; else it comes after the day
     * ("15 JAN 91", "3-Feb-05"). */
    int d, y;
    if (digits[0] == 4 && digits[1] <= 2) {
        y = nums[0];
        d = nums[1];
    } else if (digits[1] == 4 && digits[0] <= 2) {
        d = nums[0];
        y = nums[1];
    } else if (digits[0] <= 2 && digits[1] == 2) {
        d = nums[0];
        y = full_year(nums[1], 2);
    } else {
        return false;
    }
    if (pm || am) {
        if (!has_time || h < 1 || h > 12)
            return false;
        h = pm ? (h % 12) + 12 : h % 12;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return false;
    return finish(y, mo, d, h, mi, sec, zone, has_time, "", out);
}

/* ----------------------------------------------------- dates in numbers */

/* "20210504T132005+0200", "20210504": ISO 8601's basic format; and
 * "20080101120000", fourteen digits without the T, as ARC files (and WARC
 * files made from them) and the Wayback Machine's addresses write a moment,
 * in UTC. */
static bool parse_basic_iso(const char *s, tw_date *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d%2d%2d%n", &y, &mo, &d, &n) != 3 || n != 8)
        return false;
    s += n;
    long zone = NO_ZONE;
    bool has_time = false;
    bool t = *s == 'T' || *s == 't';
    /* Fourteen digits (no T, no zone) are ARC's and the Wayback Machine's: UTC's. */
    bool arc = !t && strspn(s, "0123456789") == 6 && !s[6];
    if (t || strspn(s, "0123456789") == 6) {
        s += t;
        if (sscanf(s, "%2d%2d%n", &h, &mi, &n) != 2 || n != 4)
            return false;
        s += n;
        if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])) {
            sec = (s[0] - '0') * 10 + (s[1] - '0');
            s += 2;
        }
        if (h > 23 || mi > 59 || sec > 60 || !parse_zone(s, &zone, &s))
            return false;
        has_time = true;
        if (arc)
            zone = 0;
    }
    return finish(y, mo, d, h, mi, sec, zone, has_time, s, out);
}

/* Seconds (or, 13 digits, milliseconds) since the epoch: "1651035600". */
static bool parse_epoch(const char *s, tw_date *out)
{
    size_t n = strspn(s, "0123456789");
    const char *rest = s + n;
    while (isspace((unsigned char)*rest))
        rest++;
    if (*rest || (n != 9 && n != 10 && n != 13))
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    out->epoch = n == 13 ? v / 1000 : v;
    out->has_time = true;
    out->offset = 0;
    out->zoned = true;      /* seconds since 1970 are UTC's */
    return true;
}

/* Moves S past a word that says nothing of the day (filler): a weekday
 * before a date of numbers ("Di., 25.01.2022"), a word between it and its
 * time ("17.06.2021 um 10:00"). */
static const char *past_filler(const char *s)
{
    const char *w = s;
    char lower[16];
    size_t n = 0;
    while (isalpha((unsigned char)*w) && n < sizeof lower)
        lower[n++] = (char)tolower((unsigned char)*w++);
    if (!n || n == sizeof lower || !filler(lower, n))
        return s;
    while (*w == '.' || *w == ',' || *w == ' ')
        w++;
    return w;
}

/* "19.11.2019", "19/11/2019 07:47", "11/19/2019", "01-11-2023 10:29", "Di.,
 * 25.01.2022 - 14:45": the day first when it is dotted, or when ORDER says
 * so or the numbers do (a part over 12). */
static bool parse_numeric(const char *s, tw_date_order order, tw_date *out)
{
    int a, b, y, n = 0;
    char sep, sep2;
    s = past_filler(s);
    if (sscanf(s, "%2d%c%2d%c%4d%n", &a, &sep, &b, &sep2, &y, &n) != 5 || sep != sep2 ||
        (sep != '.' && sep != '/' && sep != '-') || n < 8 ||
        !isdigit((unsigned char)s[n - 1]) || isdigit((unsigned char)s[n]))
        return false;
    int digits = 0;
    for (int i = n - 1; i >= 0 && isdigit((unsigned char)s[i]); i--)
        digits++;
    /* "04-05-21" could be 2004 as well: dashes want the year whole. */
    if ((digits != 4 && digits != 2) || (sep == '-' && digits != 4))
        return false;
    y = full_year(y, digits);
    bool day_first;
    if (sep == '.' || a > 12)
        day_first = true;
    else if (b > 12)
        day_first = false;
    else if (a == b)
        day_first = true;       /* 03/03/2021: either way, the same day */
    else if (order == TW_DATE_DMY || order == TW_DATE_MDY)
        day_first = order == TW_DATE_DMY;
    else
        return false;           /* 04/05/2021: April or May? */
    s += n;
    int h, mi, sec;
    long zone;
    bool has_time;
    if (*s == 'T' && isdigit((unsigned char)s[1]))
        s++;        /* ISO 8601's mark before the time, after a day first */
    else
        while (*s == ' ' || *s == ',' || (*s == '-' && s[1] == ' '))
            s++;
    s = past_filler(s);
    if (!parse_time(s, &h, &mi, &sec, &zone, &has_time, &s))
        return false;
    return finish(y, day_first ? b : a, day_first ? a : b, h, mi, sec, zone, has_time, s,
                  out);
}

/* Moves *S past one of MARKS (UTF-8) and the spaces after it. */
static bool past_mark(const char **s, const char *const *marks)
{
    for (; *marks; marks++) {
        size_t n = strlen(*marks);
        if (!strncmp(*s, *marks, n)) {
            for (*s += n; **s == ' '; (*s)++)
                ;
            return true;
        }
    }
    return false;
}

/* The year first, as East Asian pages and others write a date of numbers:
 * "2021/03/03", "2021.3.3", "2021. 3. 3." (Korean), "2021年3月3日"
 * (Chinese, Japanese), "2021년 3월 3일" (Korean), then an optional time.
 * Never ambiguous: after a year of four digits comes the month. */
static bool parse_year_first(const char *s, tw_date *out)
{
    static const char *const year_marks[] = { "\xe5\xb9\xb4", "\xeb\x85\x84", NULL };
    static const char *const month_marks[] = { "\xe6\x9c\x88", "\xec\x9b\x94", NULL };
    static const char *const day_marks[] = { "\xe6\x97\xa5", "\xec\x9d\xbc", NULL };
    int y, mo, d;
    if (!read_digits(&s, 4, 4, &y))
        return false;
    char sep[2] = { *s, '\0' };       /* the same after the year and the month */
    const char *const seps[] = { sep, NULL };
    bool numeric = *sep == '/' || *sep == '.';
    if (!past_mark(&s, numeric ? seps : year_marks) || !read_digits(&s, 1, 2, &mo) ||
        !past_mark(&s, numeric ? seps : month_marks) || !read_digits(&s, 1, 2, &d))
        return false;
    if (!numeric || *sep == '.')
        past_mark(&s, numeric ? seps : day_marks);
    int h, mi, sec;
    long zone;
    bool has_time;
    while (*s == ' ' || *s == ',')
        s++;
    if (!parse_time(s, &h, &mi, &sec, &zone, &has_time, &s))
        return false;
    return finish(y, mo, d, h, mi, sec, zone, has_time, s, out);
}

/* S with each no-break space (U+00A0) a plain one, into SPACED[SIZE]:
 * typesetting sets one between a day's parts ("11. November&nbsp;2021",
 * "Mo.&nbsp;13.11.2021"), which no form above reads.  S itself when it
 * holds none, or is too long for SPACED (no date is). */
static const char *plain_spaces(const char *s, char *spaced, size_t size)
{
    const char *nbsp = strstr(s, "\xC2\xA0");
    size_t len = strlen(s);
    if (!nbsp || len >= size)
        return s;
    size_t n = 0;
    for (const char *c = s; *c; c++)
        if (c[0] == '\xC2' && c[1] == '\xA0') {
            spaced[n++] = ' ';
            c++;
        } else {
            spaced[n++] = *c;
        }
    spaced[n] = '\0';
    return spaced;
}

bool tw_date_parse_order(const char *s, tw_date_order order, tw_date *out)
{
    if (!s)
        return false;
    char spaced[128];
    s = plain_spaces(s, spaced, sizeof spaced);
    while (isspace((unsigned char)*s))
        s++;
    tw_date d;
    if (parse_iso(s, &d) || parse_basic_iso(s, &d) || parse_epoch(s, &d) ||
        parse_year_first(s, &d) || parse_numeric(s, order, &d) || parse_words(s, &d)) {
        if (d.epoch < FIRST_SECOND || d.epoch > LAST_SECOND)
            return false;
        *out = d;
        return true;
    }
    return false;
}

bool tw_date_parse(const char *s, tw_date *out)
{
    return tw_date_parse_order(s, TW_DATE_ANY, out);
}

bool tw_date_placeholder(const tw_date *d)
{
    /* Before 1800 or after 2199 (0001-01-01, 9999-12-31), or the epoch itself,
     * which is what a zero in a database shows. */
    return d->epoch < -5364662400LL || d->epoch >= 7258118400LL || d->epoch == 0;
}

bool tw_date_zero(const char *s, size_t len)
{
    bool zero = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '0')
            zero = true;
        else if (!s[i] || !strchr(" -./:T", s[i]))
            return false;
    }
    return zero;
}

bool tw_date_zone_offset(int64_t seconds)
{
    return seconds % 900 == 0 && seconds >= TW_ZONE_WEST && seconds <= TW_ZONE_EAST;
}

int64_t tw_date_clock(const tw_date *d)
{
    return d->epoch + d->offset;
}

void tw_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

void tw_date_format(const tw_date *d, char out[TW_DATE_ISO_MAX])
{
    int64_t clock = tw_date_clock(d);
    int64_t days = clock / 86400, secs = clock % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    int64_t y;
    int mm, dd;
    tw_civil_from_days(days, &y, &mm, &dd);
    if (!d->has_time) {
        snprintf(out, TW_DATE_ISO_MAX, "%04d-%02d-%02d", (int)y, mm, dd);
        return;
    }
    int n = snprintf(out, TW_DATE_ISO_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", (int)y, mm, dd,
                     (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
    long east = d->offset < 0 ? -(long)d->offset : d->offset;
    if (d->offset)
        snprintf(out + n, TW_DATE_ISO_MAX - (size_t)n, "%c%02ld:%02ld", d->offset < 0 ? '-' : '+',
                 east / 3600, east / 60 % 60);
    else if (d->zoned)
        snprintf(out + n, TW_DATE_ISO_MAX - (size_t)n, "Z");
}

/* Next day, month or year after Y-MO-D, at the precision given. */
static int64_t period_end(int y, int mo, int d, int parts)
{
    if (parts == 1)
        return tw_days_from_civil(y + 1, 1, 1);
    if (parts == 2)
        return mo == 12 ? tw_days_from_civil(y + 1, 1, 1) : tw_days_from_civil(y, mo + 1, 1);
    return tw_days_from_civil(y, mo, d) + 1;
}

/* Reads S as YYYY, YYYY-M or YYYY-M-D (a month and a day of one or two
 * digits, as the indexer also reads them) into YMD: the number of parts, or
 * 0 when S is anything else (a sign, a space, a third digit). */
static int period_parts(const char *s, int ymd[3])
{
    static const int widest[] = { 4, 2, 2 };
    int parts = 0;
    for (;;) {
        int value = 0, digits = 0;
        while (*s >= '0' && *s <= '9' && digits < widest[parts]) {
            value = value * 10 + (*s++ - '0');
            digits++;
        }
        if (digits < (parts ? 1 : 4))
            return 0;
        ymd[parts++] = value;
        if (*s == '\0')
            return parts;
        if (*s++ != '-' || parts == 3)
            return 0;
    }
}

bool tw_date_period(const char *s, size_t len, int64_t *start, int64_t *end)
{
    char buf[40];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int ymd[3] = { 0, 1, 1 };
    int parts = period_parts(buf, ymd);
    int y = ymd[0], mo = ymd[1], d = ymd[2];
    if (parts && valid_ymd(y, mo, d)) {
        *start = tw_days_from_civil(y, mo, d) * 86400;
        *end = period_end(y, mo, d, parts) * 86400;
        return true;
    }
    tw_date t;      /* a moment, such as 2021-06-17T10:00Z, or "17 Jun 2021" */
    if (!tw_date_parse(buf, &t))
        return false;
    *start = tw_date_clock(&t);
    *end = t.has_time ? *start + 1 : *start + 86400;
    return true;
}

const char *tw_date_shown(const char *text, tw_date_order order, tw_date *when)
{
    const char *colon = strchr(text, ':');
    if (colon && colon - text < 24) {
        bool label = true;
        for (const char *c = text; c < colon; c++)
            label &= !isdigit((unsigned char)*c);
        if (label)
            text = colon + 1;
    }
    if (strspn(text, " 0123456789") == strlen(text) || !tw_date_parse_order(text, order, when))
        return NULL;
    return text;
}

bool tw_date_leading(const char *text, tw_date_order order, tw_date *when)
{
    char copy[128];
    size_t len = strnlen(text, sizeof copy - 1);      /* not all of a long TEXT */
    memcpy(copy, text, len);
    copy[len] = '\0';
    /* Where the first run of four digits (a year) ends; 0: none. */
    size_t year_end = 0;
    for (size_t k = 0, digits = 0; k < len && !year_end; k++) {
        digits = isdigit((unsigned char)copy[k]) ? digits + 1 : 0;
        if (digits == 4)
            year_end = k + 1;
    }
    /* A full stop right after the year ends a sentence ("Aktualisiert am
     * 17.01.2021."): the date is cut there as at a space. */
    bool stop = year_end && year_end + 1 == len && copy[year_end] == '.';
    for (size_t end = len; end > 0; end--) {
        if (end < len && copy[end] != ' ' && !(stop && end == year_end))
            continue;
        copy[end] = '\0';
        bool year = year_end && year_end <= end;
        if ((year || end == len) && tw_date_shown(copy, order, when))
            return true;
    }
    return false;
}
