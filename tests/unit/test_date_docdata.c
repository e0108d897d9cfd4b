/* Unit tests: date parsing and formatting, document data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "date.h"
#include "docdata.h"
#include "piece_pack.h"
#include "schema.h"

static void assert_date(const char *in, const char *want)
{
    tw_date d;
    char out[TW_DATE_ISO_MAX];
    if (!want) {
        assert_false(tw_date_parse(in, &d));
        return;
    }
    assert_true(tw_date_parse(in, &d));
    tw_date_format(&d, out);
    assert_string_equal(out, want);
}

/* The [start, end) a period names, as two formatted moments. */
static void assert_period(const char *in, const char *from, const char *to)
{
    int64_t start, end;
    if (!from) {
        assert_false(tw_date_period(in, strlen(in), &start, &end));
        return;
    }
    assert_true(tw_date_period(in, strlen(in), &start, &end));
    char a[TW_DATE_ISO_MAX], b[TW_DATE_ISO_MAX];
    tw_date_format(&(tw_date){ start, true, 0, true }, a);
    tw_date_format(&(tw_date){ end, true, 0, true }, b);
    assert_string_equal(a, from);
    assert_string_equal(b, to);
}

static void periods(void **state)
{
    (void)state;
    assert_period("2021", "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z");
    assert_period("2021-06", "2021-06-01T00:00:00Z", "2021-07-01T00:00:00Z");
    assert_period("2021-12", "2021-12-01T00:00:00Z", "2022-01-01T00:00:00Z");
    assert_period("2024-02-29", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z");
    assert_period("17 Jun 2021", "2021-06-17T00:00:00Z", "2021-06-18T00:00:00Z");
    assert_period("2021-06-17T10:00:00Z", "2021-06-17T10:00:00Z", "2021-06-17T10:00:01Z");
    assert_period("2021-13", NULL, NULL);
    assert_period("2023-02-29", NULL, NULL);
    /* A month or day of one digit, as the indexer reads them; but digits
     * only, and no more than two. */
    assert_period("2021-6", "2021-06-01T00:00:00Z", "2021-07-01T00:00:00Z");
    assert_period("2021-6-7", "2021-06-07T00:00:00Z", "2021-06-08T00:00:00Z");
    assert_period("2021-06-7", "2021-06-07T00:00:00Z", "2021-06-08T00:00:00Z");
    assert_period("2021-006", NULL, NULL);
    assert_period("2021-+6", NULL, NULL);
    assert_period("2021- 6", NULL, NULL);
    assert_period("2021-6-", NULL, NULL);
    assert_period("2021-06-17-1", NULL, NULL);
    assert_period("20211", NULL, NULL);
    assert_period("21", NULL, NULL);
    assert_period("yesterday", NULL, NULL);
    assert_period("", NULL, NULL);
}

static void dates(void **state)
{
    (void)state;
    assert_date("2021-06-17", "2021-06-17");
    assert_date("  2021-06-17  ", "2021-06-17");
    assert_date("2021-06-17T10:20:30Z", "2021-06-17T10:20:30Z");
    assert_date("2021-06-17T10:20:30.123+02:00", "2021-06-17T10:20:30+02:00");
    assert_date("2021-06-17 23:30:00 -0500", "2021-06-17T23:30:00-05:00");
    assert_date("2021-06-17T10:20", "2021-06-17T10:20:00");
    assert_date("Thu, 17 Jun 2021 10:00:00 +0000", "2021-06-17T10:00:00Z");
    assert_date("17 June 2021", "2021-06-17");
    assert_date("June 17, 2021", "2021-06-17");
    assert_date("Sept 3 2019", "2019-09-03");
    assert_date("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01");
    assert_date("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z");
    assert_date("2024-02-29", "2024-02-29");
    assert_date("15 JAN 91", "1991-01-15");         /* two-digit years: 1950-2049 */
    assert_date("3-Feb-05 10:00", "2005-02-03T10:00:00");
    /* As real pages write them (issue 14). */
    assert_date("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00");
    assert_date("Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)",
                "2019-11-19T05:44:06Z");
    assert_date("20210504T132005+0200", "2021-05-04T13:20:05+02:00");
    assert_date("20210504", "2021-05-04");
    assert_date("20080101120000", "2008-01-01T12:00:00Z");  /* ARC, Wayback Machine */
    assert_date("2019-11-19 07:47:00 -0500", "2019-11-19T07:47:00-05:00");
    assert_date("19 November 2019", "2019-11-19");
    assert_date("19. November 2019, 14:30 Uhr", "2019-11-19T14:30:00");
    assert_date("17 Juni 2021", "2021-06-17");
    assert_date("le 3 f\xc3\xa9vrier 2020", "2020-02-03");
    assert_date("19 de noviembre de 2019", "2019-11-19");
    assert_date("5 pa\xc5\xba" "dziernika 2021", "2021-10-05");
    assert_date("Sat, 02 Jul 2022 09:15:00 CEST", "2022-07-02T09:15:00+02:00");
    assert_date("12:30 AM, March 3, 2021", "2021-03-03T00:30:00");
    assert_date("1651035600", "2022-04-27T05:00:00Z");
    assert_date("1651035600000", "2022-04-27T05:00:00Z");
    assert_date("2023-1-26", "2023-01-26");
    assert_date("19.11.2019", "2019-11-19");
    assert_date("19/11/2019 07:47", "2019-11-19T07:47:00");
    assert_date("11/19/2019", "2019-11-19");
    /* Forms of real news pages' meta tags (web-eval). */
    assert_date("2022-5-3T23:57:00", "2022-05-03T23:57:00");
    assert_date("2022-5-5 22:17:36", "2022-05-05T22:17:36");
    assert_date("Di., 25.01.2022 - 14:45", "2022-01-25T14:45:00");
    assert_date("13-11-2023 10:29", "2023-11-13T10:29:00");
    /* ISO 8601's T after a day first, as a blog's hAtom <abbr title> has it. */
    assert_date("26-08-2009T14:12:32+0200", "2009-08-26T14:12:32+02:00");
    assert_date("06.08.2009T14:12", "2009-08-06T14:12:00");
    assert_date("26-08-2009T1412x", NULL);             /* a T before no time */
    assert_date("10/25/2022 05:22 pm", "2022-10-25T17:22:00");
    assert_date("25/10/2022 12:05 a.m.", "2022-10-25T00:05:00");
    assert_date("2021-06-17 12:30 PM", "2021-06-17T12:30:00");
    /* The year first, as East Asian pages write it; a zone's abbreviation
     * after a date of numbers; a day and month that are the same number. */
    assert_date("2021/03/04", "2021-03-04");
    assert_date("2021/3/4 10:00", "2021-03-04T10:00:00");
    assert_date("2021.03.04", "2021-03-04");
    assert_date("2021. 3. 4.", "2021-03-04");
    assert_date("2021\xe5\xb9\xb4" "3\xe6\x9c\x88" "4\xe6\x97\xa5", "2021-03-04");
    assert_date("2021\xe5\xb9\xb4" "03\xe6\x9c\x88" "04\xe6\x97\xa5 10:00", "2021-03-04T10:00:00");
    assert_date("2021\xeb\x85\x84 3\xec\x9b\x94 4\xec\x9d\xbc", "2021-03-04");
    assert_date("2021-03-04 10:00 JST", "2021-03-04T10:00:00+09:00");
    assert_date("2021-03-04T10:00:00 EST", "2021-03-04T10:00:00-05:00");
    assert_date("04.03.2021 10:00 CET", "2021-03-04T10:00:00+01:00");
    assert_date("2021-03-04 10:00:00 +0000 UTC", "2021-03-04T10:00:00Z");  /* Go */
    assert_date("03/03/2021", "2021-03-03");
    /* Russian and Ukrainian months, with the year's "г." or "р.". */
    assert_date("3 \xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0 2021 \xd0\xb3.", "2021-03-03");
    assert_date("17 \xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f 2021, 10:00", "2021-06-17T10:00:00");
    assert_date("1 \xd0\xbc\xd0\xb0\xd1\x8f 2021", "2021-05-01");
    assert_date("5 \xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8f 2021 \xd1\x80.",
                "2021-03-05");
    /* No-break spaces between a date's parts, as typesetting sets them. */
    assert_date("11. November\xc2\xa0" "2021\xc2\xa0\xc2\xa0", "2021-11-11");
    assert_date("Mo.\xc2\xa0" "15.11.2021", "2021-11-15");
    assert_date("\xc2\xa0" "2021-03-04\xc2\xa0" "10:00\xc2\xa0" "CET", "2021-03-04T10:00:00+01:00");
}

static void bad_dates(void **state)
{
    (void)state;
    assert_date("2023-02-29", NULL);
    assert_date("2021-13-01", NULL);
    assert_date("2021-06-17T25:00", NULL);
    assert_date("yesterday", NULL);
    assert_date("17 Juno 2021", NULL);              /* no month called that */
    assert_date("04/05/2021", NULL);                /* April or May: needs an order */
    assert_date("04-05-21", NULL);                  /* 2004 or 2021 as well */
    assert_date("10/25/2022 13:05 pm", NULL);       /* no 13 pm */
    assert_date("10/25/2022 00:05 am", NULL);
    assert_date("PT15M", NULL);                     /* a duration */
    assert_date("Mo-Su 08:00-20:00", NULL);         /* opening hours */
    assert_date("Page 2 of 3", NULL);
    assert_date("2 days ago", NULL);
    assert_date("13:00 PM, March 3, 2021", NULL);
    assert_date("12345", NULL);
    assert_date("20080101250000", NULL);            /* no hour 25 */
    assert_date("200801011200", NULL);              /* a time has its seconds */
    assert_date("2021-06-17 and more", NULL);
    assert_date("2021/13/04", NULL);
    assert_date("2021/03.04", NULL);                /* one separator, not two */
    assert_date("2021\xe5\xb9\xb4" "2\xe6\x9c\x88" "30\xe6\x97\xa5", NULL);
    assert_date("2021-03-04 10:00 XYZ", NULL);
    assert_date("", NULL);
    tw_date d;
    assert_false(tw_date_parse(NULL, &d));
}

/* Found by fuzzing: a zone moved a date out of years 1-9999, and the stored
 * form ("10000-01-01T13:59:59") did not parse again.  The ends themselves are
 * fine. */
/* A date keeps the clock it was written by: shown on it, read back to the
 * same moment and clock, filed by its day on it (tw_date_clock). */
static void assert_clock(const char *in, int64_t epoch, int32_t offset, const char *shown)
{
    tw_date d, again;
    char out[TW_DATE_ISO_MAX];
    assert_true(tw_date_parse(in, &d));
    assert_int_equal(d.epoch, epoch);
    assert_int_equal(d.offset, offset);
    assert_int_equal(tw_date_clock(&d), epoch + offset);
    tw_date_format(&d, out);
    assert_string_equal(out, shown);
    assert_true(tw_date_parse(out, &again));
    assert_int_equal(again.epoch, d.epoch);
    assert_int_equal(again.offset, d.offset);
}

static void dates_keep_their_clock(void **state)
{
    (void)state;
    /* Midnight in Berlin is the 6th in UTC, the 7th on the page. */
    assert_clock("2022-11-07T00:00:00+01:00", 1667775600, 3600, "2022-11-07T00:00:00+01:00");
    assert_clock("Sun, 06 Nov 2022 23:00:00 GMT", 1667775600, 0, "2022-11-06T23:00:00Z");
    assert_clock("2022-11-06T18:00:00 EST", 1667775600, -18000, "2022-11-06T18:00:00-05:00");
    assert_clock("2022-11-07T04:30:00+0530", 1667775600, 19800, "2022-11-07T04:30:00+05:30");
    assert_clock("2022-11-06T19:30:00-03:30", 1667775600, -12600, "2022-11-06T19:30:00-03:30");
    /* The offsets zones have: India's half hour, Nepal's quarter, Baker
     * Island's twelve hours west, Kiribati's fourteen east; no more. */
    assert_true(tw_date_zone_offset(0) && tw_date_zone_offset(19800) &&
                tw_date_zone_offset(20700) && tw_date_zone_offset(-43200) &&
                tw_date_zone_offset(50400));
    assert_false(tw_date_zone_offset(600) || tw_date_zone_offset(50401) ||
                 tw_date_zone_offset(51300) || tw_date_zone_offset(-44100));
    /* A zone named, or none: the one a moment, the other a clock's reading
     * of a zone not known, taken as UTC. */
    tw_date d;
    assert_true(tw_date_parse("2022-11-06T23:00:00Z", &d) && d.zoned);
    assert_true(tw_date_parse("2022-11-06 18:00 EST", &d) && d.zoned);
    assert_true(tw_date_parse("6 Nov 2022 23:00 GMT", &d) && d.zoned);
    assert_true(tw_date_parse("1667775600", &d) && d.zoned);
    assert_true(tw_date_parse("2022-11-06 23:00", &d) && !d.zoned);
    assert_true(tw_date_parse("06.11.2022 23:00 Uhr", &d) && !d.zoned);
    assert_true(tw_date_parse("6 Nov 2022 11:00 pm", &d) && !d.zoned);
    /* A zero offset is UTC; no zone is filed as UTC but shown as the
     * clock's reading it is, with no Z to claim UTC, and read back so. */
    assert_clock("2022-11-06T23:00:00+00:00", 1667775600, 0, "2022-11-06T23:00:00Z");
    assert_clock("2022-11-06T23:00:00-00:00", 1667775600, 0, "2022-11-06T23:00:00Z");
    assert_clock("2022-11-06 23:00", 1667775600, 0, "2022-11-06T23:00:00");
    assert_true(tw_date_parse("2022-11-06T23:00:00", &d) && !d.zoned);
    assert_clock("1667775600", 1667775600, 0, "2022-11-06T23:00:00Z");
    /* A region in brackets after the offset, as Java writes a time. */
    assert_clock("2022-11-07T00:00+01:00[Europe/Berlin]", 1667775600, 3600,
                 "2022-11-07T00:00:00+01:00");
    assert_clock("2022-11-06T23:00:00.000Z[UTC]", 1667775600, 0, "2022-11-06T23:00:00Z");
    assert_false(tw_date_parse("2022-11-06T23:00:00Z[UTC", &(tw_date){ 0 }));
    assert_false(tw_date_parse("2022-11-06T23:00:00Z[]", &(tw_date){ 0 }));
    /* The last moment the index holds, written fourteen hours west. */
    assert_clock("9999-12-31T09:59:59-14:00", 253402300799LL, -50400,
                 "9999-12-31T09:59:59-14:00");
}

static void dates_stay_in_four_digit_years(void **state)
{
    (void)state;
    assert_date("9999-12-31T23:59:59-14:00", NULL);
    assert_date("0001-01-01T00:00:00+14:00", NULL);
    assert_date("1 Jan 0001 +0100", NULL);
    assert_date("9999-12-31T23:59:60Z", NULL);
    assert_date("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z");
    assert_date("9999-12-31T09:59:59-14:00", "9999-12-31T09:59:59-14:00");
    /* German's "Uhr" after a time, and a word between a date of numbers
     * and its time, as German and English pages write them. */
    assert_date("17.06.2021 10:00 Uhr", "2021-06-17T10:00:00");
    assert_date("Mi, 17.06.2021 - 10:00 Uhr", "2021-06-17T10:00:00");
    assert_date("17.06.2021 um 10:00 Uhr", "2021-06-17T10:00:00");
    assert_date("17.06.2021 at 10:00", "2021-06-17T10:00:00");
    assert_date("2021-06-17 10:00 Uhr CEST", "2021-06-17T10:00:00+02:00");
    assert_date("17.06.2021 10:00 Uhrzeit", NULL);
    /* Milliseconds after a third colon, as some publishing systems write
     * them; four digits or two are no such thing. */
    assert_date("2022-01-10T22:06:08:684Z", "2022-01-10T22:06:08Z");
    assert_date("2022-01-10T22:06:08:684+01:00", "2022-01-10T22:06:08+01:00");
    assert_date("2022-01-10T22:06:08:6840Z", NULL);
    assert_date("2022-01-10T22:06:08:68Z", NULL);
    assert_date("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z");
    assert_date("0001-01-01", "0001-01-01");
    int64_t start, end;
    assert_false(tw_date_period("9999-12-31T23:30-01:00", 22, &start, &end));
}

/* Numbers only, in the order the page's language writes them; placeholders. */
static void date_orders_and_placeholders(void **state)
{
    (void)state;
    tw_date d;
    char out[TW_DATE_ISO_MAX];
    assert_true(tw_date_parse_order("04/05/2021", TW_DATE_DMY, &d));
    tw_date_format(&d, out);
    assert_string_equal(out, "2021-05-04");
    assert_true(tw_date_parse_order("04/05/2021", TW_DATE_MDY, &d));
    tw_date_format(&d, out);
    assert_string_equal(out, "2021-04-05");
    assert_true(tw_date_parse("0001-01-01", &d));
    assert_true(tw_date_placeholder(&d));
    assert_true(tw_date_parse("1970-01-01T00:00:00Z", &d));
    assert_true(tw_date_placeholder(&d));
    /* A date of zeros is no date, and no mistake to report either. */
    assert_false(tw_date_parse("0000-00-00 00:00:00", &d));
    assert_true(tw_date_zero("0000-00-00 00:00:00", 19));
    assert_true(tw_date_zero("00.00.0000", 10));
    assert_false(tw_date_zero("0000-00-01", 10));
    assert_false(tw_date_zero("", 0));
    assert_false(tw_date_zero("none", 4));
    assert_true(tw_date_parse("9999-12-31", &d));
    assert_true(tw_date_placeholder(&d));
    assert_true(tw_date_parse("1987-02-26", &d));
    assert_false(tw_date_placeholder(&d));
}

/* A date that starts a line, with the words after it given up: only one
 * with a year, unless the line is that date alone (or with a full stop). */
static void leading_dates(void **state)
{
    (void)state;
    static const struct { const char *text, *want; } cases[] = {
        { "06.11.2023 13:30 von Olga", "2023-11-06T13:30:00" },
        { "25. Januar 2022 (DJV/FWR) Berlin/Ratingen", "2022-01-25" },
        { "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46",
          "2023-11-07T15:03:30" },
        { "3. August 2015 \xC2\xB7 Filed under Ziemlich privat", "2015-08-03" },
        { "17 June", NULL },
        /* A full stop after the year ends the sentence it closes. */
        { "17.01.2021.", "2021-01-17" },
        { "13 juin 2019.", "2019-06-13" },
        { "17.01.2021.5", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tw_date d;
        char out[TW_DATE_ISO_MAX];
        bool found = tw_date_leading(cases[i].text, TW_DATE_DMY, &d);
        assert_int_equal(found, cases[i].want != NULL);
        if (found) {
            tw_date_format(&d, out);
            assert_string_equal(out, cases[i].want);
        }
    }
    tw_date d;
    assert_false(tw_date_leading("3. Mai im Hafen", TW_DATE_DMY, &d));
    assert_false(tw_date_leading("2022 Mitglieder im Verein", TW_DATE_DMY, &d));
}

static void date_epoch(void **state)
{
    (void)state;
    tw_date d;
    assert_true(tw_date_parse("1970-01-02T00:00:01Z", &d));
    assert_int_equal(d.epoch, 86401);
    assert_true(d.has_time);
    assert_true(tw_date_parse("2000-03-01", &d));
    assert_int_equal(d.epoch, 951868800);
    assert_false(d.has_time);
}

static void docdata_round_trip(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    char big[300];
    memset(big, 'b', sizeof big);
    assert_int_equal(tw_docdata_put(&b, TW_F_ID, "a.txt", 5), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_TITLE, "T\0x", 3), 0);     /* bytes, not C strings */
    assert_int_equal(tw_docdata_put(&b, TW_F_URL, NULL, 0), 0);         /* absent */
    assert_int_equal(tw_docdata_put(&b, TW_F_BODY, big, sizeof big), 0); /* 2-byte length */
    tw_slice f[TW_F_COUNT];
    assert_int_equal(tw_docdata_parse(b.data, b.len, f), 0);
    assert_int_equal(f[TW_F_ID].len, 5);
    assert_memory_equal(f[TW_F_ID].ptr, "a.txt", 5);
    assert_int_equal(f[TW_F_TITLE].len, 3);
    assert_memory_equal(f[TW_F_TITLE].ptr, "T\0x", 3);
    assert_null(f[TW_F_URL].ptr);
    assert_int_equal(f[TW_F_BODY].len, sizeof big);
    /* Truncated data fails, keeping what came before. */
    assert_int_equal(tw_docdata_parse(b.data, b.len - 10, f), -1);
    assert_int_equal(f[TW_F_ID].len, 5);
    tw_buf_free(&b);
}

static void docdata_skips_unknown_fields(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    assert_int_equal(tw_docdata_put(&b, (tw_field)99, "future", 6), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_ID, "x", 1), 0);
    tw_slice f[TW_F_COUNT];
    assert_int_equal(tw_docdata_parse(b.data, b.len, f), 0);
    assert_memory_equal(f[TW_F_ID].ptr, "x", 1);
    tw_buf_free(&b);
}

