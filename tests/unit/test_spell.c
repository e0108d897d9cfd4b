/* Unit tests: a miss is corrected from the index's spelling blocks -- counted
 * by what the suggestion reads (no word of the vocabulary, a few blocks), not
 * by timing -- and to the right word: a substitution, insertion, deletion or
 * swap, a typo in the first letter, a word with a non-ASCII letter.  The
 * blocks follow the index: built after a parallel (-j 2) build's merge, added
 * to by a later run's commit, and a word whose only article went is no
 * longer suggested. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"
#include "spell_keys.h"
#include "search_work.h"

/* A lookup of one word reads at most one block per distinct start of its
 * keys (spell_keys.h). */
#define MOST_BLOCKS (TW_SPELL_BLOCK_BYTES + 1)

static char db_dir[sizeof dir + 8], src_dir[sizeof dir + 8];

static void write_file(const char *name, const char *text)
{
    char path[sizeof src_dir + 32];
    snprintf(path, sizeof path, "%s/%s", src_dir, name);
    scratch_write(path, text);
}

/* The index of a few articles in files, built as a fresh index is: in
 * parallel, two shards merged. */
static int build(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    snprintf(db_dir, sizeof db_dir, "%s/db", dir);
    snprintf(src_dir, sizeof src_dir, "%s/src", dir);
    if (mkdir(src_dir, 0700) < 0)
        return -1;
    write_file("oil.txt", "Oil ministers meet\n\nThe petroleum exporting countries met in "
                          "Vienna to discuss production quotas for the coming quarter.\n");
    write_file("metal.txt", "Smelters report\n\nAluminium smelters near Zürich reported "
                            "stronger results as the price of power fell.\n");
    write_file("coffee.txt", "Harvest cut\n\nCoffee harvest estimates were cut after the "
                             "drought reached the southern highlands.\n");
    write_file("grain.txt", "Grain exports\n\nWheat exports rose while maize shipments "
                            "waited for the river to rise.\n");
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.jobs = 2;
    trawl_indexer *ix;
    if (trawl_indexer_open(db_dir, &o, &ix) != TRAWL_OK)
        return -1;
    trawl_status st = trawl_indexer_add_path(ix, src_dir);
    return trawl_indexer_close(ix) == TRAWL_OK && st == TRAWL_OK ? 0 : -1;
}

/* Checks that QUERY, which no article matches, gets the suggestion WANT
 * (NULL: none), read from at most MOST_BLOCKS blocks and no vocabulary. */
static void corrected(const char *query, const char *want)
{
    trawl_db *db;
    assert_int_equal(trawl_db_open(db_dir, &db), TRAWL_OK);
    trawl_results *res;
    assert_int_equal(trawl_search(db, query, NULL, &res), TRAWL_OK);
    const char *got = trawl_results_suggestion(res);
    if (want)
        assert_string_equal(got ? got : "(none)", want);
    else
        assert_null(got);
    tw_search_work work;
    tw_db_search_work(db, &work);
    assert_int_equal(work.terms_read, 0);
    assert_in_range(work.blocks_read, 1, MOST_BLOCKS);
    trawl_results_free(res);
    trawl_db_close(db);
}

/* A word typed without its accents finds the article as it is (the index
 * has it without them too: common/accents.h), with no correction. */
static void unaccented_found_not_corrected(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(db_dir, &db), TRAWL_OK);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "zurich", NULL, &res), TRAWL_OK);
    assert_null(trawl_results_suggestion(res));
    assert_int_equal(trawl_results_count(res), 1);
    assert_string_equal(trawl_results_hit(res, 0)->title, "Smelters report");
    trawl_results_free(res);
    trawl_db_close(db);
}

static void one_edit_found_in_a_few_blocks(void **state)
{
    (void)state;
    corrected("petrolium", "petroleum");      /* substitution */
    corrected("petrolleum", "petroleum");     /* insertion */
    corrected("petrolem", "petroleum");       /* deletion */
    corrected("petroluem", "petroleum");      /* two neighbours swapped */
    corrected("xetroleum", "petroleum");      /* the first letter */
    corrected("ketroleum", "petroleum");
    corrected("zürihc", "zürich");            /* a swap in a non-ASCII word */
    corrected("Smleters", "smelters");
    corrected("hihglands", "highlands");
}

/* Two edits in the first TW_SPELL_PREFIX characters share no key: a
 * limit of the blocks, said in README.md (reading the vocabulary found it). */
static void two_edits_in_the_prefix_not_found(void **state)
{
    (void)state;
    corrected("pxtrxleum", NULL);
    /* ...while two edits, one past the prefix, are. */
    corrected("petrolxux", "petroleum");
}

static void commit_files_new_words(void **state)
{
    (void)state;
    corrected("quokak", NULL);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(db_dir, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "island/1", .title = "Island census",
                        .body = "A quokka colony was counted on the island." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    corrected("quokak", "quokka");
    corrected("petroluem", "petroleum");      /* the words of the build stay */
}

static void word_of_a_removed_article_not_suggested(void **state)
{
    (void)state;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(db_dir, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "zoo/1", .title = "Zoo", .body = "Two wombats arrived." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    corrected("wombtas", "wombats");
    assert_int_equal(trawl_indexer_open(db_dir, NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_remove(ix, "zoo/1"), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    corrected("wombtas", NULL);               /* still filed, no longer in the index */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_edit_found_in_a_few_blocks),
        cmocka_unit_test(unaccented_found_not_corrected),
        cmocka_unit_test(two_edits_in_the_prefix_not_found),
        cmocka_unit_test(commit_files_new_words),
        cmocka_unit_test(word_of_a_removed_article_not_suggested),
    };
    return cmocka_run_group_tests(tests, build, scratch_remove);
}
