/*
 * trawl.h - the public C API of libtrawl, a full-text search engine for article
 * collections built on Xapian.
 *
 * Conventions (hold for every function below):
 *  - A function that can fail returns a trawl_status; TRAWL_OK is 0.
 *  - Out-pointers are set to NULL (or zero) when a function fails, unless the
 *    declaration says otherwise.
 *  - "Owned by the caller" means the caller must release the object with the named
 *    function; "borrowed" means the library keeps ownership and the pointer stays
 *    valid for the stated lifetime.
 *  - Every *_close and *_free function accepts NULL.
 *  - Option structs are passed by pointer and start with their size: set them
 *    up with TRAWL_SEARCH_OPTS_INIT / TRAWL_INDEXER_OPTS_INIT.  NULL, or a
 *    struct whose other fields are zero, means "defaults".  New fields are only
 *    ever appended, and the library reads only those the caller's size holds.
 *  - So does a trawl_article the caller builds (its size may be 0: the first
 *    layout).  A struct the library fills for the caller is given with the
 *    size the caller knows (trawl_db_info_get, trawl_indexer_stats_get): the
 *    library writes no byte past it.  Structs the library allocates grow at
 *    their end too; trawl_span and trawl_facet_value, which come in arrays
 *    the caller steps through, never grow.
 *  - A handle must not be used by two threads at once; separate handles in
 *    separate threads are fine.  The library has no global state, never prints
 *    and never exits.
 */
#ifndef TRAWL_H
#define TRAWL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header (trawl_version() gives the library's). */
#define TRAWL_VERSION_MAJOR 0
#define TRAWL_VERSION_MINOR 1
#define TRAWL_VERSION_PATCH 0
/* Nonzero when this header is version A.B.C or later. */
#define TRAWL_CHECK_VERSION(a, b, c)                                                   \
    (TRAWL_VERSION_MAJOR > (a) ||                                                      \
     (TRAWL_VERSION_MAJOR == (a) &&                                                    \
      (TRAWL_VERSION_MINOR > (b) || (TRAWL_VERSION_MINOR == (b) && TRAWL_VERSION_PATCH >= (c)))))

#if defined(TRAWL_BUILDING) && defined(__GNUC__)
#define TRAWL_API __attribute__((visibility("default")))
#else
#define TRAWL_API
#endif

typedef enum trawl_status {
    TRAWL_OK = 0,
    TRAWL_ENOMEM,       /* out of memory */
    TRAWL_EINVAL,       /* a bad argument (NULL handle, empty id, bad option) */
    TRAWL_ENOINDEX,     /* no index at the given path */
    TRAWL_ELOCKED,      /* another writer holds the index */
    TRAWL_ESCHEMA,      /* the index was written by an incompatible schema */
    TRAWL_ECORRUPT,     /* the index exists but cannot be read */
    TRAWL_EQUERY,       /* the query could not be parsed */
    TRAWL_EIO,          /* reading or writing a file failed */
    TRAWL_EFORMAT,      /* an input file could not be understood */
    TRAWL_EINTERNAL,    /* an unexpected error inside Xapian or libtrawl */
    TRAWL_ENOTFOUND,    /* no article with that id */
    TRAWL_EINTR,        /* stopped by trawl_indexer_interrupt; work so far is kept */
    TRAWL_ESHARD        /* a remote shard did not answer (down, or slower than its
                           time-out); trawl_db_errmsg names it */
} trawl_status;

/* A static English description of a status.  Never NULL; borrowed forever. */
TRAWL_API const char *trawl_strerror(trawl_status status);

/* The library version, e.g. "0.1.0".  Borrowed forever. */
TRAWL_API const char *trawl_version(void);

/* ------------------------------------------------------------------ articles */

/* One article: what trawl_indexer_add_article takes, what trawl_db_get_article
 * gives back, and what an extracting indexer hands over (on_extract). */
typedef struct trawl_article {
    size_t size;             /* sizeof(trawl_article) as the caller knows it, or 0
                                for the first layout (the fields up to path); set
                                in the articles the library gives */
    const char *id;          /* required, unique in the index; replaces an older copy */
    const char *title;       /* NULL-able, like all the fields below */
    const char *body;
    const char *date;        /* ISO 8601 or RFC 2822; unparsable dates are ignored */
    const char *url;
    const char *site;
    const char *author;
    const char *path;        /* the file it came from, if any */
    /* New fields are only ever appended here. */
} trawl_article;

/* ------------------------------------------------------------------ reading */

typedef struct trawl_db trawl_db;
typedef struct trawl_results trawl_results;

