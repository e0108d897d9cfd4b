/* clean.h - make one article field safe to index and to show: valid UTF-8, no
 * control characters, and no stray whitespace. */
#ifndef TW_CLEAN_H
#define TW_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"

/* Appends S[0..len) to OUT, repaired to valid UTF-8 (see charset.h).
 * ONE_LINE (titles, names, urls): every run of whitespace or control characters
 * becomes one space, and the ends are trimmed.
 * Otherwise (bodies): CR LF and lone CR become LF, as does U+2028 (the line
 * separator; U+2029, the paragraph separator, is two), other control characters
 * become spaces, runs of more than two line breaks shrink to two, the ends are
 * trimmed.
 * In both, Unicode's other spaces (the no-break space, U+2000..U+200A,
 * U+202F, the ideographic space...) are white space like ' ', and soft
 * hyphens, zero-width spaces, word joiners and byte-order marks are
 * dropped (the word they were in is joined up again), and the text is put
 * in Unicode's composed form, NFC (nfc.h).
 * Returns 0 or -1 when memory ran out. */
TW_MUST_CHECK
int tw_clean(tw_buf *out, const char *s, size_t len, bool one_line);

#endif
