/* index_cli.c - option parsing for trawl-index. */
#include "index_cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "trawl.h"

const char tw_index_usage[] =
    "Usage: trawl-index [OPTION]... PATH...\n"
    "       trawl-index --compact [OPTION]... [PATH]...\n"
    "       trawl-index --check [OPTION]... [PATH]...\n"
    "       trawl-index --extract [OPTION]... PATH...\n"
    "Index the articles in each PATH (a file or a folder, walked recursively).\n"
    "A PATH that starts with '-' needs '--' before the PATHs (or ./).\n"
    "\n"
    "      --extract           write no index: print each article as it would be\n"
    "                          indexed, one JSON object per line on stdout (keys id,\n"
    "                          path, title, date, url, site, author, body); the\n"
    "                          summary goes to stderr\n"
    "  -d, --db DIR            index folder (default: $TRAWL_DB, else\n"
    "                          $XDG_DATA_HOME/trawl/default or ~/.local/share/trawl/default)\n"
    "  -j, --jobs N            worker threads building a new index (default: one per\n"
    "                          core); updates of an existing index use one writer\n"
    "      --memory MB         memory for changes not yet written, about (default\n"
    "                          16 building a new index, 64 updating one; a size\n"
    "                          like 1G works too)\n"
    "      --full              rebuild the index from scratch\n"
    "      --compact           then rewrite the index compact (PATHs are optional):\n"
    "                          updated run by run, an index grows to about twice\n"
    "                          a fresh build; worth it once it stops changing\n"
    "      --check             check the index's tables before changing it (Xapian's\n"
    "                          check: about a second per 45 MB of index); a damaged\n"
    "                          one is reported (exit 2) instead of written to;\n"
    "                          without PATHs, only checks it\n"
    "      --stem LANG|none|auto  stemming language of a new index for every article;\n"
    "                          auto (the default): each article's own language,\n"
    "                          english when Xapian has no stemmer for it\n"
    "      --include GLOB      index only files whose name (or path, if GLOB has a /)\n"
    "                          matches; may be repeated\n"
    "      --exclude GLOB      leave out matching files and folders; may be repeated\n"
    "      --max-file-size SIZE    bytes read per file (default 64M)\n"
    "      --max-inflated SIZE     bytes decompressed per compressed file, or\n"
    "                          unpacked from all the members of an archive (default 256M)\n"
    "      --max-members N         entries read per archive (tar, zip, 7z; default 10000)\n"
    "      --max-text SIZE         text indexed per article (default 16M)\n"
    "      --max-html SIZE         bytes of an HTML page parsed (default 16M)\n"
    "      --file-timeout SECONDS  CPU time a file may take, and as much again per\n"
    "                          64 MiB it holds, before it is abandoned with a warning\n"
    "                          (default 60; 0: no limit)\n"
    "      --shard K/N         index only the articles whose id hashes to K of N\n"
    "                          (1 <= K <= N): N indexes given the same files split\n"
    "                          the collection, each article into one of them\n"
    "      --keep-boilerplate  index article text as it is: do not cut a repeated\n"
    "                          title, comment forms, share blocks, related posts\n"
    "      --wait SECONDS      if another trawl-index holds the index, wait for it\n"
    "                          (default: fail at once)\n"
    "  -q, --quiet             print no warnings and no summary\n"
    "  -v, --verbose           name every file a warning is about (default: the\n"
    "                          first 10 with the same warning, then how many more)\n"
    "      --progress auto|always|never   progress on stderr (default auto: when\n"
    "                          stderr is a terminal)\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n"
    "\n"
    "Re-runs are incremental: unchanged files are skipped, changed ones replaced,\n"
    "and files gone from under a PATH have their articles removed.\n"
    "SIZE takes a K, M or G suffix.  Exit status: 0 done; 1 done, but some inputs\n"
    "failed (each named on stderr); 2 fatal error (bad option, index locked or\n"
    "unwritable); 130 interrupted (what was done is kept; run again to finish).\n";

enum { OPT_FULL = 256, OPT_STEM, OPT_INCLUDE, OPT_EXCLUDE, OPT_MAX_FILE,
       OPT_MAX_INFLATED, OPT_MAX_TEXT, OPT_PROGRESS, OPT_KEEP_BOILERPLATE, OPT_WAIT,
       OPT_MEMORY, OPT_MAX_HTML, OPT_FILE_TIMEOUT, OPT_CHECK, OPT_EXTRACT, OPT_SHARD,
       OPT_MAX_MEMBERS, OPT_COMPACT };

