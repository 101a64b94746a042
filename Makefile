# The two commands of the README: `make serve` (the demo) and `make test` (everything).
# Both install what is missing first (tools/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test setup build bench fuzz

serve: setup
	trunk serve

test: setup
	tools/test.sh

setup:
	tools/setup.sh

build: setup
	trunk build --release

bench: setup
	tools/bench.sh

fuzz: setup
	tools/fuzz.sh $(or $(FUZZ_SECONDS),300)
