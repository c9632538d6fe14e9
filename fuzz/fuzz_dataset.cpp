// Fuzz target: the dataset JSON reader, and the import of what it accepts.
// Every input is refused with a ParseError naming the file, or parses into a dataset that
// (a) writes back to a document that parses to the same dataset and (b) imports into a store.
// Any other exception, a crash or a sanitizer report is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/sqlite/store.hpp"
#include "fuzz_check.hpp"
#include "memfile.hpp"

using namespace bilateral;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto* store = new store::Store(store::Store::memory());
    static auto* file = new MemFile("fuzz.json");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    io::Dataset dataset;
    try {
        dataset = io::parseDataset(text, "fuzz.json");
    } catch (const ParseError& e) {
        FUZZ_CHECK(e.file() == "fuzz.json");
        FUZZ_CHECK(!e.reason().empty());
        return 0;
    }
    // What the writer makes of it reads back as the same dataset.
    const auto written = io::writeDataset(dataset);
    io::Dataset again;
    try {
        again = io::parseDataset(written, "written.json");
    } catch (const ParseError& e) {
        std::fprintf(stderr, "the writer's output does not read back: %s\n", e.what());
        FUZZ_CHECK(false);
    }
    FUZZ_CHECK(io::writeDataset(again) == written);
    // And it imports; the transaction is rolled back so the store stays empty.
    file->write(data, size);
    {
        store::Transaction tx(*store);
        (void)io::importDataset(*store, file->path());
    }
    FUZZ_CHECK(store->counts().actors == 0);
    return 0;
}