/* A record ends with its seal; each bit flipped in it fails the seal, but
 * for three in the seal's tag that make it one of a field an older writer
 * wrote and this record lacks (TW_F_LANG, TW_F_BODY_Z, TW_F_URL), which
 * leave a record that reads as one written before seals.  (The 13 other
 * flips of its tag and length read so too, until a record read past the
 * mark without a seal was damage only when its twin had one: both seals
 * of a document spoiled read as an older writer's article.) */
static void docdata_seal(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    assert_int_equal(tw_docdata_put(&b, TW_F_ID, "feed/1", 6), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_TITLE, "Canyon fire", 11), 0);
    assert_int_equal(tw_docdata_sealed(b.data, b.len), 0);      /* unsealed: as before */
    unsigned char seal[TW_SEAL_BYTES];
    tw_docdata_seal_of(b.data, b.len, seal);
    assert_int_equal(tw_buf_append(&b, seal, sizeof seal), 0);
    assert_int_equal(tw_docdata_sealed(b.data, b.len), 1);
    tw_slice f[TW_F_COUNT];
    assert_int_equal(tw_docdata_parse(b.data, b.len, f), 0);
    assert_memory_equal(f[TW_F_TITLE].ptr, "Canyon fire", 11);
    assert_int_equal(f[TW_F_SUM].len, 4);
    size_t failed = 0, unsealed = 0;
    for (size_t bit = 0; bit < 8 * b.len; bit++) {
        b.data[bit / 8] ^= (char)(1 << bit % 8);
        int got = tw_docdata_sealed(b.data, b.len);
        failed += got == -1;
        unsealed += got == 0;
        b.data[bit / 8] ^= (char)(1 << bit % 8);
    }
    assert_int_equal(unsealed, 3);
    assert_int_equal(failed, 8 * b.len - 3);
    /* Cut short by a byte: no seal where one ends, and no record an older
     * writer wrote either. */
    assert_int_equal(tw_docdata_sealed(b.data, b.len - 1), -1);
    tw_buf_free(&b);
}

