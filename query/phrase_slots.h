/* phrase_slots.h - which of the matches of a text's words (snippet.h,
 * tw_match) stand where a phrase of the query stands whole: a quoted
 * phrase lights its words there, not each of them wherever it stands. */
#ifndef TW_PHRASE_SLOTS_H
#define TW_PHRASE_SLOTS_H

#include <cstddef>
#include <vector>

extern "C" {
#include "snippet.h"
}

/* Marks in KEEP the matches of FOUND that stand in PHRASE where it is
 * whole.  PHRASE holds, for each of its words, the concepts (numbered below
 * CONCEPTS) that may fill it; PLACE[k] is the number of the word FOUND[k]
 * is (a term position, or a count one higher from a word to the next).  The
 * marks of other phrases are kept. */
void tw_phrase_keep(const std::vector<std::vector<unsigned>> &phrase, size_t concepts,
                    const std::vector<tw_match> &found, const std::vector<size_t> &place,
                    std::vector<bool> &keep);

#endif
