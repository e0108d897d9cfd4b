# trawl - build, install, test.  Plain GNU make; see README.md.
#
#   make                 library and tools, in build/
#   make check           every test; ends with "N passed, N failed"
#   make check SANITIZE=1  the same under AddressSanitizer + UBSan (build/san/)
#   make demo            index corpus/ and run sample searches
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=

VERSION := $(shell sed -n 's/^\#define TRAWL_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' include/trawl.h | paste -sd.)
SOMAJOR := 0

CC  ?= cc
CXX ?= c++
OBJCOPY ?= objcopy
PKG_CONFIG ?= pkg-config
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags xapian-core zlib liblz4 jansson libxml-2.0 libarchive libbrotlidec libzstd uchardet icu-uc icu-i18n 2>/dev/null)
# CLD2 (language detection), libcsv (CSV tables) and libstemmer (the
# stemmers Xapian lacks) ship no pkg-config file.
DEPS_LIBS   := $(shell $(PKG_CONFIG) --libs xapian-core zlib liblz4 jansson libxml-2.0 libarchive libbrotlidec libzstd uchardet icu-uc icu-i18n 2>/dev/null) -lcld2 -lcsv -lstemmer -lm

OPT      ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wformat=2 -Wno-format-nonliteral
CPPFLAGS += -D_GNU_SOURCE -Iinclude -Icommon -Iindexer -Iquery $(DEPS_CFLAGS)
CFLAGS   += -std=c11 $(OPT) $(WARN)
CXXFLAGS += -std=c++17 $(OPT) $(WARN)

BUILD := build
ifeq ($(SANITIZE),1)
  BUILD := build/san
  SAN   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  CFLAGS   += $(SAN)
  CXXFLAGS += $(SAN)
  LDFLAGS  += $(SAN)
endif

LIB_SRC := common/status.c common/buf.c common/utf8.c common/accents.c common/date.c common/date_relative.c common/docdata.c common/piece_pack.c \
           common/title_tail.c common/sea_words.c common/hans.c common/nfc.c common/author_cap.c \
           common/hash.c common/keyterm.c common/entities.c common/url.c common/errors_xapian.cc \
           common/stem_cache_xapian.cc common/stem_name_xapian.cc common/stem_snowball_xapian.cc common/accents_xapian.cc common/elision_xapian.cc common/compound_xapian.cc common/numbers_xapian.cc common/initials_xapian.cc common/stub.c common/dir_bytes.c common/glass_tables.c common/acronym_plural.c common/spell_keys.c \
           common/spell_blocks_xapian.cc common/topic_words_xapian.cc common/all_docs_xapian.cc common/marks_xapian.cc \
           indexer/read.c indexer/walk.c indexer/pathset.c indexer/lane.c indexer/index_file.c \
           indexer/bulk_route.c indexer/bulk.c indexer/roots.c indexer/add_path.c indexer/indexer.c indexer/compact.c \
           indexer/formats/sniff.c indexer/formats/charset.c indexer/formats/charset_guess.c indexer/formats/charset_label.c indexer/formats/clean.c \
           indexer/formats/extract.c indexer/formats/extract_text.c indexer/formats/text_article.c \
           indexer/formats/extract_sgml.c indexer/formats/sgml_scan.c indexer/formats/extract_json.c indexer/formats/record_fields.c indexer/formats/extract_csv.c indexer/formats/extract_feed.c indexer/formats/extract_xml.c indexer/formats/xml_records.c \
            indexer/formats/extract_html.c indexer/formats/byline_name.c indexer/formats/byline_parts.c indexer/formats/byline_shown.c indexer/formats/text_lines.c indexer/formats/shown_headline.c indexer/formats/meta_value.c indexer/formats/near_headline.c indexer/formats/date_lines.c indexer/formats/html_teaser.c indexer/formats/page_missing.c indexer/formats/consent_wall.c indexer/formats/site_name.c indexer/formats/html_parse.c indexer/formats/html_guard.c indexer/formats/html_tree.c \
           indexer/formats/html_content.c indexer/formats/link_kind.c indexer/formats/repeated_lines.c indexer/formats/boilerplate.c indexer/formats/archive.c \
           indexer/formats/extract_warc.c indexer/formats/lang_cld2.cc indexer/formats/lang_names.c \
           indexer/store/store.c indexer/store/writer_xapian.cc indexer/store/apart.c indexer/store/minhash.c \
           indexer/store/stories_xapian.cc \
           query/results.c query/author_names.c query/snippet.c query/snippet_terms_xapian.cc query/text_words_xapian.cc \
           query/phrase_slots.cc query/expansions_xapian.cc query/excerpt_xapian.cc query/db_xapian.cc query/shards_xapian.cc \
           query/kept_answers_xapian.cc query/shown_fields_xapian.cc query/fields_xapian.cc \
           query/typed_text_xapian.cc query/group_scope.cc query/parse_xapian.cc query/languages_xapian.cc \
           query/search_xapian.cc query/article_xapian.cc query/find_article_xapian.cc query/like_xapian.cc query/ids_xapian.cc \
           query/suggest_xapian.cc query/ranking_xapian.cc query/hit_docs_xapian.cc query/ties_xapian.cc \
           query/story_copies_xapian.cc query/shard_copies_xapian.cc query/story_shown_xapian.cc query/match_ready_xapian.cc query/match_bound_xapian.cc query/wildcards_xapian.cc query/cjk_runs_xapian.cc \
           query/watch.c
