#pragma once
// The compiled part of the Python module `bilateral` (`bilateral._bilateral`): a thin layer over
// bilateral::Database. Every method releases the GIL while the library works and hands back
// plain Python values (tuples, lists, dicts of str/int/float/None); the pure-Python package
// (python/bilateral/__init__.py) turns them into records. docs/python.md.

#include <pybind11/pybind11.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bilateral/database.hpp"

namespace bilateral::python {

namespace py = pybind11;

/// UTF-8 text as a Python str; bytes that are not UTF-8 come back as lone surrogates
/// ("surrogateescape"), so nothing the store holds makes a query fail.
py::object text(std::string_view s);

/// Registers bilateral.Error and its subclasses on the module and the translator that turns
/// every C++ exception the library throws into one of them.
void registerErrors(py::module_& m);

/// Thrown when a closed database is used; becomes bilateral.Error.
struct DatabaseClosed : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "the database is closed"; }
};

/// Thrown when a thread uses a database inside one of its own calls (a progress callback that
/// queries the database it is importing into); becomes bilateral.Error.
struct DatabaseBusy : std::exception {
    [[nodiscard]] const char* what() const noexcept override {
        return "the database is busy with a call of this same thread (a progress callback cannot "
               "use the database it is importing into)";
    }
};

/// A database as Python sees it: the C++ Database, or nothing once closed, and a mutex so that
/// one Database shared by several Python threads serves them one at a time (one SQLite
/// connection is never used by two threads at once).
class PyDatabase {
public:
    PyDatabase(const std::string& path, bool readOnly, bool create);
    explicit PyDatabase(Database db);

    /// Runs `fn(Database&)` with the GIL released and the database locked. Throws
    /// DatabaseClosed when the database is closed.
    template <class F>
    auto run(F&& fn) {
        // Only this thread can have stored its own id: a call from within a call would wait
        // for itself forever.
        if (owner_.load() == std::this_thread::get_id()) throw DatabaseBusy{};
        py::gil_scoped_release nogil;
        std::lock_guard lock(mutex_);
        if (!db_) throw DatabaseClosed{};
        owner_.store(std::this_thread::get_id());
        struct Release {
            std::atomic<std::thread::id>& owner;
            ~Release() { owner.store(std::thread::id()); }
        } release{owner_};
        return fn(*db_);
    }

    void close();
    [[nodiscard]] bool closed();
    [[nodiscard]] std::string path();
    [[nodiscard]] bool readOnly();

private:
    std::mutex mutex_;
    std::atomic<std::thread::id> owner_;  ///< the thread inside run(), if any
    std::optional<Database> db_;
};

/// Adds the query, import and close methods of `_Database` (database_methods.cpp).
void bindDatabase(py::module_& m);
/// Adds `_Database.graph_networkx` and `_Database.graph_columns` (graph.cpp).
void bindGraph(py::class_<PyDatabase>& cls);
/// Adds `_Database.trend` and `_Database.pairs` (trend.cpp).
void bindTrend(py::class_<PyDatabase>& cls);
/// [claims] Adds `_Database.disagreements` (claims.cpp).
void bindClaims(py::class_<PyDatabase>& cls);
/// [claims] Disagreements as tuples: (record, actor or None, field, [(source or None, value,
/// preferred, own, [evidence tuple], note or None)]).
py::list disagreementTuples(const std::vector<query::Disagreement>& all);
/// Evidence as tuples (source, span or None, quote, basis, confidence, note), as Evidence.
py::list evidenceList(const std::vector<model::Evidence>& evidence);

// --- argument parsing shared by the methods ---------------------------------------------------

/// A partial date, or nullopt for None/"". Throws InvalidArgumentError prefixed with `name`.
std::optional<model::Date> parseDate(const std::optional<std::string>& text, const char* name);
/// Event kind names; throws InvalidArgumentError naming `name` and the known kinds.
std::vector<model::EventKind> parseKinds(const std::vector<std::string>& names, const char* name);
/// `s` in upper case (ASCII letters): a country code as given.
std::string upper(std::string s);
/// The scope of a timeline or trend: exactly one of `actor`, a dyad (`countryA`, `countryB`) or
/// `country`, else InvalidArgumentError naming `verb`. Returns the dyad's two codes in upper
/// case (both empty when the scope is not a dyad).
std::pair<std::string, std::string> checkScope(const char* verb,
                                               const std::optional<std::string>& actor,
                                               const std::optional<std::string>& countryA,
                                               const std::optional<std::string>& countryB,
                                               const std::optional<std::string>& country);
/// `events`, `relations` or `both`.
query::Through parseThrough(const std::string& text);

/// None, or the ISO text of a date.
py::object dateObject(const std::optional<model::Date>& d);
/// None for an empty string, else the string.
py::object textOrNone(const std::string& s);

}  // namespace bilateral::python
