/* docdata.h - the document data stored with each article: everything a hit needs
 * to be shown without opening the source file again.
 *
 * Encoding: a sequence of fields, each one tag byte, a LEB128 length, the bytes.
 * Unknown tags are skipped on decode, so fields can be added without a new schema.
 *
 * Sealed for storage, a record of 128 bytes or more is zlib-compressed and stored
 * as a 0 byte, its LEB128 length, then the zlib stream.  We compress it ourselves
 * because Xapian 1.4.22's glass tables corrupt some highly compressible tags a
 * little over a multiple of the block size ("Too few chunks of compressed data"
 * on reading): data that is compressed already is stored by glass as it is. */
#ifndef TW_DOCDATA_H
#define TW_DOCDATA_H

#include <stddef.h>

#include "buf.h"

typedef enum tw_field {
    TW_F_ID = 1, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL, TW_F_SITE, TW_F_AUTHOR,
    TW_F_BODY,
    TW_F_COUNT
} tw_field;

/* A field as a pointer into the encoded data: not NUL-terminated. */
typedef struct tw_slice {
    const char *ptr;    /* NULL when the field is absent */
    size_t len;
} tw_slice;

/* Appends one field.  Absent (NULL) values are not written.  0 or -1 on ENOMEM. */
int tw_docdata_put(tw_buf *out, tw_field field, const char *value, size_t len);

/* Appends RAW (a record built with tw_docdata_put) to OUT in its stored form.
 * Returns 0 or -1 on ENOMEM. */
int tw_docdata_seal(const char *raw, size_t len, tw_buf *out);

/* Splits stored DATA into fields[TW_F_COUNT], indexed by tw_field; a compressed
 * record is inflated into SCRATCH, which the slices then point into.  Returns 0,
 * or -1 when the data is damaged (fields decoded up to that point are kept). */
int tw_docdata_parse(const char *data, size_t len, tw_buf *scratch,
                     tw_slice fields[TW_F_COUNT]);

#endif
