/* trawl_index.c - main() of trawl-index: options in, libtrawl calls, messages out. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "trawl.h"
#include "article_json.h"
#include "buf.h"
#include "cli.h"
#include "index_cli.h"
#include "progress_line.h"
#include "roots.h"
#include "stub.h"
#include "warn_groups.h"

typedef struct run {
    bool quiet, verbose, progress;
    tw_warn_groups warned;      /* how often each message was warned of */
    tw_progress_line bar;       /* the progress line on the terminal */
    struct timespec start, last_draw;
    double read_secs;           /* when a fresh build's end began, or 0 before */
    tw_buf line;                /* --extract: the JSON line being printed */
    int write_errno;            /* --extract: why stdout could not be written (EPIPE:
                                   its reader has gone), or 0 */
    trawl_indexer *ix;          /* --extract: the indexer to stop when the reader goes */
} run;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void clear_progress(run *r)
{
    tw_progress_line_clear(&r->bar, stderr);
}

static void on_warning(void *ctx, const char *path, const char *message)
{
    run *r = ctx;
    if (r->quiet || (!r->verbose && !tw_warn_groups_show(&r->warned, message)))
        return;
    clear_progress(r);
    fputs("trawl-index: ", stderr);
    if (path && *path) {
        tw_cli_put_path(stderr, path);
        fputs(": ", stderr);
    }
    /* A remedy said in the library's terms (errors.h), and in the tool's. */
    size_t len = strlen(message), end = strlen(TW_REBUILD_INDEX);
    bool rebuild = len >= end && strcmp(message + len - end, TW_REBUILD_INDEX) == 0;
    fprintf(stderr, "%s%s\n", message, rebuild ? " (--full)" : "");
}

/* SECS as m:ss, or h:mm:ss from an hour, into OUT. */
static const char *duration(double secs, char out[32])
{
    unsigned long s = secs > 0 ? (unsigned long)(secs + 0.5) : 0;
    if (s >= 3600)
        snprintf(out, 32, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, 32, "%lu:%02lu", s / 60, s % 60);
    return out;
}

/* After the files, a fresh build merges its workers' parts and more, for
 * minutes on gigabytes: the line says which step, and since when, so that a
 * bar at 100% does not look stuck.  On a narrow terminal the step alone. */
static int step_text(run *r, const trawl_progress *p, double secs)
{
    if (!r->read_secs)
        r->read_secs = secs;
    char t[32];
    tw_buf *b = &r->bar.text;
    int rc = tw_progress_line_part(&r->bar, 1, "");
    rc |= tw_buf_printf(b, "finishing the index (%s so far):", duration(secs - r->read_secs, t));
    rc |= tw_progress_line_part(&r->bar, 0, " ");
    return rc | tw_buf_puts(b, p->stage);
}

/* The progress line's parts: files done of how many, and the time left to
 * read the others.  A narrow terminal loses first the rate, then the bytes,
 * the articles and the count of files: the percentage and the time left are
 * what one waits for. */
static int files_text(run *r, const trawl_progress *p, double secs)
{
    tw_progress_line *l = &r->bar;
    double mb = (double)p->bytes_done / 1e6, rate = secs > 0 ? mb / secs : 0.0;
    /* Files done, or bytes read when that is further: one big web archive
     * is one file, read for minutes. */
    double done = p->files_total ? (double)p->files_done / (double)p->files_total : 0;
    if (p->bytes_total && (double)p->bytes_done / (double)p->bytes_total > done)
        done = (double)p->bytes_done / (double)p->bytes_total;
    unsigned counted = p->files_total ? 1 : 0;     /* ranks below the percentage */
    int rc = 0;
    if (counted) {
        rc |= tw_progress_line_part(l, 0, "");
        rc |= tw_buf_printf(&l->text, "%3.0f%%", 100.0 * (done < 1 ? done : 1));
        rc |= tw_progress_line_part(l, 2, " ");
        rc |= tw_buf_printf(&l->text, "%llu/%llu files", (unsigned long long)p->files_done,
                            (unsigned long long)p->files_total);
    } else {
        rc |= tw_progress_line_part(l, 0, "");
        rc |= tw_buf_printf(&l->text, "%llu files", (unsigned long long)p->files_done);
    }
    rc |= tw_progress_line_part(l, 1 + 2 * counted, ", ");
    rc |= tw_buf_printf(&l->text, "%llu articles", (unsigned long long)p->articles);
    rc |= tw_progress_line_part(l, 2 + 2 * counted, ", ");
    rc |= tw_buf_printf(&l->text, "%.1f MB", mb);
    rc |= tw_progress_line_part(l, 3 + 2 * counted, ", ");
    rc |= tw_buf_printf(&l->text, "%.1f MB/s", rate);
    /* The time left to read the files, at the pace so far, once there is a
     * pace to go by. */
    if (counted && done >= 0.01 && done < 1 && secs >= 2) {
        char t[32];
        rc |= tw_progress_line_part(l, 1, ", ");
        rc |= tw_buf_printf(&l->text, "%s left", duration(secs * (1 - done) / done, t));
    }
    return rc;
}

