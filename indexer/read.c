/* read.c - input files read a window at a time, and gzip through zlib. */
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/charset.h"
#include "formats/sniff.h"
#include "hash.h"
#include "utf8.h"

/* Bytes read from disk, or inflated, at a time. */
enum { CHUNK = TW_WINDOW_STEP };

static void set_window(tw_source *s)
{
    s->data = s->buf->data ? s->buf->data + s->start : "";
    s->len = s->buf->len - s->start;
}

/* Reads up to ROOM bytes of the input, wherever it is, into DST.  Returns the
 * count, 0 at its end, or -1 (errno set, or pull_err for a pulled input). */
static ssize_t read_origin(tw_source *s, void *dst, size_t room)
{
    ssize_t n;
    if (s->pull) {
        n = s->pull(s->pull_ctx, dst, room, s->pull_err, sizeof s->pull_err);
    } else if (s->fd < 0) {
        size_t left = s->mem_pos < s->mem_len ? s->mem_len - s->mem_pos : 0;
        n = (ssize_t)(room < left ? room : left);
        memcpy(dst, s->mem + s->mem_pos, (size_t)n);
        s->mem_pos += (size_t)n;
    } else {
        while ((n = read(s->fd, dst, room)) < 0 && errno == EINTR)
            ;
    }
    return n;
}

/* Reads up to ROOM bytes of the input into DST, within max_file_bytes, adding
 * them to the hash.  Returns the count, 0 at the end (raw_eof is then set, and
 * cut when the file went on past the limit), or -1 (see read_error). */
static ssize_t read_raw(tw_source *s, void *dst, size_t room)
{
    uint64_t left = s->limits.max_file_bytes - s->raw_bytes;
    ssize_t n;
    if (left == 0) {
        char probe;
        if ((n = read_origin(s, &probe, 1)) < 0)
            return -1;
        s->cut |= n > 0;
        s->raw_eof = true;
        return 0;
    }
    if (room > left)
        room = (size_t)left;
    if ((n = read_origin(s, dst, room)) < 0)
        return -1;
    if (n == 0) {
        s->raw_eof = true;
        return 0;
    }
    s->raw_bytes += (uint64_t)n;
    s->hash = tw_hash64_more(s->hash, dst, (size_t)n);
    return n;
}

/* Why read_raw failed. */
static void read_error(const tw_source *s, char *err, size_t errlen)
{
    if (s->pull)
        snprintf(err, errlen, "%s", s->pull_err);
    else
        snprintf(err, errlen, "read error: %s", strerror(errno));
}

/* Makes at least NEED raw bytes wait for the inflater, unless the input ends. */
static int ensure_raw(tw_source *s, size_t need)
{
    size_t have = s->zs.avail_in;
    if (have >= need || s->raw_eof)
        return 0;
    memmove(s->raw, s->zs.next_in, have);
    s->zs.next_in = s->raw;
    while (have < need && !s->raw_eof) {
        ssize_t n = read_raw(s, s->raw + have, CHUNK - have);
        if (n < 0)
            return -1;
        have += (size_t)n;
    }
    s->zs.avail_in = (uInt)have;
    return 0;
}

/* Bytes from a gzip header on that must inflate without a fault, unless the
 * member ends sooner, for them to be taken for a member: random bytes after
 * a valid header failed within 128 bytes in 20,000 tries (with at most 598
 * bytes inflated first), so compressed data that happens to hold 1f 8b 08
 * is not taken for a member and made into records. */
enum { MEMBER_PROOF = 4096 < CHUNK ? 4096 : CHUNK };

/* Whether the bytes waiting for the inflater begin a gzip member: on an
 * inflater of its own, whose output is thrown away, they reach the member's
 * end (its CRC checked) or MEMBER_PROOF bytes in without a fault.  Returns
 * 1 or 0, or -1 on a read error; 0 also when zlib has no memory for the
 * test, which leaves the damage to end the file as it did before. */
