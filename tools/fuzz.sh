#!/usr/bin/env bash
# Fuzzes the untrusted-input code (article parser, URL filter, date parser) with libFuzzer:
#   tools/fuzz.sh SECONDS          run for SECONDS (CI: 60 or less), leave the repo untouched
#   tools/fuzz.sh SECONDS --keep   also merge what it found into fuzz/corpus/parse_article
#                                  (minimised, small files only, capped; commit the result)
# Then the publishers' converter (convert/fuzz, target `convert`: both its parsers) for a third
# of SECONDS, seeded with convert/tests/fixtures; its crashes go to convert/fuzz/artifacts/.
# Installs cargo-fuzz if missing. cargo-fuzz passes nightly-only flags to rustc; on the stable
# toolchain RUSTC_BOOTSTRAP=1 allows them. No sanitizer: the crate has no unsafe code, and
# panics (including overflow, thanks to -a) are what we hunt. A crash fails the script and
# leaves the input in fuzz/artifacts/parse_article/ (reproduce: tools/fuzz.sh 0 <file>).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }
# A run's figures from $log into $execs and $rate; after a crash ($status), the log's tail and
# where libFuzzer left the input (ARTIFACTS), and the script fails.
figures() {
  grep -E "^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::)|ERROR|panicked|deadly signal|Test unit written" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    say "FAILED (exit $status): the crashing input is in $1"
    exit "$status"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
}

seconds=${1:?usage: tools/fuzz.sh SECONDS [--keep | CRASH_FILE]}
mode=${2:-}
target=parse_article
corpus=fuzz/corpus/$target
max_files=200
max_bytes=16384 # also the largest input the fuzzer makes (the seed article is ~12 KB)

if command -v cargo-fuzz >/dev/null 2>&1; then
  say "cargo-fuzz present ($(cargo fuzz --version))"
else
  say "installing cargo-fuzz (cargo install cargo-fuzz --locked, ~2 min)"
  cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
fuzz=(cargo fuzz run --sanitizer none --debug-assertions "$target")

say "building the $target target (first build compiles every dependency, ~5-10 min on 2 cores)"
cargo fuzz build --sanitizer none --debug-assertions "$target"

if [ -n "$mode" ] && [ "$mode" != "--keep" ]; then
  say "replaying $mode"
  exec "${fuzz[@]}" "$mode"
fi

# Seeds: the demo article and every test fixture, read in place (and, with --keep, saved in the
# corpus as seed-NAME so that it stands on its own).
mkdir -p "$corpus"
seed_dirs=(demo/articles tests/fixtures)
if [ "$mode" = "--keep" ]; then
  find "$corpus" -name 'seed-*' -delete
  for seed in demo/articles/*.json tests/fixtures/*.json; do
    [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$seed")"
  done
fi

# New finds go to a scratch directory; the kept corpus is only read.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/new"
log=$work/fuzz.log
say "running $target for ${seconds}s on $(find "$corpus" "${seed_dirs[@]}" -type f | wc -l) corpus files and seeds"
status=0
"${fuzz[@]}" "$work/new" "$corpus" "${seed_dirs[@]}" -- \
  -max_total_time="$seconds" -max_len="$max_bytes" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -close_fd_mask=1 2>"$log" || status=$?
figures "fuzz/artifacts/$target/"
found=$(find "$work/new" -type f | wc -l)
say "ok: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), $found new inputs, no crash"

if [ "$mode" = "--keep" ]; then
  # Merge: the smallest set of small files that covers everything found so far. libFuzzer
  # names merged files by the SHA-1 of their content, so copies of the seeds are easy to drop.
  mkdir -p "$work/merged" "$work/small"
  find "$corpus" "$work/new" -type f -size -"$((max_bytes + 1))"c -exec cp -t "$work/small" {} +
  "${fuzz[@]}" "$work/merged" "$work/small" -- -merge=1 -use_counters=0 -max_len="$max_bytes" -close_fd_mask=1 \
    >/dev/null 2>>"$log"
  seeds=0
  for seed in "$corpus"/seed-*; do
    rm -f "$work/merged/$(sha1sum <"$seed" | cut -d' ' -f1)"
    seeds=$((seeds + 1))
  done
  # Over the cap: keep the smallest (small inputs are the readable ones).
  room=$((max_files - seeds))
  say "merge kept $(find "$work/merged" -type f | wc -l) inputs besides the $seeds seeds (cap $room)"
  find "$work/merged" -type f -printf '%s %p\n' | sort -n | tail -n +"$((room + 1))" |
    cut -d' ' -f2- | xargs -r rm -f
  find "$corpus" -type f ! -name 'seed-*' -delete
  cp "$work/merged"/* "$corpus"/ 2>/dev/null || true
  say "corpus now $(find "$corpus" -type f | wc -l) files ($(du -sh "$corpus" | cut -f1)) in $corpus"
fi

# The converter's target: its own project (convert/fuzz), so run from convert/; not in replay.
convert_seconds=$(((seconds + 2) / 3))
say "building the converter's target (convert/fuzz: scraper and html5ever too, first build ~5 min)"
(cd convert && cargo fuzz build --sanitizer none --debug-assertions convert)
mkdir -p "$work/convert"
say "running convert for ${convert_seconds}s on the converter's fixtures"
status=0
(cd convert && cargo fuzz run --sanitizer none --debug-assertions convert "$work/convert" tests/fixtures -- \
  -max_total_time="$convert_seconds" -max_len="$max_bytes" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -close_fd_mask=1) 2>"$log" || status=$?
figures convert/fuzz/artifacts/convert/
say "ok: convert ${execs:-?} executions in ${convert_seconds}s (${rate:-?}/s), no crash"
