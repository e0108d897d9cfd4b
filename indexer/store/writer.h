/* writer.h - the C face of the Xapian index writer (writer_xapian.cc).  It knows
 * the schema; it does not know about files or formats. */
#ifndef TW_WRITER_H
#define TW_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "minhash.h"
#include "trawl.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tw_writer tw_writer;

/* The stemmer name that stems each article in its own language (its
 * tw_doc.lang), in TW_STEM_FALLBACK when Xapian has no stemmer for it or it
 * has none: the default of a new index. */
#define TW_STEM_BY_LANGUAGE "auto"
#define TW_STEM_FALLBACK "english"

/* One article, cleaned: every string valid UTF-8 and NUL-terminated. */
typedef struct tw_doc {
    const char *id;          /* required */
    const char *path;        /* NULL-able, like the strings below */
    const char *title;
    const char *body;
    const char *author;
    const char *url;
    const char *site;
    bool site_named;         /* SITE is a name the article gave, not its url's host */
    bool has_date;
    int64_t date;            /* seconds since epoch, UTC */
    int32_t date_offset;     /* seconds east of UTC of the clock DATE was
                                written by (tw_date.offset) */
    bool has_file;           /* mtime and size below are known */
    int64_t mtime;
    uint64_t size;
    const char *hash_hex;    /* content hash, 16 hex digits */
    const char *data;        /* encoded document data (docdata.h): the fields a
                                hit shows; the writer adds the body's pieces */
    size_t data_len;
    size_t body_stored;      /* the first bytes of BODY that are kept (whole
                                characters, at most TW_STORED_BODY_MAX) */
    const tw_minhash *signature; /* of the body, or NULL when too short */
    const char *lang;        /* ISO 639-1 (formats/lang.h), or NULL when unknown */
} tw_doc;

typedef enum tw_open_mode {
    TW_OPEN_EXISTING,   /* open the database at PATH, creating it when missing */
    TW_OPEN_NEW,        /* a new, empty database, replacing any at PATH */
    TW_OPEN_SCRATCH,    /* the same, not synced to disk: a bulk build's shard,
                           thrown away whole if the run dies */
} tw_open_mode;

/* Opens the glass database in directory PATH (its parent must exist), a
 * generation or a bulk build's shard of the index the user knows as NAME
 * (its folder), which messages name.  STEMMER NULL keeps the index's own
 * choice (english for a new index).  On failure *w is NULL and err holds a
 * message for the user. */
TW_MUST_CHECK
trawl_status tw_writer_open(const char *path, const char *name, const char *stemmer,
                            tw_open_mode mode, tw_writer **w, char *err, size_t errlen);

/* Whether an index can be built with the stemmer NAME (trawl_indexer_opts):
 * a language Xapian stems, "none" or TW_STEM_BY_LANGUAGE.  TRAWL_EINVAL with
 * the names there are in err otherwise, and for "": Xapian takes it for no
 * stemmer, but the index would record it as no choice at all, which a reader
 * takes for TW_STEM_BY_LANGUAGE, stemming query words the index has whole. */
TW_MUST_CHECK
trawl_status tw_writer_stemmer_known(const char *name, char *err, size_t errlen);

/* Whether the database at PATH is one that trawl did not write (it has
 * articles and no schema): another program's, which an overwrite would
 * destroy.  Then returns TRAWL_ESCHEMA with a message in err; else TRAWL_OK,
 * also when it cannot be read (a damaged index is what --full mends). */
TW_MUST_CHECK
trawl_status tw_writer_check_ours(const char *path, char *err, size_t errlen);

/* The most terms an article's text is indexed into: Xapian holds each term
 * of an article (its postings, its positions) in memory until the commit,
 * 450 bytes and more, and 1,000,000 made-up words in 10 MB of text took
 * 924 MB.  All of Reuters-21578 as one text gives 110,000 terms. */
#define TW_ARTICLE_TERMS_MAX 200000
#define TW_ARTICLE_TERMS_MAX_TEXT "200000"

/* Adds DOC, in place of the article of the same id if there is one, which
 * *REPLACED then says (an article of this batch, or of an earlier commit).
 * *TERMS_CUT says whether its text was indexed only until it gave
 * TW_ARTICLE_TERMS_MAX terms. */
TW_MUST_CHECK
trawl_status tw_writer_add(tw_writer *w, const tw_doc *doc, bool *replaced, bool *terms_cut,
                           char *err, size_t errlen);

