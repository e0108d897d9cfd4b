/* archive.c - archives and compressed files through libarchive, a member at a
 * time; libarchive reads its input from the caller's source (read.h), so the
 * archive's bytes are limited, counted and hashed as any file's are. */
#include "archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "sniff.h"
#include "utf8.h"

struct tw_archive {
    struct archive *a;
    tw_source *in;              /* the archive's bytes: the caller's */
    tw_archive_kind kind;
    size_t handed;              /* of in's window, given to libarchive last time */
    tw_archive_limits limits;
    tw_archive_warn_fn warn;
    void *ctx;
    bool single;                /* a compressed file: one member, the file itself */
    bool member_open;           /* member is being read */
    bool over;                  /* the members went past limits.total_bytes */
    bool done;
    uint64_t total;             /* bytes of members read */
    uint64_t entries;           /* entries met */
    tw_source member;
    bool member_failed;         /* unpacking the member failed after some bytes */
    char member_err[256];       /* why: told by the next pull */
    char in_err[256];           /* why reading the input failed */
    locale_t utf8;              /* names are read in it (with_utf8_names) */
    uint64_t resumed_at;        /* the entry after which reading last resumed */
    tw_buf name;                /* the member's name, when converted here */
};

static bool at(const char *data, size_t len, size_t off, const char *magic, size_t n)
{
    return len >= off + n && memcmp(data + off, magic, n) == 0;
}

static bool ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* Whether the zip DATA[0, LEN) is a document (OpenDocument, EPUB, Office Open
 * XML, Java or Android packages) rather than an archive of articles: its first
 * member, named at offset 30, says so.  Its XML parts are not articles. */
static bool zip_is_document(const char *data, size_t len)
{
    static const char *const first[] = { "mimetype", "[Content_Types].xml", "META-INF/",
                                         "AndroidManifest.xml", "_rels/", "docProps/" };
    if (len < 30)
        return false;
    size_t n = (unsigned char)data[26] | (size_t)(unsigned char)data[27] << 8;
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++) {
        size_t k = strlen(first[i]);
        if (n >= k && len >= 30 + k && memcmp(data + 30, first[i], k) == 0)
            return true;
    }
    return false;
}

/* Whether DATA starts with a skippable frame of zstd or LZ4 (magic 0x184D2A50
 * to 0x184D2A5F, little-endian), which pzstd writes before the first real
 * one: a file that starts so is compressed too. */
static bool skippable_frame(const char *data, size_t len)
{
    return len >= 4 && ((unsigned char)data[0] & 0xF0) == 0x50 &&
           at(data, len, 1, "\x2A\x4D\x18", 3);
}

bool tw_archive_is_7z(const char *data, size_t len)
{
    return at(data, len, 0, "7z\xBC\xAF\x27\x1C", 6);
}

/* Whether DATA starts as bzip2 does: "BZh", the block size, then the magic of
 * a block (the digits of pi) or of the end of an empty stream.  "BZh" alone
 * is text too: an article that started with it was taken for bzip2. */
static bool bzip2_start(const char *data, size_t len)
{
    return at(data, len, 0, "BZh", 3) && len > 3 && data[3] >= '1' && data[3] <= '9' &&
           (at(data, len, 4, "\x31\x41\x59\x26\x53\x59", 6) ||
            at(data, len, 4, "\x17\x72\x45\x38\x50\x90", 6));
}

tw_archive_kind tw_archive_sniff(const char *name, const char *data, size_t len)
{
    if (at(data, len, 0, "\x1f\x8b", 2) || bzip2_start(data, len) ||
        at(data, len, 0, "\xFD" "7zXZ\0", 6) || at(data, len, 0, "\x28\xB5\x2F\xFD", 4) ||
        at(data, len, 0, "\x04\x22\x4D\x18", 4) || skippable_frame(data, len))
        return TW_COMPRESSED;
    if (at(data, len, 0, "PK\x03\x04", 4) && zip_is_document(data, len))
        return TW_NOT_ARCHIVE;
    if (at(data, len, 0, "PK\x03\x04", 4) || at(data, len, 0, "PK\x05\x06", 4) ||
        tw_archive_is_7z(data, len) || at(data, len, 257, "ustar", 5))
        return TW_ARCHIVE;
    /* By name only what is not text: notes.zip written by hand stays a note. */
    if (!tw_looks_binary(data, len))
        return TW_NOT_ARCHIVE;
    static const char *const names[] = { ".tar", ".zip", ".7z", ".tgz", ".tbz2", ".txz",
                                         ".tzst", ".tlz4", NULL };
    for (const char *const *e = names; *e; e++)
        if (ends_with(name, *e))
            return TW_ARCHIVE;
    return TW_NOT_ARCHIVE;
}

