#!/usr/bin/env bash
# Installs what is missing, then runs every check of Pipeline Lens, stopping at the first failure:
# formatting, clippy, the native tests of every crate, the release build of the site (at the root and under
# the GitHub Pages sub-path), its size, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export PATH="$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

corpus="${PIPELENS_CORPUS:-$PWD/../shared/corpus}"
if [ -d "$corpus" ]; then
  echo "corpus: $corpus ($(find "$corpus" -type f | wc -l) files); the corpus tests run too"
else
  echo "corpus: not here, so the tests over real-world logs and configs are skipped (the fixtures run);" \
    "scripts/fetch-corpus.sh fetches it into ../shared/corpus"
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (the web app for wasm32)"
cargo clippy -p pipeline-lens --target wasm32-unknown-unknown --locked -- -D warnings

step "cargo test (every crate, native)"
cargo test --workspace --locked

step "trunk build --release (root, into dist/)"
trunk build --release --offline

step "trunk build --release (GitHub Pages sub-path /pipelens/, into target/dist-pages/)"
trunk build --release --offline --public-url /pipelens/ --dist target/dist-pages

step "bundle size"
scripts/bundle-size.sh dist

step "end-to-end tests (headless Chromium)"
mkdir -p e2e/artifacts
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination=e2e/artifacts/junit.xml \
  e2e/
