# bilateral: the two commands of the quick start, and a few more.
#   make demo   install missing packages, build, load the bundled dataset, show what it holds
#   make test   install missing packages, build, run every test through ctest
#   make sanitize  build the tests with AddressSanitizer + UndefinedBehaviorSanitizer, run them
#   make fuzz   build the libFuzzer targets with clang, run each for FUZZ_SECONDS

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
DEMO_DB ?= $(BUILD)/demo/bilateral.db
BILATERAL = $(BUILD)/bilateral

.PHONY: all deps configure build test demo clean sanitize fuzz

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

configure: deps $(BUILD)/CMakeCache.txt

# The compiler's progress goes to a log, so that `make demo` shows the demo; a failure shows it.
build: configure
	@echo "bilateral: building in $(BUILD)/ (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) >$(BUILD)/build.log 2>&1 || { tail -n 40 $(BUILD)/build.log; exit 1; }

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BILATERAL) $(DEMO_DB)

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