/* Opens the index SPEC names for searching.  SPEC is
 *  - an index folder (what trawl-index writes),
 *  - a Xapian stub database file: one database a line, "auto PATH" (PATH an
 *    index folder or another stub file, relative to the stub's folder) or
 *    "remote HOST:PORT"; a '#' at the start of a line or after a space or
 *    a tab starts a comment,
 *  - or tcp://HOST:PORT, a shard served by Xapian's xapian-tcpsrv.
 * A relative SPEC is read from the working folder of the open: the handle
 * keeps to that index when the program changes folder later.
 * Several indexes (see trawl_db_add_shard) are searched as one: scores are
 * those of one index holding all their articles.  A remote shard is
 * connected at the first call that reads, and again at a later call after
 * it failed; trawl_db_open does not wait for it.  A connection its server
 * closed (restarted, or idle past xapian-tcpsrv's --idle-timeout) is made
 * anew within the call that meets it.  A handle follows its indexes'
 * commits by itself: it watches local index folders with inotify (one file
 * descriptor a handle), and a call reads a new commit at once; on a network
 * file system, or in a child forked after the open, it looks at the index's
 * files at each call instead.
 * On success *db is a handle owned by the caller (trawl_db_close).
 * On failure *db may still be set to a handle whose trawl_db_errmsg() explains
 * what went wrong (the caller must close it), or to NULL when memory ran out;
 * the calls that read fail on such a handle with TRAWL_EINVAL, until
 * trawl_db_add_shard gives it an index. */
TRAWL_API trawl_status trawl_db_open(const char *spec, trawl_db **db);

/* Adds the index SPEC names (as for trawl_db_open) to DB, to be searched
 * together with those DB has: a search ranks with the statistics of them
 * all, and a hit's docid is Xapian's in their union (the id in its own index,
 * interleaved: (id - 1) * N + K for the K-th of N indexes that answered).
 * Near-copies of a story in different indexes are folded as one index
 * folds them among the first 300 hits (and, for opts.exact_count, among
 * all matches when they are 300 or fewer); past that, within an index
 * only.  The indexes must have been
 * built with the same stemmer (TRAWL_ESCHEMA otherwise); an index DB has
 * already is TRAWL_EINVAL (its articles would count twice), here, or, when
 * only connecting tells (a server of an index DB has, by the same or another
 * name), at each search.  After a failure
 * DB is as it was before the call (none of what SPEC names is searched, nor
 * named by messages and trawl_db_info), and may go on being used. */
TRAWL_API trawl_status trawl_db_add_shard(trawl_db *db, const char *spec);

/* Sets how long DB waits for a remote shard, in milliseconds, to connect and
 * then for each reply (Xapian's remote time-outs; 0: no limit; default
 * 10000).  Applies to connections made after the call: set it before the
 * first search. */
TRAWL_API trawl_status trawl_db_set_shard_timeout(trawl_db *db, unsigned ms);

/* Closes DB and frees everything it owns.  Results from it must be freed first. */
TRAWL_API void trawl_db_close(trawl_db *db);

/* The message of the last failure on DB, or "" when there was none.
 * Borrowed: valid until the next call on DB.  Returns a fixed text for NULL. */
TRAWL_API const char *trawl_db_errmsg(const trawl_db *db);

/* Sets *count to the number of articles in the index.  This call, and the
 * others that read DB but trawl_search with opts.partial, fail with
 * TRAWL_ESHARD when a remote shard does not answer. */
TRAWL_API trawl_status trawl_db_doc_count(trawl_db *db, uint64_t *count);

typedef struct trawl_db_info {
    uint64_t documents;      /* exact number of articles */
    uint64_t terms;          /* distinct terms */
    uint64_t size_bytes;     /* bytes on disk */
    int64_t last_update;     /* seconds since the epoch of the last commit, 0 if unknown */
    unsigned schema;         /* index schema version */
    const char *stemmer;     /* borrowed from DB: "english", "none", ..., or "auto"
                                when each article is stemmed in its language */
    const char *writer;      /* borrowed from DB: trawl version that last wrote it */
    const char *path;        /* borrowed from DB */
    int remote_uncounted;    /* nonzero: DB has remote shards, and terms and
                                size_bytes count the shards on this machine
                                only (a remote shard's vocabulary would come
                                whole over the network to be counted: tens of
                                MB, seconds) */
    const char *part;        /* borrowed from DB: the part of its collection the
                                index holds, as trawl-index wrote it: "K/N"
                                (--shard K/N, trawl_indexer_opts.shard) or "all";
                                of several searched as one, each one's in the
                                order added, separated by spaces ("?" for one
                                that recorded none); NULL when none did (an
                                index written before the part was recorded) */
    /* New fields are only ever appended here. */
} trawl_db_info;

/* Fills *info, SIZE bytes of it: sizeof *info as the caller knows it (a
 * program built against an older header gets the fields it knows, and no
 * byte past them is written).  Its strings are borrowed from DB until the
 * next call on DB.  TRAWL_EINVAL for a SIZE short of this first layout. */
TRAWL_API trawl_status trawl_db_info_get(trawl_db *db, trawl_db_info *info, size_t size);

/* Reads back the stored article ID (as trawl_hit.id spells it).
 * On success *article is owned by the caller, who frees it -- the struct and
 * all its strings at once -- with trawl_article_free.  Its fields are what the
 * index stores: cleaned UTF-8, NULL when the article had none; date in ISO
 * 8601 as in trawl_hit; body the stored copy of the text, which is what
 * snippets are made from: the cleaned body cut to its first 64 KiB (on a
 * character boundary), not the whole text that was indexed for searching.
 * TRAWL_ENOTFOUND when the index holds no article ID; TRAWL_ECORRUPT when
 * its stored data is damaged. */
