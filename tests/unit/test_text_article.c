/* Unit tests: header lines, title and body of plain-text articles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "formats/text_article.h"

static void assert_slice(tw_slice s, const char *want)
{
    if (!want) {
        assert_null(s.ptr);
        return;
    }
    assert_non_null(s.ptr);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
}

static tw_text_parts split(const char *text)
{
    tw_text_parts p;
    tw_text_split(text, strlen(text), &p);
    return p;
}

static void title_is_first_nonempty_line(void **state)
{
    (void)state;
    tw_text_parts p = split("\n\n  Storm hits coast  \n\nWinds of 100 km/h.\nMore text.\n");
    assert_slice(p.title, "Storm hits coast");
    assert_slice(p.body, "Winds of 100 km/h.\nMore text.");
    assert_slice(p.date, NULL);
}

static void decoration_and_comment_lines_are_not_titles(void **state)
{
    (void)state;
    tw_text_parts p = split("==========\nScheduler tuning\n==========\n\nThe body.\n");
    assert_slice(p.title, "Scheduler tuning");
    assert_slice(p.body, "==========\n\nThe body.");
    p = split("* * *\n\n---\nA story\nText.\n");
    assert_slice(p.title, "A story");
    assert_slice(p.body, "Text.");
    p = split("=====\n-----\n");
    assert_slice(p.title, NULL);
    p = split(".. SPDX-License-Identifier: GPL-2.0\n\n=====\nCPU idle\n=====\n");
    assert_slice(p.title, "CPU idle");
    p = split("# SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)\n# Device tree\n");
    assert_slice(p.title, "# Device tree");
}

/* A saved page's breadcrumb trail above the headline is neither title nor
 * body; a headline that compares with ">" stays one. */
static void breadcrumb_trail_is_not_the_title(void **state)
{
    (void)state;
    tw_text_parts p = split("Home > News > Business\n\nMill sale approved\n\nThe board agreed.\n");
    assert_slice(p.title, "Mill sale approved");
    assert_slice(p.body, "The board agreed.");
    p = split("Startseite \xc2\xbb Politik\nWahl verschoben\n\nDer Rat stimmte zu.\n");
    assert_slice(p.title, "Wahl verschoben");
    p = split("Exports > imports for the first time since 1990\n\nThe surplus grew.\n");
    assert_slice(p.title, "Exports > imports for the first time since 1990");
    p = split("<ACME MARKETING INC > SETS CONTRACT\n\nAcme said it signed.\n");
    assert_slice(p.title, "<ACME MARKETING INC > SETS CONTRACT");
}

/* A text's byline is split where a page's byline element is
 * (byline_parts.h): a bullet, a "»" and a middle dot part it as a bar does;
 * the middle dot of Catalan's "l·l" is part of the name. */
static void byline_parts_as_pages_split_them(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "Mill sale approved\n\nBy Dana Whitcomb \xE2\x80\xA2 March 3, 2021\n\nText.\n",
        "Mill sale approved\n\nBy Dana Whitcomb \xC2\xBB March 3, 2021\n\nText.\n",
        "Mill sale approved\n\nBy Dana Whitcomb\xC2\xB7March 3, 2021\n\nText.\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        tw_text_parts p = split(lines[i]);
        assert_slice(p.author, "Dana Whitcomb");
        assert_slice(p.date, "March 3, 2021");
        assert_slice(p.body, "Text.");
    }
    tw_text_parts p = split("Mill sale approved\n\nBy Marcel\xC2\xB7l\xC3\xAD Rosell | "
                            "March 3, 2021\n\nText.\n");
    assert_slice(p.author, "Marcel\xC2\xB7l\xC3\xAD Rosell");
    assert_slice(p.date, "March 3, 2021");
}

/* The byline or dateline under a saved page's title gives the author and
 * the date, and is not the body's first line; a sentence that starts with
 * "By" and a date inside prose are the body's. */
static void byline_under_title_gives_author_and_date(void **state)
{
    (void)state;
    tw_text_parts p = split("Mill sale approved\n\nBy Dana Whitcomb | 26-MAR-1987\n\n"
                            "The board agreed.\n");
    assert_slice(p.author, "Dana Whitcomb");
    assert_slice(p.date, "26-MAR-1987");
    assert_slice(p.body, "The board agreed.");
    p = split("Mill sale approved\n\nThe Evening Courier - March 3, 2021\n\nThe board agreed.\n");
    assert_slice(p.author, NULL);
    assert_slice(p.date, "March 3, 2021");
    assert_slice(p.body, "The board agreed.");
    p = split("Date: 2021-03-04\n\nMill sale approved\nPublished: March 3, 2021\n\nText.\n");
    assert_slice(p.date, "2021-03-04");
    assert_slice(p.body, "Text.");
    p = split("Mill sale approved\n\nBy Monday the board had agreed to sell the mill for a "
              "song.\n\nText.\n");
    assert_slice(p.author, NULL);
    assert_slice(p.body, "By Monday the board had agreed to sell the mill for a song.\n\nText.");
    p = split("Mill sale approved\n\nMarch 3, 2021\nwas the day the board agreed.\n");
    assert_slice(p.date, NULL);
    assert_slice(p.body, "March 3, 2021\nwas the day the board agreed.");
}