/* A record written before seals whose last bytes are by chance a seal's
 * tag and length reads as it is, not as damage.  Its map of pieces, last
 * in the record, ends so for a text of three pieces: 13 long words in the
 * first, 200 in the second, one of four letters last (steps 13 and 200,
 * the last piece's length 4, then the end: 0 and 1). */
static void docdata_old_record_ends_like_a_seal(void **state)
{
    (void)state;
    tw_buf map = { 0 }, b = { 0 };
    assert_int_equal(tw_pieces_add(&map, 1100, 0, 0), 0);
    assert_int_equal(tw_pieces_add(&map, 1030, 13, 0), 0);
    assert_int_equal(tw_pieces_add(&map, 4, 213, 13), 0);
    assert_int_equal(tw_pieces_add(&map, 0, 214, 213), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_ID, "feed/2", 6), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_LANG, "en", 2), 0);
    assert_int_equal(tw_docdata_put(&b, TW_F_PIECES, map.data, map.len), 0);
    assert_int_equal(b.data[b.len - TW_SEAL_BYTES], TW_F_SUM);
    assert_int_equal(b.data[b.len - TW_SEAL_BYTES + 1], 4);
    assert_int_equal(tw_docdata_sealed(b.data, b.len), 0);
    tw_slice f[TW_F_COUNT];
    assert_int_equal(tw_docdata_parse(b.data, b.len, f), 0);
    assert_int_equal(f[TW_F_PIECES].len, map.len);
    /* The same record sealed, then spoiled in its map: damage. */
    unsigned char seal[TW_SEAL_BYTES];
    tw_docdata_seal_of(b.data, b.len, seal);
    assert_int_equal(tw_buf_append(&b, seal, sizeof seal), 0);
    assert_int_equal(tw_docdata_sealed(b.data, b.len), 1);
    b.data[b.len - TW_SEAL_BYTES - 3] ^= 0x10;
    assert_int_equal(tw_docdata_sealed(b.data, b.len), -1);
    tw_buf_free(&map);
    tw_buf_free(&b);
}

