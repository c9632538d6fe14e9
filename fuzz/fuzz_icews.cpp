// Fuzz target: the ICEWS event-file reader (see fuzz_events.hpp).

#include "bilateral/import/from_storage.hpp"
#include "fuzz_events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzzEventFile(data, size, [](bilateral::sqlite::Store& s, const std::string& path) {
        return bilateral::io::importIcews(s, path);
    });
}
