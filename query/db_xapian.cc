/* db_xapian.cc - trawl_db: open an index, describe it, parse queries. */
#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <new>
#include <ctime>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "acronym_plural.h"
#include "buf.h"
#include "date.h"
#include "docdata.h"
#include "keyterm.h"
#include "opts_size.h"
#include "formats/lang.h"
#include "results.h"
#include "schema.h"
#include "snippet.h"
#include "title_tail.h"
#include "url.h"
#include "utf8.h"
}
#include "db_xapian.h"
#include "accents_xapian.h"
#include "compound_xapian.h"
#include "elision_xapian.h"
#include "errors_xapian.h"
#include "initials_xapian.h"
#include "numbers_xapian.h"
#include "stem_cache_xapian.h"

/* Notes whether index D has an accents' space, and adds its terms and their
 * article counts to DB's accent_freqs while they fit (else accents_whole
 * goes). */
static void read_accents(trawl_db *db, const Xapian::Database &d)
{
    for (const std::string space : { TW_PREFIX_ACCENTS, "Z" TW_PREFIX_ACCENTS }) {
        Xapian::TermIterator t = d.allterms_begin(space);
        db->accents |= t != d.allterms_end(space);
        for (; db->accents_whole && t != d.allterms_end(space); ++t) {
            if (db->accent_freqs.size() == TW_ACCENTS_KEPT) {
                db->accents_whole = false;
                return;
            }
            db->accent_freqs[*t] += t.get_termfreq();
        }
    }
}

