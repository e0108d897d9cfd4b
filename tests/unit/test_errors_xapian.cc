/* Unit tests: what the library says when Xapian fails for want of a file
 * descriptor.  A failed open names the errno as Xapian's error string; a
 * failed commit names it only inside its message ("Modifications failed
 * (DatabaseOpeningError: Couldn't write new rev file: ... (Too many open
 * files)), ...").  The library missed the second, so a program saw a bare
 * I/O error and only trawl-index, matching the text itself, told its user
 * what to do.  Both now carry the advice in the library's message, and
 * neither is called damage. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <string>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
}

extern "C" {
#include "stub.h"
}
#include "errors_xapian.h"

/* What the library makes of E thrown while DOING, with its message in ERR. */
template <typename E>
static trawl_status caught(const E &e, char *err, size_t errlen)
{
    try {
        throw e;
    } catch (...) {
        return tw_catch_index(err, errlen, "committing the index", "/idx");
    }
}

static void commit_out_of_files_says_what_to_do(void **state)
{
    (void)state;
    char err[1024];
    std::string msg = std::string("Modifications failed (DatabaseOpeningError: Couldn't write "
                                  "new rev file: /idx/gen-4/v.tmp (") +
                      strerror(EMFILE) + ")), and couldn't open at the old revision";
    assert_int_equal(caught(Xapian::DatabaseError(msg), err, sizeof err), TRAWL_EIO);
    assert_non_null(strstr(err, "committing the index: Modifications failed"));
    assert_non_null(strstr(err, TW_OUT_OF_FILES_ADVICE));
    assert_null(strstr(err, "damaged"));
    /* No error string: no empty "()" before the advice. */
    assert_null(strstr(err, "()"));
}

static void open_out_of_files_names_the_errno(void **state)
{
    (void)state;
    char err[1024];
    Xapian::DatabaseOpeningError e("Couldn't open /idx/gen-4/postlist.glass read/write",
                                   EMFILE);
    assert_int_equal(caught(e, err, sizeof err), TRAWL_EIO);
    std::string want = std::string("postlist.glass read/write (") + strerror(EMFILE) +
                       "): " TW_OUT_OF_FILES_ADVICE;
    assert_non_null(strstr(err, want.c_str()));
    /* The whole system's table full (ENFILE) is the same advice. */
    Xapian::DatabaseOpeningError full("Couldn't open /idx/gen-4/postlist.glass", ENFILE);
    assert_int_equal(caught(full, err, sizeof err), TRAWL_EIO);
    assert_non_null(strstr(err, TW_OUT_OF_FILES_ADVICE));
}

static void other_failures_are_not_out_of_files(void **state)
{
    (void)state;
    char err[1024];
    Xapian::DatabaseOpeningError gone("Couldn't open /idx/gen-4/postlist.glass", ENOENT);
    assert_int_equal(caught(gone, err, sizeof err), TRAWL_ECORRUPT);
    assert_null(strstr(err, TW_OUT_OF_FILES_ADVICE));
    Xapian::DatabaseError full_disk(std::string("Modifications failed (") + strerror(ENOSPC) +
                                    ")");
    assert_int_equal(caught(full_disk, err, sizeof err), TRAWL_EIO);
    assert_null(strstr(err, TW_OUT_OF_FILES_ADVICE));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commit_out_of_files_says_what_to_do),
        cmocka_unit_test(open_out_of_files_names_the_errno),
        cmocka_unit_test(other_failures_are_not_out_of_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
