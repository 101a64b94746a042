#!/usr/bin/env bash
# The linker of the release bundle (set by tools/build.sh): rust-lld without the exports of
# wasm-streams' JS classes (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource).
#
# Why: Leptos depends on server_fn, which depends on wasm-streams, and every #[wasm_bindgen]
# struct of a linked crate is exported from the cdylib. Those exports keep the stream adapters,
# their futures and io::Error formatting alive: 5.4 KB brotli that this widget never calls (it
# has no server functions; BENCHMARKS.md, "Size work"). Without the exports, wasm-ld's garbage
# collection drops that code, and tools/post-build.mjs drops the classes from the glue (it fails
# the build if the glue still refers to anything the wasm no longer exports).
set -euo pipefail
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --export ] && [[ "${2:-}" == *intounderlying* ]]; then
    shift 2
    continue
  fi
  # (rustc 1.95 passes `--export sym`; the one-argument form is dropped too. Were rustc ever to
  # pass its arguments in an @file, nothing would be dropped and the size budget would fail.)
  [[ "$1" == --export=*intounderlying* ]] && { shift; continue; }
  args+=("$1")
  shift
done
# rustc puts its own tool directory, with rust-lld, first on the linker's PATH.
exec rust-lld "${args[@]}"