void tw_db_languages(trawl_db *db)
{
    db->lang_stems.clear();
    /* Of several indexes, any that stems by language makes the query look
     * for each language's stems: in the others they find nothing more. */
    db->by_language = false;
    db->own_language = db->stemming && !db->live.empty();
    for (size_t i : db->live) {
        bool by = db->shards[i].db.get_metadata(TW_META_STEM_LANGS) == "1";
        db->by_language |= by;
        db->own_language &= by;
    }
    db->by_language &= db->stemming;
    /* An index of schema 4 or older, or of text with no accented word
     * (English news), has no accents' space: looking each word up there
     * would only cost time.  A remote shard would send the whole space to
     * say whether it has one, where the query's look-ups cost it one
     * exchange (tw_db_in_languages): it is taken to have one. */
    db->accents = false;
    db->accents_whole = !tw_shards_remote(db);
    db->accent_freqs.clear();
    for (size_t i : db->live) {
        if (db->shards[i].port)
            db->accents = true;
        else
            read_accents(db, db->shards[i].db);
    }
    if (!db->accents_whole)
        db->accent_freqs.clear();
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
    *stemmer = s.db.get_metadata(TW_META_STEMMER);
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
    const tw_shard *first = nullptr;
    for (size_t i : db->live) {
        const tw_shard &s = db->shards[i];
        std::string stemmer;
        int version = 0;
        trawl_status st = shard_identity(db, s, &stemmer, &version);
        if (st != TRAWL_OK)
            return st;
        db->elisions &= version >= TW_SCHEMA_ELISIONS;
        db->sea_words &= version >= TW_SCHEMA_SEA_WORDS;
        db->compounds &= version >= TW_SCHEMA_COMPOUNDS;
        db->numbers &= version >= TW_SCHEMA_NUMBERS;
        db->plurals &= version >= TW_SCHEMA_PLURALS;
        db->initials &= version >= TW_SCHEMA_INITIALS;
        /* One query is parsed for all of them: a word stemmed one way finds
         * nothing in an index stemmed another. */
        if (first && stemmer != db->stemmer)
            return tw_db_fail(db, TRAWL_ESCHEMA, "indexes %s (stemmer %s) and %s (stemmer %s) "
                              "cannot be searched as one: rebuild one with the other's --stem",
                              first->spec.c_str(), db->stemmer.c_str(), s.spec.c_str(),
                              stemmer.c_str());
        if (!first) {
            first = &s;
            db->stemmer = stemmer;
            db->writer = s.db.get_metadata(TW_META_VERSION);
        }
    }
    db->stemming = db->stemmer != "none";
    db->stem = db->stemming ? tw_stem_cached(Xapian::Stem(db->stemmer)) : Xapian::Stem();
    tw_db_languages(db);
    setup_parser(db);
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
        tw_db_retry([db] { return tw_db_refresh(db, false); });
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
        return TRAWL_EINVAL;
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

/* Fills *INFO from DB's shards (trawl_db_info_get).  Throws what Xapian
 * throws. */
static trawl_status read_info(trawl_db *db, trawl_db_info *info)
{
    std::memset(info, 0, sizeof *info);     /* a read tried again starts over */
    trawl_status st = tw_db_identity(db);
    if (st != TRAWL_OK)
        return st;
    info->documents = db->db.get_doccount();
    for (Xapian::TermIterator t = db->db.allterms_begin(); t != db->db.allterms_end(); ++t)
        info->terms++;
    /* Of several shards: the newest update, the oldest schema, the bytes
     * of those on this machine. */
    info->schema = TW_SCHEMA_VERSION;
    for (size_t i : db->live) {
        const tw_shard &s = db->shards[i];
        if (!s.port)
            info->size_bytes += dir_size(s.spec.c_str());
        info->last_update = std::max<int64_t>(
            info->last_update, std::atoll(s.db.get_metadata(TW_META_UPDATED).c_str()));
        std::string schema = s.db.get_metadata(TW_META_SCHEMA);
        if (!schema.empty())
            info->schema = std::min<unsigned>(info->schema, std::atoi(schema.c_str()));
    }
    info->stemmer = db->by_language ? "auto" : db->stemmer.c_str();
    info->writer = db->writer.c_str();
    info->path = db->path.c_str();
    return TRAWL_OK;
}

extern "C" trawl_status trawl_db_info_get(trawl_db *db, trawl_db_info *info, size_t size)
{
    if (!info || size < TW_DB_INFO_FIRST)
        return TRAWL_EINVAL;
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
    const trawl_db *db;

    explicit SiteProcessor(const trawl_db *d) : KeyProcessor(TW_PREFIX_HOST, tw_site_key), db(d) {}

    /* Each shard learnt the names of its own hosts. */
    Xapian::Query operator()(const std::string &text) override
    {
        std::string want = term(text);
        std::vector<Xapian::Query> hosts{Xapian::Query(want)};
        const std::string meta = TW_META_SITE;
        for (size_t i : db->live) {
            const Xapian::Database &d = db->shards[i].db;
            for (auto k = d.metadata_keys_begin(meta); k != d.metadata_keys_end(meta); ++k)
                if (term(d.get_metadata(*k)) == want)
                    hosts.emplace_back(term((*k).substr(meta.size())));
        }
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
        /* Typed the wrong way round, a range would silently match nothing. */
        if (!lo.empty() && !hi.empty() && hi_end <= lo_start) {
            if (bad->empty())
                *bad = "date:" + text + " ends before it starts: give the earlier date "
                       "first, as date:" + hi + ".." + lo;
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

/* The fields whose value is a key, not words: setup_parser's boolean
 * prefixes, whose values outside_key_values leaves as typed. */
static const char *const KEY_FIELDS[] = { "site", "path", "url", "date", "lang" };

/* Sets up the handle's query parser for its index (the fields of
 * KEY_FIELDS and the word fields). */
static void setup_parser(trawl_db *db)
{
    Xapian::QueryParser &qp = db->qp;
    qp = Xapian::QueryParser();
    qp.set_database(db->db);
    if (db->stemming) {
        qp.set_stemmer(db->stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    /* wildcards_xapian.h: why, and how the reader is told. */
    qp.set_max_expansion(TRAWL_WILDCARD_MAX, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix("title", TW_PREFIX_TITLE);
    qp.add_prefix("author", TW_PREFIX_AUTHOR);
    qp.add_boolean_prefix("site", (new SiteProcessor(db))->release());
    qp.add_boolean_prefix("path", (new KeyProcessor(TW_PREFIX_PATH, nullptr))->release());
    qp.add_boolean_prefix("url", (new KeyProcessor(TW_PREFIX_URL, nullptr))->release());
    qp.add_boolean_prefix("date", (new DateProcessor(&db->bad_field))->release());
    qp.add_boolean_prefix("lang", (new KeyProcessor(TW_PREFIX_LANG, lang_key))->release());
}

/* How much a match of a word with other accents weighs, at most, of what
 * the word as typed would weigh in the same article.  Below 1, so that of
 * two articles that differ only in the accents of that word, the one that
 * wrote it as typed ranks first; not far below, so that an article that
 * uses the word often, or in its title, still outranks one that mentions it
 * once as typed. */
static const double ACCENTS_WEIGHT = 0.6;

/* Appends to TERMS (unless there already) the terms of the index that spell
 * the word of TERM, a text term of the query, with other accents: the word
 * without accents, as articles that wrote it so have it, and as the
 * accents' space (schema.h) has it for the articles that accented it in any
 * way.  A word typed without accents has only the second: one look-up, and
 * none in an index without that space. */
static void accent_variants(const trawl_db *db, const std::string &term,
                            std::vector<std::string> &terms)
{
    size_t at = tw_term_word_at(term);
    std::string word = term.substr(at), plain = tw_unaccented(word);
    const std::string found[2] = {
        plain != word ? term.substr(0, at) + plain : std::string(),
        db->accents ? tw_accents_term(term, plain) : std::string(),
    };
    for (const std::string &t : found)
        if (!t.empty() && std::find(terms.begin(), terms.end(), t) == terms.end() &&
            tw_db_term_exists(db, t))
            terms.push_back(t);
}

/* EXACT, a query as typed, or else OTHER, the same with other accents,
 * which matches every article EXACT does: an article that matches OTHER
 * weighs ACCENTS_WEIGHT of it, and one that matches EXACT too the rest of
 * EXACT's weight more.  (Not the better of the two, Xapian's OP_MAX: in
 * 1.4.22 an OP_MAX inside an OR reads a sub-query's posting list after
 * freeing it when the match prunes it -- a crash or a wrong score -- for
 * about one triple of words in 300 on linux-doc.) */
static Xapian::Query exact_first(const Xapian::Query &exact, const Xapian::Query &other)
{
    typedef Xapian::Query Q;
    return Q(Q::OP_AND_MAYBE, Q(Q::OP_SCALE_WEIGHT, other, ACCENTS_WEIGHT),
             Q(Q::OP_SCALE_WEIGHT, exact, 1 - ACCENTS_WEIGHT));
}

/* EXACT, the query of a word as typed, or else ALL, its terms and those of
 * the word with other accents, as a synonym (exact_first). */
static Xapian::Query or_accented(const Xapian::Query &exact, const std::vector<std::string> &all)
{
    typedef Xapian::Query Q;
    std::vector<Q> subs(all.begin(), all.end());
    return exact_first(exact, Q(Q::OP_SYNONYM, subs.begin(), subs.end()));
}

/* The window of phrase or NEAR query Q: Xapian 1.4 has no accessor for it,
 * and its description reads "(a@1 PHRASE 2 b@2)". */
static Xapian::termcount window_of(const Xapian::Query &q)
{
    std::string d = q.get_description();
    const char *op = q.get_type() == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ";
    size_t at = d.find(op);
    return at == std::string::npos ? 0 : (Xapian::termcount)std::atoi(d.c_str() + at +
                                                                       std::strlen(op));
}

/* Phrase or NEAR query Q, or else the same with each word also spelt with
 * other accents (exact_first): "élection présidentielle" finds
 * "election presidentielle", and the other way round.  The words' spellings
 * are an OR in the phrase (Xapian 1.4 takes no synonym there), whose weight
 * would be that of the rarest spelling, and a spelling few articles use
 * would outweigh the phrase as typed: the weight is taken from each word's
 * spellings as a synonym instead, as a word's is outside a phrase. */
static Xapian::Query phrase_accented(const trawl_db *db, const Xapian::Query &q, bool *changed)
{
    typedef Xapian::Query Q;
    std::vector<Q> spellings, words;
    bool any = false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Q sub = q.get_subquery(i);
        size_t at;
        if (sub.get_type() != Q::LEAF_TERM || !tw_text_term(*sub.get_terms_begin(), &at))
            return q;
        std::vector<std::string> terms{ *sub.get_terms_begin() };
        accent_variants(db, terms[0], terms);
        any |= terms.size() > 1;
        std::vector<Q> leaves(terms.begin(), terms.end());
        spellings.push_back(terms.size() == 1 ? sub : Q(Q::OP_OR, leaves.begin(), leaves.end()));
        words.push_back(terms.size() == 1 ? sub
                                          : Q(Q::OP_SYNONYM, leaves.begin(), leaves.end()));
    }
    if (!any)
        return q;
    *changed = true;
    Q other(Q::OP_FILTER, Q(Q::OP_AND, words.begin(), words.end()),
            Q(q.get_type(), spellings.begin(), spellings.end(), window_of(q)));
    return exact_first(q, other);
}

/* Whether TERM's word, from AT on, is of a Thai, Lao, Khmer or Burmese
 * run. */
static bool sea_word(const std::string &term, size_t at)
{
    uint32_t cp;
    return tw_utf8_decode(term.data() + at, term.size() - at, &cp) && tw_sea_char(cp);
}

/* The word Q (a term) in every language and with other accents (see
 * in_languages); *CHANGED set when that is not Q itself. */
static Xapian::Query leaf_in_languages(const trawl_db *db, const Xapian::Query &q,
                                       bool *changed)
{
    typedef Xapian::Query Q;
    const std::string term = *q.get_terms_begin();
    bool stemmed = !term.empty() && term[0] == 'Z';
    size_t at;
    if (!tw_text_term(term, &at))
        return q;
    std::string prefix = term.substr(stemmed, at - stemmed);
    /* A word of a Thai, Lao, Khmer or Burmese run: the index holds it
     * as written, never by a stem (stem_cache_xapian.h). */
    if (stemmed && db->sea_words && sea_word(term, at)) {
        Xapian::TermIterator typed = db->qp.unstem_begin(term);
        if (typed != db->qp.unstem_end(term)) {
            *changed = true;
            return Q(prefix + *typed);
        }
    }
    /* The words typed for a stemmed term (the parser remembers them);
     * none for a term searched as written (a quoted word). */
    std::vector<std::string> words;
    if (stemmed)
        for (auto w = db->qp.unstem_begin(term); w != db->qp.unstem_end(term); ++w)
            words.push_back(*w);
    std::vector<std::string> terms{ term }, absent;
    for (const auto &l : db->lang_stems)
        for (const std::string &w : words) {
            /* A stem no article has adds nothing but work: in a
             * collection of one main language, most of them.  But
             * articles that accent the word may have it, in the
             * accents' space: French "débattra" is "débattr" there,
             * which "debattra" typed without accents stems to. */
            std::string t = "Z" + prefix + l.second(w);
            if (std::find(terms.begin(), terms.end(), t) != terms.end() ||
                std::find(absent.begin(), absent.end(), t) != absent.end())
                continue;
            if (tw_db_term_exists(db, t))
                terms.push_back(t);
            else if (db->accents)
                absent.push_back(t);
        }
    std::vector<std::string> all(terms);
    for (const std::string &t : terms)
        accent_variants(db, t, all);
    for (const std::string &t : absent)
        accent_variants(db, t, all);
    /* And as the articles that accent it wrote it: a language may stem
     * the word without accents otherwise ("assemblee" is "assemble" in
     * French, "assemblée" "assembl"). */
    if (db->accents)
        for (const std::string &w : words)
            accent_variants(db, prefix + w, all);
    /* A language may stem a word without accents otherwise than it
     * stems the word with them. */
    for (const std::string &w : words) {
        std::string plain = tw_unaccented(w);
        if (plain == w)
            continue;
        std::vector<std::string> plain_stems{ "Z" + prefix + db->stem(plain) };
        for (const auto &l : db->lang_stems)
            plain_stems.push_back("Z" + prefix + l.second(plain));
        for (const std::string &t : plain_stems)
            if (std::find(all.begin(), all.end(), t) == all.end() && tw_db_term_exists(db, t))
                all.push_back(t);
    }
    if (all.size() == 1)
        return q;
    std::vector<Q> subs(terms.begin(), terms.end());
    Q exact = terms.size() == 1 ? q : Q(Q::OP_SYNONYM, subs.begin(), subs.end());
    *changed = true;
    return all.size() == terms.size() ? exact : or_accented(exact, all);
}

/* What leaf_in_languages made of each term of a query met so far, and
 * whether it changed it: a word typed again is rewritten as it was the
 * first time.  Each time cost a walk of all the words typed for its stem
 * (the parser's list holds one per time it was typed), and 10,000 copies of
 * a word took a minute. */
typedef std::map<std::string, std::pair<Xapian::Query, bool>> LeavesDone;

/* Q with each word looked for in every language of the index (db->lang_stems)
 * and with other accents.
 *
 * Languages: a stemmed word ("Z" + the index's stem) as a synonym of its
 * stems in each (every word typed outside quotes is stemmed: lower_words).
 * A synonym weighs as one word, so a word with several stems counts no more
 * than one with one.
 *
 * Accents: each of those terms also as spelt with other accents (without
 * them, or in the accents' space: accent_variants), and for a word typed
 * with accents, the stems of the word without them, each weighing less
 * than the word as typed (or_accented).  Phrases and NEAR are matched on
 * the words as written or with other accents (phrase_accented).
 *
 * A word of a Thai, Lao, Khmer or Burmese run, which the parser stemmed,
 * is looked for as typed: the index holds those unstemmed.
 *
 * Words of the text and of the title: and author: fields are looked into;
 * filters (site:, lang:...) are not.  Only the operators that can be
 * rebuilt from their parts are looked into. */
static Xapian::Query in_languages(const trawl_db *db, const Xapian::Query &q, LeavesDone &done,
                                  bool *changed)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        auto known = done.find(term);
        if (known == done.end()) {
            bool leaf_changed = false;
            Q rewritten = leaf_in_languages(db, q, &leaf_changed);
            known = done.emplace(term, std::make_pair(rewritten, leaf_changed)).first;
        }
        *changed |= known->second.second;
        return known->second.second ? known->second.first : q;
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return phrase_accented(db, q, changed);
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT && op != Q::OP_XOR &&
        op != Q::OP_AND_MAYBE && op != Q::OP_FILTER && op != Q::OP_SYNONYM && op != Q::OP_MAX)
        return q;
    bool any = false;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(in_languages(db, q.get_subquery(i), done, &any));
    if (!any)
        return q;
    *changed = true;
    return Q(op, subs.begin(), subs.end());
}

std::string tw_shown_record(const Xapian::Document &doc, bool with_body)
{
    std::string data;
    if (!with_body)
        data = doc.get_value(TW_SLOT_SHOWN);
    if (with_body || data.empty())
        data = doc.get_data();
    return data;
}

void tw_shown_fields(const Xapian::Document &doc, bool with_body, std::string &data,
                     tw_slice fields[TW_F_COUNT])
{
    data = tw_shown_record(doc, with_body);
    tw_docdata_parse(data.data(), data.size(), fields);
}

void tw_db_forget(trawl_db *db)
{
    db->expansions.clear();
    db->term_freqs.clear();
    db->learnt.clear();
}

/* The answers kept are bounded: a long-lived handle over an index that does
 * not change would otherwise keep every word it was ever asked. */
static const size_t MAX_KEPT = 100000;

/* Makes room in KEPT for N more answers: past MAX_KEPT, all are dropped. */
template <class Map> static void room_for(Map &kept, size_t n)
{
    if (kept.size() + n > MAX_KEPT)
        kept.clear();
}

/* Whether TERM's number of articles is known without asking the shards:
 * it is in the accents' space, read whole at open.  Sets *FREQ. */
static bool accents_known(const trawl_db *db, const std::string &term, Xapian::doccount *freq)
{
    if (!db->accents_whole || !tw_is_accents_term(term))
        return false;
    auto a = db->accent_freqs.find(term);
    *freq = a == db->accent_freqs.end() ? 0 : a->second;
    return true;
}

bool tw_db_term_exists(const trawl_db *db, const std::string &term)
{
    Xapian::doccount freq;
    if (accents_known(db, term, &freq))
        return freq != 0;
    auto kept = db->term_freqs.find(term);
    if (kept != db->term_freqs.end())
        return kept->second != 0;
    if (db->unasked) {
        /* Taken to exist, so that the terms asked because of it are
         * gathered too. */
        db->unasked->push_back(term);
        return true;
    }
    room_for(db->term_freqs, 1);
    db->search_work.terms_asked++;
    bool exists = db->db.term_exists(term);
    db->term_freqs[term] = exists ? TW_TERM_UNCOUNTED : 0;
    return exists;
}

std::vector<Xapian::doccount> tw_db_term_freqs(const trawl_db *db,
                                               const std::vector<std::string> &terms)
{
    std::vector<Xapian::doccount> freqs(terms.size());
    std::vector<std::string> unasked;
    std::vector<size_t> places;
    for (size_t i = 0; i < terms.size(); i++) {
        if (accents_known(db, terms[i], &freqs[i]))
            continue;
        auto kept = db->term_freqs.find(terms[i]);
        if (kept != db->term_freqs.end() && kept->second != TW_TERM_UNCOUNTED) {
            freqs[i] = kept->second;
        } else {
            unasked.push_back(terms[i]);
            places.push_back(i);
        }
    }
    bool remote = tw_shards_remote(db);
    std::vector<Xapian::doccount> asked = tw_term_freqs(db->db, remote, unasked);
    if (!remote)
        db->search_work.terms_asked += unasked.size();
    room_for(db->term_freqs, unasked.size());
    for (size_t k = 0; k < unasked.size(); k++)
        freqs[places[k]] = db->term_freqs[unasked[k]] = asked[k];
    return freqs;
}

std::vector<Xapian::doccount> tw_term_freqs(const Xapian::Database &db, bool remote,
                                            const std::vector<std::string> &terms)
{
    std::vector<Xapian::doccount> freqs;
    if (!remote || terms.empty()) {
        for (const std::string &t : terms)
            freqs.push_back(db.get_termfreq(t));
        return freqs;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    Xapian::MSet stats = enquire.get_mset(0, 0);
    for (const std::string &t : terms)
        freqs.push_back(stats.get_termfreq(t));
    return freqs;
}

const std::string &tw_db_learnt(const trawl_db *db, const std::string &key)
{
    auto kept = db->learnt.find(key);
    if (kept != db->learnt.end())
        return kept->second;
    room_for(db->learnt, 1);
    std::string &value = db->learnt[key];
    for (size_t i : db->live) {
        value = db->shards[i].db.get_metadata(key);
        if (!value.empty())
            break;
    }
    return value;
}

std::string tw_db_site_name(const trawl_db *db, const std::string &key)
{
    return tw_db_learnt(db, TW_META_SITE + key);
}

void tw_db_trim_title(const trawl_db *db, tw_slice fields[TW_F_COUNT])
{
    tw_slice &title = fields[TW_F_TITLE], &url = fields[TW_F_URL];
    size_t sep, tail;
    if (!title.ptr || !url.ptr || !tw_title_tail(title.ptr, title.len, &sep, &tail))
        return;
    tw_buf host = {};
    std::string u(url.ptr, url.len);
    if (tw_url_site_key(u.c_str(), &host) < 0)
        throw std::bad_alloc();
    std::string key = TW_META_TITLE_TAIL + std::string(host.data ? host.data : "", host.len);
    tw_buf_free(&host);
    const std::string &learnt = tw_db_learnt(db, key);
    if (!learnt.empty() && learnt.size() == title.len - tail &&
        !std::memcmp(title.ptr + tail, learnt.data(), learnt.size()))
        title.len = sep;
}

/* The fields whose value is words: setup_parser's other prefixes. */
static const char *const WORD_FIELDS[] = { "title", "author" };

/* Whether TEXT[AT] is the ":" after one of the N fields of FIELDS. */
static bool field_before(const std::string &text, size_t at, const char *const *fields,
                         size_t n)
{
    size_t start = at;
    while (start > 0 && std::isalpha((unsigned char)text[start - 1]))
        start--;
    for (size_t k = 0; k < n; k++)
        if (text.compare(start, at - start, fields[k]) == 0)
            return true;
    return false;
}

/* Whether TEXT[AT] is the ":" after a field of KEY_FIELDS. */
static bool key_field_before(const std::string &text, size_t at)
{
    return field_before(text, at, KEY_FIELDS, sizeof KEY_FIELDS / sizeof *KEY_FIELDS);
}

/* Whether the word of TEXT that starts at AT ends in a wildcard. */
static bool wildcard_at(const std::string &text, size_t at)
{
    size_t end = text.find_first_of(" \t\"()", at);
    return end != at && text[(end == std::string::npos ? text.size() : end) - 1] == '*';
}

bool tw_query_operator(const std::string &word)
{
    static const char *const ops[] = { "AND", "OR", "NOT", "XOR", "NEAR", "ADJ" };
    for (const char *op : ops)
        if (word == op)
            return true;
    return false;
}

/* Where the value of the key field whose ':' is at AT in TEXT ends: its
 * closing quote, or the space or parenthesis after it; npos when it runs to
 * the end. */
static size_t key_value_end(const std::string &text, size_t at)
{
    return at + 1 < text.size() && text[at + 1] == '"' ? text.find('"', at + 2)
                                                      : text.find_first_of(" \t)", at);
}

/* Where the value of the key field whose ':' is at AT in TEXT ends, past
 * its closing quote: its whole length when it runs to the end. */
static size_t key_value_after(const std::string &text, size_t at)
{
    size_t end = key_value_end(text, at);
    return end == std::string::npos ? text.size() : end + (text[end] == '"');
}

/* TEXT with each quotation mark that opens or closes a phrase in some
 * language as '"': a phrase copied from a German („...“), French («...»),
 * Japanese (「...」) or Chinese article, or typed with full-width or curly
 * quotes, was searched as loose words, matching articles that have them
 * in any order.  (Xapian's parser knows only "...", and “...”, which the
 * rest of this file then did not see as quotes.) */
static std::string straight_quotes(const std::string &text)
{
    static const uint32_t QUOTES[] = { 0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f,
                                       0x300c, 0x300d, 0x300e, 0x300f, 0xff02 };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        uint32_t cp;
        size_t n = tw_utf8_char_at(text.data(), text.size(), i, &cp);
        if (std::find(std::begin(QUOTES), std::end(QUOTES), cp) != std::end(QUOTES))
            out += '"';
        else
            out.append(text, i, n);
        i += n;
    }
    return out;
}

/* TEXT with its words in lower case, but for the operators, quoted phrases
 * and key fields' values, and with initials in capitals, quoted too:
 * Xapian's parser reads "U.S." as the word "us", as the indexer did, but
 * only in capitals ("u.s." was the phrase "u s": 23 Reuters articles
 * against 4,334), and the indexer reads "p.m." so too (initials_xapian.h).  The
 * parser takes a capitalised word for a name and does not stem it, so that
 * "Oil Prices" found fewer articles than "oil prices" (and, where the index
 * holds German, by German stems); a word is found in its other forms
 * however it is typed, and as written when quoted (bench/RESULTS.md,
 * session 14).  With PLURALS (the index has them, TW_SCHEMA_PLURALS), an
 * acronym's plural typed outside quotes as its acronym.  With INITIALS
 * (the index has their marks, TW_SCHEMA_INITIALS), the letters of each
 * initials typed outside quotes with full stops are listed there, in
 * small letters. */
static std::string lower_words(const std::string &text, bool plurals,
                               std::vector<std::string> *initials)
{
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c == ':' && key_field_before(text, i)) {
            size_t end = key_value_after(text, i);
            out.append(text, i, end - i);
            i = end;
            continue;
        }
        if (!tw_query_word_byte(c)) {
            out += text[i++];
            continue;
        }
        size_t end = tw_initials_end(text.data(), text.size(), i);
        if (end != i) {
            if (initials && !quoted) {
                std::string letters;
                for (size_t k = i; k < end; k += 2)
                    letters += (char)(text[k] | 0x20);
                initials->push_back(letters);
            }
            for (; i < end; i++)
                out += (char)std::toupper((unsigned char)text[i]);
            continue;
        }
        /* An acronym's plural as its acronym ("MPs" as "mp"), which the
         * writer indexed its stem as too (acronym_plural.h). */
        size_t plural = quoted || !plurals ? i
                                           : tw_acronym_plural_at(text.data(), text.size(), i);
        if (plural > i) {
            out += Xapian::Unicode::tolower(text.substr(i, plural - i));
            i = plural + 1;
            continue;
        }
        while (end < text.size() && tw_query_word_byte((unsigned char)text[end]))
            end++;
        std::string word = text.substr(i, end - i);
        out += quoted || tw_query_operator(word) ? word : Xapian::Unicode::tolower(word);
        i = end;
    }
    return out;
}

/* TEXT with SPLIT applied to each stretch of it outside the values of key
 * fields (KEY_FIELDS), which stay as typed (site:"L'Équipe",
 * path:l'été.txt). */
template <class Split> static std::string outside_key_values(const std::string &text, Split split)
{
    std::string out;
    size_t from = 0;
    for (size_t i = text.find(':'); i != std::string::npos; i = text.find(':', i + 1)) {
        if (!key_field_before(text, i))
            continue;
        out += split(text.substr(from, i + 1 - from));
        size_t end = key_value_end(text, i);
        if (end == std::string::npos)
            return out.append(text, i + 1, std::string::npos);
        out.append(text, i + 1, end - i - 1);
        from = i = end;
    }
    return out + split(text.substr(from));
}

/* TEXT with "-" in place of each apostrophe that splits a word
 * (elision_xapian.h: "l'économie", "Obama's"): the parser makes a phrase of
 * the two words, as the writer indexed them -- or a space before a
 * wildcard ("l'écono*"), which a phrase cannot hold. */
static std::string split_elisions(const std::string &text)
{
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i < text.size(); i++) {
        size_t n = tw_elision_at(text.data(), text.size(), i);
        if (n) {
            out.append(text, copied, i - copied);
            out += wildcard_at(text, i + n) ? ' ' : '-';
            copied = i + n;
            i += n - 1;
        }
    }
    return copied ? out.append(text, copied, std::string::npos) : text;
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

/* TEXT with "-" between the words of each Thai, Lao, Khmer or Burmese run
 * (sea_words.h): the parser makes a phrase of them, as the writer indexed
 * them in order, so that a run of several words typed finds the articles
 * that have them so, as a Chinese run does. */
static std::string split_sea_runs(trawl_db *db, const std::string &text)
{
    tw_buf out = {};
    int rc = tw_sea_split(tw_db_sea(db), text.data(), text.size(), '-', &out);
    std::string split = rc > 0 ? std::string(out.data, out.len) : text;
    tw_buf_free(&out);
    if (rc < 0)
        throw std::bad_alloc();
    return split;
}

/* TEXT with a comma after each run of Chinese, Japanese or Korean
 * characters outside quotes that a word character follows.  Xapian 1.4.22's parser
 * (FLAG_CJK_NGRAM) fails on a word, such a run and a word in a row ("iPhone
 * 中国 sales": "parse error"): the run leaves it inside a group of words,
 * which the word after the run goes on with, and its grammar has no group
 * with a run in it.  A comma, skipped as any punctuation is, ends the
 * group; the words and their order stay as typed. */
static std::string end_cjk_runs(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + 8);
    bool quoted = false, in_run = false;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        size_t n = std::max<size_t>(1, tw_utf8_decode(text.data() + i, text.size() - i, &cp));
        bool cjk = !quoted && n > 1 && tw_utf8_is_cjk(cp);
        if (in_run && !cjk) {
            size_t next = i;
            while (next < text.size() && (text[next] == ' ' || text[next] == '\t'))
                next++;
            uint32_t after = 0;
            if (next < text.size() &&
                tw_utf8_decode(text.data() + next, text.size() - next, &after) &&
                Xapian::Unicode::is_wordchar(after))   /* "_" too: "蔡健雅_百度百科" */
                out += ',';
        }
        in_run = cjk;
        quoted ^= text[i] == '"';
        out.append(text, i, n);
        i += n;
    }
    return out;
}

