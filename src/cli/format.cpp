#include "format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <limits>

#include "bilateral/error.hpp"
#include "bilateral/model/utf8.hpp"
#include "bilateral/query/queries.hpp"

namespace bilateral::cli {
namespace {

/// A table cell as shown: control characters (tab too) and invalid bytes escaped.
std::string cellText(std::string_view s) {
    auto out = model::escapeForDisplay(s);
    for (auto at = out.find('\t'); at != std::string::npos; at = out.find('\t', at))
        out.replace(at, 1, "\\x09");
    return out;
}

template <class Enum>
std::string knownNames() {
    std::string out;
    for (const auto n : model::names<Enum>()) {
        out += out.empty() ? "" : ", ";
        out += n;
    }
    return out;
}

}  // namespace

std::optional<model::Date> parseDateOption(const std::string& text, std::string_view flag) {
    if (text.empty()) return std::nullopt;
    std::string why;
    if (auto d = model::Date::tryParse(text, &why)) return d;
    throw InvalidArgumentError(std::string(flag) + ": " + why);
}

std::vector<model::EventKind> parseEventKinds(const std::string& list, std::string_view flag) {
    std::vector<model::EventKind> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const auto name = std::string_view(list).substr(start, end - start);
        if (!name.empty()) {
            const auto k = model::parse<model::EventKind>(name);
            if (!k) {
                throw InvalidArgumentError(std::string(flag) + ": unknown event kind \"" +
                                           std::string(name) + "\" (expected one of " +
                                           knownNames<model::EventKind>() + ")");
            }
            if (std::find(out.begin(), out.end(), *k) == out.end()) out.push_back(*k);
        }
        start = end + 1;
    }
    return out;
}

std::optional<model::RelationKind> parseRelationKind(const std::string& text,
                                                     std::string_view flag) {
    if (text.empty()) return std::nullopt;
    if (auto k = model::parse<model::RelationKind>(text)) return k;
    throw InvalidArgumentError(std::string(flag) + ": unknown relation kind \"" + text +
                               "\" (expected one of " + knownNames<model::RelationKind>() + ")");
}

WindowOption parseWindowOption(const std::string& from, const std::string& to) {
    WindowOption w{parseDateOption(from, "--from"), parseDateOption(to, "--to")};
    if (w.from && w.to && w.to->latest() < w.from->earliest()) {
        throw InvalidArgumentError("--to " + w.to->toString() + " is before --from " +
                                   w.from->toString());
    }
    return w;
}

std::string resolveActorArgument(Database& db, const std::string& text, bool json,
                                 std::optional<model::ActorKind> kind, bool merge) {
    try {
        return kind ? db.resolveActor(text, *kind) : db.resolveActor(text, merge);
    } catch (const AmbiguousError& e) {
        std::string message = "\"" + text + "\" is ambiguous; candidates:";
        Json candidates = Json::array();
        for (const auto& id : e.candidates()) {
            const auto a = db.actorRef(id, false);
            candidates.push_back(actorJson(a));
            message += (candidates.size() > 1 ? "; " : " ") + a.id + " (" + a.name + ", " +
                       std::string(model::toString(a.kind)) + ", " +
                       (a.country.empty() ? std::string("no country") : a.country) + ")";
        }
        if (json) {
            Json j;
            j["error"] = "ambiguous";
            j["name"] = text;
            j["candidates"] = std::move(candidates);
            printJson(j);
        }
        throw Error(ErrorCode::Ambiguous, message);
    }
}

CLI::Validator wholeNumber(long long min, long long max) {
    const bool unbounded = max == std::numeric_limits<long long>::max();
    const std::string range = unbounded
                                  ? "≥ " + std::to_string(min)
                                  : "from " + std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [min, max, range](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 18 &&
                                std::all_of(text.begin(), text.end(),
                                            [](unsigned char c) { return std::isdigit(c) != 0; });
            const long long n = digits ? std::stoll(text) : -1;
            if (digits && n >= min && n <= max) return {};
            return "must be a whole number " + range + ", got '" + model::escapeForDisplay(text) +
                   "'";
        },
        // The help pads by bytes: ASCII here keeps its columns straight.
        unbounded ? "at least " + std::to_string(min)
                  : std::to_string(min) + " to " + std::to_string(max));
}

