/* errors.h - how a function inside the library says that it failed.
 *
 * One convention, so that every caller can tell what a failure means and
 * none is dropped:
 *
 *  - A public entry point returns a trawl_status and leaves the message on
 *    its handle (DESIGN.md, include/trawl.h).
 *
 *  - An internal function that can fail in more than one way its caller
 *    must tell apart (a locked index, a damaged one, no memory) returns a
 *    trawl_status too.  Its message goes to the handle it works on
 *    (tw_ix_error and tw_lane_fail in the indexer, tw_db_fail in the
 *    reader), or, when it has none, into an (err, errlen) pair its caller
 *    passes: the writer, the store.
 *
 *  - An internal function with one way to fail returns int: 0, or -1.
 *    Without an (err, errlen) pair, -1 means out of memory and nothing
 *    else, and the caller that turns it into a status makes it
 *    TRAWL_ENOMEM.  With one, -1 means "this input could not be read" and
 *    the pair says why (the readers of read.h, the option parsers); the
 *    caller chooses the status (a file is counted as failed, a buffer is
 *    TRAWL_EFORMAT).  A thin wrapper over system calls may return -1 with
 *    errno set, as they do.  A function whose -1 means something else says
 *    so where it is declared (tw_docdata_parse: the record is cut short,
 *    and what came before it is still given).  A count that can fail is a
 *    long, -1 on ENOMEM (charset.h).
 *
 *  - A bool answers a question (is it HTML? was it found?); it is never a
 *    failure.
 *
 *  - Code that calls Xapian (the *_xapian.cc files) lets exceptions fly
 *    and catches them at the entry point, with tw_catch (errors_xapian.h);
 *    its own failures it throws as a tw_error.  No exception leaves the
 *    library.
 *
 *  - A tw_buf remembers that an append ran out of memory (its failed flag,
 *    as ferror): a value written in many places may be checked once, at the
 *    end.  So the appends (buf.h) and the writers into a tw_buf of
 *    indexer/html_tree.h are not TW_MUST_CHECK; whoever ignores their
 *    result checks the flag.
 *
 * Every other function declared in a header that returns an int, a long or a
 * trawl_status is TW_MUST_CHECK, and the build (-Wall) warns about a call
 * that drops its result; tw_docdata_parse is the one left out, as its -1
 * still gives the fields before the cut, which some callers want.  Where
 * dropping a result
 * is right, the call is wrapped in TW_IGNORE with a comment that says why. */
#ifndef TW_ERRORS_H
#define TW_ERRORS_H

#if defined(__GNUC__) || defined(__clang__)
#define TW_MUST_CHECK __attribute__((warn_unused_result))
#else
#define TW_MUST_CHECK
#endif

/* GCC does not let a (void) cast silence TW_MUST_CHECK: a test of the value
 * does. */
#define TW_IGNORE(call) do { if (call) {} } while (0)

/* How a remote shard's message (TRAWL_ESHARD) begins its reason when the
 * shard took longer than --shard-timeout, where a refused connection gives
 * the system's: trawl-query tells the two apart to say what helps. */
#define TW_SHARD_TIMED_OUT "no answer within "

/* How the messages of an indexer refused an index say, in the library's
 * terms (trawl_indexer_opts.overwrite), how to rebuild it as asked: the
 * index was built with another stemmer (writer_xapian.cc), holds another
 * part of its collection (indexer.c), or names its files from another
 * folder or spelling (add_path.c).  trawl-index finds them there to say the
 * same in its options. */
#define TW_REBUILD_STEMMER "overwrite it to rebuild it from the articles with the stemmer "
#define TW_REBUILD_PART "overwrite it to rebuild it from the articles as "
#define TW_REBUILD_NAMES "overwrite the index to rebuild it from the articles with their names from "
/* And how a warning ends that says the same of the index (add_path.c: the
 * articles of a folder now empty are kept). */
#define TW_REBUILD_INDEX "overwrite the index to rebuild it from the articles"
/* The same for indexes of two stemmers searched as one (db_xapian.cc), which
 * trawl-query says with trawl-index's options. */
#define TW_REBUILD_OTHERS_STEMMER "rebuild one from the articles with the other's stemmer"

#endif
