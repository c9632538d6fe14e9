#pragma once
// Forward declarations of bilateral's public types, for headers that only name them.

namespace bilateral {
class Error;
namespace model {
class Date;
struct Interval;
struct Span;
struct Evidence;
struct Source;
struct Actor;
struct Participant;
struct Event;
struct Relation;
struct Counts;
}  // namespace model
namespace store {
class Store;
class Statement;
class Transaction;
}  // namespace store
}  // namespace bilateral
