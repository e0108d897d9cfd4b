/* docdata.h - the document data stored with each article: everything a hit needs
 * to be shown without opening the source file again.
 *
 * Encoding: a sequence of fields, each one tag byte, a LEB128 length, the bytes.
 * Unknown tags are skipped on decode, so fields can be added without a new schema.
 *
 * The body, the one large field, is stored zlib-compressed (TW_F_BODY_Z: its LEB128
 * length, then the zlib stream) when it is 128 bytes or more, so that a search
 * that shows no snippet reads the other fields without inflating it.  Compressing
 * it ourselves also keeps clear of a Xapian 1.4.22 glass bug, which corrupts some
 * highly compressible tags a little over a multiple of the block size ("Too few
 * chunks of compressed data" on reading): data that is compressed already is
 * stored by glass as it is. */
#ifndef TW_DOCDATA_H
#define TW_DOCDATA_H

#include <stddef.h>

#include "buf.h"

typedef enum tw_field {
    TW_F_ID = 1, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL, TW_F_SITE, TW_F_AUTHOR,
    TW_F_BODY,
    TW_F_BODY_Z,        /* the body, compressed */
    TW_F_COUNT
} tw_field;

/* A field as a pointer into the encoded data: not NUL-terminated. */
typedef struct tw_slice {
    const char *ptr;    /* NULL when the field is absent */
    size_t len;
} tw_slice;

/* Appends one field.  Absent (NULL) values are not written.  0 or -1 on ENOMEM. */
int tw_docdata_put(tw_buf *out, tw_field field, const char *value, size_t len);

/* A compressor kept from one body to the next: setting up zlib's state (a
 * quarter of a megabyte, its hash table cleared) cost more than compressing
 * a short article did. */
typedef struct tw_deflater tw_deflater;

/* A new compressor (free it with tw_deflater_free), or NULL on ENOMEM. */
tw_deflater *tw_deflater_new(void);

/* Frees Z; NULL is fine. */
void tw_deflater_free(tw_deflater *z);

/* Appends the body field, compressed with Z (not NULL) when that pays.  0 or
 * -1 on ENOMEM. */
int tw_docdata_put_body(tw_buf *out, const char *body, size_t len, tw_deflater *z);

/* Splits DATA into fields[TW_F_COUNT], indexed by tw_field.  Returns 0, or -1 when
 * the data is truncated (fields decoded up to that point are kept). */
int tw_docdata_parse(const char *data, size_t len, tw_slice fields[TW_F_COUNT]);

/* Sets *body to the body of parsed FIELDS, inflating it into SCRATCH when it is
 * stored compressed (ptr NULL when there is none).  Returns 0, or -1 when the
 * compressed body is damaged or memory ran out. */
int tw_docdata_body(const tw_slice fields[TW_F_COUNT], tw_buf *scratch, tw_slice *body);

#endif
