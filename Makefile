# bilateral: the two commands of the quick start, and a few more.
#   make demo   install missing packages, build, load the bundled dataset, show what it holds
#   make test   install missing packages, build, run every test through ctest

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
DEMO_DB ?= $(BUILD)/demo/bilateral.db
BILATERAL = $(BUILD)/bilateral

.PHONY: all deps configure build test demo clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BILATERAL) $(DEMO_DB)

clean:
	rm -rf $(BUILD)
