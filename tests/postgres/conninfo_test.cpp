// Connection strings: server URLs recognised, passwords never shown.

#include <gtest/gtest.h>

#include "storage/postgres/conninfo.hpp"

namespace pg = bilateral::storage::postgres;

TEST(ConnInfo, RecognisesServerUrls) {
    EXPECT_TRUE(pg::isServerUrl("postgresql://u@h/db"));
    EXPECT_TRUE(pg::isServerUrl("postgres://h"));
    EXPECT_FALSE(pg::isServerUrl("bilateral.db"));
    EXPECT_FALSE(pg::isServerUrl("./postgresql://x"));
    EXPECT_FALSE(pg::isServerUrl("host=h dbname=d"));
}

TEST(ConnInfo, RedactsTheUriPassword) {
    EXPECT_EQ(pg::redactUrl("postgresql://anna:s3cr%40t@db.example:5432/graph"),
              "postgresql://anna:***@db.example:5432/graph");
    EXPECT_EQ(pg::redactUrl("postgresql://anna@db.example/graph"),
              "postgresql://anna@db.example/graph");
    // A password holding '/' or '@' unencoded leaks nothing either.
    EXPECT_EQ(pg::redactUrl("postgres://u:a/b@c@h:1/d?sslmode=require"),
              "postgres://u:***@h:1/d?sslmode=require");
}

TEST(ConnInfo, RedactsPasswordParameters) {
    EXPECT_EQ(pg::redactUrl("postgresql://h/d?user=u&password=xyz&sslmode=disable"),
              "postgresql://h/d?user=u&password=***&sslmode=disable");
    EXPECT_EQ(pg::redactUrl("host=h password=xyz dbname=d"), "host=h password=*** dbname=d");
    EXPECT_EQ(pg::redactUrl("host=h password = 'a b\\' c' dbname=d"),
              "host=h password = *** dbname=d");
}

TEST(ConnInfo, ScrubsEveryFormOfThePassword) {
    const auto secrets = pg::passwordsIn("postgresql://anna:p%40ss@h/d");
    const auto message =
        pg::scrub("FATAL: password authentication failed (tried p@ss, p%40ss)", secrets);
    EXPECT_EQ(message.find("p@ss"), std::string::npos) << message;
    EXPECT_EQ(message.find("p%40ss"), std::string::npos) << message;
    EXPECT_NE(message.find("***"), std::string::npos);
    const auto quoted = pg::passwordsIn("host=h password='it\\'s'");
    EXPECT_EQ(pg::scrub("x it's y", quoted), "x *** y");
}

TEST(ConnInfo, QuotesValues) {
    EXPECT_EQ(pg::quoteConninfoValue("a b'c\\"), "'a b\\'c\\\\'");
}
