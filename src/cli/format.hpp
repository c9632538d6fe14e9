#pragma once
// Small helpers shared by the query verbs: parsing DATE and kind options, JSON shapes of actors,
// events, dates and intervals, and aligned plain-text tables. See docs/cli.md.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/database.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"

namespace bilateral::cli {

using Json = nlohmann::ordered_json;

/// The date given to `flag`, nullopt when empty. Throws InvalidArgumentError saying why
/// (`--from: invalid date "2025-13": month 13 does not exist (01-12)`).
std::optional<model::Date> parseDateOption(const std::string& text, std::string_view flag);
/// A comma-separated list of event kinds; empty = none. Throws InvalidArgumentError naming the
/// flag, the unknown kind and the known ones.
std::vector<model::EventKind> parseEventKinds(const std::string& list, std::string_view flag);
std::optional<model::RelationKind> parseRelationKind(const std::string& text,
                                                     std::string_view flag);

/// Both ends of a window; an inverted one (`--to` before `--from`) is a usage error, with the
/// same message on every verb: `--to 2020 is before --from 2025`.
struct WindowOption {
    std::optional<model::Date> from, to;
};
WindowOption parseWindowOption(const std::string& from, const std::string& to);

/// An ACTOR argument: an id, or a name as people write it naming one actor
/// (Database::resolveActor), of `kind` when given. A name several actors share is an error
/// (exit 3) listing each candidate's id, name, kind and country; with `json`, the candidates
/// are also printed on standard output as `{"error": "ambiguous", "name", "candidates": [actor]}`.
/// Without `merge` ([identity] --no-merge), each record alone: a record of a same_as group is
/// not taken for its group.
std::string resolveActorArgument(Database& db, const std::string& text, bool json = false,
                                 std::optional<model::ActorKind> kind = std::nullopt,
                                 bool merge = true);
/// [identity] `NAME (ID)`, and the records merged into it: `NAME (ID, with ID2, ID3)`.
std::string actorLabel(const query::ActorRef& a);
/// [identity] `--no-merge`: each record of a same_as group alone.
void addNoMergeFlag(CLI::App& cmd, bool& noMerge);

/// A whole-number option's check, run on the text before CLI11 converts it, so every bad value
/// reads alike: `--limit: must be a whole number ≥ 1, got '0'` (`from 1 to 64` when bounded).
CLI::Validator wholeNumber(long long min, long long max);

/// The message for a command-line error CLI11 raised (a bad value, a missing argument, an extra
/// one), readable: `bilateral: --limit: must be a whole number ≥ 1, got '0'`, `bilateral:
/// who-met: missing ACTOR; see bilateral who-met --help`. Installed with app.failure_message.
std::string usageMessage(const CLI::App* app, const CLI::Error& e);

/// ISO text of a date, "" when none.
std::string dateText(const std::optional<model::Date>& d);
/// A date as JSON: its ISO string, or null.
Json dateJson(const std::optional<model::Date>& d);
/// `2021-10-18 .. 2025-06-08`, `2022-11-24 ..`, `.. 2021`, or `undated`.
std::string intervalText(const model::Interval& v);
/// `{"from": DATE|null, "to": DATE|null}`.
Json intervalJson(const model::Interval& v);
/// "certainly", "possibly" (or "no").
std::string certaintyText(model::Certainty c);

/// The note printed under a table when a date in it is followed by `*`.
inline constexpr std::string_view kDatedByParentNote = "* dated by the event it took place within";

/// `{"id", "name", "kind", "country"}` (country null when none).
Json actorJson(const model::Actor& a);
Json actorJson(const query::ActorRef& a);

/// When an event took place, as text: its own dates, or those of the event it took place
/// within followed by `*`; `undated` when neither is known.
std::string eventDateText(const query::EventRef& e);
/// An event as JSON: id, kind, title, status, start, end (its own dates, else those of the
/// event it took place within, and then `dated_by_parent` is true), parent id, `evidence` (its
/// count), and `basis` and `confidence` of what it rests on (putSupport); with `participants`,
/// its links and participants, each participant with its own support.
Json eventJson(const query::EventRef& e, bool participants);

// [claims] (claims_format.cpp)
/// An evidence entry: source, span ([start, end] or null), quote, basis, confidence, note.
Json evidenceJson(const model::Evidence& e);
/// A disagreed field: record, actor (null), field, values (each source's value, preferred, own,
/// evidence, note).
Json disagreementJson(const query::Disagreement& d);
/// The quotes of the evidence, each in curly quotes, joined by " / ".
std::string quotesText(const std::vector<model::Evidence>& evidence);

/// What a fact rests on, as a compact marker: "" when stated (or not assessed),
/// " (inferred 0.8)", " (inferred)" without a confidence, " (reference)". See supportLegend.
std::string supportMarker(const model::Support& s);
/// Adds `"basis"` (stated, inferred, reference, or null when no evidence) and `"confidence"`
/// (a number, or null when not assessed) to `j`.
void putSupport(Json& j, const model::Support& s);
/// The line explaining the markers, printed after a table that shows one.
void printSupportLegend();
/// An actor argument named `name` (ACTOR, FROM, TO): an id, or a name or alias naming one
/// actor (see resolveActorArgument); required unless a verb takes other scopes instead.
CLI::Option* addActorArgument(CLI::App& cmd, std::string& actor, const std::string& name = "ACTOR",
                              bool required = true);
/// `s` in upper case (ASCII letters): a country code as typed.
std::string upperCase(std::string s);
/// What a verb over an actor, a dyad of countries or a country is about: exactly one of ACTOR,
/// `--dyad ISO3:ISO3` and `--country ISO3` (checkOne).
struct ScopeArgs {
    std::string actor, dyad, country;
    bool noMerge = false;  ///< [identity] --no-merge: the actor's record alone
    /// Throws InvalidArgumentError naming `verb` unless exactly one is given.
    void checkOne(std::string_view verb) const;
};
/// `--dyad ISO3:ISO3` as two upper-case codes; InvalidArgumentError when it is not two codes or
/// names one country twice.
std::pair<std::string, std::string> parseDyad(const std::string& dyad);
/// A ScopeArgs resolved against the database.
struct Scope {
    std::string actor;  ///< the actor's id (its name or alias resolved); empty: a dyad or country
    std::string label;  ///< the actor as `NAME (ID)`
    std::string a, b;   ///< a dyad's two codes, or the country's in `a`; upper case
    Json json;          ///< `{"actor": {...}}`, `{"dyad": [A, B]}` or `{"country": C}`
};
/// Resolves the actor (resolveActorArgument, `json` as there) or parses the codes.
Scope resolveScope(Database& db, const ScopeArgs& args, bool json);
/// ACTOR, `--dyad` (its help ends with `example`, such as "(ITA:MYS)") and `--country`.
void addScopeOptions(CLI::App& cmd, ScopeArgs& scope, const std::string& dyadExample,
                     const std::string& countryHelp);
/// `--json`: machine-readable output, in the shapes of docs/cli.md.
void addJsonFlag(CLI::App& cmd, bool& json);
/// `--through`: what joins two actors (events, relations or both).
void addThroughOption(CLI::App& cmd, std::string& through);
/// `--from` and `--to`: only events that may overlap the window (parseWindowOption).
void addOverlapWindowOptions(CLI::App& cmd, std::string& from, std::string& to);
/// `--limit N`: 0 (the default) means no limit.
void addLimitOption(CLI::App& cmd, std::size_t& limit);
/// "showing N of M" after a list the limit cut, nothing otherwise.
void printShowing(std::size_t shown, std::size_t total);

/// Keeps the first `limit` items (all when 0); returns how many there were.
template <class T>
std::size_t cutTo(std::vector<T>& items, std::size_t limit) {
    const auto total = items.size();
    if (limit != 0 && items.size() > limit) items.resize(limit);
    return total;
}

/// Kinds as JSON strings.
Json kindsJson(const std::vector<model::EventKind>& kinds);

/// A plain-text table: a header line, then rows, columns padded to their widest cell in
/// terminal columns (model::displayWidth: CJK characters take two, combining marks none), so
/// names in any script line up. Control characters and invalid bytes in a cell are shown
/// escaped (`\x07`). Columns listed in `rightAligned` are aligned right.
///
/// Cells are kept as shown, one after another in one string (a timeline can have tens of
/// thousands of rows: a string and a vector per row would cost more than the answer).
class Table {
public:
    explicit Table(const std::vector<std::string>& header,
                   std::vector<std::size_t> rightAligned = {});
    /// A row; missing cells are empty, extra ones are dropped.
    void add(const std::vector<std::string>& row);
    void addRow(std::initializer_list<std::string_view> row);
    /// Room for `rows` more rows of about `bytes` each.
    void reserve(std::size_t rows, std::size_t bytes = 64);
    [[nodiscard]] bool empty() const noexcept { return rows_ == 0; }
    void print() const;
    /// The table, then "showing N of `total`" when a limit cut the list to its N rows.
    void print(std::size_t total) const {
        print();
        printShowing(rows_, total);
    }

private:
    template <class Range>
    void addCells(const Range& row);
    void addCell(std::string_view text);

