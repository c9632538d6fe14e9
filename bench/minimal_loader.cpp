// sqlite-minimal DATA.tsv [--db FILE]
//
// The physical baseline for loading: the fewest steps that put an ICEWS file into bilateral's
// schema, straight on SQLite's C API. Same tables and indexes (the store's own DDL), same
// connection settings (WAL, synchronous=NORMAL, foreign keys on, the bulk importer's page
// cache), prepared statements, one transaction, and the same rows: the file's source, actors
// with their search entries, evidence and country affiliations, country actors, events with
// the same attribute JSON, two participations per event. What it leaves out is everything a
// library owes its users: validation of every field (dates, numbers, UTF-8, field counts),
// error messages with line and column, idempotent re-loads checked against existing actors,
// progress reporting.
//
// It links the library only for the schema text and the reference tables (CAMEO kinds,
// country codes, actor ids), which it consults once per distinct code or actor.
// Output: `peer=sqlite-minimal size=<rows> metric=load_s value=<seconds>`.

#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/sqlite/sqlite.hpp"
#include "schema.hpp"  // the SQLite engine's DDL (src/storage/sqlite/schema.hpp)

namespace fs = std::filesystem;
using namespace bilateral;

namespace {

sqlite3* db = nullptr;

void check(int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(sql.substr(0, 60) + ": " + msg);
    }
}

sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), sql);
    return s;
}

void text(sqlite3_stmt* s, int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_STATIC);
}

void textOrNull(sqlite3_stmt* s, int i, std::string_view v) {
    if (v.empty())
        sqlite3_bind_null(s, i);
    else
        text(s, i, v);
}

void step(sqlite3_stmt* s) {
    check(sqlite3_step(s), sqlite3_sql(s));
    sqlite3_reset(s);
}

void jsonString(std::string& out, std::string_view v) {
    out += '"';
    for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (no checks: the baseline trusts its input).
std::int64_t dayOf(std::string_view d) {
    const auto n = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = 0; i < len; ++i) v = v * 10 + (d[at + i] - '0');
        return v;
    };
    return model::toDayNumber(n(0, 4), n(5, 2), n(8, 2));
}

struct Statements {
    sqlite3_stmt* source = prepare("INSERT INTO source(key, title, kind, file) VALUES (?,?,?,?)");
    sqlite3_stmt* actor =
        prepare("INSERT INTO actor(key, kind, name, country, attributes) VALUES (?,?,?,?,?)");
    sqlite3_stmt* search = prepare("INSERT INTO actor_search(actor_id, text) VALUES (?,?)");
    sqlite3_stmt* actorEvidence = prepare("INSERT INTO evidence(actor_id, source_id) VALUES (?,?)");
    sqlite3_stmt* relation =
        prepare("INSERT INTO relation(key, kind, from_id, to_id) VALUES (?,'affiliated_with',?,?)");
    sqlite3_stmt* relationEvidence =
        prepare("INSERT INTO evidence(relation_id, source_id) VALUES (?,?)");
    sqlite3_stmt* event = prepare(
        "INSERT INTO event(key, kind, title, start_lo, start_hi, start_prec, cameo, goldstein, "
        "attributes) VALUES (?,?,?,?,?,0,?,?,?)");
    sqlite3_stmt* participation =
        prepare("INSERT INTO participation(event_id, actor_id, role) VALUES (?,?,?)");
    ~Statements() {
        for (auto* s : {source, actor, search, actorEvidence, relation, relationEvidence, event,
                        participation}) {
            sqlite3_finalize(s);
        }
    }
};

class Loader {
public:
    explicit Loader(Statements& st, std::int64_t sourceRow) : st_(st), source_(sourceRow) {}

