/* schema.h - how articles are laid out in a Xapian index (schema version 13).
 * Both the writer and the reader include this; changing any meaning here means a
 * new TW_SCHEMA_VERSION, because old indexes would be read wrongly. */
#ifndef TW_SCHEMA_H
#define TW_SCHEMA_H

/* Version 4 indexes Chinese, Japanese and Korean text as characters and
 * pairs of characters (Xapian's CJK n-grams), where version 3 kept each run
 * between punctuation as one word, which no search of a word inside it
 * found. */
/* Version 5 adds each accented word's unaccented form (TW_PREFIX_ACCENTS),
 * which an index of version 4 lacks: its articles with "élection" are not
 * found by "election" (an index mixing both would find some and not
 * others, so a writer rebuilds rather than adds to a version 4 index). */
/* Version 6 may keep the pieces of a long body (TW_SLOT_PIECE0...) in LZ4's
 * format (piece_pack.h), which a reader of version 5 would take for damage.
 * An index of version 5 is one of version 6 whose pieces are all deflated:
 * a writer adds to it, and marks it 6. */
/* Version 7 splits a word elided onto the next by an apostrophe after its
 * clitic ("l'économie" is "l" and "économie", elision_xapian.h), and a
 * word's final "'s" ("Obama's" is "Obama" and "s"), where 6 kept each one
 * word that "économie" and "Obama" did not find.  An index mixing both
 * would find some articles and not others, so a writer rebuilds rather than
 * adds to a version 6 index; a reader splits a query's elided words only
 * when every index it searches is of version 7 or later. */
/* Version 8 files more words in the accents' space (common/accents.h):
 * Greek without tonos and with final sigma as sigma, Russian "ё" as "е",
 * Hebrew and Arabic without vowel points, hamza on alef and Persian yeh and
 * kaf as Arabic's, their digits and Hindi's as ASCII, ligatures spelt out;
 * indexes full-width letters and digits as ASCII words ("ＮＨＫ" is
 * "nhk", utf8.h tw_utf8_narrow), where 7 kept pairs of them; and splits a
 * Turkish case ending off a name ("Ankara'da", elision_xapian.h).  A writer rebuilds rather
 * than adds to a version 7 index, whose articles a search typed "εκλογες",
 * "שלום" or "nhk" would not find while the new ones it would. */
/* Version 9 indexes each word of a Thai, Lao, Khmer or Burmese run (split
 * by ICU's dictionaries, common/sea_words.h), unstemmed, where 8 kept the
 * run one word, and dropped it when longer than 64 bytes; a hyphenated
 * compound's parts run together too ("e-mail" as "email" beside "e" and
 * "mail", compound_xapian.h), which a query typed either way then looks
 * for; and half-width katakana as full-width ("ｶﾞｿﾘﾝ" as "ガソリン", utf8.h
 * tw_utf8_wide_kana).  A writer rebuilds rather than adds to a version 8
 * index, whose articles a search of a word inside a run, "email" or
 * "ガソリン" would not find while the new ones it would; a reader splits a
 * query's runs and joins its compounds only when every index it searches
 * is of version 9 or later. */
/* Version 10 parts the words of an article's near-duplicate signature at
 * typographic quotes, dashes and spaces and folds their case in every
 * script (store/minhash.h), which changes the band terms of articles with
 * them, and keeps more in the signature value: figures, shingle count,
 * opening, and a short text's shingles.  It also leaves out of an HTML
 * page's title the site's name after the headline its indented <h1> says
 * ("Headline - Site" and "<h1>\n Headline</h1>"), whose words 9 indexed as
 * the title's, and drops each of a body's first lines that repeats the
 * title, where 9 dropped the first only.  A writer adds to a version 9
 * index: its articles fold as before, by their MinHash entries (those with
 * such characters may miss copies added later), and keep their titles and
 * first lines, until --full. */
/* Version 11 indexes each number written with separators a second time
 * in its plain form ("1,500" and "1.500" as "1500" too, "3,5" as "3.5",
 * common/numbers_xapian.h), which a query typed with separators then looks
 * for; and initials in small letters as one word, as capitals are ("p.m."
 * as "pm", common/initials_xapian.h), where 10 kept each letter a word;
 * a word split by a hyphen at the end of a line joined too
 * ("infra-\nstructure" as "infrastructure", compound_xapian.h); and an
 * acronym's plural by its acronym's stem too ("MPs" as "mp",
 * acronym_plural.h).
 * A writer rebuilds rather than adds to a version 10 index, whose articles
 * a search typed "1500" or "1,500" would find only as they wrote it, and
 * "pm" not by their "p.m."; a reader makes a query's numbers plain, and
 * its acronyms' plurals acronyms, only when every index it searches is of
 * version 11 or later. */
