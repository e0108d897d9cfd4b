/* cli.h - what both command-line tools share (not part of libtrawl). */
#ifndef TW_CLI_H
#define TW_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "errors.h"

/* The index to use: DIR_OPTION (-d) if given, else $TRAWL_DB, else
 * $XDG_DATA_HOME/trawl/default, else ~/.local/share/trawl/default.
 * Returns a malloc'd path, or NULL when none can be worked out (no $HOME). */
char *tw_cli_db_path(const char *dir_option);

/* Parses a non-negative decimal count ("10").  Returns false on junk or overflow. */
bool tw_cli_parse_count(const char *s, uint64_t *out);

/* Whether S, the value of OPTION, is a whole decimal number larger than MAX
 * (or than 64 bits hold); if so, says so into ERR with the largest
 * ("-n 18446744073709551616 is too large: the largest is
 * 18446744073709551615"), where "wants a whole number" told nothing of
 * why such a number was refused. */
bool tw_cli_too_large(const char *option, const char *s, uint64_t max, char *err,
                      size_t errlen);

/* Parses a byte size: a count with an optional K, M or G suffix (powers of 1024),
 * e.g. "64M".  Returns false on junk, zero or overflow. */
bool tw_cli_parse_size(const char *s, uint64_t *out);

/* True when colour is wanted on FD: MODE is "always", "never" or "auto" (a terminal
 * other than TERM=dumb, and no NO_COLOR in the environment). */
bool tw_cli_want_color(const char *mode, int fd);

/* The columns of the terminal at FD: its size, else $COLUMNS, else 0
 * (unknown: a file, for trawl-index --progress always). */
size_t tw_cli_columns(int fd);

/* Whether a terminal or a reader of lines takes CP for more than text: the
 * C0 and C1 controls (ESC starts a colour or a cursor move; U+0085, NEL,
 * ends a line for some readers, U+009B starts an escape for some
 * terminals), DEL, and Unicode's line and paragraph separators. */
bool tw_cli_control(uint32_t cp);

/* Writes PATH to F on one line whatever bytes it holds: control characters
 * (tw_cli_control), the controls of the direction of text (which would
 * reorder it on the screen), backslashes and bytes that are not UTF-8 are
 * written as C escapes (\n, \\, \033, \302\205, \342\200\256, \377). */
void tw_cli_put_path(FILE *f, const char *path);

/* The same, appended to B; 0, or -1 when out of memory. */
TW_MUST_CHECK
int tw_cli_escape_path(tw_buf *b, const char *path);

/* The bytes of a path that tw_cli_put_path wrote as SHOWN (its escapes
 * undone), in a malloc'd string; NULL when SHOWN holds a backslash that is
 * none of those escapes (it is no such path) or when out of memory. */
char *tw_cli_unescape_path(const char *shown);

/* Makes a write to a pipe whose reader has gone (trawl-query ... | head -1)
 * fail with EPIPE instead of killing the tool with SIGPIPE: killed, the exit
 * status depended on how far the reader had read (0 or 141), and a
 * trawl-index whose stderr went to such a pipe died half-way, losing its run.
 * Called first thing in main. */
void tw_cli_ignore_sigpipe(void);

/* Makes standard output write each line of JSON Lines or TSV whole, in one
 * write(2), when it is shorter than 64 KiB: stdio wrote 4 KiB at a time,
 * ending anywhere in a line, so that the lines of several tools appending
 * to one file or pipe (xargs -P 4 trawl-query --format json >> hits.jsonl)
 * came out cut into each other.  Called before anything is written. */
void tw_cli_whole_lines(void);

/* Ends TOOL's standard output: flushes it and checks that all of it was
 * written.  ERR is the errno of a print that failed before (0: none).
 * Returns CODE, the tool's exit status, when it was, or when its reader
 * went away (EPIPE: it read what it wanted, as head does); else says on
 * stderr why it was not (a full disk, a closed stdout) and returns 2 when
 * CODE said success (0, or 1: nothing found), else CODE (the first failure
 * is the one a script learns of). */
int tw_cli_end_output(const char *tool, int code, int err);

/* Whether the long option NAME of OPTIONS ("db", "max-text=2M": what
 * follows "--") takes its value from the next argument. */
bool tw_cli_long_needs_next(const struct option *options, const char *name);

/* Why getopt_long refused the option before optind, into ERR: C, what it
 * returned, is ':' for an option without its value, else ('?') an option
 * it does not know. */
void tw_cli_option_error(int c, char *const *argv, char *err, size_t errlen);

/* Prints, as TOOL, USAGE for --help (HELP) or the version for --version on
 * standard output.  Returns the exit status: 0, or 2 when the text could not
 * be written (a full disk), said on stderr, as for any other output. */
int tw_cli_help_or_version(const char *tool, const char *usage, bool help);

/* Tells on stderr, as TOOL, the command that rebuilds the damaged (or other
 * schema) index at DIR from the articles: the library's message WHY says what
 * is wrong, and only the tools name commands.  A Xapian database that trawl
 * did not write gets no such command: rebuilding would destroy it. */
void tw_cli_rebuild_hint(const char *tool, const char *dir, const char *why);

#endif
