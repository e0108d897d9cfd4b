/* writer_xapian.cc - writes articles into a Xapian glass database. */
#include "writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

extern "C" {
#include "acronym_plural.h"
#include "apart.h"
#include "buf.h"
#include "date.h"
#include "dir_bytes.h"
#include "docdata.h"
#include "glass_tables.h"
#include "hans.h"
#include "keyterm.h"
#include "nfc.h"
#include "piece_pack.h"
#include "roots.h"
#include "url.h"
#include "schema.h"
#include "sea_words.h"
#include "spell_keys.h"
#include "stub.h"
#include "title_tail.h"
#include "utf8.h"
#include "version.h"
}
#include "accents_xapian.h"
#include "compound_xapian.h"
#include "elision_xapian.h"
#include "errors_xapian.h"
#include "initials_xapian.h"
#include "marks_xapian.h"
#include "numbers_xapian.h"
#include "spell_blocks_xapian.h"
#include "stem_cache_xapian.h"
#include "stem_name_xapian.h"
#include "stem_snowball_xapian.h"
#include "stories_xapian.h"
#include "topic_words_xapian.h"

struct tw_writer {
    Xapian::WritableDatabase db;
    Xapian::TermGenerator tg;
    std::string stemmer;    /* of every article, or with by_language of those
                               in a language trawl cannot stem */
    Xapian::Stem stem;      /* stemmer's */
    bool by_language = false;   /* each article stemmed in its own language */
    std::map<std::string, Xapian::Stem> stems;  /* by language code; none when
                                                   there is no stemmer */
    std::string path;
    bool shard = false;     /* a bulk build's: stories are linked after the merge */
    unsigned spell_whole = 0;   /* the next commit builds the spelling blocks whole,
                                   packed by this many threads (0: it files the
                                   new words only) */
    /* TW_META_PART, TW_META_BASE, TW_META_BUILD and TW_META_ROOTS as read at open, or as
     * set since: each commit writes them (an empty one deletes its key). */
    std::map<std::string, std::string> kept;
    /* Every record of the index holds a seal (it had none at open, or its
     * mark named its last commit): each commit's TW_META_SEALED names it.
     * Otherwise the mark is left as it is, naming no commit of this
     * writer's. */
    bool sealed_whole = false;
    /* Pages of a host seen with a title tail (title_tail.h), until TW_TAIL_PAGES
     * make it the host's (TW_META_TITLE_TAIL).  Let go of past TAILS_MAX. */
    std::map<std::pair<std::string, std::string>, unsigned> tails;
    /* The spelling words of the articles added since the last commit, and
     * those of them the index did not have before: the commit files those in
     * the spelling blocks (the others are filed already).  A shard keeps
     * none: its blocks would be lost in the merge, which keeps one shard's
     * value of a metadata key (Xapian's compaction takes the first), so the
     * merged index builds them whole. */
    std::unordered_set<std::string> batch_words;
    std::vector<std::string> new_words;
    /* The stories articles left since the last commit (deleted, or written
     * again into another story), which the commit settles. */
    std::set<std::string> left_stories;
    /* Splits Thai, Lao, Khmer and Burmese runs into words, and the text
     * they are in. */
    std::unique_ptr<tw_sea_splitter, void (*)(tw_sea_splitter *)> sea{ tw_sea_new(),
                                                                       tw_sea_free };
    tw_buf sea_text = {};
    /* Folds traditional Chinese characters to simplified ones (hans.h)
     * with the index's table, else one built at the first ideograph and
     * filed at the next commit (hans_filed). */
    std::unique_ptr<tw_hans, void (*)(tw_hans *)> hans{ tw_hans_new(), tw_hans_free };
    bool hans_filed = false;
    bool changed = false;   /* an article written or deleted since the last commit */
    ~tw_writer() { tw_buf_free(&sea_text); }
};

static const size_t TAILS_MAX = 100000;

/* Term generation refuses words longer than this, like other engines do: such
 * "words" are base64 blobs, hashes and URLs, and only bloat the index. */
static const unsigned MAX_WORD_BYTES = 64;

static std::string key_term(const char *prefix, const char *value)
{
    tw_buf b = {};
    if (tw_key_term(&b, prefix, value) < 0)
        throw std::bad_alloc();
    std::string t(b.data, b.len);
    tw_buf_free(&b);
    return t;
}

/* S ended with its seal (common/docdata.h), which a reader checks. */
static std::string sealed(std::string s)
{
    unsigned char seal[TW_SEAL_BYTES];
    tw_docdata_seal_of(s.data(), s.size(), seal);
    return s.append(reinterpret_cast<const char *>(seal), sizeof seal);
}

/* Commits W's changes with its marks (marks_xapian.h): TW_META_COMPACTED
 * carried on while no article was written or deleted since the merge or
 * compaction that set it, else dropped; TW_META_SEALED naming this commit
 * when every record is sealed.  Every commit of a writer goes through
 * here: one that did not would leave the marks behind it. */
static void commit_marked(tw_writer *w)
{
    std::string compacted = w->db.get_metadata(TW_META_COMPACTED);
    if (!compacted.empty())
        w->db.set_metadata(TW_META_COMPACTED, !w->changed && tw_mark_now(w->db, compacted)
                                                  ? tw_mark_next(w->db)
                                                  : std::string());
    if (w->sealed_whole)
        w->db.set_metadata(TW_META_SEALED, tw_mark_next(w->db));
    w->db.commit();
}

/* How site: terms are spelled (common/url.h): KEY_OF is tw_site_key for a
 * site's name or host, tw_url_site_key for a url. */
static std::string site_key(const char *s, int (*key_of)(const char *, tw_buf *) = tw_site_key)
{
    tw_buf b = {};
    if (key_of(s, &b) < 0)
        throw std::bad_alloc();
    std::string k(b.data ? b.data : "", b.len);
    tw_buf_free(&b);
    return k;
}

/* How many of the first pages of HOST in the index (TAIL_LOOK of them: each
 * new tail of a run costs a look, which must stay cheap) have titles that end
 * with TAIL. */
static const unsigned TAIL_LOOK = 8;

static unsigned tails_indexed(tw_writer *w, const std::string &host, const std::string &tail)
{
    std::string term = key_term(TW_PREFIX_HOST, host.c_str());
    unsigned looked = 0, same = 0;
    for (Xapian::PostingIterator p = w->db.postlist_begin(term);
         p != w->db.postlist_end(term) && looked < TAIL_LOOK; ++p, looked++) {
        std::string shown = w->db.get_document(*p).get_value(TW_SLOT_SHOWN);
        tw_slice f[TW_F_COUNT];
        tw_docdata_parse(shown.data(), shown.size(), f);
        size_t sep, at;
        const tw_slice &t = f[TW_F_TITLE];
        same += t.ptr && tw_title_tail(t.ptr, t.len, &sep, &at) && t.len - at == tail.size() &&
                !std::memcmp(t.ptr + at, tail.data(), tail.size());
    }
    return same;
}

/* Counts the tail of TITLE (LEN bytes) for HOST; the TW_TAIL_PAGES-th page
 * with it makes it the host's, which hits are then shown without; with
 * LOOK_IN_INDEX the host's pages already indexed count too.  Returns whether
 * it did.  A shard sees only its part of the pages: the merged index
 * is counted whole (tw_writer_learn_tails). */