/* Version 12 indexes a name that an elided clitic of one capital starts
 * ("O'Neill", "D’Angelo") with its parts run together too ("oneill",
 * elision_xapian.h), and a number spaced into groups of thousands ("15
 * 000", with a no-break space too) as its digits run together ("15000",
 * numbers_xapian.h), as readers type them; and initials by their mark too
 * ("U.S." and the US of running text as "u.s.", initials_xapian.h), which
 * a query's initials typed with full stops look for.  A
 * writer rebuilds rather than adds to a version 11 index, whose articles
 * "oneill" and "15000" would not find while the new ones they would, nor
 * "U.S." at all; a reader looks for marks only when every index it
 * searches is of version 12 or later. */
/* Since 2026-12-06 every field is stored and indexed in NFC, and a path
 * written otherwise also filed under its NFC (common/nfc.h), with no new
 * version: text already in NFC, nearly all text (all of Reuters, 871 of
 * web-eval's 884 pages), has the terms it had, so an index of version 12
 * answers as before for it; its articles written otherwise are found only
 * by a search typed in their form until --full rebuilds it. */
/* Version 13 indexes traditional Chinese characters as simplified ones
 * ("經濟" as "经济", common/hans.h), which a query in either spelling then
 * looks for; Japanese kanji fold alike.  A writer refuses to add to a
 * version 12 index with traditional characters in its terms, whose
 * articles no query would find once it is read in simplified ones (one
 * without is added to: it holds what version 13 would); a reader folds a query's
 * characters only when every index it searches is of version 13 or later,
 * so a version 12 index answers as before until --full rebuilds it. */
#define TW_SCHEMA_VERSION 13
/* The oldest schema a writer adds to (and then marks TW_SCHEMA_VERSION),
 * and an index of version 12 whose terms hold no character the Chinese
 * fold changes (writer_xapian.cc, holds_traditional): it holds what
 * version 13 would. */
#define TW_SCHEMA_OLDEST_ADDED 13
/* The first schema whose Thai, Lao, Khmer and Burmese runs are split. */
#define TW_SCHEMA_SEA_WORDS 9
/* The first schema whose words are split after an elided clitic. */
#define TW_SCHEMA_ELISIONS 7
/* The first schema that indexes hyphenated compounds joined. */
#define TW_SCHEMA_COMPOUNDS 9
/* The first schema that indexes numbers' plain forms. */
#define TW_SCHEMA_NUMBERS 11
/* The first schema that indexes acronyms' plurals by their acronyms. */
#define TW_SCHEMA_PLURALS 11
/* The first schema that indexes initials by their mark too. */
#define TW_SCHEMA_INITIALS 12
/* The first schema that indexes Chinese in simplified characters. */
#define TW_SCHEMA_HANS 13
/* The oldest schema a reader still reads: version 2 kept the stored body
 * whole in the record (docdata.h), and differs from 3 in nothing else; in
 * 2 and 3 only searches of Chinese, Japanese or Korean words miss what 4
 * finds, in 4 only words spelt with other accents, in 5 and 6 only
 * words after an elided clitic, in 7 only words of other scripts than
 * Latin spelt with other marks, and full-width letters and digits, and in
 * 8 only words inside Thai, Lao, Khmer and Burmese runs, hyphenated
 * words searched joined ("email" for "e-mail") and katakana in the other
 * width, and in 9 and 10 only numbers searched written otherwise ("1500"
 * for "1,500"), initials in small letters ("p.m."), words split at the
 * end of a line and acronyms' plurals searched by their acronyms, and in
 * 11 only names after a capital's clitic searched run together ("oneill")
 * and numbers spaced into groups searched by their digits ("15000"), and
 * in 12 only Chinese searched in the other spelling ("台风" for "颱風").
 * Writers write only TW_SCHEMA_VERSION. */
#define TW_SCHEMA_OLDEST_READ 2

/* Term prefixes. */
#define TW_PREFIX_ID     "Q"   /* unique article id (hashed when long) */
#define TW_PREFIX_TITLE  "S"   /* title words, with positions */
#define TW_PREFIX_AUTHOR "A"   /* author words */
#define TW_PREFIX_HOST   "H"   /* site: the url's host and the site name, as
                                  tw_site_key gives them, boolean */
