#include "line_reader.hpp"

#include <algorithm>
#include <cstring>

#include "bilateral/error.hpp"
#include "input_stream.hpp"

namespace bilateral::io::detail {

namespace {
constexpr std::uint64_t kProgressEvery = 64 * 1024;
}

LineReader::LineReader(const std::filesystem::path& file, Progress progress, std::size_t bufferSize)
    : progress_(std::move(progress)), buf_(bufferSize) {
    auto in = openInput(file);
    src_ = std::move(in.bytes);
    name_ = std::move(in.name);
    container_ = std::move(in.container);
    stdin_ = isStdin(file);
}

LineReader::~LineReader() = default;

bool LineReader::fill() {
    if (eof_) return false;
    // Keep the unread tail at the front; grow the buffer when one line fills it.
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
    const auto n = src_->read(buf_.data() + end_, buf_.size() - end_);
    const auto done = src_->consumed(), total = src_->total();
    if (n == 0) {
        eof_ = true;
        return false;
    }
    end_ += n;
    if (progress_ && done - reported_ >= kProgressEvery) {
        reported_ = done;
        progress_(name_, done, total == 0 ? 0 : std::max(total, done), line_, false);
    }
    return true;
}

std::string_view LineReader::peek(std::size_t n) {
    while (end_ - begin_ < n && fill()) {
    }
    return std::string_view(buf_.data() + begin_, std::min(n, end_ - begin_));
}

std::string LineReader::readAll() {
    while (fill()) {
    }
    std::string all(buf_.data() + begin_, end_ - begin_);
    begin_ = end_;
    reportEnd();
    return all;
}

void LineReader::reportEnd() {
    if (!progress_ || endReported_) return;
    endReported_ = true;
    const auto done = src_->consumed(), total = src_->total();
    progress_(name_, done, total ? std::max(total, done) : 0, line_, true);
}

bool LineReader::next(std::string_view& line) {
    const auto refuseLong = [this](std::size_t len) {
        if (len > kMaxLineBytes) {
            throw ParseError(name_, "line " + std::to_string(line_ + 1),
                             "line longer than " + std::to_string(kMaxLineBytes) +
                                 " bytes; not a row of an event file");
        }
    };
    std::size_t scanned = begin_;
    for (;;) {
        const char* base = buf_.data();
        const void* nl = std::memchr(base + scanned, '\n', end_ - scanned);
        if (nl) {
            const auto pos = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
            refuseLong(pos - begin_);
            std::size_t len = pos - begin_;
            if (len > 0 && base[begin_ + len - 1] == '\r') --len;
            line = std::string_view(base + begin_, len);
            begin_ = pos + 1;
            ++line_;
            hadNewline_ = true;
            return true;
        }
        const std::size_t pending = end_ - begin_;
        refuseLong(pending);
        if (!fill()) {
            if (end_ == begin_) {
                reportEnd();
                return false;
            }
            std::size_t len = end_ - begin_;
            const char* b = buf_.data() + begin_;
            if (len > 0 && b[len - 1] == '\r') --len;
            line = std::string_view(b, len);
            begin_ = end_;
            ++line_;
            hadNewline_ = false;
            return true;
        }
        scanned = begin_ + pending;  // fill() moved the tail to the front
    }
}

}  // namespace bilateral::io::detail