/* A schema 2 record's compressed body: the raw length (LEB128), then the
 * zlib stream. */
static void put_old_body(tw_buf *rec, const char *body, size_t len)
{
    unsigned char field[4096];
    size_t n = 0;
    for (size_t v = len; n == 0 || v; v >>= 7)
        field[n++] = (unsigned char)((v & 0x7f) | (v >> 7 ? 0x80 : 0));
    uLongf out = sizeof field - n;
    assert_int_equal(compress2(field + n, &out, (const Bytef *)body, len, 1), Z_OK);
    assert_int_equal(tw_docdata_put(rec, TW_F_BODY_Z, (const char *)field, n + out), 0);
}

static void docdata_schema2_body(void **state)
{
    (void)state;
    tw_buf rec = { 0 }, scratch = { 0 };
    char body[70000];
    for (size_t i = 0; i < sizeof body; i++)
        body[i] = "egret "[i % 6];
    assert_int_equal(tw_docdata_put(&rec, TW_F_ID, "id", 2), 0);
    put_old_body(&rec, body, sizeof body);
    tw_slice f[TW_F_COUNT], got;
    assert_int_equal(tw_docdata_parse(rec.data, rec.len, f), 0);
    assert_memory_equal(f[TW_F_ID].ptr, "id", 2);
    assert_int_equal(tw_docdata_body(f, &scratch, &got), 0);
    assert_int_equal(got.len, sizeof body);
    assert_memory_equal(got.ptr, body, sizeof body);
    /* Damage is reported, not trusted. */
    ((char *)f[TW_F_BODY_Z].ptr)[f[TW_F_BODY_Z].len / 2] ^= 0x55;
    assert_int_equal(tw_docdata_body(f, &scratch, &got), -1);
    /* A short body was stored as it is. */
    tw_buf_clear(&rec);
    assert_int_equal(tw_docdata_put(&rec, TW_F_BODY, "short", 5), 0);
    assert_int_equal(tw_docdata_parse(rec.data, rec.len, f), 0);
    assert_int_equal(tw_docdata_body(f, &scratch, &got), 0);
    assert_int_equal(got.len, 5);
    assert_memory_equal(got.ptr, "short", 5);
    tw_buf_free(&rec);
    tw_buf_free(&scratch);
}