static int member_begins(tw_source *s)
{
    if (ensure_raw(s, MEMBER_PROOF) < 0)
        return -1;
    z_stream t = { 0 };
    if (inflateInit2(&t, 15 + 16) != Z_OK)
        return 0;
    uInt tried = s->zs.avail_in < MEMBER_PROOF ? s->zs.avail_in : MEMBER_PROOF;
    t.next_in = s->zs.next_in;
    t.avail_in = tried;
    unsigned char sink[4096];
    int rc;
    do {
        t.next_out = sink;
        t.avail_out = sizeof sink;
        rc = inflate(&t, Z_NO_FLUSH);
    } while (rc == Z_OK && t.avail_in);
    inflateEnd(&t);
    return rc == Z_STREAM_END || (rc == Z_OK && tried == MEMBER_PROOF);
}

/* After damage inside a file's gzip member: moves the inflater to the next
 * member's header, so that one bad sector loses one member, not every one
 * after it (a .warc.gz of one a record, pigz's or bgzip's blocks, files run
 * together with cat: a flipped byte in record 11 of 300 lost the 290 after
 * it).  A file of one member finds none, and its damage ends it.  Returns 1
 * when one is found, 0 when the input ends first, -1 on a read error.  Only
 * a file's: a payload tw_gunzip inflates has no reader to say what was lost. */
static int next_member(tw_source *s)
{
    for (;;) {
        const unsigned char *p = s->zs.next_in, *end = p + s->zs.avail_in;
        for (; end - p >= 3; p++) {
            if (p[0] != 0x1f || p[1] != 0x8b || p[2] != 0x08)
                continue;
            s->zs.avail_in = (uInt)(end - p);
            s->zs.next_in = (unsigned char *)p;
            int found = member_begins(s);
            if (found < 0)
                return -1;
            if (found) {
                inflateReset(&s->zs);
                return 1;
            }
            /* The test may have moved the bytes: on from past this one. */
            p = s->zs.next_in;
            end = p + s->zs.avail_in;
        }
        /* The last two bytes may begin a header the next read completes. */
        uInt keep = s->zs.avail_in < 2 ? s->zs.avail_in : 2;
        s->zs.next_in = (unsigned char *)end - keep;
        s->zs.avail_in = keep;
        if (s->raw_eof)
            return 0;
        if (ensure_raw(s, keep + 1) < 0)
            return -1;
        if (s->zs.avail_in <= keep)
            return 0;
    }
}

/* Notes that the damage WHY made the inflater go on from the next member,
 * which next_member found, and ends the line the damage cut in TO: the next
 * member's first record is not glued to the broken one (a WARC record is
 * only found at the start of a line, and one more was lost).  Returns 0, or
 * -1 on ENOMEM. */
static int went_on(tw_source *s, const char *why, tw_buf *to, char *err, size_t errlen)
{
    if (!s->gz_skipped++)
        snprintf(s->gz_skip_note, sizeof s->gz_skip_note, "%s", why);
    if (tw_buf_putc(to, '\n') < 0) {
        snprintf(err, errlen, "out of memory inflating gzip data");
        return -1;
    }
    return 0;
}

/* Appends the next bytes of the input to TO: up to ROOM read as they are, or
 * what one call of the inflater gives.  Sets end when there are no more. */
