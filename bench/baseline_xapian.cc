/* baseline_xapian.cc - the yardstick for trawl's speed: the smallest honest
 * Xapian indexer and searcher.  One writer, TermGenerator with the English
 * stemmer and its default strategy, positions, the whole text as document data,
 * a unique-id term with replace_document, one commit at the end.
 *
 *   baseline_xapian index DB FILE...       (file names on the command line or,
 *                                           with "-", one per line on stdin)
 *   baseline_xapian search DB QUERIES      (one query per line; prints the mean
 *                                           and p95 microseconds per top-10 search,
 *                                           reading each hit's document data)
 *   baseline_xapian mset DB QUERIES        (the same, get_mset alone: any index,
 *                                           trawl's too)
 *   baseline_xapian rank DB QUERIES N and|or
 *                                          (for ranking quality: each query's top N
 *                                           file names on one tab-separated line,
 *                                           the words joined by AND or by OR, as
 *                                           Xapian's QueryParser does by default)
 */
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
#include <xapian.h>

static int index_files(const char *db_path, std::vector<std::string> files)
{
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    unsigned long long bytes = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const std::string &name : files) {
        std::ifstream in(name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        bytes += text.size();
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        doc.set_data(text);
        std::string id = "Q" + name.substr(0, 240);
        doc.add_boolean_term(id);
        db.replace_document(id, doc);
    }
    db.commit();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << files.size() << " files, " << bytes / 1e6 << " MB in " << secs << " s: "
              << bytes / 1e6 / secs << " MB/s\n";
    return 0;
}

/* SHOW: read each hit's document data, as a search tool that shows hits
 * must; without it, get_mset alone (what issue 15 compares trawl with). */
static int search(const char *db_path, const char *queries_path, bool show)
{
    Xapian::Database db(db_path);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    std::ifstream in(queries_path);
    std::vector<std::string> queries;
    std::string line;
    while (std::getline(in, line))
        queries.push_back(line);
    std::vector<double> us;
    unsigned long long hits = 0;
    /* The first pass is untimed, as in search_speed.c: both are measured on
     * an index that is in the page cache. */
    for (int pass = 0; pass < 2; pass++) {
        for (const std::string &q : queries) {
            auto t0 = std::chrono::steady_clock::now();
            Xapian::Enquire enquire(db);
            enquire.set_query(qp.parse_query(q));
            Xapian::MSet mset = enquire.get_mset(0, 10);
            /* Showing a hit means reading its document data, as any search tool does. */
            unsigned long long shown = show ? 0 : mset.size();
            for (Xapian::MSetIterator m = mset.begin(); show && m != mset.end(); ++m)
                shown += !m.get_document().get_data().empty();
            double took = std::chrono::duration<double, std::micro>(
                              std::chrono::steady_clock::now() - t0).count();
            if (pass) {
                us.push_back(took);
                hits += shown;
            }
        }
    }
    if (us.empty())
        return 1;
    double mean = 0;
    for (double u : us)
        mean += u;
    mean /= us.size();
    std::sort(us.begin(), us.end());
    std::cout << us.size() << " queries: mean " << mean << " us, p95 "
              << us[us.size() * 95 / 100] << " us, " << hits << " hits\n";
    return 0;
}

/* The file name a document was indexed under (its unique-id term). */
static std::string file_name(const Xapian::Database &db, Xapian::docid did)
{
    Xapian::TermIterator t = db.termlist_begin(did);
    t.skip_to("Q");
    return t != db.termlist_end(did) && (*t)[0] == 'Q' ? (*t).substr(1) : std::string();
}

static int rank(const char *db_path, const char *queries_path, Xapian::doccount n, bool all)
{
    Xapian::Database db(db_path);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    std::ifstream in(queries_path);
    std::string line;
    while (std::getline(in, line)) {
        Xapian::Enquire enquire(db);
        enquire.set_query(qp.parse_query(line));
        Xapian::MSet mset = enquire.get_mset(0, n);
        std::string out;
        for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m)
            out += (out.empty() ? "" : "\t") + file_name(db, *m);
        std::cout << out << "\n";
    }
    return 0;
}

int main(int argc, char **argv)
{
    try {
        if (argc >= 3 && std::string(argv[1]) == "index") {
            std::vector<std::string> files;
            if (argc == 4 && std::string(argv[3]) == "-") {
                std::string f;
                while (std::getline(std::cin, f))
                    files.push_back(f);
            } else {
                files.assign(argv + 3, argv + argc);
            }
            return index_files(argv[2], files);
        }
        if (argc == 6 && std::string(argv[1]) == "rank")
            return rank(argv[2], argv[3], (Xapian::doccount)std::stoul(argv[4]),
                        std::string(argv[5]) == "and");
        if (argc == 4 && (std::string(argv[1]) == "search" || std::string(argv[1]) == "mset"))
            return search(argv[2], argv[3], std::string(argv[1]) == "search");
    } catch (const Xapian::Error &e) {
        std::cerr << "baseline_xapian: " << e.get_description() << "\n";
        return 1;
    }
    std::cerr << "usage: baseline_xapian index DB FILE...|-  /  search|mset DB QUERIES  /  rank DB QUERIES N and|or\n";
    return 2;
}
