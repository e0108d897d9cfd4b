/* db_xapian.cc - trawl_db: open an index, describe it, parse queries. */
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <new>
#include <ctime>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "buf.h"
#include "date.h"
#include "docdata.h"
#include "keyterm.h"
#include "lang.h"
#include "results.h"
#include "schema.h"
#include "snippet.h"
#include "stub.h"
#include "title_tail.h"
#include "url.h"
}
#include "db_xapian.h"
#include "errors_xapian.h"
#include "stem_cache_xapian.h"

static trawl_status load_identity(trawl_db *db);

/* The stemmers of the languages the index holds (db->lang_stems), when it
 * stems each article in its own: those of its TW_PREFIX_LANG terms that
 * Xapian can stem, the index's own stemmer aside. */
static void load_languages(trawl_db *db)
{
    db->lang_stems.clear();
    db->by_language = db->stemming && db->db.get_metadata(TW_META_STEM_LANGS) == "1";
    if (!db->by_language)
        return;
    for (Xapian::TermIterator t = db->db.allterms_begin(TW_PREFIX_LANG);
         t != db->db.allterms_end(TW_PREFIX_LANG); ++t) {
        std::string code = (*t).substr(std::strlen(TW_PREFIX_LANG));
        try {
            Xapian::Stem s(code);
            if (s.get_description() != Xapian::Stem(db->stemmer).get_description())
                db->lang_stems.emplace_back(code, tw_stem_cached(s));
        } catch (const Xapian::InvalidArgumentError &) {
            /* a language Xapian cannot stem: its articles have the index's stems */
        }
    }
}

/* Checks the index folder's stub the way the writer does (common/stub.h): a
 * damaged one must not open as an empty index that finds nothing.  A legacy
 * index (glass files in the folder itself) has no stub.  Returns TRAWL_OK, or
 * TRAWL_ECORRUPT with the reason in errmsg. */
