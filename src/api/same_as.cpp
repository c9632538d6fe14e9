// [identity] bilateral::Database's same_as verbs (docs/data-model.md, "One actor per entity"):
// candidates, a pair confirmed with its evidence, a file of pairs in one transaction, a pair
// removed. The group rule is rules/identity.hpp; the answers that follow it are query/'s.

#include <fstream>

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"
#include "bilateral/model/utf8.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/identity.hpp"
#include "database_impl.hpp"

namespace bilateral {
namespace {

/// The source a confirmation's evidence names: one per confirmer and command or file.
model::Source confirmationSource(const query::SameAsConfirmation& how) {
    model::Source s;
    s.id = "same_as/" + (how.by.empty() ? std::string("unknown") : how.by) + "/" + how.how;
    s.title = "same_as confirmed by " + (how.by.empty() ? std::string("an unknown user") : how.by) +
              " (bilateral same-as " + how.how + ")";
    s.kind = "confirmation";
    if (!how.by.empty()) s.author = how.by;
    return s;
}

std::string confirm(storage::Engine& engine, std::string_view a, std::string_view b,
                    const query::SameAsConfirmation& how) {
    const auto x = query::resolveActor(engine, a), y = query::resolveActor(engine, b);
    if (x == y) throw InvalidArgumentError("same_as needs two actors: \"" + x + "\" twice");
    const auto source = confirmationSource(how);
    if (!engine.findSource(source.id)) engine.putSource(source);
    model::Relation r;
    r.id = rules::sameAsId(x, y);
    r.kind = model::RelationKind::SameAs;
    const bool swap = rules::canonicalBefore(y, x);
    r.from = swap ? y : x;
    r.to = swap ? x : y;
    model::Evidence e;
    e.source = source.id;
    e.note = how.note;
    r.evidence.push_back(std::move(e));
    engine.putRelation(r);
    return r.id;
}

/// The fields of one line: split at tabs when it has one, else at commas; trimmed.
std::vector<std::string> fieldsOf(std::string_view line) {
    const char sep = line.find('\t') != std::string_view::npos ? '\t' : ',';
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        const auto end = line.find(sep, at);
        auto f = line.substr(at, end == std::string_view::npos ? line.size() - at : end - at);
        while (!f.empty() && (f.front() == ' ' || f.front() == '"')) f.remove_prefix(1);
        while (!f.empty() && (f.back() == ' ' || f.back() == '"' || f.back() == '\r'))
            f.remove_suffix(1);
        out.emplace_back(f);
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return out;
}

}  // namespace

std::vector<query::SameAsCandidate> Database::sameAsCandidates(std::size_t limit) {
    return query::sameAsCandidates(*impl_->engine, limit);
}

std::string Database::confirmSameAs(std::string_view a, std::string_view b,
                                    const query::SameAsConfirmation& how) {
    impl_->index.reset();
    const auto tx = impl_->engine->begin();
    auto id = confirm(*impl_->engine, a, b, how);
    tx->commit();
    return id;
}

std::size_t Database::importSameAs(const std::filesystem::path& file, const std::string& by) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), "", "cannot open");
    impl_->index.reset();
    const auto tx = impl_->engine->begin();
    std::string line;
    std::size_t n = 0, pairs = 0;
    const auto how = "--from " + file.filename().string();
    while (std::getline(in, line)) {
        ++n;
        const auto where = "line " + std::to_string(n);
        if (!model::validUtf8(line)) throw ParseError(file.string(), where, "not UTF-8");
        const auto f = fieldsOf(line);
        if (f.size() == 1 && f[0].empty()) continue;                          // a blank line
        if (n == 1 && f.size() >= 2 && f[0] == "a" && f[1] == "b") continue;  // the header
        if (f.size() < 2 || f.size() > 3 || f[0].empty() || f[1].empty()) {
            throw ParseError(file.string(), where,
                             "expected two actor ids and an optional note (id,id[,note])");
        }
        query::SameAsConfirmation c{by, how, std::nullopt};
        if (f.size() == 3 && !f[2].empty()) c.note = f[2];
        try {
            confirm(*impl_->engine, f[0], f[1], c);
        } catch (const Error& e) {
            if (dynamic_cast<const StorageError*>(&e)) throw;
            throw ParseError(file.string(), where, e.what());
        }
        ++pairs;
    }
    if (in.bad()) throw ParseError(file.string(), "line " + std::to_string(n + 1), "read error");
    tx->commit();
    return pairs;
}

bool Database::removeSameAs(std::string_view a, std::string_view b) {
    const auto x = query::resolveActor(*impl_->engine, a),
               y = query::resolveActor(*impl_->engine, b);
    impl_->index.reset();
    return impl_->engine->removeRelation(rules::sameAsId(x, y));
}

}  // namespace bilateral
