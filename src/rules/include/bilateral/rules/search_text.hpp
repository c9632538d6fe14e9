#pragma once
// How a name or alias is made searchable, before any engine tokenizes it: apostrophe
// look-alikes are one apostrophe, so "Dato’ Seri" and "Dato' Seri" find each other.

#include <string>
#include <string_view>

namespace bilateral::rules {

/// Apostrophe look-alikes (’ ‘ ʼ `) folded to '; every other byte as it is.
std::string foldForSearch(std::string_view text);

}  // namespace bilateral::rules
