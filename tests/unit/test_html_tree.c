/* Unit tests: the class names of an element, as html_tree.h walks them for
 * the extractor's bylines and the article finder's hints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(class_names_are_parted_by_html_space),
        cmocka_unit_test(no_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
