// bilateral draft ARTICLE [--lang en|it] [--published DATE] [--source-id ID] [--title T]
//                [--html] [--diff] [-o FILE]   (docs/draft.md)
// Reads an article and writes a dataset draft whose every fact is inferred, with its span and
// quote. With --db, names already in that graph keep their ids (the graph is only read).

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "bilateral/draft/draft.hpp"
#include "bilateral/error.hpp"
#include "bilateral/export/output_file.hpp"
#include "command.hpp"
#include "format.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {
namespace {

namespace fs = std::filesystem;

struct DraftArgs {
    std::string article, lang, published, sourceId, title, output;
    bool html = false, diff = false;
};

/// The names of a graph, through the Database's public answers.
class DatabaseNames : public draft::GraphNames {
public:
    explicit DatabaseNames(Database& db) : db_(db) {}

    std::vector<draft::KnownActor> lookup(std::string_view name) override {
        std::vector<draft::KnownActor> out;
        for (const auto& hit : db_.search(name, 50)) {
            auto known = actor(hit.id);
            if (!known) continue;
            known->matched = hit.matched;
            out.push_back(std::move(*known));
        }
        return out;
    }
    std::optional<draft::KnownActor> actor(std::string_view id) override {
        // An id, never a name (Database::actor resolves names too).
        if (id.find('/') == std::string_view::npos) return std::nullopt;
        try {
            const auto a = db_.actor(id);
            if (a.id != id) return std::nullopt;
            return draft::KnownActor{a.id, a.kind, a.name, a.country, a.name};
        } catch (const NotFoundError&) {
            return std::nullopt;
        } catch (const AmbiguousError&) {
            return std::nullopt;
        }
    }
    bool hasSource(std::string_view id) override { return db_.source(id).has_value(); }
    std::vector<std::string> relations(std::string_view from, model::RelationKind kind,
                                       std::string_view to) override {
        std::vector<std::string> out;
        for (const auto& r : db_.relations(from, std::nullopt, kind)) {
            if (r.relation.from == from && r.relation.to == to) out.push_back(r.relation.id);
        }
        return out;
    }
    std::vector<draft::KnownEvent> events(std::string_view actorId, std::optional<model::Date> from,
                                          std::optional<model::Date> to) override {
        query::TimelineOptions options;
        options.window = {from, to};
        options.participants = false;
        std::vector<draft::KnownEvent> out;
        for (const auto& e : db_.timeline(actorId, options).items) {
            out.push_back({e.id, e.kind, e.start, e.end, e.title});
        }
        return out;
    }

private:
    Database& db_;
};

std::string readArticle(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InvalidArgumentError("cannot read the article " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

void refuseOutputOverArticle(const std::string& output, const std::string& article) {
    if (output.empty() || output == "-" || article == "-") return;
    std::error_code ec;
    if (fs::exists(output, ec) && fs::equivalent(output, article, ec)) {
        throw InvalidArgumentError("-o " + output + " is the article " + article +
                                   "; nothing was written (give another output file)");
    }
}

draft::DraftOptions optionsFrom(const DraftArgs& a, const std::string& text) {
    draft::DraftOptions o;
    if (!a.lang.empty()) {
        o.language = draft::parseLanguage(a.lang);
        if (!o.language)
            throw InvalidArgumentError("--lang: expected en or it, got '" + a.lang + "'");
    }
    o.published = parseDateOption(a.published, "--published");
    o.sourceId = a.sourceId;
    o.title = a.title;
    o.fileName = a.article == "-" ? std::string() : a.article;
    const auto ext = fs::path(a.article).extension().string();
    o.html = a.html || ext == ".html" || ext == ".htm" || draft::looksLikeHtml(text);
    return o;
}

void writeDraft(const std::string& output, const std::string& json) {
    if (output.empty() || output == "-") {
        std::cout << json;
        std::cout.flush();
        if (!std::cout) throw StorageError("cannot write to standard output");
        return;
    }
    writeOutputFile(output, [&](std::ostream& out) { out << json; });
}

void runDraft(const Globals& g, const DraftArgs& args, bool withDb) {
    // Every argument is checked before anything is read or written.
    io::refuseOutputOverDatabase(args.output, g.db);
    refuseOutputOverArticle(args.output, args.article);
    const std::string bytes = readArticle(args.article);
    const auto options = optionsFrom(args, bytes);
    if (!args.output.empty() && args.output != "-") catchInterrupts(OnInterrupt::Immediate);

    std::optional<Database> db;
    std::optional<DatabaseNames> names;
    if (withDb) {
        db.emplace(g.openReadOnly());
        names.emplace(*db);
    }
    const auto result = draft::draftArticle(bytes, options, names ? &*names : nullptr);
    const std::string json = draft::toDatasetJson(result);
    if (args.diff) {
        std::cout << draft::reviewText(result);
        if (!args.output.empty()) writeDraft(args.output, json);
        return;
    }
    writeDraft(args.output, json);
    if (!args.output.empty() && args.output != "-") {
        fmt::print(
            "wrote a draft of {} ({} actors, {} events, {} relations, {} links; {} actors "
            "reused from the graph) to {}\n",
            options.fileName.empty() ? "standard input" : options.fileName, result.actors.size(),
            result.events.size(), result.relations.size(), result.links.size(),
            result.reused.size(), args.output);
    }
}

}  // namespace

void addDraft(CLI::App& cmd, const Globals& g) {
    auto args = std::make_shared<DraftArgs>();
    cmd.add_option("ARTICLE", args->article,
                   "the article: UTF-8 text or HTML ('-': standard input)")
        ->required();
    cmd.add_option("--lang", args->lang, "the article's language: en or it (default: detected)");
    cmd.add_option("--published", args->published,
                   "publication date (ISO 8601): resolves weekdays, 'yesterday', years left out");
    cmd.add_option("--source-id", args->sourceId, "the source's id (default: source/ + file name)");
    cmd.add_option("--title", args->title, "the source's title (default: the first line)");
    cmd.add_flag("--html", args->html,
                 "read the article as HTML (default: by extension or content)");
    cmd.add_flag("--diff", args->diff,
                 "print what the draft would add to the graph (--db), for review; the draft "
                 "is written only with -o");
    cmd.add_option("-o,--output", args->output, "draft file (default: standard output)");
    cmd.callback([&g, args, &cmd] {
        const bool withDb = cmd.get_parent()->get_option("--db")->count() > 0;
        runDraft(g, *args, withDb);
    });
}

}  // namespace bilateral::cli