CLI_SRC   := common/cli.c common/json_out.c common/article_json.c
INDEX_SRC := indexer/index_cli.c indexer/warn_groups.c indexer/progress_line.c indexer/trawl_index.c
QUERY_SRC := query/query_cli.c query/text_wrap.c query/format.c query/trawl_query.c

obj = $(patsubst %,$(BUILD)/%.o,$(basename $(1)))
LIB_OBJ   := $(call obj,$(LIB_SRC))
CLI_OBJ   := $(call obj,$(CLI_SRC))
INDEX_OBJ := $(call obj,$(INDEX_SRC))
QUERY_OBJ := $(call obj,$(QUERY_SRC))

STATIC := $(BUILD)/libtrawl.a
# The archive `make install` puts in place (see its rule).
INSTALL_STATIC := $(BUILD)/install/libtrawl.a
SHARED := $(BUILD)/libtrawl.so.$(SOMAJOR)
TOOLS  := $(BUILD)/trawl-index $(BUILD)/trawl-query

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
# Unit tests of the library's own Xapian classes are C++.
UNIT_CXX_SRC := $(wildcard tests/unit/test_*_xapian.cc)
UNIT_BIN += $(patsubst tests/unit/%_xapian.cc,$(BUILD)/tests/%,$(UNIT_CXX_SRC))

.PHONY: all install uninstall check unit demo bench clean deps
all: $(STATIC) $(INSTALL_STATIC) $(SHARED) $(TOOLS) $(BUILD)/trawl.pc

# Library objects: position-independent, hidden unless marked TRAWL_API.
$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DTRAWL_BUILDING -fPIC -fvisibility=hidden $(CFLAGS) -MMD -MP -c $< -o $@
$(BUILD)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) -DTRAWL_BUILDING -fPIC -fvisibility=hidden $(CXXFLAGS) -MMD -MP -c $< -o $@

$(STATIC): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# The tools and the unit tests call the library's internals through
# $(STATIC).  A program linking the installed archive must meet none of
# them: its own class or function of the same name (a Stories, a
# DateProcessor) clashed with the library's, or worse, their inline
# members and vtables were silently merged.  So the objects are linked
# into one, section groups dissolved, and every symbol hidden from the
# shared library is made local to it: what stays global is the trawl_*
# API and the instances of Xapian's and the C++ library's templates.
$(INSTALL_STATIC): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(LD) -r --force-group-allocation -o $(@D)/libtrawl.o $(LIB_OBJ)
	$(OBJCOPY) --localize-hidden $(@D)/libtrawl.o
	rm -f $@
	$(AR) rcs $@ $(@D)/libtrawl.o

$(SHARED): $(LIB_OBJ) trawl.map
	$(CXX) -shared -Wl,-soname,libtrawl.so.$(SOMAJOR) -Wl,--version-script=trawl.map \
	    -Wl,--no-undefined $(LDFLAGS) -o $@ $(LIB_OBJ) $(DEPS_LIBS)
	ln -sf libtrawl.so.$(SOMAJOR) $(BUILD)/libtrawl.so