/* libarchive's input: the source's window, a window at a time.  What was handed
 * last time stays valid until this call, as libarchive requires. */
static la_ssize_t input_read(struct archive *a, void *ctx, const void **out)
{
    tw_archive *ar = ctx;
    tw_source_drop(ar->in, ar->handed);
    ar->handed = 0;
    if (tw_source_fill(ar->in, 1, ar->in_err, sizeof ar->in_err) < 0) {
        archive_set_error(a, EIO, "%s", ar->in_err);
        return -1;
    }
    *out = ar->in->data;
    ar->handed = ar->in->len;
    return (la_ssize_t)ar->in->len;
}

/* 7-Zip keeps its directory at the end: libarchive seeks, where the input can. */
static la_int64_t input_seek(struct archive *a, void *ctx, la_int64_t offset, int whence)
{
    tw_archive *ar = ctx;
    ar->handed = 0;
    int64_t pos = tw_source_seek(ar->in, offset, whence, ar->in_err, sizeof ar->in_err);
    if (pos < 0)
        archive_set_error(a, EIO, "%s", ar->in_err);
    return pos < 0 ? ARCHIVE_FATAL : pos;
}

/* Makes AR's calls that read names convert them to UTF-8 (for this thread,
 * until without_utf8_names gives back what it returns): libarchive converts
 * a name to the current locale's charset, and in the C locale a program
 * starts in, a zip's name flagged as UTF-8 or any 7-Zip name outside ASCII
 * cannot be, and came out empty -- the member silently passed over. */
static locale_t with_utf8_names(tw_archive *ar)
{
    return ar->utf8 ? uselocale(ar->utf8) : (locale_t)0;
}

static void without_utf8_names(tw_archive *ar, locale_t before)
{
    if (ar->utf8)
        uselocale(before);
}

/* Says why libarchive stopped, in one line. */
static void archive_reason(tw_archive *ar, const char *what, char *err, size_t errlen)
{
    const char *why = archive_error_string(ar->a);
    snprintf(err, errlen, "%s: %s", what, why ? why : "it is cut short or damaged");
}

/* Makes AR's libarchive handle over its input, from where the input is, for
 * an archive of KIND.  Returns 0, or -1 with a reason (the handle is then
 * freed). */
static int open_handle(tw_archive *ar, tw_archive_kind kind, char *err, size_t errlen)
{
    if (!(ar->a = archive_read_new())) {
        snprintf(err, errlen, "out of memory opening the archive");
        return -1;
    }
    /* Only the formats trawl means to read: libarchive's others (mtree, ar,
     * cpio, ISO images, its own WARC reader...) would claim files that are
     * not archives of articles.  A compressed stream that holds no archive
     * is one file (the raw format).  Only the filters built in: for others
     * (lrzip, lzop, grzip) libarchive runs an outside program, which bytes
     * found inside a download must not start. */
    archive_read_support_filter_gzip(ar->a);
    archive_read_support_filter_bzip2(ar->a);
    archive_read_support_filter_xz(ar->a);
    archive_read_support_filter_zstd(ar->a);
    archive_read_support_filter_lz4(ar->a);
    archive_read_support_format_tar(ar->a);
    archive_read_support_format_zip(ar->a);
    /* A 7-Zip archive needs seeking, which no decompressor gives: one that
     * is compressed comes out as the one member of a compressed file, which
     * the caller reads into memory to seek in. */
    if (kind == TW_COMPRESSED)
        archive_read_support_format_raw(ar->a);
    else
        archive_read_support_format_7zip(ar->a);
    archive_read_set_read_callback(ar->a, input_read);
    if (tw_source_seekable(ar->in))
        archive_read_set_seek_callback(ar->a, input_seek);
    archive_read_set_callback_data(ar->a, ar);
    locale_t before = with_utf8_names(ar);
    int rc = archive_read_open1(ar->a);
    without_utf8_names(ar, before);
    if (rc != ARCHIVE_OK) {
        archive_reason(ar, "cannot read the archive", err, errlen);
        archive_read_free(ar->a);
        ar->a = NULL;
        return -1;
    }
    return 0;
}

