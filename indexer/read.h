/* read.h - input files read a window at a time, inflating gzip, within limits.
 *
 * Why a window: one input must not cost memory in proportion to its size.  A
 * container (JSON Lines, Reuters SGML, TREC) is read a few records at a time;
 * a one-article format reads only as much as it can index (--max-text of text,
 * --max-html of markup), however far a gzip bomb would inflate. */
#ifndef TW_READ_H
#define TW_READ_H

#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>

#include "buf.h"
#include "errors.h"

typedef struct tw_read_limits {
    uint64_t max_file_bytes;      /* bytes read from disk */
    uint64_t max_inflated_bytes;  /* bytes produced by gunzip */
} tw_read_limits;

/* How much a window grows by at a time, at least: a file is read in chunks
 * of it, and the containers' readers look that far ahead.  A fuzzing build
 * (TW_FUZZ_SMALL_WINDOWS) makes it a few bytes, so that libFuzzer's short
 * inputs cross the edges of windows as big files do: a JSON array longer
 * than the window lost its last items until session 19, and no test input
 * was that long. */
#ifdef TW_FUZZ_SMALL_WINDOWS
#define TW_WINDOW_STEP 61u
#else
#define TW_WINDOW_STEP (256u * 1024)
#endif

/* Gives the next bytes of an input that is neither a file nor in memory (a
 * member of an archive): up to ROOM of them into DST.  Returns the count, 0 at
 * the end, or -1 with a one-line reason in err[errlen]. */
typedef ssize_t (*tw_pull_fn)(void *ctx, void *dst, size_t room, char *err, size_t errlen);

/* An input being read.  The window data[0, len) holds the input's bytes from
 * offset on, NUL-terminated; tw_source_fill reads more into it and
 * tw_source_drop lets go of its start.  The fields below "window" are for
 * reading only. */
typedef struct tw_source {
    const char *data;           /* the window */
    size_t len;
    uint64_t offset;            /* of data[0] in the input */
    bool end;                   /* the window holds all that is left of the input */
    bool gzip;                  /* the file is gzip, the window holds it inflated */
    bool utf8;                  /* the window holds the input repaired to UTF-8
                                 * (or decoded: decoder) */
    bool cut;                   /* a limit ended the input early */
    uint64_t raw_bytes;         /* read from disk so far */
    uint64_t hash;              /* FNV-1a 64 of the raw bytes read so far */
    unsigned gz_skipped;        /* damaged gzip members whose rest was passed
                                 * over, reading on from the next member (a
                                 * file of several, as a .warc.gz of one a
                                 * record) */
    char gz_skip_note[200];     /* where and why the first was, for a warning */

    /* private */
    int fd;                     /* -1 for an input in memory or pulled */
    const char *mem;            /* the input in memory, when fd < 0 and no pull */
    size_t mem_len;             /* its length (limits may read less of it) */
    size_t mem_pos;             /* where the next read of it starts */
    tw_pull_fn pull;            /* or where the input's bytes come from */
    void *pull_ctx;
    char pull_err[256];         /* why pull failed */
    bool seeked;                /* moved by tw_source_seek: hash covers nothing */
    tw_read_limits limits;
    tw_buf *buf;                /* holds the window (the caller's) */
    size_t start;               /* of the window in buf */
    tw_buf stage;               /* bytes read, not yet repaired to UTF-8 */
    bool bom_check;             /* a whole input: a UTF-16 byte-order mark at
                                 * its start makes it decoded */
    bool bom_pending;           /* and its first bytes are not looked at yet */
    iconv_t decoder;            /* NULL, or the decoder of an input that is
                                 * UTF-16 text with a byte-order mark, or
                                 * text in a legacy charset */
    size_t decoder_unit;        /* the bytes of its smallest character */
    bool legacy_checked;        /* its first bytes were looked at for one */
    unsigned char *raw;         /* a chunk of the file, for the inflater */
    bool raw_eof;               /* the file (or max_file_bytes of it) is read */
    bool eof;                   /* and inflated: nothing more will be produced */
    z_stream zs;
    bool z_live;
    uint64_t inflated;
    bool whole_file;            /* a file's bytes (not tw_gunzip's): gunzip
                                 * may go past max_inflated_bytes up to
                                 * TW_STREAM_RATIO times the bytes read */
} tw_source;

/* How many times its compressed size a compressed file may inflate to past
 * max_inflated_bytes: text compresses 3 to 10 times, a web archive of
 * images less, and a bomb a thousand times.  Only a container reads that
 * far: a one-article format stops at --max-text or --max-html. */
#define TW_STREAM_RATIO 100

/* The bytes a compressed file of which RAW bytes have been read may inflate
 * to, its limit being LIMIT: LIMIT, or TW_STREAM_RATIO times RAW if more. */
static inline uint64_t tw_inflate_most(uint64_t limit, uint64_t raw)
{
    return limit < raw * TW_STREAM_RATIO ? raw * TW_STREAM_RATIO : limit;
}

/* Lets S run past max_file_bytes because it is a container read a record
 * at a time (JSON Lines, Reuters SGML, TREC, a web archive), whose memory
 * does not grow with its size: a multi-gigabyte crawl is read whole. */
void tw_source_stream(tw_source *s);