/* A compound a query joined (join_compounds): its parts run together, as
 * the writer indexed it too, and its parts. */
struct Joined {
    std::string word;
    std::vector<std::string> parts;
};

/* TEXT with each hyphenated compound typed outside quotes
 * (compound_xapian.h: "e-mail", "COVID-19") as its parts run together,
 * which the writer indexed for it too: "email" finds the articles that
 * write it either way, where the phrase of its parts found only those
 * that hyphenate it; each one joined into *JOINS (with_spaced looks for
 * the parts written apart too).  Quoted, it stays that phrase; a key
 * field's value and a word with a wildcard ("e-mai*") are left as typed. */
static std::string join_compounds(const std::string &text, std::vector<Joined> *joins)
{
    std::string out, joined;
    out.reserve(text.size());
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '"')
            quoted = !quoted;
        if (!quoted && text[i] == ':' && key_field_before(text, i)) {
            size_t end = key_value_after(text, i);
            out.append(text, i, end - i);
            i = end;
            continue;
        }
        size_t end = quoted ? i : tw_compound_at(text.data(), text.size(), i, joined);
        if (end > i && !wildcard_at(text, end)) {
            out += joined;
            joins->push_back({ joined, tw_compound_parts(text.data() + i, end - i) });
            i = end;
            continue;
        }
        out += text[i++];
    }
    return out;
}

