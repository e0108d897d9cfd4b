/* index_file.c - one file, or bytes in memory that stand for one, through a
 * lane: recognise its format, drop what the index held of it, extract its
 * articles (sharing them out among the bulk workers when it is big), and
 * remember what it gave, so the next run can skip it.  An archive's members
 * go through the same steps but the first and the last, as NAME#MEMBER: what
 * the index holds and remembers is the archive's.
 *
 * Why a file of its own: the walk (add_path.c) and the bulk workers (bulk.c)
 * both index files, and the workers are below the walk.  With this code in the
 * walk's file, the workers called back up into it, and each of the two needed
 * the other.  Here it sits below both and calls only down: into the lane
 * (lane.c), the readers (read.c, formats/) and the routing of a big file's
 * articles (bulk_route.c), which needs nothing above it.  A callback from the
 * workers would have hidden the circle, not removed it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bulk_route.h"
#include "formats/archive.h"
#include "formats/extract.h"
#include "index_file.h"
#include "indexer_internal.h"
#include "read.h"
#include "utf8.h"

/* Whether the lane's current file has used up its CPU time: the budget, and as
 * much again per 64 MiB read, so that a big container is not cut for its size
 * (trawl indexes a few MB a second per core, so it would take a quarter of that
 * at most).  Bytes read are those the readers get: a gzip file's inflated, an
 * archive's or an xz, zstd, bzip2 or lz4 file's unpacked.  Counted as they
 * are on disk, a .jsonl.xz of 150 MB of text (51 MB) was abandoned half-way. */
static bool over_budget(tw_lane *lane)
{
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    double used = (double)(now.tv_sec - lane->file_cpu_start.tv_sec) +
                  (double)(now.tv_nsec - lane->file_cpu_start.tv_nsec) / 1e9;
    const tw_source *s = lane->file_source;
    uint64_t bytes = s ? (s->gzip ? s->inflated : s->raw_bytes) : 0;
    if (bytes < lane->file_unpacked)
        bytes = lane->file_unpacked;
    double budget = lane->ix->opts.file_seconds;
    if (budget < 0 || used <= budget * (1.0 + (double)bytes / (64.0 * 1024 * 1024)))
        return false;
    lane->file_timed_out = true;
    return true;
}

/* Appends LEN bytes of NAME to OUT with each '#' as "%23", as a URL escapes
 * it.  An article's id is its file's path, and one in a container or an
 * archive that path, '#' and the member's name or number: a file named
 * "a.jsonl#2" beside a.jsonl took the id of its second article, and one
 * replaced the other.  With its '#' escaped no name of a file or member is
 * a member's id; names without '#' keep their ids. */
static int append_escaped(tw_buf *out, const char *name, size_t len)
{
    for (const char *hash; (hash = memchr(name, '#', len)); len -= (size_t)(hash + 1 - name),
                                                           name = hash + 1)
        if (tw_buf_append(out, name, (size_t)(hash - name)) < 0 || tw_buf_puts(out, "%23") < 0)
            return -1;
    return tw_buf_append(out, name, len);
}

/* A's id with its file's path escaped (append_escaped) into ID, when the path
 * has a '#' and the id starts with it; else A's id as it is. */
static const char *escaped_id(const tw_lane *lane, const trawl_article *a, tw_buf *id)
{
    const char *path = lane->file_path;
    size_t len = path ? strlen(path) : 0;
    if (!path || !memchr(path, '#', len) || strncmp(a->id, path, len) != 0)
        return a->id;
    if (append_escaped(id, path, len) < 0 || tw_buf_puts(id, a->id + len) < 0)
        return NULL;
    return id->data;
}

/* Whether trawl_indexer_interrupt asked the walk reading this file to stop.
 * Bytes given to trawl_indexer_add_buffer (no file status) are, like an
 * article added alone, never interrupted: the request is left for the
 * add_path it was made for. */
static bool stop_asked(const tw_lane *lane)
{
    return lane->file_st && lane->ix->interrupted;
}