static const struct option long_options[] = {
    { "db",            required_argument, NULL, 'd' },
    { "jobs",          required_argument, NULL, 'j' },
    { "full",          no_argument,       NULL, OPT_FULL },
    { "check",         no_argument,       NULL, OPT_CHECK },
    { "compact",       no_argument,       NULL, OPT_COMPACT },
    { "extract",       no_argument,       NULL, OPT_EXTRACT },
    { "shard",         required_argument, NULL, OPT_SHARD },
    { "stem",          required_argument, NULL, OPT_STEM },
    { "include",       required_argument, NULL, OPT_INCLUDE },
    { "exclude",       required_argument, NULL, OPT_EXCLUDE },
    { "max-file-size", required_argument, NULL, OPT_MAX_FILE },
    { "max-inflated",  required_argument, NULL, OPT_MAX_INFLATED },
    { "max-text",      required_argument, NULL, OPT_MAX_TEXT },
    { "max-members",   required_argument, NULL, OPT_MAX_MEMBERS },
    { "max-html",      required_argument, NULL, OPT_MAX_HTML },
    { "file-timeout",  required_argument, NULL, OPT_FILE_TIMEOUT },
    { "keep-boilerplate", no_argument,    NULL, OPT_KEEP_BOILERPLATE },
    { "wait",          required_argument, NULL, OPT_WAIT },
    { "memory",        required_argument, NULL, OPT_MEMORY },
    { "quiet",         no_argument,       NULL, 'q' },
    { "verbose",       no_argument,       NULL, 'v' },
    { "progress",      required_argument, NULL, OPT_PROGRESS },
    { "help",          no_argument,       NULL, 'h' },
    { "version",       no_argument,       NULL, 'V' },
    { NULL, 0, NULL, 0 }
};

/* Appends S to the NULL-terminated array *list. */
static int push(const char ***list, const char *s)
{
    size_t n = 0;
    while (*list && (*list)[n])
        n++;
    const char **more = realloc(*list, (n + 2) * sizeof *more);
    if (!more)
        return -1;
    more[n] = s;
    more[n + 1] = NULL;
    *list = more;
    return 0;
}

/* The first argument that getopt would read as options but that is a file
 * or folder here, or NULL.  A folder's '*' gives its files' names as they
 * are, and '-' sorts first: "trawl-index -d IDX *" beside "-draft.txt" built
 * a new index at "raft.txt" (-d raft.txt, the last -d) and left that file
 * and IDX alone, with exit 0; a file named "--full" rebuilt the index.
 * Options' values, and everything after "--", are passed over. */
static const char *option_that_is_a_file(int argc, char **argv)
{
    struct stat st;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0)
            return NULL;
        if (arg[0] != '-' || !arg[1])
            continue;           /* a PATH */
        if (lstat(arg, &st) == 0)
            return arg;
        /* Its value in the next argument: "--db DIR", "-d DIR", "-qj 2". */
        const char *takes = arg[1] == '-' ? NULL : strpbrk(arg + 1, "dj");
        if (arg[1] == '-' ? tw_cli_long_needs_next(long_options, arg + 2) : takes && !takes[1])
            i++;
    }
    return NULL;
}