TRAWL_API trawl_status trawl_db_get_article(trawl_db *db, const char *id,
                                            trawl_article **article);

/* Frees an article trawl_db_get_article returned, strings and all.  Only such
 * an article: never one the caller built.  NULL is fine. */
TRAWL_API void trawl_article_free(trawl_article *article);

/* The ids of the articles of DB, one at a time, in the byte order of their id
 * terms: the order of the ids themselves, except that an id over 245 bytes
 * sorts by its first bytes.  Starts at FROM (the first id at or after it), or
 * at the first id for NULL.  On success *ids is owned by the caller
 * (trawl_ids_free), and must be freed before DB is closed; DB may be searched
 * between calls (in the thread that uses both).  Commits made by a writer
 * meanwhile are followed: an id added behind the iterator is not seen, one
 * added ahead of it is. */
typedef struct trawl_ids trawl_ids;
TRAWL_API trawl_status trawl_db_ids(trawl_db *db, const char *from, trawl_ids **ids);
/* Sets *id to the next id, borrowed from IDS until the next call, or to NULL
 * when there is none left.  TRAWL_ECORRUPT (message on DB) when the index is
 * damaged. */
TRAWL_API trawl_status trawl_ids_next(trawl_ids *ids, const char **id);
TRAWL_API void trawl_ids_free(trawl_ids *ids);

/* Options of a search.  Start from TRAWL_SEARCH_OPTS_INIT, which sets size to
 * the layout this header describes: the library reads only the fields that
 * size covers, and takes the defaults for the rest, so a program built
 * against this header keeps working with a library whose struct has grown.
 * A size of 0 ({0}, or fields set by name without size) means the first
 * layout, the fields up to bm25_b.  A NULL opts means all the defaults. */
typedef struct trawl_search_opts {
    size_t size;             /* sizeof(trawl_search_opts) as the caller knows it */
    size_t limit;            /* hits to return; 0 means 10 */
    size_t offset;           /* hits to skip first */
    int match_any;           /* nonzero: rank articles matching any term (default: all) */
    int sort_by_date;        /* nonzero: newest first instead of by relevance
                                (a query of filters alone is, either way) */
    int no_snippets;         /* nonzero: leave trawl_hit.snippet NULL (faster) */
    int no_collapse;         /* nonzero: show near-copies of a story as hits of their
                                own instead of folding them into the best-ranked */
    int exact_count;         /* nonzero: make trawl_results_total() exact */
    size_t snippet_length;   /* columns of text per snippet, about (a byte of
                                ASCII each, two a wide CJK character, see
                                libtrawl(3)); 0 means 200 */
    int no_relax;            /* nonzero: hits hold all the words, however few;
                                else when fewer articles hold them all than the
                                page reaches, the page goes on with articles that
                                hold some (trawl_hit.some_words), and when none
                                does, all of them do (trawl_results_relaxed) */
    int no_suggest;          /* nonzero: no spelling suggestion (faster on misses) */
    unsigned facets;         /* TRAWL_FACET_* bits: count these over all matches
                                (makes the search see every match) */
    double bm25_k1;          /* BM25's term frequency saturation, above 0 and
                                at most TRAWL_BM25_K1_MAX; 0 means the default
                                (TRAWL_BM25_K1) */
    double bm25_b;           /* BM25's length normalisation, above 0 and at most
                                1; 0 means the default (TRAWL_BM25_B) */
    int bm25_only;           /* nonzero: rank by BM25 alone, without the bonus for
                                query words near each other and the second ranking
                                from the first hits' words (faster on searches
                                matching many articles) */
    int partial;             /* nonzero: when remote shards do not answer, search
                                those that do (trawl_results_missing_shards names
                                the others) instead of failing with TRAWL_ESHARD;
                                it still fails when none answers, and with like
                                when no shard that answered holds the article */
    const char *like;        /* an article's id (as trawl_hit.id): rank the articles
                                like it instead -- any of its most telling words,
                                by BM25 alone, without it and its near-copies --
                                among those the query matches (an empty query:
                                all); TRAWL_ENOTFOUND when no article has the id.
                                Borrowed for the call.  NULL: a search of the query */
    /* New fields are only ever appended here. */
} trawl_search_opts;
/* Every field in order, not ".size = ...": C++ before C++20 and C89 have no
 * designated initialisers, and C++ with -Wextra warns of a field left out;
 * a pointer as NULL, which C++'s -Wzero-as-null-pointer-constant takes.
 * A field appended above is appended here too (tests/e2e/40-install-api.sh
 * builds a program with these in C89, C99, C11 and C++, -Wextra -Werror). */
#define TRAWL_SEARCH_OPTS_INIT                                                         \
    { sizeof(trawl_search_opts), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0, 0, 0, NULL }

