#pragma once
// The CAMEO event codebook as data: every code with its name, Goldstein value, PLOVER category and
// the bilateral event kind an imported event of that code gets. The table ships in
// data/cameo/ (cameo-codes.tsv and VERSION) and is also embedded in the library, so an installed
// library works without its data folder. See docs/event-data.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/kinds.hpp"

namespace bilateral::io {

/// Where bilateral's reference data (data/cameo/, data/countries.tsv) is read from: `explicitDir`
/// when given, else $BILATERAL_DATA_DIR when set (both must exist), else share/bilateral beside
/// the running program (its bin/../share/bilateral, as installed, wherever the prefix was moved),
/// else, for a program inside the build tree, the source tree's data/ folder, else nullopt (the
/// tables embedded in the library are used then).
std::optional<std::filesystem::path> findDataDir(
    const std::optional<std::filesystem::path>& explicitDir = std::nullopt);

/// One code of the codebook.
struct CameoCode {
    std::string code;    ///< leading zeros kept: "04", "042", "0311"
    std::string name;    ///< "Make a visit"
    double goldstein;    ///< -10 (conflict) .. +10 (cooperation)
    std::string plover;  ///< PLOVER category ("CONSULT"), "NONE" where PLOVER has none
    model::EventKind kind;
};

/// What an imported event of a code becomes: its kind and the roles of its source and target
/// actors (042 "Make a visit": source guest, target host; 043 "Host a visit": source host, target
/// guest; every other code: source and target). An unknown code is a coded_event with a note.
struct CameoMapping {
    model::EventKind kind = model::EventKind::CodedEvent;
    model::Role sourceRole = model::Role::Source;
    model::Role targetRole = model::Role::Target;
    const CameoCode* entry = nullptr;  ///< the table's row, nullptr when the code is unknown
    std::string note;                  ///< why the code got no closer kind; empty when known
};

class CameoTable {
public:
    /// The table every importer uses: read once from `findDataDir()`, else the embedded copy.
    /// Thread-safe. Throws ParseError when a data folder is found but its table is malformed.
    static const CameoTable& standard();
    /// The copy embedded in the library at build time.
    static CameoTable embedded();
    /// Reads `dir`/cameo/cameo-codes.tsv and `dir`/cameo/VERSION. Throws ParseError.
    static CameoTable load(const std::filesystem::path& dataDir);
    /// Parses the text of cameo-codes.tsv and VERSION; `origin` names them in errors.
    static CameoTable parse(std::string_view codesTsv, std::string_view versionText,
                            const std::string& origin);

    /// The codebook version: the first line of VERSION ("CAMEO 1.1b3").
    [[nodiscard]] const std::string& version() const noexcept { return version_; }
    /// VERSION's other lines (which Goldstein and PLOVER mappings the table uses).
    [[nodiscard]] const std::string& versionNotes() const noexcept { return versionNotes_; }
    /// Where the table was read from: a file path, or "embedded".
    [[nodiscard]] const std::string& origin() const noexcept { return origin_; }
    /// Every code, in codebook order.
    [[nodiscard]] std::span<const CameoCode> codes() const noexcept { return codes_; }

    /// The row of `code` ("042"), or nullptr. "42" is not "042": codes are strings.
    [[nodiscard]] const CameoCode* find(std::string_view code) const noexcept;
    /// Kind and roles of an event coded `code`.
    [[nodiscard]] CameoMapping map(std::string_view code) const;

private:
    std::vector<CameoCode> codes_;
    std::vector<std::int16_t> slot_;  ///< by (digits - 2) * 10000 + value: index into codes_, or -1
    std::string version_, versionNotes_, origin_;
};

}  // namespace bilateral::io