    std::int64_t insertActor(const std::string& key, std::string_view kind, std::string_view name,
                             std::string_view country, std::string_view attributes) {
        text(st_.actor, 1, key);
        text(st_.actor, 2, kind);
        text(st_.actor, 3, name);
        textOrNull(st_.actor, 4, country);
        textOrNull(st_.actor, 5, attributes);
        step(st_.actor);
        const auto row = sqlite3_last_insert_rowid(db);
        sqlite3_bind_int64(st_.search, 1, row);
        text(st_.search, 2, name);
        step(st_.search);
        sqlite3_bind_int64(st_.actorEvidence, 1, row);
        sqlite3_bind_int64(st_.actorEvidence, 2, source_);
        step(st_.actorEvidence);
        return row;
    }

    std::int64_t country(const std::string& code, std::string_view icewsName) {
        if (const auto it = countries_.find(code); it != countries_.end()) return it->second;
        const auto* known = io::CountryTable::standard().fromIso3(code);
        const auto row = insertActor("country/" + code, "country",
                                     known ? std::string_view(known->name) : icewsName, code, {});
        countries_.emplace(code, row);
        return row;
    }

    std::int64_t actor(std::string_view name, std::string_view icewsCountry,
                       std::string_view sectors) {
        key_.assign(icewsCountry);
        key_ += '\t';
        key_ += name;
        if (const auto it = actors_.find(key_); it != actors_.end()) return it->second;
        const auto code = io::icewsCountryCode(icewsCountry);
        const auto id = io::icewsActorId(name, icewsCountry);
        std::int64_t row;
        if (id.starts_with("country/")) {
            row = country(code, icewsCountry);
        } else {
            // The importer's kinds: blocs without country, groups "X (Y)", else persons etc.
            std::string_view kind = "person";
            if (code.empty())
                kind = "bloc";
            else if (!name.empty() && name.back() == ')' && name.find(" (") != name.npos)
                kind = "group";
            else if (sectors == "Business" || (sectors.find("Business") != sectors.npos &&
                                               sectors.find("Elite") == sectors.npos))
                kind = "company";
            else if (sectors.find("Education") != sectors.npos ||
                     sectors.find("Research") != sectors.npos)
                kind = "institution";
            std::string attrs;
            if (!sectors.empty()) {
                attrs = "{\"sectors\":";
                jsonString(attrs, sectors);
                attrs += '}';
            }
            const auto countryRow = code.empty() ? 0 : country(code, icewsCountry);
            row = insertActor(id, kind, name, code, attrs);
            if (!code.empty()) {
                const auto rel = "affiliation/" + id;
                text(st_.relation, 1, rel);
                sqlite3_bind_int64(st_.relation, 2, row);
                sqlite3_bind_int64(st_.relation, 3, countryRow);
                step(st_.relation);
                sqlite3_bind_int64(st_.relationEvidence, 1, sqlite3_last_insert_rowid(db));
                sqlite3_bind_int64(st_.relationEvidence, 2, source_);
                step(st_.relationEvidence);
            }
        }
        actors_.emplace(key_, row);
        return row;
    }

private:
    Statements& st_;
    std::int64_t source_;
    std::string key_;
    std::unordered_map<std::string, std::int64_t> actors_, countries_;
};

/// The lines of a file as tab-separated fields, read in large blocks. The views stay valid
/// until the next call.
class TsvReader {
public:
    explicit TsvReader(const fs::path& file) : in_(std::fopen(file.c_str(), "rb")) {
        if (!in_) throw std::runtime_error("cannot open " + file.string());
    }
    ~TsvReader() { std::fclose(in_); }
    TsvReader(const TsvReader&) = delete;
    TsvReader& operator=(const TsvReader&) = delete;

    /// The next line's fields in `f`; false at the end of the file.
    bool next(std::vector<std::string_view>& f) {
        for (;;) {
            const char* nl =
                static_cast<const char*>(std::memchr(buf_.data() + begin_, '\n', end_ - begin_));
            if (!nl) {
                std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
                end_ -= begin_;
                begin_ = 0;
                if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
                const auto n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, in_);
                if (n == 0) return false;  // (the generator ends every line with a newline)
                end_ += n;
                continue;
            }
            std::string_view line(buf_.data() + begin_,
                                  static_cast<std::size_t>(nl - buf_.data()) - begin_);
            begin_ = static_cast<std::size_t>(nl - buf_.data()) + 1;
            f.clear();
            for (std::size_t from = 0;;) {
                const auto tab = line.find('\t', from);
                f.push_back(line.substr(from, tab == line.npos ? line.npos : tab - from));
                if (tab == line.npos) break;
                from = tab + 1;
            }
            return true;
        }
    }

