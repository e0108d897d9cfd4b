/* byline_shown.h - the byline a page shows where its markup names no
 * author: in the lines by its headline, or in the article's own text. */
#ifndef TW_BYLINE_SHOWN_H
#define TW_BYLINE_SHOWN_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "buf.h"

/* The byline a page shows by its headline, when its markup names no author
 * otherwise: the first text near its headline (HEADLINE, else its first
 * <h1>; tw_near_headline: the 12 after it, else the 6 before it) in a
 * short element that names an author, into OUT ("<div
 * class="content__author">von Lars Fischer</div>", "<a
 * href="/author/marinabeuerle/">Marina Beuerle</a>"); else the first short
 * line there that gives a name after a word for "by" (is_by_line); else
 * the name after a label alone (is_label_then_name); else the name beside
 * a date (is_dated_name); else a byline after a label in capitals
 * (is_labelled_by_part).  Next to the headline, such a line is the
 * story's; elsewhere it may be a teaser's or a menu's.  Returns OUT's
 * text, or NULL. */
const char *tw_headline_byline(xmlNodePtr root, xmlNodePtr headline, tw_buf *out);

/* The byline the article's own text sets under its headline or after its
 * story: one of its first three lines, or its last, that is a word for "by"
 * and a name alone (by_name_line), or a last line of a name after a line
 * that is a byline's label alone ("Von:", "Text:"); the name into OUT.  What a reader sees
 * as the article's words names its writer before any metadata. */
bool tw_text_byline(const char *body, tw_buf *out);

/* The byline a page sets after its story, when its markup names no author
 * and none is by its headline: a label alone and a name after it on its
 * line (is_label_then_name: "Text: <span>Ursula Eggers</span>", "<b>Von:
 * </b> Dana Whitcomb") in the 24 lines after the story's last (the last
 * line of BODY, the article's text, found in the page), not in the
 * readers' comments or a teaser; the name into OUT.  A magazine credits
 * its writer under the story, where no reader takes it for a menu's. */
bool tw_closing_byline(xmlNodePtr root, const char *body, tw_buf *out);

/* The byline a page sets anywhere in an element whose class names an
 * author ("<span class="author">Lars</span>", "par <span
 * class="auteurs">Didier Roy</span>", "<div class="kontextliste-autor">"),
 * for when nothing else names one: the first such short element, not in
 * the readers' comments or a teaser, whose text gives a name
 * (tw_byline_name) that reads as one (tw_byline_name_like), not a
 * picture's credit ("© Dana Whitcomb"); none when another element of that
 * class names someone else, as a list of posts or of comments names each
 * one's writer.  The name into OUT. */
bool tw_classed_byline(xmlNodePtr root, tw_buf *out);

/* The byline a page sets under a heading, a term or a table's header cell
 * that is a word for "author" alone ("<h4>Autor</h4><p><a>Nikolai
 * Huke</a></p>", "<dt>Author:</dt><dd>Dana Whitcomb</dd>", "<th>Auteur</th>
 * <td>Didier Roy</td>"): the first such whose next element's first text
 * gives a name (tw_byline_name) that reads as one (tw_byline_name_like),
 * not a picture's credit nor one of a list (two links or more), outside
 * the readers' comments and teasers; for
 * when nothing else names one.  The name into OUT. */
bool tw_headed_byline(xmlNodePtr root, tw_buf *out);

#endif
