/* stem_snowball_xapian.h - a stemmer for every language Xapian or Snowball
 * can stem.
 *
 * Why: Xapian 1.4 has no stemmer for Greek, Hindi, Serbian (nor Croatian or
 * Bosnian) or Yiddish, so
 * news in those languages was found by the exact form of a word only
 * ("δήμαρχος" did not find "δημάρχου").  Snowball's own library
 * (libstemmer) has them; it is plugged in through Xapian's
 * StemImplementation, so that the rest of trawl keeps using Xapian::Stem.
 * Only for the languages Xapian lacks: Xapian's stemmers stay for the
 * others, whose indexes a different stemmer would change. */
#ifndef TW_STEM_SNOWBALL_XAPIAN_H
#define TW_STEM_SNOWBALL_XAPIAN_H

#include <string>
#include <xapian.h>

/* The stemmer of LANG, a language's name or ISO 639-1 code ("greek" or
 * "el"): Xapian's when it has one, else libstemmer's.  Each call makes a
 * stemmer of its own, which, as Xapian's own, is not to be used by two
 * threads at once.  Throws Xapian::InvalidArgumentError for a language
 * neither stems, std::bad_alloc when memory runs out. */
Xapian::Stem tw_stem_of(const std::string &lang);

/* The names of the languages tw_stem_of knows, separated by spaces, as
 * Xapian::Stem::get_available_languages() gives its own. */
std::string tw_stem_languages();

#endif
