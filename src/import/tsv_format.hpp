#pragma once
// Private to import: what a tab-separated event format is to the one driver that reads them
// all (tsv_driver.hpp). A format (ICEWS: icews_format.cpp, GDELT: gdelt_format.cpp) says where
// its columns are — found by header name or by position — and how a row's actors are made; the
// driver reads the rows, checks the columns every format shares (id, day, CAMEO code, Goldstein,
// attributes, place), writes the event, its participations, its evidence and its meeting, and
// does the counting, skipping, progress and summary. A new format is a new TsvFormat.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bilateral/import/import.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::io::detail {

class ActorMaker;
class LineReader;

/// A column of a format, numbered in the format's own list of columns; a Layout says which
/// field of a file's rows holds it.
using Column = std::size_t;
inline constexpr Column kNoColumn = static_cast<Column>(-1);

/// How a column's text becomes a value: checked as that, and stored as that JSON type.
enum class ValueType { Text, Integer, Real };

/// Where a format's columns are in one file, what they are called (for messages) and whether
/// `NA` means "no value" in them (ICEWS's missing-value marker).
struct Layout {
    std::size_t fields = 0;  ///< the number of tab-separated fields of every row
    std::vector<std::size_t> field;
    std::vector<std::string> name;
    std::vector<char> missingAsNa;
    /// Adds a column held by `field` (kNoColumn: the file lacks it); returns it.
    Column add(std::string name, std::size_t field, bool missingAsNa = false);
};

/// One row of a file, seen through its layout.
class Row {
public:
    Row(const Layout& layout, const std::vector<std::string_view>& fields, const LineReader& in)
        : layout_(layout), fields_(fields), in_(in) {}

    /// A column's text: empty for kNoColumn, a column the file lacks, and a missing value.
    std::string_view operator[](Column c) const noexcept {
        if (c == kNoColumn || layout_.field[c] == kNoColumn) return {};
        const auto v = fields_[layout_.field[c]];
        return layout_.missingAsNa[c] && v == "NA" ? std::string_view() : v;
    }
    [[nodiscard]] const std::string& name(Column c) const { return layout_.name[c]; }

    /// Throws the ParseError of a problem at this line and column (kNoColumn: the whole row).
    [[noreturn]] void fail(Column c, const std::string& why) const;
    /// Throws `"<the column's text>" <why>` at the column: the form of every value's error.
    [[noreturn]] void failValue(Column c, std::string_view why) const;
    /// A decimal (nullopt when empty); ParseError "is not a number" otherwise.
    [[nodiscard]] std::optional<double> decimal(Column c) const;
    /// A whole number (nullopt when empty); ParseError "is not a whole number" otherwise.
    [[nodiscard]] std::optional<std::int64_t> integer(Column c) const;

private:
    const Layout& layout_;
    const std::vector<std::string_view>& fields_;
    const LineReader& in_;
};

/// The columns the driver reads itself, in every format (kNoColumn: none), and their forms.
struct EventColumns {
    Column id = kNoColumn;  ///< the file's own event id: digits
    /// The event's id is `<idPrefix><id>`, with `/<day as YYYY-MM-DD>` when the file's ids are
    /// unique only with their day (ICEWS).
    std::string_view idPrefix;
    bool idWithDate = false;
    Column date = kNoColumn;  ///< the event's day: YYYYMMDD, and YYYY-MM-DD when isoDates
    bool isoDates = false;
    /// Checked as their type, not kept (GDELT's MonthYear, Year, FractionDate).
    std::vector<std::pair<Column, ValueType>> checked;
    Column code = kNoColumn;        ///< the CAMEO code: up to six digits
    Column goldstein = kNoColumn;   ///< a number; the CAMEO table's value when empty
    Column title = kNoColumn;       ///< else the CAMEO name of the code, else the code
    std::vector<Column> placeName;  ///< the place's name: the parts a row has, joined by ", "
    Column latitude = kNoColumn, longitude = kNoColumn;
    bool coordinateRanges = false;  ///< latitude within ±90 and longitude ±180, not only numbers
    Column url = kNoColumn;         ///< a news page: the event's evidence
};

/// A column kept as an event attribute named `key`; kNoColumn: the CAMEO table's note on an
/// unknown code. Attributes are written in the order given (key order, as the store writes).
struct AttributeColumn {
    std::string key;
    Column column = kNoColumn;
    ValueType type = ValueType::Text;
};

/// The source and target actors of a row (handles; nullopt: none in that role).
struct RowActors {
    std::optional<std::int64_t> source, target;
};

/// One tab-separated event format.
class TsvFormat {
public:
    virtual ~TsvFormat();

    /// Reads what precedes the rows (a header line) or peeks at the first row, and sets the
    /// description, the layout, the event columns and the attribute columns. Throws ParseError
    /// for a file that cannot be read as this format at all.
    virtual void open(LineReader& in) = 0;

    /// The place's country (ISO 3166-1 alpha-3; empty: unknown) and gazetteer id of a row.
    virtual void place(const Row& row, std::string& country, std::string& gazetteer) const = 0;
    /// Checks what the row says of its actors, before anything of the row is written.
    virtual void checkActors(const Row& row) const;
    /// The row's actors, new ones created through `actors`.
    virtual RowActors actors(const Row& row, ActorMaker& actors) = 0;
    /// The layout of a row of `fields` fields; nullptr when no row of the file may have that
    /// many. By default only the layout's own count (a GDELT 1.0 file also takes 57 and 58).
    [[nodiscard]] virtual const Layout* layoutFor(std::size_t fields) const noexcept;

    /// What the format is, as the driver's summaries and messages name it.
    struct Description {
        Format format = Format::Auto;
        /// Whether the file starts with a header line (a file without one must hold a row).
        bool header = false;
        std::string label;     ///< as a source's title names the format: "ICEWS", "GDELT 2.0"
        std::string rowShape;  ///< "expected N tab-separated fields (<rowShape>), found M"
        std::string counts;    ///< N in that message when not the layout's count ("57 or 58")
    };
    [[nodiscard]] const Description& description() const noexcept { return description_; }
    [[nodiscard]] const Layout& layout() const noexcept { return layout_; }
    [[nodiscard]] const EventColumns& columns() const noexcept { return columns_; }
    [[nodiscard]] const std::vector<AttributeColumn>& attributes() const noexcept {
        return attributes_;
    }

protected:
    Description description_;
    Layout layout_;
    EventColumns columns_;
    std::vector<AttributeColumn> attributes_;
};

/// The formats (icews_format.cpp, gdelt_format.cpp).
std::unique_ptr<TsvFormat> icewsFormat();
std::unique_ptr<TsvFormat> gdeltFormat();

/// Throws the ParseError of a problem at the line `in` read last, in `column` (empty: none).
[[noreturn]] void failAt(const LineReader& in, std::string_view column, const std::string& why);

/// Appends an event id: `<prefix><id>`, and `/<date as YYYY-MM-DD>` when `date` is given
/// (`YYYY-MM-DD` as it is, `YYYYMMDD` rewritten).
void appendEventId(std::string& out, std::string_view prefix, std::string_view id,
                   std::string_view date = {});

}  // namespace bilateral::io::detail