static bool learn_tail(tw_writer *w, const std::string &host, const char *title, size_t len,
                       bool look_in_index)
{
    size_t sep, tail;
    if (w->shard)
        return false;
    if (host.empty() || !tw_title_tail(title, len, &sep, &tail))
        return false;
    if (w->tails.size() >= TAILS_MAX)
        w->tails.clear();
    std::string value(title + tail, len - tail), key = TW_META_TITLE_TAIL + host;
    unsigned &n = w->tails[{ host, value }];
    /* The first page of a run with this tail: the host's pages already in the
     * index count too (a few of them: runs that add a page or two at a time
     * would never see enough alone). */
    if (n++ == 0 && look_in_index && w->db.get_metadata(key) != value)
        n += tails_indexed(w, host, value);
    if (n < TW_TAIL_PAGES)
        return false;
    if (w->db.get_metadata(key) == value)
        return false;
    w->db.set_metadata(key, value);
    return true;
}

/* TEXT (LEN bytes) with the letters of its initials in small letters in
 * capitals (initials_xapian.h), in FOLDED when it has any, which the term
 * generator then reads as one word as it reads "U.S.": "p.m." as "pm". */
static const char *capital_initials(const char *text, size_t len, std::string &folded)
{
    size_t end, at = tw_next_small_initials(text, len, 0, &end);
    if (at == len)
        return text;
    if (text != folded.data())
        folded.assign(text, len);
    for (; at < len; at = tw_next_small_initials(folded.data(), len, end, &end))
        for (size_t i = at; i < end; i += 2)
            folded[i] = (char)(folded[i] & ~0x20);
    return folded.data();
}

/* TEXT (LEN bytes) with its traditional Chinese characters as simplified
 * ones (hans.h), in FOLDED when it has any: the index holds Chinese in one
 * spelling, which a query in either finds. */
static const char *simplified(tw_writer *w, const char *text, size_t len, std::string &folded)
{
    if (!w->hans)
        throw std::bad_alloc();
    size_t at = tw_hans_first(w->hans.get(), text, len);
    if (at == len)
        return text;
    if (text != folded.data())
        folded.assign(text, len);
    tw_hans_fold(w->hans.get(), &folded[at], len - at);
    return folded.data();
}

/* LEN bytes of TEXT as the term generator reads them: with full-width
 * letters and digits as ASCII (utf8.h, tw_utf8_narrow), in FOLDED when
 * there are any.  Xapian splits them into pairs, as Chinese, without
 * lower-casing them, where its query parser lower-cases: "ＮＨＫ" was found
 * neither by "nhk" nor by "ＮＨＫ".  With initials in capitals
 * (capital_initials) and traditional Chinese characters as simplified ones
 * (simplified), in FOLDED too.  And with a space between each two
 * words of a Thai, Lao, Khmer or Burmese run (sea_words.h), in W's sea_text
 * when there are any: Xapian took a run for one word. */
static const char *as_indexed(tw_writer *w, const char *text, size_t *len,
                              std::string &folded)
{
    if (std::memchr(text, '\xef', *len)) {
        folded.assign(text, *len);
        folded.resize(*len = tw_utf8_narrow_text(text, *len, &folded[0]));
        text = folded.data();
    }
    text = capital_initials(text, *len, folded);
    text = simplified(w, text, *len, folded);
    int split = tw_sea_split(w->sea.get(), text, *len, ' ', &w->sea_text);
    if (split < 0)
        throw std::bad_alloc();
    if (!split)
        return text;
    *len = w->sea_text.len;
    return w->sea_text.data;
}

/* Whether the term generator stems WORD, lower-cased (its STEM_SOME): one
 * that starts with a letter, not a digit. */
static bool stemmed_word(const std::string &word)
{
    namespace U = Xapian::Unicode;
    switch (U::get_category(*Xapian::Utf8Iterator(word))) {
    case U::LOWERCASE_LETTER:
    case U::TITLECASE_LETTER:
    case U::MODIFIER_LETTER:
    case U::OTHER_LETTER:
        return true;
    default:
        return false;
    }
}

/* Adds the hyphenated compound (compound_xapian.h) or the number spaced
 * into groups (numbers_xapian.h) whose parts the term generator has just
 * indexed from position FIRST on as one word too, JOINED: at the positions
 * of its first and of its last part, so that a phrase finds "email" where
 * the text runs on from either ("send e-mail", "e-mail address"), counted
 * once, as the word it is; and its stem, as the term generator stems such
 * a word. */
static void add_joined(tw_writer *w, Xapian::Document &doc, const Xapian::Stem &stem,
                       const std::string &joined, Xapian::termpos first, unsigned wdf,
                       const std::string &prefix)
{
    if (joined.size() > MAX_WORD_BYTES)
        return;
    Xapian::termpos last = w->tg.get_termpos();
    doc.add_posting(prefix + joined, first, wdf);
    if (last != first)
        doc.add_posting(prefix + joined, last, 0);
    if (stemmed_word(joined) && !stem.is_none())
        doc.add_term("Z" + prefix + stem(joined), wdf);
}

/* Adds the mark of the initials (initials_xapian.h) the term generator
 * has just indexed at position AT as their letters, MARK, there, and takes
 * their count off the letters' word, which keeps the position: phrases
 * still find "us" there, but an article's length stays what it was (a
 * length grown by every "U.S." cost Reuters' topics 0.002 of MAP@100), and
 * the word typed in capitals or quoted weighs the pronoun's uses alone.
 * The stem is left as the term generator made it: a word typed in small
 * letters finds both, as before. */
static void add_mark(Xapian::Document &doc, const std::string &mark, Xapian::termpos at,
                     unsigned wdf, const std::string &prefix)
{
    std::string letters;
    tw_initials_letters(mark, letters);
    doc.add_posting(prefix + mark, at, wdf);
    doc.remove_posting(prefix + letters, at, wdf);
    doc.add_posting(prefix + letters, at, 0);
}

/* Adds the stem of each acronym's plural in LEN bytes of TEXT ("MPs",
 * acronym_plural.h) as its acronym's too ("mp"), counted WDF each, after
 * PREFIX: the stemmer leaves "mps" whole, which "MP" then never found. */
static void add_plural_stems(Xapian::Document &doc, const Xapian::Stem &stem, const char *text,
                             size_t len, unsigned wdf, const std::string &prefix)
{
    if (stem.is_none())
        return;
    size_t end;
    for (size_t at = tw_next_acronym_plural(text, len, 0, &end); at < len;
         at = tw_next_acronym_plural(text, len, end, &end))
        doc.add_term("Z" + prefix + stem(Xapian::Unicode::tolower(std::string(text + at, end - at))),
                     wdf);
}

/* A kind of word the writer indexes joined too: how the next one is
 * found, whether it is initials' mark (add_mark, else add_joined), and
 * the next found. */
struct Joinable {
    size_t (*next)(const char *text, size_t len, size_t from, size_t *end, std::string &word);
    bool mark;
    size_t at, end;
    std::string word;
};

/* Indexes LEN bytes of TEXT (elisions split) into DOC with WDF and PREFIX
 * as the term generator does, and each hyphenated compound's parts and
 * each spaced number's groups run together (add_joined) and each
 * initials' mark (add_mark) too.  The text is given to the term generator a joined word at
 * a time: it tells no position of a word inside a text.  Each kind is
 * looked for again only once the text indexed has passed the one found. */
