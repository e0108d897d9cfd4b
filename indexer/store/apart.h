/* apart.h - work done in a child process, so that neither its crash nor a
 * stop in its middle costs the caller anything.
 *
 * Xapian's check trusts the tables it reads (50 flipped bits in a termlist
 * made it die of SIGSEGV), and Xapian's compaction, stopped between two
 * tables by an exception, keeps the tables it wrote, their buffers and
 * their open files, until the process ends: a program that stopped a
 * compaction leaked them, and held the removed copy's room on the disk. */
#ifndef TW_APART_H
#define TW_APART_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "errors.h"
#include "writer.h"

/* The child's end of the pipe to its parent. */
typedef struct tw_apart tw_apart;

/* The work done apart, with ARG; its status and message (in err) are
 * handed back to the parent. */
typedef trawl_status tw_apart_work(void *arg, tw_apart *apart, char *err, size_t errlen);

/* Runs WORK(ARG) in a child process and returns its status, with its
 * message in err.  Each step the child tells (tw_apart_tell) is told to
 * TELL (may be NULL) here, as is, every tenth of a second while none comes,
 * a NULL step (nothing begun: only whether to go on is asked); TELL
 * returning false ends the child at once: TRAWL_EINTR, "interrupted".  A
 * child that died of a signal is TRAWL_EINTERNAL, with *SIGNAL (may be
 * NULL) set to it, else 0; one that could not be started TRAWL_EIO, with
 * the system's reason ("Too many open files").  *ANSWERED (may be NULL)
 * is whether the status and message are the child's own answer, which
 * may be any status too.  The child is killed if this process dies
 * first. */
TW_MUST_CHECK
trawl_status tw_apart_run(tw_apart_work *work, void *arg, tw_tell_step *tell, void *ctx,
                          int *signal, bool *answered, char *err, size_t errlen);

/* A time limit on work apart: tw_deadline_tell, given a tw_deadline as its
 * CTX, goes on until the time tw_deadline_in set, SECONDS from then. */
typedef struct tw_deadline {
    struct timespec at;
} tw_deadline;
void tw_deadline_in(tw_deadline *d, double seconds);
bool tw_deadline_tell(void *ctx, const char *step);

/* In the child: tells STEP to the parent (a tw_tell_step, CTX the
 * tw_apart).  Goes on whatever the parent thinks: it ends the child. */
bool tw_apart_tell(void *ctx, const char *step);

#endif