static trawl_status emit_article(void *ctx, const trawl_article *a, const char *lang)
{
    tw_lane *lane = ctx;
    if (stop_asked(lane))
        return TRAWL_EINTR;
    if (over_budget(lane))
        return TRAWL_EFORMAT;
    /* Every article of the file carries its path, a member of an archive's
     * too (the extractor only knows the member's name), so that a changed
     * archive has all of them replaced. */
    trawl_article own = *a;
    own.path = lane->file_path;
    tw_buf id = { 0 };
    own.id = escaped_id(lane, a, &id);
    trawl_status st;
    if (!own.id) {
        st = TRAWL_ENOMEM;
    } else if (!tw_ix_in_shard(lane->ix, own.id)) {
        lane->file_elsewhere = true;
        st = TRAWL_OK;
    } else {
        st = lane->route ? tw_bulk_route(lane, &own, lang) : tw_ix_add_article(lane, &own, lang);
    }
    tw_buf_free(&id);
    return st;
}

static void emit_warning(void *ctx, const char *message, bool lost)
{
    tw_lane *lane = ctx;
    if (lost)
        lane->file_lost = true;
    tw_ix_warn(lane->ix, lane->file_name, "%s", message);
}

/* A file read from disk tells the progress callback how far it is, every
 * PROGRESS_STEP bytes: a multi-gigabyte web archive is one file, and progress
 * told only at the end of each file would stand still for minutes.  And
 * every PROGRESS_ARTICLES articles: JSON Lines dumps of 20,000 articles
 * each (21 MB, read at 0.8 MB/s with two workers) left the terminal blank
 * for the first 45 s of the build and the line still for 20 s at a time. */
#define PROGRESS_STEP (16u << 20)
#define PROGRESS_ARTICLES 1000

static void tell_progress(tw_lane *lane)
{
    const tw_source *s = lane->file_source;
    if (!s || !lane->file_st ||
        (s->raw_bytes < lane->file_bytes_told + PROGRESS_STEP &&
         lane->file_articles < lane->file_articles_told + PROGRESS_ARTICLES))
        return;
    /* Bytes and articles so far; the file is counted (seen, indexed...)
     * when it is done. */
    uint64_t more = s->raw_bytes - lane->file_bytes_told;
    lane->file_bytes_told = s->raw_bytes;
    lane->file_articles_told = lane->file_articles;
    tw_lane_report_part(lane, more, lane->file_path);
}

static trawl_status emit_check(void *ctx, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    tw_lane *lane = ctx;
    if (stop_asked(lane))
        return TRAWL_EINTR;
    tell_progress(lane);
    return over_budget(lane) ? TRAWL_EFORMAT : TRAWL_OK;
}

static bool all_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* A bulk build's worker lane writes a shard that starts empty and gets each
 * file once, handed out by the walk, which leaves the counting of it to the
 * worker; the indexer's own lane updates the index in place. */
static bool is_shard(const tw_lane *lane)
{
    return lane != &lane->ix->lane;
}

/* Whether a write after the file was read, at READ_AT, could leave its
 * status as ST has it.  A file system that keeps whole seconds (ext2 and ext3
 * with small inodes, FAT's two seconds, many network ones) gives a write in
 * the second the file was read the same times; of the same size, it looked
 * unchanged for good (a crawler that rewrote an article just after the
 * indexer read it).  Whole seconds in both times say so (a file system that
 * keeps nanoseconds gives them); a change time not two seconds before the
 * read is then too recent to vouch for the bytes.  Nanosecond file systems
 * stamp by the kernel's tick, a few milliseconds: left as they are. */
static bool racy(const struct stat *st, time_t read_at)
{
    return st->st_mtim.tv_nsec == 0 && st->st_ctim.tv_nsec == 0 &&
           st->st_ctim.tv_sec >= read_at - 1;
}

/* The record of a file whose status is ST, whose bytes, read at READ_AT,
 * hash to HASH and which gave ARTICLES. */