static void repeated_title_is_dropped(void **state)
{
    (void)state;
    tw_text_parts p = split("Big News Today\n\nBig News Today\n\nThe body.\n");
    assert_slice(p.title, "Big News Today");
    assert_slice(p.body, "The body.");
}

static void title_repeated_later_is_kept(void **state)
{
    (void)state;
    /* Only the next non-empty line is a scraped copy; later repeats are text. */
    tw_text_parts p = split("Title\nFirst line.\nTitle\n");
    assert_slice(p.title, "Title");
    assert_slice(p.body, "First line.\nTitle");
}

static void header_lines_are_read(void **state)
{
    (void)state;
    tw_text_parts p = split("Date: 2021-07-30\nURL: https://ledger.example/x\n"
                            "author:  Dana Whitcomb \nSite: The Ledger\n\n"
                            "Headline\nHeadline\nBody text.\n");
    assert_slice(p.date, "2021-07-30");
    assert_slice(p.url, "https://ledger.example/x");
    assert_slice(p.author, "Dana Whitcomb");
    assert_slice(p.site, "The Ledger");
    assert_slice(p.title, "Headline");
    assert_slice(p.body, "Body text.");
}

static void header_like_text_later_is_body(void **state)
{
    (void)state;
    tw_text_parts p = split("Headline\n\nDate: in the body is just text.\n");
    assert_slice(p.title, "Headline");
    assert_slice(p.date, NULL);
    assert_slice(p.body, "Date: in the body is just text.");
}

static void unknown_key_ends_headers(void **state)
{
    (void)state;
    /* "Note:" is not a header we know, so it is the title line. */
    tw_text_parts p = split("Note: prices rise\nBody.\n");
    assert_slice(p.title, "Note: prices rise");
    assert_slice(p.body, "Body.");
}

static void title_header_overrides_first_line(void **state)
{
    (void)state;
    tw_text_parts p = split("Title: Given title\n\nGiven title\nFirst paragraph.\n");
    assert_slice(p.title, "Given title");
    assert_slice(p.body, "First paragraph.");
}

static void crlf_text(void **state)
{
    (void)state;
    tw_text_parts p = split("Date: 2020-01-02\r\n\r\nTitle here\r\nTitle here\r\nBody\r\n");
    assert_slice(p.date, "2020-01-02");
    assert_slice(p.title, "Title here");
    assert_slice(p.body, "Body");
}

static void lone_cr_text(void **state)
{
    (void)state;
    tw_text_parts p = split("Date: 2020-01-02\rSite: The Ledger\r\r"
                            "Title here\rTitle here\rBody\rmore\r");
    assert_slice(p.date, "2020-01-02");
    assert_slice(p.site, "The Ledger");
    assert_slice(p.title, "Title here");
    assert_slice(p.body, "Body\rmore");
}

static void long_first_line_stays_in_body(void **state)
{
    (void)state;
    char text[1200];
    memset(text, 0, sizeof text);
    for (int i = 0; i < 100; i++)
        strcat(text, "wordy ");
    strcat(text, "end\n");
    tw_text_parts p = split(text);
    assert_true(p.title.len <= TW_TITLE_MAX);
    assert_true(p.title.len > TW_TITLE_MAX / 2);
    assert_memory_equal(p.title.ptr, "wordy wordy", 11);
    /* Nothing is lost: the whole line is body text. */
    assert_int_equal(p.body.len, strlen(text) - 1);
}

static void empty_and_blank_text(void **state)
{
    (void)state;
    tw_text_parts p = split("");
    assert_slice(p.title, NULL);
    assert_int_equal(p.body.len, 0);
    p = split("\n  \n\t\n");
    assert_slice(p.title, NULL);
    assert_int_equal(p.body.len, 0);
    p = split("Only a title");
    assert_slice(p.title, "Only a title");
    assert_int_equal(p.body.len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_is_first_nonempty_line),
        cmocka_unit_test(decoration_and_comment_lines_are_not_titles),
        cmocka_unit_test(breadcrumb_trail_is_not_the_title),
        cmocka_unit_test(byline_under_title_gives_author_and_date),
        cmocka_unit_test(byline_parts_as_pages_split_them),
        cmocka_unit_test(repeated_title_is_dropped),
        cmocka_unit_test(title_repeated_later_is_kept),
        cmocka_unit_test(header_lines_are_read),
        cmocka_unit_test(header_like_text_later_is_body),
        cmocka_unit_test(unknown_key_ends_headers),
        cmocka_unit_test(title_header_overrides_first_line),
        cmocka_unit_test(crlf_text),
        cmocka_unit_test(lone_cr_text),
        cmocka_unit_test(long_first_line_stays_in_body),
        cmocka_unit_test(empty_and_blank_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
