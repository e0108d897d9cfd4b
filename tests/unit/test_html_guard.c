/* Unit tests: the HTML guard leaves out attributes past the limit, the end
 * tags of the body and the page, CDATA markers and the '/' of "<script/>",
 * and nothing else, whatever pieces the page comes in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "formats/html_guard.h"

/* Runs the guard over IN in pieces of STEP bytes; returns what it passed on. */
static char *guard(const char *in, size_t step, uint64_t *dropped)
{
    size_t len = strlen(in);
    char *out = malloc(len + TW_HTML_GUARD_HELD + 1);
    tw_html_guard g = TW_HTML_GUARD_INIT;
    size_t o = 0;
    for (size_t i = 0; i < len; i += step)
        o += tw_html_guard_run(&g, in + i, len - i < step ? len - i : step, out + o);
    o += tw_html_guard_end(&g, out + o);
    out[o] = '\0';
    if (dropped)
        *dropped = g.dropped;
    return out;
}

/* A tag with N attributes: <div a0="0" a1="1" ...>text</div>. */
static char *tag_with(unsigned n)
{
    tw_buf b = { 0 };
    tw_buf_puts(&b, "<p>before</p><div");
    for (unsigned i = 0; i < n; i++)
        tw_buf_printf(&b, i % 2 ? " a%u=\"v>%u\"" : " a%u=%u", i, i);
    tw_buf_puts(&b, ">text</div><p>after</p>");
    return tw_buf_steal(&b);
}