tw_archive *tw_archive_open(tw_source *in, tw_archive_kind kind, const tw_archive_limits *limits,
                            tw_archive_warn_fn warn, void *ctx, char *err, size_t errlen)
{
    tw_archive *ar = calloc(1, sizeof *ar);
    if (!ar) {
        snprintf(err, errlen, "out of memory opening the archive");
        return NULL;
    }
    ar->in = in;
    ar->kind = kind;
    ar->limits = *limits;
    ar->warn = warn;
    ar->ctx = ctx;
    ar->member.fd = -1;
    /* C.UTF-8 is built into glibc 2.35 and later; without it, names stay
     * as libarchive reads them in the caller's locale. */
    ar->utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (open_handle(ar, kind, err, errlen) < 0) {
        tw_archive_close(ar);
        return NULL;
    }
    /* A stream that starts as a compressed one but that no decompressor
     * took (its header damaged) would come out as it is, the one member
     * of a compressed file, which starts as a compressed one: read again
     * four deep, then said to be nested too deep, and skipped. */
    if (kind == TW_COMPRESSED && archive_filter_count(ar->a) < 2) {
        snprintf(err, errlen, "its first bytes are those of compressed data (gzip, bzip2, "
                 "xz, zstd or lz4), but it cannot be decompressed: damaged");
        tw_archive_close(ar);
        return NULL;
    }
    return ar;
}

/* Bytes asked of libarchive at a time.  archive_read_data lets go of what it
 * had copied of a request when it fails, so that a member cut short (a
 * .jsonl.xz or a .tar.zst of a broken download) lost the last request's
 * bytes before the damage, a window's worth of records (256 KiB); asked a
 * piece at a time, it loses at most a piece. */
#define PIECE (16u * 1024)

/* The member's bytes, for its source; the archive's total is counted here.
 * When unpacking fails after some bytes, they are given, and the failure
 * told by the next call. */
static ssize_t member_pull(void *ctx, void *dst, size_t room, char *err, size_t errlen)
{
    tw_archive *ar = ctx;
    if (ar->member_failed) {
        snprintf(err, errlen, "%s", ar->member_err);
        return -1;
    }
    /* The members may go on past the limit while they unpack to less than
     * a bomb does, as a gzip file may (tw_inflate_most): a tar of a few
     * gigabytes of crawls is read whole, a zip of 1 GiB of one word in 1.5
     * MB stops at the limit; a one-article format stops at its own. */
    uint64_t most = tw_inflate_most(ar->limits.total_bytes, ar->in->raw_bytes);
    if (ar->total >= most) {
        ar->over = true;
        return 0;
    }
    if (room > most - ar->total)
        room = (size_t)(most - ar->total);
    size_t got = 0;
    while (got < room) {
        size_t piece = room - got < PIECE ? room - got : PIECE;
        la_ssize_t n = archive_read_data(ar->a, (char *)dst + got, piece);
        if (n < 0) {
            archive_reason(ar, "cannot unpack", err, errlen);
            if (!got)
                return -1;
            ar->member_failed = true;
            snprintf(ar->member_err, sizeof ar->member_err, "%s", err);
            break;
        }
        got += (size_t)n;
        if ((size_t)n < piece)
            break;      /* the member's end: archive_read_data fills all it can */
    }
    tw_archive_count(ar, got);
    return (ssize_t)got;
}

uint64_t tw_archive_room(const tw_archive *ar)
{
    uint64_t most = tw_inflate_most(ar->limits.total_bytes, ar->in->raw_bytes);
    return most > ar->total ? most - ar->total : 0;
}

void tw_archive_count(tw_archive *ar, uint64_t n)
{
    ar->total += n;
    if (ar->limits.unpacked)
        *ar->limits.unpacked += n;
}

/* Reads what is left of the current entry, counting it: libarchive would
 * skip it by unpacking it anyway, beyond any limit of ours.  Returns 0 or -1. */
static int drain(tw_archive *ar, char *err, size_t errlen)
{
    char scratch[64 * 1024];
    ssize_t n;
    while ((n = member_pull(ar, scratch, sizeof scratch, err, errlen)) > 0)
        ;
    return n < 0 ? -1 : 0;
}

