/* cli.c - index location, numbers, colour and the end of output for the tools. */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "trawl.h"
#include "utf8.h"

char *tw_cli_db_path(const char *dir_option)
{
    if (dir_option && *dir_option)
        return strdup(dir_option);
    const char *env = getenv("TRAWL_DB");
    if (env && *env)
        return strdup(env);
    tw_buf b = { 0 };
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int rc;
    if (xdg && *xdg == '/')
        rc = tw_buf_printf(&b, "%s/trawl/default", xdg);
    else if (home && *home)
        rc = tw_buf_printf(&b, "%s/.local/share/trawl/default", home);
    else
        return NULL;
    if (rc < 0) {
        tw_buf_free(&b);
        return NULL;
    }
    return tw_buf_steal(&b);
}

/* The decimal number S starts with into *V, and where it ends into *END:
 * false when S starts with no digit (strtoull would take a sign or spaces)
 * or the number overflows. */
static bool leading_number(const char *s, unsigned long long *v, char **end)
{
    if (!s || *s < '0' || *s > '9')
        return false;
    errno = 0;
    *v = strtoull(s, end, 10);
    return !errno;
}

bool tw_cli_parse_count(const char *s, uint64_t *out)
{
    unsigned long long v;
    char *end;
    if (!leading_number(s, &v, &end) || *end)
        return false;
    *out = v;
    return true;
}

bool tw_cli_too_large(const char *option, const char *s, uint64_t max, char *err,
                      size_t errlen)
{
    if (!s || !*s || s[strspn(s, "0123456789")])
        return false;
    uint64_t v;
    if (tw_cli_parse_count(s, &v) && v <= max)
        return false;
    snprintf(err, errlen, "%s %s is too large: the largest is %" PRIu64, option, s, max);
    return true;
}

bool tw_cli_parse_size(const char *s, uint64_t *out)
{
    unsigned long long v;
    char *end;
    if (!leading_number(s, &v, &end) || v == 0)
        return false;
    int shift = 0;
    if (*end) {
        switch (*end) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        default: return false;
        }
        if (end[1] && strcmp(end + 1, "B") != 0 && strcmp(end + 1, "iB") != 0)
            return false;
    }
    if (v > (UINT64_MAX >> shift))
        return false;
    *out = (uint64_t)v << shift;
    return true;
}

bool tw_cli_want_color(const char *mode, int fd)
{
    if (mode && strcmp(mode, "always") == 0)
        return true;
    if (mode && strcmp(mode, "never") == 0)
        return false;
    /* A dumb terminal (TERM=dumb: an editor's shell) shows escapes as junk. */
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(fd) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

size_t tw_cli_columns(int fd)
{
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    uint64_t n;
    const char *env = getenv("COLUMNS");
    return env && tw_cli_parse_count(env, &n) && n <= 10000 ? (size_t)n : 0;
}

bool tw_cli_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
}

/* Whether CP is one of Unicode's marks, embeddings, overrides or isolates
 * of the direction of text (U+061C, U+200E-U+200F, U+202A-U+202E,
 * U+2066-U+2069): shown in a name on a terminal, they reorder what follows
 * them, so that a name ending "gpj.exe" after U+202E reads "exe.jpg". */
