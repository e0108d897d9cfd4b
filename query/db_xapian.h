/* db_xapian.h - what the reader's files share: the trawl_db handle
 * (db_xapian.cc opens it and parses queries, search_xapian.cc searches). */
#ifndef TW_DB_XAPIAN_H
#define TW_DB_XAPIAN_H

#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <sys/stat.h>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "docdata.h"
#include "piece_pack.h"
#include "search_work.h"
}
#include "snippet_terms_xapian.h"

struct trawl_db {
    Xapian::Database db;
    Xapian::Stem stem;
    bool stemming = false;
    /* The stemmers of the languages of an index that stems each article in
     * its own (TW_META_STEM_LANGS), by ISO 639-1 code; empty otherwise.  A
     * query word is looked for by its stem in each (tw_db_parse). */
    std::vector<std::pair<std::string, Xapian::Stem>> lang_stems;
    bool by_language = false;   /* TW_META_STEM_LANGS: stem is the fallback */
    /* Built once per handle (prefixes, stemmer, field processors): building it
     * for every search cost more than many searches. */
    Xapian::QueryParser qp;
    std::string bad_field;      /* set by a field processor given a bad value */
    std::string path, stemmer, writer;
    std::string stub_path;      /* PATH/XAPIANDB, naming the current generation */
    struct stat stub = {};      /* of stub_path when opened */
    tw_search_work search_work = {};
    char errmsg[1024] = "";
    uint64_t text_read = 0;     /* bytes of stored text snippets read (text_read.h) */
    /* Inflates the stored text's pieces; made at the first one read. */
    std::unique_ptr<tw_piece_unpacker, void (*)(tw_piece_unpacker *)> unpacker{
        nullptr, tw_piece_unpacker_free };
    Expansions expansions;      /* cleared by tw_db_refresh on a new revision */
};

/* Reads that meet a writer's commits are tried again, TW_DB_TRIES times in
 * all, after a pause that doubles (tw_db_pause: 1 ms, 2, 4, ... about 4 s in
 * all).  Xapian 1.4 lets a reader finish only while the writer commits at
 * most once: with eight readers beside a writer that commits every few
 * milliseconds, some reads span many commits and must wait for a quieter
 * moment.  (Commits come every 16 MiB of text by default: seconds apart.) */
#define TW_DB_TRIES 13
void tw_db_pause(int attempt);

/* Catches up with the writers (a new commit, or a new generation).  True
 * when it moved. */
bool tw_db_refresh(trawl_db *db);

/* Sets the handle's message; returns ST. */
TW_MUST_CHECK
trawl_status tw_db_fail(trawl_db *db, trawl_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The fields of DOC into FIELDS, kept in DATA: with the body (WITH_BODY)
 * from the record; else from TW_SLOT_SHOWN, which spares reading (and glass
 * inflating) the whole record, unless the index predates the slot. */
void tw_shown_fields(const Xapian::Document &doc, bool with_body, std::string &data,
                     tw_slice fields[TW_F_COUNT]);

/* Shortens the title of FIELDS (common/docdata.h) by the tail its url's host
 * adds to its pages' titles, when the index learnt one (TW_META_TITLE_TAIL). */
void tw_db_trim_title(const trawl_db *db, tw_slice fields[TW_F_COUNT]);

/* Whether T is a word as the text had it (lower-cased, unprefixed): it
 * starts with a digit, a lower-case letter or a byte of a non-ASCII
 * character, where the fields' terms start with an upper-case prefix. */
inline bool tw_plain_term(const std::string &t)
{
    unsigned char c = t.empty() ? 0 : (unsigned char)t[0];
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Parses TEXT with the handle's parser: all words must match, or any with
 * MATCH_ANY.  Throws Xapian::QueryParserError. */
Xapian::Query tw_db_parse(trawl_db *db, const std::string &text, bool match_any);

/* Q, a query tw_db_parse made (and what ranking added to it), looking for
 * each word by its stem in every language of an index that stems each
 * article in its own (trawl_db.lang_stems); Q itself for other indexes. */
Xapian::Query tw_db_in_languages(const trawl_db *db, const Xapian::Query &q);

#endif