private:
    std::FILE* in_;
    std::vector<char> buf_ = std::vector<char>(std::size_t{1} << 20);
    std::size_t begin_ = 0, end_ = 0;
};

/// Where the fields the loader reads stand in a row, from the header.
struct Columns {
    std::size_t id = 0, date = 0, sourceName = 0, sourceSectors = 0, sourceCountry = 0, text = 0,
                code = 0, intensity = 0, targetName = 0, targetSectors = 0, targetCountry = 0;
    // Attribute columns in key order, as the importer writes them.
    std::vector<std::pair<std::string, std::size_t>> attrs;

    explicit Columns(const std::vector<std::string_view>& header) {
        std::unordered_map<std::string, std::size_t> col;
        for (std::size_t i = 0; i < header.size(); ++i) col.emplace(std::string(header[i]), i);
        id = col.at("Event ID"), date = col.at("Event Date"), sourceName = col.at("Source Name"),
        sourceSectors = col.at("Source Sectors"), sourceCountry = col.at("Source Country"),
        text = col.at("Event Text"), code = col.at("CAMEO Code"), intensity = col.at("Intensity"),
        targetName = col.at("Target Name"), targetSectors = col.at("Target Sectors"),
        targetCountry = col.at("Target Country");
        for (const auto* h : {"City", "Country", "District", "Latitude", "Longitude", "Province",
                              "Publisher", "Sentence Number", "Story ID"}) {
            std::string k;
            for (const char c : std::string_view(h))
                k += c == ' ' ? '_' : static_cast<char>(std::tolower(c));
            attrs.emplace_back(k, col.at(h));
        }
    }
};

/// The attribute JSON of a row, as the importer writes it ("{}" when it has none).
void attributesJson(std::string& json, const Columns& c, const std::vector<std::string_view>& f) {
    json.assign("{");
    for (const auto& [k, i] : c.attrs) {
        const auto v = f[i];
        if (v.empty()) continue;
        if (json.size() > 1) json += ',';
        json += '"';
        json += k;
        json += "\":";
        if (k == "latitude" || k == "longitude" || k == "sentence_number" || k == "story_id") {
            json += v;
        } else {
            jsonString(json, v);
        }
    }
    json += '}';
}

/// Opens `file` as a new database with bilateral's schema and the bulk importer's settings.
void createDatabase(const fs::path& file) {
    check(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
          "open");
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec("BEGIN IMMEDIATE");
    for (const auto ddl : sqlite::detail::migrations()) exec(std::string(ddl));
    exec("PRAGMA user_version = " + std::to_string(sqlite::kSchemaVersion));
    exec("COMMIT");
    exec("PRAGMA cache_size = -262144");  // sqlite::BulkWriter's default, 256 MiB
}

/// The event kind and default Goldstein score of each CAMEO code, looked up once per code.
class Kinds {
public:
    const std::pair<std::string, double>& of(std::string_view code) {
        auto kind = kinds_.find(std::string(code));
        if (kind == kinds_.end()) {
            const auto m = cameo_.map(code);
            kind = kinds_
                       .emplace(std::string(code), std::pair{std::string(model::toString(m.kind)),
                                                             m.entry ? m.entry->goldstein : 0.0})
                       .first;
        }
        return kind->second;
    }

private:
    const io::CameoTable& cameo_ = io::CameoTable::standard();
    std::unordered_map<std::string, std::pair<std::string, double>> kinds_;
};

