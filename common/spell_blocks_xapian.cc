/* spell_blocks_xapian.cc - the spelling blocks: their layout, and reading,
 * adding to and building them.
 *
 * A block holds the (key, word) pairs whose key starts with the block's name,
 * sorted.  A key is written as the bytes it shares with the previous key (one
 * byte), then the bytes that follow (a length byte, then the bytes).  A key
 * is its word's prefix with a character taken out, so the word is written as
 * what the key lacks: where the character goes back in (one byte), the
 * character (a length byte, then its bytes; none for the prefix key itself),
 * and the word's bytes past its prefix (a length byte, then the bytes).  A
 * word that is not of that form (no pair of ours) is written whole after the
 * byte WHOLE.  Keys and words are short enough for a byte (spell_keys.h).
 * The whole is deflated: a block's value is its inflated length (four bytes,
 * little-endian), then the deflated bytes. */
#include "spell_blocks_xapian.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <zlib.h>

extern "C" {
#include "schema.h"
#include "spell_keys.h"
}

typedef std::pair<std::string, std::string> Entry;   /* key, word */

/* The first byte of a word written whole (no key is this long). */
static const unsigned char WHOLE = 0xFF;

/* A block says it inflates to more than this: it is damaged. */
static const size_t BLOCK_MAX = 64u << 20;

/* What TW_META_SPELL holds for blocks of this code's making.  Changing the
 * keys or the layout changes it: blocks of another making are then not read,
 * and the next writer builds them anew. */
static std::string format()
{
    return "2 prefix " + std::to_string(TW_SPELL_PREFIX) + " block " +
           std::to_string(TW_SPELL_BLOCK_BYTES) + " words " + std::to_string(TW_SPELL_WORD_MIN) +
           "-" + std::to_string(TW_SPELL_WORD_MAX);
}

static std::string block_of(const std::string &key)
{
    return key.substr(0, tw_spell_block_len(key.size()));
}

static std::string key_of(const tw_spell_keys &keys, unsigned i)
{
    return std::string(keys.key[i], keys.len[i]);
}

static size_t shared(const std::string &a, const std::string &b)
{
    size_t n = 0, most = std::min(a.size(), b.size());
    while (n < most && a[n] == b[n])
        n++;
    return n;
}

/* Makes the values of blocks, with one deflater reset between them rather
 * than one set up and torn down for each of tens of thousands. */
class Packer {
  public:
    Packer()
    {
        if (deflateInit(&z_, Z_DEFAULT_COMPRESSION) != Z_OK)
            throw std::bad_alloc();
    }
    ~Packer() { deflateEnd(&z_); }
    Packer(const Packer &) = delete;
    Packer &operator=(const Packer &) = delete;

    /* The value of a block of ENTRIES, sorted and without doubles. */
    std::string pack(const std::vector<Entry> &entries)
    {
        raw_.clear();
        const std::string *prev = nullptr;
        for (const Entry &e : entries) {
            size_t k = prev ? shared(*prev, e.first) : 0;
            raw_ += (char)k;
            raw_ += (char)(e.first.size() - k);
            raw_.append(e.first, k, std::string::npos);
            add_word(e.first, e.second);
            prev = &e.first;
        }
        std::string value(4 + deflateBound(&z_, raw_.size()), '\0');
        for (int i = 0; i < 4; i++)
            value[i] = (char)(raw_.size() >> (8 * i));
        deflateReset(&z_);
        z_.next_in = (Bytef *)raw_.data();
        z_.avail_in = (uInt)raw_.size();
        z_.next_out = (Bytef *)&value[4];
        z_.avail_out = (uInt)(value.size() - 4);
        if (deflate(&z_, Z_FINISH) != Z_STREAM_END)
            throw std::bad_alloc();     /* cannot happen with deflateBound's room */
        value.resize(4 + z_.total_out);
        return value;
    }

  private:
    /* Appends WORD as what KEY lacks of it. */
    void add_word(const std::string &key, const std::string &word)
    {
        size_t at = shared(key, word), rest = key.size() - at;
        for (size_t len = 0; len <= 4 && at + len + rest <= word.size(); len++)
            if (!word.compare(at + len, rest, key, at)) {
                raw_ += (char)at;
                raw_ += (char)len;
                raw_.append(word, at, len);
                raw_ += (char)(word.size() - (at + len + rest));
                raw_.append(word, at + len + rest, std::string::npos);
                return;
            }
        raw_ += (char)WHOLE;
        raw_ += (char)word.size();
        raw_ += word;
    }

    z_stream z_ = {};
    std::string raw_;
};

/* What a reader of a block does with a pair, told its key (decode). */
enum Take { STOP, SKIP, TAKE };

