#pragma once
// Private to import: the dataset JSON reader (docs/dataset-format.md). Every object strict,
// every error a ParseError at a JSON pointer. Records are read in document order
// (dataset_reader.cpp), their fields through typed reads that fail where the field is
// (dataset_fields.cpp); ids are checked for duplicates as they come, references once the whole
// document is read, then parent cycles (dataset_checks.cpp).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/import/dataset.hpp"
#include "bilateral/model/types.hpp"
#include "json_cursor.hpp"

namespace bilateral::storage {
class Engine;
}

namespace bilateral::io::detail {

/// What a string field must look like: its length, its characters, and the words of its error
/// ("invalid <what> \"x\": expected <expected>").
struct TextPattern {
    std::size_t minLength, maxLength;
    bool (*allowed)(char);
    std::string_view what, expected;
};

class DatasetReader {
public:
    /// `file` names the document in errors; references may resolve in `existing` (may be null).
    /// [claims] `sourcesDir`: the folder of source texts quotes are checked against (empty:
    /// none).
    DatasetReader(const std::string& file, storage::Engine* existing,
                  std::filesystem::path sourcesDir = {})
        : file_(file), existing_(existing), sourcesDir_(std::move(sourcesDir)) {}
    Dataset read(const Json& json);

private:
    enum class Target { Source, Actor, Event };
    /// A reference to check once the whole document is read.
    struct Reference {
        Target target;
        std::string id;
        std::string pointer;
    };
    /// Ids of one array, each with the pointer of its first occurrence.
    using IdTable = std::unordered_map<std::string, std::string>;

    // --- the document and its records (dataset_reader.cpp) ------------------------------------
    void header(const Cursor& root);
    model::Source source(const Cursor& c);
    model::Actor actor(const Cursor& c);
    model::Participant participant(const Cursor& c);
    model::Event event(const Cursor& c);
    std::vector<model::Participant> participants(const Cursor& list);
    model::EventLink link(const Cursor& c);
    model::Relation relation(const Cursor& c);
    model::Attestation attestation(const Cursor& c, const model::Interval& valid);

    // --- [claims] format 1.2 (dataset_claims.cpp) --------------------------------------------
    /// What a claim is about: which fields it may give.
    enum class ClaimOf { Event, Participation, Relation };
    std::vector<model::Claim> claimsOf(const Cursor& object, ClaimOf what);
    model::Claim claim(const Cursor& c, ClaimOf what);
    /// Where each evidence item with a span was read, for the check against the texts.
    struct SpanAt {
        std::string source;
        model::Span span;
        std::optional<std::string> quote;
        std::string pointer;
    };

    // --- fields (dataset_fields.cpp) ----------------------------------------------------------
    std::string id(const Cursor& c, IdTable& ids);
    std::string reference(const Cursor& c, Target target);
    static model::Date date(const Cursor& c);
    static std::optional<model::Date> optionalDate(const Cursor& object, std::string_view key);
    static std::optional<std::string> optionalString(const Cursor& object, std::string_view key);
    /// A string field that must match `pattern`.
    static std::string matching(const Cursor& c, const TextPattern& pattern);
    static std::optional<std::string> optionalMatching(const Cursor& object, std::string_view key,
                                                       const TextPattern& pattern);
    static std::optional<double> optionalWithin(const Cursor& object, std::string_view key,
                                                double low, double high);
    static void requireNotBefore(const Cursor& laterAt, const model::Date& later,
                                 std::string_view laterName, const model::Date& earlier,
                                 std::string_view earlierName);
    static model::Attributes attributesOf(const Cursor& object);
    model::Evidence evidence(const Cursor& c);
    std::vector<model::Evidence> evidenceOf(const Cursor& object);
    static void readPlace(const Cursor& c, model::Event& e);

    // --- whole-document checks (dataset_checks.cpp) -------------------------------------------
    bool resolves(const Reference& ref);
    void checkReferences();
    void checkParentCycles();

    /// [claims] Checks every quote of a span against its source's text, and the text against
    /// the source's sha256, where the text is at hand: a source's `file` in `sourcesDir_` (a
    /// source of this document, else of `existing`). Throws ParseError at the pointer of the
    /// first mismatch (dataset_quotes.cpp).
    void checkQuotes();

    const std::string& file_;
    storage::Engine* existing_;
    std::filesystem::path sourcesDir_;
    std::vector<SpanAt> spans_;  ///< [claims] every span read, for checkQuotes
    Dataset out_;
    IdTable sourceIds_, actorIds_, eventIds_, relationIds_, linkIds_;
    std::vector<Reference> references_;
    std::unordered_map<std::string, std::string> parentPointers_;
};

inline std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// Patterns of the fields the format constrains.
bool isDigitChar(char c);
bool isUpperChar(char c);
/// ISO 3166-1 alpha-3 codes (the errors give "ITA", and "MYS" for a place, as examples).
extern const TextPattern kCountryPattern, kPlaceCountryPattern;
extern const TextPattern kSha256Pattern;
extern const TextPattern kCameoPattern;

}  // namespace bilateral::io::detail
