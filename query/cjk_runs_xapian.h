/* cjk_runs_xapian.h - a run of Chinese, Japanese or Korean characters typed
 * outside quotes, searched by its characters and ranked by its pairs.
 *
 * Xapian 1.4's parser (FLAG_CJK_NGRAM) makes such a run the AND of its
 * characters and of each pair of neighbours, the pairs that straddle two
 * words among them: "京都紅葉" (Kyoto, autumn leaves), two words typed
 * without a space as readers of these languages type them, needed "都紅",
 * and found no article that writes "京都で紅葉"; a Korean word with
 * another particle than the article's ("서울시가" for "서울시는") needed
 * "시가".  And an article that has the run as typed ranked no higher than
 * one that has its pairs apart ("東京都" and "東京と京都"). */
#ifndef TW_CJK_RUNS_XAPIAN_H
#define TW_CJK_RUNS_XAPIAN_H

#include <xapian.h>

/* Q with each run of three characters or more that the parser split (its
 * characters and pairs in a row under an AND) made to match the articles
 * that have each of its characters in a pair of the run's, the one before
 * or after it (a Korean particle's characters in none), ranked by its
 * characters and, on top, by each of its pairs they have and by the run
 * itself, as a phrase. */
Xapian::Query tw_cjk_runs_ranked(const Xapian::Query &q);

#endif