int tw_index_args_parse(int argc, char **argv, tw_index_args *a, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    const char *file = option_that_is_a_file(argc, argv);
    if (file) {
        snprintf(err, errlen, "'%s' names a file or folder here, but would be read as "
                 "options: put '--' before the PATHs (trawl-index -d DIR -- *), or write it "
                 "./%s", file, file);
        return -1;
    }
    optind = 0;         /* glibc: restart parsing from scratch (tests parse often) */
    opterr = 0;
    int c;
    const char *index_only = NULL;  /* an option about the index, for --extract */
    while ((c = getopt_long(argc, argv, ":d:j:qvhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'd':
            /* A script's -d "$IDX" with IDX unset: the default index was
             * written, the user's own. */
            if (!*optarg) {
                snprintf(err, errlen, "-d wants an index folder, not an empty name");
                return -1;
            }
            a->db = optarg;
            index_only = "-d";
            break;
        case 'j':
            index_only = "-j";
            if (!tw_cli_parse_count(optarg, &a->jobs) || a->jobs > TRAWL_JOBS_MAX) {
                snprintf(err, errlen, "-j wants a number of jobs from 0 to %d, not '%s'",
                         TRAWL_JOBS_MAX, optarg);
                return -1;
            }
            break;
        case OPT_FULL: a->full = true; index_only = "--full"; break;
        case OPT_CHECK: a->check = true; index_only = "--check"; break;
        case OPT_COMPACT: a->compact = true; index_only = "--compact"; break;
        case OPT_EXTRACT: a->extract = true; break;
        case OPT_SHARD: {
            /* Each a whole number as tw_cli_parse_count reads it: sscanf's
             * %u took " 2", "+2" and "-2", and wrapped 4294967297 round to
             * 1, so that 1/4294967297 built a whole index as 1/1. */
            uint64_t k = 0, n = 0;
            const char *slash = strchr(optarg, '/');
            char k_text[24] = "";
            if (slash && (size_t)(slash - optarg) < sizeof k_text)
                memcpy(k_text, optarg, (size_t)(slash - optarg));
            if (!slash || !tw_cli_parse_count(k_text, &k) ||
                !tw_cli_parse_count(slash + 1, &n) || n < 1 || n > 65536 || k < 1 || k > n) {
                snprintf(err, errlen, "--shard wants K/N, this index's share K of N "
                         "(1 <= K <= N <= 65536), such as 2/3; not '%s'", optarg);
                return -1;
            }
            a->shard = (unsigned)k;
            a->shards = (unsigned)n;
            break;
        }
        case OPT_STEM: a->stem = optarg; index_only = "--stem"; break;
        case OPT_INCLUDE:
        case OPT_EXCLUDE:
            if (push(c == OPT_INCLUDE ? &a->include : &a->exclude, optarg) < 0) {
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            break;
        case OPT_MAX_FILE:
        case OPT_MAX_INFLATED:
        case OPT_MAX_TEXT:
        case OPT_MAX_HTML: {
            uint64_t *dst = c == OPT_MAX_FILE ? &a->max_file_bytes
                          : c == OPT_MAX_INFLATED ? &a->max_inflated_bytes
                          : c == OPT_MAX_TEXT ? &a->max_text_bytes : &a->max_html_bytes;
            if (!tw_cli_parse_size(optarg, dst) || *dst == 0) {
                snprintf(err, errlen, "--%s wants a size like 512K, 64M or 2G, not '%s'",
                         c == OPT_MAX_FILE ? "max-file-size"
                         : c == OPT_MAX_INFLATED ? "max-inflated"
                         : c == OPT_MAX_TEXT ? "max-text" : "max-html", optarg);
                return -1;
            }
            break;
        }
        case OPT_MAX_MEMBERS:
            if (tw_cli_too_large("--max-members", optarg, UINT64_MAX, err, errlen))
                return -1;
            if (!tw_cli_parse_count(optarg, &a->max_members) || a->max_members == 0) {
                snprintf(err, errlen, "--max-members wants a number of archive entries "
                         "(at least 1), like 10000, not '%s'", optarg);
                return -1;
            }
            break;
        case OPT_FILE_TIMEOUT: {
            /* Digits and a decimal point alone: strtod took " 5", "+5",
             * "-0" and "0x10" (16 seconds) too. */
            char *end;
            double secs = strtod(optarg, &end);
            if (end == optarg || *end || optarg[strspn(optarg, "0123456789.")] ||
                !(secs >= 0 && secs <= 1e6)) {
                snprintf(err, errlen, "--file-timeout wants a number of seconds from 0 (no "
                         "limit) to 1000000, like 60 or 0.5, not '%s'", optarg);
                return -1;
            }
            a->file_seconds = secs > 0 ? secs : -1;
            break;
        }
        case OPT_MEMORY: {
            index_only = "--memory";
            /* A bare number is megabytes, as the option's name says. */
            uint64_t mb;
            bool ok = tw_cli_parse_count(optarg, &mb) ? mb <= (1ull << 40) &&
                          (a->memory_bytes = mb << 20, true)
                      : tw_cli_parse_size(optarg, &a->memory_bytes);
            if (!ok || a->memory_bytes < (1ull << 20)) {
                snprintf(err, errlen, "--memory wants megabytes (at least 1) or a size "
                         "like 512M or 2G, not '%s'", optarg);
                return -1;
            }
            break;
        }
        case OPT_WAIT:
            index_only = "--wait";
            if (tw_cli_too_large("--wait", optarg, UINT64_MAX, err, errlen))
                return -1;
            if (!tw_cli_parse_count(optarg, &a->wait_seconds)) {
                snprintf(err, errlen, "--wait wants a number of seconds, not '%s'", optarg);
                return -1;
            }
            break;
        case 'q': a->quiet = true; break;
        case 'v': a->verbose = true; break;
        case OPT_KEEP_BOILERPLATE: a->keep_boilerplate = true; break;
        case OPT_PROGRESS:
            if (strcmp(optarg, "auto") == 0)
                a->progress = TW_PROGRESS_AUTO;
            else if (strcmp(optarg, "always") == 0)
                a->progress = TW_PROGRESS_ALWAYS;
            else if (strcmp(optarg, "never") == 0)
                a->progress = TW_PROGRESS_NEVER;
            else {
                snprintf(err, errlen, "--progress wants auto, always or never, not '%s'",
                         optarg);
                return -1;
            }
            break;
        case 'h': a->help = true; break;
        case 'V': a->version = true; break;
        default:        /* ':' or '?' */
            tw_cli_option_error(c, argv, err, errlen);
            return -1;
        }
    }
    a->paths = argv + optind;
    a->n_paths = (size_t)(argc - optind);
    /* Refused rather than ignored: whoever gave one expected an index. */
    if (a->extract && index_only) {
        snprintf(err, errlen, "--extract writes no index: %s has no use with it", index_only);
        return -1;
    }
    /* --full with no PATH would have replaced the index by an empty one. */
    if (!a->help && !a->version && a->full && a->n_paths == 0) {
        snprintf(err, errlen, "--full rebuilds the index from the PATHs given: give them");
        return -1;
    }
    if (!a->help && !a->version && !a->compact && !a->check && a->n_paths == 0) {
        snprintf(err, errlen, a->extract ? "no PATH to extract" : "no PATH to index");
        return -1;
    }
    return 0;
}

void tw_index_args_free(tw_index_args *a)
{
    free(a->include);
    free(a->exclude);
    a->include = a->exclude = NULL;
}