/* The BM25 parameters trawl ranks with unless told otherwise: chosen by
 * measuring ranking quality on judged queries (bench/RESULTS.md). */
#define TRAWL_BM25_K1 1.2
#define TRAWL_BM25_B 0.5
/* The largest k1 trawl_search accepts (TRAWL_EINVAL above it, or for a value
 * that is not a finite number): ranking stops changing long before, and much
 * larger values overflow the scores to infinity. */
#define TRAWL_BM25_K1_MAX 1000.0

/* Facets: what trawl_results_facet counts the matches by. */
enum {
    TRAWL_FACET_SITE = 1,    /* site name, else the url's host */
    TRAWL_FACET_AUTHOR = 2,  /* each person an author field names (several:
                                counted under each; see trawl-query(1)) */
    TRAWL_FACET_YEAR = 4,    /* year of the article's date */
    TRAWL_FACET_LANG = 8     /* the article's language, ISO 639-1 ("de") */
};

/* A byte range [start, end) of trawl_hit.snippet that matched the query. */
/* Never grows (trawl.h's conventions). */
typedef struct trawl_span {
    size_t start, end;
} trawl_span;

typedef struct trawl_hit {
    size_t rank;             /* 1-based position in the whole result list */
    uint64_t docid;          /* Xapian document id */
    double score;            /* BM25 weight */
    const char *id;          /* article id, e.g. "news/a.txt" or "dump.jsonl#3" */
    const char *path;        /* file the article came from */
    const char *title;       /* NULL when unknown (same for the fields below) */
    const char *date;        /* ISO 8601 on the clock the article was dated by:
                                "2021-06-17", "2021-06-17T10:00:00Z" (UTC, or
                                a time that named no zone) or
                                "2021-06-17T12:00:00+02:00" */
    int64_t date_epoch;      /* the moment, in seconds since the epoch (UTC);
                                meaningful when date != NULL */
    const char *url;
    const char *site;
    const char *author;
    const char *snippet;     /* plain UTF-8 passage; NULL with no_snippets */
    const trawl_span *highlights; /* matched ranges in snippet, in order */
    size_t n_highlights;
    const trawl_span *title_highlights; /* matched ranges in title, in order */
    size_t n_title_highlights;
    /* Near-copies of this article folded into it (unless no_collapse): their
     * ids, in id order, at most 20 of them, and how many there are in all. */
    const char *const *duplicates;
    size_t n_duplicates;
    size_t n_similar;
    /* Fields below were added later: the library allocates every hit, so a
     * program built against an older header just does not see them. */
    const char *lang;        /* ISO 639-1 ("de"), declared or detected; NULL when
                                unknown (too little text, or an older index) */
    int some_words;          /* nonzero: the article holds some of the query's words,
                                not all; it is ranked after every article that holds
                                them all (see opts.no_relax) */
} trawl_hit;

/* One value of a facet and the number of matching stories (articles, with
 * no_collapse) that have it.  Never grows (trawl.h's conventions). */
typedef struct trawl_facet_value {
    const char *value;
    uint64_t count;
} trawl_facet_value;

/* Runs QUERY (the query language of trawl-query(1)) against DB.
 * On success *results is owned by the caller (trawl_results_free).
 * TRAWL_EQUERY means the query has a syntax error; trawl_db_errmsg says where.
 * It is also the answer to parentheses nested deeper than
 * TRAWL_QUERY_MAX_NESTING (the search walks the query by recursion), and
 * to a query of more than TRAWL_QUERY_MAX_WILDCARDS wildcards.
 * TRAWL_EINVAL: a BM25 parameter out of its range (see trawl_search_opts).
 * TRAWL_ECORRUPT: the index is damaged; trawl_db_errmsg says how to check or
 * rebuild it. */
TRAWL_API trawl_status trawl_search(trawl_db *db, const char *query,
                                    const trawl_search_opts *opts,
                                    trawl_results **results);
#define TRAWL_QUERY_MAX_NESTING 256
/* The wildcards one query may hold ("heat* OR cool*" holds two; quoted or
 * not): each stands for up to TRAWL_WILDCARD_MAX words, whose postings the
 * match reads and holds together, and a query of 32 "s*" took half a
 * minute and 230 MB over Reuters' 21,578 articles, 2,000 past 3.5 GB. */
#define TRAWL_QUERY_MAX_WILDCARDS 16

/* The number of hits held (at most the limit asked for). */
TRAWL_API size_t trawl_results_count(const trawl_results *results);

/* Hit I (0-based), or NULL when I is out of range.  Borrowed from RESULTS: the hit
 * and all its strings live until trawl_results_free(RESULTS). */
TRAWL_API const trawl_hit *trawl_results_hit(const trawl_results *results, size_t i);

/* The number of matching articles (stories, when folding), the hits marked
 * trawl_hit.some_words after them not counted: exact when
 * trawl_results_total_exact says so -- always with opts.exact_count, and
 * whenever the query can match no more than TRAWL_COUNT_MAX articles (the
 * search ranks the first TRAWL_CHECK_AT_LEAST matches, or as many as the
 * page needs, and counts the others without ranking them); else an estimate
 * from the first TRAWL_COUNT_MAX matches in index order and the share of
 * the index they lie in (a wildcard's: Xapian's, from the first matches),
 * the same from page to page.  Over several indexes (shards), folded, an
 * estimate past 500 matches too: a story's copies in two of them count
 * once only where the hits are folded. */
