#!/usr/bin/env bash
# Fuzzes the core for a bounded time: every target of fuzz/ in turn, SECONDS each (default 60).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Installs cargo-fuzz if it is missing and runs `cargo +nightly fuzz run` (libFuzzer needs nightly for its
# sanitizer flags). Each target starts from its saved corpus (fuzz/corpus/<target>, kept between runs,
# ignored by git) and, read-only, from the tests' fixtures and the matching part of the real-world corpus
# when it is here ($PIPELENS_CORPUS, else ../shared/corpus). Inputs are at most
# MAX_LEN bytes (default 65536); a run above RSS_LIMIT_MB (default 2048) or an input slower than
# INPUT_TIMEOUT seconds (default 10) counts as a crash. A crash stops the script with libFuzzer's report
# and leaves the input in fuzz/artifacts/<target>/: copy it to crates/core/tests/regressions/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(log_parser log_causes report_transfer config_analyser docs_renderer secrets)
fi
max_len="${MAX_LEN:-65536}"
rss_limit_mb="${RSS_LIMIT_MB:-2048}"
input_timeout="${INPUT_TIMEOUT:-10}"
shared="${PIPELENS_CORPUS:-$PWD/../shared/corpus}"
fixtures="$PWD/crates/core/tests/fixtures"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "the nightly toolchain is missing: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi

# The read-only seed folders of each target: the tests' fixtures, and the real-world corpus when it is here.
seeds_of() {
  case "$1" in
    log_parser | log_causes | secrets | report_transfer)
      echo "$fixtures/logs" "$fixtures/causes"
      [ -d "$shared/logs" ] && echo "$shared/logs" ;;
    config_analyser)
      echo "$fixtures/configs"
      [ -d "$shared/configs" ] && echo "$shared/configs" ;;
  esac
  return 0
}

for target in "${targets[@]}"; do
  printf '\n\033[1m== fuzz %s for %ss\033[0m\n' "$target" "$seconds"
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  dirs=("$corpus")
  for seeds in $(seeds_of "$target"); do dirs+=("$seeds"); done
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "${dirs[@]}" -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb="$rss_limit_mb" \
    -timeout="$input_timeout" -print_final_stats=1
done