static void on_progress(void *ctx, const trawl_progress *p)
{
    run *r = ctx;
    /* Each step is drawn; files at most ten times a second. */
    if (!r->progress || (!p->stage && seconds_since(&r->last_draw) < 0.1))
        return;
    clock_gettime(CLOCK_MONOTONIC, &r->last_draw);
    double secs = seconds_since(&r->start);
    tw_progress_line_start(&r->bar);
    if ((p->stage ? step_text(r, p, secs) : files_text(r, p, secs)) == 0)
        tw_progress_line_draw(&r->bar, stderr, tw_cli_columns(2));
}

/* --extract: each article the indexer would write, as one JSON line on stdout.
 * The indexer stops at the first line that cannot be written (a full disk),
 * and, without an error, when the reader has gone (| head: it read what it
 * wanted). */
static int print_article(void *ctx, const trawl_article *a)
{
    run *r = ctx;
    if (r->write_errno == EPIPE)
        return 0;
    tw_buf_clear(&r->line);
    errno = 0;
    if (tw_article_json(&r->line, a) < 0 || tw_buf_putc(&r->line, '\n') < 0 ||
        fwrite(r->line.data, 1, r->line.len, stdout) != r->line.len ||
        /* stdio may take the line after failing to write out the one before */
        ferror(stdout)) {
        r->write_errno = errno ? errno : ENOMEM;
        if (errno == EPIPE) {
            trawl_indexer_interrupt(r->ix);
            return 0;
        }
        return -1;
    }
    return 0;
}

/* The summary of a compaction.  One that gave nothing back said "0.8 MB ->
 * 0.8 MB", and one that gave back kilobytes the same: the sizes get the
 * decimals that tell them apart, and equal ones are said to be.  An index
 * as a build or a compaction left it is not rewritten (REWRITTEN false),
 * which is said too: it read as a compaction that gave nothing back. */
static void print_compacted(uint64_t before, uint64_t after, bool rewritten, double secs)
{
    double b = (double)before / 1e6, a = (double)after / 1e6;
    if (!rewritten) {
        printf("index left as it was: %.1f MB, compact since it was built or compacted "
               "(no article written or deleted since)\n", b);
        return;
    }
    if (before == after) {
        printf("index compacted: %.1f MB, no smaller in %.2f s\n", b, secs);
        return;
    }
    int decimals = 1;
    char bs[32], as[32];
    do {
        snprintf(bs, sizeof bs, "%.*f", decimals, b);
        snprintf(as, sizeof as, "%.*f", decimals, a);
    } while (strcmp(bs, as) == 0 && ++decimals <= 6);
    printf("index compacted: %s MB -> %s MB in %.2f s\n", bs, as, secs);
}

/* Stopping on Ctrl-C, SIGTERM or SIGHUP (the terminal that ran it closed,
 * which killed the run at once: a first build lost all it had read).  The
 * first signal asks the indexer to stop
 * (it then commits what it has) and wakes the watchdog; if the indexer has not
 * returned within STOP_GRACE seconds (a merge of a big first build, a stuck
 * parse), the watchdog ends the process, as a second signal does at once
 * (but the same signal repeated within a second, which is the same request).
 * Ending a process never spoils the index: each commit, and the switch to a
 * new generation, is atomic, so the last commit is what the index holds. */
#define STOP_GRACE 5

static trawl_indexer *volatile running;
static sem_t stop_asked, stopped;

static const char FORCED[] =
    "trawl-index: stopped before the work in progress was committed; the index holds "
    "its last commit; run the same command again to finish\n";

/* The first signal, and when it came (CLOCK_MONOTONIC, ns; 0 until set).
 * A handler may run on any of the process's threads, two at once, or one
 * inside another: which signal is first is decided by one atomic step. */
