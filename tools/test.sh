#!/usr/bin/env bash
# Every test level, in order of speed; stops at the first failure. Run through `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }

step "format (cargo fmt --all --check: the widget and the converter)"
cargo fmt --all --check
step "lint, native (clippy -D warnings; the workspace: the widget and the converter)"
cargo clippy --workspace --all-targets -- -D warnings
step "lint, wasm32 (clippy -D warnings)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
step "unit and property tests, native (cargo test --workspace: the widget and the converter)"
cargo test --workspace
step "fuzzing the parser and URL filter, bounded (cargo fuzz; longer: make fuzz)"
tools/fuzz.sh "${FUZZ_SECONDS:-45}"
step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web
step "release bundle (trunk build --release)"
trunk build --release
step "size budget"
node tools/size-budget.mjs
step "declarations and manifest against SPEC, tsc hosts, the npm package (node --test tests/types)"
node --test tests/types/*.test.mjs
step "end-to-end tests (Playwright, system Chromium)"
playwright test