    std::size_t columns_;
    std::vector<bool> right_;
    std::string text_;                 ///< every cell as shown, header first
    std::vector<std::size_t> ends_;    ///< where each cell's text ends in text_
    std::vector<std::size_t> width_;   ///< each cell's display width
    std::vector<std::size_t> widest_;  ///< each column's
    std::size_t rows_ = 0;             ///< rows after the header
    std::size_t column_ = 0;           ///< the column of the next cell
};

/// Prints one line of comma-separated values (RFC 4180): a field with a comma, a quote or a
/// line break is quoted, its quotes doubled.
void printCsvRow(const std::vector<std::string>& fields);

/// Prints JSON, two-space indented, followed by a newline.
void printJson(const Json& j);
/// Prints `head` with one more key last, `key`, whose value is an array of `count` items made
/// one at a time by `item(i)`: byte for byte what printJson prints for the whole object, without
/// holding the whole document (a timeline's JSON can be tens of megabytes).
void printJsonWithArray(const Json& head, std::string_view key, std::size_t count,
                        const std::function<Json(std::size_t)>& item);
/// printJsonWithArray over `items`: `head`, then `key` with `item(x)` for each x of `items`.
template <class T, class Item>
void printJsonList(const Json& head, std::string_view key, const std::vector<T>& items,
                   const Item& item) {
    printJsonWithArray(head, key, items.size(),
                       [&](std::size_t i) { return Json(item(items[i])); });
}

}  // namespace bilateral::cli
