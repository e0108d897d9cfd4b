/* docdata.h - the document data stored with each article: everything a hit needs
 * to be shown without opening the source file again.
 *
 * Encoding: a sequence of fields, each one tag byte, a LEB128 length, the bytes.
 * Unknown tags are skipped on decode, so fields can be added without a new schema.
 *
 * The body, the one large field, is kept in two layouts:
 *  - schema 3: in pieces of about TW_PIECE_BYTES (tw_piece_end says where each
 *    ends), piece I in value slot TW_SLOT_PIECE0 + I, deflated on its own
 *    (piece_pack.h), and the record holds their map (TW_F_PIECES): each
 *    piece's length and the term position its words follow.  A snippet reads
 *    the one or two pieces where the query's words are (query/excerpt_xapian.h),
 *    not the whole text: inflating and scanning all of it was most of the
 *    time of a search on long articles.  A body of one piece (most news
 *    articles) is kept in the record instead (TW_F_PIECE), which a hit
 *    reads anyway: a value read costs a B-tree look-up and a block read.
 *    That piece is kept as it is (deflated by writers before 2026-12-07,
 *    which is read too): glass deflates the record around it.
 *  - schema 2: in the record, zlib-compressed (TW_F_BODY_Z: its LEB128 length,
 *    then the zlib stream) when it was 128 bytes or more, else as it is
 *    (TW_F_BODY).  Read, not written. */
#ifndef TW_DOCDATA_H
#define TW_DOCDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"

typedef enum tw_field {
    TW_F_ID = 1, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL, TW_F_SITE, TW_F_AUTHOR,
    TW_F_BODY,
    TW_F_BODY_Z,        /* the body, compressed (schema 2) */
    TW_F_PIECES,        /* the map of the body's pieces (schema 3) */
    TW_F_PIECE,         /* a body of one piece: that piece, packed (schema 3) */
    TW_F_LANG,          /* the article's language, ISO 639-1 */
    TW_F_SUM,           /* the seal: a CRC-32 of the bytes before it (tw_docdata_sealed) */
    TW_F_PIECE_SUMS,    /* the CRC-32 of each piece kept in a value slot, as it
                           is stored: 4 bytes a piece (tw_piece_sum_add) */
    TW_F_COUNT
} tw_field;

/* A field as a pointer into the encoded data: not NUL-terminated. */
typedef struct tw_slice {
    const char *ptr;    /* NULL when the field is absent */
    size_t len;
} tw_slice;

/* Appends one field.  Absent (NULL) values are not written.  0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_docdata_put(tw_buf *out, tw_field field, const char *value, size_t len);

/* Glass keeps no checksums: a bit flipped in a record, or in the shown
 * fields' value, read back as another title, date or text with no error.
 * The writer ends each with a seal, a TW_F_SUM field of TW_SEAL_BYTES
 * bytes (tag, length 4, the CRC-32 of every byte before it, big-endian),
 * which a reader checks before it parses.  Indexes written before
 * 2026-12-07 have none, and are read as they were; an older reader skips
 * the field as it skips any tag it does not know. */
#define TW_SEAL_BYTES 6
/* What the message of a record that fails its seal says. */
#define TW_SEAL_FAILED "checksum"

/* The seal of LEN bytes at DATA, into SEAL: what the writer appends. */
void tw_docdata_seal_of(const char *data, size_t len, unsigned char seal[TW_SEAL_BYTES]);

/* The pieces of a long text live in value slots, which the record's seal
 * does not cover: the record keeps their sums (TW_F_PIECE_SUMS), each the
 * CRC-32 of a piece's stored bytes, big-endian. */
#define TW_PIECE_SUM_BYTES 4

/* Appends the sum of the LEN stored bytes at PIECE to SUMS.  0 or -1 on
 * ENOMEM. */
TW_MUST_CHECK
int tw_piece_sum_add(tw_buf *sums, const char *piece, size_t len);

