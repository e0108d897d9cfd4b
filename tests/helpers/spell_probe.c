/* spell_probe.c - test helper: searches an index for a query and prints the
 * spelling suggestion (or "-") and what finding it read: words of the
 * vocabulary and spelling blocks (query/suggest_work.h), for shell tests to
 * check that a miss was answered from the blocks.
 * Usage: spell_probe DIR QUERY   (prints "SUGGESTION TERMS BLOCKS") */
#include <stdio.h>

#include "trawl.h"
#include "suggest_work.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: spell_probe DIR QUERY\n");
        return 2;
    }
    trawl_db *db;
    trawl_results *res;
    if (trawl_db_open(argv[1], &db) != TRAWL_OK || trawl_search(db, argv[2], NULL, &res) != TRAWL_OK) {
        fprintf(stderr, "spell_probe: %s\n", db ? trawl_db_errmsg(db) : "cannot open the index");
        trawl_db_close(db);
        return 1;
    }
    tw_suggest_work work;
    tw_db_suggest_work(db, &work);
    const char *s = trawl_results_suggestion(res);
    printf("%s %lu %lu\n", s ? s : "-", work.terms_read, work.blocks_read);
    trawl_results_free(res);
    trawl_db_close(db);
    return 0;
}