/* Deletes all but the last written copy (the highest document number) of each
 * article id that is in the database more than once, adding their number to
 * *removed: a bulk build's merge joins shards without looking at ids, and one
 * worker may have written an id given twice in a file into two of its shards. */
TW_MUST_CHECK
trawl_status tw_writer_dedupe(tw_writer *w, uint64_t *removed, char *err, size_t errlen);

/* Gives the near-copies of each story in the database a shared key (after a
 * bulk build, whose shards could not see each other); adds the number of
 * articles keyed to *linked. */
TW_MUST_CHECK
trawl_status tw_writer_link_stories(tw_writer *w, uint64_t *linked, char *err, size_t errlen);

/* Gives the near-copies of each story in the database that merging the N
 * PARTS (a bulk build's shards, in the merge's order) will make a shared key,
 * written into the parts, which are committed (stories_xapian.h,
 * tw_story_link_parts); adds the number of articles keyed to *linked. */
TW_MUST_CHECK
trawl_status tw_writer_link_parts(tw_writer *const *parts, size_t n, uint64_t *linked,
                                  char *err, size_t errlen);

/* Counts the title tails of every article (common/title_tail.h), as a merged
 * bulk build must: its shards each saw a part of a site's pages.  Adds to
 * *learnt the hosts whose tail it recorded. */
TW_MUST_CHECK
trawl_status tw_writer_learn_tails(tw_writer *w, uint64_t *learnt, char *err, size_t errlen);

/* Commits atomically, recording the schema, stemmer, version and time. */
TW_MUST_CHECK
trawl_status tw_writer_commit(tw_writer *w, char *err, size_t errlen);

/* What the index remembers of a file, to skip it when it has not changed. */
typedef struct tw_file_record {
    uint64_t size;
    int64_t mtime_sec, mtime_nsec;
    uint64_t hash;           /* FNV-1a 64 of the bytes read */
    uint64_t articles;
    /* The inode and its change time: a file replaced by another of the same
     * size and modification time (a tar extracted again, `cp -p`, a symlink
     * made to point elsewhere), or written again and its time set back, has
     * another inode or a later change time, which no one can set back.
     * Records written before trawl kept them have HAS_INODE false.  A
     * CTIME_NSEC of -1, which no file has, makes the next run hash the file
     * (index_file.c: a file written in the second it was read). */
    bool has_inode;
    uint64_t inode;
    int64_t ctime_sec, ctime_nsec;
    bool unfinished;         /* its indexing began and did not end well (it failed,
                                was cut short, the run was stopped or killed): the
                                index may hold a part of it, so the next run reads
                                it again whatever its time and bytes, and removes
                                its articles when it is gone */
} tw_file_record;

/* Sets *found and, when found, *rec from the record of PATH. */
TW_MUST_CHECK
trawl_status tw_writer_file_get(tw_writer *w, const char *path, tw_file_record *rec,
                                bool *found, char *err, size_t errlen);

/* Records REC for PATH. */
TW_MUST_CHECK
trawl_status tw_writer_file_put(tw_writer *w, const char *path, const tw_file_record *rec,
                                char *err, size_t errlen);

/* Deletes every article that came from PATH, adding their number to *removed.
 * With FORGET, the file's record goes too. */
TW_MUST_CHECK
trawl_status tw_writer_drop_path(tw_writer *w, const char *path, bool forget,
                                 uint64_t *removed, char *err, size_t errlen);

/* Deletes the first of the articles that came from PATH: at most MOST, and
 * no more than hold MOST_WORDS words (one at least), adding their number to
 * *removed and the words they held to *words; none left when it adds
 * nothing.  Deleting a big file's articles a part at a time, with commits
 * between, keeps what the deletion holds in memory bounded. */
TW_MUST_CHECK
trawl_status tw_writer_drop_some(tw_writer *w, const char *path, uint64_t most,
                                 uint64_t most_words, uint64_t *removed, uint64_t *words,
                                 char *err, size_t errlen);

/* Calls VISIT for each recorded file at ROOT or below it (ROOT itself or
 * ROOT/...).  The records may be dropped meanwhile.  A status other than
 * TRAWL_OK from VISIT stops the walk and is returned. */
TW_MUST_CHECK
trawl_status tw_writer_files_under(tw_writer *w, const char *root,
                                   trawl_status (*visit)(void *ctx, const char *path),
                                   void *ctx, char *err, size_t errlen);