static atomic_int first_signal;
static atomic_llong first_at;

static void on_signal(int sig)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);        /* async-signal-safe */
    long long now = (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
    int first = 0;
    if (atomic_compare_exchange_strong(&first_signal, &first, sig)) {
        atomic_store(&first_at, now);
        trawl_indexer_interrupt(running);
        sem_post(&stop_asked);      /* async-signal-safe */
        return;
    }
    /* The same signal again within a second is the same request: timeout(1)
     * sends SIGTERM to the run and then to its whole process group (at
     * once, maybe, on two threads: before the first has said when). */
    long long at = atomic_load(&first_at);
    if (sig == first && (at == 0 || now - at < 1000000000LL))
        return;
    ssize_t n = write(2, FORCED, sizeof FORCED - 1);
    (void)n;
    _exit(130);
}

/* Asks for the stop on SIGHUP, unless it came in ignored: nohup ignores
 * it so that the run outlives its terminal.  (SIGINT and SIGTERM are
 * always taken: a script that starts 'trawl-index ... &', which a shell
 * runs with SIGINT ignored, stops it with kill -INT.) */
static void stop_on_hangup(const struct sigaction *sa)
{
    struct sigaction was;
    if (sigaction(SIGHUP, NULL, &was) == 0 && was.sa_handler == SIG_IGN)
        return;
    sigaction(SIGHUP, sa, NULL);
}

static void *watchdog(void *arg)
{
    (void)arg;
    while (sem_wait(&stop_asked) < 0)
        ;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += STOP_GRACE;
    while (sem_timedwait(&stopped, &until) < 0)
        if (errno == ETIMEDOUT) {
            ssize_t n = write(2, FORCED, sizeof FORCED - 1);
            (void)n;
            _exit(130);
        }
    return NULL;
}

/* Opens the index for writing; with WAIT, retries while another writer has it. */
static trawl_status open_waiting(const char *path, const trawl_indexer_opts *opts,
                                 uint64_t wait, trawl_indexer **ix)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        trawl_status st = trawl_indexer_open(path, opts, ix);
        if (st != TRAWL_ELOCKED || seconds_since(&start) >= (double)wait)
            return st;
        trawl_indexer_close(*ix);   /* it opened nothing: no commit to fail */
        nanosleep(&(struct timespec){ 0, 100 * 1000 * 1000 }, NULL);
    }
}

/* Whether the index would come from a $TRAWL_DB that trawl-query reads as
 * several indexes, or a remote one ("a:b", "tcp://HOST:PORT"): trawl-index
 * writes one folder, and made it under the whole string ("tcp:" in the
 * working folder), where no search would look. */
static bool env_lists_indexes(const tw_index_args *a)
{
    const char *env = getenv("TRAWL_DB");
    return !a->extract && !(a->db && *a->db) && env && strchr(env, ':');
}

/* Whether DIR holds an index: the stub naming its generation, or a glass
 * database written before generations. */
static bool index_is_there(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, TW_STUB_FILE);
    if (access(path, F_OK) == 0)
        return true;
    snprintf(path, sizeof path, "%s/iamglass", dir);
    return access(path, F_OK) == 0;
}

/* Says what to do when another writer holds the index: wait for it, or, when
 * WAITED seconds of --wait ran out, wait longer (asking for --wait again would
 * tell the user to do what they did). */
static void locked_hint(uint64_t waited)
{
    if (waited)
        fprintf(stderr, "trawl-index: it still held the index after --wait %llu: give a "
                "longer --wait, or run again once it has finished\n",
                (unsigned long long)waited);
    else
        fprintf(stderr, "trawl-index: one writer at a time: wait for it to finish, or give "
                "--wait SECONDS to wait for the lock\n");
}

/* Reports a fatal error; WRITING says the index was open, so its last commit is
 * there to keep. */