/* Opens PATH (a regular file; FIFOs and devices are refused without blocking)
 * with BUF to hold its window (reused across files; emptied here).  Gzip is
 * recognised by its magic bytes.  UTF-16 text with a byte-order mark is
 * decoded: the window holds it in UTF-8, as tw_source_utf8 (tw_utf16_text
 * in formats/sniff.h says when).  The window starts empty.  Returns 0, or -1
 * with a one-line reason in err[errlen]; the source is then closed. */
TW_MUST_CHECK
int tw_source_open(tw_source *s, const char *path, const tw_read_limits *limits,
                   tw_buf *buf, char *err, size_t errlen);

/* A source over LEN bytes of DATA in memory, read through BUF like a file (gzip
 * and UTF-16 are not recognised): what extractors use when handed a whole
 * input, which was decoded as it was read. */
void tw_source_memory(tw_source *s, const char *data, size_t len, tw_buf *buf);

/* The same for bytes that stand for a whole file (trawl_indexer_add_buffer):
 * gzip is recognised and inflated, UTF-16 decoded, and LIMITS hold as for a
 * file.  Returns 0,
 * or -1 with a reason in err[errlen] (close S either way). */
TW_MUST_CHECK
int tw_source_memory_file(tw_source *s, const char *data, size_t len,
                          const tw_read_limits *limits, tw_buf *buf, char *err, size_t errlen);

/* A source whose bytes come from PULL (called with CTX), read through BUF
 * within LIMITS.max_file_bytes (max_inflated_bytes does not apply: gzip is not
 * recognised, the caller decompresses); UTF-16 is decoded as from a file.
 * Cannot fail; close it like the others. */
void tw_source_pull(tw_source *s, tw_pull_fn pull, void *ctx, const tw_read_limits *limits,
                    tw_buf *buf);

/* Whether tw_source_seek can move S: a file or bytes in memory, read as they
 * are (not inflated, not repaired to UTF-8).  7-Zip archives need it. */
bool tw_source_seekable(const tw_source *s);

/* Moves S to OFFSET from WHENCE (SEEK_SET, SEEK_CUR, SEEK_END) of the input,
 * as lseek does, and empties the window, which then starts there.  Returns
 * the new offset, or -1 with a reason.  Afterwards hash no longer covers what
 * was read, and tw_source_hash_rest reads the whole input again. */
TW_MUST_CHECK
int64_t tw_source_seek(tw_source *s, int64_t offset, int whence, char *err, size_t errlen);

/* Makes the pulled input S (a member of an archive), whose window holds its
 * first bytes as read and nothing dropped, a gzip one: from its start, the
 * window holds it inflated, within MAX_INFLATED bytes as a gzip file is (or
 * TW_STREAM_RATIO times its size), and damage in one of its gzip members
 * loses that member's rest, not the members after it (gz_skipped), as in a
 * gzip file.  Returns 1, 0 when S is not such an input (nothing changed),
 * or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_source_gunzip(tw_source *s, uint64_t max_inflated, char *err, size_t errlen);

/* From now on the window holds the input repaired to valid UTF-8, as
 * tw_to_utf8 would repair the whole input at once (a character is never split
 * between two reads); what the window holds now is repaired by the next fill.
 * Call before anything is dropped.  Returns 0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_source_utf8(tw_source *s);

/* Reads until the window holds at least WANT bytes or the input ends (a limit
 * counts as an end, and sets cut).  Returns 0, or -1 with a reason ("truncated
 * gzip data ...", a read error); the window keeps what was read before. */
TW_MUST_CHECK
int tw_source_fill(tw_source *s, size_t want, char *err, size_t errlen);

/* Lets go of the first N bytes of the window (N <= len). */
void tw_source_drop(tw_source *s, size_t n);

/* Reads the rest of the file (up to max_file_bytes) without inflating it, so
 * that hash covers every byte even when the reader stopped early, and sets cut
 * when the file went on past the limit; after a seek, all of it from the
 * start.  Returns 0 or -1 with a reason. */
TW_MUST_CHECK
int tw_source_hash_rest(tw_source *s, char *err, size_t errlen);

/* Goes back to the start of the file, as just opened.  Returns 0 or -1. */
TW_MUST_CHECK
int tw_source_rewind(tw_source *s, char *err, size_t errlen);

/* Closes the file and frees what the source holds (not BUF's memory). */
void tw_source_close(tw_source *s);

/* Reads a whole file into OUT (within the limits) the same way: for tools and
 * tests that want it all.  Returns 0, or -1 with a reason. */
typedef struct tw_read_info {
    uint64_t raw_bytes;           /* bytes read from disk */
    bool gzip;                    /* the file was gzip, OUT holds it inflated */
    bool truncated;               /* a limit was hit: OUT holds the first part */
    uint64_t hash;                /* FNV-1a 64 of the bytes read from disk */
} tw_read_info;
TW_MUST_CHECK
int tw_read_file(const char *path, const tw_read_limits *limits, tw_buf *out,
                 tw_read_info *info, char *err, size_t errlen);

/* Inflates gzip DATA into OUT (appending) up to MAX bytes; sets *truncated when
 * the limit stopped it.  Returns 0 or -1 with a reason.  Exposed for tests. */
TW_MUST_CHECK
int tw_gunzip(const unsigned char *data, size_t len, uint64_t max, tw_buf *out,
              bool *truncated, char *err, size_t errlen);

#endif