/* Whether TEXT[AT] is a full stop or comma between two digits, which the
 * parser keeps inside a number's word. */
static bool number_separator_at(const std::string &text, size_t at)
{
    return (text[at] == ',' || text[at] == '.') && at > 0 && at + 1 < text.size() &&
           std::isdigit((unsigned char)text[at - 1]) &&
           std::isdigit((unsigned char)text[at + 1]);
}

/* TEXT with each number typed with separators in its plain form
 * (numbers_xapian.h), which the writer indexed beside it: "1,500" finds
 * the articles that write "1500" or "1.500" too, and "3,5" those that write
 * "3.5".  Quoted too, the plain form standing where the number does; one
 * with a wildcard ("1,5*") is left as typed. */
static std::string plain_numbers(const std::string &text)
{
    std::string out, plain;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (!tw_query_word_byte((unsigned char)text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() &&
               (tw_query_word_byte((unsigned char)text[end]) || number_separator_at(text, end)))
            end++;
        std::string word = text.substr(i, end - i);
        out += tw_number_plain(word, plain) && !wildcard_at(text, end) ? plain : word;
        i = end;
    }
    return out;
}

/* Q with each text term whose word, or its stem, is WORD_OF(i) for an i
 * below N rewritten as REWRITE(term's query, its prefix, i), through the
 * operators that can be rebuilt from their parts: how with_spaced and
 * with_initials find the words the query's text became. */
