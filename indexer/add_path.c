/* add_path.c - trawl_indexer_add_path: walk the files, skip the unchanged ones,
 * re-extract the changed ones (index_file.c, or the bulk workers of a fresh
 * index, and of one that a stopped bulk build left for the files it does not
 * know), and remove what disappeared under the walked root. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bulk.h"
#include "index_file.h"
#include "indexer_internal.h"
#include "roots.h"
#include "schema.h"
#include "walk.h"

/* Whether the file is, by its status, the one REC was taken of.  The size
 * and modification time alone took a file replaced by another of the same
 * size and time (a tar extracted again, a symlink pointed elsewhere) for the
 * old one; its inode or change time tell.  A change of those alone (a chmod,
 * a hard link) costs a read and a hash, not a re-index. */
static bool same_stat(const tw_file_record *rec, const struct stat *st)
{
    if (rec->has_inode &&
        (rec->inode != (uint64_t)st->st_ino || rec->ctime_sec != st->st_ctim.tv_sec ||
         rec->ctime_nsec != st->st_ctim.tv_nsec))
        return false;
    return rec->size == (uint64_t)st->st_size && rec->mtime_sec == st->st_mtim.tv_sec &&
           rec->mtime_nsec == st->st_mtim.tv_nsec;
}

/* The walk's callback for each regular file.  Returns nonzero (a trawl_status)
 * only when the walk must stop: the index failed, or an interrupt. */
static int index_file(void *ctx, const char *path, const struct stat *st)
{
    trawl_indexer *ix = ctx;
    tw_lane *lane = &ix->lane;
    if (ix->interrupted)
        return TRAWL_EINTR;
    ix->walk_files++;
    /* A fresh build: every file goes to the workers. */
    if (ix->bulk && !ix->writer)
        return (int)tw_bulk_put(ix, path, st);    /* counted when done */
    /* Extracting: every file is new, and nothing is left to remove after. */
    if (tw_ix_extracting(ix)) {
        lane->stats.files_seen++;
        return (int)tw_lane_index_file(lane, path, st, NULL);
    }
    if (tw_pathset_add(&ix->seen, path) < 0) {
        tw_ix_error(ix, "out of memory");
        return TRAWL_ENOMEM;
    }
    tw_file_record rec;
    bool known = false;
    trawl_status result = tw_writer_file_get(lane->writer, path, &rec, &known, lane->errmsg,
                                             sizeof lane->errmsg);
    if (result != TRAWL_OK)
        return (int)tw_lane_fail(lane, result);
    /* Going on from a stopped bulk build: a file it did not reach goes to
     * the workers too, and so does one it was reading when it stopped (a
     * big container, as often as not), once what it gave of it is gone
     * with its record -- the shard's record replaces it.  One it finished
     * is dealt with here, in place, as it may have changed since. */
    if (ix->bulk && known && rec.unfinished) {
        uint64_t removed;
        result = tw_lane_forget_path(lane, path, &removed);
        if (result != TRAWL_OK)
            return (int)result;
        known = false;
    }
    if (ix->bulk && !known)
        return (int)tw_bulk_put(ix, path, st);    /* counted when done */
    lane->stats.files_seen++;
    if (known && !rec.unfinished && same_stat(&rec, st)) {
        lane->stats.files_unchanged++;          /* not even read */
        tw_lane_report(lane, path);
        return 0;
    }
    /* An unfinished file is indexed again whatever its bytes: the index may
     * hold only a part of them. */
    return (int)tw_lane_index_file(lane, path, st, known && !rec.unfinished ? &rec : NULL);
}

static void walk_problem(void *ctx, const char *path, const char *message, bool failed)
{
    trawl_indexer *ix = ctx;
    ix->lane.stats.files_seen++;
    if (failed) {
        ix->lane.stats.files_failed++;
        /* Whatever was indexed from there stays: it is not gone, only unreadable. */
        char **more = realloc(ix->failed_dirs, (ix->n_failed_dirs + 1) * sizeof *more);
        if (more)
            ix->failed_dirs = more;
        if (more && (more[ix->n_failed_dirs] = strdup(path)))
            ix->n_failed_dirs++;
        else
            ix->walk_unsure = true;     /* the folder's articles must not go */
    } else {
        ix->lane.stats.files_skipped++;
    }
    tw_ix_warn(ix, path, "%s", message);
}