std::string usageMessage(const CLI::App* app, const CLI::Error& e) {
    const CLI::App* verb = nullptr;
    for (const auto* sub : app->get_subcommands()) verb = sub;
    const std::string where = verb ? verb->get_name() + ": " : std::string();
    const std::string help =
        verb ? "; see bilateral " + verb->get_name() + " --help" : "; see bilateral --help";
    const std::string what = e.what();
    // By exit code: some errors carry the app's name in get_name() instead of their type's.
    const auto code = static_cast<CLI::ExitCodes>(e.get_exit_code());
    std::string message;
    if (code == CLI::ExitCodes::RequiredError && what == "A subcommand is required") {
        message = "missing command; commands:";
        for (const auto* sub : app->get_subcommands({})) message += " " + sub->get_name();
    } else if (code == CLI::ExitCodes::RequiredError && what.ends_with(" is required")) {
        // `ACTOR is required`, `--output is required`
        message = where + "missing " + what.substr(0, what.size() - 12) + help;
    } else if (code == CLI::ExitCodes::ExtrasError) {
        // `The following arguments were not expected: c b` (CLI11 lists them last first)
        const auto colon = what.find(": ");
        std::vector<std::string> extras;
        std::size_t at = colon == std::string::npos ? 0 : colon + 2;
        while (at <= what.size()) {
            auto space = what.find(' ', at);
            if (space == std::string::npos) space = what.size();
            extras.insert(extras.begin(), what.substr(at, space - at));
            at = space + 1;
        }
        // An option this verb does not have is named as such (`--hops` given to who-met); its
        // value, if any, is then no news.
        const auto option = std::find_if(extras.begin(), extras.end(), [](const std::string& x) {
            return x.size() > 1 && x[0] == '-' && !std::isdigit(static_cast<unsigned char>(x[1]));
        });
        if (option != extras.end()) {
            message = where + "unknown option '" + *option + "'";
        } else {
            message = where + (extras.size() == 1 ? "unexpected argument" : "unexpected arguments");
            for (std::size_t i = 0; i < extras.size(); ++i)
                message += (i ? ", '" : " '") + extras[i] + "'";
        }
        message += help;
    } else if (code == CLI::ExitCodes::ArgumentMismatch && what.ends_with(" missing")) {
        // `--limit: 1 required UINT missing`
        message = what.substr(0, what.find(':')) + ": needs a value";
    } else {
        // A ValidationError names the option: `--limit: must be a whole number ≥ 1, got '0'`.
        message = what;
    }
    return "bilateral: " + model::escapeForDisplay(message) + "\n";
}

std::string dateText(const std::optional<model::Date>& d) {
    return d ? d->toString() : std::string();
}

