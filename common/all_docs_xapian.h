/* all_docs_xapian.h - matches that Xapian 1.4's "every document has this
 * term" shortcut cannot make fail.
 *
 * Why: when no weight reads a term's wdf (a filter's term, a term scaled by
 * 0, or any term of a match weighed by Xapian::BoolWeight) and every
 * document of a database has the term, Xapian 1.4.22 reads the list of all
 * the database's documents in its place, under the term's name.  Where the
 * database's docids have gaps (articles removed or written again: any index
 * grown run by run) and that list spans more than one chunk, reading it
 * through goes past its first chunk into the term's own list and throws
 * DatabaseCorruptError "Unexpected end of posting list for 'Len'" -- on a
 * sound index: `lang:en` alone on a grown index of English articles, its
 * `--count`, a story of two copies' band terms.  Looking a document up in
 * that list (skip_to) finds the term's own chunk, which lists every document
 * too, and gives the right answer; only reading it through fails. */
#ifndef TW_ALL_DOCS_XAPIAN_H
#define TW_ALL_DOCS_XAPIAN_H

#include <set>
#include <string>
#include <vector>
#include <xapian.h>

/* A weighting that weighs every match 0, as Xapian::BoolWeight does, but
 * asks for the wdf, so that each term of the match is read from its own
 * list.  Local databases only: a remote server knows only Xapian's own
 * schemes (tw_weigh_nothing). */
class TwZeroWeight : public Xapian::Weight {
  public:
    TwZeroWeight() { need_stat(WDF); }
    Xapian::Weight *clone() const override { return new TwZeroWeight; }
    void init(double) override {}
    double get_sumpart(Xapian::termcount, Xapian::termcount, Xapian::termcount) const override
    {
        return 0;
    }
    double get_maxpart() const override { return 0; }
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }
};

/* Has ENQUIRE weigh nothing: TwZeroWeight, or over a REMOTE shard BM25
 * (which reads the wdf too), whose weights the caller does not look at. */
void tw_weigh_nothing(Xapian::Enquire &enquire, bool remote);

/* Whether the I-th subquery of a query of OP is weighed when the query is
 * (WEIGHTED): not the right of a FILTER or an AND_NOT, which only keep or
 * leave out. */
bool tw_sub_weighted(Xapian::Query::op op, size_t i, bool weighted);

/* Appends to TERMS the terms of Q that no weight reads (on the right of a
 * FILTER or AND_NOT, or scaled by 0). */
void tw_unweighted_terms(const Xapian::Query &q, std::vector<std::string> &terms);

/* Q with each of those terms that is in AT_RISK (terms that every document
 * of a database may have) looked up rather than read through: as the
 * documents that are not among those without it.  Q itself when none is. */
Xapian::Query tw_all_docs_safe(const Xapian::Query &q, const std::set<std::string> &at_risk);

#endif