/* For each file indexed before under the root: gone now?  Then so are its articles. */
static trawl_status drop_if_gone(void *ctx, const char *path)
{
    trawl_indexer *ix = ctx;
    if (tw_pathset_has(&ix->seen, path))
        return TRAWL_OK;
    for (size_t i = 0; i < ix->n_failed_dirs; i++)
        if (tw_root_holds(ix->failed_dirs[i], path))
            return TRAWL_OK;
    /* Removing a file's articles rewrites the posting lists of their words,
     * a commit each time the deletions fill the memory budget: on 3.2 GB,
     * the articles of half the files took six minutes, and the line said
     * nothing of it. */
    tw_lane_report(&ix->lane, NULL);
    char stage[96];
    snprintf(stage, sizeof stage, "removing the articles of files gone (%llu so far)",
             (unsigned long long)ix->stats.files_removed);
    pthread_mutex_lock(&ix->mu);
    tw_ix_progress(ix, NULL, stage);
    pthread_mutex_unlock(&ix->mu);
    uint64_t removed;
    trawl_status st = tw_lane_forget_path(&ix->lane, path, &removed);
    if (st == TRAWL_OK)
        ix->lane.stats.files_removed++;
    return st;
}

/* The files the run has met so far: those its lane has not reported yet
 * and those it has. */
static uint64_t files_met(const trawl_indexer *ix)
{
    return ix->stats.files_seen + ix->lane.stats.files_seen;
}

static trawl_status count_record(void *ctx, const char *path)
{
    (void)path;
    ++*(uint64_t *)ctx;
    return TRAWL_OK;
}

/* Whether the articles of the files gone from ROOT may go, the walk having
 * met MET files there: not when it met none, where files were indexed
 * before -- a disk or a share not mounted leaves its folder empty, and the
 * run would remove every article it gave.  That is reported as a failure
 * of ROOT (exit 1), not done. */
static bool may_drop_under(trawl_indexer *ix, const char *root, uint64_t met)
{
    uint64_t known = 0;
    if (met || tw_writer_files_under(ix->writer, root, count_record, &known, ix->errmsg,
                                     sizeof ix->errmsg) != TRAWL_OK || !known)
        return true;    /* a failed count fails again, and is reported, below */
    ix->lane.stats.files_seen++;
    ix->lane.stats.files_failed++;
    bool patterns = ix->opts.include || ix->opts.exclude;
    /* Above ".", ".." names its files otherwise, and is refused. */
    bool top = strcmp(root, ".") == 0;
    tw_ix_warn(ix, root,
               "no file here now%s, but the index holds the articles of %llu file%s from "
               "here: kept (is a disk not mounted?); to remove them, %s" TW_REBUILD_INDEX,
               patterns ? " that the include and exclude patterns let in" : "",
               (unsigned long long)known, known == 1 ? "" : "s",
               top ? "" : "index the folder above instead, or ");
    return false;
}

/* Relative PATHs name their files from the working folder, and ids hold
 * those names: from another folder, "." or "news" are other files under
 * the same ids -- replacing the articles of the first folder's files of the
 * same names, and removing the rest as gone.  Refuses a run in another
 * folder than the one the index's relative ids were named from (the same
 * device and inode, as a folder renamed or moved keeps, or the same path,
 * as a copy put back there has), and records the run's folder.  ROOT is
 * the run's PATH, normalised. */
static trawl_status check_base(trawl_indexer *ix, const char *root)
{
    char *here = tw_base_here();
    if (!here) {
        tw_ix_error(ix, "cannot tell the working folder: %s", strerror(errno));
        return TRAWL_EIO;
    }
    const char *had = ix->base ? ix->base
                      : ix->writer ? tw_writer_kept(ix->writer, TW_META_BASE) : "";
    if (tw_base_other(had, here)) {
        /* A folder in that one (its "news" given as "me/news" from /home)
         * keeps its ids only given as from there: in full from /, it is
         * refused as another spelling of the same files (check_roots). */
        char *there = tw_root_from(root, tw_base_path(had));
        if (there)
            tw_ix_error(ix, "index %s names its files from the folder %s (their ids are "
                        "paths from there), and this run is in %s: give '%s' there for "
                        "'%s', or " TW_REBUILD_NAMES "here", ix->store.dir,
                        tw_base_path(had), tw_base_path(here), there, root);
        else
            tw_ix_error(ix, "index %s names its files from the folder %s (their ids are "
                        "paths from there), and this run is in %s: run it there, give the "
                        "paths in full (from /), or " TW_REBUILD_NAMES "here", ix->store.dir,
                        tw_base_path(had), tw_base_path(here));
        free(there);
        free(here);
        return TRAWL_EINVAL;
    }
    free(ix->base);
    ix->base = here;
    return ix->writer ? tw_writer_keep(ix->writer, TW_META_BASE, here, ix->errmsg,
                                       sizeof ix->errmsg)
                      : TRAWL_OK;
}

