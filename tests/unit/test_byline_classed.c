/* Unit tests: the byline a page sets anywhere in an element whose class
 * names an author (tw_classed_byline, byline_shown.h), and the lists of
 * posts or comments whose elements of one class name many writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "formats/byline_shown.h"

/* The name tw_classed_byline finds on the page HTML, "" when none, into
 * NAME[SIZE]. */
static void classed(const char *html, char *name, size_t size)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    tw_buf out = { 0 };
    bool found = tw_classed_byline(xmlDocGetRootElement(doc), &out);
    assert_int_equal(found, out.len > 0);
    snprintf(name, size, "%s", out.len ? out.data : "");
    tw_buf_free(&out);
    xmlFreeDoc(doc);
}

/* English, French and German classes, with the words around the name. */
static void a_class_that_names_an_author(void **state)
{
    (void)state;
    char name[128];
    classed("<html><body><p>The review.</p><span class=\"author\"><a href=\"/user,30\">"
            "Lars</a></span></body></html>", name, sizeof name);
    assert_string_equal(name, "Lars");
    classed("<html><body><p>Le texte.</p><div class=\"dates_auteurs\">par <span "
            "class=\"auteurs\">Didier Roy</span>, 21 juin 2018</div></body></html>",
            name, sizeof name);
    assert_string_equal(name, "Didier Roy");
    classed("<html><body><p>Der Text.</p><div class=\"beitrag-autor\">Von Ursula Eggers"
            "</div></body></html>", name, sizeof name);
    assert_string_equal(name, "Ursula Eggers");
}

/* A list whose entries of one class name different writers names none of
 * them the page's; the same name twice (a byline above and below the
 * story) is still the page's. */
static void lists_name_no_one(void **state)
{
    (void)state;
    char name[128];
    classed("<html><body><p>Text.</p><ul><li><a href=\"/a\">One post</a><span "
            "class=\"post-author\">Ann Lee</span></li><li><a href=\"/b\">Another</a><span "
            "class=\"post-author\">Bo Chan</span></li></ul></body></html>", name, sizeof name);
    assert_string_equal(name, "");
    classed("<html><body><div class=\"kontextliste-autor\">Nachricht</div><div "
            "class=\"kontextliste-autor\">Im Wortlaut von Katja Kipping</div></body></html>",
            name, sizeof name);
    assert_string_equal(name, "");
    classed("<html><body><span class=\"author\">Ann Lee</span><p>Text.</p>"
            "<span class=\"author\">Ann Lee</span></body></html>", name, sizeof name);
    assert_string_equal(name, "Ann Lee");
}

/* A picture's credit, a long box about the writer, and words that read as
 * no name give none. */
static void no_name(void **state)
{
    (void)state;
    char name[128];
    classed("<html><body><span class=\"photo-author\">\xC2\xA9 Kathrin F\xC3\xBChres</span>"
            "</body></html>", name, sizeof name);
    assert_string_equal(name, "");
    classed("<html><body><div class=\"author-bio\">Ann Lee has written about harbours, "
            "ferries and the people who work on them for twenty years.</div></body></html>",
            name, sizeof name);
    assert_string_equal(name, "");
    classed("<html><body><span class=\"author\">posted in news</span></body></html>",
            name, sizeof name);
    assert_string_equal(name, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_class_that_names_an_author),
        cmocka_unit_test(lists_name_no_one),
        cmocka_unit_test(no_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