TRAWL_API uint64_t trawl_results_total(const trawl_results *results);
/* nonzero when trawl_results_total is the exact count. */
TRAWL_API int trawl_results_total_exact(const trawl_results *results);
#define TRAWL_CHECK_AT_LEAST 500
#define TRAWL_COUNT_MAX 10000

/* The values of FACET (one TRAWL_FACET_* asked for in opts.facets), most
 * frequent first, ties by value; sets *n to their number (0 when not asked).
 * Borrowed from RESULTS. */
TRAWL_API const trawl_facet_value *trawl_results_facet(const trawl_results *results,
                                                       unsigned facet, size_t *n);

/* How the query was answered, when not as written: */
/* a correction of a word or more from the index's vocabulary, offered when the
 * query found nothing or little ("operation united front") and its own search
 * finds something, or NULL; */
TRAWL_API const char *trawl_results_suggestion(const trawl_results *results);
/* nonzero when the hits are those of the suggestion, because the query as
 * written found nothing; */
TRAWL_API int trawl_results_used_suggestion(const trawl_results *results);
/* nonzero when all the words together found nothing and the hits match any of
 * them (see opts.no_relax). */
TRAWL_API int trawl_results_relaxed(const trawl_results *results);

/* A name the query typed right before a ':' that is no field of the query
 * language ("nosuch" of nosuch:storm, in small letters), when the query as
 * written matched nothing (the hits, if any, are those of the any-word
 * fallback): the parser read it as a word, which may be why nothing
 * matched.  A correction to the field an edit away, when its search found
 * something, is the suggestion instead.  Not a colon of text: between
 * digits (10:30), before '/' (http://x), or at a word's end (note: storm).
 * The first such name; NULL when none.  Borrowed from RESULTS. */
TRAWL_API const char *trawl_results_unknown_field(const trawl_results *results);

/* A wildcard of the query, as typed ("heat*", "title:heat*"), that stands
 * for more than TRAWL_WILDCARD_MAX words of the index: it was searched as
 * its TRAWL_WILDCARD_MAX most frequent words, which find nearly all the
 * articles the others would (not one whose only words of the pattern are
 * rarer); NULL when no wildcard of the query was cut so.  The first such
 * wildcard, when several are.  Borrowed from RESULTS. */
TRAWL_API const char *trawl_results_broad_wildcard(const trawl_results *results);
/* The words a wildcard is searched as, at most: Xapian 1.4 matches more
 * in a time that grows with the square of how many one article holds. */
#define TRAWL_WILDCARD_MAX 10000

/* The shards that did not answer a search with opts.partial, as their specs
 * name them ("tcp://HOST:PORT"), in the order added; sets *n to their number
 * (0 when all answered).  Borrowed from RESULTS. */
TRAWL_API const char *const *trawl_results_missing_shards(const trawl_results *results,
                                                          size_t *n);

/* nonzero when the facets counted articles although folding was on: a
 * remote shard runs only Xapian's own classes, whose value counter cannot
 * count a story's copies once (see trawl_results_facet). */
TRAWL_API int trawl_results_facets_by_article(const trawl_results *results);

/* nonzero when a search over several indexes (shards) showed hits, or
 * counted matches (opts.exact_count), past its first TRAWL_FOLD_MAX
 * stories.  Each index links its own copies of a story; the copies that
 * different indexes hold are folded into one hit by comparing each hit
 * with those before it, which costs a page more the further it is: so only
 * among the first TRAWL_FOLD_MAX stories.  The hits after them come each
 * once, in the order matched, and a story with copies in two indexes may
 * show (and count) once for each; no hit shown before shows again. */
TRAWL_API int trawl_results_unfolded(const trawl_results *results);
#define TRAWL_FOLD_MAX 1000

TRAWL_API void trawl_results_free(trawl_results *results);

/* ------------------------------------------------------------------ writing */

typedef struct trawl_indexer trawl_indexer;

/* Progress of trawl_indexer_add_path, reported after each file (and within
 * one, every 16 MiB read or 1,000 articles it gave); and, once a
 * fresh build (see jobs) has read its files, at each step of what it does
 * before the index is whole (merging the workers' parts, finding near-copies,
 * the spelling index), in trawl_indexer_commit or trawl_indexer_close: on
 * gigabytes that takes minutes; and at each step of trawl_indexer_compact. */
typedef struct trawl_progress {
    uint64_t files_done;     /* files looked at so far */
    uint64_t bytes_done;     /* bytes read so far */
    uint64_t articles;       /* articles written so far */
    const char *path;        /* the file just finished (or being read), or NULL
                                at a step after the files; borrowed for the call */
    uint64_t files_total;    /* files to look at, when counted first (count_first); */
    uint64_t bytes_total;    /* bytes in them; both 0 when unknown */
    const char *stage;       /* NULL while files are read; after them, the step
                                begun, in words for a person ("merging the
                                workers' parts: postlist", "removing the articles
                                of files gone (3 so far)"); borrowed for the call */
} trawl_progress;

