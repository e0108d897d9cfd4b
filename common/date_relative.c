/* date_relative.c - days named from today (date:yesterday, date:7d..). */
#include "date_relative.h"

#include <string.h>
#include <strings.h>

#include "date.h"

#define DAY 86400

/* Counts past this are typing mistakes: 100,000 days is some 270 years. */
#define MOST_BACK 100000

/* The first second of the day holding T. */
static int64_t day_start(int64_t t)
{
    int64_t r = t % DAY;
    return t - (r < 0 ? r + DAY : r);
}

/* TODAY's first second, COUNT months back: the same day of that month, or
 * its last when it has fewer (a month before 31 March is 28 or 29
 * February, not a day rolled over into March). */
static int64_t months_back(int64_t today, long count)
{
    int64_t y;
    int mo, d;
    tw_civil_from_days(today / DAY, &y, &mo, &d);
    int64_t months = y * 12 + (mo - 1) - count;
    if (months < 12)        /* before the year 1 */
        return INT64_MIN;
    int64_t year = months / 12;
    int month = (int)(months % 12) + 1;
    int64_t first = tw_days_from_civil(year, month, 1);
    int64_t length = (month == 12 ? tw_days_from_civil(year + 1, 1, 1)
                                  : tw_days_from_civil(year, month + 1, 1)) - first;
    return (first + (d < length ? d : length) - 1) * DAY;
}

/* The unit UNIT names ('d', 'w', 'm' or 'y'), or 0. */
static char unit_of(const char *unit, size_t len)
{
    static const struct { const char *one, *many; } names[] = {
        { "day", "days" }, { "week", "weeks" }, { "month", "months" }, { "year", "years" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        bool initial = len == 1 && (unit[0] | 0x20) == names[i].one[0];
        bool one = len == strlen(names[i].one) && !strncasecmp(unit, names[i].one, len);
        bool many = len == strlen(names[i].many) && !strncasecmp(unit, names[i].many, len);
        if (initial || one || many)
            return names[i].one[0];
    }
    return 0;
}

/* Whether S[0..LEN) is WORD, whatever its case. */
static bool is_word(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && !strncasecmp(s, word, len);
}

bool tw_date_relative(const char *s, size_t len, int64_t now, int64_t *start, int64_t *end,
                      bool *counted)
{
    int64_t today = day_start(now), day;
    bool count_given = false;
    if (is_word(s, len, "today")) {
        day = today;
    } else if (is_word(s, len, "yesterday")) {
        day = today - DAY;
    } else {
        size_t digits = 0;
        long count = 0;
        while (digits < len && s[digits] >= '0' && s[digits] <= '9' && count <= MOST_BACK)
            count = count * 10 + (s[digits++] - '0');
        char unit = digits ? unit_of(s + digits, len - digits) : 0;
        if (!unit || count > MOST_BACK)
            return false;
        if (unit == 'd' || unit == 'w')
            day = today - count * (unit == 'w' ? 7 : 1) * (int64_t)DAY;
        else
            day = months_back(today, unit == 'y' ? count * 12 : count);
        if (day == INT64_MIN)
            return false;
        count_given = true;
    }
    *start = day;
    *end = day + DAY;
    *counted = count_given;
    return true;
}
