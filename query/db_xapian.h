/* db_xapian.h - what the reader's files share: the trawl_db handle, and
 * reading its shards while writers commit (db_xapian.cc opens it,
 * search_xapian.cc searches). */
#ifndef TW_DB_XAPIAN_H
#define TW_DB_XAPIAN_H

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "docdata.h"
#include "hans.h"
#include "piece_pack.h"
#include "sea_words.h"
#include "search_work.h"
#include "watch.h"
}
#include "shards_xapian.h"
#include "snippet_terms_xapian.h"

/* Xapian's remote time-out when none is set: its own default. */
#define TW_SHARD_TIMEOUT_MS 10000

struct trawl_db {
    /* The union of the shards that answer, searched as one index. */
    Xapian::Database db;
    std::vector<tw_shard> shards;   /* every shard, in the order given */
    std::vector<size_t> live;       /* the shards in db, in its order */
    unsigned timeout_ms = TW_SHARD_TIMEOUT_MS;     /* for remote shards */
    bool stale = false;             /* shards were added since db was made, or its
                                       making did not finish (rebuild) */
    /* The local shards' folders and generations, watched (watch.h): a
     * search looks at their files only when the kernel told of a change,
     * a second went by since it last looked (looked), or that look failed
     * (look_due). */
    std::unique_ptr<tw_watch, void (*)(tw_watch *)> watch{ nullptr, tw_watch_free };
    std::chrono::steady_clock::time_point looked;
    bool look_due = false;
    /* A read was overtaken by a commit, or looked damaged: the local
     * shards are opened anew before the next try (tw_db_retry). */
    bool open_anew = false;
    unsigned reads = 0;     /* searches and reads begun: the watch waits for the second */
    Xapian::Stem stem;
    bool stemming = false;
    /* The stemmers of the languages of an index that stems each article in
     * its own (TW_META_STEM_LANGS), by ISO 639-1 code; empty otherwise.  A
     * query word is looked for by its stem in each (tw_db_in_languages). */
    std::vector<std::pair<std::string, Xapian::Stem>> lang_stems;
    bool by_language = false;   /* TW_META_STEM_LANGS: stem is the fallback */
    /* Every index searched stems by language: a hit's words have the stems
     * of its own language alone (the fallback's when Xapian has none for
     * it), which its snippet then needs no others to match. */
    bool own_language = false;
    bool accents = false;       /* an index has the accents' space (schema.h,
                                   TW_PREFIX_ACCENTS) */
    /* The accents' space of the shards with each term's number of articles,
     * read whole at open when it is small and no shard is remote
     * (accents_whole; tw_db_languages): a query looks each of its words up
     * there, a block read or two each, and in an index of English, where
     * that space holds a few hundred names, almost every look-up finds
     * nothing. */
    std::map<std::string, Xapian::doccount> accent_freqs;
    bool accents_whole = false;     /* accent_freqs is the whole space */
    bool elisions = false;      /* every index splits elided words (schema.h,
                                   TW_SCHEMA_ELISIONS): a query's are split too */
    bool compounds = false;     /* every index joins hyphenated compounds too
                                   (TW_SCHEMA_COMPOUNDS): a query's are joined */
    bool numbers = false;       /* every index has numbers' plain forms too
                                   (TW_SCHEMA_NUMBERS): a query's are made plain */
    bool plurals = false;       /* every index has acronyms' plurals by their
                                   acronyms too (TW_SCHEMA_PLURALS): a query's
                                   are searched by them */
    bool initials = false;      /* every index has initials' marks too
                                   (TW_SCHEMA_INITIALS): a query's initials
                                   look for them */
    /* Every index splits Thai, Lao, Khmer and Burmese runs into words
     * (TW_SCHEMA_SEA_WORDS): a query's and a hit's text are split so too,
     * by SEA (made at the first run; tw_db_sea). */
    bool sea_words = false;
    std::unique_ptr<tw_sea_splitter, void (*)(tw_sea_splitter *)> sea{ nullptr, tw_sea_free };
    /* Every index holds Chinese in simplified characters (TW_SCHEMA_HANS):
     * a query's and a hit's text are folded so too, by HANS (made at the
     * first query or hit; tw_db_hans). */
    bool simplified = false;
    std::unique_ptr<tw_hans, void (*)(tw_hans *)> hans{ nullptr, tw_hans_free };
    /* Built once per handle (prefixes, stemmer, field processors): building it
     * for every search cost more than many searches. */
    Xapian::QueryParser qp;
    std::string bad_field;      /* set by a field processor given a bad value */
    std::string quoted_broad;   /* set by a parse: a wildcard in a phrase of more
                                   words than searched, as typed (parse_xapian.cc) */
    std::string path;           /* names the index in messages: the shards' specs */
    std::string stemmer, writer;
    std::string parts;          /* trawl_db_info.part, as last read */
    mutable tw_search_work search_work = {};     /* mutable: tw_db_term_exists counts */
    char errmsg[1024] = "";
    uint64_t text_read = 0;     /* bytes of stored text snippets read (text_read.h) */
    /* Inflates the stored text's pieces; made at the first one read. */
    std::unique_ptr<tw_piece_unpacker, void (*)(tw_piece_unpacker *)> unpacker{
        nullptr, tw_piece_unpacker_free };
    Expansions expansions;      /* cleared by tw_db_forget */
    /* Answers the shards gave that hold until a new revision (cleared by
     * tw_db_forget): over a remote shard each costs a round trip, and a
     * search asked the same ones again for every query and every hit.
     * Feedback asks how many articles have each of a few dozen words the
     * first hits share, and the same words come back with other queries:
     * over 4 local shards those look-ups were a third of the blocks a
     * search read. */
    mutable std::map<std::string, Xapian::doccount> term_freqs;   /* tw_db_term_freqs,
                                           tw_db_term_exists (TW_TERM_UNCOUNTED) */
    /* Set while tw_db_in_languages gathers the terms a query may ask
     * about: tw_db_term_exists adds those it does not know to it, and
     * takes them to exist, unasked. */
    mutable std::vector<std::string> *unasked = nullptr;
    /* What tw_db_in_languages made of each word of the queries parsed in
     * this search (cleared as each search starts, so a new revision's
     * answers are asked again): the any-word fallback parses the text a
     * second time, and rewriting its words again cost more than parsing
     * it (linux-doc: 19k instructions to the parser's 10k).  The rewrite
     * of a stemmed term depends on the words typed for it, as the last
     * parse noted them (TYPED), besides the term: a correction may type
     * another word of the same stem. */
    struct LeafRewrite {
        std::vector<std::string> typed;
        Xapian::Query query;
        bool changed;
    };
    mutable std::map<std::string, LeafRewrite> leaves;
    mutable std::map<std::string, std::string> learnt; /* tw_db_learnt */
};

