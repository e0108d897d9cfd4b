/* record_fields.h - what the readers of records (a JSON object, a row of a
 * CSV table, an XML element) share: the names a news dump gives each field
 * of an article, and how a field's text is read (HTML in it, bylines for
 * authors).
 *
 * One place for them, so that a JSON dump, a CSV table and an XML export of
 * the same articles give the same fields: a name learnt for one is learnt
 * for all. */
#ifndef TW_RECORD_FIELDS_H
#define TW_RECORD_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "extract.h"

/* The names of each field, in order of preference, NULL-ended; matched as
 * they are by JSON, ignoring case by CSV and XML (whose names are typed by
 * people: "Title", "URL"); by their words by all three when none is the
 * name as it is (tw_record_field_by_words). */
extern const char *const tw_field_title[];
extern const char *const tw_field_body[];
extern const char *const tw_field_date[];
extern const char *const tw_field_url[];
extern const char *const tw_field_author[];
extern const char *const tw_field_site[];
extern const char *const tw_field_lang[];
/* The place in tw_field_date of date_gmt, UTC's time though it names no
 * zone, where a date named for UTC by its words ranks too ("post_date_gmt",
 * "published_utc": tw_record_field_by_words): before a time on a clock
 * unknown.  A date found by the name at this place is UTC's. */
extern const size_t tw_field_date_utc;
/* The place in tw_field_body of its first name for a summary of the
 * article (description, summary, abstract), not its text. */
extern const size_t tw_field_body_summaries;

/* Which of the N name lists LISTS a column's name NAME[0..LEN), as people
 * type them, stands for when it is none of their names as it is: its words
 * ("headline_text", "Article text", "articleTitle", "Date published") less
 * those that only say the field is the article's ("article", "news",
 * "text", "content", "name"...), each a name in one list, a plural too
 * ("Headlines").  A name of those words alone, one of them a name in list
 * DECOR ("article_text", "full_text"), is DECOR's; words of two lists that
 * are the words of one name of several ("date.publication": the words of
 * publication_date) are that name's list's.  Sets *RANK to the place in the
 * list of its best name ("headline_text": headline's), so that it is chosen
 * as that name would be; a date's named for UTC (tw_record_name_utc) is
 * tw_field_date_utc.  -1 when the words name none ("image_url",
 * "name"), or two lists ("site_url"). */
int tw_record_field_by_words(const char *name, size_t len, const char *const *const *lists,
                             int n, int decor, size_t *rank);

/* Which of the N name lists LISTS a name people typed, NAME[0..LEN) (a CSV
 * header's, an XML element's), stands for: one of their names in any case,
 * else by its words (tw_record_field_by_words, DECOR as there); the name's
 * place in its list in *RANK.  -1 for none. */
int tw_record_field_named(const char *name, size_t len, const char *const *const *lists, int n,
                          int decor, size_t *rank);

/* Whether a date field named NAME[0..LEN) holds UTC's time though its
 * values name no zone: WordPress's date_gmt and post_date_gmt, a dump's
 * published_utc or createdUtc (its last word is "gmt" or "utc"). */
bool tw_record_name_utc(const char *name, size_t len);

/* A record's date from the two it may give, each the text of the best
 * field of its kind (empty for none): DATE from a field on a clock not named
 * (date, post_date, published), UTC from one tw_record_name_utc says is
 * UTC's (date_gmt, post_date_gmt).  WordPress gives a post's moment both
 * ways, neither naming a zone; together they are the moment on the site's
 * clock ("2021-06-17 10:00:00" and "2021-06-17 08:00:00" are ten o'clock
 * at +02:00, the day the site showed), whichever of JSON, CSV or XML it was
 * exported as.  UTC's alone, or a pair that is no zone's whole quarter hours
 * apart, is UTC's time ("2021-06-17T08:00:00Z"); a UTC field that is no date
 * (a draft's zeros) gives way to DATE.  The result in DATE.  Returns -1 on
 * ENOMEM. */
int tw_record_dates(tw_buf *date, const tw_buf *utc);

/* Writes the names of the fields that make a record an article (its title
 * and text fields), joined by ", ", into OUT[SIZE], for a warning. */
void tw_record_field_names(char *out, size_t size);

/* Whether TEXT[0..LEN) holds HTML's tags, opening or closing: HTML, not
 * text that happens to hold a '<'. */
bool tw_record_holds_html(const char *text, size_t len);

/* FIELD as the text it stands for: a field that holds HTML (a feed's or
 * WordPress's content, a scraper's article_html) read as a page's text is,
 * with the same bounds (EMIT is asked whether to go on); character
 * references decoded in any other ("It&#8217;s", "S&amp;P": scrapers that
 * escape what they store).  SCRATCH is working space, the caller's to
 * free.  Returns 0; 1 when a bound cut the markup (the text after it is
 * missing: the caller says so, in tw_record_markup_cut's words); -1 on
 * ENOMEM. */
int tw_record_markup(tw_buf *field, tw_buf *scratch, const tw_emit *emit);

/* The warning that a bound cut a field's markup. */
extern const char tw_record_markup_cut[];

/* Rewrites AUTHORS, names one a line as a record lists them, as names
 * joined by ", ", each read as a byline is (tw_byline_name): scrapers keep
 * what the page showed, "By Sam Ortiz", "Lee Parker - Staff Writer".
 * SCRATCH as above.  Returns -1 on ENOMEM. */
int tw_record_authors(tw_buf *authors, tw_buf *scratch);

#endif