/* Ids hold the paths as given, so a folder given under another name than
 * before ("/home/me/news" for "news", a symbolic link to it, the folder
 * above) is indexed again, each article twice, and the old names are
 * removed by no run but one under them.  Refuses ROOT (normalised) when a
 * root of an earlier run names its files otherwise (tw_roots_other_name),
 * and records ROOT, a folder, among the index's roots. */
static trawl_status check_roots(trawl_indexer *ix, const char *root)
{
    if (!ix->roots &&
        !(ix->roots = strdup(ix->writer ? tw_writer_kept(ix->writer, TW_META_ROOTS) : "")))
        return TRAWL_ENOMEM;
    const char *base = ix->base ? ix->base
                       : ix->writer ? tw_writer_kept(ix->writer, TW_META_BASE) : "";
    char *other = tw_roots_other_name(ix->roots, root, *base ? tw_base_path(base) : NULL);
    if (other) {
        tw_ix_error(ix, "index %s names the files of '%s' from '%s', as an earlier run was "
                    "given them (ids are paths as given: each article would be indexed "
                    "twice): give the path as that run did, or " TW_REBUILD_NAMES "'%s'",
                    ix->store.dir, root, other, root);
        free(other);
        return TRAWL_EINVAL;
    }
    /* Folders are recorded, files given by name are not: recorded, each
     * file (xargs over thousands of them) was compared with every one given
     * before it, each resolved anew, and 3,000 file names took 30 s, the
     * same run again 88 s, nearly all of it in realpath(3).  So a file
     * given by name is checked against the folders, not against another
     * file's spelling. */
    struct stat st;
    if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
        return TRAWL_OK;
    if (tw_roots_add(&ix->roots, root) < 0)
        return TRAWL_ENOMEM;
    return ix->writer ? tw_writer_keep(ix->writer, TW_META_ROOTS, ix->roots, ix->errmsg,
                                       sizeof ix->errmsg)
                      : TRAWL_OK;
}

static void end_walk(trawl_indexer *ix)
{
    tw_pathset_clear(&ix->seen);
    for (size_t i = 0; i < ix->n_failed_dirs; i++)
        free(ix->failed_dirs[i]);
    free(ix->failed_dirs);
    ix->failed_dirs = NULL;
    ix->n_failed_dirs = 0;
    ix->walk_unsure = false;
    ix->walk_files = 0;
}

/* Warns that the include patterns let no file of ROOT in: a run with
 * nothing to do said only "0 files" when a pattern had a bracket left open
 * or a name mistyped. */
static void warn_nothing_included(trawl_indexer *ix, const char *root)
{
    tw_buf names = { 0 };
    int rc = 0;
    for (size_t i = 0; ix->opts.include[i]; i++)
        rc |= tw_buf_printf(&names, "%s'%s'", i ? " or " : "", ix->opts.include[i]);
    if (rc == 0)
        tw_ix_warn(ix, root, "no file here matches the include pattern%s %s (one without '/' is "
                   "matched against file names, as in '*.html'; one with '/' against the "
                   "path)", ix->opts.include[0] && ix->opts.include[1] ? "s" : "", names.data);
    tw_buf_free(&names);
}

static int count_file(void *ctx, const char *path, const struct stat *st)
{
    (void)path;
    trawl_indexer *ix = ctx;
    ix->files_total++;
    ix->bytes_total += (uint64_t)st->st_size;
    return ix->interrupted ? TRAWL_EINTR : 0;
}

static void count_problem(void *ctx, const char *path, const char *message, bool failed)
{
    (void)path;
    (void)message;
    (void)failed;
    ((trawl_indexer *)ctx)->files_total++;   /* counted as seen by the real walk too */
}

/* The index's own folder, into *OWN, which a walk passes over: it may be
 * under a PATH (trawl-index -d ./idx .), and its files are not articles;
 * NULL when IX has none. */