/* Counters since trawl_indexer_open. */
typedef struct trawl_indexer_stats {
    uint64_t files_seen;     /* files met by the walk, and what could not be
                                walked (FIFOs, broken links, loops) */
    uint64_t files_indexed;  /* files that gave at least one article */
    uint64_t files_skipped;  /* binary, empty, or a symlink loop: not an error */
    uint64_t files_failed;   /* unreadable or broken, each reported to on_warning;
                                a file partly indexed (a bad line in a JSON Lines
                                dump) counts here and in files_indexed */
    uint64_t articles;       /* articles written */
    uint64_t bytes;          /* bytes read from files */
    uint64_t files_unchanged;/* same size and time, or same content: not re-indexed */
    uint64_t files_removed;  /* indexed before under a walked root, gone now */
    uint64_t articles_removed; /* articles deleted: of removed or changed files,
                                  and by trawl_indexer_remove */
    uint64_t compactions;    /* generations trawl_indexer_compact wrote: a call
                                that found the index as a build or a compaction
                                left it, no article written or deleted since,
                                writes none */
    /* New fields are only ever appended here. */
} trawl_indexer_stats;

/* Options of an indexer: as for trawl_search_opts, start from
 * TRAWL_INDEXER_OPTS_INIT; a size of 0 means the first layout (the fields up
 * to on_extract); a NULL opts means all the defaults. */
typedef struct trawl_indexer_opts {
    size_t size;             /* sizeof(trawl_indexer_opts) as the caller knows it */
    const char *stemmer;     /* any Xapian language, greek, hindi, serbian or
                                yiddish (libstemmer's), or "none", for every
                                article; or "auto": each article's own language
                                (declared or detected), english when neither
                                can stem it.
                                NULL: the index's choice, "auto" for a new one;
                                any other name, "" too, is TRAWL_EINVAL at open,
                                before anything is created */
    int overwrite;           /* nonzero: start from an empty index (--full) */
    const char *const *include; /* NULL-terminated globs a file name must match, or NULL */
    const char *const *exclude; /* NULL-terminated globs of names to leave out, or NULL */
    uint64_t max_file_bytes;    /* bytes read per file; 0 means 64 MiB */
    uint64_t max_inflated_bytes;/* decompressed bytes per compressed file, or of all
                                   the members of an archive; 0 means 256 MiB */
    uint64_t max_text_bytes;    /* text indexed per article; 0 means 16 MiB */
    uint64_t batch_articles;    /* articles per commit at most; 0: no count, commits
                                   come when memory_bytes is used (below) */
    /* Called for each file that is skipped, truncated or failed, with a one-line
     * reason, and for a PATH in which the include patterns let no file in.
     * PATH and MESSAGE are borrowed for the call.  May be NULL. */
    void (*on_warning)(void *ctx, const char *path, const char *message);
    /* Called after each file.  May be NULL. */
    void (*on_progress)(void *ctx, const trawl_progress *progress);
    void *ctx;               /* passed to the callbacks */
    int keep_boilerplate;       /* nonzero: index bodies as they are, without cutting
                                   a repeated title or a trailing comment form,
                                   share block or "Related Posts" list */
    int count_first;            /* nonzero: trawl_indexer_add_path walks PATH once
                                   first, only counting, so that progress reports
                                   carry totals */
    unsigned jobs;              /* worker threads for building a fresh index (or a
                                   --full rebuild) with trawl_indexer_add_path;
                                   0 means one per core, at most 64; above
                                   TRAWL_JOBS_MAX, TRAWL_EINVAL at open.  Callbacks
                                   are then called from the workers, one at a time. */
    uint64_t memory_bytes;      /* about how much memory uncommitted changes may
                                   take, all workers together, before a commit;
                                   0 means 16 MiB for a bulk build (a new index,
                                   or overwrite) and 64 MiB for an update of an
                                   index by its one writer */
    uint64_t max_html_bytes;    /* bytes of an HTML page parsed; 0 means 16 MiB */
    double file_seconds;        /* CPU seconds one file may take, and as much again
                                   for each 64 MiB read from it, before it is
                                   abandoned with a warning (what it gave so far
                                   is kept, and it counts as failed); 0 means 60,
                                   a negative number no limit */
    int check;                  /* nonzero: before changing an existing index,
                                   check its tables (Xapian's own check, about
                                   20 ms per MB): a damaged one fails the open
                                   with TRAWL_ECORRUPT instead of crashing the
                                   writer later.  The check runs in a child
                                   process (fork, then waitpid on that child
                                   alone), since Xapian's check itself crashes
                                   on some damaged tables: its crash is one
                                   more finding, TRAWL_ECORRUPT.  One that
                                   cannot run (no process or pipe to be
                                   had) fails the open with another status
                                   (TRAWL_EIO, TRAWL_EINTERNAL).  A program
                                   with other threads running should open with
                                   check set before it starts them, as forking
                                   beside them is unsafe */
    /* Extraction only: set, the indexer writes no index.  trawl_indexer_open
     * then ignores PATH (it may be NULL) and creates, locks and opens nothing;
     * trawl_indexer_add_path walks, reads, extracts and cleans exactly as it
     * does to index (the limits, boilerplate, dates and warnings above), with
     * one thread (jobs is ignored), and hands each article to this callback in
     * walk order instead of writing it.  The article is what the index would
     * hold: cleaned UTF-8 fields, NULL when absent; the date in ISO 8601
     * as trawl_hit shows it ("2021-07-30", or "2021-07-30T10:00:00Z" or
     * "2021-07-30T12:00:00+02:00" when it has a time); the url's
     * host as site when no site name was given; the whole body indexed (of
     * which an index keeps only the first 64 KiB to show, see
     * trawl_db_get_article).  ARTICLE and its strings are borrowed for the
     * call.  Return 0 to go on; anything else stops add_path (or add_article,
     * which hands its article over the same way), which returns TRAWL_EIO.
     * To stop early without an error, call trawl_indexer_interrupt.  Called
     * with ctx, like the callbacks above.  Nothing is removed
     * (trawl_indexer_remove fails with TRAWL_EINVAL) and commit does nothing;
     * stats count the articles handed over as articles written. */
    int (*on_extract)(void *ctx, const trawl_article *article);
    /* One shard of a collection split over SHARDS indexes (0: no split): only
     * the articles whose id hashes to SHARD (1 to SHARDS) are indexed, the
     * others are left out as if their files did not hold them, so that SHARDS
     * indexers given the same files (named the same way: the id holds the path
     * as given) write each article into exactly one of their indexes, and
     * re-runs keep it there.  trawl_indexer_add_article leaves out an article
     * of another shard and returns TRAWL_OK.  A SHARD outside 1 to SHARDS is
     * TRAWL_EINVAL at open, and so is an index that holds another part of
     * its collection (another SHARD or SHARDS, or all of it) and articles,
     * unless overwrite rebuilds it. */
    unsigned shard;
    unsigned shards;
    /* Entries of one archive (tar, zip, 7-Zip) read at most; the rest of the
     * archive is passed over with a warning.  0 means 10000. */
    uint64_t max_members;
    /* New fields are only ever appended here. */
} trawl_indexer_opts;
/* Every field in order, as TRAWL_SEARCH_OPTS_INIT is written (see there),
 * pointers as NULL. */
