/* db_xapian.cc - trawl_db: open an index and search it. */
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <new>
#include <string>
#include <sys/stat.h>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "buf.h"
#include "docdata.h"
#include "keyterm.h"
#include "results.h"
#include "schema.h"
#include "snippet.h"
#include "url.h"
}
#include "errors_xapian.h"

struct trawl_db {
    Xapian::Database db;
    Xapian::Stem stem;
    bool stemming = false;
    /* Built once per handle (prefixes, stemmer, field processors): building it
     * for every search cost more than many searches. */
    Xapian::QueryParser qp;
    std::string path, stemmer, writer;
    std::string stub_path;      /* PATH/XAPIANDB, naming the current generation */
    struct stat stub = {};      /* of stub_path when opened */
    char errmsg[1024] = "";
};

/* Catches up with the writers.  A bulk build replaces the whole database by a new
 * generation (indexer/store.h): then the stub file changes, and the database is
 * opened again; otherwise reopen() sees the latest commit. */
static void refresh(trawl_db *db)
{
    struct stat st = {};
    stat(db->stub_path.c_str(), &st);
    if (st.st_ino == db->stub.st_ino && st.st_mtim.tv_sec == db->stub.st_mtim.tv_sec &&
        st.st_mtim.tv_nsec == db->stub.st_mtim.tv_nsec) {
        db->db.reopen();
        return;
    }
    /* The generation named may be gone by now if a newer one replaced it: read
     * the stub again. */
    for (int attempt = 1;; attempt++) {
        try {
            db->db = Xapian::Database(db->path);
            db->stub = st;
            return;
        } catch (const Xapian::DatabaseOpeningError &) {
            if (attempt == 3)
                throw;
            stat(db->stub_path.c_str(), &st);
        }
    }
}

