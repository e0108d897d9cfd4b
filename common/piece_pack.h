/* piece_pack.h - how one piece of a stored body (docdata.h) is kept in its
 * value slot or the record: a flag byte, then the text packed on its own --
 * deflated (raw deflate, no zlib header or checksum) or in LZ4's block
 * format -- or, when that would not be shorter, as it is.
 *
 * Why on its own: a snippet unpacks only the piece or two around its
 * passage.  Why packed: kept as they were, the pieces made the index 31%
 * larger on linux-doc; deflated, it is no larger than when whole bodies
 * were deflated in the record (bench/RESULTS.md).  Why LZ4 too: a piece of
 * 1 KiB inflates in 5.5 us and unpacks from LZ4 in 0.3 us, for 71% of its
 * size where deflate keeps 50% (the writer says which it uses where). */
#ifndef TW_PIECE_PACK_H
#define TW_PIECE_PACK_H

#include <stddef.h>

#include "buf.h"
#include "errors.h"

enum { TW_PIECE_AS_IS = 0, TW_PIECE_DEFLATED = 1, TW_PIECE_LZ4 = 2 };

/* A deflater kept from one piece to the next: setting up zlib's state costs
 * more than deflating a piece.  Writers before 2026-12-07 deflated a body of
 * one piece (in the record); the tests and the fuzzer make such pieces with
 * it, which readers still read. */
typedef struct tw_piece_packer tw_piece_packer;

/* A new packer (free it with tw_piece_packer_free), or NULL on ENOMEM. */
tw_piece_packer *tw_piece_packer_new(void);
void tw_piece_packer_free(tw_piece_packer *z);

/* Sets OUT to the stored form of TEXT (LEN bytes), packed HOW
 * (TW_PIECE_DEFLATED, with Z, or TW_PIECE_LZ4) or as it is when that is not
 * shorter, or when HOW is TW_PIECE_AS_IS (Z is used only to deflate, and may
 * be NULL otherwise).  0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_piece_pack(tw_piece_packer *z, int how, const char *text, size_t len, tw_buf *out);

/* An inflater kept by a reader (one per trawl_db).  inflateInit itself is
 * cheap (0.03 us here), but a stream stopped short of a piece's end (KEEP
 * below) sets up a 32 KiB window, which a kept stream does once. */
typedef struct tw_piece_unpacker tw_piece_unpacker;

/* A new unpacker (free it with tw_piece_unpacker_free), or NULL on ENOMEM. */
tw_piece_unpacker *tw_piece_unpacker_new(void);
void tw_piece_unpacker_free(tw_piece_unpacker *u);

/* Appends to OUT the first KEEP bytes (KEEP <= LEN) of the text of the
 * piece stored as STORED (N bytes) whose map says it is LEN bytes long:
 * a snippet may need only the start of a piece, and inflating stops there.
 * 0; -1 when it is damaged (not LEN bytes, an unknown flag, a bad stream);
 * -2 on ENOMEM. */
TW_MUST_CHECK
int tw_piece_unpack(tw_piece_unpacker *u, const char *stored, size_t n, size_t len,
                    size_t keep, tw_buf *out);

#endif
