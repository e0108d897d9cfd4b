/* own_names.cc - a C++ program with classes of its own that bear the names of
 * classes inside libtrawl (Stories, StemCache, DateProcessor), linked with
 * the installed static library.  The library's internals must stay its
 * own: they failed the link ("multiple definition of StemCache::grow()"),
 * and a vtable or inline member of the same name was silently merged, so
 * that one side ran the other's code.  The program indexes two dated
 * articles, searches them by word (stemmed) and by date, and uses its own
 * classes.  Usage: own_names DIR  (DIR must not exist yet). */
#include <cstdio>
#include <cstring>
#include <string>

#include <trawl.h>

struct DateProcessor {
    virtual ~DateProcessor();
    virtual const char *whose() const;
};
DateProcessor::~DateProcessor() {}
const char *DateProcessor::whose() const { return "the program's"; }

class StemCache {
  public:
    int grow();
};
int StemCache::grow() { return 7; }

struct Stories {
    unsigned root(unsigned x);
};
unsigned Stories::root(unsigned x) { return x + 1; }

static int failures;

static void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "own_names: check failed: %s\n", what);
        failures++;
    }
}

/* The ids of the hits of QUERY, space-separated, in rank order. */
static std::string hits(trawl_db *db, const char *query)
{
    trawl_results *res;
    if (trawl_search(db, query, NULL, &res) != TRAWL_OK)
        return std::string("error: ") + trawl_db_errmsg(db);
    std::string ids;
    for (size_t i = 0; i < trawl_results_count(res); i++)
        ids += (i ? " " : "") + std::string(trawl_results_hit(res, i)->id);
    trawl_results_free(res);
    return ids;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    trawl_indexer *ix;
    check(trawl_indexer_open(argv[1], NULL, &ix) == TRAWL_OK, "indexer opens");
    trawl_article a = {};
    a.id = "old";
    a.title = "Floods close the coast road";
    a.body = "The river flooded twice in one week.";
    a.date = "2019-03-01";
    check(trawl_indexer_add_article(ix, &a) == TRAWL_OK, "first article added");
    a.id = "new";
    a.title = "Flooding returns";
    a.body = "Heavy rain flooded the valley again.";
    a.date = "2021-11-20";
    check(trawl_indexer_add_article(ix, &a) == TRAWL_OK, "second article added");
    check(trawl_indexer_close(ix) == TRAWL_OK, "indexer commits and closes");

    trawl_db *db;
    check(trawl_db_open(argv[1], &db) == TRAWL_OK, "reader opens");
    check(hits(db, "flood") == "old new" || hits(db, "flood") == "new old",
          "a stemmed word finds both articles");
    check(hits(db, "flood date:2021") == "new", "a date range finds the newer");
    check(hits(db, "flood date:..2020") == "old", "an open range finds the older");
    trawl_db_close(db);

    DateProcessor d;
    check(std::strcmp(d.whose(), "the program's") == 0, "the program's DateProcessor is its own");
    check(StemCache().grow() == 7, "the program's StemCache is its own");
    check(Stories().root(1) == 2, "the program's Stories is its own");
    if (failures)
        return 1;
    std::puts("own_names: all checks passed");
    return 0;
}
