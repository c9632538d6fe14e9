// bilateral.Error and its subclasses, one per bilateral::ErrorCode, and the translator from the
// library's C++ exceptions to them. Nothing the library throws reaches Python as RuntimeError.

#include <Python.h>

#include <new>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"
#include "binding.hpp"

namespace bilateral::python {
namespace {

// The classes live as long as the interpreter: the references are never released (a module's
// exception classes must outlive any exception object still pointing at them).
PyObject* gError = nullptr;
PyObject* gInvalidArgument = nullptr;
PyObject* gParse = nullptr;
PyObject* gNotFound = nullptr;
PyObject* gAmbiguous = nullptr;
PyObject* gStorage = nullptr;
PyObject* gSchemaVersion = nullptr;

PyObject* newClass(py::module_& m, const char* name, const char* doc, PyObject* bases) {
    const std::string qualified = std::string("bilateral.") + name;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
    if (!cls) throw py::error_already_set();
    m.add_object(name, py::reinterpret_borrow<py::object>(cls));
    return cls;
}

PyObject* newClass(py::module_& m, const char* name, const char* doc, PyObject* base,
                   PyObject* builtin) {
    py::tuple bases = py::make_tuple(py::handle(base), py::handle(builtin));
    return newClass(m, name, doc, bases.ptr());
}

/// Text for Python; bytes that are not UTF-8 are replaced rather than failing.
py::str message(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

/// Each error code: its name (the `code` attribute) and its Python class.
struct CodeClass {
    ErrorCode code;
    const char* name;
    PyObject** cls;
};
const CodeClass kCodeClasses[] = {
    {ErrorCode::InvalidArgument, "invalid_argument", &gInvalidArgument},
    {ErrorCode::Parse, "parse", &gParse},
    {ErrorCode::NotFound, "not_found", &gNotFound},
    {ErrorCode::Ambiguous, "ambiguous", &gAmbiguous},
    {ErrorCode::Storage, "storage", &gStorage},
    {ErrorCode::SchemaVersion, "schema_version", &gSchemaVersion},
};

/// The entry of `c` in kCodeClasses; null for a code it lacks (then: "error", bilateral.Error).
const CodeClass* codeClass(ErrorCode c) {
    for (const auto& k : kCodeClasses) {
        if (k.code == c) return &k;
    }
    return nullptr;
}

std::string_view codeName(ErrorCode c) {
    const auto* k = codeClass(c);
    return k ? k->name : "error";
}

/// Raises `cls(message)` with `code` and the attributes `fill` sets.
template <class Fill>
void raise(PyObject* cls, std::string_view what, std::string_view code, Fill&& fill) {
    py::object exc = py::reinterpret_borrow<py::object>(cls)(message(what));
    exc.attr("code") = py::str(code.data(), code.size());
    fill(exc);
    PyErr_SetObject(cls, exc.ptr());
}

void raise(PyObject* cls, std::string_view what, std::string_view code) {
    raise(cls, what, code, [](py::object&) {});
}

/// Splits a ParseError location into line, column and JSON pointer: `line 3`,
/// `line 3, column 7`, `/events/2/start`, or nothing (the file as a whole).
void parseLocation(const std::string& location, py::object& exc) {
    py::object line = py::none(), column = py::none(), pointer = py::none();
    if (!location.empty() && location.front() == '/') {
        pointer = message(location);
    } else if (location.rfind("line ", 0) == 0) {
        try {
            std::size_t used = 0;
            line = py::int_(std::stoll(location.substr(5), &used));
            const auto rest = location.substr(5 + used);
            if (rest.rfind(", column ", 0) == 0) column = py::int_(std::stoll(rest.substr(9)));
        } catch (const std::exception&) {  // not a number: leave line and column unknown
        }
    }
    exc.attr("line") = line;
    exc.attr("column") = column;
    exc.attr("pointer") = pointer;
}

void translate(std::exception_ptr p) {
    try {
        std::rethrow_exception(p);
    } catch (const py::error_already_set&) {
        throw;  // a Python exception (from a progress callback): pybind11 restores it
    } catch (const py::builtin_exception&) {
        throw;  // pybind11's own TypeError, ValueError, ...
    } catch (const std::bad_alloc&) {
        throw;  // MemoryError
    } catch (const DatabaseClosed& e) {
        raise(gError, e.what(), "closed");
    } catch (const DatabaseBusy& e) {
        raise(gError, e.what(), "busy");
    } catch (const ParseError& e) {
        raise(gParse, e.what(), codeName(e.code()), [&](py::object& x) {
            x.attr("file") = message(e.file());
            x.attr("location") = message(e.location());
            x.attr("reason") = message(e.reason());
            parseLocation(e.location(), x);
        });
    } catch (const AmbiguousError& e) {
        raise(gAmbiguous, e.what(), codeName(e.code()), [&](py::object& x) {
            py::list candidates;
            for (const auto& c : e.candidates()) candidates.append(message(c));
            x.attr("candidates") = candidates;
        });
    } catch (const StorageError& e) {
        raise(gStorage, e.what(), codeName(e.code()), [&](py::object& x) {
            x.attr("sqlite_code") = e.sqliteCode();
            x.attr("extended_code") = e.extendedCode();
            x.attr("statement") = message(e.statement());
        });
    } catch (const Error& e) {
        const auto* k = codeClass(e.code());
        // A subclass's own attributes keep their class-level defaults.
        raise(k ? *k->cls : gError, e.what(), codeName(e.code()));
    } catch (const std::exception& e) {
        // SQLiteCpp's or the standard library's exceptions that escaped the library's own
        // wrapping: still a bilateral.Error, never a bare RuntimeError.
        raise(gError, e.what(), "internal");
    }
}

}  // namespace

void registerErrors(py::module_& m) {
    gError = newClass(m, "Error",
                      "Base class of every error bilateral raises. `code` names the kind of error "
                      "(`not_found`, `ambiguous`, `invalid_argument`, `parse`, `storage`, "
                      "`schema_version`, `closed`, `busy`).",
                      PyExc_Exception);
    gInvalidArgument = newClass(
        m, "InvalidArgumentError",
        "A value passed by the caller is malformed: a date, a kind name, a format name. Also a "
        "ValueError.",
        gError, PyExc_ValueError);
    gParse = newClass(m, "ParseError",
                      "An input file is malformed; nothing was imported. Attributes: `file`, "
                      "`location` (as the library gives it), `reason`, and `line`, `column` "
                      "(event files) or `pointer` (a JSON pointer into a dataset), None when "
                      "unknown. Also a ValueError.",
                      gError, PyExc_ValueError);
    gNotFound = newClass(m, "NotFoundError",
                         "An actor id or name, a post or a country code does not resolve. Also "
                         "a LookupError.",
                         gError, PyExc_LookupError);
    gAmbiguous = newClass(m, "AmbiguousError",
                          "A name names more than one actor; `candidates` lists their ids. Also "
                          "a LookupError.",
                          gError, PyExc_LookupError);
    gStorage = newClass(m, "StorageError",
                        "SQLite or the file system failed, or the file is not a bilateral "
                        "database. Attributes: `sqlite_code`, `extended_code`, `statement`.",
                        gError);
    gSchemaVersion =
        newClass(m, "SchemaVersionError",
                 "The database was written by a newer bilateral than this one.", gError);
    // Class-level defaults, so that an instance made in Python has every attribute too.
    auto set = [](PyObject* cls, const char* name, py::object value) {
        py::reinterpret_borrow<py::object>(cls).attr(name) = std::move(value);
    };
    set(gError, "code", py::str("error"));
    for (const auto& k : kCodeClasses) set(*k.cls, "code", py::str(k.name));
    for (const char* a : {"file", "location", "reason", "line", "column", "pointer"})
        set(gParse, a, py::none());
    set(gAmbiguous, "candidates", py::tuple());
    set(gStorage, "sqlite_code", py::int_(0));
    set(gStorage, "extended_code", py::int_(0));
    set(gStorage, "statement", py::str(""));
    py::register_exception_translator(&translate);
}

}  // namespace bilateral::python