/* Sets *EMPTY when the index holds no article and no file record. */
TW_MUST_CHECK
trawl_status tw_writer_is_empty(tw_writer *w, bool *empty, char *err, size_t errlen);

/* What the index records of the runs that wrote it, under KEY (TW_META_PART,
 * TW_META_BASE, TW_META_BUILD, TW_META_ROOTS): as read at open or set since, "" when it
 * does not say.
 * Borrowed from W. */
const char *tw_writer_kept(const tw_writer *w, const char *key);

/* Sets KEY (TW_META_PART, TW_META_BASE, TW_META_BUILD or TW_META_ROOTS) to VALUE, recorded
 * by each commit from now on; "" removes it. */
TW_MUST_CHECK
trawl_status tw_writer_keep(tw_writer *w, const char *key, const char *value, char *err,
                            size_t errlen);

/* Makes the next commit build the spelling blocks from the whole vocabulary,
 * not only add the new words: an index merged from one that had blocks and
 * shards that had none (a bulk build that went on from an earlier one's
 * work) took the first one's blocks, which miss the shards' words.  THREADS
 * threads (at least one) pack the blocks. */
void tw_writer_spell_whole(tw_writer *w, unsigned threads);

/* The stemmer the index uses: "none" for none, TW_STEM_BY_LANGUAGE when
 * each article's words are stemmed in its language.  Borrowed from W. */
const char *tw_writer_stemmer(const tw_writer *w);

/* Checks the glass database at PATH with Xapian's own check of its tables
 * (structure and cross-references; it reads every block, at about 20 ms per MB
 * of index), then each document's record and shown fields against their
 * seals, and the pieces of its stored text against their sums
 * (common/docdata.h), which Xapian cannot check: TRAWL_OK, or
 * TRAWL_ECORRUPT with what it found in err. */
TW_MUST_CHECK
trawl_status tw_writer_check(const char *path, char *err, size_t errlen);

/* Told the step a long operation has begun, in words for a person; returns
 * false to stop the operation there.  (tw_writer_merge_apart also asks with
 * a NULL step, between steps: only whether to go on.) */
typedef bool tw_tell_step(void *ctx, const char *step);

/* Merges the N databases at SOURCES into a new compact database at DEST, which
 * must not exist: documents renumbered in order, metadata (file records) kept.
 * DEST's marks (common/marks_xapian.h) are set in a commit of their own,
 * written in place (DEST is read by no one until it is made current):
 * TW_META_COMPACTED names it, so that a compaction asked for before an
 * article is written or deleted has nothing to do (tw_writer_compacted),
 * and TW_META_SEALED names it when every source sealed every record, says
 * some are when one may not have, and is dropped when one is from before
 * seals.
 * TELL (may be NULL) hears "WHAT: TABLE" as each of Xapian's tables begins,
 * and stops the merge there by returning false: TRAWL_EINTR, with DEST
 * half written for the caller to remove.  (Xapian then keeps the files of
 * the tables it wrote open until the process ends: it holds them by plain
 * pointers, which its compaction frees only when it completes.)  A
 * failure's message begins with WHAT. */
TW_MUST_CHECK
trawl_status tw_writer_merge(const char *const *sources, size_t n, const char *dest,
                             const char *what, tw_tell_step *tell, void *ctx,
                             char *err, size_t errlen);

/* The same merge in a child process (apart.h), which TELL stops at once,
 * in the middle of a table too, by returning false, to a NULL step as well
 * (asked every tenth of a second): this process then holds nothing of it,
 * neither memory nor open files.  Its steps go to TELL as they begin. */
TW_MUST_CHECK
trawl_status tw_writer_merge_apart(const char *const *sources, size_t n, const char *dest,
                                   const char *what, tw_tell_step *tell, void *ctx,
                                   char *err, size_t errlen);

/* Whether W's database is as a merge or a compaction made it
 * (tw_writer_merge), no article written or deleted since, in this run or an
 * earlier one: its blocks are full, and a compaction would give back only
 * the few its commits since wrote. */
bool tw_writer_compacted(tw_writer *w);

/* Deletes the article ID; TRAWL_ENOTFOUND when there is none. */
TW_MUST_CHECK
trawl_status tw_writer_remove(tw_writer *w, const char *id, char *err, size_t errlen);

/* Releases the lock and frees W.  Xapian commits pending changes as it closes, but
 * cannot report failure there: call tw_writer_commit first to learn the outcome. */
void tw_writer_close(tw_writer *w);

#ifdef __cplusplus
}
#endif

#endif