static void index_words(tw_writer *w, Xapian::Document &doc, const Xapian::Stem &stem,
                        const char *text, size_t len, unsigned wdf = 1,
                        const std::string &prefix = std::string())
{
    std::string folded;
    text = as_indexed(w, text, &len, folded);
    Joinable kinds[] = { { tw_next_compound, false, 0, 0, {} },
                         { tw_next_spaced_number, false, 0, 0, {} },
                         { tw_next_initials_mark, true, 0, 0, {} } };
    for (Joinable &k : kinds)
        k.at = k.next(text, len, 0, &k.end, k.word);
    size_t from = 0;
    for (;;) {
        Joinable *j = &kinds[0];
        for (Joinable &k : kinds)
            j = k.at < j->at ? &k : j;
        if (j->at >= len)
            break;
        w->tg.index_text(Xapian::Utf8Iterator(text + from, j->at - from), wdf, prefix);
        Xapian::termpos first = w->tg.get_termpos() + 1;
        w->tg.index_text(Xapian::Utf8Iterator(text + j->at, j->end - j->at), wdf, prefix);
        /* Initials the term generator read as one word, at FIRST. */
        if (j->mark && w->tg.get_termpos() == first)
            add_mark(doc, j->word, first, wdf, prefix);
        else if (!j->mark)
            add_joined(w, doc, stem, j->word, first, wdf, prefix);
        from = j->end;
        for (Joinable &k : kinds)
            if (k.at < from)
                k.at = k.next(text, len, from, &k.end, k.word);
    }
    w->tg.index_text(Xapian::Utf8Iterator(text + from, len - from), wdf, prefix);
    add_plural_stems(doc, stem, text, len, wdf, prefix);
}

/* Indexes the LEN bytes of TEXT, the part of an article's body past what is
 * stored, as index_words does, a piece at a time (at white space: the terms
 * and positions are those of the whole), until DOC has TW_ARTICLE_TERMS_MAX
 * terms.  Returns whether it stopped there. */
static bool index_rest(tw_writer *w, Xapian::Document &doc, const Xapian::Stem &stem,
                       const char *text, size_t len)
{
    for (size_t from = 0, end; from < len; from = end) {
        if (doc.termlist_count() >= TW_ARTICLE_TERMS_MAX)
            return true;
        end = tw_piece_end(text, len, from);
        index_words(w, doc, stem, text + from, end - from);
    }
    return false;
}

/* Indexes BODY of D into DOC as its pieces (docdata.h), each piece's text
 * packed (piece_pack.h) in its value slot, or in RECORD when there is one,
 * and appends their map to RECORD.  Pieces in value slots are packed with
 * LZ4: a snippet of a long article unpacks two or three, and inflating a
 * KiB took 5.5 us, LZ4 0.3 (linux-doc: snippets 345 -> 284 us a search; the
 * index 7% larger).  A body of one piece, in the record, is kept as it is:
 * glass deflates a record whenever that saves a byte (its id and path
 * repeat each other: about always), and inflates it at every read; the
 * piece deflated by the writer as well was inflated twice (Reuters: 10k
 * then 33k instructions a hit's snippet; kept as it is, the index is 0.3%
 * smaller).  Piece by piece, the term generator gives the terms and
 * positions it gives the whole text: pieces end at white space.  The text
 * past what is kept is indexed after the map's end, from the last white
 * space that is kept. */
static bool index_body(tw_writer *w, Xapian::Document &doc, const Xapian::Stem &stem,
                       const tw_doc *d, std::string &record)
{
    const char *body = d->body;
    size_t len = std::strlen(body), kept = d->body_stored < len ? d->body_stored : len;
    /* The term generator reads the text with its elided words split, at the
     * same offsets; the pieces keep it as written. */
    std::string split;
    const char *text = tw_elisions_split(body, len, split);
    if (!kept)
        return index_rest(w, doc, stem, text, len);
    tw_buf map = {}, field = {}, packed = {}, sums = {};
    unsigned prev = 0;
    int rc = 0;
    size_t from = 0;
    for (size_t end, i = 0; from < kept; from = end, i++) {
        end = tw_piece_end(body, kept, from);
        unsigned pos = w->tg.get_termpos();
        rc |= tw_pieces_add(&map, end - from, pos, prev);
        prev = pos;
        bool whole = from == 0 && end == kept;
        if (tw_piece_pack(NULL, whole ? TW_PIECE_AS_IS : TW_PIECE_LZ4, body + from,
                          end - from, &packed) < 0) {
            rc = -1;
            break;
        }
        if (whole) {
            rc |= tw_docdata_put(&field, TW_F_PIECE, packed.data, packed.len);
        } else {
            doc.add_value(TW_SLOT_PIECE0 + i, std::string(packed.data, packed.len));
            rc |= tw_piece_sum_add(&sums, packed.data, packed.len);
        }
        if (end == kept)
            break;
        index_words(w, doc, stem, text + from, end - from);
    }
    size_t stop = kept;
    while (kept < len && stop > from && !std::strchr(" \t\n\r\f\v", body[stop - 1]))
        stop--;
    index_words(w, doc, stem, text + from, stop - from);
    rc |= tw_pieces_add(&map, 0, w->tg.get_termpos(), prev);
    bool cut = index_rest(w, doc, stem, text + stop, len - stop);
    rc |= tw_docdata_put(&field, TW_F_PIECES, map.data, map.len);
    rc |= tw_docdata_put(&field, TW_F_PIECE_SUMS, sums.data, sums.len);
    if (rc == 0)
        record.append(field.data, field.len);
    tw_buf_free(&map);
    tw_buf_free(&field);
    tw_buf_free(&packed);
    tw_buf_free(&sums);
    if (rc)
        throw std::bad_alloc();
    return cut;
}

static void set_stemmer(tw_writer *w, const std::string &name)
{
    w->by_language = name == TW_STEM_BY_LANGUAGE;
    w->stemmer = w->by_language ? TW_STEM_FALLBACK : tw_stem_name(name);
    if (w->stemmer == "none") {
        w->stem = Xapian::Stem();
        w->tg.set_stemmer(w->stem);
        w->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    } else {
        /* TermGenerator stems every word it indexes, and news repeats its
         * words: remembering stems took stemming from 9% of a build's
         * instructions to under 2%. */
        w->stem = tw_stem_for_index(tw_stem_of(w->stemmer));   /* throws for an unknown language */
        w->tg.set_stemmer(w->stem);
        w->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    }
}

/* The stemmer of an article in language LANG (ISO 639-1, or NULL): its
 * language's, when the index stems by language and Xapian or libstemmer
 * knows it (both take ISO codes: stem_snowball_xapian.h), else the
 * index's. */
static const Xapian::Stem &article_stem(tw_writer *w, const char *lang)
{
    if (!w->by_language || !lang)
        return w->stem;
    auto found = w->stems.find(lang);
    if (found == w->stems.end()) {
        Xapian::Stem s;
        try {
            s = tw_stem_for_index(tw_stem_of(lang));
        } catch (const Xapian::InvalidArgumentError &) {
            /* no stemmer for it: s stays none */
        }
        found = w->stems.emplace(lang, s).first;
    }
    return found->second.is_none() ? w->stem : found->second;
}

trawl_status tw_writer_check_ours(const char *path, char *err, size_t errlen)
{
    try {
        Xapian::Database db(path);
        if (db.get_metadata(TW_META_SCHEMA).empty() && db.get_doccount() > 0) {
            std::snprintf(err, errlen, "%s is a Xapian database but not a trawl index: "
                          "an index goes in another folder", path);
            return TRAWL_ESCHEMA;
        }
    } catch (...) {
        /* Unreadable: a damaged index, which rebuilding mends. */
    }
    return TRAWL_OK;
}

