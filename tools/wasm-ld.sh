#!/usr/bin/env bash
# The linker of every wasm32 build (.cargo/config.toml), so plain `trunk build --release` makes the
# partner bundle: rust-lld without the exports of wasm-streams' JS classes (IntoUnderlyingSource,
# IntoUnderlyingSink, IntoUnderlyingByteSource), and otherwise exactly rust-lld.
#
# Why: Leptos depends on server_fn, which depends on wasm-streams, and every #[wasm_bindgen]
# struct of a linked crate is exported from the cdylib. Those exports keep the stream adapters,
# their futures and io::Error formatting alive, code this widget never calls (it has no server
# functions): measured 79,516 -> 74,151 B brotli for the whole bundle (BENCHMARKS.md, "Size
# work"). Without the exports, wasm-ld's garbage collection drops that code, and
# tools/post-build.mjs drops the classes from the glue. That hook fails the release build if the
# wasm still exports them (this wrapper stopped working, e.g. rustc passed its arguments in an
# @file) or if the glue has no such class any more (wasm-streams gone: remove this wrapper).
#
# What it costs the other builds (`cargo test --target wasm32-unknown-unknown`, `trunk serve`):
# nothing they use. Their glue still defines the three classes, which nothing constructs, over
# functions the wasm no longer has.
set -euo pipefail
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --export ] && [[ "${2:-}" == *intounderlying* ]]; then
    shift 2
    continue
  fi
  # (rustc 1.95 passes `--export sym`; the one-argument form is dropped too.)
  [[ "$1" == --export=*intounderlying* ]] && { shift; continue; }
  args+=("$1")
  shift
done
# rustc puts its own tool directory, with rust-lld, first on the linker's PATH.
exec rust-lld "${args[@]}"
