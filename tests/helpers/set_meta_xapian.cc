/* set_meta_xapian.cc - test helper: writes one metadata entry into an index, as an
 * older or newer trawl (or another program) might have left it, or prints one.
 * A missing DIR becomes a glass database in DIR itself: the layout of indexes
 * written before trawl kept generations (indexer/store.h).
 * Usage: set_meta DIR KEY VALUE   (write)
 *        set_meta DIR KEY         (print KEY's value, a line) */
#include <iostream>
#include <xapian.h>

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: set_meta DIR KEY [VALUE]\n";
        return 2;
    }
    try {
        if (argc == 3) {
            std::cout << Xapian::Database(argv[1]).get_metadata(argv[2]) << "\n";
            return 0;
        }
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(argv[2], argv[3]);
        db.commit();
    } catch (const Xapian::Error &e) {
        std::cerr << "set_meta: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
