#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine with rustup, node
# and apt. Each step checks first and says what it does; a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Versions: wasm-bindgen-cli must equal the crate in Cargo.lock (and the Trunk.toml pin).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
trunk_pin=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ "$bindgen_version" != "$trunk_pin" ]; then
  echo "Cargo.lock has wasm-bindgen $bindgen_version but Trunk.toml pins $trunk_pin: make them equal" >&2
  exit 1
fi
trunk_version=0.21.14
binaryen_version=$(sed -n 's/^wasm_opt = "version_\(.*\)"/\1/p' Trunk.toml)

# The exact toolchain of rust-toolchain.toml, with the wasm target and components named there.
toolchain=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if rustup toolchain list | grep -q "^$toolchain-" \
  && rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
  say "Rust $toolchain with the wasm32-unknown-unknown target present"
else
  say "installing Rust $toolchain with the wasm32-unknown-unknown target (rust-toolchain.toml)"
  rustup toolchain install "$toolchain" --profile minimal --component clippy,rustfmt \
    --target wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $trunk_version" ]; then
  say "trunk $trunk_version present"
else
  say "installing trunk $trunk_version (compiles ~500 crates: 10-20 min on 2 cores)"
  cargo install trunk --locked --version "$trunk_version"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version present"
else
  say "installing wasm-bindgen-cli $bindgen_version (~8 min)"
  # No --locked: its lockfile names a crate version the index no longer has.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
command -v chromedriver >/dev/null || missing_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing_apt+=(fonts-noto-cjk)
if [ ${#missing_apt[@]} -gt 0 ]; then
  say "installing from apt: ${missing_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}"
else
  say "chromium, chromedriver and CJK fonts present"
fi

# npm: Playwright (driving the system Chromium, never its own download), axe-core, and
# binaryen's wasm-opt (Debian's binaryen 108 silently breaks the module).
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm packages present"
else
  say "installing npm packages (package-lock.json)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
if ! wasm-opt --version | grep -q "version $binaryen_version"; then
  echo "wasm-opt on PATH is not binaryen $binaryen_version: $(command -v wasm-opt)" >&2
  exit 1
fi

say "fetching crates (Trunk builds offline)"
cargo fetch --quiet
say "ready"
