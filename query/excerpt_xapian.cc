/* excerpt_xapian.cc - the part of a hit's stored text a snippet needs. */
#include "excerpt_xapian.h"

#include <algorithm>
#include <new>

extern "C" {
#include "schema.h"
#include "text_read.h"
}
#include "db_xapian.h"
#include "shards_xapian.h"

static Xapian::DatabaseCorruptError damaged(Xapian::docid did)
{
    return Xapian::DatabaseCorruptError("the stored text of document " + std::to_string(did) +
                                        " is damaged");
}

/* The handle's unpacker, made at the first piece. */
static tw_piece_unpacker *unpacker(trawl_db *db)
{
    if (!db->unpacker)
        db->unpacker.reset(tw_piece_unpacker_new());
    if (!db->unpacker)
        throw std::bad_alloc();
    return db->unpacker.get();
}

/* Appends pieces [FIRST, LAST] of DOC (FIELDS parsed from its record) to
 * OUT, unpacked with DB's unpacker: of the last one only its first KEEP
 * bytes.  False when one is damaged. */
static bool read_pieces(trawl_db *db, const Xapian::Document &doc,
                        const tw_slice fields[TW_F_COUNT], const tw_piece *pieces, int first,
                        int last, size_t keep, tw_buf *out)
{
    const tw_slice &in_record = fields[TW_F_PIECE];
    for (int i = first; i <= last; i++) {
        std::string value;
        if (!in_record.ptr)
            value = doc.get_value(TW_SLOT_PIECE0 + i);
        tw_slice stored = in_record.ptr ? in_record : tw_slice{ value.data(), value.size() };
        /* (The record's own seal covers a piece kept in it.) */
        if (!in_record.ptr &&
            !tw_piece_sum_ok(fields[TW_F_PIECE_SUMS], (size_t)i, stored.ptr, stored.len))
            return false;
        int rc = tw_piece_unpack(unpacker(db), stored.ptr, stored.len, pieces[i].len,
                                 i == last ? keep : pieces[i].len, out);
        if (rc == -2)
            throw std::bad_alloc();
        if (rc < 0)
            return false;
    }
    return true;
}

/* A hit on a remote shard whose stored text has this many pieces or fewer
 * is read whole (see ExcerptReader::read): inflating and reading 16 KiB
 * costs less than the round trips that would narrow it down. */
static const int REMOTE_WHOLE_PIECES = 16;