static tw_file_record record_of(const struct stat *st, time_t read_at, uint64_t hash,
                                uint64_t articles)
{
    tw_file_record rec = { .size = (uint64_t)st->st_size, .mtime_sec = st->st_mtim.tv_sec,
                           .mtime_nsec = st->st_mtim.tv_nsec, .hash = hash,
                           .articles = articles, .has_inode = true,
                           .inode = (uint64_t)st->st_ino, .ctime_sec = st->st_ctim.tv_sec,
                           .ctime_nsec = st->st_ctim.tv_nsec };
    /* A time no file has: the next run hashes the bytes, and re-indexes
     * them if they changed. */
    if (racy(st, read_at))
        rec.ctime_nsec = -1;
    return rec;
}

/* Records what the index now holds of PATH, so the next run can skip it. */
static trawl_status remember(tw_lane *lane, const char *path, const struct stat *st,
                             uint64_t hash, uint64_t articles)
{
    if (tw_ix_extracting(lane->ix) || !st)
        return TRAWL_OK;        /* no index to remember it in, or no file (a buffer) */
    tw_file_record rec = record_of(st, lane->file_read_at, hash, articles);
    trawl_status rc = tw_writer_file_put(lane->writer, path, &rec, lane->errmsg,
                                         sizeof lane->errmsg);
    return rc == TRAWL_OK ? rc : tw_lane_fail(lane, rc);
}

/* Records that PATH is being indexed, in the batch that drops its old
 * articles, until remember() says how it ended.  A file that fails half-way
 * (cut short, out of time), or whose run is stopped or killed after a batch
 * commit in its middle, leaves articles of its own in the index: with its old
 * record, the same bytes coming back (a broken download fetched again) would
 * be taken for unchanged and keep only the half; with none, the file's
 * removal would never be noticed and the half would stay for good. */
static trawl_status remember_begun(tw_lane *lane, const char *path, const struct stat *st)
{
    if (tw_ix_extracting(lane->ix) || !st)
        return TRAWL_OK;
    tw_file_record rec = record_of(st, lane->file_read_at, 0, 0);
    rec.unfinished = true;
    trawl_status rc = tw_writer_file_put(lane->writer, path, &rec, lane->errmsg,
                                         sizeof lane->errmsg);
    return rc == TRAWL_OK ? rc : tw_lane_fail(lane, rc);
}

/* Bytes of the input read to recognise its format. */
#define SNIFF_BYTES (64u * 1024)

/* Reads SNIFF_BYTES of SRC, or up to its limits but not past them: a
 * container is then let past them (tw_source_stream) before they cut it. */
static int sniff_fill(tw_source *src, char *err, size_t errlen)
{
    uint64_t want = SNIFF_BYTES;
    if (want > src->limits.max_file_bytes)
        want = src->limits.max_file_bytes;
    if (src->gzip && want > src->limits.max_inflated_bytes)
        want = src->limits.max_inflated_bytes;
    return tw_source_fill(src, (size_t)want, err, errlen);
}

/* Reads SNIFF_BYTES of SRC, the input NAME, as sniff_fill does.  When the
 * input ends in damage after some bytes (a gzip cut short by a broken
 * download), the damage is told, *DAMAGED set, and what came before is read
 * on: the whole records before it are kept, as they are for a longer file
 * (a .jsonl.gz cut at 40 KB gave nothing, one cut at 4 MB its first lines).
 * Returns -1 with a reason when nothing could be read. */
static int sniff_read(tw_lane *lane, const char *name, tw_source *src, bool *damaged,
                      char *err, size_t errlen)
{
    *damaged = false;
    if (sniff_fill(src, err, errlen) == 0)
        return 0;
    if (!src->len)
        return -1;
    tw_ix_warn(lane->ix, name, "%s", err);
    *damaged = true;
    return 0;
}

/* Reads what a one-article extractor takes, up to LIMIT bytes (not cutting a
 * UTF-8 character), into IN; tells when the input went on past it, or was
 * damaged after some of it. */
