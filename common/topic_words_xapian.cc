/* topic_words_xapian.cc - the words an article repeats, packed into a value
 * by the indexer and read back by feedback (see the header). */
#include "topic_words_xapian.h"

#include <algorithm>
#include <cstdlib>

#include "stem_cache_xapian.h"

/* Where the terms of the scripts the indexer keeps unstemmed begin in term
 * order: at the first of Thai (U+0E00), the first of them. */
static const char UNSTEMMED_FIRST[] = "\xe0\xb8\x80";

/* Whether TERM, used WDF times, is a topic word of those used LEAST times
 * or more (see tw_topic_words). */
static bool topic_word(const std::string &term, Xapian::termcount wdf, bool stemmed,
                       Xapian::termcount least)
{
    if (stemmed && tw_index_unstemmed(term))
        return wdf >= least;
    if (stemmed && term[0] != 'Z')
        return false;
    size_t skip = stemmed ? 1 : 0;
    if (wdf < least || term.size() < skip + 3)
        return false;
    unsigned char c = (unsigned char)term[skip];
    /* Unstemmed, field terms start with their capital prefix. */
    return (c >= 'a' && c <= 'z') || c >= 0x80;
}

void tw_topic_words(Xapian::TermIterator t, const Xapian::TermIterator &end, bool stemmed,
                    Xapian::termcount least, std::vector<TwTopicWord> &words)
{
    words.clear();
    /* The stemmed words sit together, after the fields' prefixes; the
     * unstemmed ones (Chinese, Japanese, Korean, Thai, Lao, Khmer and
     * Burmese) after all the words in Latin letters. */
    if (stemmed)
        t.skip_to("Z");
    for (; t != end; ++t) {
        const std::string &term = *t;
        if (stemmed && term[0] != 'Z')
            break;
        if (topic_word(term, t.get_wdf(), stemmed, least))
            words.push_back({ term, t.get_wdf() });
    }
    if (!stemmed || t == end)
        return;
    /* Past them, other scripts' words sit among them (Tibetan, Georgian,
     * Ethiopic...): topic_word leaves those out. */
    for (t.skip_to(UNSTEMMED_FIRST); t != end; ++t)
        if (topic_word(*t, t.get_wdf(), stemmed, least))
            words.push_back({ *t, t.get_wdf() });
}

std::string tw_topic_pack(const Xapian::Document &doc, bool stemmed)
{
    Xapian::termcount length = 0;
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        length += t.get_wdf();
    if (length > TW_TOPIC_MAX_LENGTH)
        return "l";
    std::string value = "w" + std::to_string(length) + " ";
    std::vector<TwTopicWord> words;
    tw_topic_words(doc.termlist_begin(), doc.termlist_end(), stemmed, TW_TOPIC_USES, words);
    for (const TwTopicWord &w : words) {
        if (w.term.find('\0') != std::string::npos)
            continue;
        value += (char)std::min<Xapian::termcount>(w.wdf, 255);
        value.append(w.term, stemmed && w.term[0] == 'Z' ? 1 : 0, std::string::npos);
        value += '\0';
    }
    return value;
}

bool tw_topic_unpack(const std::string &value, bool stemmed, double *length,
                     std::vector<TwTopicWord> &words)
{
    words.clear();
    if (value.size() < 3 || value[0] != 'w')
        return false;
    char *end;
    unsigned long n = std::strtoul(value.c_str() + 1, &end, 10);
    if (*end != ' ')
        return false;
    *length = std::max<double>(1, (double)n);
    size_t at = (size_t)(end - value.c_str()) + 1;
    while (at < value.size()) {
        Xapian::termcount wdf = (unsigned char)value[at++];
        size_t nul = value.find('\0', at);
        if (nul == std::string::npos || nul == at || wdf < 2)
            return false;
        /* The term is made in its place: a copy of the word, and another
         * with the 'Z' in front, were a fifth of the unpacking. */
        words.push_back({ std::string(), wdf });
        std::string &term = words.back().term;
        term.reserve(nul - at + 1);
        if (stemmed && !tw_index_unstemmed(value.data() + at, nul - at))
            term += 'Z';
        term.append(value, at, nul - at);
        at = nul + 1;
    }
    return true;
}
