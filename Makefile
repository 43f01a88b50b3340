# Kroniek: the two commands of the quick start are `make run` and `make test`.
# Everything else here is a building block of those two.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DB ?= kroniek.db
PORT ?= 8080
FUZZ_SECONDS ?= 20

.PHONY: deps build run test unit asan fuzz golden bench clean

deps:
	@./scripts/install-deps.sh
	@./scripts/install-data.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Codes the bundled sample corpus into the embedded store and prints a summary.
run: build
	./$(BUILD)/kroniek ingest --db $(DB) samples/

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DKRONIEK_SANITIZE=address,undefined
	cmake --build $(BUILD_ASAN) -j $(JOBS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRONIEK_BUILD_FUZZERS=ON -DKRONIEK_BUILD_TESTS=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	./fuzz/run-all.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# Every test: unit tests (release), the same under ASan+UBSan, a short fuzz run.
test: unit asan fuzz

bench: deps
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKRONIEK_BUILD_BENCHMARKS=ON
	cmake --build build-bench -j $(JOBS)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ) build-bench
