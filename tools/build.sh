#!/usr/bin/env bash
# The partner bundle: `trunk build --release` into dist/, with the standard library rebuilt for
# size. Run through `make build` (also used by `make test` and `make bench`).
#
# Why the unstable flags: rebuilding std with this crate's profile (opt-level "z") and the
# `immediate-abort` panic strategy drops std's panic-message formatting and location data from
# the wasm: measured -12.8 KB brotli (BENCHMARKS.md, "Size work"). RUSTC_BOOTSTRAP enables them
# on the pinned stable toolchain; it is set only here, so `cargo test`, clippy, the component
# tests and `trunk serve` stay on plain stable. A panic in the bundle was already an abort
# (`panic = "abort"`); it now traps without a message. Without these variables `trunk build
# --release` still builds a working bundle, just ~13 KB larger, which the size budget rejects.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
exec trunk build --release "$@"
