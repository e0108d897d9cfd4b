/* fields_xapian.h - the query language's fields (title:, author:, site:,
 * path:, url:, date:, lang:): the handle's parser set up with them, and
 * where they stand in the text a user typed, which the rewrites before
 * parsing (typed_text_xapian.h) must leave alone in a key field's value. */
#ifndef TW_FIELDS_XAPIAN_H
#define TW_FIELDS_XAPIAN_H

#include <string>
#include <vector>

#include "db_xapian.h"

/* Sets up DB's query parser (trawl_db.qp) for its index: its stemmer and
 * the fields, those whose value is a key (site:, path:, url:, date:,
 * lang:) as filters, a bad date or language reported through trawl_db.bad_field. */
void tw_db_setup_parser(trawl_db *db);

/* The names of the query language's fields, in small letters ("title",
 * "site"...), each once. */
std::vector<std::string> tw_field_names();

/* A value of the field NAME (in small letters), for a message's example:
 * "storm" for title, "2021-06" for date; "" for a name that is no field. */
std::string tw_field_example(const std::string &name);

/* Where the name of the field whose ':' is at AT in TEXT starts. */
size_t tw_field_name_start(const std::string &text, size_t at);

/* Whether TEXT[AT] is the ":" after a field whose value is a key, its name
 * in any case. */
bool tw_key_field_before(const std::string &text, size_t at);

/* Whether TEXT[AT] is the ":" after a field whose value is words, its name
 * in any case. */
bool tw_word_field_before(const std::string &text, size_t at);

/* Where the value of the key field whose ':' is at AT in TEXT ends, past
 * its closing quote: its whole length when it runs to the end. */
size_t tw_key_value_after(const std::string &text, size_t at);

/* The first name TEXT (a query as typed) gives right before a ':' outside
 * quotes that names no field ("nosuch" of nosuch:storm, in small letters),
 * which the parser reads as a word; not a colon of the text's own: one
 * after a digit or a character outside ASCII (10:30, über:x), before '/'
 * (http://x), a space (note: storm) or another colon, nor one in a key
 * field's value (url:a.example/x:y).  Empty when there is none. */
std::string tw_unknown_field(const std::string &text);

#endif
