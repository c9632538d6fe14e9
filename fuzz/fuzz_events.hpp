#pragma once
// The shared body of fuzz_icews and fuzz_gdelt: import the input as an event file into an
// in-memory store inside a transaction that is rolled back. A ParseError naming the file is a
// fine answer; any other exception, a crash or a sanitizer report is a bug.

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "bilateral/error.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/sqlite/store.hpp"
#include "fuzz_check.hpp"
#include "memfile.hpp"

template <class Import>
int fuzzEventFile(const std::uint8_t* data, std::size_t size, Import import) {
    using namespace bilateral;
    static auto* store = new store::Store(store::Store::memory());
    static auto* file = new MemFile("events.tsv");
    file->write(data, size);
    {
        store::Transaction tx(*store);
        try {
            const auto summary = import(*store, file->path());
            FUZZ_CHECK(summary.rows >= summary.events + summary.skipped);
            FUZZ_CHECK(summary.participations <= 2 * summary.events);
        } catch (const ParseError& e) {
            FUZZ_CHECK(e.file() == file->path());
            FUZZ_CHECK(!e.reason().empty());
        }
    }
    FUZZ_CHECK(store->counts().events == 0);
    return 0;
}