# The tools link the static library: no run-time search path to get wrong.
$(BUILD)/trawl-index: $(INDEX_OBJ) $(CLI_OBJ) $(STATIC)
	$(CXX) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS)
$(BUILD)/trawl-query: $(QUERY_OBJ) $(CLI_OBJ) $(STATIC)
	$(CXX) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS)

# trawl.pc names where the library is: install writes it anew for the
# PREFIX it installs to, since the one built by `make` holds the PREFIX of
# that run (make cannot see that a variable changed).
PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' trawl.pc.in
$(BUILD)/trawl.pc: trawl.pc.in include/trawl.h
	$(PC_SED) > $@

# Unit tests see the library's internals through the static archive; each
# names the headers it read (tests/unit's shared ones too) in BIN.d, so that
# a change to one rebuilds every test that includes it.
$(BUILD)/tests/%: tests/unit/%.c $(STATIC) $(CLI_OBJ) $(filter-out %/trawl_index.o %/trawl_query.o,$(INDEX_OBJ) $(QUERY_OBJ))
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -MF $@.d -MT $@ -o $@ $< \
	    $(filter-out $(STATIC),$(filter %.o,$^)) $(STATIC) $(LDFLAGS) -lcmocka $(DEPS_LIBS) -lstdc++

$(BUILD)/tests/%: tests/unit/%_xapian.cc $(STATIC)
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -MF $@.d -MT $@ -o $@ $< $(STATIC) $(LDFLAGS) -lcmocka $(DEPS_LIBS)

# Helpers the shell tests run.
HELPERS := $(BUILD)/tests/hold_lock $(BUILD)/tests/set_meta $(BUILD)/tests/slot \
           $(BUILD)/tests/search_probe $(BUILD)/tests/detect_lang
$(BUILD)/tests/hold_lock $(BUILD)/tests/search_probe $(BUILD)/tests/detect_lang: $(BUILD)/tests/%: tests/helpers/%.c $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(STATIC) $(LDFLAGS) $(DEPS_LIBS) -lstdc++
$(BUILD)/tests/set_meta: tests/helpers/set_meta_xapian.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -o $@ $< $(LDFLAGS) $(DEPS_LIBS)
$(BUILD)/tests/slot: tests/helpers/slot_xapian.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -o $@ $< $(LDFLAGS) $(DEPS_LIBS)

# Benchmark programs (not part of `make check`).
$(BUILD)/bench/extract_speed: bench/extract_speed.c $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(STATIC) $(LDFLAGS) $(DEPS_LIBS) -lstdc++

$(BUILD)/bench/search_speed: bench/search_speed.c $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(STATIC) $(LDFLAGS) $(DEPS_LIBS) -lstdc++

$(BUILD)/bench/baseline_xapian: bench/baseline_xapian.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -o $@ $< $(LDFLAGS) $(DEPS_LIBS)

$(BUILD)/bench/stories: bench/stories.cc $(STATIC)
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -o $@ $< $(STATIC) $(LDFLAGS) $(DEPS_LIBS)

$(BUILD)/bench/stem_words: bench/stem_words.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -o $@ $< $(LDFLAGS) $(DEPS_LIBS)

$(BUILD)/bench/lang_detectors: bench/lang_detectors.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(shell $(PKG_CONFIG) --cflags libexttextcat 2>/dev/null) -o $@ $< \
	    $(LDFLAGS) -lcld2 $(shell $(PKG_CONFIG) --libs libexttextcat 2>/dev/null)

BENCH_BIN := $(BUILD)/bench/extract_speed $(BUILD)/bench/search_speed \
             $(BUILD)/bench/baseline_xapian $(BUILD)/bench/stories \
             $(BUILD)/bench/stem_words $(BUILD)/bench/lang_detectors

