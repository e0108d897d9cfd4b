/* Unit tests: the class names of an element, as html_tree.h walks them for
 * the extractor's bylines and the article finder's hints; the classes that
 * hold a word; the kinds of elements. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "formats/html_tree.h"

/* The names of CLASSES joined by '/', into OUT. */
static void names(const char *classes, char *out, size_t size)
{
    size_t len, used = 0;
    out[0] = '\0';
    for (const char *at = classes, *name; (name = tw_html_class_next(&at, &len));) {
        assert_true(used + len + 2 < size);
        if (used)
            out[used++] = '/';
        memcpy(out + used, name, len);
        used += len;
        out[used] = '\0';
    }
}

/* Names are parted by any of HTML's white space, runs of it, at either end
 * too; a vertical tab is no white space to HTML, so it stays in a name. */
static void class_names_are_parted_by_html_space(void **state)
{
    (void)state;
    char got[128];
    names("author vcard", got, sizeof got);
    assert_string_equal(got, "author/vcard");
    names("  url\tfn\nn\r\fentry-title  ", got, sizeof got);
    assert_string_equal(got, "url/fn/n/entry-title");
    names("a\vb c", got, sizeof got);
    assert_string_equal(got, "a\vb/c");
}

/* No class attribute, an empty one, one of spaces: no name. */
static void no_names(void **state)
{
    (void)state;
    size_t len = 99;
    const char *at = NULL;
    assert_null(tw_html_class_next(&at, &len));
    at = "";
    assert_null(tw_html_class_next(&at, &len));
    at = " \t\n ";
    assert_null(tw_html_class_next(&at, &len));
    assert_null(tw_html_class_next(&at, &len));
}

/* The class of the first <p> of HTML when it holds one of WORDS ("" when
 * none), into OUT. */
static void class_with(const char *html, const char *const *words, char *out, size_t size)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n && !tw_html_is(n, "p"))
        n = tw_html_next(n, NULL, false);
    assert_non_null(n);
    xmlChar *class = tw_html_class_with(n, words);
    assert_true(!class || strlen((const char *)class) < size);
    strcpy(out, class ? (const char *)class : "");
    xmlFree(class);
    xmlFreeDoc(doc);
}

/* A word anywhere in the value, in any case, at its end too; the second of
 * two words that start alike where the first fails ("aut" of "author",
 * then "autor"); a value that holds only the start of a word, none. */
static void a_class_that_holds_a_word(void **state)
{
    (void)state;
    static const char *const authors[] = { "author", "autor", "auteur", NULL };
    static const char *const dates[] = { "date", NULL };
    char got[128];
    class_with("<p class=\"meta Post-AUTHOR\">x</p>", authors, got, sizeof got);
    assert_string_equal(got, "meta Post-AUTHOR");
    class_with("<p class=\"kontextliste-autor\">x</p>", authors, got, sizeof got);
    assert_string_equal(got, "kontextliste-autor");
    class_with("<p class=\"Auteurs\">x</p>", authors, got, sizeof got);
    assert_string_equal(got, "Auteurs");
    class_with("<p class=\"itemPostDate\">x</p>", dates, got, sizeof got);
    assert_string_equal(got, "itemPostDate");
    class_with("<p class=\"authentic auto aut\">x</p>", authors, got, sizeof got);
    assert_string_equal(got, "");
    class_with("<p class=\"dat\">x</p>", dates, got, sizeof got);
    assert_string_equal(got, "");
    class_with("<p id=\"author\">x</p>", authors, got, sizeof got);
    assert_string_equal(got, "");
    /* More words than the first letters' set holds: the last is found too. */
    static const char *const many[] = { "q1", "q2", "q3", "q4", "q5", "q6", "q7",
                                        "q8", "byline", NULL };
    class_with("<p class=\"story-Byline\">x</p>", many, got, sizeof got);
    assert_string_equal(got, "story-Byline");
}

/* Elements by their names, the first and last of the table and names that
 * share first letters with its entries; an element it does not hold. */
static void kinds_of_elements(void **state)
{
    (void)state;
    const char *html = "<html><body><a>x</a><div><span>y</span><video></video>"
                       "<h6>z</h6><dd>w</dd><details>v</details></div></body></html>";
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    unsigned a = 0, span = 99, video = 0, h6 = 0, dd = 0, details = 0;
    for (xmlNodePtr n = xmlDocGetRootElement(doc); n; n = tw_html_next(n, NULL, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        unsigned *kind = !strcmp(name, "a") ? &a : !strcmp(name, "span") ? &span
                       : !strcmp(name, "video") ? &video : !strcmp(name, "h6") ? &h6
                       : !strcmp(name, "dd") ? &dd : !strcmp(name, "details") ? &details
                       : NULL;
        if (kind)
            *kind = tw_html_tag(n);
    }
    xmlFreeDoc(doc);
    assert_int_equal(a, TW_TAG_LINK);
    assert_int_equal(span, 0);
    assert_int_equal(video, TW_TAG_NEVER);
    assert_int_equal(h6, TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE);
    assert_int_equal(dd, TW_TAG_BLOCK | TW_TAG_PARA | TW_TAG_LINE);
    assert_int_equal(details, TW_TAG_BLOCK);
}

/* An element's name is matched in any case, whatever its first letter:
 * the quick test of the first letters lets no match go. */
static void element_names_in_any_case(void **state)
{
    (void)state;
    xmlNodePtr meta = xmlNewNode(NULL, (const xmlChar *)"Meta");
    assert_true(tw_html_is(meta, "meta"));
    assert_true(tw_html_is(meta, "mETA"));
    assert_false(tw_html_is(meta, "met"));
    assert_false(tw_html_is(meta, "metas"));
    assert_false(tw_html_is(meta, "beta"));
    assert_false(tw_html_is(meta, "Meta_"));
    xmlNodePtr odd = xmlNewNode(NULL, (const xmlChar *)"[x");
    assert_true(tw_html_is(odd, "[X"));
    assert_false(tw_html_is(odd, "{x"));
    xmlFreeNode(meta);
    xmlFreeNode(odd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(class_names_are_parted_by_html_space),
        cmocka_unit_test(no_names),
        cmocka_unit_test(a_class_that_holds_a_word),
        cmocka_unit_test(kinds_of_elements),
        cmocka_unit_test(element_names_in_any_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
