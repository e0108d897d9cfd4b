/* Unit tests: days named from today (date:yesterday, date:7d..). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "date_relative.h"

/* 2024-03-31T15:30:00Z: the end of a month after a leap February. */
static const int64_t NOW = 1711899000;

/* The day IN names from NOW: its first second as a date, WANT (NULL: not
 * a day), and whether it was a count. */
static void assert_day(const char *in, int64_t now, const char *want, bool counted_want)
{
    int64_t start = -1, end = -1;
    bool counted = !counted_want;
    if (!want) {
        assert_false(tw_date_relative(in, strlen(in), now, &start, &end, &counted));
        assert_int_equal(start, -1);    /* left alone */
        return;
    }
    assert_true(tw_date_relative(in, strlen(in), now, &start, &end, &counted));
    char day[TW_DATE_ISO_MAX];
    tw_date_format(&(tw_date){ start, false, 0, true }, day);
    assert_string_equal(day, want);
    assert_int_equal(end - start, 86400);
    assert_int_equal(start % 86400, 0);
    assert_true(counted == counted_want);
}

static void named_days(void **state)
{
    (void)state;
    assert_day("today", NOW, "2024-03-31", false);
    assert_day("yesterday", NOW, "2024-03-30", false);
    assert_day("Today", NOW, "2024-03-31", false);
    assert_day("YESTERDAY", NOW, "2024-03-30", false);
    /* The day is UTC's, as articles' dates are kept: a second before
     * midnight and at it. */
    assert_day("today", 1711929599, "2024-03-31", false);
    assert_day("today", 1711929600, "2024-04-01", false);
    /* Before 1970 the day still starts at its midnight. */
    assert_day("today", -1, "1969-12-31", false);
}

static void counted_days(void **state)
{
    (void)state;
    assert_day("0d", NOW, "2024-03-31", true);
    assert_day("7d", NOW, "2024-03-24", true);
    assert_day("31d", NOW, "2024-02-29", true);
    assert_day("2w", NOW, "2024-03-17", true);
    assert_day("3days", NOW, "2024-03-28", true);
    assert_day("1Day", NOW, "2024-03-30", true);
    assert_day("1week", NOW, "2024-03-24", true);
    assert_day("1W", NOW, "2024-03-24", true);
    /* A month back keeps the day of the month, or the month's last. */
    assert_day("1m", NOW, "2024-02-29", true);
    assert_day("2months", NOW, "2024-01-31", true);
    assert_day("3m", NOW, "2023-12-31", true);            /* across a year's end */
    assert_day("4m", NOW, "2023-11-30", true);
    assert_day("13m", NOW, "2023-02-28", true);
    assert_day("1y", NOW, "2023-03-31", true);
    assert_day("12m", NOW, "2023-03-31", true);
    assert_day("1year", 1709208000, "2023-02-28", true);   /* from 2024-02-29 */
    assert_day("4y", 1709208000, "2020-02-29", true);
    assert_day("100000d", NOW, "1750-06-16", true);
}

static void not_days(void **state)
{
    (void)state;
    const char *bad[] = { "", "d", "7", "-7d", "+7d", "7 d", "7dd", "7dayss", "7x",
                          "7h", "7min", "1.5d", "tomorrow", "todayx", "2021",
                          "100001d", "99999999999999999999d", "3000y" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_day(bad[i], NOW, NULL, false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(named_days),
        cmocka_unit_test(counted_days),
        cmocka_unit_test(not_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
