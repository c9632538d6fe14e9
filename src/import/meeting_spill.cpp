#include "meeting_spill.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "bilateral/error.hpp"

namespace bilateral::io::detail {
namespace {

bool less(const SpilledMeetings::Entry& x, const SpilledMeetings::Entry& y) noexcept {
    return x.pair != y.pair ? x.pair < y.pair : x.dayRoot < y.dayRoot;
}

std::uint64_t mix(std::uint64_t pair, std::uint64_t dayRoot) noexcept {
    std::uint64_t h = pair * 0x9E3779B97F4A7C15ull ^ (dayRoot + 0x632BE59BD9B4E019ull);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

/// Bits of the filter per key (in blocks of 512), and bits set per key in its block.
constexpr std::size_t kBitsPerKey = 12;
constexpr int kProbes = 7;

/// A buffered reader of the run, entry by entry.
class RunReader {
public:
    RunReader(std::FILE* f, std::size_t n) : f_(f), left_(n) {
        if (f_) std::rewind(f_);
    }
    bool next(SpilledMeetings::Entry& e) {
        if (at_ == buf_.size()) {
            const auto want = std::min<std::size_t>(left_, 4096);
            if (want == 0) return false;
            buf_.resize(want);
            if (std::fread(buf_.data(), sizeof(e), want, f_) != want)
                throw StorageError("cannot read the import's temporary meeting file");
            left_ -= want;
            at_ = 0;
        }
        e = buf_[at_++];
        return true;
    }

private:
    std::FILE* f_;
    std::size_t left_;
    std::vector<SpilledMeetings::Entry> buf_;
    std::size_t at_ = 0;
};

}  // namespace

SpilledMeetings::~SpilledMeetings() {
    if (run_) std::fclose(run_);
}

void SpilledMeetings::fail(const char* what) const {
    throw StorageError(std::string(what) +
                       " the import's temporary meeting file: " + std::strerror(errno));
}

void SpilledMeetings::filter(const Entry& e) {
    const auto h = mix(e.pair, e.dayRoot);
    const auto block = (h % (bloom_.size() / 8)) * 8;
    auto bits = h >> 20 | h << 44;
    for (int i = 0; i < kProbes; ++i, bits >>= 9) {
        const auto bit = bits & 511;
        bloom_[block + bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

bool SpilledMeetings::mayHold(std::uint64_t pair, std::uint64_t dayRoot) const {
    const auto h = mix(pair, dayRoot);
    const auto block = (h % (bloom_.size() / 8)) * 8;
    auto bits = h >> 20 | h << 44;
    for (int i = 0; i < kProbes; ++i, bits >>= 9) {
        const auto bit = bits & 511;
        if (!(bloom_[block + bit / 64] >> (bit % 64) & 1)) return false;
    }
    return true;
}

void SpilledMeetings::read(std::FILE* f, std::size_t at, Entry* out, std::size_t n) const {
    const auto bytes = n * sizeof(Entry);
    const auto got = ::pread(fileno(f), out, bytes, static_cast<off_t>(at * sizeof(Entry)));
    if (got != static_cast<ssize_t>(bytes)) fail("cannot read");
}

std::optional<std::int64_t> SpilledMeetings::find(const rules::MeetingKey& k) const {
    if (count_ == 0 || !mayHold(k.pair, k.dayRoot)) return std::nullopt;
    const Entry probe{k.pair, k.dayRoot, 0};
    // The block of the run that would hold it: after the last sampled key not above it.
    const auto it = std::upper_bound(sampled_.begin(), sampled_.end(), probe, less);
    if (it == sampled_.begin()) return std::nullopt;
    const auto first = static_cast<std::size_t>(it - sampled_.begin() - 1) * kStride;
    const auto n = std::min(kStride, count_ - first);
    Entry block[kStride];
    read(run_, first, block, n);
    const auto* hit = std::lower_bound(block, block + n, probe, less);
    if (hit == block + n || less(probe, *hit)) return std::nullopt;
    return hit->row;
}

void SpilledMeetings::add(std::vector<Entry>& batch) {
    std::sort(batch.begin(), batch.end(), less);
    std::FILE* merged = std::tmpfile();
    if (!merged) fail("cannot create");
    const auto total = count_ + batch.size();
    sampled_.clear();
    bloom_.assign(std::max<std::size_t>(1, total * kBitsPerKey / 512) * 8, 0);
    std::vector<Entry> out;
    out.reserve(4096);
    std::size_t written = 0;
    const auto put = [&](const Entry& e) {
        if (written % kStride == 0) sampled_.push_back(e);
        filter(e);
        out.push_back(e);
        ++written;
        if (out.size() == out.capacity()) {
            if (std::fwrite(out.data(), sizeof(Entry), out.size(), merged) != out.size())
                fail("cannot write");
            out.clear();
        }
    };
    RunReader old(run_, count_);
    Entry e;
    bool more = old.next(e);
    for (const auto& b : batch) {
        while (more && less(e, b)) {
            put(e);
            more = old.next(e);
        }
        put(b);
    }
    while (more) {
        put(e);
        more = old.next(e);
    }
    if (std::fwrite(out.data(), sizeof(Entry), out.size(), merged) != out.size() ||
        std::fflush(merged) != 0) {
        fail("cannot write");
    }
    if (run_) std::fclose(run_);
    run_ = merged;
    count_ = total;
    std::vector<Entry>().swap(batch);
}

}  // namespace bilateral::io::detail