/* Pieces end at white space past TW_PIECE_BYTES, and their map reads back. */
static void docdata_pieces(void **state)
{
    (void)state;
    static char text[3 * TW_PIECE_BYTES + 500];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "kestrel "[i % 8];
    size_t len = sizeof text, cuts[8], n = 0;
    for (size_t from = 0; from < len; from = cuts[n++])
        cuts[n] = tw_piece_end(text, len, from);
    assert_int_equal(n, 4);
    for (size_t i = 0; i + 1 < n; i++) {
        assert_true(text[cuts[i]] == ' ');
        assert_true(cuts[i] - (i ? cuts[i - 1] : 0) >= TW_PIECE_BYTES);
    }
    assert_int_equal(cuts[n - 1], len);
    /* Without white space, the rest is one piece. */
    char solid[TW_PIECE_BYTES + 40];
    memset(solid, 'x', sizeof solid);
    assert_int_equal(tw_piece_end(solid, sizeof solid, 0), sizeof solid);

    tw_buf map = { 0 };
    assert_int_equal(tw_pieces_add(&map, 1030, 7, 0), 0);
    assert_int_equal(tw_pieces_add(&map, 999, 180, 7), 0);
    assert_int_equal(tw_pieces_add(&map, 0, 300, 180), 0);
    tw_piece p[TW_PIECES_MAX + 1];
    assert_int_equal(tw_pieces_parse((tw_slice){ map.data, map.len }, p), 2);
    assert_int_equal(p[0].len, 1030);
    assert_int_equal(p[0].pos, 7);
    assert_int_equal(p[1].len, 999);
    assert_int_equal(p[1].pos, 180);
    assert_int_equal(p[2].pos, 300);
    /* A map cut short, or without its end, is damaged. */
    assert_int_equal(tw_pieces_parse((tw_slice){ map.data, map.len - 1 }, p), -1);
    assert_int_equal(tw_pieces_parse((tw_slice){ map.data, 4 }, p), -1);
    tw_buf_free(&map);
}