Json dateJson(const std::optional<model::Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

std::string intervalText(const model::Interval& v) {
    if (!v.start && !v.end) return "undated";
    std::string s = v.start ? v.start->toString() + " .." : "..";
    if (v.end) s += " " + v.end->toString();
    return s;
}

Json intervalJson(const model::Interval& v) {
    Json j;
    j["from"] = dateJson(v.start);
    j["to"] = dateJson(v.end);
    return j;
}

std::string certaintyText(model::Certainty c) {
    return std::string(model::toString(c));
}

Json actorJson(const model::Actor& a) {
    Json j;
    j["id"] = a.id;
    j["name"] = a.name;
    j["kind"] = model::toString(a.kind);
    j["country"] = a.country ? Json(*a.country) : Json(nullptr);
    return j;
}

Json actorJson(const query::ActorRef& a) {
    Json j;
    j["id"] = a.id;
    j["name"] = a.name;
    j["kind"] = model::toString(a.kind);
    j["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
    if (!a.merged.empty()) j["merged"] = a.merged;  // [identity] only when records were merged
    return j;
}

std::string actorLabel(const query::ActorRef& a) {
    std::string merged;
    for (const auto& id : a.merged) merged += (merged.empty() ? ", with " : ", ") + id;
    return a.name + " (" + a.id + merged + ")";
}

void addNoMergeFlag(CLI::App& cmd, bool& noMerge) {
    cmd.add_flag("--no-merge", noMerge,
                 "each record alone: do not treat the records a same_as relation joins as one "
                 "actor");
}

std::string eventDateText(const query::EventRef& e) {
    if (!e.start && !e.end) return "undated";
    std::string s = e.start ? e.start->toString() : std::string("..");
    if (e.end && e.end != e.start) s += ".." + e.end->toString();
    if (e.datedByParent) s += "*";
    return s;
}

std::string supportMarker(const model::Support& s) {
    if (!s.basis || *s.basis == model::Basis::Stated) return "";
    std::string out = " (" + std::string(model::toString(*s.basis));
    if (s.confidence) out += fmt::format(" {:g}", *s.confidence);
    return out + ")";
}

void putSupport(Json& j, const model::Support& s) {
    j["basis"] = s.basis ? Json(model::toString(*s.basis)) : Json(nullptr);
    j["confidence"] = s.confidence ? Json(*s.confidence) : Json(nullptr);
}

void printSupportLegend() {
    fmt::print(
        "(inferred 0.8): implied by the source, not stated, with the reader's confidence; "
        "(reference): general reference knowledge; unmarked: stated\n");
}

/// [places] An event's place as JSON: null when it has none.
Json placeJson(const std::string& name, const std::string& country) {
    if (name.empty() && country.empty()) return nullptr;
    return Json{{"name", name.empty() ? Json(nullptr) : Json(name)},
                {"country", country.empty() ? Json(nullptr) : Json(country)}};
}

Json eventJson(const query::EventRef& e, bool participants) {
    Json j;
    j["id"] = e.id;
    j["kind"] = model::toString(e.kind);
    j["title"] = e.title;
    j["status"] = model::toString(e.status);
    j["start"] = dateJson(e.start);
    j["end"] = dateJson(e.end);
    j["dated_by_parent"] = e.datedByParent;
    j["parent"] = e.parent.empty() ? Json(nullptr) : Json(e.parent);
    j["evidence"] = e.evidence;
    putSupport(j, e.support);
    // [places]
    j["place"] = placeJson(e.location, e.placeCountry);
    if (e.inScope) j["in_dyad"] = query::toString(*e.inScope);
    if (participants && !e.disagreements.empty()) {  // [claims] timelines, where they disagree
        Json ds = Json::array();
        for (const auto& d : e.disagreements) ds.push_back(disagreementJson(d));
        j["disagreements"] = std::move(ds);
    }
    if (participants) {
        // [event-data] What the data coded of it (null where it has none).
        const auto number = [](const auto& v) { return v ? Json(*v) : Json(nullptr); };
        j["cameo"] = e.cameo.empty() ? Json(nullptr) : Json(e.cameo);
        j["goldstein"] = number(e.goldstein);
        j["quad_class"] = e.quadClass == 0 ? Json(nullptr) : Json(e.quadClass);
        j["tone"] = number(e.tone);
        j["mentions"] = number(e.mentions);
    }
    if (participants) {
        Json ls = Json::array();
        for (const auto& l : e.links) {
            ls.push_back(Json{{"id", l.id},
                              {"kind", model::toString(l.kind)},
                              {"direction", l.outgoing ? "to" : "from"},
                              {"event", l.event},
                              {"title", l.title}});
        }
        j["links"] = std::move(ls);
    }
    if (participants) {
        Json ps = Json::array();
        for (const auto& p : e.participants) {
            Json x{{"id", p.actor.id}, {"name", p.actor.name}, {"role", model::toString(p.role)}};
            putSupport(x, p.support);
            ps.push_back(std::move(x));
        }
        j["participants"] = std::move(ps);
    }
    return j;
}

CLI::Option* addActorArgument(CLI::App& cmd, std::string& actor, const std::string& name,
                              bool required) {
    return cmd.add_option(name, actor, "actor id, or a name or alias naming one actor")
        ->required(required);
}

void addJsonFlag(CLI::App& cmd, bool& json) {
    cmd.add_flag("--json", json, "machine-readable output (docs/cli.md)");
}

void addThroughOption(CLI::App& cmd, std::string& through) {
    cmd.add_option("--through", through,
                   "what joins two actors: events, relations or both (default)");
}

void addOverlapWindowOptions(CLI::App& cmd, std::string& from, std::string& to) {
    cmd.add_option("--from", from,
                   "only events that may overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd.add_option("--to", to, "only events that may overlap this date or earlier");
}

void addLimitOption(CLI::App& cmd, std::size_t& limit) {
    cmd.add_option("--limit", limit, "show at most N (default: all)")
        ->check(wholeNumber(1, std::numeric_limits<long long>::max()));
}

void printShowing(std::size_t shown, std::size_t total) {
    if (shown < total) fmt::print("showing {} of {}\n", shown, total);
}

Json kindsJson(const std::vector<model::EventKind>& kinds) {
    Json j = Json::array();
    for (auto k : kinds) j.push_back(model::toString(k));
    return j;
}

Table::Table(const std::vector<std::string>& header, std::vector<std::size_t> rightAligned)
    : columns_(header.size()), right_(header.size(), false), widest_(header.size(), 0) {
    for (const auto c : rightAligned) {
        if (c < columns_) right_[c] = true;
    }
    addCells(header);
}

void Table::addCell(std::string_view text) {
    bool special = false;  // a control byte or one that is not ASCII (no early exit: vectorized)
    for (const char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        special |= b < 0x20 || b >= 0x7F;
    }
    const bool plain = !special;
    std::size_t width = text.size();
    if (plain) {
        text_ += text;
    } else {
        const auto shown = cellText(text);
        width = model::displayWidth(shown);
        text_ += shown;
    }
    ends_.push_back(text_.size());
    width_.push_back(width);
    widest_[column_] = std::max(widest_[column_], width);
    if (++column_ == columns_) column_ = 0;
}

template <class Range>
void Table::addCells(const Range& row) {
    if (columns_ == 0) return;
    std::size_t n = 0;
    for (const auto& cell : row) {
        if (n++ == columns_) break;
        addCell(cell);
    }
    for (; n < columns_; ++n) addCell({});
}

void Table::add(const std::vector<std::string>& row) {
    addCells(row);
    ++rows_;
}

void Table::addRow(std::initializer_list<std::string_view> row) {
    addCells(row);
    ++rows_;
}

void Table::reserve(std::size_t rows, std::size_t bytes) {
    text_.reserve(text_.size() + rows * bytes);
    ends_.reserve(ends_.size() + rows * columns_);
    width_.reserve(width_.size() + rows * columns_);
}

void Table::print() const {
    std::size_t lineWidth = 1;
    for (const auto w : widest_) lineWidth += w + 2;
    std::string out;
    out.reserve(text_.size() + lineWidth * (rows_ + 1));  // an upper bound
    std::size_t begin = 0;
    for (std::size_t i = 0; i < ends_.size(); ++i) {
        const auto c = i % columns_;
        const std::string_view cell(text_.data() + begin, ends_[i] - begin);
        begin = ends_[i];
        const auto pad = widest_[c] - width_[i];
        const bool last = c + 1 == columns_;
        if (right_[c]) out.append(pad, ' ');
        out += cell;
        if (!right_[c] && !last) out.append(pad, ' ');
        out += last ? "\n" : "  ";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
}

void printJson(const Json& j) {
    fmt::print("{}\n", j.dump(2));
}

void printJsonWithArray(const Json& head, std::string_view key, std::size_t count,
                        const std::function<Json(std::size_t)>& item) {
    // dump(2) of {"a": ..., "key": [x, y]} is the head's lines, then the key, then each item
    // indented by four spaces.
    std::string out = head.empty() ? std::string("{\n") : head.dump(2);
    if (!head.empty()) {
        out.resize(out.size() - 2);  // "\n}"
        out += ",\n";
    }
    out += "  " + Json(std::string(key)).dump() + ": ";
    if (count == 0) {
        out += "[]\n}\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < count; ++i) {
        const auto text = item(i).dump(2);
        out += "    ";
        for (const char c : text) {
            out += c;
            if (c == '\n') out += "    ";
        }
        out += i + 1 < count ? ",\n" : "\n";
        if (out.size() >= (std::size_t{1} << 16)) {  // written as it grows
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    out += "  ]\n}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
}

void printCsvRow(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line += ',';
        const auto& f = fields[i];
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            line += f;
            continue;
        }
        line += '"';
        for (const char c : f) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
}

}  // namespace bilateral::cli
