/* nfc.h - text in Unicode's composed form (NFC), one spelling for one word.
 *
 * The same word comes written in more than one sequence of characters: "é"
 * as one character (U+00E9) in one article and as "e" and a combining acute
 * (U+0065 U+0301) in another (macOS's files, some publishing systems),
 * Korean as syllables or as the jamo they are made of, Bengali and
 * Devanagari with a nukta or vowel signs in another order.  The term
 * generator reads each sequence as another word, so a search typed one way
 * missed the articles written the other, and a phrase copied from a page
 * could miss the page.  The indexer stores and indexes every field in NFC
 * (indexer/formats/clean.c) and the query is read in NFC
 * (query/typed_text_xapian.cc), so that the two agree.
 *
 * NFC, not NFKC: it changes no character a reader sees, so the stored text
 * is what the page showed (web-eval's segments, in NFC, are found in it);
 * NFKC would also rewrite superscripts, fractions, circled and full-width
 * forms in the shown text.  The compatibility forms searches meet most are
 * folded where words are indexed instead: full-width letters and digits as
 * ASCII (utf8.h tw_utf8_narrow), ligatures spelt out in the accents' space
 * (accents.h).
 *
 * Text that is already in NFC, nearly all of it, costs a look at its bytes
 * (no character below U+0300 changes), else a conversion to UTF-16 and
 * ICU's quick check, 32 KiB at a time. */
#ifndef TW_NFC_H
#define TW_NFC_H

#include <stddef.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rewrites B's bytes from FROM to its end (valid UTF-8) in NFC.  Returns 1
 * when they changed, 0 when they were in NFC already, or when ICU could not
 * normalise them (its data missing, or bytes that are not UTF-8: they are
 * left as they are), and -1 when memory ran out (B unchanged). */
int tw_nfc(tw_buf *b, size_t from);

#ifdef __cplusplus
}
#endif

#endif
