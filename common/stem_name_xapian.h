/* stem_name_xapian.h - the one name of a stemmer that Xapian knows by several.
 *
 * Why: Xapian takes a language's name or its ISO 639-1 code ("english" or
 * "en", "norwegian" or "nb", "nn", "no") for one and the same stemmer.  The
 * index records the stemmer it was built with, and a later run, or another
 * shard, is compared with it: compared as given, "--stem en" and
 * "--stem english" were two stemmers, and an index refused the other. */
#ifndef TW_STEM_NAME_XAPIAN_H
#define TW_STEM_NAME_XAPIAN_H

#include <string>

/* The name Xapian gives the stemmer of NAME ("english" for "en"), which is
 * what an index records and what stemmers are compared by.  A name Xapian
 * has no stemmer for ("none", "auto", one a newer Xapian wrote) is returned
 * as it is, for the caller to take or refuse.  Throws only std::bad_alloc. */
std::string tw_stem_name(const std::string &name);

#endif
