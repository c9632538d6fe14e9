// `bilateral --db URL init --shards URL1,URL2,...`: the sharded layout of the PostgreSQL engine.

#include <fmt/core.h>

#include "command.hpp"

namespace bilateral::cli {

void addInit(CLI::App& cmd, const Globals& g) {
    auto shards = std::make_shared<std::vector<std::string>>();
    cmd.add_option(
           "--shards", *shards,
           "the shards' postgresql:// URLs, comma-separated (each database distinct and without "
           "a bilateral schema)")
        ->delimiter(',')
        ->required();
    cmd.callback([&g, shards] {
        Database::initShards(g.db, *shards);
        fmt::print("{}: sharded over {} databases; import into it as into any database\n",
                   g.shownDb(), shards->size());
    });
}

}  // namespace bilateral::cli
