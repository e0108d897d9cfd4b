/* archive.h - archives (tar, zip, 7-Zip) and compressed files (gzip, bzip2, xz,
 * zstd, lz4, and archives compressed with them) through libarchive: their
 * members one at a time, each a source read like a file (read.h).
 *
 * Why a source per member: every member goes through the same sniffing,
 * windows, limits and extractors as a file; an archive is only another place
 * bytes come from.  Nothing here follows a member out of the archive: links
 * are reported and passed over, and so are names that are absolute or climb
 * with "..", since a member's name only ever becomes part of an id. */
#ifndef TW_ARCHIVE_H
#define TW_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "errors.h"
#include "read.h"

typedef enum tw_archive_kind {
    TW_NOT_ARCHIVE,
    TW_ARCHIVE,             /* tar, zip or 7-Zip, as it is */
    TW_COMPRESSED           /* a compressed stream: an archive or one file inside */
} tw_archive_kind;

/* What an input named NAME whose first bytes are DATA[0, LEN) is: by its magic
 * bytes (tar's "ustar" at 257 too), or, for bytes that are not text, by its
 * name (an old tar without magic is only known by ".tar"). */
tw_archive_kind tw_archive_sniff(const char *name, const char *data, size_t len);

/* Whether DATA[0, LEN) starts as a 7-Zip archive: one needs an input it can
 * seek in (its directory is at its end). */
bool tw_archive_is_7z(const char *data, size_t len);

/* The limits of one archive, each a documented option of trawl-index. */
typedef struct tw_archive_limits {
    uint64_t member_bytes;      /* bytes of one member read (--max-file-size) */
    uint64_t total_bytes;       /* bytes of all its members together
                                   (--max-inflated): a zip bomb stops here */
    uint64_t members;           /* entries read (--max-members) */
    uint64_t *unpacked;         /* NULL, or the caller's count, which the bytes
                                   of members read are added to as they are
                                   (the file's CPU time grows with them) */
} tw_archive_limits;

typedef struct tw_archive tw_archive;

/* Receives a one-line note about MEMBER (NULL: the archive as a whole): a
 * member passed over, or a limit that ended the archive early. */
typedef void (*tw_archive_warn_fn)(void *ctx, const char *member, const char *message);

/* Opens the archive whose bytes IN holds, from its start (nothing dropped from
 * the window yet; IN stays the caller's and must outlive the handle).  KIND is
 * what tw_archive_sniff said.  Returns a handle the caller frees with
 * tw_archive_close, or NULL with a reason in err[errlen]. */
tw_archive *tw_archive_open(tw_source *in, tw_archive_kind kind, const tw_archive_limits *limits,
                            tw_archive_warn_fn warn, void *ctx, char *err, size_t errlen);

/* What the members may still unpack to, within limits.total_bytes (or
 * TW_STREAM_RATIO times the archive's bytes read): a member the caller
 * inflates itself is given that much, and its bytes counted after with
 * tw_archive_count. */
uint64_t tw_archive_room(const tw_archive *ar);

/* Counts N bytes a member unpacked to outside the archive's reader, as its
 * own unpacked bytes are counted. */
void tw_archive_count(tw_archive *ar, uint64_t n);

typedef struct tw_member {
    /* Its path in the archive (no "./" in front), borrowed until the next
     * call; NULL for the one member of a compressed file, which stands for
     * the file itself. */
    const char *name;
    /* Its bytes, read through the BUF given to tw_archive_next, within
     * member_bytes (the source's cut says when that cut it short).  Valid
     * until the next call; closed by the archive. */
    tw_source *source;
} tw_member;

/* Moves to the next member that is a regular file with a name that stays
 * inside the archive and is not hidden (no part of it starts with '.', as
 * the walk skips hidden files); whatever the caller left unread of the last one is
 * read through first (and counted).  Returns 1 with *M set, 0 at the end (a
 * limit that ended it early has been reported through WARN), or -1 when the
 * archive cannot be read any further (damaged, cut short, encrypted...), with
 * a reason in err[errlen]. */
TW_MUST_CHECK
int tw_archive_next(tw_archive *ar, tw_member *m, tw_buf *buf, char *err, size_t errlen);

/* Frees AR (NULL is fine); the input source stays open. */
void tw_archive_close(tw_archive *ar);

#endif