/* Whether piece I, its LEN stored bytes at PIECE, matches its sum in SUMS
 * (a TW_F_PIECE_SUMS field): false only when SUMS holds a sum for it that
 * differs (a record without sums, from before them, has none to fail). */
bool tw_piece_sum_ok(tw_slice sums, size_t i, const char *piece, size_t len);

/* Whether DATA (LEN bytes) ends with a seal: 1 when it does and its sum
 * is that of the bytes before it; 0 when it ends with none and its fields,
 * read from the start, are what a writer from before seals wrote (tags up
 * to TW_F_LANG, none twice, ending where DATA ends): such a writer's
 * record, or a sealed one whose seal's tag was flipped into one of those
 * tags, which a reader cannot tell apart; -1 otherwise: the sum differs
 * (the bytes were spoiled), or the seal's own tag or length was spoiled
 * into what no writer wrote.  A record from before seals whose last field
 * ends by chance in a seal's tag and length is 0 too: its fields, read
 * from the start, pass over them. */
int tw_docdata_sealed(const char *data, size_t len);

/* What an index's mark (TW_META_SEALED, common/marks_xapian.h) vouches
 * for. */
typedef enum tw_seals {
    TW_SEALS_NONE,  /* no mark: an index from before seals, or merged with
                       one; a record without a seal is one of those */
    TW_SEALS_SOME,  /* a mark that names no longer the index's last commit:
                       a writer from before seals may have written since
                       (or a remote shard, which cannot tell) */
    TW_SEALS_ALL    /* the mark names the last commit: every record and
                       shown fields' value holds a seal */
} tw_seals;

/* Whether a record or a shown fields' value whose tw_docdata_sealed is
 * SEALED is damage, in an index whose mark says SEALS: a seal that fails
 * always; none where every value has one; and, where an older writer may
 * have written since, none while the document's other value (its shown
 * fields for a record, its record for those) holds one, as a writer seals
 * both or neither.  TWIN gives that value's tw_docdata_sealed (CTX its
 * argument); it is called only when the answer hangs on it. */
bool tw_seal_damaged(int sealed, tw_seals seals, int (*twin)(void *ctx), void *ctx);

/* Where the piece of TEXT (LEN bytes) that starts at FROM ends: at the first
 * ASCII white space TW_PIECE_BYTES or more after FROM, or at LEN.  Cutting
 * only at white space lets the writer index piece by piece and get the terms
 * and positions indexing the whole text gives. */
size_t tw_piece_end(const char *text, size_t len, size_t from);

/* One piece of a stored body. */
typedef struct tw_piece {
    size_t len;         /* bytes */
    unsigned pos;       /* the term position before its first word: its words
                           have positions above this and up to the next one's */
} tw_piece;

/* Appends a piece of LEN bytes whose words follow term position POS to MAP,
 * the contents of a TW_F_PIECES field (PREV_POS: the last piece's POS, or 0).
 * The map ends with an entry of LEN 0 whose POS is the last word's that is
 * kept whole: an article longer than TW_STORED_BODY_MAX has words indexed
 * past it.  0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_pieces_add(tw_buf *map, size_t len, unsigned pos, unsigned prev_pos);

/* Decodes the TW_F_PIECES field MAP into OUT (room for TW_PIECES_MAX + 1).
 * Returns how many pieces, the end entry not counted, or -1 when the map is
 * damaged. */
TW_MUST_CHECK
int tw_pieces_parse(tw_slice map, tw_piece *out);

/* Splits DATA into fields[TW_F_COUNT], indexed by tw_field.  Returns 0, or -1 when
 * the data is truncated (fields decoded up to that point are kept). */
int tw_docdata_parse(const char *data, size_t len, tw_slice fields[TW_F_COUNT]);

/* Sets *body to the body of parsed FIELDS of schema 2, inflating it into
 * SCRATCH when it is stored compressed (ptr NULL when there is none).  Returns 0, or -1 when the
 * compressed body is damaged or memory ran out. */
TW_MUST_CHECK
int tw_docdata_body(const tw_slice fields[TW_F_COUNT], tw_buf *scratch, tw_slice *body);

#endif
