/* indexed_xapian.h - the small indexes of the C++ unit tests: articles
 * written to a new index in the scratch folder (scratch.h) and opened, and
 * the generation an index folder's stub names, for the tests that write
 * to it with Xapian's own API what trawl would not (an older writer's
 * record, a spoiled seal). */
#ifndef TW_TEST_INDEXED_XAPIAN_H
#define TW_TEST_INDEXED_XAPIAN_H

#include <stdio.h>
#include <string.h>

#include <string>
#include <utility>
#include <vector>

#include "trawl.h"

#include "scratch.h"

struct Article {
    Article(std::string i, std::string b, std::string t = std::string())
        : id(std::move(i)), body(std::move(b)), title(std::move(t))
    {
    }
    std::string id, body, title;    /* no title when empty */
};

/* Adds ARTICLES, in their order, to the index DIR/NAME (made if need be). */
static inline void add_articles(const char *name, const std::vector<Article> &articles)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    for (const Article &article : articles) {
        trawl_article a = {};
        a.id = article.id.c_str();
        a.title = article.title.empty() ? NULL : article.title.c_str();
        a.body = article.body.c_str();
        assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

/* The index DIR/NAME of ARTICLES, opened. */
static inline trawl_db *indexed(const char *name, const std::vector<Article> &articles)
{
    add_articles(name, articles);
    char path[300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    return db;
}

/* The glass generation of the index folder PATH, as its stub names it. */
static inline std::string generation(const std::string &path)
{
    char line[64] = "";
    FILE *f = fopen((path + "/XAPIANDB").c_str(), "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_int_equal(strncmp(line, "glass ", 6), 0);
    return path + "/" + std::string(line + 6, strcspn(line + 6, "\n"));
}

#endif