/* Calls VISIT(key, word) for the pairs of the block VALUE in order whose
 * key WANT(key) takes, until it says STOP: a lookup takes a few of a
 * block's thousands of pairs, and the words of the others are not put
 * together.  A damaged block is read up to the damage, and nothing after
 * it can be: a lookup does without those words, and tw_spell_file,
 * rewriting the block, keeps the pairs before it -- the caller has nothing
 * to do differently, so there is no failure to return. */
template <class Want, class Visit>
static void decode(const std::string &value, Want want, Visit visit)
{
    if (value.size() < 4)
        return;
    size_t len = 0;
    for (int i = 0; i < 4; i++)
        len |= (size_t)(unsigned char)value[i] << (8 * i);
    if (len > BLOCK_MAX || len == 0)
        return;
    std::string raw(len, '\0');
    uLongf got = len;
    if (uncompress((Bytef *)&raw[0], &got, (const Bytef *)value.data() + 4, value.size() - 4) !=
            Z_OK || got != len)
        return;
    std::string key, word;
    size_t i = 0;
    /* A length byte at I and as many bytes after it: where they start into
     * *AT and how many into *N, or false when the block ends before them. */
    auto field = [&](size_t *at, size_t *n) {
        if (i >= len || len - i - 1 < (unsigned char)raw[i])
            return false;
        *n = (unsigned char)raw[i];
        *at = i + 1;
        i += 1 + *n;
        return true;
    };
    while (i < len) {
        size_t keep = (unsigned char)raw[i++], more, more_len;
        if (keep > key.size() || !field(&more, &more_len) || i >= len)
            return;
        key.resize(keep);
        key.append(raw, more, more_len);
        size_t at = (unsigned char)raw[i++], ins = 0, ins_len = 0, tail, tail_len;
        if (at == WHOLE ? !field(&tail, &tail_len)
                        : at > key.size() || !field(&ins, &ins_len) || !field(&tail, &tail_len))
            return;
        Take take = want(key);
        if (take == STOP)
            break;
        if (take == SKIP)
            continue;
        if (at == WHOLE) {
            word.assign(raw, tail, tail_len);
        } else {
            word.assign(key, 0, at);
            word.append(raw, ins, ins_len);
            word.append(key, at, std::string::npos);
            word.append(raw, tail, tail_len);
        }
        visit(key, word);
    }
}

/* The pairs of block NAME, sorted (a damaged block gives those before the
 * damage). */
static std::vector<Entry> read_block(const Xapian::Database &db, const std::string &name)
{
    std::vector<Entry> entries;
    decode(db.get_metadata(TW_META_SPELL_BLOCK + name), [](const std::string &) { return TAKE; },
           [&](const std::string &k, const std::string &w) { entries.emplace_back(k, w); });
    return entries;
}

bool tw_spell_ready(const Xapian::Database &db)
{
    return db.size() == 1 && db.get_metadata(TW_META_SPELL) == format();
}

void tw_spell_lookup(const Xapian::Database &db, const std::string &word,
                     std::vector<std::string> *words, unsigned long *blocks)
{
    tw_spell_keys keys;
    tw_spell_keys_of(word.data(), word.size(), &keys);
    std::vector<std::string> wanted, names;
    for (unsigned i = 0; i < keys.n; i++)
        wanted.push_back(key_of(keys, i));
    std::sort(wanted.begin(), wanted.end());
    for (const std::string &k : wanted)
        names.push_back(block_of(k));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string &name : names) {
        ++*blocks;
        /* The block's pairs are sorted, as WANTED is: walked side by side,
         * past the wanted keys below each pair's. */
        size_t next = 0;
        decode(
            db.get_metadata(TW_META_SPELL_BLOCK + name),
            [&](const std::string &k) {
                while (next < wanted.size() && wanted[next] < k)
                    next++;
                if (next == wanted.size())
                    return STOP;    /* no more to find */
                return wanted[next] == k ? TAKE : SKIP;
            },
            [&](const std::string &, const std::string &w) { words->push_back(w); });
    }
}

void tw_spell_file(Xapian::WritableDatabase &db, const std::vector<std::string> &words)
{
    std::map<std::string, std::vector<Entry>> adds;
    tw_spell_keys keys;
    for (const std::string &w : words) {
        if (!tw_spell_word(w.data(), w.size()))
            continue;
        tw_spell_keys_of(w.data(), w.size(), &keys);
        for (unsigned i = 0; i < keys.n; i++) {
            std::string k = key_of(keys, i);
            adds[block_of(k)].emplace_back(k, w);
        }
    }
    /* One block at a time: holding every block a big batch touches would
     * hold most of them. */
    Packer packer;
    for (auto &a : adds) {
        std::vector<Entry> all = read_block(db, a.first);
        size_t had = all.size();
        all.insert(all.end(), a.second.begin(), a.second.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        if (all.size() > had)
            db.set_metadata(TW_META_SPELL_BLOCK + a.first, packer.pack(all));
        std::vector<Entry>().swap(a.second);
    }
}

/* Calls DO_ONE(i, packer) for each I below N, from THREADS threads (the
 * caller's among them) that take the next I as they finish one, each with a
 * Packer of its own.  The first exception thrown is thrown again once all
 * have stopped; a thread that cannot be started leaves its share to the
 * others. */
template <class DoOne> static void share_out(unsigned threads, size_t n, DoOne do_one)
{
    std::atomic<size_t> next{ 0 };
    std::exception_ptr failed;
    std::mutex failed_mu;
    auto work = [&]() {
        try {
            Packer packer;
            for (size_t i; (i = next++) < n;)
                do_one(i, packer);
        } catch (...) {
            std::lock_guard<std::mutex> hold(failed_mu);
            if (!failed)
                failed = std::current_exception();
            next = n;   /* the others stop too */
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < n; t++) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error &) {
            break;
        }
    }
    work();
    for (std::thread &h : helpers)
        h.join();
    if (failed)
        std::rethrow_exception(failed);
}