# The benchmark-only packages first: lang_detectors builds against one.
bench:
	scripts/install-deps --bench
	$(MAKE) all $(BENCH_BIN)
	bench/run.sh $(BUILD)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/
	install -m 644 include/trawl.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(INSTALL_STATIC) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/
	ln -sf libtrawl.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libtrawl.so
	$(PC_SED) > $(DESTDIR)$(LIBDIR)/pkgconfig/trawl.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/trawl.pc
	install -m 644 docs/trawl-index.1 docs/trawl-query.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 docs/libtrawl.3 $(DESTDIR)$(MANDIR)/man3/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/trawl-index $(DESTDIR)$(BINDIR)/trawl-query \
	    $(DESTDIR)$(INCLUDEDIR)/trawl.h $(DESTDIR)$(LIBDIR)/libtrawl.a \
	    $(DESTDIR)$(LIBDIR)/libtrawl.so $(DESTDIR)$(LIBDIR)/libtrawl.so.$(SOMAJOR) \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/trawl.pc \
	    $(DESTDIR)$(MANDIR)/man1/trawl-index.1 $(DESTDIR)$(MANDIR)/man1/trawl-query.1 \
	    $(DESTDIR)$(MANDIR)/man3/libtrawl.3

deps:
	scripts/install-deps

# Makes the library's opendir and strdup fail where the test asks (the test
# says why).
$(BUILD)/tests/test_walk_failures: LDFLAGS += -Wl,--wrap=opendir,--wrap=strdup,--wrap=open

# The thread test runs in make check too, without ThreadSanitizer: readers
# beside a writer that commits every few articles must all succeed.
unit: $(UNIT_BIN) $(HELPERS) $(BUILD)/tests/tsan/tsan_threads

check: all unit
	BUILD=$(BUILD) SANITIZE=$(SANITIZE) tests/run-all.sh

# ------------------------------------------------------ fuzzing and ThreadSanitizer
# tests/fuzz/fuzz_TARGET.c: one libFuzzer target per format reader, one for the
# query language, one for the look at a glass index's tables (glass_tables.c).  `make fuzz` builds them and the library with clang, libFuzzer,
# ASan and UBSan in build/fuzz/ (a sub-make: the normal build is untouched),
# with windows that grow a few bytes at a time (TW_FUZZ_SMALL_WINDOWS, read.h),
# and runs each for FUZZ_SECONDS (scripts/fuzz; FUZZ_TARGETS picks some).  For
# `make check`, the same targets are also built with CC and tests/fuzz/replay.c
# (replay_TARGET), which tests/e2e/80-fuzz.sh runs on tests/fuzz/regressions/.
# `make tsan` runs tests/tsan/ with the library built for ThreadSanitizer in
# build/tsan/.
FUZZ_ALL     := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_CXX     ?= clang++
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
REPLAY_BIN   := $(patsubst %,$(BUILD)/tests/fuzz/replay_%,$(FUZZ_ALL))
TSAN_ENV     := TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 \
                suppressions=$(CURDIR)/tests/tsan/suppressions"

.PHONY: fuzz fuzz-build tsan
# Objects made on the way to a test program are kept: make would otherwise
# delete them at its end, after the "N passed, N failed" line.
.SECONDARY:
$(BUILD)/tests/fuzz/fuzz_query.o: CPPFLAGS += -DFUZZ_CORPUS='"$(CURDIR)/corpus"'
$(BUILD)/tests/fuzz/replay_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/harness.o \
                              $(BUILD)/tests/fuzz/replay.o $(STATIC)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(DEPS_LIBS) -lstdc++ -lm
# Linked in the sub-make, where BUILD is build/fuzz and OPT instruments.
$(BUILD)/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/harness.o $(STATIC)
	$(CXX) $(OPT) -fsanitize=fuzzer -o $@ $^ $(LDFLAGS) $(DEPS_LIBS)
check: $(REPLAY_BIN)

fuzz-build:
	$(MAKE) BUILD=build/fuzz SANITIZE= CC=$(FUZZ_CC) CXX=$(FUZZ_CXX) \
	    OPT='-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) -DTW_FUZZ_SMALL_WINDOWS' \
	    $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_TARGETS))
fuzz: fuzz-build
	scripts/fuzz -s $(FUZZ_SECONDS) -b build/fuzz $(FUZZ_TARGETS)

$(BUILD)/tests/tsan/%: $(BUILD)/tests/tsan/%.o $(STATIC)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(DEPS_LIBS) -lstdc++ -lpthread
tsan:
	$(MAKE) BUILD=build/tsan SANITIZE= OPT='-O1 -g -fsanitize=thread' \
	    LDFLAGS=-fsanitize=thread build/tsan/tests/tsan/tsan_threads
	$(TSAN_ENV) build/tsan/tests/tsan/tsan_threads $(CURDIR)/corpus

demo: all
	scripts/demo $(BUILD)

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