static bool white(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

ExcerptReader::ExcerptReader(trawl_db *d, const SnippetTerms &t, size_t l,
                             std::vector<Xapian::docid> hits)
    : db(d), terms(t), length(l), page(std::move(hits))
{
    std::sort(page.begin(), page.end());
}

/* UPTO bytes, then twice a passage of LENGTH bytes, for the error of the
 * guess that placed UPTO; no wrap past SIZE_MAX, a program's "no limit". */
static size_t reach(size_t upto, size_t length)
{
    size_t room = SIZE_MAX - upto;
    return length > room / 2 ? SIZE_MAX : upto + 2 * length;
}

void ExcerptReader::read(Xapian::docid did, const Xapian::Document &doc,
                         const tw_slice fields[TW_F_COUNT], unsigned language, tw_buf *scratch,
                         Excerpt *out)
{
    *out = {};
    if (!fields[TW_F_PIECES].ptr) {
        if (tw_docdata_body(fields, scratch, &out->text) < 0)
            throw damaged(did);
        db->text_read += out->text.len;
        out->length = tw_snippet_bytes(out->text.ptr, out->text.len, length);
        return;
    }
    tw_piece pieces[TW_PIECES_MAX + 1];
    int n = tw_pieces_parse(fields[TW_F_PIECES], pieces);
    if (n < 0)
        throw damaged(did);
    if (n == 0) {
        out->text = { "", 0 };
        out->length = length;
        return;
    }
    int first = 0, last = n - 1;
    size_t upto = pieces[last].len;
    /* A text of one piece is read whole: there is no choice to make.  A
     * longer one, however short, is narrowed down by the positions of the
     * query's words: inflating pieces the passage does not need costs more
     * than looking the positions up (bench/RESULTS.md) -- but for a hit on
     * a remote shard, where each word's positions are a round trip and the
     * words to look up a list of the vocabulary sent whole, unless the text
     * is long. */
    bool whole = n <= REMOTE_WHOLE_PIECES && tw_shards_doc_remote(db, did);
    if (n > 1 && !whole)
        choose(did, language, pieces, n, &first, &last, &upto);
    /* Of the last piece, what the passage can reach: up to its last word,
     * then twice the passage's length, for the error of that guess.  The
     * rest was 14% of the text a hit read on linux-doc.  The passage's
     * length in bytes is known once its script is: text of several bytes a
     * column reads more of the last piece again. */
    size_t keep = std::min(pieces[last].len, reach(upto, length));
    tw_buf_clear(scratch);
    if (!read_pieces(db, doc, fields, pieces, first, last, keep, scratch))
        throw damaged(did);
    out->length = tw_snippet_bytes(scratch->data, scratch->len, length);
    size_t more = std::min(pieces[last].len, reach(upto, out->length));
    if (more > keep) {
        scratch->len -= keep;
        if (!read_pieces(db, doc, fields, pieces, last, last, more, scratch))
            throw damaged(did);
        keep = more;
    }
    /* The indexer keeps the first TW_STORED_BODY_MAX bytes of a longer
     * text, less those of a character they would split: the kept text may
     * end inside a word, and the article goes on. */
    size_t stored = 0;
    for (int i = 0; i < n; i++)
        stored += pieces[i].len;
    bool capped = stored + 4 > TW_STORED_BODY_MAX;
    bool part = keep < pieces[last].len || (capped && last == n - 1);
    if (part) {
        /* End at white space, not inside a word (or a character) that the
         * text goes on with; a start without any is read whole. */
        size_t start = scratch->len - keep, end = scratch->len;
        while (end > start && !white(scratch->data[end - 1]))
            end--;
        scratch->len = end;
        if (end == start) {
            if (!read_pieces(db, doc, fields, pieces, last, last, pieces[last].len, scratch))
                throw damaged(did);
            part = false;
        }
        scratch->data[scratch->len] = '\0';
    }
    db->text_read += scratch->len;
    out->text = { scratch->data ? scratch->data : "", scratch->len };
    out->cut_before = first > 0;
    out->cut_after = last < n - 1 || part;
}

/* The piece of the N in PIECES that holds the word at term position POS. */
static int piece_of(const tw_piece *pieces, int n, Xapian::termpos pos)
{
    int i = 0;
    while (i + 1 < n && pieces[i + 1].pos < pos)
        i++;
    return i;
}

std::vector<std::vector<Xapian::docid>> ExcerptReader::holding(
    const std::vector<std::pair<std::string, unsigned>> &of) const
{
    std::vector<std::vector<Xapian::docid>> held;
    for (const auto &w : of) {
        held.emplace_back();
        Xapian::PostingIterator p = db->db.postlist_begin(w.first),
                                end = db->db.postlist_end(w.first);
        for (Xapian::docid d : page) {
            p.skip_to(d);
            if (p == end)
                break;
            if (*p == d)
                held.back().push_back(d);
        }
    }
    return held;
}

void ExcerptReader::choose(Xapian::docid did, unsigned language, const tw_piece *pieces, int n,
                           int *first, int *last, size_t *upto)
{
    auto known = words.find(language);
    if (known == words.end())
        known = words.emplace(language, terms.positional(db->db, language, db->expansions)).first;
    /* Two thirds of the look-ups found nothing (linux-doc and Reuters: the
     * forms of a stem an article does not use), each a block read or two; a
     * word's posting list, read once for the page, says which hits hold it.
     * Not over a remote shard, which sends a posting list whole. */
    const std::vector<std::vector<Xapian::docid>> *held = nullptr;
    if (!tw_shards_remote(db)) {
        auto h = holders.find(language);
        if (h == holders.end())
            h = holders.emplace(language, holding(known->second)).first;
        held = &h->second;
    }
    /* Words of the title come before the body's; those past the end were
     * indexed but not kept. */
    Xapian::termpos from = pieces[0].pos, to = pieces[n].pos;
    at.clear();
    for (size_t i = 0; i < known->second.size(); i++) {
        const auto &w = known->second[i];
        if (held && !std::binary_search((*held)[i].begin(), (*held)[i].end(), did))
            continue;
        db->search_work.position_lists++;
        for (Xapian::PositionIterator p = db->db.positionlist_begin(did, w.first);
             p != db->db.positionlist_end(did, w.first); ++p)
            if (*p > from && *p <= to)
                at.push_back({ *p, *p + 1, w.second });
    }
    if (at.empty() || to <= from)
        return;     /* nothing to go by: all of it */
    std::sort(at.begin(), at.end(), [](const tw_match &a, const tw_match &b) {
        return a.start < b.start;
    });
    std::vector<size_t> place(at.size());
    for (size_t i = 0; i < at.size(); i++)
        place[i] = at[i].start;
    std::vector<bool> in_phrases = terms.phrase_kept(at, place);
    size_t kept = 0;
    for (size_t i = 0; i < at.size(); i++)
        if (in_phrases[i])
            at[kept++] = at[i];
    at.resize(kept);
    if (at.empty())
        return;
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
    /* The last piece up to the passage's last word, placed by that piece's
     * own bytes per word. */
    const tw_piece &p = pieces[*last];
    double its_words = std::max(1u, pieces[*last + 1].pos - p.pos);
    double to_hi = hi > p.pos ? (double)(hi - p.pos) * (double)p.len / its_words : 0;
    *upto = (size_t)(to_hi * 1.25);
}

int tw_stored_text(trawl_db *db, const Xapian::Document &doc, const tw_slice fields[TW_F_COUNT],
                   tw_buf *scratch, tw_slice *body)
{
    if (!fields[TW_F_PIECES].ptr)
        return tw_docdata_body(fields, scratch, body);
    tw_piece pieces[TW_PIECES_MAX + 1];
    int n = tw_pieces_parse(fields[TW_F_PIECES], pieces);
    if (n < 0)
        return -1;
    tw_buf_clear(scratch);
    if (!read_pieces(db, doc, fields, pieces, 0, n - 1, n ? pieces[n - 1].len : 0, scratch))
        return -1;
    *body = { scratch->data ? scratch->data : "", scratch->len };
    return 0;
}

extern "C" uint64_t tw_db_text_read(const trawl_db *db)
{
    return db->text_read;
}