static int produce(tw_source *s, tw_buf *to, size_t room, char *err, size_t errlen)
{
    if (!s->gzip) {
        if (tw_buf_reserve(to, room) < 0) {
            snprintf(err, errlen, "out of memory reading the file");
            return -1;
        }
        ssize_t n = read_raw(s, to->data + to->len, room);
        if (n < 0) {
            read_error(s, err, errlen);
            return -1;
        }
        to->len += (size_t)n;
        to->data[to->len] = '\0';
        s->eof = s->raw_eof;
        return 0;
    }
    uint64_t most = s->whole_file ? tw_inflate_most(s->limits.max_inflated_bytes, s->raw_bytes)
                                  : s->limits.max_inflated_bytes;
    if (s->inflated >= most) {
        s->cut = s->eof = true;
        return 0;
    }
    if (ensure_raw(s, 1) < 0) {
        read_error(s, err, errlen);
        return -1;
    }
    if (room > most - s->inflated)
        room = (size_t)(most - s->inflated);
    if (tw_buf_reserve(to, room) < 0) {
        snprintf(err, errlen, "out of memory inflating gzip data");
        return -1;
    }
    s->zs.next_out = (unsigned char *)to->data + to->len;
    s->zs.avail_out = (uInt)room;
    int rc = inflate(&s->zs, Z_NO_FLUSH);
    size_t got = room - s->zs.avail_out;
    to->len += got;
    to->data[to->len] = '\0';
    s->inflated += got;
    if (rc == Z_STREAM_END) {
        /* Another member may follow (cat a.gz b.gz).  Bytes that do not
         * start one are ignored (zeros that pad a block), unless a member
         * follows them in a file: then they were one whose header is
         * damaged, and the members after it were lost without a word. */
        if (ensure_raw(s, 2) < 0) {
            read_error(s, err, errlen);
            return -1;
        }
        uint64_t at = s->raw_bytes - s->zs.avail_in;
        int found = 0;
        if (s->zs.avail_in >= 2 && s->zs.next_in[0] == 0x1f && s->zs.next_in[1] == 0x8b) {
            inflateReset(&s->zs);
        } else if (s->whole_file && s->zs.avail_in && (found = next_member(s)) < 0) {
            read_error(s, err, errlen);
            return -1;
        } else if (found) {
            char why[160];
            snprintf(why, sizeof why, "corrupt gzip data at byte %llu: not the header of a "
                     "gzip member", (unsigned long long)at);
            return went_on(s, why, to, err, errlen);
        } else {
            s->eof = true;
        }
    } else if (rc == Z_BUF_ERROR && s->zs.avail_in == 0 && s->raw_eof) {
        s->eof = true;
        /* A gzip cut short by the read limit is reported as that, not as damage. */
        if (!s->cut) {
            snprintf(err, errlen, "truncated gzip data (ends after %llu bytes inflated)",
                     (unsigned long long)s->inflated);
            return -1;
        }
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        char why[160];
        snprintf(why, sizeof why, "corrupt gzip data at byte %llu: %s",
                 (unsigned long long)(s->raw_bytes - s->zs.avail_in),
                 s->zs.msg ? s->zs.msg : "inflate failed");
        int found = s->whole_file ? next_member(s) : 0;
        if (found < 0) {
            read_error(s, err, errlen);
            return -1;
        }
        if (found)
            return went_on(s, why, to, err, errlen);
        s->eof = true;
        snprintf(err, errlen, "%s", why);
        return -1;
    }
    return 0;
}

/* Opens CHARSET's decoder for the rest of the input, UNIT bytes its
 * smallest character; nothing when iconv does not know it. */
static void decode_from(tw_source *s, const char *charset, size_t unit)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return;
    s->decoder = cd;
    s->decoder_unit = unit;
}

/* Once, on the first bytes of an input read record by record (JSON Lines,
 * SGML) that are not UTF-8: whether they are text in a legacy charset, and
 * if so decodes them from then on.  Python on a Russian or Chinese Windows
 * writes a file in Windows-1251 or GBK unless told otherwise, and scrapers'
 * json.dumps(..., ensure_ascii=False) dumps did so; repaired as UTF-8 with
 * stray Windows-1252 bytes, every title was mojibake no search found. */
static void check_legacy(tw_source *s)
{
    s->legacy_checked = true;
    size_t n = s->eof ? s->stage.len : tw_utf8_cut(s->stage.data, s->stage.len);
    const char *charset = tw_legacy_charset(s->stage.data, n);
    if (charset)
        decode_from(s, charset, 1);
}

/* Repairs (or decodes from UTF-16 or a legacy charset) the staged bytes into
 * the window, but for a character that the next read may complete. */
static int repair_stage(tw_source *s)
{
    size_t n;
    long rc;
    if (!s->decoder && !s->legacy_checked)
        check_legacy(s);
    if (s->decoder) {
        rc = tw_iconv_append(s->decoder, s->decoder_unit, s->stage.data, s->stage.len, s->eof,
                             &n, s->buf);
    } else {
        n = s->eof ? s->stage.len : tw_utf8_cut(s->stage.data, s->stage.len);
        rc = s->offset == 0 && s->buf->len == 0 ? tw_to_utf8(s->stage.data, n, s->buf)
                                                : tw_repair_utf8(s->stage.data, n, s->buf);
    }
    if (rc < 0)
        return -1;
    memmove(s->stage.data, s->stage.data + n, s->stage.len - n + 1);
    s->stage.len -= n;
    return 0;
}

