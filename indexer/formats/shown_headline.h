/* shown_headline.h - the headline a page shows its readers, which its
 * metadata may word otherwise.
 *
 * og:title and <title> are written for search engines and social media: a
 * kicker or a section before the headline ("Corona-Pandemie - ...", "News -
 * ..."), the site's name after it in any language and with any separator
 * ("... › evang.at", "... : literaturkritik.de"), or a shorter wording of it
 * ("New York ramps up mass burials amid virus outbreak" over the
 * "Coronavirus: New York ramps up mass burials amid outbreak" the story
 * shows).  The <h1> that tells the same story is the headline as read. */
#ifndef TW_SHOWN_HEADLINE_H
#define TW_SHOWN_HEADLINE_H

#include <libxml/tree.h>

#include "buf.h"

/* The text of the first <h1> below ROOT that tells the story TITLE names,
 * into OUT (cleared first): one whose words are TITLE's, or are in it (the
 * title adds a site's name or a section), or that shares half of its words
 * with it (a reworded title).  Passed over: an <h1> of one word or of a
 * paragraph's length, and one that shares too little (a site's logo).  A
 * kicker the <h1> sets before its headline in an element of its own
 * ("<span class="roofline">Kicker</span> Headline", a date) is left out
 * when the title leaves it out too, or sets it apart with a mark ("Kicker:
 * Headline"); else none when the first <h1> that shares enough holds the
 * whole title and more, unless it starts with the title and goes on in
 * the same run of text (a title cut short: the <h1> is the headline).  *AT is that <h1>, the one with the kicker too
 * (NULL when none tells the story).  Returns 0 (OUT->len 0 when none), or
 * -1 on ENOMEM. */
int tw_shown_headline(xmlNodePtr root, const char *title, tw_buf *out, xmlNodePtr *at);

/* The part of TITLE between its separators (a site's, " | ", " - ", and a
 * trail's, " » ", " // ") that a heading of the page (<h1> to <h3>) says
 * whole, into OUT (cleared first) as the heading words it: "Interning of
 * Small Integers in Python" of "Four Years Remaining » Blog Archive »
 * Interning of Small Integers in Python", where an old blog's theme sets
 * its name in the <h1> and each post's title in an <h2>.  Of parts of two
 * words or more only (not a section's "Aktuelles"), by a heading that is no
 * logo (one that links to the home page); of several, the one of most
 * words (not the blog's name in its heading).  Returns 0 (OUT->len 0
 * when none), or -1 on ENOMEM. */
int tw_shown_title_part(xmlNodePtr root, const char *title, tw_buf *out);

/* The text of the first heading (<h1> to <h3>) below ROOT that links to
 * the site's home page, into OUT (cleared first): a logo's, the site's
 * name as its template sets it on every page ("<h1><a href="/">Muffin
 * Rezepte</a></h1>"), which its titles may add to the headline.  Returns 0
 * (OUT->len 0 when none), or -1 on ENOMEM. */
int tw_logo_heading(xmlNodePtr root, tw_buf *out);

/* The first <h2> or <h3> below ROOT that tells the story TITLE names, as
 * tw_shown_headline's <h1> does, for a page whose <h1>s do not (none, or a
 * box's "Quicklinks"): where an old blog's theme, a forum or a press
 * release sets its story's headline.  The lines by it are where the
 * story's date and byline are looked for (near_headline.h).  Its text as
 * the headline readers see into OUT (cleared first), as
 * tw_shown_headline's: OUT->len 0 when the title stays.  NULL when there
 * is none, or memory ran out (OUT->failed). */
xmlNodePtr tw_story_heading(xmlNodePtr root, const char *title, tw_buf *out);

/* The page's one <h1>, when it has no other with text: the headline its
 * readers see, though the title words the story otherwise ("Seat Mo 125:
 * Der Elektroroller im Test" over the <h1> "Seat Mo 125: Was kann der
 * Elektroroller mit dem Akku-Trolley?"), as an editor's headline for the
 * page and a search engine's for its results often differ.  Its text into
 * OUT (cleared first).  None when it is a logo (it links to the home page),
 * of one word (a section's "Aktuelles") or of more than a headline's, or in
 * a form (a login box's "Log In"), a <nav>, an <aside> or a <footer>.
 * NULL when there is none, or memory ran out (OUT->failed). */
xmlNodePtr tw_only_headline(xmlNodePtr root, tw_buf *out);

#endif