static int read_whole(tw_lane *lane, tw_source *src, tw_input *in, uint64_t limit,
                      const char *what, char *err, size_t errlen)
{
    size_t cap = limit > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)limit;
    if (tw_source_fill(src, cap + 1, err, errlen) < 0) {
        if (!src->len)
            return -1;
        /* Damaged past some text: that text is the article, as the records
         * before the damage are a container's (sniff_read). */
        tw_ix_warn(lane->ix, in->path, "%s", err);
        lane->file_lost = true;
    }
    in->data = src->data;
    in->len = src->len;
    in->source = NULL;
    if (src->len > cap) {
        in->len = tw_utf8_cut(src->data, cap);
        lane->file_cut = true;
        tw_ix_warn(lane->ix, in->path, "%s cut at %llu bytes (limit: %s)", what,
                   (unsigned long long)cap,
                   strcmp(what, "article text") == 0 ? "--max-text" : "--max-html");
    }
    return 0;
}

/* How many archives deep a member is read: a .tar.gz of .zip files of
 * .jsonl.xz dumps is three.  Deeper ones are reported, never followed, so
 * that an archive nested in itself a thousand times costs four readers. */
#define ARCHIVE_DEPTH_MAX 4

static trawl_status extract_input(tw_lane *lane, const char *name, tw_source *src,
                                  unsigned depth, bool *passed_over, char *err, size_t errlen);

/* Where an archive's notes go: NAME is the archive's. */
typedef struct archive_note {
    tw_lane *lane;
    const char *name;
} archive_note;

static void archive_warning(void *ctx, const char *member, const char *message)
{
    archive_note *n = ctx;
    if (member)
        tw_ix_warn(n->lane->ix, n->name, "%s: %s", member, message);
    else
        tw_ix_warn(n->lane->ix, n->name, "%s", message);
}

/* A 7-Zip archive keeps its directory at its end, and libarchive reads it
 * only from an input it can seek in.  One that is compressed or a member of
 * another archive is read into memory first, up to --max-file-size, and
 * *WHOLE made a source over it (its buf then set, its window in WHOLE_BUF);
 * any other input leaves WHOLE's buf NULL.  False, with a reason, when it is
 * longer or cannot be read. */
static bool seekable_7z(tw_lane *lane, tw_source *src, tw_source *whole, tw_buf *whole_buf,
                        char *err, size_t errlen)
{
    whole->buf = NULL;
    if (tw_source_seekable(src) || !tw_archive_is_7z(src->data, src->len))
        return true;
    uint64_t most = lane->ix->opts.max_file_bytes;
    size_t cap = most > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)most;
    if (tw_source_fill(src, cap + 1, err, errlen) < 0)
        return false;
    if (src->len > cap) {
        snprintf(err, errlen, "a 7-Zip archive compressed or inside another archive is read "
                 "into memory, and this one is longer than %llu bytes (limit: "
                 "--max-file-size): not read", (unsigned long long)most);
        return false;
    }
    tw_source_memory(whole, src->data, src->len, whole_buf);
    /* Its end bounds it: the limit, counted over every read, would end
     * it early once libarchive seeks back. */
    tw_source_stream(whole);
    return true;
}

/* Whether MEMBER of the archive NAME is passed over: NAME is a web archive
 * package (WACZ, what Browsertrix and ArchiveWeb.page write), whose pages
 * are the WARC files of its archive/ folder, and MEMBER is not one of them.
 * The rest tells of the same pages again (a list of them with the text a
 * browser showed, indexes of the records, the package's description): read
 * as articles, each page came out twice, the second time with the site's
 * menus, beside a CDX index and the package's title as articles of their
 * own, and its digest failed the file. */
static bool package_index_member(const char *name, const char *member)
{
    static const char *const wacz[] = { ".wacz", NULL };
    tw_input package = { .path = name };
    return member && tw_input_has_ext(&package, wacz) && strncmp(member, "archive/", 8) != 0;
}

/* Says that SRC, the input NAME, went on past damage in a gzip member, when
 * it did: the file then counts as failed. */
static void say_gz_skipped(tw_lane *lane, const char *name, const tw_source *src)
{
    if (!src->gz_skipped)
        return;
    tw_ix_warn(lane->ix, name, "%s; the rest of that gzip member is lost, and reading went on "
               "from the next (%u damaged members in all)", src->gz_skip_note, src->gz_skipped);
    lane->file_lost = true;
}