#define TW_PREFIX_PATH   "P"   /* source file path, boolean */
#define TW_PREFIX_URL    "U"   /* the url as given, boolean */
#define TW_PREFIX_LANG   "L"   /* the article's language, ISO 639-1 ("Lde"),
                                  boolean (indexer/formats/lang.h) */
/* A word of the text, a title's (after "S") or an author's (after "A"),
 * or a stem of one (after "Z"), that has accented Latin letters is indexed
 * a second time without them (common/accents.h) after this letter, with
 * the same positions and count: "élection" as "Felection", its title form
 * "Sélection" as "FSelection", its stem "Zélect" as "ZFelect".  Words
 * without accents are not, so "election" stands for the articles that
 * wrote it so and "Felection" for those that accented it. */
#define TW_PREFIX_ACCENTS "F"
#define TW_PREFIX_BAND   "XD"  /* near-duplicate band keys (indexer/minhash.h),
                                  boolean: band number and 8 hex digits */
/* "XS" + a story key: a term indexes of schema 2 written before 2026-11-25
 * (session 4) may still carry; nothing reads it now. */

/* Value slots. */
#define TW_SLOT_DATE   0       /* sortable_serialise(seconds since epoch, UTC) */
#define TW_SLOT_MTIME  1       /* sortable_serialise(file mtime) */
#define TW_SLOT_SIZE   2       /* sortable_serialise(file size in bytes) */
#define TW_SLOT_HASH   3       /* 16 hex digits: FNV-1a 64 of the article's record
                                  fields (its id and path among them) and its
                                  stored text (indexer/lane.c): two articles of
                                  one text differ, which ties by hash count on */
#define TW_SLOT_SIG    4       /* MinHash signature (minhash.h), up to
                                  TW_MINHASH_BYTES */
#define TW_SLOT_STORY  5       /* key shared by the near-copies of one story;
                                  absent on an article with no copy */
#define TW_SLOT_SITE   6       /* site name, else the url's host (facets) */
#define TW_SLOT_AUTHOR 7       /* author as given (facets) */
#define TW_SLOT_YEAR   8       /* "2021": year of the date (facets) */
#define TW_SLOT_SHOWN  9       /* the document data's fields before the body
                                  (docdata.h): what a hit shows, read without
                                  the record, which glass may have compressed
                                  whole and would inflate, body and all.
                                  Absent in indexes written before 2026-12-02:
                                  readers then take the record. */
#define TW_SLOT_TOPIC  10      /* the words the article repeats, for feedback
                                  (topic_words_xapian.h); absent in indexes
                                  written before 2026-12-02 */
#define TW_SLOT_LANG   11      /* "de": the article's language (facets); absent
                               when it has none, and in indexes written before
                               2026-12-02 */
/* sortable_serialise(the date's seconds on the clock it was written by: the
 * epoch plus its offset, common/date.h), on every dated article: the slot
 * date: filters on, so that a day is the day the page showed.  Absent in
 * indexes written before 2026-12-06, whose articles date: then filters on
 * TW_SLOT_DATE (query/fields_xapian.cc). */
#define TW_SLOT_CLOCK  12
#define TW_SLOT_PIECE0 16      /* piece I of the stored body (docdata.h) is in
                                  slot TW_SLOT_PIECE0 + I (schema 3) */

/* Metadata keys. */
#define TW_META_SCHEMA  "trawl.schema"
/* The stemmer by the name Xapian gives it ("english" for "en": the names
 * are compared); an index written before may hold a code. */
#define TW_META_STEMMER "trawl.stemmer"
/* "1" when each article's words were stemmed in its own language (the
 * TW_PREFIX_LANG terms say which languages the index holds), TW_META_STEMMER
 * being the stemmer of articles in a language Xapian has none for, or of no
 * known language; absent when TW_META_STEMMER stemmed every article. */
#define TW_META_STEM_LANGS "trawl.stem-by-language"
#define TW_META_VERSION "trawl.version"
#define TW_META_UPDATED "trawl.updated"   /* seconds since epoch of the last commit */
/* The commit a merge or compaction made the generation with, carried on
 * by each commit since that wrote or deleted no article ("REVISION UUID":
 * common/marks_xapian.h; indexer/store/writer.h, tw_writer_compacted);
 * absent otherwise.  (Written as the bare revision before 2026-12-08, which
 * names no commit now: such an index is compacted once more.) */
#define TW_META_COMPACTED "trawl.compacted"
/* The part of its collection the index holds: "K/N" (trawl-index --shard K/N)
 * or TW_PART_WHOLE; missing in indexes written before it was recorded. */
#define TW_META_PART    "trawl.shard"
#define TW_PART_WHOLE   "all"
/* The working folder the index's relative ids were named from (trawl-index
 * given a relative PATH): "DEV INODE PATH"; missing when none was given. */
