# bilateral: the two commands of the quick start, and a few more.
#   make demo   install missing packages, build the command, load the bundled dataset, show it
#   make test   install missing packages, build everything, run every test through ctest
#   make install  install the command, libraries, headers, CMake package, data tables and man
#               page under PREFIX (/usr/local; `make install PREFIX=/opt/x`, DESTDIR honoured)
#   BILATERAL_SKIP_DEPS=1 skips the package check (scripts/install-deps.sh)
#   make sanitize  build the tests with AddressSanitizer + UndefinedBehaviorSanitizer, run them
#   make fuzz   build the libFuzzer targets with clang, run each for FUZZ_SECONDS
#   make tsan   build the concurrency tests with ThreadSanitizer and run them
#   make format-check  check every C++ file's layout against .clang-format (--fix: scripts/)
#   make size-check  no hand-written file over 500 lines, no function over 80 (scripts/check_sizes.py)

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
DEMO_DB ?= $(BUILD)/demo/bilateral.db
PREFIX ?= /usr/local
BILATERAL = $(BUILD)/bilateral

.PHONY: all deps configure build build-cli test demo install clean sanitize fuzz tsan format-check size-check

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

configure: deps $(BUILD)/CMakeCache.txt

# The compiler's progress goes to a log, so that `make demo` shows the demo; a failure shows it.
build: configure
	@echo "bilateral: building everything in $(BUILD)/ (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) >$(BUILD)/build.log 2>&1 || { tail -n 40 $(BUILD)/build.log; exit 1; }

# The command and the libraries it links, nothing else (no tests, examples or benchmarks).
build-cli: configure
	@echo "bilateral: building the command $(BILATERAL) (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) --target bilateral_cli >$(BUILD)/build.log 2>&1 || \
	  { tail -n 40 $(BUILD)/build.log; exit 1; }

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The demo needs only the command (its report's PNG is drawn by chromium, a package).
demo: build-cli
	@scripts/demo.sh $(BILATERAL) $(DEMO_DB)

# The command, the libraries and the Python module (when built), then everything installed,
# stripped of debug information (the command is static); cmake --install honours DESTDIR from the
# environment. It says which PYTHONPATH imports the Python package when the prefix is not Python's.
install: configure
	@echo "bilateral: building what is installed in $(BUILD)/ (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) --target bilateral_installable >$(BUILD)/build.log 2>&1 || \
	  { tail -n 40 $(BUILD)/build.log; exit 1; }
	@echo "bilateral: installing into $(DESTDIR)$(PREFIX)"
	@DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)" --strip

clean:
	rm -rf $(BUILD)

# Sanitizers (docs/reliability.md): a Debug build of everything with ASan and UBSan; any report
# fails the run.
ASAN_BUILD ?= build-asan
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

sanitize: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBILATERAL_BUILD_BENCH=OFF -DBILATERAL_STATIC_CLI=OFF \
	  -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE_FLAGS)" \
	  -DCMAKE_SHARED_LINKER_FLAGS="$(SANITIZE_FLAGS)" >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && \
	  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Fuzzing (fuzz/): clang + libFuzzer in their own build folder; each target runs FUZZ_SECONDS.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

fuzz:
	@scripts/install-deps.sh --fuzz
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DBILATERAL_FUZZ=ON -DBILATERAL_BUILD_TESTS=OFF -DBILATERAL_BUILD_EXAMPLES=OFF \
	  -DBILATERAL_BUILD_BENCH=OFF -DBILATERAL_STATIC_CLI=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all
	@fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# ThreadSanitizer (docs/reliability.md): the tests that run threads against one database or one
# index, built with -fsanitize=thread in their own folder; any report fails the run.
TSAN_BUILD ?= build-tsan
TSAN_FLAGS = -fsanitize=thread -fno-omit-frame-pointer
TSAN_TESTS ?= Concurrency|Threads

tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBILATERAL_BUILD_BENCH=OFF \
	  -DBILATERAL_BUILD_EXAMPLES=OFF -DBILATERAL_STATIC_CLI=OFF -DBILATERAL_BUILD_PYTHON=OFF \
	  -DCMAKE_CXX_FLAGS="$(TSAN_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$(TSAN_FLAGS)" \
	  -DCMAKE_SHARED_LINKER_FLAGS="$(TSAN_FLAGS)" >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS) --target reliability_tests query_tests
	@cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS) -R '$(TSAN_TESTS)'

format-check: deps
	@scripts/check_format.sh

size-check:
	@python3 scripts/check_sizes.py