/* Makes the member SRC of AR, when it is gzip (a .warc.gz, a .jsonl.gz in a
 * tar), inflate through read.c rather than a reader of libarchive's:
 * libarchive's filter failed the member at its first fault (and with it
 * what it had read ahead: a .warc.gz in a tar damaged in its 11th record of
 * 300 gave none), where read.c reads on from the next gzip member, as for a
 * .warc.gz on disk.  It inflates within what the archive may still unpack
 * to.  Returns 0, or -1 on ENOMEM. */
static int gunzip_member(tw_archive *ar, tw_source *src, char *err, size_t errlen)
{
    char ignored[256];
    /* A member that cannot be read is said when it is read, as any other. */
    if (tw_source_fill(src, 2, ignored, sizeof ignored) < 0)
        return 0;
    return tw_source_gunzip(src, tw_archive_room(ar), err, errlen) < 0 ? -1 : 0;
}

/* Extracts each member of the archive SRC holds, as the file NAME#MEMBER would
 * be (a compressed file's one member as NAME itself).  A member that cannot be
 * read is reported and makes the file count as failed; the others go on.
 * Returns TRAWL_OK, TRAWL_EFORMAT with a reason when the archive cannot be
 * opened or the file is out of time, or the status that stopped the run. */
static trawl_status extract_archive(tw_lane *lane, const char *name, tw_source *src,
                                    tw_archive_kind kind, unsigned depth,
                                    char *err, size_t errlen)
{
    trawl_indexer *ix = lane->ix;
    if (depth >= ARCHIVE_DEPTH_MAX) {
        tw_ix_warn(ix, name, "archive inside %d others: not read (nesting limit)", depth);
        return TRAWL_OK;
    }
    tw_archive_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes,
                                 ix->opts.max_members, &lane->file_unpacked };
    archive_note note = { lane, name };
    tw_buf window = { 0 }, id = { 0 };  /* the members', one at a time */
    tw_source whole;
    tw_buf whole_buf = { 0 };
    if (!seekable_7z(lane, src, &whole, &whole_buf, err, errlen)) {
        tw_buf_free(&whole_buf);
        return TRAWL_EFORMAT;
    }
    tw_archive *ar = tw_archive_open(whole.buf ? &whole : src, kind, &limits, archive_warning,
                                     &note, err, errlen);
    if (!ar) {
        if (whole.buf)
            tw_source_close(&whole);
        tw_buf_free(&whole_buf);
        return TRAWL_EFORMAT;
    }
    trawl_status st = TRAWL_OK;
    tw_member m;
    int rc;
    /* What a member's failure said: reading past it fails again the same
     * way (a truncated .jsonl.bz2 was named twice). */
    char said[512] = "";
    while ((rc = tw_archive_next(ar, &m, &window, err, errlen)) > 0) {
        if (package_index_member(name, m.name))
            continue;
        const char *member = name;
        if (m.name) {
            tw_buf_clear(&id);
            if (tw_buf_printf(&id, "%s#", name) < 0 ||
                append_escaped(&id, m.name, strlen(m.name)) < 0) {
                st = TRAWL_ENOMEM;
                break;
            }
            member = id.data;
        }
        bool passed_over;
        char why[512];
        if (gunzip_member(ar, m.source, why, sizeof why) < 0) {
            st = TRAWL_ENOMEM;
            break;
        }
        st = extract_input(lane, member, m.source, depth + 1, &passed_over, why, sizeof why);
        if (m.source->gzip)
            tw_archive_count(ar, m.source->inflated);
        say_gz_skipped(lane, member, m.source);
        if (m.source->cut)
            tw_ix_warn(ix, member, "only the first %llu bytes were read (limit: %s)",
                       (unsigned long long)(m.source->gzip ? m.source->inflated
                                                           : m.source->raw_bytes),
                       m.source->gzip ? "--max-inflated or --max-file-size" : "--max-file-size");
        if (st == TRAWL_EFORMAT && !lane->file_timed_out) {
            tw_ix_warn(ix, member, "%s", why);
            snprintf(said, sizeof said, "%s", why);
            lane->file_lost = true;
            st = TRAWL_OK;
        }
        if (st == TRAWL_OK)
            st = emit_check(lane, why, sizeof why);
        if (st != TRAWL_OK)
            break;
    }
    if (rc < 0 && st == TRAWL_OK) {
        if (strcmp(err, said) != 0)
            tw_ix_warn(ix, name, "%s", err);
        lane->file_lost = true;
    }
    tw_archive_close(ar);
    if (whole.buf)
        tw_source_close(&whole);
    tw_buf_free(&whole_buf);
    tw_buf_free(&window);
    tw_buf_free(&id);
    return st;
}