static trawl_status fail(trawl_db *db, trawl_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static trawl_status fail(trawl_db *db, trawl_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

static void setup_parser(trawl_db *db);

/* Reads the identity the writer recorded, and checks we can read this schema. */
static trawl_status load_identity(trawl_db *db)
{
    std::string schema = db->db.get_metadata(TW_META_SCHEMA);
    if (schema.empty() && db->db.get_doccount() > 0)
        return fail(db, TRAWL_ESCHEMA, "%s is a Xapian database but not a trawl index",
                    db->path.c_str());
    if (!schema.empty() && schema != std::to_string(TW_SCHEMA_VERSION))
        return fail(db, TRAWL_ESCHEMA,
                    "index %s has schema version %s, which this trawl cannot read: rebuild "
                    "it with trawl-index --full", db->path.c_str(), schema.c_str());
    db->stemmer = db->db.get_metadata(TW_META_STEMMER);
    db->writer = db->db.get_metadata(TW_META_VERSION);
    if (db->stemmer.empty())
        db->stemmer = "english";
    db->stemming = db->stemmer != "none";
    db->stem = db->stemming ? Xapian::Stem(db->stemmer) : Xapian::Stem();
    setup_parser(db);
    return TRAWL_OK;
}

extern "C" trawl_status trawl_db_open(const char *path, trawl_db **out)
{
    if (!out)
        return TRAWL_EINVAL;
    *out = nullptr;
    trawl_db *db = new (std::nothrow) trawl_db;
    if (!db)
        return TRAWL_ENOMEM;
    *out = db;
    try {
        if (!path || !*path)
            return fail(db, TRAWL_EINVAL, "no index path given");
        db->path = path;
        db->stub_path = db->path + "/XAPIANDB";
        struct stat st;
        if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
            return fail(db, TRAWL_ENOINDEX,
                        "no index at %s: build one with 'trawl-index -d %s PATH...'", path,
                        path);
        try {
            stat(db->stub_path.c_str(), &db->stub);
            db->db = Xapian::Database(path);
        } catch (const Xapian::DatabaseVersionError &) {
            throw;
        } catch (const Xapian::DatabaseOpeningError &) {
            return fail(db, TRAWL_ENOINDEX,
                        "%s is not an index: build one with 'trawl-index -d %s PATH...'",
                        path, path);
        }
        return load_identity(db);
    } catch (...) {
        return tw_catch(db->errmsg, sizeof db->errmsg, path);
    }
}

extern "C" void trawl_db_close(trawl_db *db)
{
    if (!db)
        return;
    try {
        db->db.close();
    } catch (...) {
        /* Closing a reader cannot lose data; nothing to report. */
    }
    delete db;
}

extern "C" const char *trawl_db_errmsg(const trawl_db *db)
{
    return db ? db->errmsg : "no index handle (it could not be allocated)";
}

extern "C" trawl_status trawl_db_doc_count(trawl_db *db, uint64_t *count)
{
    if (!count)
        return TRAWL_EINVAL;
    *count = 0;
    if (!db)
        return TRAWL_EINVAL;
    try {
        refresh(db);
        *count = db->db.get_doccount();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(db->errmsg, sizeof db->errmsg, "counting documents");
    }
}

/* Bytes in the files of PATH and its folders (the current generation, and
 * during a build its shards too). */
static uint64_t dir_size(const char *path)
{
    uint64_t total = 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    std::string file;
    while (struct dirent *e = readdir(d)) {
        struct stat st;
        file = std::string(path) + "/" + e->d_name;
        if (e->d_name[0] == '.' || lstat(file.c_str(), &st) < 0)
            continue;
        if (S_ISREG(st.st_mode))
            total += (uint64_t)st.st_size;
        else if (S_ISDIR(st.st_mode))
            total += dir_size(file.c_str());
    }
    closedir(d);
    return total;
}

extern "C" trawl_status trawl_db_info_get(trawl_db *db, trawl_db_info *info)
{
    if (!db || !info)
        return TRAWL_EINVAL;
    std::memset(info, 0, sizeof *info);
    try {
        refresh(db);
        trawl_status st = load_identity(db);
        if (st != TRAWL_OK)
            return st;
        info->documents = db->db.get_doccount();
        for (Xapian::TermIterator t = db->db.allterms_begin(); t != db->db.allterms_end(); ++t)
            info->terms++;
        info->size_bytes = dir_size(db->path.c_str());
        info->last_update = std::atoll(db->db.get_metadata(TW_META_UPDATED).c_str());
        info->schema = TW_SCHEMA_VERSION;
        info->stemmer = db->stemmer.c_str();
        info->writer = db->writer.c_str();
        info->path = db->path.c_str();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(db->errmsg, sizeof db->errmsg, "reading index statistics");
    }
}

/* site:WWW.Ledger.example finds what the indexer filed under ledger.example. */
struct SiteProcessor : Xapian::FieldProcessor {
    Xapian::Query operator()(const std::string &text) override
    {
        tw_buf host = {}, term = {};
        int rc = tw_site_host(text.c_str(), &host);
        if (rc == 0)
            rc = tw_key_term(&term, TW_PREFIX_HOST, host.data ? host.data : "");
        std::string t = rc == 0 ? std::string(term.data, term.len) : std::string();
        tw_buf_free(&host);
        tw_buf_free(&term);
        if (rc < 0)
            throw std::bad_alloc();
        return Xapian::Query(t);
    }
};

/* Sets up the handle's query parser for its index. */
static void setup_parser(trawl_db *db)
{
    Xapian::QueryParser &qp = db->qp;
    qp = Xapian::QueryParser();
    qp.set_database(db->db);
    if (db->stemming) {
        qp.set_stemmer(db->stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    qp.add_prefix("title", TW_PREFIX_TITLE);
    qp.add_prefix("author", TW_PREFIX_AUTHOR);
    qp.add_boolean_prefix("site", (new SiteProcessor)->release());
    qp.add_boolean_prefix("path", TW_PREFIX_PATH);
}

static Xapian::Query parse_query(trawl_db *db, const char *text, bool match_any)
{
    db->qp.set_default_op(match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT;
    return db->qp.parse_query(text, flags);
}

/* Runs the search once; throws what Xapian throws. */
static trawl_results *run_search(trawl_db *db, const char *text,
                                 const trawl_search_opts &o)
{
    Xapian::Query query = parse_query(db, text, o.match_any != 0);
    Xapian::Enquire enquire(db->db);
    enquire.set_query(query);
    if (o.sort_by_date)
        enquire.set_sort_by_value_then_relevance(TW_SLOT_DATE, true);
    size_t limit = o.limit ? o.limit : 10;
    Xapian::doccount check = o.exact_count ? db->db.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset((Xapian::doccount)o.offset,
                                         (Xapian::doccount)limit, check);

    trawl_results *res = tw_results_new();
    if (!res)
        throw std::bad_alloc();
    tw_results_set_total(res, mset.get_matches_estimated());
    size_t snippet_len = o.snippet_length ? o.snippet_length : 200;
    tw_buf plain = {}, scratch = {};
    size_t rank = o.offset;
    try {
        for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m) {
            std::string data = m.get_document().get_data();
            tw_slice fields[TW_F_COUNT];
            tw_docdata_parse(data.data(), data.size(), fields);
            trawl_span *spans = nullptr;
            size_t n_spans = 0;
            const char *snippet = nullptr;
            tw_buf_clear(&plain);
            if (!o.no_snippets) {
                tw_slice stored;
                if (tw_docdata_body(fields, &scratch, &stored) < 0)
                    throw Xapian::DatabaseCorruptError("the stored text of document " +
                                                       std::to_string(*m) + " is damaged");
                std::string body(stored.ptr ? stored.ptr : "", stored.len);
                std::string marked = mset.snippet(body, snippet_len, db->stem,
                                                  0,
                                                  TW_HI_START, TW_HI_END, "\u2026");
                if (tw_snippet_unmark(marked.data(), marked.size(), &plain, &spans,
                                      &n_spans) < 0)
                    throw std::bad_alloc();
                snippet = plain.data ? plain.data : "";
            }
            int rc = tw_results_add(res, ++rank, *m, m.get_weight(), fields, snippet,
                                    plain.len, spans, n_spans);
            std::free(spans);
            if (rc < 0)
                throw std::bad_alloc();
        }
    } catch (...) {
        tw_buf_free(&plain);
        tw_buf_free(&scratch);
        trawl_results_free(res);
        throw;
    }
    tw_buf_free(&plain);
    tw_buf_free(&scratch);
    return res;
}

extern "C" trawl_status trawl_search(trawl_db *db, const char *query,
                                     const trawl_search_opts *opts, trawl_results **out)
{
    if (!out)
        return TRAWL_EINVAL;
    *out = nullptr;
    if (!db || !query)
        return db ? fail(db, TRAWL_EINVAL, "no query given") : TRAWL_EINVAL;
    trawl_search_opts o = {};
    if (opts)
        o = *opts;
    const char *p = query;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p)
        return fail(db, TRAWL_EQUERY, "empty query: give at least one word");
    try {
        /* A writer may have committed since we opened: see its latest commit, and
         * retry once if it replaces blocks while we read. */
        refresh(db);
        try {
            *out = run_search(db, query, o);
        } catch (const Xapian::DatabaseModifiedError &) {
            refresh(db);
            *out = run_search(db, query, o);
        }
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(db->errmsg, sizeof db->errmsg, "bad query");
    }
}
