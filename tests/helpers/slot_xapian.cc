/* slot_xapian.cc - test helper: how many articles of an index (a generation
 * folder, DIR/gen-N) hold a value in SLOT, and with --drop, takes the value out
 * of each of them first, as an index written before the slot existed would be.
 * Usage: slot DIR SLOT [--drop] */
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <xapian.h>

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || (argc == 4 && std::strcmp(argv[3], "--drop"))) {
        std::cerr << "usage: slot DIR SLOT [--drop]\n";
        return 2;
    }
    Xapian::valueno slot = (Xapian::valueno)std::atoi(argv[2]);
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_OPEN);
        if (argc == 4) {
            for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
                Xapian::Document doc = db.get_document(*p);
                doc.remove_value(slot);
                db.replace_document(*p, doc);
            }
            db.commit();
        }
        Xapian::doccount held = 0;
        for (Xapian::ValueIterator v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
            held++;
        std::cout << held << "\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "slot: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
