/* fields_xapian.cc - the query language's fields: the parser's prefixes and
 * the processors of key fields' values, and where fields stand in typed
 * text. */
#include <cctype>
#include <cstring>
#include <ctime>
#include <iterator>
#include <new>
#include <string>
#include <strings.h>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "buf.h"
#include "date.h"
#include "date_relative.h"
#include "formats/lang.h"
#include "keyterm.h"
#include "schema.h"
#include "url.h"
}
#include "field_list.h"
#include "fields_xapian.h"
#include "typed_text_xapian.h"
#include "wildcards_xapian.h"

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

/* The span of time END, one end of a date: range, names: a day, a month or a
 * year (tw_date_period), or a day counted back from NOW (tw_date_relative:
 * today, yesterday, 7d); *COUNTED as tw_date_relative says. */
static bool range_end(const std::string &end, int64_t now, int64_t *start, int64_t *stop,
                      bool *counted)
{
    *counted = false;
    return tw_date_relative(end.data(), end.size(), now, start, stop, counted) ||
           tw_date_period(end.data(), end.size(), start, stop);
}

/* Whether every dated article of DB's shards has its date's seconds on its
 * own clock (TW_SLOT_CLOCK): all but those of indexes written before it. */
static bool clocks_everywhere(const trawl_db *db)
{
    for (size_t i : db->live) {
        const Xapian::Database &d = db->shards[i].db;
        if (d.get_value_freq(TW_SLOT_CLOCK) != d.get_value_freq(TW_SLOT_DATE))
            return false;
    }
    return true;
}

/* The articles whose value in SLOT is within [FROM, TO] (sortable_serialise'd),
 * FROM or TO "" for an open end. */
static Xapian::Query in_range(Xapian::valueno slot, const std::string &from,
                              const std::string &to)
{
    if (from.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to);
    if (to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to);
}

/* Now on this machine's clock (its TZ): the searcher's today is the day
 * date:today names, as an article's day is the one on its own clock. */
static int64_t clock_now()
{
    time_t now = time(nullptr);
    struct tm local;
    return (int64_t)now + (localtime_r(&now, &local) ? (int64_t)local.tm_gmtoff : 0);
}

/* date:2021-06-17, date:2021-06, date:2021 (that whole day, month or year),
 * date:today, date:yesterday, and ranges of those with either end open:
 * date:2021-06-01..2021-06-30, date:2021.., date:..2020-12-31.  An end is
 * inclusive: "..2020-12" runs to the month's last second.  A day counted
 * back (date:7d, date:2w, date:3m, date:1y) alone means since then, as
 * date:7d.. does: "the last week's news". */
struct DateProcessor : Xapian::FieldProcessor {
    /* Where a bad date is reported: an exception thrown through Xapian's
     * parser leaks some of its state, so tw_db_parse throws it afterwards. */
    std::string *bad;
    const trawl_db *db;

    DateProcessor(const trawl_db *d, std::string *b) : bad(b), db(d) {}

    Xapian::Query operator()(const std::string &text) override
    {
        size_t dots = text.find("..");
        std::string lo = dots == std::string::npos ? text : text.substr(0, dots);
        std::string hi = dots == std::string::npos ? text : text.substr(dots + 2);
        int64_t now = clock_now();
        int64_t lo_start = 0, lo_end = 0, hi_start = 0, hi_end = 0;
        bool lo_counted = false, hi_counted = false;
        bool ok = (lo.empty() || range_end(lo, now, &lo_start, &lo_end, &lo_counted)) &&
                  (hi.empty() || range_end(hi, now, &hi_start, &hi_end, &hi_counted)) &&
                  !(lo.empty() && hi.empty());
        if (!ok) {
            if (bad->empty())
                *bad = "date:" + text + " is not a date: use date:2021-06-17, date:2021-06, "
                       "date:2021, date:yesterday, date:7d (the last 7 days; w weeks, m "
                       "months, y years), or a range such as date:2021-06-01..2021-06-30 "
                       "(either end may be left out)";
            return Xapian::Query::MatchNothing;
        }
        if (dots == std::string::npos && lo_counted)
            hi.clear();
        /* Typed the wrong way round, a range would silently match nothing. */
        if (!lo.empty() && !hi.empty() && hi_end <= lo_start) {
            if (bad->empty())
                *bad = "date:" + text + " ends before it starts: give the earlier date "
                       "first, as date:" + hi + ".." + lo;
            return Xapian::Query::MatchNothing;
        }
        std::string from = lo.empty() ? "" : Xapian::sortable_serialise((double)lo_start);
        std::string to = hi.empty() ? "" : Xapian::sortable_serialise((double)(hi_end - 1));
        /* A day is the day the article showed, on its own clock. */
        Xapian::Query shown = in_range(TW_SLOT_CLOCK, from, to);
        if (clocks_everywhere(db))
            return shown;
        /* An article an older trawl indexed has its UTC day alone (and
         * every value sorts at or above a NUL byte). */
        Xapian::Query clocked(Xapian::Query::OP_VALUE_GE, TW_SLOT_CLOCK, std::string(1, '\0'));
        Xapian::Query older(Xapian::Query::OP_AND_NOT, in_range(TW_SLOT_DATE, from, to), clocked);
        return Xapian::Query(Xapian::Query::OP_OR, shown, older);
    }
};

/* lang:DE, lang:de-AT, lang:deu, lang:german and lang:deutsch find what the
 * indexer filed under "de".  A value that names no language is a bad query,
 * unless the index has articles filed under it. */
