// The checks of a dataset document as a whole, once every record is read: each reference
// resolves (in the document, or in the database it is imported into), and no parent chain
// comes back to where it started.

#include <algorithm>
#include <array>

#include "bilateral/import/from_storage.hpp"
#include "dataset_reader.hpp"

namespace bilateral::io::detail {
namespace {

/// What a reference points at, by DatasetReader::Target.
constexpr std::array<std::string_view, 3> kTargetNames{"source", "actor", "event"};

}  // namespace

bool DatasetReader::resolves(const Reference& ref) {
    switch (ref.target) {
        case Target::Source:
            return sourceIds_.contains(ref.id) || (existing_ && existing_->sourceRow(ref.id));
        case Target::Actor:
            return actorIds_.contains(ref.id) || (existing_ && existing_->actorRow(ref.id));
        case Target::Event:
            break;
    }
    return eventIds_.contains(ref.id) || (existing_ && existing_->eventRow(ref.id));
}

void DatasetReader::checkReferences() {
    for (const auto& ref : references_) {
        if (resolves(ref)) continue;
        throw ParseError(
            file_, ref.pointer,
            "unknown " + std::string(kTargetNames[static_cast<std::size_t>(ref.target)]) + " " +
                inQuotes(ref.id) +
                (existing_ ? ": neither in this file nor in the database" : ": not in this file"));
    }
}

/// A parent chain that comes back to where it started. Reported at the `parent` of the
/// cycle's event that comes first in the document.
void DatasetReader::checkParentCycles() {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < out_.events.size(); ++i) index.emplace(out_.events[i].id, i);
    enum class Mark { New, OnPath, Done };
    std::vector<Mark> mark(out_.events.size(), Mark::New);
    for (std::size_t start = 0; start < out_.events.size(); ++start) {
        std::vector<std::size_t> path;
        std::optional<std::size_t> cur = start;
        while (cur && mark[*cur] == Mark::New) {
            mark[*cur] = Mark::OnPath;
            path.push_back(*cur);
            const auto& parent = out_.events[*cur].parent;
            const auto it = parent ? index.find(*parent) : index.end();
            cur = it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
        }
        if (cur && mark[*cur] == Mark::OnPath) {
            const auto from = std::find(path.begin(), path.end(), *cur);
            const auto first = *std::min_element(from, path.end());
            std::string chain;
            // Walk the cycle from its first event in document order.
            std::size_t at = first;
            do {
                chain += out_.events[at].id + " → ";
                at = index.at(*out_.events[at].parent);
            } while (at != first);
            chain += out_.events[first].id;
            throw ParseError(file_, parentPointers_.at(out_.events[first].id),
                             "parent cycle: " + chain);
        }
        for (auto i : path) mark[i] = Mark::Done;
    }
}

}  // namespace bilateral::io::detail
