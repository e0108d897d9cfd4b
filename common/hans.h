/* hans.h - Chinese in one spelling: traditional characters indexed and
 * searched as their simplified ones.
 *
 * Chinese news is written in simplified characters (mainland China,
 * Singapore) or in traditional ones (Taiwan, Hong Kong, Macau), and a
 * reader types the spelling they read: "台风" (typhoon) found no article
 * that writes "颱風", nor "经济" one that writes "經濟".  The writer indexes
 * each traditional character as its simplified one (the term generator's
 * text, writer_xapian.cc), a query is read so (typed_text_xapian.cc) and a
 * hit's text is matched so for its snippet (snippet_terms_xapian.cc); the
 * stored text keeps the characters as written.
 *
 * Simplified, because only that way is the mapping a function: several
 * traditional characters became one simplified ("發" send and "髮" hair
 * are both "发", "後" after and "后" queen are "后"), so a simplified
 * character has no one traditional form to fold to.  The words they parted
 * are one to a search, as they are to a reader of simplified text.
 *
 * The mapping is ICU's "Hant-Hans" transliterator, which maps a character
 * at a time, without context.  All of its Han characters are ideographs of
 * U+3400-9FFF that map to one of the same range, so text keeps its length
 * in bytes.  A table of it is built at the first ideograph met (tens of
 * milliseconds, most of them ICU compiling its rules), then read without
 * ICU.  The writer files the table in the index (schema.h, TW_META_HANS),
 * and folds with the index's table when it has one, as the query does:
 * an index and its queries fold alike whatever ICU's version, and a
 * query pays no ICU.  Japanese kanji fold too ("東京"
 * as "东京"), in the index and in the query alike, so a Japanese search
 * finds what it found (bench/RESULTS.md, "Chinese in one spelling").
 * Text with no ideograph costs a look at its bytes. */
#ifndef TW_HANS_H
#define TW_HANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The table, and whether it was built.  Not to be shared between threads
 * while it is being built (the first fold): one per writer or handle. */
typedef struct tw_hans tw_hans;

/* A folder whose table is built at its first ideograph, or NULL when
 * memory ran out.  Free with tw_hans_free (NULL is fine). */
tw_hans *tw_hans_new(void);
void tw_hans_free(tw_hans *h);

/* Whether S (LEN bytes) may hold a character that folds: a byte that
 * starts an ideograph of U+3400-9FFF in UTF-8 (E3 to E9).  Without one
 * (Latin text), a query needs no folder at all. */
bool tw_hans_maybe(const char *s, size_t len);

/* Where in S (LEN bytes of UTF-8) the first character that folds starts;
 * LEN when none does (or when ICU could not build the table: its data
 * missing, memory short). */
size_t tw_hans_first(tw_hans *h, const char *s, size_t len);

/* Rewrites each traditional character of S (LEN bytes) as its simplified
 * one, in place; the length stays.  Other bytes are left as they are. */
void tw_hans_fold(tw_hans *h, char *s, size_t len);

/* H's table as text, each traditional character followed by its
 * simplified one (UTF-8), into OUT (emptied first): empty when it was not
 * built yet (no ideograph met) or ICU could not build it.  Returns 0, or
 * -1 when memory ran out. */
int tw_hans_table(const tw_hans *h, tw_buf *out);

/* Takes H's table from TABLE (LEN bytes, as tw_hans_table wrote it)
 * instead of building it from ICU.  Returns false (H unchanged) when
 * TABLE is not such a table, or empty. */
bool tw_hans_use(tw_hans *h, const char *table, size_t len);

/* The simplified character of CP, or CP. */
uint32_t tw_hans_char(tw_hans *h, uint32_t cp);

#ifdef __cplusplus
}
#endif

#endif