static const struct stat *own_folder(const trawl_indexer *ix, struct stat *own)
{
    return ix->store.fd >= 0 && fstat(ix->store.fd, own) == 0 ? own : NULL;
}

/* Adds ROOT's files and bytes to the totals that progress reports carry
 * (only for them: the walk that indexes meets the same problems and
 * reports them). */
static void count_root(trawl_indexer *ix, const char *root, const struct stat *skip)
{
    tw_walk counter = { ix->opts.include, ix->opts.exclude, count_file, count_problem, ix,
                        skip };
    TW_IGNORE(tw_walk_run(&counter, root));
}

trawl_status trawl_indexer_count_path(trawl_indexer *ix, const char *path)
{
    if (!ix || !path || !*path) {
        if (ix)
            tw_ix_error(ix, "no path given");
        return TRAWL_EINVAL;
    }
    char *root = tw_root_normalise(path);
    if (!root)
        return TRAWL_ENOMEM;
    struct stat own;
    count_root(ix, root, own_folder(ix, &own));
    free(root);
    if (!ix->interrupted)
        return TRAWL_OK;
    tw_ix_error(ix, "interrupted");
    ix->interrupted = 0;    /* the request is answered */
    return TRAWL_EINTR;
}

trawl_status trawl_indexer_add_path(trawl_indexer *ix, const char *path)
{
    if (!ix || !path || !*path) {
        if (ix)
            tw_ix_error(ix, "no path given");
        return TRAWL_EINVAL;
    }
    if (!tw_ix_writable(ix))
        return tw_ix_unwritable(ix);
    if (!tw_ix_extracting(ix) && tw_ix_part_named(ix) != TRAWL_OK)
        return TRAWL_EINVAL;
    ix->asked = true;
    char *root = tw_root_normalise(path);
    if (!root)
        return TRAWL_ENOMEM;
    trawl_status st = TRAWL_OK;
    if (!tw_ix_extracting(ix) &&
        ((path[0] != '/' && (st = check_base(ix, root)) != TRAWL_OK) ||
         (st = check_roots(ix, root)) != TRAWL_OK)) {
        free(root);
        return st;
    }
    /* A fresh index is built in bulk: in parallel, then merged (bulk.c); so
     * is one that a stopped bulk build left, from where it stopped. */
    if ((ix->fresh || ix->resume) && !ix->bulk)
        st = tw_bulk_begin(ix);
    if (st == TRAWL_OK && ix->bulk)
        st = tw_bulk_start_workers(ix);
    if (st != TRAWL_OK) {
        free(root);
        return st;
    }
    struct stat own;
    const struct stat *skip = own_folder(ix, &own);
    if (ix->opts.count_first)
        count_root(ix, root, skip);
    tw_walk w = { ix->opts.include, ix->opts.exclude, index_file, walk_problem, ix, skip };
    uint64_t met_before = files_met(ix);
    bool kept = false;      /* may_drop_under kept the articles, and said why */
    int rc = tw_walk_run(&w, root);
    if (ix->bulk) {
        /* The walk may be over long before the workers are. */
        trawl_status done = tw_bulk_stop_workers(ix);
        if (rc <= 0 && done != TRAWL_OK)
            rc = (int)done;
        else if (rc <= 0 && ix->interrupted)
            rc = TRAWL_EINTR;
    }
    tw_lane_report(&ix->lane, NULL);
    if (rc > 0 && ix->bulk)
        tw_bulk_cut_short(ix);
    if (rc > 0) {
        st = (trawl_status)rc;
        if (st == TRAWL_EINTR) {
            tw_ix_error(ix, "interrupted");
            ix->interrupted = 0;    /* the request is answered */
        }
    } else if (rc == 0 && ix->writer && !ix->walk_unsure) {
        /* Only a walk that saw everything may say what is gone.  (A root that
         * cannot be read at all, rc < 0, was reported and counted as failed;
         * a folder that could not be read nor remembered leaves all as it is.
         * A fresh bulk build has no writer of the index, nor anything gone.) */
        if (may_drop_under(ix, root, files_met(ix) - met_before))
            st = tw_writer_files_under(ix->writer, root, drop_if_gone, ix, ix->errmsg,
                                       sizeof ix->errmsg);
        else
            kept = true;
    }
    if (rc == 0 && st == TRAWL_OK && !kept && !ix->walk_files && ix->opts.include &&
        *ix->opts.include)
        warn_nothing_included(ix, root);
    end_walk(ix);
    free(root);
    return st;
}