/// One row's event and its two participations.
void insertRow(Statements& st, Loader& loader, Kinds& kinds, const Columns& c,
               const std::vector<std::string_view>& f, std::string& key, std::string& json) {
    const auto code = f[c.code];
    const auto& kind = kinds.of(code);
    const auto source = loader.actor(f[c.sourceName], f[c.sourceCountry], f[c.sourceSectors]);
    const auto target = loader.actor(f[c.targetName], f[c.targetCountry], f[c.targetSectors]);
    attributesJson(json, c, f);
    key.assign("icews/");
    key += f[c.id];
    key += '/';
    key += f[c.date];
    const auto day = dayOf(f[c.date]);
    auto* ev = st.event;
    text(ev, 1, key);
    text(ev, 2, kind.first);
    text(ev, 3, f[c.text]);
    sqlite3_bind_int64(ev, 4, day);
    sqlite3_bind_int64(ev, 5, day);
    text(ev, 6, code);
    if (f[c.intensity].empty())
        sqlite3_bind_double(ev, 7, kind.second);
    else
        sqlite3_bind_double(ev, 7, std::strtod(std::string(f[c.intensity]).c_str(), nullptr));
    if (json.size() > 2)
        text(ev, 8, json);
    else
        sqlite3_bind_null(ev, 8);
    step(ev);
    const auto eventRow = sqlite3_last_insert_rowid(db);
    const bool visit = code == "042", host = code == "043";
    sqlite3_bind_int64(st.participation, 1, eventRow);
    sqlite3_bind_int64(st.participation, 2, source);
    text(st.participation, 3, visit ? "guest" : host ? "host" : "source");
    step(st.participation);
    sqlite3_bind_int64(st.participation, 1, eventRow);
    sqlite3_bind_int64(st.participation, 2, target);
    text(st.participation, 3, visit ? "host" : host ? "guest" : "target");
    step(st.participation);
}

/// Loads `data` in one transaction; returns how many rows it held.
std::int64_t load(const fs::path& data) {
    Statements st;
    Kinds kinds;
    exec("BEGIN IMMEDIATE");
    const auto name = data.filename().string();
    const auto sourceKey = "source/icews/" + name;
    const auto title = "ICEWS event file " + name + " (event kinds from " +
                       io::CameoTable::standard().version() + ")";
    text(st.source, 1, sourceKey);
    text(st.source, 2, title);
    text(st.source, 3, "icews");
    text(st.source, 4, data.string());
    step(st.source);
    Loader loader(st, sqlite3_last_insert_rowid(db));

    TsvReader in(data);
    std::vector<std::string_view> f;
    std::optional<Columns> columns;  // from the header, the first line
    std::int64_t rows = 0;
    std::string key, json;
    while (in.next(f)) {
        if (!columns) {
            columns.emplace(f);
            continue;
        }
        ++rows;
        insertRow(st, loader, kinds, *columns, f, key, json);
    }
    exec("COMMIT");
    return rows;
}

int run(int argc, char** argv) {
    if (argc != 2 && !(argc == 4 && std::strcmp(argv[2], "--db") == 0)) {
        std::fprintf(stderr, "usage: sqlite-minimal DATA.tsv [--db FILE]\n");
        return 1;
    }
    const fs::path data = argv[1];
    const fs::path file = argc == 4
                              ? fs::path(argv[3])
                              : fs::temp_directory_path() /
                                    ("bilateral-minimal-" + std::to_string(::getpid()) + ".db");
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix, ec);

    const auto t0 = std::chrono::steady_clock::now();
    createDatabase(file);
    const auto rows = load(data);
    // Stop where bilateral-workload stops: committed, the connection still open.
    const auto t1 = std::chrono::steady_clock::now();
    check(sqlite3_close(db), "close");
    db = nullptr;
    std::printf("peer=sqlite-minimal size=%" PRId64 " metric=load_s value=%.3f\n", rows,
                std::chrono::duration<double>(t1 - t0).count());
    if (argc != 4) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix, ec);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sqlite-minimal: %s\n", e.what());
        if (db) sqlite3_close(db);
        return 2;
    }
}
