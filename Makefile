# The two commands of the README, plus the size report. Each installs what it needs.
.PHONY: setup serve test test-native test-browser build size examples bench

setup:
	@bash scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080 (download mode, no endpoint).
serve: setup
	trunk serve --release

build: setup
	trunk build --release

## Every test: the domain core natively, then the release build in headless Chromium.
test: setup
	cargo test --workspace --locked
	trunk build --release
	cd tests/browser && node --test --test-concurrency=1

## Raw, gzip and brotli size of every file the first page load fetches. The budget
## (100 KB brotli) is checked by `make bench` with the other budgets, in one place.
size: build
	node scripts/size-report.mjs dist

## The example host pages (examples/), with a strict CSP, the app under /skolutbyte/.
examples: build
	node scripts/serve-examples.mjs

## Benchmarks (not tests): release build, then sizes, Lighthouse, in-browser timings and an
## axe pass; writes docs/benchmarks.md and docs/benchmarks.json and exits non-zero when a
## budget is broken. SKU_DIST=dir builds into and measures another dist;
## BENCH_ARGS=--quick makes fewer runs (development).
BENCH_DIST = $(or $(SKU_DIST),dist)
bench: setup
	@bash bench/setup.sh
	trunk build --release --dist $(BENCH_DIST)
	node bench/run.mjs --dist $(BENCH_DIST) $(BENCH_ARGS)
