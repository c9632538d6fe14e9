// [claims] Format 1.2: other sources' accounts of an event, a participation or a relation
// (docs/dataset-format.md, "Claims"), and the check of quotes against the source texts at hand.

#include <fstream>
#include <map>
#include <sstream>

#include "bilateral/import/from_storage.hpp"
#include "bilateral/model/utf8.hpp"
#include "dataset_reader.hpp"

namespace bilateral::io::detail {
namespace {

/// Code points [start, end) of UTF-8 text; none when the text is shorter.
std::optional<std::string> codePoints(std::string_view text, std::int64_t start, std::int64_t end) {
    std::size_t i = 0, from = 0;
    for (std::int64_t cp = 0; cp < end; ++cp) {
        if (cp == start) from = i;
        if (i >= text.size()) return std::nullopt;
        (void)model::nextCodePoint(text, i);
    }
    return std::string(text.substr(from, i - from));
}

std::optional<std::string> readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace

std::vector<model::Claim> DatasetReader::claimsOf(const Cursor& object, ClaimOf what) {
    std::vector<model::Claim> out;
    if (auto list = object.optional("claims")) {
        for (const auto& c : list->elements()) out.push_back(claim(c, what));
    }
    return out;
}

model::Claim DatasetReader::claim(const Cursor& c, ClaimOf what) {
    switch (what) {
        case ClaimOf::Event:
            c.object({"source", "evidence", "note", "start", "end", "kind", "status"});
            break;
        case ClaimOf::Participation:
            c.object({"source", "evidence", "note", "role"});
            break;
        case ClaimOf::Relation:
            c.object({"source", "evidence", "note", "valid"});
            break;
    }
    model::Claim cl;
    cl.source = reference(c.required("source"), Target::Source);
    cl.start = optionalDate(c, "start");
    cl.end = optionalDate(c, "end");
    if (cl.start && cl.end)
        requireNotBefore(*c.optional("end"), *cl.end, "end", *cl.start, "start");
    if (auto kind = c.optional("kind")) cl.kind = kind->enumeration<model::EventKind>("event kind");
    if (auto s = c.optional("status")) cl.status = s->enumeration<model::EventStatus>("status");
    if (auto role = c.optional("role")) cl.role = role->enumeration<model::Role>("role");
    if (auto valid = c.optional("valid")) {
        valid->object({"from", "to"});
        cl.validFrom = optionalDate(*valid, "from");
        cl.validTo = optionalDate(*valid, "to");
        if (cl.validFrom && cl.validTo) {
            requireNotBefore(*valid->optional("to"), *cl.validTo, "valid.to", *cl.validFrom,
                             "valid.from");
        }
    }
    if (!cl.start && !cl.end && !cl.kind && !cl.status && !cl.role && !cl.validFrom &&
        !cl.validTo) {
        c.fail("a claim gives at least one field its source speaks to");
    }
    cl.evidence = evidenceOf(c);
    if (cl.evidence.empty()) c.fail("a claim needs evidence: the passage of its source");
    const auto list = c.required("evidence").elements();
    for (std::size_t i = 0; i < cl.evidence.size(); ++i) {
        if (cl.evidence[i].span && !cl.evidence[i].quote) {
            list[i].fail("a claim's evidence with a span needs its quote: the words at the span");
        }
        if (cl.evidence[i].source != cl.source) {
            list[i].required("source").fail("evidence from " + inQuotes(cl.evidence[i].source) +
                                            " in a claim of " + inQuotes(cl.source) +
                                            " (a claim's evidence is from its source)");
        }
    }
    cl.note = optionalString(c, "note");
    return cl;
}

void DatasetReader::checkQuotes() {
    std::map<std::string, std::optional<std::string>> files;  // source id -> file name
    for (const auto& s : out_.sources) files[s.id] = s.file;
    std::map<std::string, std::optional<std::string>> texts;  // source id -> text at hand
    for (const auto& at : spans_) {
        if (!at.quote) continue;
        auto it = texts.find(at.source);
        if (it == texts.end()) {
            auto file = files.contains(at.source) ? files[at.source] : std::nullopt;
            if (!files.contains(at.source) && existing_) {
                if (auto s = existing_->findSource(at.source)) file = s->file;
            }
            it =
                texts.emplace(at.source, file ? readText(sourcesDir_ / *file) : std::nullopt).first;
        }
        if (!it->second) continue;
        const auto words = codePoints(*it->second, at.span.start, at.span.end);
        if (!words) {
            throw ParseError(file_, at.pointer + "/span",
                             "span [" + std::to_string(at.span.start) + ", " +
                                 std::to_string(at.span.end) +
                                 ") lies past the end of the text of " + inQuotes(at.source));
        }
        if (*words != *at.quote) {
            throw ParseError(file_, at.pointer + "/quote",
                             "quote " + inQuotes(*at.quote) + " differs from the text of " +
                                 inQuotes(at.source) + " at its span: " + inQuotes(*words));
        }
    }
}

}  // namespace bilateral::io::detail
