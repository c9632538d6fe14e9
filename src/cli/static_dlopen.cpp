// The statically linked command (CMakeLists.txt, BILATERAL_STATIC_CLI) is linked with
// `-Wl,--wrap=dlopen`: SQLite's extension loader then calls this instead of glibc's dlopen,
// which a static program cannot use safely. The command never enables extension loading, so
// this is never reached; if it were, loading fails as it would for a missing file.

extern "C" void* __wrap_dlopen(const char* /*file*/, int /*mode*/) {  // NOLINT
    return nullptr;
}