static trawl_status unknown_stemmer(const char *name, char *err, size_t errlen)
{
    std::snprintf(err, errlen, "unknown stemming language '%s' (known: %s, none, and "
                  TW_STEM_BY_LANGUAGE " for each article's own)", name,
                  tw_stem_languages().c_str());
    return TRAWL_EINVAL;
}

trawl_status tw_writer_stemmer_known(const char *name, char *err, size_t errlen)
{
    try {
        if (!*name)
            return unknown_stemmer(name, err, errlen);
        if (std::strcmp(name, "none") != 0 && std::strcmp(name, TW_STEM_BY_LANGUAGE) != 0)
            tw_stem_of(name);
        return TRAWL_OK;
    } catch (const Xapian::InvalidArgumentError &) {
        return unknown_stemmer(name, err, errlen);
    } catch (...) {
        return tw_catch(err, errlen, "checking the stemmer");
    }
}

/* Whether W's index holds a term with a character the Chinese fold
 * changes (hans.h).  An index of the schema before TW_SCHEMA_HANS without
 * one holds the terms this writer would write -- all English, say -- and
 * is added to (and marked with this schema at its commit) instead of
 * refused with "rebuild it": a pass over the vocabulary, once (Reuters'
 * 333,889 terms: 0.05 s on a busy machine), and ICU's table only when a
 * term has an ideograph's byte. */
static bool holds_traditional(tw_writer *w)
{
    if (!w->hans)
        return true;    /* no memory for the fold: keep the rule */
    for (Xapian::TermIterator t = w->db.allterms_begin(); t != w->db.allterms_end(); ++t) {
        const std::string term = *t;
        if (tw_hans_first(w->hans.get(), term.data(), term.size()) < term.size())
            return true;
    }
    return false;
}

trawl_status tw_writer_open(const char *path, const char *name, const char *stemmer,
                            tw_open_mode mode, tw_writer **out, char *err, size_t errlen)
{
    *out = nullptr;
    tw_writer *w = nullptr;
    try {
        w = new tw_writer;
        if (!w->sea || !w->hans)
            throw std::bad_alloc();
        w->path = path;
        w->shard = mode == TW_OPEN_SCRATCH;
        int flags = mode == TW_OPEN_EXISTING ? Xapian::DB_CREATE_OR_OPEN
                                             : Xapian::DB_CREATE_OR_OVERWRITE;
        if (mode == TW_OPEN_SCRATCH)
            flags |= Xapian::DB_NO_SYNC;
        /* Written to, a table cut short would only be read where it ends
         * later, and a missing one created anew, empty. */
        char why[256];
        trawl_status st = mode == TW_OPEN_EXISTING
                              ? tw_glass_tables_check((std::string(path) + "/iamglass").c_str(),
                                                      why, sizeof why)
                              : TRAWL_OK;
        if (st == TRAWL_ECORRUPT)
            throw Xapian::DatabaseCorruptError(why);
        if (st != TRAWL_OK) {
            const char *advice = tw_unreadable_file_advice(errno);
            std::snprintf(err, errlen, "index %s cannot be read (%s): %s", name, why, advice);
            delete w;
            return st;
        }
        w->db = Xapian::WritableDatabase(path, flags);
        std::string schema = w->db.get_metadata(TW_META_SCHEMA);
        if (schema.empty() && w->db.get_doccount() > 0) {
            std::snprintf(err, errlen, "%s is a Xapian database but not a trawl index: "
                          "an index goes in another folder", name);
            delete w;
            return TRAWL_ESCHEMA;
        }
        /* An empty index of another schema holds nothing to misread; one of
         * TW_SCHEMA_OLDEST_ADDED or later is read as this one (schema.h),
         * and so is one of the version before it that holds no character
         * the Chinese fold changes. */
        int version = std::atoi(schema.c_str());
        bool added_to = schema == std::to_string(version) &&
                        ((version >= TW_SCHEMA_OLDEST_ADDED && version <= TW_SCHEMA_VERSION) ||
                         (version == TW_SCHEMA_HANS - 1 && !holds_traditional(w)));
        if (!schema.empty() && !added_to && w->db.get_doccount() > 0) {
            std::snprintf(err, errlen,
                          "index %s has schema version %s but this trawl writes version %d: "
                          "rebuild it from the articles", name, schema.c_str(),
                          TW_SCHEMA_VERSION);
            delete w;
            return TRAWL_ESCHEMA;
        }
        for (const char *key : { TW_META_PART, TW_META_BASE, TW_META_BUILD, TW_META_ROOTS })
            w->kept[key] = w->db.get_metadata(key);
        /* This writer seals what it writes: the index seals every record
         * when it had none yet, or sealed them all already. */
        w->sealed_whole = w->db.get_doccount() == 0 || tw_seals_of(w->db) == TW_SEALS_ALL;
        std::string table = w->db.get_metadata(TW_META_HANS);
        w->hans_filed = !table.empty() && tw_hans_use(w->hans.get(), table.data(), table.size());
        std::string had = w->db.get_metadata(TW_META_STEMMER);
        if (!had.empty() && w->db.get_metadata(TW_META_STEM_LANGS) == "1")
            had = TW_STEM_BY_LANGUAGE;
        bool empty = w->db.get_doccount() == 0;
        try {
            set_stemmer(w, stemmer ? stemmer : had.empty() ? TW_STEM_BY_LANGUAGE : had);
        } catch (const Xapian::InvalidArgumentError &) {
            delete w;
            return unknown_stemmer(stemmer ? stemmer : had.c_str(), err, errlen);
        }
        had = tw_stem_name(had);
        if (stemmer && !had.empty() && had != tw_stem_name(stemmer) && !empty) {
            std::snprintf(err, errlen,
                          "index %s was built with stemmer '%s', not '%s': give no stemmer "
                          "to add to it with its own, or " TW_REBUILD_STEMMER "'%s'",
                          name, had.c_str(), stemmer, stemmer);
            delete w;
            return TRAWL_EINVAL;
        }
        w->tg.set_max_word_length(MAX_WORD_BYTES);
        /* Chinese and Japanese put no spaces between words, and Korean
         * joins words into long runs: each character is a term, and so is
         * each pair of neighbours, so that a word of one or two characters
         * is found inside a run, and a longer one by its pairs in a phrase. */
        w->tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        *out = w;
        return TRAWL_OK;
    } catch (...) {
        trawl_status st = tw_catch(err, errlen, "opening the index for writing");
        if (st == TRAWL_ELOCKED)
            std::snprintf(err, errlen, "index %s is locked by another writer", name);
        delete w;
        return st;
    }
}

/* Free room the index's disk must have for the incremental writer to look
 * for a new article's story.  The look is a search of the writable index,
 * in which Xapian 1.4 writes out the batch's pending changes to the terms
 * and values it reads, and a full disk there ends the process
 * (std::terminate inside Xapian, on a tmpfs of 360-400 KiB) where any other
 * write throws.  A few of Xapian's 8 KiB blocks are written there. */
static const unsigned long long JOIN_ROOM = 128 * 1024;

/* Throws the error of a write on a full disk when W's index has less than
 * JOIN_ROOM free: the add fails as it would, and the index keeps its last
 * commit. */
