// The CAMEO table: parsing cameo-codes.tsv and VERSION, finding the data folder, code lookup.

#include "bilateral/import/cameo.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bilateral/error.hpp"
#include "bilateral/model/utf8.hpp"
#include "event_reference_tables.hpp"
#include "field_values.hpp"
#include "tsv_line.hpp"

namespace bilateral::io {

namespace fs = std::filesystem;

// --- the data folder -----------------------------------------------------------------------

std::optional<fs::path> findDataDir(const std::optional<fs::path>& explicitDir) {
    std::error_code ec;
    if (explicitDir) {
        if (!fs::is_directory(*explicitDir, ec)) {
            throw InvalidArgumentError("data folder " + explicitDir->string() + " does not exist");
        }
        return *explicitDir;
    }
    if (const char* env = std::getenv("BILATERAL_DATA_DIR"); env && *env) {
        if (!fs::is_directory(env, ec)) {
            throw InvalidArgumentError(std::string("BILATERAL_DATA_DIR names ") + env +
                                       ", which is not a folder");
        }
        return fs::path(env);
    }
    const auto holdsTables = [&ec](const fs::path& dir) {
        return fs::is_regular_file(dir / "cameo" / "cameo-codes.tsv", ec) &&
               fs::is_regular_file(dir / "countries.tsv", ec);
    };
    // The installed tables, relative to the running program (bin/ -> ../share/bilateral), so a
    // moved or renamed install prefix still finds its own tables.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
#ifdef BILATERAL_DATA_DIR_FROM_BIN
        const fs::path installed = exe.parent_path() / BILATERAL_DATA_DIR_FROM_BIN;
        if (holdsTables(installed)) return installed.lexically_normal();
#endif
#if defined(BILATERAL_BUILD_DIR) && defined(BILATERAL_SOURCE_DATA_DIR)
        // A program of the build tree (the command, the tests) reads the source tree's tables.
        const fs::path build = fs::weakly_canonical(BILATERAL_BUILD_DIR, ec);
        if (!ec) {
            const auto inBuild =
                std::mismatch(build.begin(), build.end(), exe.begin(), exe.end()).first;
            if (inBuild == build.end() && holdsTables(BILATERAL_SOURCE_DATA_DIR)) {
                return fs::path(BILATERAL_SOURCE_DATA_DIR);
            }
        }
#endif
    }
    return std::nullopt;
}

namespace detail {

std::string readTextFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), "", "cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace detail

// --- parsing -------------------------------------------------------------------------------

namespace {

/// Splits small reference text into lines (no trailing empty line).
std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        auto line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

bool allDigits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

/// Slot of a code of 2 to 4 digits in CameoTable::slot_, or -1.
int slotOf(std::string_view code) noexcept {
    if (code.size() < 2 || code.size() > 4 || !allDigits(code)) return -1;
    int v = 0;
    for (const char c : code) v = v * 10 + (c - '0');
    return static_cast<int>(code.size() - 2) * 10000 + v;
}

}  // namespace

CameoTable CameoTable::parse(std::string_view codesTsv, std::string_view versionText,
                             const std::string& origin) {
    CameoTable t;
    t.origin_ = origin;
    const auto where = [&](std::size_t i) { return "line " + std::to_string(i + 1); };
    if (!model::validUtf8(codesTsv)) throw ParseError(origin, "", "not UTF-8");
    const auto rows = lines(codesTsv);
    if (rows.empty()) throw ParseError(origin, "line 1", "empty CAMEO table");
    if (rows[0] != "code\tname\tgoldstein\tplover\tkind") {
        throw ParseError(origin, "line 1",
                         "header must be code, name, goldstein, plover, kind (tab-separated)");
    }
    t.slot_.assign(30000, -1);
    std::vector<std::string_view> f;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].empty()) {
            if (i + 1 == rows.size()) break;
            throw ParseError(origin, where(i), "empty line");
        }
        if (detail::splitTabs(rows[i], f) != 5) {
            throw ParseError(origin, where(i),
                             "expected 5 tab-separated fields, found " + std::to_string(f.size()));
        }
        const int slot = slotOf(f[0]);
        if (slot < 0) {
            throw ParseError(origin, where(i) + ", column code",
                             "\"" + std::string(f[0]) + "\" is not a code of 2 to 4 digits");
        }
        if (t.slot_[static_cast<std::size_t>(slot)] >= 0) {
            throw ParseError(origin, where(i) + ", column code",
                             "code " + std::string(f[0]) + " is listed twice");
        }
        double g = 0;
        if (!detail::parseDecimal(f[2], g) || g < -10.0 || g > 10.0) {
            throw ParseError(origin, where(i) + ", column goldstein",
                             "\"" + std::string(f[2]) + "\" is not a number from -10 to 10");
        }
        const auto kind = model::parse<model::EventKind>(f[4]);
        if (!kind) {
            throw ParseError(origin, where(i) + ", column kind",
                             "\"" + std::string(f[4]) + "\" is not an event kind");
        }
        if (f[1].empty() || f[3].empty()) {
            throw ParseError(origin, where(i), "empty name or PLOVER category");
        }
        t.slot_[static_cast<std::size_t>(slot)] = static_cast<std::int16_t>(t.codes_.size());
        t.codes_.push_back({std::string(f[0]), std::string(f[1]), g, std::string(f[3]), *kind});
    }
    if (t.codes_.empty()) throw ParseError(origin, "line 2", "the CAMEO table lists no code");

    const auto v = lines(versionText);
    if (v.empty() || v[0].empty()) {
        throw ParseError(origin, "VERSION", "the first line must name the codebook version");
    }
    t.version_ = std::string(v[0]);
    for (std::size_t i = 1; i < v.size(); ++i) {
        if (!t.versionNotes_.empty()) t.versionNotes_ += '\n';
        t.versionNotes_ += v[i];
    }
    return t;
}

CameoTable CameoTable::embedded() {
    return parse(detail::embeddedCameoCodes(), detail::embeddedCameoVersion(), "embedded");
}

CameoTable CameoTable::load(const fs::path& dataDir) {
    const auto codes = dataDir / "cameo" / "cameo-codes.tsv";
    const auto version = dataDir / "cameo" / "VERSION";
    return parse(detail::readTextFile(codes), detail::readTextFile(version), codes.string());
}

const CameoTable& CameoTable::standard() {
    static const CameoTable table = [] {
        if (const auto dir = findDataDir()) return load(*dir);
        return embedded();
    }();
    return table;
}

// --- lookup --------------------------------------------------------------------------------

const CameoCode* CameoTable::find(std::string_view code) const noexcept {
    const int slot = slotOf(code);
    if (slot < 0 || slot_.empty()) return nullptr;
    const auto i = slot_[static_cast<std::size_t>(slot)];
    return i < 0 ? nullptr : &codes_[static_cast<std::size_t>(i)];
}

CameoMapping CameoTable::map(std::string_view code) const {
    CameoMapping m;
    m.entry = find(code);
    if (!m.entry) {
        m.note = "CAMEO code \"" + std::string(code) + "\" is not in the " + version_ +
                 " table; imported as coded_event";
        return m;
    }
    m.kind = m.entry->kind;
    if (code == "042") {  // Make a visit: the source visits the target
        m.sourceRole = model::Role::Guest;
        m.targetRole = model::Role::Host;
    } else if (code == "043") {  // Host a visit: the source hosts the target
        m.sourceRole = model::Role::Host;
        m.targetRole = model::Role::Guest;
    }
    return m;
}

}  // namespace bilateral::io