template <class WordOf, class Rewrite>
static Xapian::Query rewrite_typed(const trawl_db *db, const Xapian::Query &q, size_t n,
                                   const WordOf &word_of, const Rewrite &rewrite)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        size_t at;
        if (!tw_text_term(term, &at))
            return q;
        bool stemmed = term[0] == 'Z';
        std::string word = term.substr(at), prefix = term.substr(stemmed, at - stemmed);
        for (size_t i = 0; i < n; i++)
            if (word == (stemmed ? db->stem(word_of(i)) : word_of(i)))
                return rewrite(q, prefix, i);
        return q;
    }
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT && op != Q::OP_XOR &&
        op != Q::OP_AND_MAYBE && op != Q::OP_FILTER)
        return q;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(rewrite_typed(db, q.get_subquery(i), n, word_of, rewrite));
    return Q(op, subs.begin(), subs.end());
}

/* Q with each word that joins a compound's parts (JOINS) looked for as
 * the phrase of its parts too: "al-Qaeda" typed, joined to "alqaeda", finds
 * the articles that write "al Qaeda" as well, as its parts' phrase found
 * them before schema 9 -- those that have the joined word, by that alone,
 * so that none counts the compound twice; and the phrase weighs as one
 * word, as the joined word does, not as the sum of its parts'. */
