/* spell_blocks_xapian.h - the index's own spelling structure: every word of
 * the vocabulary worth correcting to (spell_keys.h) filed under its keys, in
 * blocks of user metadata.  A miss then reads a handful of blocks instead of
 * the whole vocabulary.
 *
 * Words are filed, never unfiled: a word whose last article went stays in
 * its blocks, and a lookup must check that the index still has it. */
#ifndef TW_SPELL_BLOCKS_XAPIAN_H
#define TW_SPELL_BLOCKS_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

/* Whether DB has blocks of the format this code reads, and is a single
 * database: Xapian reads a group's metadata from its first member only, so
 * the blocks of the others would be out of sight. */
bool tw_spell_ready(const Xapian::Database &db);

/* Appends to WORDS each filed word that shares a key with WORD (as typed:
 * it need not be a word of the index), and adds to *BLOCKS the number of
 * blocks read.  A damaged block gives the words before the damage: a lost
 * suggestion is better than a failed search. */
void tw_spell_lookup(const Xapian::Database &db, const std::string &word,
                     std::vector<std::string> *words, unsigned long *blocks);

/* Files WORDS (those the index did not have: a word filed already is not
 * filed twice, but costs the blocks of its keys a rewrite), reading and
 * rewriting only the blocks their keys fall in.  Needs tw_spell_ready. */
void tw_spell_file(Xapian::WritableDatabase &db, const std::vector<std::string> &words);

/* Files every word of DB's vocabulary in blocks made anew (any earlier ones
 * are dropped), and marks DB as having them.  THREADS threads (the caller's
 * among them) pack the blocks; the blocks are the same for any number. */
void tw_spell_build(Xapian::WritableDatabase &db, unsigned threads);

#endif