/* A piece is stored packed HOW (deflated, or in LZ4's format) when that is
 * shorter, else as it is, and either way comes back whole, or its start
 * alone; damage is reported. */
static void check_packed(int how)
{
    static char prose[TW_PIECE_BYTES + 100], noise[300];
    for (size_t i = 0; i < sizeof prose; i++)
        prose[i] = "The kestrel hovered. "[i % 21];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (char)((x = x * 1103515245u + 12345u) >> 16);
    tw_piece_packer *z = tw_piece_packer_new();
    tw_piece_unpacker *u = tw_piece_unpacker_new();
    assert_non_null(z);
    assert_non_null(u);
    tw_buf packed = { 0 }, out = { 0 };

    assert_int_equal(tw_piece_pack(z, how, prose, sizeof prose, &packed), 0);
    assert_int_equal(packed.data[0], how);
    assert_true(packed.len < sizeof prose / 4);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof prose, sizeof prose,
                                     &out), 0);
    assert_int_equal(out.len, sizeof prose);
    assert_memory_equal(out.data, prose, sizeof prose);
    /* Its first 50 bytes, appended after what OUT holds. */
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof prose, 50, &out), 0);
    assert_int_equal(out.len, sizeof prose + 50);
    assert_memory_equal(out.data + sizeof prose, prose, 50);
    /* Damaged: a map that says otherwise, a stream cut short, a bad flag. */
    tw_buf_clear(&out);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof prose + 1,
                                     sizeof prose + 1, &out), -1);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof prose - 1,
                                     sizeof prose - 1, &out), -1);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len / 2, sizeof prose,
                                     sizeof prose, &out), -1);
    packed.data[0] = 7;
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof prose, 10, &out), -1);
    assert_int_equal(tw_piece_unpack(u, "", 0, 0, 0, &out), -1);

    /* Bytes that do not shrink are kept as they are, one flag byte more. */
    assert_int_equal(tw_piece_pack(z, how, noise, sizeof noise, &packed), 0);
    assert_int_equal(packed.data[0], TW_PIECE_AS_IS);
    assert_int_equal(packed.len, sizeof noise + 1);
    tw_buf_clear(&out);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof noise, 100, &out), 0);
    assert_int_equal(out.len, 100);
    assert_memory_equal(out.data, noise, 100);
    assert_int_equal(tw_piece_unpack(u, packed.data, packed.len, sizeof noise - 1, 10, &out),
                     -1);
    tw_buf_free(&packed);
    tw_buf_free(&out);
    tw_piece_packer_free(z);
    tw_piece_unpacker_free(u);
    tw_piece_packer_free(NULL);
    tw_piece_unpacker_free(NULL);
}

static void pieces_deflated(void **state)
{
    (void)state;
    check_packed(TW_PIECE_DEFLATED);
}

static void pieces_lz4(void **state)
{
    (void)state;
    check_packed(TW_PIECE_LZ4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates),
        cmocka_unit_test(periods),
        cmocka_unit_test(bad_dates),
        cmocka_unit_test(dates_stay_in_four_digit_years),
        cmocka_unit_test(dates_keep_their_clock),
        cmocka_unit_test(date_epoch),
        cmocka_unit_test(leading_dates),
        cmocka_unit_test(date_orders_and_placeholders),
        cmocka_unit_test(docdata_round_trip),
        cmocka_unit_test(docdata_skips_unknown_fields),
        cmocka_unit_test(docdata_seal),
        cmocka_unit_test(docdata_old_record_ends_like_a_seal),
        cmocka_unit_test(docdata_schema2_body),
        cmocka_unit_test(docdata_pieces),
        cmocka_unit_test(pieces_deflated),
        cmocka_unit_test(pieces_lz4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
