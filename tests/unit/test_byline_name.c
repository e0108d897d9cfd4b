/* Unit tests: the author's name in a page's byline element (byline_name.h),
 * its parts split as a text's byline is (byline_parts.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "formats/byline_name.h"
#include "formats/byline_parts.h"

static void assert_name(const char *byline, const char *want)
{
    tw_buf out = { 0 };
    tw_byline_name(byline, &out);
    assert_false(out.failed);
    assert_string_equal(out.len ? out.data : "", want);
    tw_buf_free(&out);
}

/* The parts of a line of post data: the one after a word for "by", else
 * the first that is a name; at any of the separators. */
static void name_is_the_part_after_by(void **state)
{
    (void)state;
    assert_name("Dezember 10, 2019 \xC2\xB7 von freeman1984 \xC2\xB7 in Uncategorized",
                "freeman1984");
    assert_name("2:54pm \xE2\x80\xA2 Dana Whitcomb", "Dana Whitcomb");
    assert_name("News \xC2\xBB By Dana Whitcomb", "Dana Whitcomb");
    assert_name("By Dana Whitcomb | Staff Writer", "Dana Whitcomb");
    assert_name("Dana Whitcomb \xE2\x80\x93 March 3, 2021", "Dana Whitcomb");
    assert_name("Anne-Marie Dupont", "Anne-Marie Dupont");
    assert_name("Lee Parker, March 5, 2021", "Lee Parker");
    /* A date with a time and a link's words after it goes with them. */
    assert_name("Emily Burack 8 January 2020, 3:51 pm 11 Edit", "Emily Burack");
    assert_name("Dana Whitcomb 2 comments", "Dana Whitcomb 2 comments");
}

/* A label before the word for "by" goes with it: a verb, a date, "show all
 * posts".  A name may hold "von" or "de" itself: a part of capitalised
 * words keeps it. */
static void label_before_by(void **state)
{
    (void)state;
    assert_name("Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil");
    assert_name("Posted by Nathan Parker, Varun Khaneja and Kiran C Nair",
                "Nathan Parker, Varun Khaneja and Kiran C Nair");
    assert_name("erstellt von Dominique", "Dominique");
    /* a date and a time before the word for "by": still the name after it;
     * a count alone names no one */
    assert_name("06.11.2023 13:30 von Olga", "Olga");
    assert_name("3 Kommentare", "");
    assert_name("Zeige alle Beitr\xC3\xA4ge von Petra Ruland", "Petra Ruland");
    assert_name("Ver\xC3\xB6""ffentlicht am 8. Februar 2022 von PETA-Team", "PETA-Team");
    assert_name("Moritz von Uslar", "Moritz von Uslar");
    assert_name("Ursula von der Leyen", "Ursula von der Leyen");
    assert_name("Anne de Bourbon", "Anne de Bourbon");
    assert_name("Posted by", "Posted by");
}

/* A writer's profile names their social media handles after the name
 * ("Williams Perdomo @wperdomod"): they go, all of them, when nothing but
 * handles follows; an '@' with words after it, or a name that is only a
 * handle, stays. */
static void handles_after_the_name_go(void **state)
{
    (void)state;
    assert_name("Williams Perdomo @wperdomod", "Williams Perdomo");
    assert_name("Por Ana Lucía Ruiz @analuciaruiz @ana_radio", "Ana Lucía Ruiz");
    assert_name("Dana Whitcomb @dana, March 3, 2021", "Dana Whitcomb");
    assert_name("Dana Whitcomb @ Harbour Times", "Dana Whitcomb @ Harbour Times");
    assert_name("@wperdomod", "@wperdomod");
}

/* Catalan writes a middle dot between two l's ("Marcel·lí"): there it is
 * part of the name, elsewhere it parts the line. */
static void catalan_middle_dot_is_no_separator(void **state)
{
    (void)state;
    assert_name("Marcel\xC2\xB7l\xC3\xAD Rosell | March 3, 2021", "Marcel\xC2\xB7l\xC3\xAD Rosell");
    assert_name("Dana Whitcomb\xC2\xB7" "March 3, 2021", "Dana Whitcomb");
    const char *line = "Pol\xC2\xB7la Mas\xC2\xB7" "Barcelona";
    size_t len;
    const char *at = tw_byline_separator(line, line + strlen(line), &len);
    assert_int_equal(at - line, strlen("Pol\xC2\xB7la Mas"));
    assert_int_equal(len, 2);
}

/* A part runs to the end when no separator follows; the first separator
 * wins whichever of them it is. */
static void separator_is_the_first_one(void **state)
{
    (void)state;
    const char *line = "By Dana - Staff | March";
    size_t len;
    const char *at = tw_byline_separator(line, line + strlen(line), &len);
    assert_int_equal(at - line, strlen("By Dana"));
    assert_int_equal(len, 3);
    at = tw_byline_separator(at + len, line + strlen(line), &len);
    assert_int_equal(at - line, strlen("By Dana - Staff "));
    assert_int_equal(len, 1);
    at = tw_byline_separator(at + len, line + strlen(line), &len);
    assert_ptr_equal(at, line + strlen(line));
    assert_int_equal(len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(name_is_the_part_after_by),
        cmocka_unit_test(label_before_by),
        cmocka_unit_test(handles_after_the_name_go),
        cmocka_unit_test(catalan_middle_dot_is_no_separator),
        cmocka_unit_test(separator_is_the_first_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
