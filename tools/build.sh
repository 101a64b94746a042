#!/usr/bin/env bash
# The partner bundle: `trunk build --release` into dist/, with the standard library rebuilt for
# size. Run through `make build` (also used by `make test` and `make bench`).
#
# Why the unstable flags: rebuilding std with this crate's profile (opt-level "z") and the
# `immediate-abort` panic strategy, without panic locations or Debug formatting, drops std's
# panic machinery from the wasm: measured -13.6 KB brotli (BENCHMARKS.md, "Size work").
# RUSTC_BOOTSTRAP enables them on the stable toolchain (checked with 1.95.0, TOOLCHAIN.md; a later
# compiler that renames a flag fails this build loudly, never silently). It is set only here, so
# `cargo test`, clippy, the component tests and `trunk serve` stay on plain stable. A panic in
# the bundle was already an abort (`panic = "abort"`); it now traps without a message. Without
# these variables `trunk build --release` still builds a working bundle, ~17 KB larger, which
# the size budget rejects.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Either of these would make cargo ignore the target flags below.
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# std's own switch to its smaller algorithms (e.g. sorting, integer formatting); it also replaces
# build-std's default features (`panic-unwind`, unused with immediate-abort): -367 B brotli.
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# Not an unstable flag: a linker that leaves out code Leptos links but never calls (the script
# says which, and why).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$PWD/tools/wasm-ld.sh"
exec trunk build --release "$@"
