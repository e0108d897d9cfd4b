/* Unit tests: what the article finder reads from an element's names when
 * it reads them the quick way (html_content.c): a name without a comment
 * word is let go before it is read whole, and a name read once is
 * remembered for the page's other elements -- both must answer as reading
 * every name whole does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "buf.h"
#include "formats/html_content.h"
#include "formats/html_tree.h"

static htmlDocPtr parse(const char *html)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    return doc;
}

/* The element of id "x" in DOC. */
static xmlNodePtr element_x(htmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        xmlChar *id = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, (const xmlChar *)"id") : NULL;
        bool found = id && !strcmp((const char *)id, "x");
        xmlFree(id);
        if (found)
            return n;
    }
    fail_msg("no element of id x");
    return NULL;
}

/* Whether the element of id "x" below a block of class CLASSES (and id
 * BLOCK_ID) is in the comments. */
static bool in_comments(const char *classes, const char *block_id)
{
    char html[512];
    snprintf(html, sizeof html,
             "<html><body><div class=\"%s\" id=\"%s\"><p><span id=\"x\">A reader's word.</span>"
             "</p></div></body></html>", classes, block_id);
    htmlDocPtr doc = parse(html);
    bool in = tw_html_in_comments(element_x(doc));
    xmlFreeDoc(doc);
    return in;
}

/* A comment word anywhere in a name, in any case, at any token's edge or
 * inside one, in the class or the id; "commentary" is an opinion piece;
 * a label ("has-comments") and names without such a word say nothing. */
static void comment_sections_by_their_names(void **state)
{
    (void)state;
    assert_true(in_comments("comments", "main"));
    assert_true(in_comments("wrap User-COMMENTS-list", "main"));
    assert_true(in_comments("col", "disqus_thread"));
    assert_true(in_comments("x\tcommunityBox", "y"));
    assert_true(in_comments("story-Replies", ""));
    assert_true(in_comments("layout-grid-column-wrapper-with-a-very-long-name remarks", ""));
    assert_false(in_comments("commentary", "opinion"));
    assert_false(in_comments("has-comments", "main"));
    assert_false(in_comments("article-body", "story"));
    assert_false(in_comments("comme nt", "rem ark"));
}

/* A page whose elements carry more distinct class names than the finder
 * remembers, so that names share its places: the story is still found
 * by its names, and the block named as related stories beside it is
 * still left out. */
static void names_past_the_memo(void **state)
{
    (void)state;
    tw_buf html = { 0 };
    assert_int_equal(tw_buf_puts(&html, "<html><body><div class=\"page\">"), 0);
    /* 700 empty boxes of names of their own ("box-0" ... "box-699"), each
     * named twice, as pages name their layout. */
    for (int i = 0; i < 700; i++) {
        char box[96];
        snprintf(box, sizeof box, "<div class=\"box-%d wide\"><span class=\"box-%d\"></span></div>",
                 i, i);
        assert_int_equal(tw_buf_puts(&html, box), 0);
    }
    assert_int_equal(tw_buf_puts(&html, "<div class=\"related-stories\">"), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(tw_buf_puts(&html, "<p>Another story, told elsewhere, of a ferry that "
                                            "ran aground in the fog, and of the pilots who "
                                            "warned of it.</p>"), 0);
    assert_int_equal(tw_buf_puts(&html, "</div><div class=\"article-body\">"
                                        "<p>The harbour board voted on Tuesday to dredge the "
                                        "eastern channel, which has silted up faster than any "
                                        "survey predicted.</p><p>Work starts in May, the board "
                                        "said, and should take eleven weeks.</p><p>Pilots had "
                                        "warned for two winters that the largest ferries could "
                                        "no longer turn at low tide, and one grounded in March."
                                        "</p></div>"
                                        "</div></body></html>"), 0);
    htmlDocPtr doc = parse(html.data);
    tw_buf out = { 0 };
    assert_int_equal(tw_html_article_text(xmlDocGetRootElement(doc), NULL, &out), 0);
    assert_non_null(out.data);
    assert_non_null(strstr(out.data, "dredge the eastern channel"));
    assert_null(strstr(out.data, "Another story"));
    tw_buf_free(&out);
    tw_buf_free(&html);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comment_sections_by_their_names),
        cmocka_unit_test(names_past_the_memo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