/* Once the first bytes of a whole input are read (as many as the binary
 * check looks at, or all there are, or the WANT bytes asked for: reading on
 * could pass a limit that a container lifts after its first fill), decides
 * whether it is UTF-16 text with a byte-order mark, and if so decodes it to
 * UTF-8 from then on: every reader, and the binary check, then sees it as its
 * UTF-8 twin (Notepad's "Unicode", exports from Excel and Word).  Decoding
 * here, a window at a time, keeps the input within the same limits and
 * memory as any other text, however big, and an archive's members get it
 * too.  Returns 0, or -1 on ENOMEM. */
static int check_bom(tw_source *s, size_t want)
{
    tw_buf *raw = s->utf8 ? &s->stage : s->buf;
    if (raw->len < TW_SNIFF_BYTES + 2 && raw->len < want && !s->eof)
        return 0;                   /* not enough to tell yet */
    s->bom_pending = false;
    const char *charset = raw->len ? tw_utf16_text(raw->data, raw->len) : NULL;
    if (charset)
        decode_from(s, charset, 2);
    if (!s->decoder)
        return 0;
    if (!s->utf8) {
        if (tw_buf_append(&s->stage, s->buf->data, s->buf->len) < 0)
            return -1;
        tw_buf_clear(s->buf);
        s->utf8 = true;
    }
    /* The mark goes, as a UTF-8 one does. */
    memmove(s->stage.data, s->stage.data + 2, s->stage.len - 2 + 1);
    s->stage.len -= 2;
    return 0;
}

int tw_source_fill(tw_source *s, size_t want, char *err, size_t errlen)
{
    if (s->len >= want || s->end)
        return 0;
    if (s->start) {
        /* Move the window to the front: the buffer never holds what was dropped. */
        memmove(s->buf->data, s->buf->data + s->start, s->len + 1);
        s->buf->len = s->len;
        s->start = 0;
    }
    while (s->len < want && !s->end) {
        /* At least a chunk, so that small wants do not mean small reads. */
        size_t room = want - s->len < CHUNK ? CHUNK
                    : want - s->len < 4 * CHUNK ? want - s->len : 4 * CHUNK;
        int rc = 0;
        if (!s->eof)
            rc = produce(s, s->utf8 ? &s->stage : s->buf, room, err, errlen);
        /* What was read before a failure goes to the window too: a small
         * .jsonl.gz cut short was inflated whole by one call, which failed
         * at the cut, and its lines were left in the stage, unread. */
        if ((s->bom_pending && check_bom(s, want) < 0) ||
            (s->utf8 && !s->bom_pending && repair_stage(s) < 0)) {
            snprintf(err, errlen, "out of memory reading the file");
            rc = -1;
        }
        /* The end: nothing more to read, nor waiting to be repaired. */
        s->end = s->eof && !s->stage.len;
        set_window(s);
        if (rc < 0)
            return -1;
    }
    return 0;
}

void tw_source_drop(tw_source *s, size_t n)
{
    if (n > s->len)
        n = s->len;
    s->offset += n;
    s->start += n;
    set_window(s);
}

/* Reads the first bytes: gzip or not. */
static int begin(tw_source *s, char *err, size_t errlen)
{
    unsigned char magic[2];
    ssize_t n;
    if (s->fd < 0) {
        n = s->mem_len < 2 ? (ssize_t)s->mem_len : 2;
        memcpy(magic, s->mem, (size_t)n);
    } else if ((n = pread(s->fd, magic, 2, 0)) < 0 || lseek(s->fd, 0, SEEK_SET) < 0) {
        snprintf(err, errlen, "read error: %s", strerror(errno));
        return -1;
    }
    s->gzip = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (!s->gzip)
        return 0;
    if (!s->raw && !(s->raw = malloc(CHUNK))) {
        snprintf(err, errlen, "out of memory reading the file");
        return -1;
    }
    if (inflateInit2(&s->zs, 15 + 16) != Z_OK) {
        snprintf(err, errlen, "cannot start gzip decoder");
        return -1;
    }
    s->z_live = true;
    s->zs.next_in = s->raw;
    s->zs.avail_in = 0;
    return 0;
}

