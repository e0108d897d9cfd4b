/* byline_name.h - the author's name a page's byline holds, without what
 * themes set around it: "By ", a label ("Auteur:"), the date before or
 * after the name, the other parts of a line of post data ("Dezember 10,
 * 2019 · von freeman1984 · in Uncategorized"). */
#ifndef TW_BYLINE_NAME_H
#define TW_BYLINE_NAME_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* The name in BYLINE, into OUT (cleared first; empty when there is none):
 *   - a line of parts (split as byline_parts.h splits them) gives the
 *     first that starts with a word for "by" in the languages of the news
 *     ("von freeman1984"), else the first that is no date, has a
 *     letter and starts with no digit (a time, "2:54pm", or a count),
 *     unless a label before a word for "by" in it starts so ("06.11.2023
 *     13:30 von Olga");
 *   - that word goes, as does a label of up to three words before a colon
 *     ("Text und Interview: ") or before the word for "by" ("Posted on
 *     September 21, 2020 by", "erstellt von": a label has a word in small
 *     letters or a digit, unless the word is English "by", so that "Moritz
 *     von Uslar" stays whole);
 *   - a date after the name goes, with the comma or the short word before it
 *     ("Lee Parker, March 5, 2021", "Moritz Gathmann am 21. April 2020",
 *     "Nicole Collignon22. Februar 2020"), and so do marks at either end
 *     ("Redaktion,", "| Klaus").
 * Only what an article keeps of an author field is read (author_cap.h):
 * the rest of a longer BYLINE is no part of the name. */
void tw_byline_name(const char *byline, tw_buf *out);

/* Whether WORD[0, LEN) is one of the words for "by" tw_byline_name takes
 * away ("By", "von", "par"): a byline's label, never a name. */
bool tw_byline_by_word(const char *word, size_t len);

/* Whether WORD[0, LEN) is a word for "author" (or "text", as magazines
 * credit a story's writer) that labels a byline's name before a colon
 * ("Autor:", "Auteur:", "Text:"), in the languages of the news we meet. */
bool tw_byline_author_word(const char *word, size_t len);

/* Whether NAME[0, LEN) reads as a name a byline gives: one to four words,
 * each starting with a capital (or a letter beyond ASCII: "Świerczyński"
 * as "Ávila") or an initial, none with a digit. */
bool tw_byline_name_like(const char *name, size_t len);

#endif
