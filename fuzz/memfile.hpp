#pragma once
// The readers take paths; a fuzz input becomes a file in memory (memfd), reached through
// /proc/self/fd/N, rewritten for each input. No disk traffic, nothing left behind.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

class MemFile {
public:
    explicit MemFile(const char* name) : fd_(::memfd_create(name, 0)) {
        if (fd_ < 0) std::abort();
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemFile() { ::close(fd_); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;

    /// Replaces the content with `data`.
    void write(const std::uint8_t* data, std::size_t size) {
        if (::ftruncate(fd_, 0) != 0) std::abort();
        std::size_t done = 0;
        while (done < size) {
            const auto n = ::pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
            if (n <= 0) std::abort();
            done += static_cast<std::size_t>(n);
        }
    }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    int fd_;
    std::string path_;
};
