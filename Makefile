# Kroniek. The quick start is two commands:
#   make run    install, build, code samples/ into kroniek.db, serve the UI
#   make test   install, build, run every test
# Everything else here is a building block of those two.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DB ?= kroniek.db
HOST ?= 127.0.0.1
PORT ?= 8080
FUZZ_SECONDS ?= 20
SAMPLES := samples/nl samples/en samples/feed.jsonl
GAZETTEER := $(BUILD)/gazetteer.bin

.PHONY: deps build gazetteer web run serve test unit asan fuzz e2e dict-check bench golden clean

deps:
	@./scripts/install-deps.sh
	@./scripts/install-data.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)
	@$(MAKE) --no-print-directory gazetteer

# The offline gazetteer (GeoNames cities500, Dutch names, our regions),
# compiled next to the binary; rebuilt when its sources change.
gazetteer: $(GAZETTEER)
$(GAZETTEER): $(BUILD)/kroniek $(wildcard src/lang/geo/*) data/package-lock.json
	./$(BUILD)/kroniek gazetteer build --out $(GAZETTEER)

# The web UI (web/dist), built with npm from web/package-lock.json.
web: deps
	@./scripts/build-web.sh

# Codes the bundled sample corpus into the store and serves the UI.
run: build web
	./$(BUILD)/kroniek ingest --db $(DB) $(SAMPLES)
	@echo "Kroniek: open http://$(HOST):$(PORT)/ (Ctrl-C stops the server)"
	./$(BUILD)/kroniek serve --db $(DB) --host $(HOST) --port $(PORT) --web web/dist

serve: build web
	./$(BUILD)/kroniek serve --db $(DB) --host $(HOST) --port $(PORT) --web web/dist

unit: build
	./$(BUILD)/kroniek dict check
	cd $(BUILD) && KRONIEK_GAZETTEER=$(abspath $(GAZETTEER)) ctest --output-on-failure -j $(JOBS)

asan: build
	cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DKRONIEK_SANITIZE=address,undefined
	cmake --build $(BUILD_ASAN) -j $(JOBS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 \
	  KRONIEK_GAZETTEER=$(abspath $(GAZETTEER)) ctest --output-on-failure -j $(JOBS)

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRONIEK_BUILD_FUZZERS=ON -DKRONIEK_BUILD_TESTS=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target fuzzers
	./fuzz/run-all.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# Browser end-to-end tests: the sample store served by kroniek serve,
# driven in Debian's Chromium.
e2e: build web
	./scripts/e2e.sh $(BUILD)

# Every test: unit tests, the same under ASan+UBSan, a short fuzz run, and
# the browser tests against the real server.
test: unit asan fuzz e2e

bench: deps
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKRONIEK_BUILD_BENCHMARKS=ON
	cmake --build build-bench -j $(JOBS)

golden: build
	./scripts/update-golden.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ) build-bench web/dist