#define TRAWL_INDEXER_OPTS_INIT                                                        \
    { sizeof(trawl_indexer_opts), NULL, 0, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, \
      0, 0, 0, 0.0, 0, NULL, 0, 0, 0 }

/* The most worker threads (trawl_indexer_opts.jobs) an indexer starts: each
 * writes a shard of its own, with its files open. */
#define TRAWL_JOBS_MAX 1024

/* Opens (creating it when missing) the index at PATH for writing.  Only one
 * indexer may hold an index: a second one fails with TRAWL_ELOCKED.  A
 * relative PATH is read from the working folder of the open, as for
 * trawl_db_open.
 * OPTS is copied, except the include/exclude arrays and ctx, which must outlive
 * the indexer.  On success *ix is owned by the caller (trawl_indexer_close).  On
 * failure *ix may hold a handle for trawl_indexer_errmsg (close it) or NULL;
 * the calls that write fail on such a handle with TRAWL_EINVAL. */
TRAWL_API trawl_status trawl_indexer_open(const char *path,
                                          const trawl_indexer_opts *opts,
                                          trawl_indexer **ix);

/* Indexes a file or, recursively, a directory (hidden entries are skipped and
 * symlinked directories are never entered twice), incrementally: a file whose size
 * and modification time are as recorded is not read; one whose bytes are the same
 * is not re-indexed; a changed file has all its articles replaced; and files
 * indexed before from below PATH that are gone now have their articles removed
 * (only below PATH).  A bad file -- or a PATH that cannot be read -- is reported
 * through on_warning and counted as failed; it does not make this call fail.
 * Fails when the index cannot be written (TRAWL_EIO for a full disk, ...), on
 * an interrupt (TRAWL_EINTR), and with TRAWL_EINVAL, touching nothing, for a
 * relative PATH in another working folder than the index's, or a PATH that
 * names files an earlier call's folder named under another spelling (ids
 * are paths as given: they would be indexed twice). */
TRAWL_API trawl_status trawl_indexer_add_path(trawl_indexer *ix, const char *path);

/* Walks PATH as trawl_indexer_add_path would, reading nothing, and adds its
 * files and their bytes to the totals of the progress reports (files_total,
 * bytes_total).  A program that adds several paths counts them all first,
 * with count_first off, so that its first reports carry the run's totals,
 * not only those of the paths added so far (with count_first, each
 * trawl_indexer_add_path counts its own PATH when it begins).  Fails with
 * TRAWL_EINVAL for no PATH and TRAWL_EINTR on an interrupt. */