static void reset(tw_source *s)
{
    if (s->z_live)
        inflateEnd(&s->zs);
    memset(&s->zs, 0, sizeof s->zs);
    s->z_live = false;
    s->offset = s->raw_bytes = s->inflated = 0;
    s->gz_skipped = 0;
    s->gz_skip_note[0] = '\0';
    s->start = s->mem_pos = 0;
    s->end = s->eof = s->cut = s->gzip = s->raw_eof = s->seeked = false;
    s->bom_pending = s->bom_check;
    if (s->decoder)
        iconv_close(s->decoder);
    s->decoder = NULL;
    s->legacy_checked = false;
    s->hash = TW_HASH64_INIT;
    tw_buf_clear(s->buf);
    tw_buf_clear(&s->stage);
    set_window(s);
}

int tw_source_open(tw_source *s, const char *path, const tw_read_limits *limits,
                   tw_buf *buf, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->limits = *limits;
    s->whole_file = s->bom_check = true;
    s->buf = buf;
    /* O_NONBLOCK so a FIFO cannot hang the run; it is refused just below. */
    s->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (s->fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(s->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "not a regular file");
        tw_source_close(s);
        return -1;
    }
    reset(s);
    if (begin(s, err, errlen) < 0) {
        tw_source_close(s);
        return -1;
    }
    return 0;
}

void tw_source_pull(tw_source *s, tw_pull_fn pull, void *ctx, const tw_read_limits *limits,
                    tw_buf *buf)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->pull = pull;
    s->pull_ctx = ctx;
    s->limits = *limits;
    s->buf = buf;
    s->bom_check = true;
    reset(s);
}

void tw_source_stream(tw_source *s)
{
    s->limits.max_file_bytes = UINT64_MAX;
}

void tw_source_memory(tw_source *s, const char *data, size_t len, tw_buf *buf)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->mem = data;
    s->mem_len = len;
    s->limits.max_file_bytes = len;
    s->limits.max_inflated_bytes = UINT64_MAX;
    s->buf = buf;
    reset(s);
}

int tw_source_memory_file(tw_source *s, const char *data, size_t len,
                          const tw_read_limits *limits, tw_buf *buf, char *err, size_t errlen)
{
    tw_source_memory(s, data, len, buf);
    s->limits = *limits;
    s->whole_file = s->bom_pending = s->bom_check = true;
    if (s->limits.max_file_bytes > len)
        s->limits.max_file_bytes = len;     /* what there is to read */
    if (begin(s, err, errlen) < 0) {
        tw_source_close(s);
        return -1;
    }
    return 0;
}

int tw_source_gunzip(tw_source *s, uint64_t max_inflated, char *err, size_t errlen)
{
    /* The first bytes become the inflater's first input: they must fit in
     * its buffer, and be the input's own, not yet decoded nor dropped. */
    if (!s->pull || s->gzip || s->utf8 || s->decoder || s->offset || s->len > CHUNK ||
        s->len < 2 || (unsigned char)s->data[0] != 0x1f || (unsigned char)s->data[1] != 0x8b)
        return 0;
    if ((!s->raw && !(s->raw = malloc(CHUNK))) || inflateInit2(&s->zs, 15 + 16) != Z_OK) {
        snprintf(err, errlen, "out of memory inflating gzip data");
        return -1;
    }
    s->z_live = s->gzip = s->whole_file = true;
    memcpy(s->raw, s->data, s->len);
    s->zs.next_in = s->raw;
    s->zs.avail_in = (uInt)s->len;
    s->limits.max_inflated_bytes = max_inflated;
    tw_buf_clear(s->buf);
    s->start = 0;
    s->eof = s->end = false;
    s->bom_pending = s->bom_check;      /* the inflated text's first bytes */
    set_window(s);
    return 1;
}

int tw_source_utf8(tw_source *s)
{
    if (s->utf8)
        return 0;
    s->utf8 = true;
    /* What was read already is repaired by the next fill, like the rest. */
    if (s->len) {
        if (tw_buf_append(&s->stage, s->data, s->len) < 0)
            return -1;
        tw_buf_clear(s->buf);
        s->start = 0;
        s->end = false;
        set_window(s);
    }
    return 0;
}

