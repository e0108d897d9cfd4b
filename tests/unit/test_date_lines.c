/* Unit tests: the lines of a page that say its date when its markup gives
 * none (date_lines.h) -- a label before the date, an element whose class
 * names a date, and a list of posts whose dates are none of them the
 * page's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "formats/date_lines.h"

/* The day tw_dated_anywhere finds on the page HTML ("" when none), the
 * first ten characters of its ISO 8601 date, into DAY[11]. */
static void dated(const char *html, tw_date_order order, char day[11])
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    char iso[TW_DATE_ISO_MAX];
    const char *got = tw_dated_anywhere(xmlDocGetRootElement(doc), order, iso);
    day[0] = '\0';
    if (got) {
        memcpy(day, got, 10);
        day[10] = '\0';
    }
    xmlFreeDoc(doc);
}

/* A date after a label of words, or alone; a number in the label makes it
 * a sentence that names a day, not a date line. */
static void labelled_dates(void **state)
{
    (void)state;
    tw_date when;
    char iso[TW_DATE_ISO_MAX];
    assert_true(tw_labelled_date("Pressemitteilung vom 25. Januar 2022", TW_DATE_DMY, &when));
    tw_date_format(&when, iso);
    assert_memory_equal(iso, "2022-01-25", 10);
    assert_false(tw_labelled_date("Am 3 Tagen vor dem 25. Januar 2022", TW_DATE_DMY, &when));
    char parts[] = "Handball Schweiz \xE2\x80\xA2 02.02.2022";
    assert_true(tw_text_is_date(parts, TW_DATE_DMY, &when));
    tw_date_format(&when, iso);
    assert_memory_equal(iso, "2022-02-02", 10);
}

/* A blog theme's post date, an element of a class that names a date, in
 * German, English and Polish pages' words and numbers. */
static void a_class_that_names_a_date(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><h2>Liebe Leute</h2><div class=\"meta\"><a href=\"/2014/01/x\">"
          "<span class=\"entry-date\">13. Januar 2014</span></a> von Anna</div>"
          "<p>Der Text.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2014-01-13");
    dated("<html><body><p class=\"postDate\">Posted March 3, 2021</p><p>Text.</p>"
          "</body></html>", TW_DATE_MDY, day);
    assert_string_equal(day, "2021-03-03");
    dated("<html><body><div class=\"news\"><div class=\"date-create\">2021-05-12</div>"
          "<p>Rzecznik prasowy.</p></div></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2021-05-12");
    /* The same day shown again under the story is still the page's. */
    dated("<html><body><span class=\"date\">02.11.2021</span><p>Text.</p>"
          "<span class=\"date\">02.11.2021</span></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2021-11-02");
}

/* A list of posts, each dated in an element of one class: no day of them
 * is the page's; nor is a long sentence in such an element, nor a class
 * that names no date. */
static void listed_posts_date_nothing(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><p>Text.</p><ul><li><a href=\"/a\">Goldhochzeit</a> "
          "<span class=\"post-date\">29. September 2020</span></li><li><a href=\"/b\">Logo</a> "
          "<span class=\"post-date\">31. August 2020</span></li></ul></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "");
    dated("<html><body><p class=\"date-note\">Die Ausstellung, die am 3. Mai 2021 begann, "
          "zeigt Bilder aus vielen Jahren und Orten.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "");
    dated("<html><body><span class=\"meta\">02.11.2021</span></body></html>", TW_DATE_DMY,
          day);
    assert_string_equal(day, "");
}

/* A line labelled as the day of publishing comes before a class's date;
 * a class's date before a line labelled as the last change. */
static void labels_and_classes_in_order(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><span class=\"date\">05.11.2023</span><p>Text.</p>"
          "<footer>Erschienen am: 01.11.2023</footer></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2023-11-01");
    dated("<html><body><p>Stand 27.01.2022</p><span class=\"itemPostDate\">am 25.08.2015 "
          "22:30</span><p>Text.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2015-08-25");
    dated("<html><body><p>Stand 27.01.2022</p><p>Text.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2022-01-27");
}

/* Labels in capitals, their letters outside ASCII too: German's and
 * French's, which a page sets in capitals by its style sheet or its
 * template. */
static void labels_in_capitals(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><p>Text.</p><footer>VER\xC3\x96" "FFENTLICHT AM 01.11.2023</footer>"
          "</body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2023-11-01");
    dated("<html><body><p>Text.</p><p>Letzte \xC3\x84NDERUNG: 14.01.2022</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2022-01-14");
    dated("<html><body><p>Texte.</p><p>MIS \xC3\x80 JOUR LE 12/05/2021</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2021-05-12");
    /* A longer word that starts as a label does is no label. */
    dated("<html><body><p>Text.</p><p>Ver\xC3\xB6" "ffentlichtes 01.11.2023</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "");
}

/* "Published" in German, Dutch and Polish words, the date in the element
 * after the label's (a blog theme's "<span>Publiziert am</span> <a><span
 * class="entry-date">"); the same word inside a sentence labels nothing. */
static void published_in_other_words(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><div><span class=\"meta-prep\">Publiziert am</span> <a href=\"/x\">"
          "<span>13. Januar 2014</span></a></div><p>Text.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2014-01-13");
    dated("<html><body><p>Tekst.</p><p>Gepubliceerd op 03-03-2021</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2021-03-03");
    dated("<html><body><p>Tekst.</p><p>Opublikowano: 12.03.2021</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2021-03-12");
    dated("<html><body><p>Publizierte Texte seit 12.03.2021</p></body></html>", TW_DATE_DMY,
          day);
    assert_string_equal(day, "");
}

/* A sentence that says when the page was last changed, its date inside
 * it (a wiki's footer, in German, English, French), dates a page that
 * gives no other day; one that gave its day of publishing keeps it. */
static void last_changed_sentences(void **state)
{
    (void)state;
    char day[11];
    dated("<html><body><p>Text.</p><ul><li id=\"footer-info-lastmod\"> Diese Seite wurde "
          "zuletzt am 29. Januar 2020 um 13:22 Uhr ge\xC3\xA4ndert.</li></ul></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2020-01-29");
    dated("<html><body><p>Text.</p><p>This page was last edited on 4 November 2020, at "
          "19:23.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2020-11-04");
    dated("<html><body><p>Texte.</p><p>Derni\xC3\xA8re modification de cette page le 3 mars "
          "2021 \xC3\xA0 10:15.</p></body></html>", TW_DATE_DMY, day);
    assert_string_equal(day, "2021-03-03");
    dated("<html><body><p>Ver\xC3\xB6" "ffentlicht am 02.01.2020</p><p>Text.</p><p>Diese "
          "Seite wurde zuletzt am 29. Januar 2020 ge\xC3\xA4ndert.</p></body></html>",
          TW_DATE_DMY, day);
    assert_string_equal(day, "2020-01-02");
    /* A number that is no date in such a sentence dates nothing. */
    dated("<html><body><p>Zuletzt 3 von 12 Spielen gewonnen.</p></body></html>", TW_DATE_DMY,
          day);
    assert_string_equal(day, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labelled_dates),
        cmocka_unit_test(a_class_that_names_a_date),
        cmocka_unit_test(listed_posts_date_nothing),
        cmocka_unit_test(labels_and_classes_in_order),
        cmocka_unit_test(labels_in_capitals),
        cmocka_unit_test(published_in_other_words),
        cmocka_unit_test(last_changed_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