static trawl_status check_stub(trawl_db *db)
{
    int fd = open(db->path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return TRAWL_OK;        /* Xapian says what is wrong with the folder */
    struct stat st;
    tw_stub_state state = TW_STUB_OK;
    if (fstatat(fd, "iamglass", &st, 0) < 0) {
        unsigned gen;
        /* A writer switching generations renames the stub before it removes the
         * old one: a stub read just before then names a folder that is gone, and
         * the second read names the new one. */
        for (int attempt = 0; attempt < 2; attempt++) {
            state = tw_stub_check(fd, db->path.c_str(), &gen, db->errmsg, sizeof db->errmsg);
            if (state != TW_STUB_DAMAGED)
                break;
        }
    }
    close(fd);
    return state == TW_STUB_DAMAGED ? TRAWL_ECORRUPT : TRAWL_OK;
}

/* Catches up with the writers.  A bulk build replaces the whole database by a new
 * generation (indexer/store.h): then the stub file changes, and the database is
 * opened again; otherwise reopen() sees the latest commit. */
bool tw_db_refresh(trawl_db *db)
{
    struct stat st = {};
    stat(db->stub_path.c_str(), &st);
    if (st.st_ino == db->stub.st_ino && st.st_mtim.tv_sec == db->stub.st_mtim.tv_sec &&
        st.st_mtim.tv_nsec == db->stub.st_mtim.tv_nsec) {
        if (!db->db.reopen())
            return false;
        db->expansions.clear();
        load_languages(db);
        return true;
    }
    db->expansions.clear();
    if (check_stub(db) != TRAWL_OK)
        throw tw_error{ TRAWL_ECORRUPT, db->errmsg };
    /* The generation named may be gone by now if a newer one replaced it: read
     * the stub again. */
    for (int attempt = 1;; attempt++) {
        try {
            db->db = Xapian::Database(db->path);
            db->stub = st;
            /* A new generation may be a rebuild with another stemmer: the
             * parser and the stemmer follow it. */
            if (load_identity(db) != TRAWL_OK)
                throw Xapian::DatabaseVersionError(db->errmsg);
            return true;
        } catch (const Xapian::DatabaseOpeningError &) {
            if (attempt == 3)
                throw;
            stat(db->stub_path.c_str(), &st);
        }
    }
}

void tw_db_pause(int attempt)
{
    long ms = 1L << (attempt - 1);
    struct timespec t = { ms / 1000, ms % 1000 * 1000000L };
    nanosleep(&t, nullptr);
}

trawl_status tw_db_fail(trawl_db *db, trawl_status st, const char *fmt, ...)
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
        return tw_db_fail(db, TRAWL_ESCHEMA, "%s is a Xapian database but not a trawl index",
                    db->path.c_str());
    int version = schema.empty() ? TW_SCHEMA_VERSION : std::atoi(schema.c_str());
    if (version < TW_SCHEMA_OLDEST_READ || version > TW_SCHEMA_VERSION ||
        schema != std::to_string(version))
        return tw_db_fail(db, TRAWL_ESCHEMA,
                    "index %s has schema version %s, which this trawl cannot read: rebuild "
                    "it from the articles", db->path.c_str(), schema.c_str());
    db->stemmer = db->db.get_metadata(TW_META_STEMMER);
    db->writer = db->db.get_metadata(TW_META_VERSION);
    if (db->stemmer.empty())
        db->stemmer = "english";
    db->stemming = db->stemmer != "none";
    db->stem = db->stemming ? tw_stem_cached(Xapian::Stem(db->stemmer)) : Xapian::Stem();
    load_languages(db);
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
            return tw_db_fail(db, TRAWL_EINVAL, "no index path given");
        db->path = path;
        db->stub_path = db->path + "/XAPIANDB";
        struct stat st;
        if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
            return tw_db_fail(db, TRAWL_ENOINDEX, "no index at %s", path);
        if (check_stub(db) != TRAWL_OK)
            return TRAWL_ECORRUPT;
        /* Reading the identity may meet a writer's commits, as a search
         * may. */
        for (int attempt = 1;; attempt++) {
            try {
                try {
                    stat(db->stub_path.c_str(), &db->stub);
                    db->db = Xapian::Database(path);
                } catch (const Xapian::DatabaseVersionError &) {
                    throw;
                } catch (const Xapian::DatabaseOpeningError &) {
                    return tw_db_fail(db, TRAWL_ENOINDEX, "%s is not an index", path);
                }
                return load_identity(db);
            } catch (const Xapian::DatabaseModifiedError &) {
                if (attempt == TW_DB_TRIES)
                    throw;
            }
            tw_db_pause(attempt);
        }
    } catch (...) {
        /* Opening reads the metadata: damage found there is reported as a
         * search's is, with the generation to check. */
        return tw_catch_index(db->errmsg, sizeof db->errmsg, path, path);
    }
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
        return TRAWL_EINVAL;
    *count = 0;
    if (!db)
        return TRAWL_EINVAL;
    try {
        tw_db_refresh(db);
        *count = db->db.get_doccount();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch_index(db->errmsg, sizeof db->errmsg, "counting documents",
                              db->path.c_str());
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
        tw_db_refresh(db);
        trawl_status st = load_identity(db);
        if (st != TRAWL_OK)
            return st;
        info->documents = db->db.get_doccount();
        for (Xapian::TermIterator t = db->db.allterms_begin(); t != db->db.allterms_end(); ++t)
            info->terms++;
        info->size_bytes = dir_size(db->path.c_str());
        info->last_update = std::atoll(db->db.get_metadata(TW_META_UPDATED).c_str());
        std::string schema = db->db.get_metadata(TW_META_SCHEMA);
        info->schema = schema.empty() ? TW_SCHEMA_VERSION : std::atoi(schema.c_str());
        info->stemmer = db->by_language ? "auto" : db->stemmer.c_str();
        info->writer = db->writer.c_str();
        info->path = db->path.c_str();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch_index(db->errmsg, sizeof db->errmsg, "reading index statistics",
                              db->path.c_str());
    }
}

/* A boolean field whose terms are spelled by a function: site:WWW.Ledger.example
 * finds what the indexer filed under ledger.example, site:"The Ledger" the site
 * of that name; url: and path: values are shortened like the indexer's. */
struct KeyProcessor : Xapian::FieldProcessor {
    const char *prefix;
    int (*spell)(const char *, tw_buf *);   /* NULL: the value as typed */

    KeyProcessor(const char *p, int (*f)(const char *, tw_buf *)) : prefix(p), spell(f) {}