static void need_join_room(const tw_writer *w)
{
    struct statvfs fs;
    if (statvfs(w->path.c_str(), &fs) == 0 &&
        (unsigned long long)fs.f_bavail * fs.f_frsize < JOIN_ROOM)
        throw Xapian::DatabaseError("the disk of " + w->path + " has less than " +
                                        std::to_string(JOIN_ROOM / 1024) + " KiB free",
                                    ENOSPC);
}

trawl_status tw_writer_add(tw_writer *w, const tw_doc *d, bool *replaced, bool *terms_cut,
                           char *err, size_t errlen)
{
    *terms_cut = false;
    try {
        Xapian::Document doc;
        w->tg.set_document(doc);
        const Xapian::Stem &stem = article_stem(w, d->lang);
        w->tg.set_stemmer(stem);
        std::string split;
        if (d->title && *d->title) {
            size_t len = std::strlen(d->title);
            const char *title = tw_elisions_split(d->title, len, split);
            index_words(w, doc, stem, title, len, 1, TW_PREFIX_TITLE);
            w->tg.increase_termpos();
            index_words(w, doc, stem, title, len, TW_TITLE_WDF);
            /* A gap, so that a phrase cannot run from the title into the body. */
            w->tg.increase_termpos(100);
        }
        std::string record(d->data, d->data_len);
        if (d->body)
            *terms_cut = index_body(w, doc, stem, d, record);
        if (d->author && *d->author) {
            size_t len = std::strlen(d->author);
            index_words(w, doc, stem, tw_elisions_split(d->author, len, split), len, 1,
                        TW_PREFIX_AUTHOR);
        }
        if (d->lang) {
            doc.add_boolean_term(TW_PREFIX_LANG + std::string(d->lang));
            doc.add_value(TW_SLOT_LANG, d->lang);
        }
        std::string host = d->url && *d->url ? site_key(d->url, tw_url_site_key) : std::string();
        std::string site = d->site && *d->site ? site_key(d->site) : std::string();
        if (!host.empty())
            doc.add_boolean_term(key_term(TW_PREFIX_HOST, host.c_str()));
        if (!site.empty() && site != host)
            doc.add_boolean_term(key_term(TW_PREFIX_HOST, site.c_str()));
        /* The name a site gives itself, for its articles that give none. */
        if (d->site_named && !host.empty() && site != host &&
            w->db.get_metadata(TW_META_SITE + host) != d->site)
            w->db.set_metadata(TW_META_SITE + host, d->site);
        if (d->url && *d->url)
            doc.add_boolean_term(key_term(TW_PREFIX_URL, d->url));
        if (d->title && *d->title)
            learn_tail(w, host, d->title, std::strlen(d->title), true);
        if (d->path) {
            doc.add_boolean_term(key_term(TW_PREFIX_PATH, d->path));
            /* path: is read in NFC, as the whole query is (nfc.h); a path
             * written otherwise (a Mac's file names are decomposed) is
             * filed composed too, so that it is found however typed. */
            tw_buf composed = {};
            int rc = tw_buf_puts(&composed, d->path);
            if (rc == 0)
                rc = tw_nfc(&composed, 0);
            if (rc > 0)
                doc.add_boolean_term(key_term(TW_PREFIX_PATH, composed.data));
            tw_buf_free(&composed);
            if (rc < 0)
                throw std::bad_alloc();
        }
        std::string idterm = key_term(TW_PREFIX_ID, d->id);
        doc.add_boolean_term(idterm);

        if (d->has_date) {
            tw_date when = { d->date, false, d->date_offset, true };
            doc.add_value(TW_SLOT_DATE, Xapian::sortable_serialise((double)d->date));
            doc.add_value(TW_SLOT_CLOCK, Xapian::sortable_serialise((double)tw_date_clock(&when)));
            char day[TW_DATE_ISO_MAX];
            tw_date_format(&when, day);
            doc.add_value(TW_SLOT_YEAR, std::string(day, 4));
        }
        if (d->has_file) {
            doc.add_value(TW_SLOT_MTIME, Xapian::sortable_serialise((double)d->mtime));
            doc.add_value(TW_SLOT_SIZE, Xapian::sortable_serialise((double)d->size));
        }
        if (d->hash_hex)
            doc.add_value(TW_SLOT_HASH, d->hash_hex);
        if (d->site && *d->site)
            doc.add_value(TW_SLOT_SITE, d->site);
        else if (!host.empty())
            doc.add_value(TW_SLOT_SITE, host);
        if (d->author && *d->author)
            doc.add_value(TW_SLOT_AUTHOR, d->author);
        if (d->signature) {
            tw_story_mark(doc, *d->signature);
            /* A shard cannot see the others: tw_writer_link_stories does this
             * for a bulk build once it is merged. */
            if (!w->shard)
                need_join_room(w);
            std::string story = w->shard ? std::string()
                                         : tw_story_join(w->db, *d->signature,
                                                         doc.get_value(TW_SLOT_DATE), idterm);
            if (!story.empty())
                doc.add_value(TW_SLOT_STORY, story);
        }
        /* Asked before the article is in: a word the index has is filed
         * already (by an earlier commit, or when the blocks were built), or
         * came with an earlier article of this batch, which batch_words
         * then holds. */
        if (!w->shard)
            for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                const std::string &term = *t;
                if (tw_spell_word(term.data(), term.size()) &&
                    w->batch_words.insert(term).second && !w->db.term_exists(term))
                    w->new_words.push_back(term);
            }
        doc.add_value(TW_SLOT_SHOWN, sealed(std::string(d->data, d->data_len)));
        doc.add_value(TW_SLOT_TOPIC, tw_topic_pack(doc, w->stemmer != "none"));
        /* After the topic words, whose length of the article is of its
         * words as written; the spelling blocks take no prefixed term. */
        tw_add_unaccented(doc);
        tw_add_plain_numbers(doc);
        doc.set_data(sealed(std::move(record)));
        /* Xapian counts the batch's changes in: an article deleted since the
         * last commit (its file's old version) is not there. */
        *replaced = w->db.term_exists(idterm);
        /* The story the article's earlier text was in, which it leaves when
         * its new text joins another or none. */
        if (*replaced && !w->shard) {
            std::string was_in = w->db.get_document(*w->db.postlist_begin(idterm))
                                     .get_value(TW_SLOT_STORY);
            if (!was_in.empty() && was_in != doc.get_value(TW_SLOT_STORY))
                w->left_stories.insert(was_in);
        }
        w->db.replace_document(idterm, doc);
        w->changed = true;
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "adding an article");
    }
}

trawl_status tw_writer_dedupe(tw_writer *w, uint64_t *removed, char *err, size_t errlen)
{
    try {
        /* Collect first: deleting while walking the terms would upset the walk. */
        std::vector<Xapian::docid> stale;
        for (Xapian::TermIterator t = w->db.allterms_begin(TW_PREFIX_ID);
             t != w->db.allterms_end(TW_PREFIX_ID); ++t) {
            if (t.get_termfreq() < 2)
                continue;
            Xapian::PostingIterator p = w->db.postlist_begin(*t);
            Xapian::docid last = *p;
            for (++p; p != w->db.postlist_end(*t); ++p) {
                stale.push_back(last);
                last = *p;
            }
        }
        /* Xapian holds every pending deletion's postings in memory: commit
         * now and then (a dump that gives each id twice would otherwise hold
         * half of the index). */
        w->changed |= !stale.empty();
        for (size_t i = 0; i < stale.size(); i++) {
            w->db.delete_document(stale[i]);
            if (i % 1024 == 1023)
                commit_marked(w);
        }
        *removed += stale.size();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "removing doubled articles");
    }
}

