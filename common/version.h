/* version.h - the version as a string, from the numbers include/trawl.h
 * holds (the one place they are written). */
#ifndef TW_VERSION_H
#define TW_VERSION_H

#include "trawl.h"

#define TW_STR_(x) #x
#define TW_STR(x) TW_STR_(x)
#define TRAWL_VERSION TW_STR(TRAWL_VERSION_MAJOR) "." TW_STR(TRAWL_VERSION_MINOR) "." \
                      TW_STR(TRAWL_VERSION_PATCH)

#endif