/* Extracts the input SRC holds as NAME (a file, or a member of an archive
 * inside DEPTH archives): an archive member by member, anything else through
 * the extractor its name or content calls for.  Sets *PASSED_OVER, with a
 * warning, when no extractor takes it (binary, empty).  Returns TRAWL_OK,
 * TRAWL_EFORMAT with a reason in err, or the status that stopped the run. */
static trawl_status extract_input(tw_lane *lane, const char *name, tw_source *src,
                                  unsigned depth, bool *passed_over, char *err, size_t errlen)
{
    trawl_indexer *ix = lane->ix;
    *passed_over = false;
    bool damaged;
    if (sniff_read(lane, name, src, &damaged, err, errlen) < 0)
        return TRAWL_EFORMAT;
    lane->file_lost |= damaged;
    /* An archive is read whole, however big, as a container is: its
     * members have limits of their own, which bound it. */
    tw_archive_kind kind = tw_archive_sniff(name, src->data, src->len);
    if (kind != TW_NOT_ARCHIVE) {
        tw_source_stream(src);
        return extract_archive(lane, name, src, kind, depth, err, errlen);
    }
    tw_input in = { name, src->data, src->len, src, NULL };
    bool empty = src->end && all_space(in.data, in.len);
    bool asset = !empty && tw_input_is_page_asset(&in);
    const tw_extractor *ex = empty || asset ? NULL : tw_extractor_find(&in);
    if (!ex) {
        *passed_over = true;
        tw_ix_warn(ix, name, "%s: skipped", empty ? "empty file" : asset ?
                   "script, style sheet or vector image, not an article" : "binary file");
        return TRAWL_OK;
    }
    /* A container is read whole, however big, a member of an archive too:
     * the archive's limit on what its members unpack to bounds that. */
    if (ex->extent == TW_EXTENT_RECORDS)
        tw_source_stream(src);
    if (ex->extent == TW_EXTENT_TEXT &&
        read_whole(lane, src, &in, ix->opts.max_text_bytes, "article text", err, errlen) < 0)
        return TRAWL_EFORMAT;
    if (ex->extent == TW_EXTENT_MARKUP &&
        read_whole(lane, src, &in, ix->opts.max_html_bytes, "HTML page", err, errlen) < 0)
        return TRAWL_EFORMAT;
    tw_emit emit = { .article = emit_article, .warn = emit_warning, .ctx = lane,
                     .check = emit_check };
    const char *outer = lane->file_name;
    lane->file_name = name;
    trawl_status st = ex->extract(&in, &emit, err, errlen);
    lane->file_name = outer;
    return st;
}

/* Indexes what SRC holds as the file PATH, whose status is ST (NULL for bytes
 * in memory: nothing to remember of a file, and no file time on its articles). */