static int fatal(const char *what, trawl_status st, const char *detail, bool writing)
{
    fprintf(stderr, "trawl-index: %s: %s\n", what, detail && *detail ? detail
                                                                      : trawl_strerror(st));
    if (st == TRAWL_ECORRUPT || st == TRAWL_ESCHEMA)
        tw_cli_rebuild_hint("trawl-index", what, detail);
    else if (st == TRAWL_EIO && detail && strstr(detail, TW_OUT_OF_FILES_ADVICE)) {
        /* The library said what to do: no disk is at fault. */
        if (writing)
            fprintf(stderr, "trawl-index: the index keeps its last commit\n");
    }
    else if (st == TRAWL_EIO && writing)
        fprintf(stderr, "trawl-index: the index keeps its last commit; make room on the "
                "disk (or make the index folder writable) and run again\n");
    else if (st == TRAWL_EIO)
        fprintf(stderr, "trawl-index: check that the index folder can be created and "
                "written, and that the disk has room\n");
    return 2;
}

/* The library's message WHY, about the index DIR refused as the run A asks
 * for it, says in the library's terms what to give instead or how to
 * rebuild it (errors.h): this says it in trawl-index's options. */
static void options_hint(const char *dir, const tw_index_args *a, const char *why)
{
    if (!why)
        return;
    if (a->stem && strstr(why, TW_REBUILD_STEMMER)) {
        fprintf(stderr, "trawl-index: leave --stem out to keep the index's stemmer, or "
                "rebuild it from the articles with this one: trawl-index --full --stem %s "
                "-d %s PATH...\n", a->stem, dir);
    } else if (strstr(why, TW_REBUILD_PART)) {
        fprintf(stderr, "trawl-index: give the part it holds as --shard K/N (none for the "
                "whole collection), or rebuild it from the articles as this run asks: "
                "trawl-index --full");
        if (a->shards)
            fprintf(stderr, " --shard %u/%u", a->shard, a->shards);
        fprintf(stderr, " -d %s PATH...\n", dir);
    } else if (strstr(why, TW_REBUILD_NAMES)) {
        fprintf(stderr, "trawl-index: to rebuild it from the articles, naming its files as "
                "this run does: trawl-index --full -d %s PATH...\n", dir);
    }
}