static Xapian::Query with_spaced(const trawl_db *db, const Xapian::Query &q,
                                 const std::vector<Joined> &joins)
{
    typedef Xapian::Query Q;
    return rewrite_typed(
        db, q, joins.size(), [&](size_t i) { return joins[i].word; },
        [&](const Q &typed, const std::string &prefix, size_t i) {
            std::vector<Q> parts;
            for (const std::string &p : joins[i].parts)
                parts.emplace_back(prefix + p);
            Q spaced(Q::OP_PHRASE, parts.begin(), parts.end(), (Xapian::termcount)parts.size());
            return Q(Q::OP_OR, typed,
                     Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND_NOT, spaced, typed), 1.0 / parts.size()));
        });
}

/* Q with each word that initials typed with full stops (INITIALS, their
 * letters) became looked for by their mark alone (initials_xapian.h):
 * "U.S." finds "U.S.", "U.S" and the US of running text, not the pronoun
 * "us".  Capitals typed without full stops are searched as before, as the
 * word: Reuters' headlines are in capitals, which the writer does not
 * mark, and "US", "EEC" or "GNP" typed as their mark, or as the word with
 * the mark weighing more, lost articles whose headline alone has them
 * (known items typed as the articles write them: MRR@10 0.951 -> 0.949). */
