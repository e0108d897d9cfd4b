/* phrase_slots.cc - which of the matches of a text's words stand where a
 * phrase of the query stands whole. */
#include <algorithm>
#include <cstdint>
#include <vector>

#include "phrase_slots.h"

/* A set of the slots of a phrase, a bit each: slot J is bit J % 64 of word
 * J / 64.  Stepping through the matches with sets of slots costs a few words
 * of bits per match, whatever the phrase: checking each match's slots one by
 * one cost the square of the phrase's length per match (a quoted phrase of
 * 1,000 words over a long text took minutes). */
typedef std::vector<uint64_t> Slots;

/* S moved up BY slots (S << BY): the slots a run of matches reaches one
 * place later, BY places later. */
static void slots_shift(Slots &s, size_t by)
{
    size_t words = by / 64, bits = by % 64;
    for (size_t i = s.size(); i-- > 0;) {
        uint64_t v = 0;
        if (i >= words) {
            v = s[i - words] << bits;
            if (bits && i > words)
                v |= s[i - words - 1] >> (64 - bits);
        }
        s[i] = v;
    }
}

static bool slots_meet(const Slots &a, const Slots &b)
{
    for (size_t i = 0; i < a.size() && i < b.size(); i++)
        if (a[i] & b[i])
            return true;
    return false;
}

/* The end of the run of FOUND that share the place of FOUND[K]. */
static size_t group_end(const std::vector<size_t> &place, size_t k)
{
    size_t e = k + 1;
    while (e < place.size() && place[e] == place[k])
        e++;
    return e;
}

/* The places where all of PHRASE (its slots' concepts, each concept's slots
 * in SLOTS_OF) stands in FOUND at PLACE, in order: a set of the slots that
 * the words up to here fill, from some place before, is moved on by a place
 * and kept where the words here fill the next slot. */
static std::vector<size_t> phrase_starts(const std::vector<std::vector<unsigned>> &phrase,
                                         const std::vector<Slots> &slots_of,
                                         const std::vector<tw_match> &found,
                                         const std::vector<size_t> &place)
{
    size_t n = phrase.size(), last = n - 1;
    Slots run((n + 63) / 64), here(run.size());
    std::vector<size_t> starts;
    for (size_t k = 0, e; k < found.size(); k = e) {
        e = group_end(place, k);
        std::fill(here.begin(), here.end(), 0);
        for (size_t g = k; g < e; g++)
            for (size_t i = 0; i < slots_of[found[g].concept].size(); i++)
                here[i] |= slots_of[found[g].concept][i];
        if (k > 0 && place[k] == place[k - 1] + 1)
            slots_shift(run, 1);
        else
            std::fill(run.begin(), run.end(), 0);
        run[0] |= 1;
        for (size_t i = 0; i < run.size(); i++)
            run[i] &= here[i];
        if (run[last / 64] >> (last % 64) & 1)
            starts.push_back(place[k] - last);
    }
    return starts;
}

/* Marks in KEEP the matches of FOUND that stand in PHRASE where it is
 * whole: a match is in the slot its place is past a start of the phrase
 * (STARTS), when its concept may fill that slot. */
static void keep_in_phrase(const std::vector<std::vector<unsigned>> &phrase,
                           const std::vector<Slots> &slots_of,
                           const std::vector<tw_match> &found,
                           const std::vector<size_t> &place,
                           const std::vector<size_t> &starts, std::vector<bool> &keep)
{
    Slots since((phrase.size() + 63) / 64);     /* slot J: the phrase starts J places back */
    size_t next = 0;
    for (size_t k = 0, e; k < found.size(); k = e) {
        e = group_end(place, k);
        if (k > 0)
            slots_shift(since, place[k] - place[k - 1]);
        for (; next < starts.size() && starts[next] <= place[k]; next++)
            if (place[k] - starts[next] < phrase.size())
                since[(place[k] - starts[next]) / 64] |= 1ULL << ((place[k] - starts[next]) % 64);
        for (size_t g = k; g < e; g++)
            keep[g] = keep[g] || slots_meet(since, slots_of[found[g].concept]);
    }
}

void tw_phrase_keep(const std::vector<std::vector<unsigned>> &phrase, size_t concepts,
                    const std::vector<tw_match> &found, const std::vector<size_t> &place,
                    std::vector<bool> &keep)
{
    if (phrase.empty())
        return;
    std::vector<Slots> slots_of(concepts);
    for (size_t j = 0; j < phrase.size(); j++)
        for (unsigned c : phrase[j]) {
            slots_of[c].resize((phrase.size() + 63) / 64);
            slots_of[c][j / 64] |= 1ULL << (j % 64);
        }
    keep_in_phrase(phrase, slots_of, found, place, phrase_starts(phrase, slots_of, found, place),
                   keep);
}
