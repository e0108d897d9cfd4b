/* date_lines.h - the lines of a page that say its date: a date alone or
 * after a short label, by the headline or anywhere on the page, when the
 * page's markup gives none. */
#ifndef TW_DATE_LINES_H
#define TW_DATE_LINES_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "date.h"

/* Whether TEXT is a date, or starts with one that has a year with other
 * words after it (tw_date_leading: "06.11.2023 13:30 von Olga", "25. Januar
 * 2022 (DJV/FWR) Berlin"), itself or after a label of up to three words
 * without a colon ("Pressemitteilung vom 25. Januar 2022", "Published on
 * March 3, 2021", "Publié le 3 mars 2021"); into *WHEN. */
bool tw_labelled_date(const char *text, tw_date_order order, tw_date *when);

/* Whether TEXT, or one of its parts between commas or a byline's
 * separators (tw_byline_separator: "04.02.2022 | 13:10 Uhr | Uta
 * Helkenberg", "Janic Cathomen, 01.12.2021"), is a date and nothing else,
 * or after a short label (tw_labelled_date); into *WHEN.  TEXT is written
 * over. */
bool tw_text_is_date(char *text, tw_date_order order, tw_date *when);

/* The day a page gives itself anywhere on it, for when nothing by its
 * headline or in its markup dates it: a line that says it was published
 * ("Erschienen am: 01.11.2023" in the footer, "Datum: 19.11.2021" in a box
 * beside the story); else a date in an element whose class names a date
 * ("<span class="entry-date">13. Januar 2014</span>", "<div
 * class="date-create">2021-05-12</div>"), unless elements of that class
 * show other days (a list of posts); else a line that says it was last
 * changed ("Stand 27.01.2022", "Letzte Änderung: 14.01.2022 um 09:25"), or
 * a short sentence that does ("Diese Seite wurde zuletzt am 29. Januar 2020
 * um 13:22 Uhr geändert.", a wiki's footer).
 * The first of each outside the readers' comments and the teasers of other
 * stories, numbers read in ORDER; into ISO[TW_DATE_ISO_MAX], NULL when
 * none. */
const char *tw_dated_anywhere(xmlNodePtr root, tw_date_order order, char iso[TW_DATE_ISO_MAX]);

#endif