static Xapian::Query with_initials(const Xapian::Query &q, const trawl_db *db,
                                   const std::vector<std::string> &initials)
{
    return rewrite_typed(
        db, q, initials.size(), [&](size_t i) { return initials[i]; },
        [&](const Xapian::Query &, const std::string &prefix, size_t i) {
            return Xapian::Query(prefix + tw_initials_mark(initials[i]));
        });
}

/* Whether every word and phrase of TEXT is excluded ("-email -"cold call""),
 * and TEXT without the '-' of each into *WANTED.  Xapian's parser takes a
 * query of nothing but excluded words for those words, the opposite of what
 * was asked; grouped or combined with operators, it is left to the parser. */
static bool only_excluded(const std::string &text, std::string *wanted)
{
    bool quoted = false, any = false;
    wanted->clear();
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        if (c == '(' || c == ')')
            return false;
        bool starts = !quoted && c != ' ' && c != '\t' && (i == 0 || text[i - 1] == ' ' ||
                                                          text[i - 1] == '\t');
        if (starts) {
            if (c != '-' || i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t')
                return false;
            any = true;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        *wanted += c;
    }
    return any;
}

/* The first field of TEXT typed with nothing after its colon, as "date:
 * 2021" and "title: storm" have: the parser would read it as the word
 * "date" or "title" and, when no article has it, show what the rest matches
 * (undated articles too, storms outside titles), as if it had filtered them.
 * Empty when there is none. */
static std::string empty_field(const std::string &typed)
{
    /* In any case: the words are lower-cased before the parser reads the
     * fields ("Date:2021" is date:2021), and so would "Date: 2021" be. */
    std::string text(typed);
    for (char &c : text)
        c = (char)std::tolower((unsigned char)c);
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        if (quoted || text[i] != ':' ||
            !(key_field_before(text, i) ||
              field_before(text, i, WORD_FIELDS, sizeof WORD_FIELDS / sizeof *WORD_FIELDS)) ||
            (i + 1 < text.size() && !std::isspace((unsigned char)text[i + 1]) &&
             text[i + 1] != ')'))
            continue;
        size_t start = i;
        while (start > 0 && std::isalpha((unsigned char)text[start - 1]))
            start--;
        return typed.substr(start, i + 1 - start);
    }
    return std::string();
}