static trawl_status index_content(tw_lane *lane, const char *path, const struct stat *st,
                                  tw_source *src)
{
    trawl_indexer *ix = lane->ix;
    char err[512];
    bool damaged;
    if (sniff_read(lane, path, src, &damaged, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;
    }

    /* Whatever the file held before goes; what it holds now comes in.  The
     * file is marked unfinished first: the deletion, a part at a time, may
     * commit.  Bytes in memory under the name of a file met by a walk
     * replace that file's articles, and its record goes with them: kept, it
     * made the next walk take the file for unchanged and leave the bytes'
     * articles in its place for good. */
    trawl_status begun = remember_begun(lane, path, st);
    uint64_t removed = 0;
    if (begun == TRAWL_OK && !is_shard(lane) && !tw_ix_extracting(ix))
        begun = st ? tw_lane_drop_path(lane, path, &removed)
                   : tw_lane_forget_path(lane, path, &removed);
    if (begun != TRAWL_OK)
        return begun;

    lane->file_path = lane->file_name = path;
    lane->file_st = st;
    lane->file_articles = lane->file_articles_told = lane->file_unpacked = 0;
    lane->file_cut = lane->file_timed_out = lane->file_elsewhere = false;
    lane->file_lost = damaged;
    lane->file_source = src;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &lane->file_cpu_start);
    bool route = st && tw_bulk_routes(lane, (size_t)st->st_size);
    trawl_status xs = route ? tw_bulk_route_begin(lane) : TRAWL_OK;
    if (xs != TRAWL_OK)
        return xs;
    bool passed_over;
    xs = extract_input(lane, path, src, 0, &passed_over, err, sizeof err);
    if (route) {
        bool lost;
        tw_bulk_route_end(lane, &lost);
        lane->file_lost |= lost;
    }
    say_gz_skipped(lane, path, src);
    lane->file_path = lane->file_name = NULL;
    lane->file_st = NULL;
    lane->file_source = NULL;
    if (passed_over) {
        lane->stats.files_skipped++;
        if (tw_source_hash_rest(src, err, sizeof err) < 0) {
            tw_ix_warn(ix, path, "%s", err);
            return TRAWL_OK;
        }
        return remember(lane, path, st, src->hash, 0);
    }
    /* An interrupt, or an index that failed, leaves the file unfinished:
     * not counted as indexed (a stopped run's summary said "4 indexed" of
     * the 2 it finished and the 2 it was reading), and not remembered, so
     * that the next run reads it again. */
    if (xs != TRAWL_OK && xs != TRAWL_EFORMAT)
        return xs;
    /* A file whose articles all went to other shards was indexed too: into
     * the other shards' indexes. */
    if (lane->file_articles || lane->file_elsewhere)
        lane->stats.files_indexed++;
    if (xs == TRAWL_EFORMAT) {
        lane->stats.files_failed++;
        if (lane->file_timed_out)
            tw_ix_warn(ix, path, "abandoned: it took more CPU time than --file-timeout "
                       "allows (%g s, and as much again per 64 MiB read); %llu articles of "
                       "it are indexed", ix->opts.file_seconds,
                       (unsigned long long)lane->file_articles);
        else
            tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;          /* no record: the next run tries again */
    }
    /* The record's hash covers the whole file, however little of it was needed. */
    if (tw_source_hash_rest(src, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        return TRAWL_OK;
    }
    if (lane->file_lost) {
        lane->stats.files_failed++;
        return TRAWL_OK;
    }
    /* A file whose articles all belong to other shards is recorded, so that
     * the next run skips it while it is unchanged, but it is no mistake. */
    if (!lane->file_articles && !lane->file_elsewhere) {
        lane->stats.files_skipped++;
        tw_ix_warn(ix, path, "no article in it: skipped");
    }
    return remember(lane, path, st, src->hash, lane->file_articles);
}

/* A read buffer that grew past this for one big file is let go of after it, so
 * that every worker does not keep its biggest file's worth for the whole run. */
#define KEEP_READ_BUF (4u << 20)

/* Indexes SRC as PATH (index_content), and says when a limit cut it short:
 * by the options' names of trawl-index for a file, of the library for bytes
 * in memory (ST NULL). */
static trawl_status index_read(tw_lane *lane, const char *path, const struct stat *st,
                               tw_source *src)
{
    trawl_status result = index_content(lane, path, st, src);
    if (src->cut)
        tw_ix_warn(lane->ix, path, "only the first %llu bytes were read (limit: %s)",
                   (unsigned long long)(src->gzip ? src->inflated : src->raw_bytes),
                   st ? (src->gzip ? "--max-inflated or --max-file-size" : "--max-file-size")
                      : (src->gzip ? "max_inflated_bytes or max_file_bytes"
                                   : "max_file_bytes"));
    return result;
}

/* Counts what SRC read, and lets it go, with a read buffer one big input
 * made big. */
static void end_read(tw_lane *lane, tw_source *src)
{
    /* Less than was told when the hash re-read a seeked file from its start. */
    if (src->raw_bytes > lane->file_bytes_told)
        lane->stats.bytes += src->raw_bytes - lane->file_bytes_told;
    lane->file_bytes_told = 0;
    tw_source_close(src);
    if (lane->read_buf.cap > KEEP_READ_BUF)
        tw_buf_free(&lane->read_buf);
}

/* PATH, met by the walk, was deleted before it could be opened (while the
 * files before it were read, or while it waited for a bulk worker): gone, as
 * a file deleted before the walk met it is (walk.c), not a failure.  Its
 * articles and record go; a bulk build's shard holds none of them. */
static trawl_status forget_vanished(tw_lane *lane, const char *path, const tw_file_record *rec)
{
    if (is_shard(lane) || tw_ix_extracting(lane->ix))
        return TRAWL_OK;
    uint64_t removed;
    trawl_status st = tw_lane_forget_path(lane, path, &removed);
    if (st == TRAWL_OK && (rec || removed))
        lane->stats.files_removed++;
    return st;
}

static bool vanished(const char *path)
{
    struct stat now;
    return lstat(path, &now) < 0 && errno == ENOENT;
}

trawl_status tw_lane_index_file(tw_lane *lane, const char *path, const struct stat *st,
                                const tw_file_record *rec)
{
    trawl_indexer *ix = lane->ix;
    tw_read_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes };
    tw_source src;
    char err[512];
    trawl_status result = TRAWL_OK;
    if (is_shard(lane))
        lane->stats.files_seen++;
    lane->file_read_at = time(NULL);
    if (tw_source_open(&src, path, &limits, &lane->read_buf, err, sizeof err) < 0) {
        if (vanished(path)) {
            result = forget_vanished(lane, path, rec);
            tw_lane_report(lane, path);
            return result;
        }
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
        tw_lane_report(lane, path);
        return TRAWL_OK;
    }
    /* Touched but not changed: remember the new time, skip the work. */
    if (rec && tw_source_hash_rest(&src, err, sizeof err) == 0 && src.hash == rec->hash) {
        lane->stats.files_unchanged++;
        result = remember(lane, path, st, src.hash, rec->articles);
    } else if (rec && tw_source_rewind(&src, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, path, "%s", err);
    } else {
        result = index_read(lane, path, st, &src);
    }
    end_read(lane, &src);
    tw_lane_report(lane, path);
    return result;
}