#define TW_META_BASE    "trawl.base"
/* The PATHs runs were given, normalised (indexer/roots.h), one a line:
 * what a later run's PATH is checked against, as ids hold the paths as
 * given.  Missing in indexes written before it was recorded. */
#define TW_META_ROOTS   "trawl.roots"
/* TW_BUILD_UNFINISHED when the index is what a bulk build (a first build, or
 * --full) had done when it was stopped: the next run goes on in bulk, adding
 * to it.  Missing once a bulk build finished, and in indexes from before. */
#define TW_META_BUILD   "trawl.build"
#define TW_BUILD_UNFINISHED "unfinished"
/* One key per file indexed: TW_META_FILE + the path (shortened like id terms); the
 * value is "SIZE MTIME_SEC MTIME_NSEC HASH ARTICLES INODE CTIME_SEC CTIME_NSEC\nPATH"
 * (the last three missing in records of trawls before them; MTIME_NSEC -1 and
 * HASH 0 for a file whose indexing did not finish).  These records make
 * re-runs incremental; they are written in the same commits as the articles. */
#define TW_META_FILE    "trawl.file:"
/* One key per site whose articles give its name: TW_META_SITE + the host (as
 * tw_site_key gives it), the value the name.  Facets count an article that
 * gave only its url under that name, not beside it under the host. */
#define TW_META_SITE    "trawl.site:"
/* One key per host whose pages' titles end with the same tail
 * (common/title_tail.h) on TW_TAIL_PAGES pages or more: TW_META_TITLE_TAIL +
 * the host (as tw_site_key gives it), the value the tail.  Hits and stored
 * articles are shown without it; the title's words stay indexed. */
#define TW_META_TITLE_TAIL "trawl.tail:"
/* The table the index's traditional Chinese characters were folded to
 * simplified ones with (common/hans.h, tw_hans_table): each traditional
 * character followed by its simplified one.  Filed at the first commit
 * that met an ideograph; writers and queries then fold with it, not with
 * the table of the ICU they run with.  Missing in an index without one
 * (they build ICU's). */
#define TW_META_HANS "trawl.hans"
/* What the index's seals (common/docdata.h) can be trusted for: the
 * commit ("REVISION UUID": common/marks_xapian.h) at which every record and
 * shown fields' value it held ended with its seal.  Set by a writer that
 * began with no article and renewed by each commit of one that adds to an
 * index whose mark names its last commit; a merge of sources that all had
 * one names its own commit.  A reader then takes a value that ends with
 * none for damage (the seal's own tag or length spoiled, or the value cut
 * short).  A writer from before seals commits without renewing it, and a
 * mark that names no longer the last commit (or TW_SEALED_SOME, what a
 * merge of such an index files; or "1", as filed before 2026-12-08) says
 * only that some records are sealed: one without a seal is damage when
 * the document's other value has one (docdata.h, tw_seal_damaged).  An
 * index from before seals, or merged with one, lacks the key, and is read
 * as it was. */
#define TW_META_SEALED "trawl.sealed"
#define TW_SEALED_SOME "some"

/* The spelling blocks (common/spell_blocks_xapian.h): TW_META_SPELL holds the
 * format of the blocks, and each block is TW_META_SPELL_BLOCK + the first
 * bytes of the keys it holds (common/spell_keys.h).  Indexes without them
 * (written before 2026-12-02) are corrected by reading the vocabulary, and
 * get them at their next commit; they need no new schema version. */
#define TW_META_SPELL       "trawl.spell"
#define TW_META_SPELL_BLOCK "trawl.spell:"

/* Xapian refuses terms over 245 bytes; ids and paths longer than this are stored
 * as a prefix of themselves plus a hash of the whole. */
#define TW_MAX_KEY_TERM 200

/* Title words count this many times a body word. */
#define TW_TITLE_WDF 3

/* Body text kept in the document data for snippets. */
#define TW_STORED_BODY_MAX (64 * 1024)

/* The stored body is cut into pieces of this many bytes or a little more
 * (docdata.h): a snippet reads one or two.  1 KiB: a passage of 200 bytes
 * mostly fits one; a smaller piece makes the map longer, the passage cross
 * a cut more often, and deflates worse.  2 KiB pieces deflated 2% smaller
 * (of the index, linux-doc) but had a snippet read a third more text. */
#define TW_PIECE_BYTES 1024
#define TW_PIECES_MAX (TW_STORED_BODY_MAX / TW_PIECE_BYTES + 1)

#endif