static Xapian::Query parse_words(trawl_db *db, const std::string &text, bool match_any)
{
    db->qp.set_default_op(match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT |
                     /* Chinese, Japanese and Korean words as the indexer
                      * split them: characters and pairs of characters. */
                     Xapian::QueryParser::FLAG_CJK_NGRAM;
    db->bad_field.clear();
    /* Full-width letters and digits as the writer indexed them: ASCII. */
    std::string narrow(text);
    narrow.resize(tw_utf8_narrow_text(text.data(), text.size(), &narrow[0]));
    /* Elisions split before the words are lower-cased: a Turkish ending
     * is split off a word that starts with a capital (elision_xapian.h). */
    std::string typed = straight_quotes(narrow);
    std::string empty = empty_field(typed);
    if (!empty.empty())
        throw Xapian::QueryParserError(empty + " has nothing after it: write its value "
                                       "right after the colon, as in date:2021-06 or "
                                       "site:example.com");
    if (db->numbers)
        typed = outside_key_values(typed, plain_numbers);
    std::vector<Joined> joins;
    if (db->compounds)
        typed = join_compounds(typed, &joins);
    if (db->elisions)
        typed = outside_key_values(typed, split_elisions);
    if (db->sea_words)
        typed = outside_key_values(typed, [db](const std::string &t) {
            return split_sea_runs(db, t);
        });
    typed = outside_key_values(typed, end_cjk_runs);
    std::vector<std::string> initials;
    Xapian::Query q = db->qp.parse_query(
        lower_words(typed, db->plurals, db->initials ? &initials : nullptr), flags);
    if (!db->bad_field.empty())
        throw Xapian::QueryParserError(db->bad_field);
    if (!initials.empty())
        q = with_initials(q, db, initials);
    return joins.empty() ? q : with_spaced(db, q, joins);
}

Xapian::Query tw_db_parse(trawl_db *db, const std::string &text, bool match_any)
{
    std::string wanted;
    if (only_excluded(text, &wanted))
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                             parse_words(db, wanted, true));
    Xapian::Query q = parse_words(db, text, match_any);
    /* Nothing the index holds words of: a search for it finds nothing,
     * whatever the articles say, which exit 1 alone did not tell. */
    if (q.empty())
        throw Xapian::QueryParserError("'" + text + "' has no word to search for: emoji, "
                                       "symbols and punctuation are not indexed");
    return q;
}

Xapian::Query tw_db_in_languages(const trawl_db *db, const Xapian::Query &q)
{
    bool changed = false;
    if (tw_shards_remote(db)) {
        /* Each term asked of a remote shard alone is a round trip (of every
         * shard, for a term none has): a first pass gathers the terms the
         * query may ask about, and one match gets all their frequencies. */
        std::vector<std::string> unasked;
        db->unasked = &unasked;
        try {
            LeavesDone first_pass;
            in_languages(db, q, first_pass, &changed);
        } catch (...) {
            db->unasked = nullptr;
            throw;
        }
        db->unasked = nullptr;
        std::sort(unasked.begin(), unasked.end());
        unasked.erase(std::unique(unasked.begin(), unasked.end()), unasked.end());
        tw_db_term_freqs(db, unasked);
        changed = false;
    }
    LeavesDone done;
    return in_languages(db, q, done, &changed);
}
