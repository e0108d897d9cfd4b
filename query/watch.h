/* watch.h - whether anything happened in a few folders since the last look,
 * asked of the kernel (Linux inotify) in one read.
 *
 * A long-lived trawl_db follows its local shards' commits (shards_xapian.cc):
 * looking at each shard's stub and version file costs two stats a shard and
 * a search, a sixth of a short search over four shards on this machine.
 * With a watch on the shards' folders a search on unchanged shards costs one
 * read however many there are, and the stats run only when the kernel told
 * of a change.  Where it cannot tell -- no inotify, the user's watches used
 * up, a network file system (the kernel hears of no other machine's writes),
 * a process forked after the watch was made (parent and child would read one
 * queue, each taking the other's news) -- every look says "maybe", and the
 * caller looks at the files themselves as it would without a watch. */
#ifndef TW_WATCH_H
#define TW_WATCH_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tw_watch tw_watch;

/* A new watch, watching nothing yet, or NULL when there can be none (out of
 * memory, or of inotify instances): tw_watch_stirred(NULL) says "maybe". */
tw_watch *tw_watch_new(void);

/* Watches FOLDER too: entries made, removed, renamed into or out of it, or
 * written and closed, and the folder itself removed or renamed.  A folder
 * that cannot be watched, or is on a network file system, leaves W blind
 * (every look "maybe") from then on.  Watching a folder twice is harmless. */
void tw_watch_add(tw_watch *w, const char *folder);

/* Whether something may have happened in W's folders since the last call:
 * false only when the kernel says nothing did.  Forgets what it was told. */
bool tw_watch_stirred(tw_watch *w);

/* Frees W; NULL is fine. */
void tw_watch_free(tw_watch *w);

#ifdef __cplusplus
}
#endif

#endif
