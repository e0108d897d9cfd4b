/* Unit tests: the byline a page sets anywhere in an element whose class
 * names an author (tw_classed_byline, byline_shown.h), and the lists of
 * posts or comments whose elements of one class name many writers; the
 * byline under a heading that says "author" (tw_headed_byline). */
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

/* The name tw_headed_byline finds on the page HTML, "" when none, into
 * NAME[SIZE]. */
static void headed(const char *html, char *name, size_t size)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    tw_buf out = { 0 };
    bool found = tw_headed_byline(xmlDocGetRootElement(doc), &out);
    assert_int_equal(found, out.len > 0);
    snprintf(name, size, "%s", out.len ? out.data : "");
    tw_buf_free(&out);
    xmlFreeDoc(doc);
}

/* A heading, a term, a header cell that says "author" in German, English,
 * French, and the name in the element after it; not a list of names under
 * it, nor a picture's credit, nor a heading that says more. */
static void a_heading_that_says_author(void **state)
{
    (void)state;
    char name[128];
    headed("<html><body><section><h4>Autor</h4><p><a href=\"/profil/nh\">Nikolai Huke</a>"
           "<b>, </b></p></section><p>Der Text.</p></body></html>", name, sizeof name);
    assert_string_equal(name, "Nikolai Huke");
    headed("<html><body><p>The text.</p><dl><dt>Author:</dt><dd>Dana Whitcomb</dd>"
           "<dt>Date:</dt><dd>3 March 2021</dd></dl></body></html>", name, sizeof name);
    assert_string_equal(name, "Dana Whitcomb");
    headed("<html><body><p>Le texte.</p><table><tr><th>Auteur</th><td>Didier Roy</td></tr>"
           "</table></body></html>", name, sizeof name);
    assert_string_equal(name, "Didier Roy");
    headed("<html><body><p>Text.</p><h2>Autor</h2><div><a href=\"/l/a\">Akira Arenth</a> "
           "<a href=\"/l/b\">Dana Whitcomb</a></div></body></html>", name, sizeof name);
    assert_string_equal(name, "");
    headed("<html><body><p>Text.</p><h3>Autor</h3><p>\xC2\xA9 Dana Whitcomb</p></body></html>",
           name, sizeof name);
    assert_string_equal(name, "");
    headed("<html><body><p>Text.</p><h3>Mehr vom Autor</h3><p>Dana Whitcomb</p></body></html>",
           name, sizeof name);
    assert_string_equal(name, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_class_that_names_an_author),
        cmocka_unit_test(lists_name_no_one),
        cmocka_unit_test(no_name),
        cmocka_unit_test(a_heading_that_says_author),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