trawl_status tw_writer_link_stories(tw_writer *w, uint64_t *linked, char *err, size_t errlen)
{
    try {
        *linked += tw_story_link_all(w->db);
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "linking near-duplicate articles");
    }
}

trawl_status tw_writer_link_parts(tw_writer *const *parts, size_t n, uint64_t *linked,
                                  char *err, size_t errlen)
{
    try {
        std::vector<Xapian::WritableDatabase> dbs;
        for (size_t i = 0; i < n; i++)
            dbs.push_back(parts[i]->db);
        *linked += tw_story_link_parts(dbs);
        for (size_t i = 0; i < n; i++)
            commit_marked(parts[i]);
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "linking near-duplicate articles");
    }
}

trawl_status tw_writer_learn_tails(tw_writer *w, uint64_t *learnt, char *err, size_t errlen)
{
    try {
        w->tails.clear();
        for (Xapian::ValueIterator v = w->db.valuestream_begin(TW_SLOT_SHOWN);
             v != w->db.valuestream_end(TW_SLOT_SHOWN); ++v) {
            std::string shown = *v;
            tw_slice f[TW_F_COUNT];
            tw_docdata_parse(shown.data(), shown.size(), f);
            if (!f[TW_F_TITLE].ptr || !f[TW_F_URL].ptr)
                continue;
            std::string url(f[TW_F_URL].ptr, f[TW_F_URL].len);
            *learnt += learn_tail(w, site_key(url.c_str(), tw_url_site_key), f[TW_F_TITLE].ptr,
                                  f[TW_F_TITLE].len, false);
        }
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "learning the title tails of sites");
    }
}

/* Files the table W folded Chinese with (hans.h), once it has one: the
 * index's articles were folded with it, and its queries and later writers
 * fold with it too. */
static void file_hans(tw_writer *w)
{
    tw_buf table = {};
    if (tw_hans_table(w->hans.get(), &table) < 0) {
        tw_buf_free(&table);
        throw std::bad_alloc();
    }
    if (table.len)
        w->db.set_metadata(TW_META_HANS, std::string(table.data, table.len));
    w->hans_filed = table.len > 0;
    tw_buf_free(&table);
}

bool tw_writer_compacted(tw_writer *w)
{
    try {
        return !w->changed && tw_mark_now(w->db, w->db.get_metadata(TW_META_COMPACTED));
    } catch (...) {
        return false;
    }
}

trawl_status tw_writer_commit(tw_writer *w, char *err, size_t errlen)
{
    try {
        w->db.set_metadata(TW_META_SCHEMA, std::to_string(TW_SCHEMA_VERSION));
        w->db.set_metadata(TW_META_STEMMER, w->stemmer);
        w->db.set_metadata(TW_META_STEM_LANGS, w->by_language ? "1" : "");
        w->db.set_metadata(TW_META_VERSION, TRAWL_VERSION);
        w->db.set_metadata(TW_META_UPDATED, std::to_string((long long)std::time(nullptr)));
        for (const auto &k : w->kept)
            w->db.set_metadata(k.first, k.second);
        if (!w->hans_filed)
            file_hans(w);
        tw_stories_settle(w->db, w->left_stories);
        w->left_stories.clear();
        /* The new words become correctable in the same commit as their
         * articles.  An index without blocks (a merged bulk build, or one
         * written before there were blocks) gets them whole. */
        if (!w->shard) {
            if (tw_spell_ready(w->db) && !w->spell_whole)
                tw_spell_file(w->db, w->new_words);
            else
                tw_spell_build(w->db, w->spell_whole ? w->spell_whole : 1);
            w->spell_whole = 0;
            w->batch_words.clear();
            w->new_words.clear();
        }
        commit_marked(w);
        w->changed = false;
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "committing the index");
    }
}

/* An unfinished file's record holds a time no file has (nanoseconds are
 * 0-999999999) and no hash: a trawl that does not know the mark reads the
 * file again all the same. */
static const long long UNFINISHED_NSEC = -1;

static std::string file_key(const char *path)
{
    return key_term(TW_META_FILE, path);
}

trawl_status tw_writer_file_get(tw_writer *w, const char *path, tw_file_record *rec,
                                bool *found, char *err, size_t errlen)
{
    *found = false;
    try {
        std::string v = w->db.get_metadata(file_key(path));
        size_t nl = v.find('\n');
        /* A shortened key may be shared by two long paths: the value names its own. */
        if (v.empty() || nl == std::string::npos || v.compare(nl + 1, std::string::npos, path))
            return TRAWL_OK;
        unsigned long long size, articles, hash, inode;
        long long sec, nsec, csec, cnsec;
        /* The head line alone: the path after it may start with digits. */
        std::string head = v.substr(0, nl);
        int n = std::sscanf(head.c_str(), "%llu %lld %lld %16llx %llu %llu %lld %lld", &size,
                            &sec, &nsec, &hash, &articles, &inode, &csec, &cnsec);
        if (n != 5 && n != 8)
            return TRAWL_OK;    /* unreadable: treated as unknown, so re-indexed */
        rec->has_inode = n == 8;
        rec->inode = rec->has_inode ? inode : 0;
        rec->ctime_sec = rec->has_inode ? csec : 0;
        rec->ctime_nsec = rec->has_inode ? cnsec : 0;
        rec->size = size;
        rec->mtime_sec = sec;
        rec->mtime_nsec = nsec;
        rec->hash = hash;
        rec->articles = articles;
        rec->unfinished = nsec == UNFINISHED_NSEC;
        *found = true;
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "reading a file record");
    }
}

trawl_status tw_writer_file_put(tw_writer *w, const char *path, const tw_file_record *rec,
                                char *err, size_t errlen)
{
    try {
        /* The inode and change time come after the first five fields, which
         * trawls that do not know them read alone. */
        char head[192];
        int n = std::snprintf(head, sizeof head, "%llu %lld %lld %016llx %llu",
                              (unsigned long long)rec->size, (long long)rec->mtime_sec,
                              rec->unfinished ? UNFINISHED_NSEC : (long long)rec->mtime_nsec,
                              (unsigned long long)(rec->unfinished ? 0 : rec->hash),
                              (unsigned long long)rec->articles);
        if (rec->has_inode)
            std::snprintf(head + n, sizeof head - (size_t)n, " %llu %lld %lld",
                          (unsigned long long)rec->inode, (long long)rec->ctime_sec,
                          (long long)rec->ctime_nsec);
        std::strcat(head, "\n");
        w->db.set_metadata(file_key(path), std::string(head) + path);
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "writing a file record");
    }
}

/* Deletes the articles IDS (in ascending order), noting the stories they
 * leave for the commit to settle (tw_stories_settle). */
static void delete_articles(tw_writer *w, const std::vector<Xapian::docid> &ids)
{
    tw_stories_of(w->db, ids, w->left_stories);
    w->changed |= !ids.empty();
    for (Xapian::docid id : ids)
        w->db.delete_document(id);
}

/* The articles indexed under TERM: up to MOST of them, and when WORDS is not
 * NULL, no more than hold MOST_WORDS words (one at least), adding the words
 * they hold to *WORDS. */
