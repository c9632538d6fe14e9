#include "tsv_format.hpp"

#include "bilateral/error.hpp"
#include "field_values.hpp"
#include "line_reader.hpp"

namespace bilateral::io::detail {

Column Layout::add(std::string columnName, std::size_t at, bool na) {
    field.push_back(at);
    name.push_back(std::move(columnName));
    missingAsNa.push_back(na ? 1 : 0);
    return field.size() - 1;
}

void failAt(const LineReader& in, std::string_view column, const std::string& why) {
    std::string where = "line " + std::to_string(in.lineNumber());
    if (!column.empty()) {
        where += ", column ";
        where += column;
    }
    throw ParseError(in.name(), where, why);
}

void Row::fail(Column c, const std::string& why) const {
    failAt(in_, c == kNoColumn ? std::string_view() : std::string_view(layout_.name[c]), why);
}

void Row::failValue(Column c, std::string_view why) const {
    std::string text = "\"";
    text += (*this)[c];
    text += "\" ";
    text += why;
    fail(c, text);
}

std::optional<double> Row::decimal(Column c) const {
    const auto v = (*this)[c];
    if (v.empty()) return std::nullopt;
    double d = 0;
    if (!parseDecimal(v, d)) failValue(c, "is not a number");
    return d;
}

std::optional<std::int64_t> Row::integer(Column c) const {
    const auto v = (*this)[c];
    if (v.empty()) return std::nullopt;
    std::int64_t n = 0;
    if (!parseInt64(v, n)) failValue(c, "is not a whole number");
    return n;
}

TsvFormat::~TsvFormat() = default;

void TsvFormat::checkActors(const Row& /*row*/) const {}

const Layout* TsvFormat::layoutFor(std::size_t fields) const noexcept {
    return fields == layout_.fields ? &layout_ : nullptr;
}

void appendEventId(std::string& out, std::string_view prefix, std::string_view id,
                   std::string_view date) {
    out += prefix;
    out += id;
    if (date.empty()) return;
    out += '/';
    if (date.size() == 8 && date.find('-') == std::string_view::npos) {
        out += date.substr(0, 4);
        out += '-';
        out += date.substr(4, 2);
        out += '-';
        out += date.substr(6, 2);
    } else {
        out += date;
    }
}

}  // namespace bilateral::io::detail