trawl_status tw_lane_index_buffer(tw_lane *lane, const char *name, const char *data,
                                  size_t len)
{
    trawl_indexer *ix = lane->ix;
    /* A file's limits hold for the same bytes in memory: a gzip bomb is one. */
    tw_read_limits limits = { ix->opts.max_file_bytes, ix->opts.max_inflated_bytes };
    tw_source src;
    char err[512];
    lane->stats.files_seen++;
    trawl_indexer_stats before = lane->stats;
    trawl_status result = TRAWL_OK;
    if (tw_source_memory_file(&src, data, len, &limits, &lane->read_buf, err, sizeof err) < 0) {
        lane->stats.files_failed++;
        tw_ix_warn(ix, name, "%s", err);
        tw_lane_report(lane, name);
        return TRAWL_EFORMAT;
    }
    result = index_read(lane, name, NULL, &src);
    end_read(lane, &src);
    /* A buffer given to be indexed that gave nothing is the caller's error;
     * one that gave articles is indexed, though a part of it was bad (a line
     * of a JSON Lines dump: on_warning says which), as a file would be. */
    if (result == TRAWL_OK && lane->stats.files_indexed == before.files_indexed)
        result = TRAWL_EFORMAT;
    tw_lane_report(lane, name);
    return result;
}

