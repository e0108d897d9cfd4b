/* excerpt_xapian.cc - the part of a hit's stored text a snippet needs. */
#include "excerpt_xapian.h"

#include <algorithm>
#include <new>

extern "C" {
#include "schema.h"
#include "text_read.h"
}
#include "db_xapian.h"

/* A text of this many pieces or fewer is read whole: the passage is then
 * the one a scan of all the text chooses, and reading four values costs
 * little more than finding the words' positions. */
static const int WHOLE_PIECES = 4;

static Xapian::DatabaseCorruptError damaged(const Xapian::Document &doc)
{
    return Xapian::DatabaseCorruptError("the stored text of document " +
                                        std::to_string(doc.get_docid()) + " is damaged");
}

/* Appends pieces [FIRST, LAST] of DOC to OUT. */
static void read_pieces(const Xapian::Document &doc, const tw_piece *pieces, int first,
                        int last, tw_buf *out)
{
    for (int i = first; i <= last; i++) {
        std::string text = doc.get_value(TW_SLOT_PIECE0 + i);
        if (text.size() != pieces[i].len)
            throw damaged(doc);
        if (tw_buf_append(out, text.data(), text.size()) < 0)
            throw std::bad_alloc();
    }
}

ExcerptReader::ExcerptReader(const Xapian::Database &d, const SnippetTerms &t, size_t l,
                             uint64_t *counter)
    : db(d), terms(t), length(l), bytes_read(counter)
{
}

void ExcerptReader::read(const Xapian::Document &doc, const tw_slice fields[TW_F_COUNT],
                         tw_buf *scratch, Excerpt *out)
{
    *out = {};
    if (!fields[TW_F_PIECES].ptr) {
        if (tw_docdata_body(fields, scratch, &out->text) < 0)
            throw damaged(doc);
        *bytes_read += out->text.len;
        return;
    }
    tw_piece pieces[TW_PIECES_MAX + 1];
    int n = tw_pieces_parse(fields[TW_F_PIECES], pieces);
    if (n < 0)
        throw damaged(doc);
    int first = 0, last = n - 1;
    if (n > WHOLE_PIECES)
        choose(doc.get_docid(), pieces, n, &first, &last);
    tw_buf_clear(scratch);
    read_pieces(doc, pieces, first, last, scratch);
    *bytes_read += scratch->len;
    out->text = { scratch->data ? scratch->data : "", scratch->len };
    out->cut_before = first > 0;
    out->cut_after = last < n - 1;
}

/* The piece of the N in PIECES that holds the word at term position POS. */
static int piece_of(const tw_piece *pieces, int n, Xapian::termpos pos)
{
    int i = 0;
    while (i + 1 < n && pieces[i + 1].pos < pos)
        i++;
    return i;
}

void ExcerptReader::choose(Xapian::docid did, const tw_piece *pieces, int n, int *first,
                           int *last)
{
    if (!words_known) {
        words = terms.positional(db);
        words_known = true;
    }
    /* Words of the title come before the body's; those past the end were
     * indexed but not kept. */
    Xapian::termpos from = pieces[0].pos, to = pieces[n].pos;
    at.clear();
    for (const auto &w : words)
        for (Xapian::PositionIterator p = db.positionlist_begin(did, w.first);
             p != db.positionlist_end(did, w.first); ++p)
            if (*p > from && *p <= to)
                at.push_back({ *p, *p + 1, w.second });
    if (at.empty() || to <= from)
        return;     /* nothing to go by: all of it */
    std::sort(at.begin(), at.end(), [](const tw_match &a, const tw_match &b) {
        return a.start < b.start;
    });
    size_t bytes = 0;
    for (int i = 0; i < n; i++)
        bytes += pieces[i].len;
    double per_word = (double)bytes / (to - from);
    size_t span = std::max<size_t>(1, (size_t)(length / per_word));
    size_t a, b;
    if (tw_snippet_best(at.data(), at.size(), terms.weights(), terms.concepts(), span, &a,
                        &b) < 0)
        throw std::bad_alloc();
    Xapian::termpos lo = at[a].start, hi = at[b].start;
    *first = piece_of(pieces, n, lo);
    *last = piece_of(pieces, n, hi);
    /* The passage may begin a sentence before its first word, or run on
     * after its last: the pieces beside, when that is near their edge. */
    if (*first > 0 && (lo - pieces[*first].pos) * per_word < length)
        --*first;
    if (*last + 1 < n && (pieces[*last + 1].pos - hi) * per_word < length)
        ++*last;
}

int tw_stored_text(const Xapian::Document &doc, const tw_slice fields[TW_F_COUNT],
                   tw_buf *scratch, tw_slice *body)
{
    if (!fields[TW_F_PIECES].ptr)
        return tw_docdata_body(fields, scratch, body);
    tw_piece pieces[TW_PIECES_MAX + 1];
    int n = tw_pieces_parse(fields[TW_F_PIECES], pieces);
    if (n < 0)
        return -1;
    tw_buf_clear(scratch);
    try {
        read_pieces(doc, pieces, 0, n - 1, scratch);
    } catch (const Xapian::DatabaseCorruptError &) {
        return -1;
    }
    *body = { scratch->data ? scratch->data : "", scratch->len };
    return 0;
}

extern "C" uint64_t tw_db_text_read(const trawl_db *db)
{
    return db->text_read;
}
