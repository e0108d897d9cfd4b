/* accents.h - letters without their accents, for matching words
 * however they were accented ("élection", "election", "Election").  Not
 * story folding (indexer/store/stories_xapian.h): this is about letters. */
#ifndef TW_ACCENTS_H
#define TW_ACCENTS_H

#include <stddef.h>

/* Writes S (LEN bytes of UTF-8) to OUT with each accented Latin letter as
 * its base letter or letters ("é" "e", "É" "E", "ß" "ss", "æ" "ae", "ø" "o",
 * "ł" "l"), a ligature spelt out ("ﬁ" "fi"), case kept, and combining
 * accents (U+0300 to U+036F) dropped; Greek letters without tonos and
 * dialytika ("έ" "ε"), final sigma as "σ"; Cyrillic "ё" as "е"; Hebrew and
 * Arabic vowel points, and tatweel, dropped; Arabic alef with hamza as alef,
 * Persian "ی" and "ک" (and alef maksura) as Arabic "ي" and "ك"; the digits
 * of Arabic, Persian, Hindi and Bengali as ASCII ones ("٢٠٢٤" "2024").  Returns the bytes written.
 * Every other character, and every byte that is not UTF-8, is copied as it
 * is: Cyrillic, Arabic, Chinese... keep their letters.  No letter's
 * replacement is longer than the letter, so OUT needs LEN bytes at most;
 * it may be S itself. */
size_t tw_unaccent(const char *s, size_t len, char *out);

#endif
