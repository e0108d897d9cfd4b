/* search_probe.c - test helper: searches an index for a query, with the
 * defaults (or BM25 alone, or no snippets, as asked), and prints the
 * spelling suggestion (or "-") and what the search read
 * (query/search_work.h): words of the vocabulary and spelling blocks, for
 * shell tests to check that a miss was answered from the blocks; hits'
 * topic-word values and term lists, to check what feedback read; position
 * lists, terms asked about one by one and the page's documents, to check
 * what a remote shard was asked, and how many of those documents were read
 * from several remote shards at once; and what folding read to find and
 * name a hit's copies, and the band lists it walked for them.
 * Usage: search_probe [--bm25-only] [--no-snippets] [--offset N] SPEC QUERY
 * (SPEC as trawl_db_open takes it)
 * (prints "SUGGESTION TERMS BLOCKS TOPIC_VALUES TERM_LISTS POSITION_LISTS
 * TERMS_ASKED DOCUMENTS DOCUMENTS_TOGETHER STORY_READS BAND_LISTS") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trawl.h"
#include "search_work.h"

int main(int argc, char **argv)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--bm25-only"))
            o.bm25_only = 1;
        else if (!strcmp(argv[i], "--no-snippets"))
            o.no_snippets = 1;
        else if (!strcmp(argv[i], "--offset") && i + 1 < argc)
            o.offset = strtoul(argv[++i], NULL, 10);
        else
            break;
    }
    if (argc - i != 2) {
        fprintf(stderr,
                "usage: search_probe [--bm25-only] [--no-snippets] [--offset N] SPEC QUERY\n");
        return 2;
    }
    trawl_db *db;
    trawl_results *res;
    if (trawl_db_open(argv[i], &db) != TRAWL_OK ||
        trawl_search(db, argv[i + 1], &o, &res) != TRAWL_OK) {
        fprintf(stderr, "search_probe: %s\n", db ? trawl_db_errmsg(db) : "cannot open the index");
        trawl_db_close(db);
        return 1;
    }
    tw_search_work work;
    tw_db_search_work(db, &work);
    const char *s = trawl_results_suggestion(res);
    printf("%s %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu\n", s ? s : "-", work.terms_read,
           work.blocks_read, work.topic_values, work.term_lists, work.position_lists,
           work.terms_asked, work.documents, work.documents_together, work.story_reads,
           work.band_lists);
    trawl_results_free(res);
    trawl_db_close(db);
    return 0;
}