static void pages_within_the_limit_pass_unchanged(void **state)
{
    (void)state;
    const char *pages[] = {
        "<!DOCTYPE html><html lang=en><head><title>A &amp; B</title></head>"
        "<body class='x' data-a=\"1\"><p>One < two, 3 > 2</p><br/><img src=x alt></p></div>",
        "<script>if (a<b && c>d) { s = \"</div>\" + '<p a b c>'; }</script><p>ok</p>",
        "<!-- a <div x y z> comment --><style>p > a { color: red }</style><?php echo 1 ?>",
        "text only, no tags at all",
        "</bodyx></htm></B></h></ hmm <\\/html> ends on a lone <",
        "and on an end tag's start </Bod",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        for (size_t step = 1; step <= 64; step *= 4) {
            uint64_t dropped;
            char *out = guard(pages[i], step, &dropped);
            assert_string_equal(out, pages[i]);
            assert_int_equal(dropped, 0);
            free(out);
        }
    char *full = tag_with(TW_HTML_MAX_ATTRS);
    char *out = guard(full, 7, NULL);
    assert_string_equal(out, full);
    free(out);
    free(full);
}

static void attributes_past_the_limit_are_left_out(void **state)
{
    (void)state;
    char *over = tag_with(TW_HTML_MAX_ATTRS + 1000);
    char *limit = tag_with(TW_HTML_MAX_ATTRS);
    for (size_t step = 3; step <= 4096; step *= 8) {
        uint64_t dropped;
        char *out = guard(over, step, &dropped);
        assert_int_equal(dropped, 1000);
        /* The first attributes, the text and what follows are all there; the
         * dropped ones leave only the spaces between them. */
        char *squeezed = out;
        size_t j = 0;
        for (size_t i = 0; out[i]; i++)
            if (!(out[i] == ' ' && (out[i + 1] == ' ' || out[i + 1] == '>')))
                squeezed[j++] = out[i];
        squeezed[j] = '\0';
        assert_string_equal(squeezed, limit);
        free(out);
    }
    free(over);
    free(limit);
}

static void script_text_is_not_counted(void **state)
{
    (void)state;
    /* 2,000 words after a '<' inside a script: not a tag, nothing dropped. */
    tw_buf b = { 0 };
    tw_buf_puts(&b, "<SCRIPT type=x>if (i <n");
    for (int i = 0; i < 2000; i++)
        tw_buf_printf(&b, " w%d", i);
    tw_buf_puts(&b, "</Script ><p>after</p>");
    uint64_t dropped;
    char *out = guard(b.data, 5, &dropped);
    assert_string_equal(out, b.data);
    assert_int_equal(dropped, 0);
    free(out);
    tw_buf_free(&b);
}

/* <noscript> holds markup (Blogger pages keep the whole post there), guarded
 * like the rest: its text passes, attributes past the limit do not. */
static void noscript_is_markup_like_the_rest(void **state)
{
    (void)state;
    tw_buf page = { 0 }, want = { 0 };
    tw_buf_puts(&page, "<body><noscript><p>the post</p><img");
    tw_buf_puts(&want, "<body><noscript><p>the post</p><img");
    for (unsigned i = 0; i < TW_HTML_MAX_ATTRS + 3; i++) {
        tw_buf_printf(&page, " a%u=1", i);
        if (i < TW_HTML_MAX_ATTRS)
            tw_buf_printf(&want, " a%u=1", i);
    }
    tw_buf_puts(&page, "></noscript><div>story</div></section>");
    tw_buf_puts(&want, " ></noscript><div>story</div></section>");
    for (size_t step = 1; step <= 64; step *= 2) {
        uint64_t dropped;
        char *out = guard(page.data, step, &dropped);
        assert_string_equal(out, want.data);
        assert_int_equal(dropped, 3);
        free(out);
    }
    tw_buf_free(&page);
    tw_buf_free(&want);
}

/* PAGE guarded, fed in pieces of 1, 2, 4 ... 64 bytes, is WANT each time. */
static void assert_guarded(const char *page, const char *want)
{
    for (size_t step = 1; step <= 64; step *= 2) {
        char *out = guard(page, step, NULL);
        assert_string_equal(out, want);
        free(out);
    }
}

/* </body> and </html> go: libxml2 ended the page at the first </html>, and
 * an ad's or a template's may come in the middle of the article. */
static void end_tags_of_body_and_page_are_left_out(void **state)
{
    (void)state;
    const char *page = "<html><body><div><p>one</p></BODY></html ></html/><p>two</p>"
                       "<script>s = '</html>';</script></body>\n</html>";
    const char *want = "<html><body><div><p>one</p><p>two</p>"
                       "<script>s = '</html>';</script>\n";
    assert_guarded(page, want);
}

/* A CDATA section in an HTML page (XHTML's, or a feed's text pasted in) is
 * no section to libxml2, which kept "<![CDATA[" and "]]>" as text of the
 * article: the markers go, what they wrap stays; anything else that starts
 * "<!" or holds ']' passes as it came, and a script's markers are its own. */
static void cdata_markers_are_left_out(void **state)
{
    (void)state;
    const char *page = "<p>one <![CDATA[two <b>x</b> a]b ]] c]]]> three]]></p><![CDATA[]]>"
                       "<!DOCTYPE html><![if !IE]><!-- c --><![CDAT]> <![CDATA[open"
                       "<script>//<![CDATA[\nx = a[b[0]];//]]></script>";
    const char *want = "<p>one two <b>x</b> a]b ]] c] three]]></p>"
                       "<!DOCTYPE html><![if !IE]><!-- c --><![CDAT]> open"
                       "<script>//<![CDATA[\nx = a[b[0]];//]]></script>";
    assert_guarded(page, want);
}

/* "<script src=x/>" opens a script in a browser, which runs to its
 * "</script>"; libxml2 closed it at once and read the code after it as text
 * of the page (a recipe site's 40 KB of it in the article).  The '/' goes;
 * that of any other tag, or inside a name or value, stays. */
static void a_script_start_tag_ending_in_slash_is_not_empty(void **state)
{
    (void)state;
    const char *page = "<script type=\"text/javascript\"/>\nf('<p>x</p>');</script>"
                       "<style/>p{}</style><SCRIPT async />a()</script><br/><img src=a/b.png />"
                       "<scripts/><a b/c>";
    const char *want = "<script type=\"text/javascript\">\nf('<p>x</p>');</script>"
                       "<style>p{}</style><SCRIPT async >a()</script><br/><img src=a/b.png />"
                       "<scripts/><a b/c>";
    assert_guarded(page, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pages_within_the_limit_pass_unchanged),
        cmocka_unit_test(attributes_past_the_limit_are_left_out),
        cmocka_unit_test(script_text_is_not_counted),
        cmocka_unit_test(noscript_is_markup_like_the_rest),
        cmocka_unit_test(end_tags_of_body_and_page_are_left_out),
        cmocka_unit_test(cdata_markers_are_left_out),
        cmocka_unit_test(a_script_start_tag_ending_in_slash_is_not_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
