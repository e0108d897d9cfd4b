/* warn_groups.h - trawl-index's warnings, each message told a few times.
 *
 * A scraped collection holds thousands of files that are not articles:
 * a site's mirror its images, style sheets and scripts ("binary file:
 * skipped"), a failed crawl its empty pages.  One line for each buried the
 * few warnings that differ (a broken archive, an unreadable folder).  The
 * first TW_WARN_SHOWN files with the same message are named; the others are
 * counted, and told in one line at the end of the run. */
#ifndef TW_WARN_GROUPS_H
#define TW_WARN_GROUPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define TW_WARN_SHOWN 10
/* Messages counted at most; a message past them is always printed (a
 * message that names a line or a byte differs each time, and repeats
 * little). */
#define TW_WARN_KINDS 32

typedef struct tw_warn_groups {
    struct {
        char *message;          /* malloc'd */
        uint64_t count;
    } kinds[TW_WARN_KINDS];
    size_t n;
} tw_warn_groups;

/* Counts a warning of MESSAGE; whether it is among the first TW_WARN_SHOWN
 * of its message, to be printed.  Out of memory, it is printed. */
bool tw_warn_groups_show(tw_warn_groups *g, const char *message);

/* Writes to OUT, for each message warned of more than TW_WARN_SHOWN times,
 * how many more files (or articles, members) had it:
 *     trawl-index: and 2990 more: binary file: skipped (-v names them)
 * and frees G's messages. */
void tw_warn_groups_finish(tw_warn_groups *g, FILE *out);

#endif