static std::vector<Xapian::docid> articles_of(tw_writer *w, const std::string &term,
                                              uint64_t most, uint64_t most_words,
                                              uint64_t *words)
{
    std::vector<Xapian::docid> ids;
    uint64_t held = 0;
    for (Xapian::PostingIterator p = w->db.postlist_begin(term);
         p != w->db.postlist_end(term) && ids.size() < most; ++p) {
        if (words) {
            Xapian::termcount length = p.get_doclength();
            if (!ids.empty() && held + length > most_words)
                break;
            held += length;
        }
        ids.push_back(*p);
    }
    if (words)
        *words += held;
    return ids;
}

trawl_status tw_writer_drop_path(tw_writer *w, const char *path, bool forget,
                                 uint64_t *removed, char *err, size_t errlen)
{
    try {
        std::vector<Xapian::docid> ids =
            articles_of(w, key_term(TW_PREFIX_PATH, path), UINT64_MAX, 0, nullptr);
        delete_articles(w, ids);
        *removed += ids.size();
        if (forget)
            w->db.set_metadata(file_key(path), std::string());
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "removing articles");
    }
}

trawl_status tw_writer_drop_some(tw_writer *w, const char *path, uint64_t most,
                                 uint64_t most_words, uint64_t *removed, uint64_t *words,
                                 char *err, size_t errlen)
{
    try {
        /* Collected first: deleting would upset the iterator. */
        std::vector<Xapian::docid> ids =
            articles_of(w, key_term(TW_PREFIX_PATH, path), most, most_words, words);
        delete_articles(w, ids);
        *removed += ids.size();
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "removing articles");
    }
}

trawl_status tw_writer_files_under(tw_writer *w, const char *root,
                                   trawl_status (*visit)(void *ctx, const char *path),
                                   void *ctx, char *err, size_t errlen)
{
    try {
        /* Keys keep the first bytes of long paths, so a prefix scan finds every
         * candidate; the full path in each value decides.  Below "." is every
         * relative path that does not climb out of it (its walk names them
         * without "./"; records of trawls that did are below it too). */
        bool dot = std::strcmp(root, ".") == 0;
        std::string key_prefix = dot ? std::string(TW_META_FILE) : file_key(root);
        size_t root_len = std::strlen(root);
        if (key_prefix.size() > sizeof TW_META_FILE - 1 + root_len)
            key_prefix.resize(sizeof TW_META_FILE - 1 + TW_MAX_KEY_TERM - 20);
        /* Collect first: visiting may drop records, which would upset the iterator. */
        std::vector<std::string> paths;
        for (Xapian::TermIterator k = w->db.metadata_keys_begin(key_prefix);
             k != w->db.metadata_keys_end(key_prefix); ++k) {
            std::string v = w->db.get_metadata(*k);
            size_t nl = v.find('\n');
            if (nl == std::string::npos)
                continue;
            std::string path = v.substr(nl + 1);
            if (tw_root_holds(root, path.c_str()))
                paths.push_back(path);
        }
        for (const std::string &p : paths) {
            trawl_status st = visit(ctx, p.c_str());
            if (st != TRAWL_OK)
                return st;
        }
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "listing indexed files");
    }
}

trawl_status tw_writer_is_empty(tw_writer *w, bool *empty, char *err, size_t errlen)
{
    *empty = false;
    try {
        *empty = w->db.get_doccount() == 0 &&
                 w->db.metadata_keys_begin(TW_META_FILE) == w->db.metadata_keys_end(TW_META_FILE);
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "reading the index");
    }
}

const char *tw_writer_kept(const tw_writer *w, const char *key)
{
    auto k = w->kept.find(key);
    return k == w->kept.end() ? "" : k->second.c_str();
}

trawl_status tw_writer_keep(tw_writer *w, const char *key, const char *value, char *err,
                            size_t errlen)
{
    try {
        w->kept[key] = value;
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "recording what the index holds");
    }
}

void tw_writer_spell_whole(tw_writer *w, unsigned threads)
{
    w->spell_whole = threads ? threads : 1;
}

const char *tw_writer_stemmer(const tw_writer *w)
{
    return w->by_language ? TW_STEM_BY_LANGUAGE : w->stemmer.c_str();
}

namespace {
/* Thrown through Xapian's compaction when the teller asks to stop. */
struct MergeStopped {};

/* Passes on the table Xapian's compaction begins: it tells each first with
 * an empty status, then with what it did. */
class TableTeller : public Xapian::Compactor {
    std::string what;
    tw_tell_step *tell;
    void *ctx;

  public:
    TableTeller(const char *what_, tw_tell_step *tell_, void *ctx_)
        : what(what_), tell(tell_), ctx(ctx_) {}
    void set_status(const std::string &table, const std::string &status) override
    {
        if (status.empty() && !tell(ctx, (what + ": " + table).c_str()))
            throw MergeStopped();
    }
};
}

trawl_status tw_writer_merge(const char *const *sources, size_t n, const char *dest,
                             const char *what, tw_tell_step *tell, void *ctx,
                             char *err, size_t errlen)
{
    try {
        Xapian::Database all;
        tw_seals seals = TW_SEALS_ALL;      /* the least any source's mark vouches for */
        for (size_t i = 0; i < n; i++) {
            Xapian::Database source(sources[i]);
            if (source.get_doccount() > 0)
                seals = std::min(seals, tw_seals_of(source));
            all.add_database(source);
        }
        if (tell) {
            TableTeller teller(what, tell, ctx);
            all.compact(dest, 0, 0, teller);
        } else {
            all.compact(dest);
        }
        /* The compaction keeps a key any source has, naming a commit of
         * another generation: the new one's marks name its own.  They
         * cannot ride in the compaction's commit, whose uuid Xapian 1.4
         * draws only as it writes the version file last.  Their commit
         * writes its blocks over the old ones (DB_DANGEROUS): glass's
         * copies of the B-tree's path to them, kept for readers of the
         * revision before, had grown a compact generation by a few blocks
         * (24 KB on Reuters).  No one reads DEST before the caller makes it
         * current, and one left half written by a crash is swept. */
        Xapian::WritableDatabase merged(dest, Xapian::DB_OPEN | Xapian::DB_DANGEROUS);
        merged.set_metadata(TW_META_COMPACTED, tw_mark_next(merged));
        merged.set_metadata(TW_META_SEALED, seals == TW_SEALS_ALL    ? tw_mark_next(merged)
                                            : seals == TW_SEALS_SOME ? TW_SEALED_SOME
                                                                     : "");
        merged.commit();
        return TRAWL_OK;
    } catch (const MergeStopped &) {
        std::snprintf(err, errlen, "%s: interrupted", what);
        return TRAWL_EINTR;
    } catch (...) {
        return tw_catch(err, errlen, what);
    }
}

trawl_status tw_writer_remove(tw_writer *w, const char *id, char *err, size_t errlen)
{
    try {
        std::vector<Xapian::docid> ids = articles_of(w, key_term(TW_PREFIX_ID, id), UINT64_MAX,
                                                     0, nullptr);
        if (ids.empty()) {
            std::snprintf(err, errlen, "no article with id %s", id);
            return TRAWL_ENOTFOUND;
        }
        delete_articles(w, ids);
        return TRAWL_OK;
    } catch (...) {
        return tw_catch(err, errlen, "removing an article");
    }
}

void tw_writer_close(tw_writer *w)
{
    if (!w)
        return;
    try {
        w->db.close();
    } catch (...) {
        /* Nothing to report to: the caller's commit already said how it went. */
    }
    delete w;
}