int main(int argc, char **argv)
{
    tw_cli_ignore_sigpipe();
    tw_index_args args;
    char err[512];
    if (tw_index_args_parse(argc, argv, &args, err, sizeof err) < 0) {
        fprintf(stderr, "trawl-index: %s\nTry 'trawl-index --help' for more.\n", err);
        tw_index_args_free(&args);
        return 2;
    }
    /* --extract writes each article's line with one fwrite: unbuffered,
     * that is one write(2) whatever its length, so that the lines of runs
     * appending to one file (xargs -P) never cut into each other. */
    if (args.extract)
        setvbuf(stdout, NULL, _IONBF, 0);
    if (args.help || args.version) {
        int code = tw_cli_help_or_version("trawl-index", tw_index_usage, args.help);
        tw_index_args_free(&args);
        return code;
    }
    /* --extract has no index: its messages name standard output instead. */
    char *db_path = args.extract ? strdup("standard output") : tw_cli_db_path(args.db);
    if (!db_path && args.extract) {
        fprintf(stderr, "trawl-index: out of memory\n");
        tw_index_args_free(&args);
        return 2;
    }
    if (!db_path) {
        fprintf(stderr, "trawl-index: no index location: give -d DIR or set TRAWL_DB\n");
        tw_index_args_free(&args);
        return 2;
    }
    if (env_lists_indexes(&args)) {
        fprintf(stderr, "trawl-index: TRAWL_DB is '%s': several indexes or a remote one, "
                "for trawl-query to search; trawl-index writes one folder: give it -d DIR\n",
                db_path);
        free(db_path);
        tw_index_args_free(&args);
        return 2;
    }

    /* A PATH that is not there is a typing mistake, not an empty collection:
     * say so before an index is made or touched. */
    for (size_t i = 0; i < args.n_paths; i++) {
        struct stat st;
        if (lstat(args.paths[i], &st) < 0) {
            fprintf(stderr, "trawl-index: %s: %s%s\n", args.paths[i], strerror(errno),
                    args.extract ? "" : "; nothing was indexed");
            free(db_path);
            tw_index_args_free(&args);
            return 2;
        }
    }

    /* --compact or --check alone is about an index that is there: opened, a
     * mistyped -d would have made an empty one.  A file there can hold
     * none, nor be given one (it was told to build one with -d FILE). */
    if ((args.compact || args.check) && args.n_paths == 0 && !index_is_there(db_path)) {
        struct stat db_st;
        if (stat(db_path, &db_st) == 0 && !S_ISDIR(db_st.st_mode))
            fprintf(stderr, "trawl-index: %s is a file, not an index folder: name the "
                    "folder of the index to %s\n", db_path, args.compact ? "compact" : "check");
        else
            fprintf(stderr, "trawl-index: %s: no index here to %s; build one with "
                    "trawl-index -d %s PATH...\n", db_path, args.compact ? "compact" : "check",
                    db_path);
        free(db_path);
        tw_index_args_free(&args);
        return 2;
    }

    /* A PATH inside another one given ("corpus corpus/weather", "news
     * news/") is walked with it: walked again, its files were counted twice. */
    if (tw_roots_outermost(args.paths, &args.n_paths) < 0) {
        fprintf(stderr, "trawl-index: out of memory\n");
        free(db_path);
        tw_index_args_free(&args);
        return 2;
    }

    run r = { .quiet = args.quiet, .verbose = args.verbose };
    /* Articles printed to the terminal would be broken up by the progress line. */
    r.progress = args.progress == TW_PROGRESS_ALWAYS ||
                 (args.progress == TW_PROGRESS_AUTO && !args.quiet && isatty(2) &&
                  !(args.extract && isatty(1)));
    clock_gettime(CLOCK_MONOTONIC, &r.start);

    trawl_indexer_opts opts = {
        .size = sizeof opts,
        .stemmer = args.stem, .overwrite = args.full,
        .include = args.include, .exclude = args.exclude,
        .max_file_bytes = args.max_file_bytes,
        .max_inflated_bytes = args.max_inflated_bytes,
        .max_text_bytes = args.max_text_bytes,
        .max_html_bytes = args.max_html_bytes,
        .max_members = args.max_members,
        .file_seconds = args.file_seconds,
        .keep_boilerplate = args.keep_boilerplate,
        .check = args.check,
        .jobs = (unsigned)args.jobs, .memory_bytes = args.memory_bytes,
        .on_warning = on_warning, .on_progress = on_progress, .ctx = &r,
        .on_extract = args.extract ? print_article : NULL,
        .shard = args.shard, .shards = args.shards,
    };
    trawl_indexer *ix;
    trawl_status st = args.extract ? trawl_indexer_open(NULL, &opts, &ix)
                                   : open_waiting(db_path, &opts, args.wait_seconds, &ix);
    int exit_code = 0;
    if (st != TRAWL_OK) {
        exit_code = fatal(db_path, st, trawl_indexer_errmsg(ix), false);
        if (st == TRAWL_ELOCKED)    /* the lock is taken when the index opens */
            locked_hint(args.wait_seconds);
        else if (st == TRAWL_EINVAL)
            options_hint(db_path, &args, trawl_indexer_errmsg(ix));
        trawl_indexer_close(ix);    /* it opened nothing: no commit to fail */
        goto out;
    }
    /* Ctrl-C and kill stop the run within STOP_GRACE seconds; what is done is
     * committed when there is time for it. */
    running = r.ix = ix;
    pthread_t dog;
    sem_init(&stop_asked, 0, 0);
    sem_init(&stopped, 0, 0);
    sigset_t stops, was;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stops, &was);   /* the watchdog takes none */
    bool dog_runs = pthread_create(&dog, NULL, watchdog, NULL) == 0;
    pthread_sigmask(SIG_SETMASK, &was, NULL);
    struct sigaction sa = { .sa_handler = on_signal };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    stop_on_hangup(&sa);
    bool interrupted = false;
    /* Every PATH counted before the first is read: counted as each was
     * reached, the files a shell's glob gave showed 100% after each one. */
    for (size_t i = 0; r.progress && i < args.n_paths && !interrupted; i++)
        interrupted = trawl_indexer_count_path(ix, args.paths[i]) == TRAWL_EINTR;
    for (size_t i = 0; i < args.n_paths && exit_code == 0 && !interrupted; i++) {
        st = trawl_indexer_add_path(ix, args.paths[i]);
        if (st == TRAWL_EINTR)
            interrupted = true;
        else if (st != TRAWL_OK && r.write_errno)
            exit_code = 2;      /* said with the other output's end, below */
        else if (st != TRAWL_OK) {
            exit_code = fatal(db_path, st, trawl_indexer_errmsg(ix), true);
            if (st == TRAWL_EINVAL)
                options_hint(db_path, &args, trawl_indexer_errmsg(ix));
        }
    }
    trawl_indexer_stats s;
    trawl_indexer_stats_get(ix, &s, sizeof s);    /* fails only without a handle */
    /* Whatever happened above, keep every article added so far. */
    st = trawl_indexer_commit(ix);
    if (st != TRAWL_OK && exit_code == 0)
        exit_code = fatal(db_path, st, trawl_indexer_errmsg(ix), true);
    uint64_t bytes_before = 0, bytes_after = 0;
    double compact_secs = 0;
    bool rewritten = false;
    if (args.compact && exit_code == 0 && !interrupted) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        st = trawl_indexer_compact(ix, &bytes_before, &bytes_after);
        compact_secs = seconds_since(&t);
        trawl_indexer_stats c;
        rewritten = trawl_indexer_stats_get(ix, &c, sizeof c) == TRAWL_OK && c.compactions > 0;
        if (st == TRAWL_EINTR)
            interrupted = true;     /* stopped: the old index stays */
        else if (st != TRAWL_OK)
            exit_code = fatal(db_path, st, trawl_indexer_errmsg(ix), true);
    }
    /* Let go before the handle is freed: a signal between the two marked the
     * freed handle.  A handler on another thread is one of the handle's
     * workers, which closing waits for, or none (the watchdog's are blocked). */
    running = NULL;
    trawl_indexer_close(ix);    /* the commit above was the last: its status is checked */
    sem_post(&stopped);         /* the watchdog has nothing left to do */
    if (dog_runs) {
        /* Woken as by a signal, it finds the work stopped and returns:
         * joined, not detached, its stack is freed before exit, which
         * valgrind had shown as 304 bytes "possibly lost". */
        sem_post(&stop_asked);
        pthread_join(dog, NULL);
    }
    clear_progress(&r);
    tw_warn_groups_finish(&r.warned, stderr);
    if (exit_code == 0 && r.write_errno == EPIPE) {
        /* --extract's reader stopped reading: a request, not a failure. */
        exit_code = s.files_failed ? 1 : 0;
    } else if (exit_code == 0 && interrupted && args.extract) {
        fprintf(stderr, "trawl-index: interrupted\n");
        exit_code = 130;
    } else if (exit_code == 0 && interrupted) {
        fprintf(stderr, "trawl-index: interrupted: what was indexed is kept; run the same "
                "command again to finish\n");
        exit_code = 130;
    } else if (exit_code == 0 && s.files_failed) {
        exit_code = 1;
    }
    /* With --extract, stdout holds the articles: the summary goes apart. */
    if (!args.quiet && args.extract)
        fprintf(stderr, "%llu files: %llu extracted, %llu skipped, %llu failed; "
                "%llu articles; %.1f MB in %.2f s\n",
                (unsigned long long)s.files_seen, (unsigned long long)s.files_indexed,
                (unsigned long long)s.files_skipped, (unsigned long long)s.files_failed,
                (unsigned long long)s.articles, (double)s.bytes / 1e6,
                seconds_since(&r.start));
    /* A run refused before its first file (a PATH spelt otherwise than the
     * index's) did nothing to sum up, as one refused at its start. */
    else if (!args.quiet && args.n_paths && !(exit_code == 2 && s.files_seen == 0))
        printf("%llu files: %llu indexed, %llu unchanged, %llu skipped, %llu failed, "
               "%llu removed; %llu articles written, %llu deleted; %.1f MB in %.2f s\n",
               (unsigned long long)s.files_seen, (unsigned long long)s.files_indexed,
               (unsigned long long)s.files_unchanged, (unsigned long long)s.files_skipped,
               (unsigned long long)s.files_failed, (unsigned long long)s.files_removed,
               (unsigned long long)s.articles, (unsigned long long)s.articles_removed,
               (double)s.bytes / 1e6, seconds_since(&r.start));
    if (!args.quiet && bytes_before)
        print_compacted(bytes_before, bytes_after, rewritten, compact_secs);
    /* --check alone: the open checked it, and nothing was to change. */
    if (!args.quiet && args.check && !args.compact && !args.n_paths && exit_code == 0)
        printf("index %s: its tables and its records' checksums passed the check\n", db_path);
out:
    exit_code = tw_cli_end_output("trawl-index", exit_code, r.write_errno);
    tw_warn_groups_finish(&r.warned, stderr);     /* those of a failed start */
    tw_buf_free(&r.line);
    tw_progress_line_free(&r.bar);
    free(db_path);
    tw_index_args_free(&args);
    return exit_code;
}
