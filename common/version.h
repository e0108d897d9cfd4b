/* version.h - the one place the version number is written. */
#ifndef TW_VERSION_H
#define TW_VERSION_H

#define TRAWL_VERSION "0.1.0"

#endif
