/* excerpt_xapian.h - the stored text of a hit a snippet is taken from: on a
 * long article, only the pieces (common/docdata.h) where the query's words
 * are, found from their positions in the index; else all of it.
 *
 * Why: reading, inflating and scanning up to 64 KiB of text for each hit
 * made a search with snippets on long articles 44 times as slow as Xapian's
 * ranking alone.  The positions of a word in one document are a short list
 * Xapian reads in one look-up. */
#ifndef TW_EXCERPT_XAPIAN_H
#define TW_EXCERPT_XAPIAN_H

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>
#include <xapian.h>

extern "C" {
#include "buf.h"
#include "errors.h"
#include "docdata.h"
}
#include "db_xapian.h"
#include "snippet_terms_xapian.h"

/* Part of a stored text, whether more of it is before or after, and the
 * bytes of it a passage of the reader's length takes (tw_snippet_bytes). */
struct Excerpt {
    tw_slice text;
    bool cut_before, cut_after;
    size_t length;
};

class ExcerptReader {
  public:
    /* For the passages of about LENGTH columns around the words of TERMS in
     * the hits of a search of DB, which counts the stored text read: PAGE,
     * those read() will be asked for (of a local index, a word's positions
     * are looked up only in those of them that hold it). */
    ExcerptReader(trawl_db *db, const SnippetTerms &terms, size_t length,
                  std::vector<Xapian::docid> page);

    /* Sets *out to the text of hit DID of the search's database, DOC (FIELDS
     * parsed from its record; in LANGUAGE, SnippetTerms::language_of) to
     * take the passage from, kept in SCRATCH.  DID is not DOC.get_docid():
     * of a union of several indexes, a Document gives its docid in its own
     * index.  Throws Xapian::DatabaseCorruptError when the stored text is
     * damaged. */
    void read(Xapian::docid did, const Xapian::Document &doc, const tw_slice fields[TW_F_COUNT],
              unsigned language, tw_buf *scratch, Excerpt *out);

  private:
    /* Sets [*first, *last] to the pieces of hit DID, in LANGUAGE
     * (SnippetTerms::language_of), N of PIECES, then their end, around the
     * passage its words' positions give, and *upto to the bytes of the last
     * one up to the passage's last word, about; leaves them when the
     * positions give none. */
    void choose(Xapian::docid did, unsigned language, const tw_piece *pieces, int n, int *first,
                int *last, size_t *upto);

    /* For each of the words OF, the hits of the page that hold it. */
    std::vector<std::vector<Xapian::docid>> holding(
        const std::vector<std::pair<std::string, unsigned>> &of) const;

    trawl_db *db;
    const SnippetTerms &terms;
    size_t length;
    /* SnippetTerms::positional, with concepts, by language, found at the
     * first long text in each */
    std::unordered_map<unsigned, std::vector<std::pair<std::string, unsigned>>> words;
    std::vector<tw_match> at;   /* their positions in a hit */
    std::vector<Xapian::docid> page;    /* in docid order */
    /* By language, holding() its words: found at the first long text in
     * each. */
    std::unordered_map<unsigned, std::vector<std::vector<Xapian::docid>>> holders;
};

/* Sets *body to the whole stored text of DOC of DB (FIELDS parsed from its
 * record), in either layout, kept in SCRATCH when it must be put together (ptr NULL
 * when there is none).  Returns 0, or -1 when it is damaged; throws what
 * Xapian throws and std::bad_alloc. */
TW_MUST_CHECK
int tw_stored_text(trawl_db *db, const Xapian::Document &doc,
                   const tw_slice fields[TW_F_COUNT], tw_buf *scratch, tw_slice *body);

#endif