/* Lets go of the member being read, and reads the rest of it. */
static int finish_member(tw_archive *ar, char *err, size_t errlen)
{
    if (!ar->member_open)
        return 0;
    ar->member_open = false;
    tw_source_close(&ar->member);
    return drain(ar, err, errlen);
}

/* Whether NAME stays inside the archive: not absolute, no ".." step (with
 * either slash: zip names written on Windows use backslashes). */
static bool name_stays_inside(const char *name)
{
    if (name[0] == '/' || name[0] == '\\' || (name[0] && name[1] == ':'))
        return false;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/\\");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += n;
        if (*p)
            p++;
    }
    return true;
}

/* Whether NAME, or a folder it is in, is hidden: starts with '.' (but for
 * "." and "..", which name_stays_inside judges).  Such members are passed
 * over without a word, as the walk passes over hidden files and folders on
 * disk: a zip made by macOS holds "__MACOSX/dir/._name", binary metadata,
 * beside every file, and a .DS_Store, each reported as a binary file
 * skipped (500 articles zipped gave 500 warnings). */
static bool hidden(const char *name)
{
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/\\");
        if (p[0] == '.' && !(n == 1 || (n == 2 && p[1] == '.')))
            return true;
        p += n;
        if (*p)
            p++;
    }
    return false;
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* Whether the entry E is a member to read; the others are reported, but for
 * folders, which hold nothing of their own. */
static bool wanted(tw_archive *ar, struct archive_entry *e, const char *name)
{
    char msg[512];
    const char *target;
    mode_t type = archive_entry_filetype(e);
    if (type == AE_IFDIR)
        return false;
    if (type == AE_IFLNK) {
        target = archive_entry_symlink_utf8(e);
        if (!target)
            target = archive_entry_symlink(e);
        snprintf(msg, sizeof msg, "symbolic link%s%s: not followed", target ? " to " : "",
                 target && !has_control(target) ? target : "");
    } else if ((target = archive_entry_hardlink(e))) {
        snprintf(msg, sizeof msg, "hard link to %s: skipped (its target is read as itself)",
                 has_control(target) ? "another member" : target);
    } else if (type != AE_IFREG) {
        snprintf(msg, sizeof msg, "not a regular file: skipped");
    } else if (!*name) {
        snprintf(msg, sizeof msg, "a member whose name cannot be read: skipped");
    } else if (!name_stays_inside(name)) {
        snprintf(msg, sizeof msg, "member name is absolute or climbs out of the archive "
                 "(\"..\"): skipped");
    } else if (has_control(name)) {
        snprintf(msg, sizeof msg, "member name holds control characters: skipped");
    } else if (archive_entry_is_encrypted(e)) {
        snprintf(msg, sizeof msg, "encrypted: skipped");
    } else {
        return true;
    }
    ar->warn(ar->ctx, *name && !has_control(name) ? name : NULL, msg);
    return false;
}

/* The name of entry E in UTF-8, NULL when it has none or memory ran out:
 * as libarchive converts it, else its bytes as stored -- those of a zip
 * that are not UTF-8 in the DOS code page (CP437), which is what the zip
 * format says of a name not flagged as UTF-8. */