int tw_source_hash_rest(tw_source *s, char *err, size_t errlen)
{
    if (s->seeked) {
        /* What was read, and in what order, is the reader's business: the
         * hash is of the file, from its start. */
        if (s->fd >= 0 && lseek(s->fd, 0, SEEK_SET) < 0) {
            read_error(s, err, errlen);
            return -1;
        }
        s->mem_pos = 0;
        s->raw_bytes = 0;
        s->hash = TW_HASH64_INIT;
        s->raw_eof = s->cut = s->seeked = false;
    }
    char scratch[64 * 1024];
    ssize_t n = 0;
    while (!s->raw_eof && (n = read_raw(s, scratch, sizeof scratch)) > 0)
        ;
    if (n < 0) {
        read_error(s, err, errlen);
        return -1;
    }
    return 0;
}

bool tw_source_seekable(const tw_source *s)
{
    return !s->pull && !s->gzip && !s->utf8;
}

int64_t tw_source_seek(tw_source *s, int64_t offset, int whence, char *err, size_t errlen)
{
    int64_t pos;
    if (!tw_source_seekable(s)) {
        snprintf(err, errlen, "cannot seek in a compressed or pulled input");
        return -1;
    }
    if (s->fd >= 0) {
        if ((pos = lseek(s->fd, offset, whence)) < 0) {
            read_error(s, err, errlen);
            return -1;
        }
    } else {
        int64_t base = whence == SEEK_SET ? 0
                     : whence == SEEK_CUR ? (int64_t)s->mem_pos : (int64_t)s->mem_len;
        pos = base + offset;
        if (pos < 0) {
            snprintf(err, errlen, "seek before the start of the input");
            return -1;
        }
        s->mem_pos = (uint64_t)pos < s->mem_len ? (size_t)pos : s->mem_len;
    }
    tw_buf_clear(s->buf);
    s->start = 0;
    s->offset = (uint64_t)pos;
    s->end = s->eof = s->raw_eof = s->bom_pending = false;
    s->seeked = true;
    set_window(s);
    return pos;
}

int tw_source_rewind(tw_source *s, char *err, size_t errlen)
{
    reset(s);
    return begin(s, err, errlen);
}

void tw_source_close(tw_source *s)
{
    if (s->fd >= 0)
        close(s->fd);
    if (s->z_live)
        inflateEnd(&s->zs);
    if (s->decoder)
        iconv_close(s->decoder);
    free(s->raw);
    tw_buf_free(&s->stage);
    s->decoder = NULL;
    s->fd = -1;
    s->raw = NULL;
    s->z_live = false;
}

int tw_read_file(const char *path, const tw_read_limits *limits, tw_buf *out,
                 tw_read_info *info, char *err, size_t errlen)
{
    memset(info, 0, sizeof *info);
    tw_source s;
    if (tw_source_open(&s, path, limits, out, err, errlen) < 0)
        return -1;
    int rc = tw_source_fill(&s, SIZE_MAX, err, errlen);
    if (rc == 0)
        rc = tw_source_hash_rest(&s, err, errlen);
    info->raw_bytes = s.raw_bytes;
    info->gzip = s.gzip;
    info->truncated = s.cut;
    info->hash = s.hash;
    tw_source_close(&s);
    return rc;
}

int tw_gunzip(const unsigned char *data, size_t len, uint64_t max, tw_buf *out,
              bool *truncated, char *err, size_t errlen)
{
    /* A gzip source over memory; its window is all of OUT, so what OUT held
     * stays in front. */
    tw_source s;
    memset(&s, 0, sizeof s);
    s.fd = -1;
    s.mem = (const char *)data;
    s.mem_len = len;
    s.limits.max_file_bytes = len;
    s.limits.max_inflated_bytes = max;
    s.buf = out;
    s.gzip = true;
    set_window(&s);
    int rc = -1;
    if (!(s.raw = malloc(CHUNK)))
        snprintf(err, errlen, "out of memory inflating gzip data");
    else if (inflateInit2(&s.zs, 15 + 16) != Z_OK)
        snprintf(err, errlen, "cannot start gzip decoder");
    else {
        s.z_live = true;
        s.zs.next_in = s.raw;
        rc = tw_source_fill(&s, SIZE_MAX, err, errlen);
    }
    *truncated = s.cut;
    tw_source_close(&s);
    return rc;
}
