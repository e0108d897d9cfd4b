/* Unit tests: the PATHs a run walks, spelt one way, those another holds, and
 * the working folder relative ones start from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "roots.h"

static void normalise(const char *in, const char *want)
{
    char *got = tw_root_normalise(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void spellings_of_one_root(void **state)
{
    (void)state;
    normalise("corpus/", "corpus");
    normalise("./corpus", "corpus");
    normalise("corpus/.", "corpus");
    normalise("news//2021", "news/2021");
    normalise("./", ".");
    normalise("/srv//news/", "/srv/news");
    normalise("/", "/");
    normalise("../news", "../news");
}

static void what_a_root_holds(void **state)
{
    (void)state;
    assert_true(tw_root_holds("corpus", "corpus"));
    assert_true(tw_root_holds("corpus", "corpus/weather/a.txt"));
    assert_false(tw_root_holds("corpus", "corpus2/a.txt"));
    assert_false(tw_root_holds("corpus/weather", "corpus"));
    assert_true(tw_root_holds(".", "corpus/a.txt"));
    assert_false(tw_root_holds(".", "/srv/a.txt"));
    assert_false(tw_root_holds(".", "../a.txt"));
    assert_true(tw_root_holds("/", "/srv/a.txt"));
    assert_false(tw_root_holds("/srv", "srv/a.txt"));
}

/* Keeps the PATHS no other holds and checks them against WANT, joined by
 * spaces. */
static void outermost(const char *const *in, size_t n, const char *want)
{
    char *paths[16];
    for (size_t i = 0; i < n; i++)
        paths[i] = (char *)in[i];
    assert_int_equal(tw_roots_outermost(paths, &n), 0);
    char got[256] = "";
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, paths[i]);
    }
    assert_string_equal(got, want);
}

static void nested_roots_are_walked_once(void **state)
{
    (void)state;
    outermost((const char *[]){ "corpus", "corpus/weather" }, 2, "corpus");
    outermost((const char *[]){ "corpus/weather", "corpus/sports", "corpus/" }, 3, "corpus/");
    outermost((const char *[]){ "news", "./news", "news/." }, 3, "news");
    outermost((const char *[]){ "weather", "." }, 2, ".");
    outermost((const char *[]){ "/srv/news/2021", "/" }, 2, "/");
    outermost((const char *[]){ "/srv/news/2021", "/srv/news", "/srv/newsroom" }, 3,
              "/srv/news /srv/newsroom");
    /* Not nested: kept, in their order. */
    outermost((const char *[]){ "news2021", "news", "../news/a" }, 3, "news2021 news ../news/a");
    outermost((const char *[]){ "/srv/news", "news", "." }, 3, "/srv/news .");
}

/* A relative and an absolute path, or a symbolic link, to the same folder
 * name one root: each was walked, and its files indexed twice under two ids.
 * The folders are the test's own (a link is known by the folder it names, so
 * "corpus" must exist wherever the test is run from). */
static void spellings_of_one_folder(void **state)
{
    (void)state;
    char work[] = "/tmp/trawl-spelt.XXXXXX", *was = getcwd(NULL, 0);
    assert_non_null(mkdtemp(work));
    assert_int_equal(chdir(work), 0);
    assert_int_equal(mkdir("corpus", 0700), 0);
    assert_int_equal(mkdir("corpus/weather", 0700), 0);
    assert_int_equal(mkdir("corpus/sports", 0700), 0);
    char *cwd = getcwd(NULL, 0), abs[4096], abs_weather[4096];
    snprintf(abs, sizeof abs, "%s/corpus", cwd);
    snprintf(abs_weather, sizeof abs_weather, "%s/corpus/weather", cwd);
    outermost((const char *[]){ "corpus", abs }, 2, "corpus");
    outermost((const char *[]){ abs, "./corpus/" }, 2, abs);
    outermost((const char *[]){ "corpus/weather", abs }, 2, abs);
    outermost((const char *[]){ "corpus", abs_weather }, 2, "corpus");
    outermost((const char *[]){ "corpus/weather/../sports", "corpus" }, 2, "corpus");
    /* A link to the folder, in a folder of the test's own. */
    char dir[] = "/tmp/trawl-roots.XXXXXX", link[4096];
    assert_non_null(mkdtemp(dir));
    snprintf(link, sizeof link, "%s/news", dir);
    assert_int_equal(symlink(abs, link), 0);
    outermost((const char *[]){ link, "corpus" }, 2, link);
    unlink(link);
    rmdir(dir);
    rmdir("corpus/sports");
    rmdir("corpus/weather");
    rmdir("corpus");
    assert_int_equal(chdir(was), 0);
    rmdir(work);
    free(cwd);
    free(was);
}

/* The working folder recorded for relative ids: the same folder by its
 * device and inode, or by its path; another by neither. */
static void working_folders(void **state)
{
    (void)state;
    char *here = tw_base_here();
    assert_non_null(here);
    char *cwd = getcwd(NULL, 0);
    assert_string_equal(tw_base_path(here), cwd);
    assert_false(tw_base_other(here, here));
    assert_false(tw_base_other("", here));           /* none recorded */
    assert_false(tw_base_other("garbage", here));
    assert_false(tw_base_other("5 77 /data/a", "5 77 /data/renamed"));
    assert_false(tw_base_other("5 77 /data/a", "6 90 /data/a"));
    assert_true(tw_base_other("5 77 /data/a", "5 78 /data/b"));
    assert_string_equal(tw_base_path("5 77 /data/a b"), "/data/a b");
    free(cwd);
    free(here);
}

/* A PATH as a run in another folder gives it: what a refusal of a run in
 * the wrong folder tells the user to type there. */
static void spelt_from_another_folder(void **state)
{
    (void)state;
    char dir[] = "/tmp/trawl-from.XXXXXX", path[4096], link[4096];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/me/news/2021", dir);
    for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        assert_int_equal(mkdir(path, 0700), 0);
        *p = '/';
    }
    assert_int_equal(mkdir(path, 0700), 0);
    char *cwd = getcwd(NULL, 0), base[4096], *got;
    assert_int_equal(chdir(dir), 0);
    snprintf(base, sizeof base, "%s/me", dir);
    got = tw_root_from("me/news", base);
    assert_string_equal(got, "news");
    free(got);
    got = tw_root_from("me", base);
    assert_string_equal(got, ".");
    free(got);
    assert_null(tw_root_from(".", base));               /* the folder above */
    assert_null(tw_root_from("me/gone", base));
    /* Through a symbolic link to a folder in it, and from a folder in it. */
    snprintf(link, sizeof link, "%s/feed", dir);
    assert_int_equal(symlink("me/news", link), 0);
    got = tw_root_from("feed/2021", base);
    assert_string_equal(got, "news/2021");
    free(got);
    assert_int_equal(chdir("me/news"), 0);
    got = tw_root_from("2021", base);
    assert_string_equal(got, "news/2021");
    free(got);
    got = tw_root_from("2021", "/");
    char *real = realpath("2021", NULL);
    assert_string_equal(got, real + 1);
    free(real);
    free(got);
    assert_int_equal(chdir(cwd), 0);
    unlink(link);
    rmdir(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    rmdir(dir);
    free(cwd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spellings_of_one_root),
        cmocka_unit_test(what_a_root_holds),
        cmocka_unit_test(nested_roots_are_walked_once),
        cmocka_unit_test(spellings_of_one_folder),
        cmocka_unit_test(working_folders),
        cmocka_unit_test(spelt_from_another_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