struct LangProcessor : KeyProcessor {
    const trawl_db *db;
    std::string *bad;       /* as DateProcessor's */

    LangProcessor(const trawl_db *d, std::string *b) : KeyProcessor(TW_PREFIX_LANG, nullptr), db(d), bad(b) {}

    Xapian::Query operator()(const std::string &text) override
    {
        char code[TW_LANG_MAX];
        bool known = tw_lang_normalise(text.c_str(), code);
        std::string want = term(known ? code : text);
        if (!known && !db->db.term_exists(want)) {
            if (bad->empty())
                *bad = "lang:" + text + " is not a language: give its code (lang:fr), its "
                       "three-letter code (lang:fra) or its name (lang:french, lang:français)";
            return Xapian::Query::MatchNothing;
        }
        return Xapian::Query(want);
    }
};

/* The fields whose value is a key, not words: the parser's boolean
 * prefixes, whose values the rewrites of the typed text leave as typed. */
static const char *const KEY_FIELDS[] = { "site", "path", "url", "date", "lang" };

void tw_db_setup_parser(trawl_db *db)
{
    Xapian::QueryParser &qp = db->qp;
    qp = Xapian::QueryParser();
    qp.set_database(db->db);
    if (db->stemming) {
        qp.set_stemmer(db->stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    /* wildcards_xapian.h: why, and how the reader is told. */
    tw_wildcard_expansion(qp);
    qp.add_prefix("title", TW_PREFIX_TITLE);
    qp.add_prefix("author", TW_PREFIX_AUTHOR);
    qp.add_boolean_prefix("site", (new SiteProcessor(db))->release());
    qp.add_boolean_prefix("path", (new KeyProcessor(TW_PREFIX_PATH, nullptr))->release());
    qp.add_boolean_prefix("url", (new KeyProcessor(TW_PREFIX_URL, nullptr))->release());
    qp.add_boolean_prefix("date", (new DateProcessor(db, &db->bad_field))->release());
    qp.add_boolean_prefix("lang", (new LangProcessor(db, &db->bad_field))->release());
}

/* The fields whose value is words: the parser's other prefixes. */
static const char *const WORD_FIELDS[] = { "title", "author" };

std::string tw_field_example(const std::string &name)
{
    static const struct {
        const char *name, *value;
    } examples[] = { { "site", "example.com" }, { "path", "notes/a.txt" },
                     { "url", "https://example.com/a.html" }, { "date", "2021-06" },
                     { "lang", "de" }, { "title", "storm" }, { "author", "smith" } };
    for (const auto &e : examples)
        if (name == e.name)
            return e.value;
    return std::string();
}

std::vector<std::string> tw_field_names()
{
    std::vector<std::string> names(std::begin(KEY_FIELDS), std::end(KEY_FIELDS));
    names.insert(names.end(), std::begin(WORD_FIELDS), std::end(WORD_FIELDS));
    return names;
}

const char *tw_field_list(void)
{
    static const std::string list = [] {
        std::string l;
        for (const std::string &name : tw_field_names())
            l += (l.empty() ? "" : ", ") + name + ":";
        return l;
    }();
    return list.c_str();
}

/* Whether TEXT[AT] is the ":" after one of the N fields of FIELDS. */
size_t tw_field_name_start(const std::string &text, size_t at)
{
    size_t start = at;
    while (start > 0 && std::isalpha((unsigned char)text[start - 1]))
        start--;
    return start;
}

/* In any case: the words are lower-cased before the parser reads the
 * fields ("Path:x" is path:x), and what the text is rewritten into before
 * that must leave a key field's value as typed however its name is. */
static bool field_before(const std::string &text, size_t at, const char *const *fields,
                         size_t n)
{
    size_t start = tw_field_name_start(text, at);
    for (size_t k = 0; k < n; k++)
        if (std::strlen(fields[k]) == at - start &&
            strncasecmp(text.data() + start, fields[k], at - start) == 0)
            return true;
    return false;
}

bool tw_key_field_before(const std::string &text, size_t at)
{
    return field_before(text, at, KEY_FIELDS, sizeof KEY_FIELDS / sizeof *KEY_FIELDS);
}

bool tw_word_field_before(const std::string &text, size_t at)
{
    return field_before(text, at, WORD_FIELDS, sizeof WORD_FIELDS / sizeof *WORD_FIELDS);
}

/* Where the value of the key field whose ':' is at AT in TEXT ends: its
 * closing quote, or the space or parenthesis after it; npos when it runs to
 * the end. */
static size_t key_value_end(const std::string &text, size_t at)
{
    return at + 1 < text.size() && text[at + 1] == '"' ? text.find('"', at + 2)
                                                      : text.find_first_of(" \t)", at);
}

size_t tw_key_value_after(const std::string &text, size_t at)
{
    size_t end = key_value_end(text, at);
    return end == std::string::npos ? text.size() : end + (text[end] == '"');
}

std::string tw_unknown_field(const std::string &text)
{
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        if (quoted || text[i] != ':')
            continue;
        if (tw_key_field_before(text, i)) {
            i = tw_key_value_after(text, i) - 1;    /* url:a.example/x:y is a url */
            continue;
        }
        size_t start = tw_field_name_start(text, i);
        unsigned char after = i + 1 < text.size() ? (unsigned char)text[i + 1] : ' ';
        if (start == i || tw_word_field_before(text, i) ||
            (start > 0 && tw_query_word_byte((unsigned char)text[start - 1])) ||
            std::isspace(after) || after == '/' || after == ':')
            continue;
        return Xapian::Unicode::tolower(text.substr(start, i - start));
    }
    return std::string();
}