/* Blocks packed between two writes: thousands keep the threads busy, and
 * their values (tens of bytes each) wait in little memory. */
static const size_t PACKED_AT_ONCE = 4096;

void tw_spell_build(Xapian::WritableDatabase &db, unsigned threads)
{
    std::vector<std::string> old;
    for (Xapian::TermIterator k = db.metadata_keys_begin(TW_META_SPELL_BLOCK);
         k != db.metadata_keys_end(TW_META_SPELL_BLOCK); ++k)
        old.push_back(*k);
    for (const std::string &k : old)
        db.set_metadata(k, std::string());

    /* The words end to end: millions of them fit in tens of MB this way.
     * Spelling words start with a letter: prefixed terms (upper case) and
     * numbers sort before "a". */
    std::string text;
    std::vector<size_t> starts;
    /* So that a pair fits 32 bits below: words past 500 million are not filed. */
    const size_t most = UINT32_MAX / TW_SPELL_KEYS;
    Xapian::TermIterator t = db.allterms_begin();
    t.skip_to("a");
    for (; t != db.allterms_end() && starts.size() < most; ++t) {
        const std::string &term = *t;
        if (tw_spell_word(term.data(), term.size())) {
            starts.push_back(text.size());
            text += term;
        }
    }
    starts.push_back(text.size());

    /* Each block's pairs as word number * TW_SPELL_KEYS + key number: four
     * bytes a pair, where two strings would take some sixty. */
    std::unordered_map<std::string, std::vector<uint32_t>> blocks;
    tw_spell_keys keys;
    for (size_t i = 0; i + 1 < starts.size(); i++) {
        tw_spell_keys_of(text.data() + starts[i], starts[i + 1] - starts[i], &keys);
        for (unsigned k = 0; k < keys.n; k++)
            blocks[std::string(keys.key[k], tw_spell_block_len(keys.len[k]))].push_back(
                (uint32_t)(i * TW_SPELL_KEYS + k));
    }
    /* Written in order of their keys: Xapian fills its B-tree's pages when
     * keys come in order, and leaves them part empty when they do not. */
    std::vector<std::string> names;
    for (const auto &b : blocks)
        names.push_back(b.first);
    std::sort(names.begin(), names.end());
    /* Deflating a block of a few pairs costs zlib some microseconds whatever
     * its size, and a bulk build ends with the blocks of its whole
     * vocabulary while its workers' cores wait: THREADS pack them, the
     * caller writes them, in order. */
    std::vector<std::string> values(std::min(names.size(), PACKED_AT_ONCE));
    for (size_t from = 0; from < names.size(); from += values.size()) {
        size_t n = std::min(values.size(), names.size() - from);
        share_out(threads, n, [&](size_t b, Packer &packer) {
            /* find(), not [], which may insert: the threads share the map. */
            std::vector<uint32_t> &pairs = blocks.find(names[from + b])->second;
            std::vector<Entry> entries;
            entries.reserve(pairs.size());
            tw_spell_keys word_keys;
            size_t keys_word = SIZE_MAX;    /* the word WORD_KEYS hold: a word's later
                                               keys mostly share a block */
            for (uint32_t pair : pairs) {
                size_t i = pair / TW_SPELL_KEYS;
                const char *word = text.data() + starts[i];
                size_t len = starts[i + 1] - starts[i];
                if (keys_word != i)
                    tw_spell_keys_of(word, len, &word_keys);
                keys_word = i;
                entries.emplace_back(key_of(word_keys, pair % TW_SPELL_KEYS),
                                     std::string(word, len));
            }
            std::sort(entries.begin(), entries.end());
            values[b] = packer.pack(entries);
            std::vector<uint32_t>().swap(pairs);
        });
        for (size_t b = 0; b < n; b++) {
            db.set_metadata(TW_META_SPELL_BLOCK + names[from + b], values[b]);
            std::string().swap(values[b]);
        }
    }
    db.set_metadata(TW_META_SPELL, format());
}
