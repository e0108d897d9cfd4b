/* glass_tables.h - a cheap look at a glass database's tables before Xapian
 * reads them: each table its version file (iamglass) says holds blocks is
 * there, holds every block it uses, and has at its root the block the
 * version file names.
 *
 * Xapian 1.4 takes a missing docdata, termlist or position table for one not
 * yet created (searches then show hits with no title, or phrases that match
 * anything), reads a table cut short only when a search reaches the
 * missing blocks, after a writer may have added to it, and reads a version
 * file from another index as its own (searches find nothing, or fail after
 * seconds of tries). */
#ifndef TW_GLASS_TABLES_H
#define TW_GLASS_TABLES_H

#include <stddef.h>

#include "errors.h"
#include "trawl.h"

/* Checks the tables of the glass database whose version file is VERSION
 * (".../iamglass"): TRAWL_OK when each is there, reaches the blocks it uses
 * and has the root named; TRAWL_ECORRUPT with the reason in WHY
 * ("docdata.glass is missing") when one is not, found while the version
 * file stayed as it was (a writer's commits may reuse the blocks read);
 * TRAWL_EIO when the version file or a table cannot be read
 * ("docdata.glass: Permission denied"), which Xapian 1.4 takes for a table
 * not created yet too, with errno set to the reason
 * (tw_unreadable_file_advice says what to do).  A version file that is not there, or not of the
 * glass format it knows, is TRAWL_OK: Xapian's open says what is wrong. */
TW_MUST_CHECK
trawl_status tw_glass_tables_check(const char *version, char *why, size_t whylen);

#endif