/* The tw_docdata_sealed of the other value, for tw_seal_damaged. */
static int given(void *sealed)
{
    return *static_cast<int *>(sealed);
}

/* What of DOC fails its check: its record or its shown fields their seal
 * (tw_seal_damaged, in an index whose mark says SEALS), else a piece of
 * its stored text kept in a value its sum; NULL when none does. */
static const char *damaged_part(const Xapian::Document &doc, tw_seals seals)
{
    std::string data = doc.get_data(), shown = doc.get_value(TW_SLOT_SHOWN);
    int data_sealed = tw_docdata_sealed(data.data(), data.size());
    int shown_sealed = tw_docdata_sealed(shown.data(), shown.size());
    bool record = tw_seal_damaged(data_sealed, seals, given, &shown_sealed);
    bool fields = tw_seal_damaged(shown_sealed, seals, given, &data_sealed);
    if (record || fields)
        return !fields ? "record" : record ? "record and shown fields" : "shown fields";
    tw_slice f[TW_F_COUNT];
    if (tw_docdata_parse(data.data(), data.size(), f) < 0 || f[TW_F_PIECE].ptr)
        return nullptr;     /* (what the seal passed), or the one piece is in the
                               record, sealed with it */
    for (size_t i = 0; i < f[TW_F_PIECE_SUMS].len / TW_PIECE_SUM_BYTES; i++) {
        std::string piece = doc.get_value(TW_SLOT_PIECE0 + (Xapian::valueno)i);
        if (!tw_piece_sum_ok(f[TW_F_PIECE_SUMS], i, piece.data(), piece.size()))
            return "stored text";
    }
    return nullptr;
}

/* How many documents of DB fail their checks (damaged_part); the first few
 * of them into FIRST.  Xapian's check reads the blocks but not what the
 * records say: a flipped bit inside one passes it. */
static size_t unsealed_documents(const Xapian::Database &db, std::string &first)
{
    tw_seals seals = tw_seals_of(db);
    size_t bad = 0;
    for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const char *part = damaged_part(db.get_document(*p), seals);
        if (part && ++bad <= 3)
            first += (bad > 1 ? ", " : "") + std::to_string(*p) + " (" + part + ")";
    }
    return bad;
}

/* Xapian's check of the database at PATH, then the seals of its records,
 * in this process. */
static trawl_status check_here(const char *path, char *err, size_t errlen)
{
    try {
        /* The report goes to a string nobody reads: only the count, and the
         * first structural error (thrown), are of use here. */
        std::ostringstream report;
        size_t errors = Xapian::Database::check(path, 0, &report);
        if (errors) {
            std::snprintf(err, errlen, "Xapian's check found %zu errors in %s", errors, path);
            return TRAWL_ECORRUPT;
        }
        std::string first;
        size_t bad = unsealed_documents(Xapian::Database(path), first);
        if (!bad)
            return TRAWL_OK;
        std::snprintf(err, errlen, bad == 1 ? "%zu document fails its " TW_SEAL_FAILED ": %s%s"
                                            : "%zu documents fail their " TW_SEAL_FAILED "s: %s%s",
                      bad, first.c_str(), bad > 3 ? ", ..." : "");
        return TRAWL_ECORRUPT;
    } catch (const Xapian::DatabaseError &e) {
        std::snprintf(err, errlen, "%s: %s", path, e.get_msg().c_str());
        return TRAWL_ECORRUPT;
    } catch (...) {
        return tw_catch(err, errlen, "checking the index");
    }
}

/* Whether SIG is a crash (the check met what it could not read) rather
 * than a request to stop. */
static bool crash_signal(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGABRT || sig == SIGFPE ||
           sig == SIGILL;
}

/* Xapian's check of the database at ARG, for tw_apart_run. */
static trawl_status check_work(void *arg, tw_apart *, char *err, size_t errlen)
{
    return check_here(static_cast<const char *>(arg), err, errlen);
}

/* Xapian's check reads about 45 MB a second, and its child is given a
 * minute and a second a megabyte, some fifty times what a sound index
 * takes: past that it goes round a loop in a damaged table rather than
 * waiting for a slow disk, and would have run until it was killed. */
static const double CHECK_SECONDS_BASE = 60, CHECK_SECONDS_PER_MB = 1;

trawl_status tw_writer_check(const char *path, char *err, size_t errlen)
{
    /* Xapian's check trusts the tables it checks as well: 50 flipped bits in
     * a termlist made it (and xapian-check) die of SIGSEGV.  In a child
     * process its crash is one more finding, not the end of the caller. */
    int sig;
    uint64_t bytes;
    (void)tw_dir_bytes(path, &bytes);  /* a folder it cannot size has the base time */
    double limit = CHECK_SECONDS_BASE + CHECK_SECONDS_PER_MB * (double)bytes / 1e6;
    tw_deadline deadline;
    tw_deadline_in(&deadline, limit);
    trawl_status st = tw_apart_run(check_work, const_cast<char *>(path), tw_deadline_tell,
                                   &deadline, &sig, nullptr, err, errlen);
    if (st == TRAWL_EINTR) {
        std::snprintf(err, errlen, "Xapian's check of %s did not end within %.0f seconds, "
                      "some fifty times what its size takes", path, limit);
        return TRAWL_ECORRUPT;
    }
    if (st == TRAWL_EINTERNAL && crash_signal(sig)) {
        std::snprintf(err, errlen, "%s: Xapian's check crashed on it (%s)", path, strsignal(sig));
        return TRAWL_ECORRUPT;
    }
    if (st == TRAWL_EIO) {
        std::string why = err;
        std::snprintf(err, errlen, "cannot check the index: %s", why.c_str());
    } else if (st == TRAWL_EINTERNAL) {
        std::snprintf(err, errlen, "Xapian's check of %s ended without an answer", path);
    }
    return st;
}

namespace {
/* What tw_writer_merge_apart's child merges. */
struct MergeWork {
    const char *const *sources;
    size_t n;
    const char *dest, *what;
};
}

static trawl_status merge_work(void *arg, tw_apart *apart, char *err, size_t errlen)
{
    const MergeWork *m = static_cast<const MergeWork *>(arg);
    return tw_writer_merge(m->sources, m->n, m->dest, m->what, tw_apart_tell, apart, err,
                           errlen);
}

trawl_status tw_writer_merge_apart(const char *const *sources, size_t n, const char *dest,
                                   const char *what, tw_tell_step *tell, void *ctx,
                                   char *err, size_t errlen)
{
    MergeWork m = { sources, n, dest, what };
    int sig;
    bool answered;
    trawl_status st = tw_apart_run(merge_work, &m, tell, ctx, &sig, &answered, err, errlen);
    /* The child's own answer names WHAT already (a compaction that could
     * not write its tables was "compacting: cannot start a process:
     * compacting: Couldn't create ..."). */
    if (!answered && (st == TRAWL_EINTR || st == TRAWL_EINTERNAL || st == TRAWL_EIO)) {
        /* A child killed ("ended by Killed") is most often the system's
         * doing, out of memory: what became of the work, and what to do. */
        std::string why = err;
        std::snprintf(err, errlen, "%s: %s%s%s", what, st == TRAWL_EIO ? "cannot start a process: " : "",
                      why.c_str(), sig ? ": the index is as it was; run again (with more memory "
                                         "free, if the system ended it for want of it)"
                                       : "");
    }
    return st;
}
