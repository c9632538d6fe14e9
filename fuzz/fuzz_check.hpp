#pragma once
// FUZZ_CHECK(cond): a property the fuzzer must never see broken; aborts with the condition so
// libFuzzer saves the input (assert would vanish in release builds).

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                 \
        }                                                                                 \
    } while (0)