    std::string term(const std::string &text) const
    {
        tw_buf value = {}, term = {};
        int rc = spell ? spell(text.c_str(), &value) : tw_buf_puts(&value, text.c_str());
        if (rc == 0)
            rc = tw_key_term(&term, prefix, value.data ? value.data : "");
        std::string t = rc == 0 ? std::string(term.data, term.len) : std::string();
        tw_buf_free(&value);
        tw_buf_free(&term);
        if (rc < 0)
            throw std::bad_alloc();
        return t;
    }

    Xapian::Query operator()(const std::string &text) override
    {
        return Xapian::Query(term(text));
    }
};

/* site:"Harbour Gazette" also finds the articles of the hosts whose other
 * articles gave that name (TW_META_SITE), as the site facet counts them. */
struct SiteProcessor : KeyProcessor {
    const Xapian::Database *db;

    explicit SiteProcessor(const Xapian::Database *d) : KeyProcessor(TW_PREFIX_HOST, tw_site_key), db(d) {}

    Xapian::Query operator()(const std::string &text) override
    {
        std::string want = term(text);
        std::vector<Xapian::Query> hosts{Xapian::Query(want)};
        const std::string meta = TW_META_SITE;
        for (auto k = db->metadata_keys_begin(meta); k != db->metadata_keys_end(meta); ++k)
            if (term(db->get_metadata(*k)) == want)
                hosts.emplace_back(term((*k).substr(meta.size())));
        return Xapian::Query(Xapian::Query::OP_OR, hosts.begin(), hosts.end());
    }
};

/* date:2021-06-17, date:2021-06, date:2021 (that whole day, month or year), and
 * ranges of those with either end open: date:2021-06-01..2021-06-30, date:2021..,
 * date:..2020-12-31.  An end is inclusive: "..2020-12" runs to the month's last
 * second. */
struct DateProcessor : Xapian::FieldProcessor {
    /* Where a bad date is reported: an exception thrown through Xapian's
     * parser leaks some of its state, so tw_db_parse throws it afterwards. */
    std::string *bad;

    explicit DateProcessor(std::string *b) : bad(b) {}

    Xapian::Query operator()(const std::string &text) override
    {
        size_t dots = text.find("..");
        std::string lo = dots == std::string::npos ? text : text.substr(0, dots);
        std::string hi = dots == std::string::npos ? text : text.substr(dots + 2);
        int64_t lo_start = 0, lo_end = 0, hi_start = 0, hi_end = 0;
        bool ok = (lo.empty() || tw_date_period(lo.data(), lo.size(), &lo_start, &lo_end)) &&
                  (hi.empty() || tw_date_period(hi.data(), hi.size(), &hi_start, &hi_end)) &&
                  !(lo.empty() && hi.empty());
        if (!ok) {
            if (bad->empty())
                *bad = "date:" + text + " is not a date: use date:2021-06-17, date:2021-06, "
                       "date:2021, or a range such as date:2021-06-01..2021-06-30 (either "
                       "end may be left out)";
            return Xapian::Query::MatchNothing;
        }
        std::string from = Xapian::sortable_serialise((double)lo_start);
        std::string to = Xapian::sortable_serialise((double)(hi_end - 1));
        if (lo.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, TW_SLOT_DATE, to);
        if (hi.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, TW_SLOT_DATE, from);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, TW_SLOT_DATE, from, to);
    }
};

/* lang:DE and lang:de-DE find what the indexer filed under "de". */
static int lang_key(const char *text, tw_buf *out)
{
    char code[TW_LANG_MAX];
    return tw_buf_puts(out, tw_lang_normalise(text, code) ? code : text);
}

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
    qp.add_boolean_prefix("site", (new SiteProcessor(&db->db))->release());
    qp.add_boolean_prefix("path", (new KeyProcessor(TW_PREFIX_PATH, nullptr))->release());
    qp.add_boolean_prefix("url", (new KeyProcessor(TW_PREFIX_URL, nullptr))->release());
    qp.add_boolean_prefix("date", (new DateProcessor(&db->bad_field))->release());
    qp.add_boolean_prefix("lang", (new KeyProcessor(TW_PREFIX_LANG, lang_key))->release());
}