static bool direction_control(uint32_t cp)
{
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* How tw_cli_put_path writes the character of PATH (LEN bytes) at I: into
 * OUT (NUL-terminated), an escape or the character itself; returns the
 * bytes of PATH it stands for. */
static size_t shown_char(const char *path, size_t len, size_t i, char out[17])
{
    unsigned char c = (unsigned char)path[i];
    uint32_t cp = c;
    size_t n = c >= 0x80 ? tw_utf8_decode(path + i, len - i, &cp) : 1;
    if (c == '\\' || c == '\n' || c == '\t') {
        snprintf(out, 17, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : '\\');
    } else if (n == 0) {
        snprintf(out, 17, "\\%03o", c);
        n = 1;
    } else if (tw_cli_control(cp) || direction_control(cp)) {
        for (size_t k = 0; k < n; k++)
            snprintf(out + 4 * k, 17 - 4 * k, "\\%03o", (unsigned char)path[i + k]);
    } else {
        memcpy(out, path + i, n);
        out[n] = '\0';
    }
    return n;
}

void tw_cli_put_path(FILE *f, const char *path)
{
    char shown[17];
    for (size_t i = 0, len = strlen(path); i < len;) {
        i += shown_char(path, len, i, shown);
        fputs(shown, f);
    }
}

int tw_cli_escape_path(tw_buf *b, const char *path)
{
    char shown[17];
    int rc = 0;
    for (size_t i = 0, len = strlen(path); i < len;) {
        i += shown_char(path, len, i, shown);
        rc |= tw_buf_puts(b, shown);
    }
    return rc ? -1 : 0;
}

char *tw_cli_unescape_path(const char *shown)
{
    char *out = malloc(strlen(shown) + 1), *o = out;
    for (const char *p = shown; out && *p; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        p++;
        if (*p == '\\' || *p == 'n' || *p == 't') {
            *o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : '\\';
        } else if (p[0] >= '0' && p[0] <= '3' && p[1] >= '0' && p[1] <= '7' && p[2] >= '0' &&
                   p[2] <= '7' && (p[0] != '0' || p[1] != '0' || p[2] != '0')) {
            *o++ = (char)((p[0] - '0') << 6 | (p[1] - '0') << 3 | (p[2] - '0'));
            p += 2;
        } else {
            free(out);
            return NULL;
        }
    }
    if (o)
        *o = '\0';
    return out;
}

/* Whether the library's message WHY says DIR holds a Xapian database that
 * trawl did not write (db_xapian.cc, writer_xapian.cc): another program's
 * data, not an index to rebuild. */
static bool foreign_database(const char *why)
{
    return why && strstr(why, "is a Xapian database but not a trawl index");
}

void tw_cli_whole_lines(void)
{
    /* Line buffering flushes at each line's end, and the buffer is empty
     * when the next line begins: a line that fits is one write. */
    static char buffer[64 * 1024];
    setvbuf(stdout, buffer, _IOLBF, sizeof buffer);
}

void tw_cli_ignore_sigpipe(void)
{
    signal(SIGPIPE, SIG_IGN);
}

int tw_cli_end_output(const char *tool, int code, int err)
{
    /* What is still buffered fails here with its own errno; what failed
     * before left only the error flag, and ERR says why. */
    int why = fflush(stdout) != 0 ? errno : err;
    /* EPIPE: the reader has gone, having read what it wanted (head). */
    if ((!why && !ferror(stdout)) || why == EPIPE)
        return code;
    fprintf(stderr, "%s: cannot write to standard output: %s\n", tool,
            why ? strerror(why) : "write error");
    return code == 0 || code == 1 ? 2 : code;
}

int tw_cli_help_or_version(const char *tool, const char *usage, bool help)
{
    int rc = help ? fputs(usage, stdout) : printf("%s (trawl) %s\n", tool, trawl_version());
    /* A text longer than stdio's buffer failed in fputs, not in fflush. */
    return tw_cli_end_output(tool, 0, rc < 0 ? errno : 0);
}

void tw_cli_rebuild_hint(const char *tool, const char *dir, const char *why)
{
    /* --full would replace that database by a new index: its owner's data
     * would be gone. */
    if (foreign_database(why))
        fprintf(stderr, "%s: trawl leaves it alone: give -d a trawl index, or build one in a "
                "new or empty folder: trawl-index -d NEWDIR PATH...\n", tool);
    else
        fprintf(stderr, "%s: to rebuild it from the articles: trawl-index --full -d %s "
                "PATH...\n", tool, dir);
}

bool tw_cli_long_needs_next(const struct option *options, const char *name)
{
    if (strchr(name, '='))
        return false;
    for (const struct option *o = options; o->name; o++)
        if (strcmp(o->name, name) == 0)
            return o->has_arg == required_argument;
    return false;
}

void tw_cli_option_error(int c, char *const *argv, char *err, size_t errlen)
{
    snprintf(err, errlen, c == ':' ? "option '%s' needs a value" : "unknown option '%s'",
             argv[optind - 1]);
}
