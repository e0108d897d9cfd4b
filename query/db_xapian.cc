/* db_xapian.cc - trawl_db: open an index and its shards, check what their
 * writers recorded, describe them, close them. */
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <new>
#include <string>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "dir_bytes.h"
#include "opts_size.h"
#include "schema.h"
}
#include "db_xapian.h"
#include "errors_xapian.h"
#include "fields_xapian.h"
#include "languages_xapian.h"
#include "stem_cache_xapian.h"
#include "stem_name_xapian.h"
#include "stem_snowball_xapian.h"

void tw_db_pause(int attempt)
{
    long ms = 1L << (attempt - 1);
    struct timespec t = { ms / 1000, ms % 1000 * 1000000L };
    nanosleep(&t, nullptr);
}

bool tw_db_torn_pointer(const Xapian::DatabaseError &e)
{
    /* Xapian 1.4 throws this as a DatabaseError, not a DatabaseCorruptError
     * (io_utils.cc): only its words tell it from a disk's read error. */
    static const char eof[] = "EOF reading block ";
    return std::strcmp(e.get_type(), "DatabaseError") == 0 &&
           e.get_msg().compare(0, sizeof eof - 1, eof) == 0;
}

trawl_status tw_db_fail(trawl_db *db, trawl_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

/* Checks the schema the writer of shard S recorded; sets *stemmer to its
 * stemmer and *VERSION to its schema. */
static trawl_status shard_identity(trawl_db *db, const tw_shard &s, std::string *stemmer,
                                   int *version)
{
    std::string schema = s.db.get_metadata(TW_META_SCHEMA);
    if (schema.empty() && s.db.get_doccount() > 0)
        return tw_db_fail(db, TRAWL_ESCHEMA, "%s is a Xapian database but not a trawl index",
                          s.spec.c_str());
    *version = schema.empty() ? TW_SCHEMA_VERSION : std::atoi(schema.c_str());
    if (*version < TW_SCHEMA_OLDEST_READ || *version > TW_SCHEMA_VERSION ||
        schema != std::to_string(*version))
        return tw_db_fail(db, TRAWL_ESCHEMA,
                          "index %s has schema version %s, which this trawl cannot read: "
                          "rebuild it from the articles", s.spec.c_str(), schema.c_str());
    /* By its one name: shards built with "en" and "english" are searched as one. */
    *stemmer = tw_stem_name(s.db.get_metadata(TW_META_STEMMER));
    if (stemmer->empty())
        *stemmer = "english";
    return TRAWL_OK;
}

trawl_status tw_db_identity(trawl_db *db)
{
    db->stemmer = "english";
    db->writer.clear();
    db->elisions = true;
    db->sea_words = true;
    db->compounds = true;
    db->numbers = true;
    db->plurals = true;
    db->initials = true;
    db->simplified = true;
    /* A new generation may have folded its Chinese with another table. */
    db->hans.reset();
    const tw_shard *first = nullptr;
    for (size_t i : db->live) {
        tw_shard &s = db->shards[i];
        std::string stemmer;
        int version = 0;
        trawl_status st = shard_identity(db, s, &stemmer, &version);
        if (st != TRAWL_OK)
            return st;
        s.seals = tw_seals_of(s.db);
        db->elisions &= version >= TW_SCHEMA_ELISIONS;
        db->sea_words &= version >= TW_SCHEMA_SEA_WORDS;
        db->compounds &= version >= TW_SCHEMA_COMPOUNDS;
        db->numbers &= version >= TW_SCHEMA_NUMBERS;
        db->plurals &= version >= TW_SCHEMA_PLURALS;
        db->initials &= version >= TW_SCHEMA_INITIALS;
        db->simplified &= version >= TW_SCHEMA_HANS;
        /* One query is parsed for all of them: a word stemmed one way finds
         * nothing in an index stemmed another. */
        if (first && stemmer != db->stemmer)
            return tw_db_fail(db, TRAWL_ESCHEMA, "indexes %s (stemmer %s) and %s (stemmer %s) "
                              "cannot be searched as one: " TW_REBUILD_OTHERS_STEMMER,
                              first->spec.c_str(), db->stemmer.c_str(), s.spec.c_str(),
                              stemmer.c_str());
        if (!first) {
            first = &s;
            db->stemmer = stemmer;
            db->writer = s.db.get_metadata(TW_META_VERSION);
        }
    }
    db->stemming = db->stemmer != "none";
    db->stem = db->stemming ? tw_stem_cached(tw_stem_of(db->stemmer)) : Xapian::Stem();
    tw_db_languages(db);
    tw_db_setup_parser(db);
    return TRAWL_OK;
}

extern "C" trawl_status trawl_db_open(const char *spec, trawl_db **out)
{
    if (!out)
        return TRAWL_EINVAL;
    *out = nullptr;
    trawl_db *db = new (std::nothrow) trawl_db;
    if (!db)
        return TRAWL_ENOMEM;
    *out = db;
    return trawl_db_add_shard(db, spec);
}

/* Adds SPEC's indexes to DB and checks them with the others (the local
 * ones now; the remote ones are connected at the first call that reads). */
static trawl_status add_shard(trawl_db *db, const char *spec, const char *name)
{
    try {
        if (!db->path.empty())
            db->path += ", ";
        db->path += name;
        trawl_status st = tw_shards_add(db, spec);
        if (st != TRAWL_OK)
            return st;
        tw_db_retry(db, [db] { return tw_db_refresh(db, false); });
        return TRAWL_OK;
    } catch (...) {
        /* Opening reads the metadata: damage found there is reported as a
         * search's is, with the generation to check. */
        return tw_catch_index(db->errmsg, sizeof db->errmsg, name, name);
    }
}

/* Puts DB back as it was before an add that failed, its first N shards
 * and PATH_LEN bytes of its path: an index that was refused (another
 * stemmer, damaged) would otherwise be searched by the next call with the
 * stemmer of the others, and named by messages and trawl_db_info. */
static void undo_add(trawl_db *db, size_t n, size_t path_len) noexcept
{
    db->path.resize(path_len);      /* shrinking: allocates nothing */
    if (db->shards.size() == n)
        return;
    char why[sizeof db->errmsg];    /* the refusal, which the caller reads */
    std::memcpy(why, db->errmsg, sizeof why);
    db->shards.erase(db->shards.begin() + (std::ptrdiff_t)n, db->shards.end());
    db->stale = true;
    try {
        tw_db_refresh(db, false);
    } catch (...) {
        /* The indexes DB held before opened then; what fails now fails
         * again at the next call, which reports it. */
    }
    std::memcpy(db->errmsg, why, sizeof why);
}

extern "C" trawl_status trawl_db_add_shard(trawl_db *db, const char *spec)
{
    if (!db)
        return TRAWL_EINVAL;
    size_t n = db->shards.size(), path_len = db->path.size();
    trawl_status st = add_shard(db, spec, spec ? spec : "");
    if (st != TRAWL_OK)
        undo_add(db, n, path_len);
    return st;
}

extern "C" trawl_status trawl_db_set_shard_timeout(trawl_db *db, unsigned ms)
{
    if (!db)
        return TRAWL_EINVAL;
    db->timeout_ms = ms;
    return TRAWL_OK;
}

extern "C" void tw_db_search_work(const trawl_db *db, tw_search_work *work)
{
    *work = db->search_work;
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
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no place given for the count") : TRAWL_EINVAL;
    *count = 0;
    if (!db)
        return TRAWL_EINVAL;
    try {
        *count = tw_db_read(db, [db] { return db->db.get_doccount(); });
        return TRAWL_OK;
    } catch (...) {
        return tw_catch_index(db->errmsg, sizeof db->errmsg, "counting documents",
                              db->path.c_str());
    }
}

/* Fills *INFO from DB's shards (trawl_db_info_get).  Throws what Xapian
 * throws. */
static trawl_status read_info(trawl_db *db, trawl_db_info *info)
{
    std::memset(info, 0, sizeof *info);     /* a read tried again starts over */
    trawl_status st = tw_db_identity(db);
    if (st != TRAWL_OK)
        return st;
    info->documents = db->db.get_doccount();
    /* Xapian 1.4 keeps no count of the distinct terms, nor a bound: they are
     * counted, 0.1 s a million terms here.  A remote shard sends its whole
     * vocabulary for it (linux-doc's 536,000 terms: 50 MB, 2.9 s), so only
     * the local shards' are counted, as only their bytes are.  (A count the
     * writer kept could be checked against the index's revision only where
     * the walk is cheap: a remote shard gives none.) */
    Xapian::Database local;
    for (size_t i : db->live) {
        if (db->shards[i].port)
            info->remote_uncounted = 1;
        else
            local.add_database(db->shards[i].db);
    }
    for (Xapian::TermIterator t = local.allterms_begin(); t != local.allterms_end(); ++t)
        info->terms++;
    /* Of several shards: the newest update, the oldest schema, the bytes
     * of those on this machine. */
    info->schema = TW_SCHEMA_VERSION;
    for (size_t i : db->live) {
        const tw_shard &s = db->shards[i];
        uint64_t bytes;
        if (!s.port) {
            (void)tw_dir_bytes(s.dir.c_str(), &bytes);  /* what could be read */
            info->size_bytes += bytes;
        }
        info->last_update = std::max<int64_t>(
            info->last_update, std::atoll(s.db.get_metadata(TW_META_UPDATED).c_str()));
        std::string schema = s.db.get_metadata(TW_META_SCHEMA);
        if (!schema.empty())
            info->schema = std::min<unsigned>(info->schema, std::atoi(schema.c_str()));
    }
    /* Each index's part, so that a union says which shards it joins (and
     * that one is missing, or named twice under other N). */
    db->parts.clear();
    bool recorded = false;
    for (size_t i : db->live) {
        std::string part = db->shards[i].db.get_metadata(TW_META_PART);
        recorded |= !part.empty();
        db->parts += (db->parts.empty() ? "" : " ") + (part.empty() ? "?" : part);
    }
    info->part = recorded ? db->parts.c_str() : nullptr;
    info->stemmer = db->by_language ? "auto" : db->stemmer.c_str();
    info->writer = db->writer.c_str();
    info->path = db->path.c_str();
    return TRAWL_OK;
}

extern "C" trawl_status trawl_db_info_get(trawl_db *db, trawl_db_info *info, size_t size)
{
    if (!info)
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no trawl_db_info given to fill")
                  : TRAWL_EINVAL;
    if (size < TW_DB_INFO_FIRST)
        return db ? tw_db_fail(db, TRAWL_EINVAL,
                               "a trawl_db_info of %zu bytes: it has at least %zu", size,
                               (size_t)TW_DB_INFO_FIRST)
                  : TRAWL_EINVAL;
    trawl_db_info all = {};
    trawl_status st = TRAWL_EINVAL;
    try {
        if (db)
            st = tw_db_read(db, [db, &all] { return read_info(db, &all); });
    } catch (...) {
        st = tw_catch_index(db->errmsg, sizeof db->errmsg, "reading index statistics",
                            db->path.c_str());
    }
    if (st != TRAWL_OK)
        all = trawl_db_info();  /* zero on failure, as trawl.h says */
    tw_give_struct(info, size, &all, sizeof all);
    return st;
}

tw_sea_splitter *tw_db_sea(trawl_db *db)
{
    if (!db->sea_words)
        return nullptr;
    if (!db->sea)
        db->sea.reset(tw_sea_new());
    if (!db->sea)
        throw std::bad_alloc();
    return db->sea.get();
}

tw_hans *tw_db_hans(trawl_db *db)
{
    if (!db->simplified)
        return nullptr;
    if (db->hans)
        return db->hans.get();
    /* The table the articles were folded with (TW_META_HANS), else ICU's
     * at the first ideograph: an index that has none holds none.  Read
     * first: a read that throws leaves no folder without it. */
    std::string table = db->db.get_metadata(TW_META_HANS);
    db->hans.reset(tw_hans_new());
    if (!db->hans)
        throw std::bad_alloc();
    tw_hans_use(db->hans.get(), table.data(), table.size());
    return db->hans.get();
}