TRAWL_API trawl_status trawl_indexer_count_path(trawl_indexer *ix, const char *path);

/* Deletes the article ID.  TRAWL_ENOTFOUND when the index has none. */
TRAWL_API trawl_status trawl_indexer_remove(trawl_indexer *ix, const char *id);

/* Asks a running trawl_indexer_add_path to stop soon; it then returns TRAWL_EINTR
 * (and clears the request), and everything indexed so far can still be
 * committed.  Only sets a flag, so it may be called from a signal handler; a
 * request made between two add_path calls stops the next one at once.
 * add_article and add_buffer are never interrupted: they leave the request
 * to the next add_path.  trawl_indexer_compact is (see there). */
TRAWL_API void trawl_indexer_interrupt(trawl_indexer *ix);

/* Adds or replaces one article.  The strings are copied; invalid UTF-8 is
 * repaired.  The body is indexed as text, whatever it holds: for an HTML page
 * or any other format, see trawl_indexer_add_buffer. */
TRAWL_API trawl_status trawl_indexer_add_article(trawl_indexer *ix,
                                                 const trawl_article *article);

/* Indexes LEN bytes of DATA, held in memory, as trawl_indexer_add_path would
 * index a file named NAME with these bytes: the same formats, recognised by
 * their content and by NAME's extension (HTML, JSON, JSON Lines, Reuters SGML,
 * TREC, text, gzip of any of them), the same extraction, cleaning and limits.
 * NAME is the id of the article (NAME#MEMBER for the articles of a
 * container) and their path; what an earlier call or file of that name gave
 * is replaced, and the record add_path kept of that file goes with it: the
 * next add_path that meets the file reads it again, unchanged as it may be,
 * and its articles replace these.  DATA is borrowed for the call.  TRAWL_EFORMAT when the bytes
 * gave nothing (binary, empty, malformed, over a limit), with the reason as
 * the message; bytes that gave articles are TRAWL_OK, though parts of them
 * were bad: warnings about those go to on_warning, as for a file.  Never
 * interrupted (trawl_indexer_interrupt is for add_path). */
TRAWL_API trawl_status trawl_indexer_add_buffer(trawl_indexer *ix, const char *name,
                                                const void *data, size_t len);

/* Makes everything added so far durable and visible to readers, atomically.
 * An indexer asked for no change since it opened writes nothing: the
 * index, and the time of its last update, stay as they were. */
TRAWL_API trawl_status trawl_indexer_commit(trawl_indexer *ix);

/* Commits what is pending, then rewrites the index into a new generation
 * in which Xapian's compaction has filled every B-tree block and given back
 * the room of articles deleted or replaced, and makes it current in one
 * rename: readers see the old index or the new one, never a mix, and a
 * failure (a full disk: the new copy needs room beside the old) leaves the
 * old one whole.  An index updated run by run grows to about twice a fresh
 * build of the same articles, and reads more blocks per search, as new
 * articles land among full blocks and split them; the updates that follow
 * compaction split them again, so it is worth doing once an index stops
 * changing.  About a second per 100 MB of index; its steps go to
 * on_progress ("compacting: postlist").  Nothing is rewritten when the index
 * is as a build (its merge is a compaction) or a compaction left it, by
 * this handle or an earlier one, no article written or deleted since: then
 * stats.compactions does not grow.  *BYTES_BEFORE and
 * *BYTES_AFTER (each may be NULL) are set to the index's size in bytes before
 * and after (after is before when nothing was rewritten; both 0 on failure).
 * Xapian's compaction runs in a child process, which
 * trawl_indexer_interrupt ends within a tenth of a second (a request made
 * before the call, before the first table): TRAWL_EINTR, the request
 * cleared, the old generation current and whole, the half-written copy
 * removed, and nothing of it held by this process, memory or open file.
 * As with opts.check, the child is forked beside the program's other
 * threads: a lock one of them held at the fork stays held in the child,
 * and one the child then needs would hang it, so a program with threads
 * of its own compacts before it starts them, or from a process of its
 * own.
 * TRAWL_EINVAL on an indexer that only extracts. */
TRAWL_API trawl_status trawl_indexer_compact(trawl_indexer *ix, uint64_t *bytes_before,
                                             uint64_t *bytes_after);

/* Fills *stats with the counters so far, SIZE bytes of it: sizeof *stats as
 * the caller knows it, as for trawl_db_info_get. */
TRAWL_API trawl_status trawl_indexer_stats_get(const trawl_indexer *ix,
                                               trawl_indexer_stats *stats, size_t size);

/* The message of the last failure on IX, or "".  Borrowed until the next call. */
TRAWL_API const char *trawl_indexer_errmsg(const trawl_indexer *ix);

/* Commits what is pending, releases the lock and frees IX.  Returns the status of
 * that last commit: work already committed is never lost. */
TRAWL_API trawl_status trawl_indexer_close(trawl_indexer *ix);

#ifdef __cplusplus
}
#endif

#endif /* TRAWL_H */
