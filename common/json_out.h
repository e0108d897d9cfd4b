/* json_out.h - writing JSON text by hand, correctly: every string escaped, and
 * valid UTF-8 out whatever bytes came in. */
#ifndef TW_JSON_OUT_H
#define TW_JSON_OUT_H

#include <stddef.h>

#include "buf.h"
#include "errors.h"

/* Appends S as a JSON string literal with quotes, or `null` when S is NULL.
 * Quote, backslash and control characters are escaped (\n, \t, \u001f, ...), as are
 * U+2028 and U+2029 (which break JavaScript); each byte that is not valid UTF-8
 * becomes \ufffd.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_json_string(tw_buf *out, const char *s, size_t len);

/* The same for a NUL-terminated string (or NULL). */
TW_MUST_CHECK
int tw_json_cstr(tw_buf *out, const char *s);

/* The same for NAME, a file's name or an article's id, which may hold any
 * bytes: when they are not UTF-8, the name as text output writes it
 * (tw_cli_put_path: "caf\\351.txt" for the Latin-1 byte of "café"), which
 * --show takes back and tw_cli_unescape_path turns into the bytes, where
 * U+FFFD would lose them.  A name in UTF-8 is written as it is. */
TW_MUST_CHECK
int tw_json_name(tw_buf *out, const char *name);

/* Appends V with DECIMALS digits after the point, or `null` when V is NaN or
 * infinite: JSON has no token for those (printf's "nan" and "inf" make the
 * line unreadable), and null -- what JavaScript's JSON.stringify writes for
 * them too -- says there is no score rather than invent one, as clamping to
 * the largest double would.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_json_number(tw_buf *out, double v, int decimals);

#endif