/* Q with each word looked for in every language of the index (db->lang_stems):
 * a stemmed word ("Z" + the index's stem) as a synonym of its stems in each,
 * and, when the index holds German, a word left unstemmed as a synonym of
 * its German stem: Xapian's parser takes a capitalised word for a name and
 * does not stem it, but German capitalises every noun (the term generator
 * stems them all when indexing).  A synonym weighs as one word, so a word
 * with several stems counts no more than one with one.  Words of the text
 * and of the title: and author: fields are; filters (site:, lang:...) are
 * not.  Only the operators that can be rebuilt from their parts are looked
 * into: phrases and NEAR are matched on the words as written. */
static Xapian::Query in_languages(const trawl_db *db, const Xapian::Query &q, bool *changed)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        bool stemmed = !term.empty() && term[0] == 'Z';
        size_t at = stemmed;
        while (at < term.size() && term[at] >= 'A' && term[at] <= 'Z')
            at++;                                   /* a field's prefix */
        std::string prefix = term.substr(stemmed, at - stemmed);
        if (!prefix.empty() && prefix != TW_PREFIX_TITLE && prefix != TW_PREFIX_AUTHOR)
            return q;
        std::vector<std::string> words;
        if (stemmed)        /* the parser remembers the words as typed */
            for (auto w = db->qp.unstem_begin(term); w != db->qp.unstem_end(term); ++w)
                words.push_back(*w);
        else if (tw_plain_term(term.substr(at)))
            words.push_back(term.substr(at));
        std::vector<std::string> terms{ term };
        for (const auto &l : db->lang_stems)
            for (const std::string &w : words)
                if (stemmed || l.first == "de") {
                    /* A stem no article has adds nothing but work: in a
                     * collection of one main language, most of them. */
                    std::string t = "Z" + prefix + l.second(w);
                    if (std::find(terms.begin(), terms.end(), t) == terms.end() &&
                        db->db.term_exists(t))
                        terms.push_back(t);
                }
        if (terms.size() == 1)
            return q;
        std::vector<Q> subs;
        for (const std::string &t : terms)
            subs.emplace_back(t);
        *changed = true;
        return Q(Q::OP_SYNONYM, subs.begin(), subs.end());
    }
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT && op != Q::OP_XOR &&
        op != Q::OP_AND_MAYBE && op != Q::OP_FILTER && op != Q::OP_SYNONYM && op != Q::OP_MAX)
        return q;
    bool any = false;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(in_languages(db, q.get_subquery(i), &any));
    if (!any)
        return q;
    *changed = true;
    return Q(op, subs.begin(), subs.end());
}

void tw_shown_fields(const Xapian::Document &doc, bool with_body, std::string &data,
                     tw_slice fields[TW_F_COUNT])
{
    if (!with_body)
        data = doc.get_value(TW_SLOT_SHOWN);
    if (with_body || data.empty())
        data = doc.get_data();
    tw_docdata_parse(data.data(), data.size(), fields);
}

void tw_db_trim_title(const trawl_db *db, tw_slice fields[TW_F_COUNT])
{
    tw_slice &title = fields[TW_F_TITLE], &url = fields[TW_F_URL];
    size_t sep, tail;
    if (!title.ptr || !url.ptr || !tw_title_tail(title.ptr, title.len, &sep, &tail))
        return;
    tw_buf host = {};
    std::string u(url.ptr, url.len);
    if (tw_site_key(u.c_str(), &host) < 0)
        throw std::bad_alloc();
    std::string key = TW_META_TITLE_TAIL + std::string(host.data ? host.data : "", host.len);
    tw_buf_free(&host);
    std::string learnt = db->db.get_metadata(key);
    if (!learnt.empty() && learnt.size() == title.len - tail &&
        !std::memcmp(title.ptr + tail, learnt.data(), learnt.size()))
        title.len = sep;
}

Xapian::Query tw_db_parse(trawl_db *db, const std::string &text, bool match_any)
{
    db->qp.set_default_op(match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT |
                     /* Chinese, Japanese and Korean words as the indexer
                      * split them: characters and pairs of characters. */
                     Xapian::QueryParser::FLAG_CJK_NGRAM;
    db->bad_field.clear();
    Xapian::Query q = db->qp.parse_query(text, flags);
    if (!db->bad_field.empty())
        throw Xapian::QueryParserError(db->bad_field);
    return q;
}

Xapian::Query tw_db_in_languages(const trawl_db *db, const Xapian::Query &q)
{
    bool changed = false;
    return db->lang_stems.empty() ? q : in_languages(db, q, &changed);
}