/* DB's splitter of Thai, Lao, Khmer and Burmese runs when its indexes
 * split them (trawl_db::sea_words), else NULL.  Throws std::bad_alloc. */
tw_sea_splitter *tw_db_sea(trawl_db *db);

/* DB's folder of traditional Chinese characters to simplified ones when its
 * indexes hold them so (trawl_db::simplified), else NULL.  Throws
 * std::bad_alloc. */
tw_hans *tw_db_hans(trawl_db *db);

/* Reads that meet a writer's commits are tried again, TW_DB_TRIES times in
 * all, after a pause that doubles (tw_db_pause: 1 ms, 2, 4, ... about 4 s in
 * all).  Xapian 1.4 lets a reader finish only while the writer commits at
 * most once: with eight readers beside a writer that commits every few
 * milliseconds, some reads span many commits and must wait for a quieter
 * moment.  (Commits come every 16 MiB of text by default: seconds apart.) */
#define TW_DB_TRIES 13
void tw_db_pause(int attempt);

/* Catches up with the writers of the local shards (a new commit, or a new
 * generation), and with RECONNECT connects the remote shards that are down.
 * Rebuilds the union when the shards that answer change.  A remote shard
 * that fails is marked down, not thrown about.  True when anything moved.
 * (In shards_xapian.cc.) */
bool tw_db_refresh(trawl_db *db, bool reconnect = true);

/* Whether E is Xapian's "EOF reading block N": a block's pointer past the
 * end of its table, which a torn read of the block that holds it gives. */
bool tw_db_torn_pointer(const Xapian::DatabaseError &e);

/* Runs READ, which reads DB, again after a pause (tw_db_pause) while a
 * writer's commit overtakes it: Xapian says so (DatabaseModifiedError), or,
 * when a block is read half way through a commit, it looks damaged or
 * points past the end of its table (tw_db_torn_pointer).  A handle keeps
 * the blocks it read, a torn one too: DB's local shards are opened anew
 * before the next try (trawl_db::open_anew), which reads their latest
 * commits, and READ must start over.  Damage still there after TW_DB_TRIES
 * tries is real, and thrown, as anything else is at once. */
template <class Read>
auto tw_db_retry(trawl_db *db, Read read) -> decltype(read())
{
    for (int attempt = 1;; attempt++) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt == TW_DB_TRIES)
                throw;
        } catch (const Xapian::DatabaseCorruptError &) {
            if (attempt == TW_DB_TRIES)
                throw;
        } catch (const Xapian::DatabaseError &e) {
            if (attempt == TW_DB_TRIES || !tw_db_torn_pointer(e))
                throw;
        }
        db->open_anew = true;
        tw_db_pause(attempt);
    }
}

/* Runs READ, a read of DB that needs every shard, once DB is up to date
 * (tw_db_refresh) and every shard answers (tw_shards_require), again at the
 * latest commit while writers' commits overtake it (tw_db_retry).  A remote
 * shard's connection that fails in the middle (its server restarted since
 * the last call, or closed the connection) is not the server down: the
 * shards are connected anew (tw_shards_lost) and READ run once more.
 * Returns what READ returns; throws what it or Xapian throws. */
template <class Read>
auto tw_db_read(trawl_db *db, Read read) -> decltype(read())
{
    bool reconnected = false;
    db->reads++;
    return tw_db_retry(db, [&] {
        for (;;) {
            try {
                tw_db_refresh(db);
                tw_shards_require(db, false);
                return read();
            } catch (const Xapian::NetworkError &e) {
                if (reconnected || !tw_shards_lost(db, e))
                    throw;
                reconnected = true;
            }
        }
    });
}

/* Reads the identity the shards' writers recorded (schema, stemmer), checks
 * that this trawl reads it and that the shards agree, and sets up the
 * parser.  Returns TRAWL_OK, or a status with the message on DB. */
TW_MUST_CHECK
trawl_status tw_db_identity(trawl_db *db);

/* Sets the handle's message; returns ST. */
TW_MUST_CHECK
trawl_status tw_db_fail(trawl_db *db, trawl_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