static const char *entry_name(tw_archive *ar, struct archive_entry *e)
{
    const char *name = archive_entry_pathname_utf8(e);
    if (name)
        return name;
    name = archive_entry_pathname(e);
    if (!name || tw_utf8_valid(name, strlen(name)) ||
        (archive_format(ar->a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_ZIP)
        return name;
    tw_buf_clear(&ar->name);
    return tw_convert_to_utf8("CP437", name, strlen(name), &ar->name) < 0 ? NULL
                                                                          : ar->name.data;
}

/* Reads the next header into *E and its name into *NAME (under the UTF-8
 * names' locale); returns what archive_read_next_header does. */
static int next_header(tw_archive *ar, struct archive_entry **e, const char **name)
{
    locale_t before = with_utf8_names(ar);
    int rc = archive_read_next_header(ar->a, e);
    *name = rc >= ARCHIVE_WARN ? entry_name(ar, *e) : NULL;
    without_utf8_names(ar, before);
    return rc;
}

/* After a member of a zip that could not be unpacked, which leaves
 * libarchive's handle unusable, opens the zip again and passes over the
 * entries read so far, so that the members after the damaged one are read
 * (a broken deflate stream in member 2 of 4 lost 3 and 4).  Only a zip in a
 * file: its directory says where each member is, and the file can be read
 * again from its start.  Returns 0, or -1 (ERR says why) when it cannot. */
static int resume_after_damage(tw_archive *ar, char *err, size_t errlen)
{
    if (ar->single)
        return -1;      /* a compressed file's one member: nothing after it */
    char why[256];
    if ((archive_format(ar->a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_ZIP ||
        !tw_source_seekable(ar->in) || ar->resumed_at == ar->entries) {
        snprintf(why, sizeof why, "the members after it are not read");
        goto fail;
    }
    ar->resumed_at = ar->entries;
    archive_read_free(ar->a);
    ar->a = NULL;
    ar->handed = 0;
    if (tw_source_seek(ar->in, 0, SEEK_SET, why, sizeof why) < 0 ||
        open_handle(ar, ar->kind, why, sizeof why) < 0)
        goto fail;
    for (uint64_t i = 0; i < ar->entries; i++) {
        struct archive_entry *e;
        const char *name;
        if (next_header(ar, &e, &name) < ARCHIVE_WARN ||
            archive_read_data_skip(ar->a) != ARCHIVE_OK) {
            archive_reason(ar, "the members after it are not read, as reading the "
                           "zip again failed", why, sizeof why);
            goto fail;
        }
    }
    return 0;
fail:
    ar->done = true;
    size_t n = strlen(err);
    snprintf(err + n, errlen - n, "; %s", why);
    return -1;
}

int tw_archive_next(tw_archive *ar, tw_member *m, tw_buf *buf, char *err, size_t errlen)
{
    if (finish_member(ar, err, errlen) < 0 && resume_after_damage(ar, err, errlen) < 0)
        return -1;
    char msg[256];
    for (;;) {
        if (ar->done)
            return 0;
        if (ar->over) {
            ar->done = true;
            snprintf(msg, sizeof msg, "its members unpack to more than %llu bytes "
                     "(limit: --max-inflated, or %d times the archive's size when "
                     "more): the rest is not read", (unsigned long long)ar->total,
                     TW_STREAM_RATIO);
            ar->warn(ar->ctx, NULL, msg);
            return 0;
        }
        struct archive_entry *e;
        const char *name;
        int rc = next_header(ar, &e, &name);
        if (rc == ARCHIVE_EOF) {
            ar->done = true;
            return 0;
        }
        if (rc < ARCHIVE_WARN) {
            ar->done = true;
            archive_reason(ar, "damaged archive", err, errlen);
            return -1;
        }
        if (++ar->entries > ar->limits.members) {
            ar->done = true;
            snprintf(msg, sizeof msg, "more than %llu members (limit: --max-members): the "
                     "rest is not read", (unsigned long long)ar->limits.members);
            ar->warn(ar->ctx, NULL, msg);
            return 0;
        }
        ar->member_failed = false;      /* a new entry: nothing failed of it yet */
        ar->single = archive_format(ar->a) == ARCHIVE_FORMAT_RAW;
        if (!name)
            name = "";
        while (name[0] == '.' && name[1] == '/')
            name += 2;
        if (!ar->single && (hidden(name) || !wanted(ar, e, name))) {
            /* Its data, if any, counts. */
            if (drain(ar, err, errlen) < 0 && resume_after_damage(ar, err, errlen) < 0)
                return -1;
            continue;
        }
        /* A compressed file's one member is the file: only total_bytes, the
         * limit of decompressed bytes, holds for it, as for a gzip file. */
        tw_read_limits limits = { ar->single ? UINT64_MAX : ar->limits.member_bytes,
                                  UINT64_MAX };
        tw_source_pull(&ar->member, member_pull, ar, &limits, buf);
        ar->member_open = true;
        m->name = ar->single ? NULL : name;
        m->source = &ar->member;
        return 1;
    }
}

void tw_archive_close(tw_archive *ar)
{
    if (!ar)
        return;
    if (ar->member_open)
        tw_source_close(&ar->member);
    archive_read_free(ar->a);
    if (ar->utf8)
        freelocale(ar->utf8);
    tw_buf_free(&ar->name);
    free(ar);
}
