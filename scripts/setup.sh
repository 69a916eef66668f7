#!/usr/bin/env bash
# Installs what Pipeline Lens needs and is missing; skips what is already there at the pinned version.
#
#   scripts/setup.sh           tools to build and serve the site
#   scripts/setup.sh --tests   the same plus Debian's Chromium and ChromeDriver for the browser tests and
#                              the release build (which writes every page from the app: scripts/prerender.mjs)
#   scripts/setup.sh --screenshots   the same plus oxipng in target/tools/, the lossless PNG optimiser of
#                              scripts/screenshots.mjs (only whoever regenerates the screenshots needs it)
#
# Nothing here downloads a prebuilt binary from outside the package registries: Rust tools are compiled
# with cargo, wasm-opt and Playwright come from npm (package-lock.json), Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Read by scripts/screenshots.mjs, which refuses any other version.
OXIPNG_VERSION=10.2.1
WITH_BROWSER=false
WITH_OXIPNG=false
[ "${1:-}" = "--tests" ] && WITH_BROWSER=true
[ "${1:-}" = "--screenshots" ] && WITH_BROWSER=true && WITH_OXIPNG=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm target of the installed toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk, compiled from crates.io. 0.22 needs a newer rustc than 1.95.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (compiles for about 10 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli at exactly the version Cargo.lock resolved (Trunk refuses any other).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a webpki-roots release that the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Node tools from the lock file: binaryen (wasm-opt 132) and playwright-core.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the Node tools from package-lock.json"
  npm ci --no-audit --no-fund
fi

if $WITH_BROWSER && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
# oxipng, compiled from crates.io into the repository's own tool folder (not on the PATH: only
# scripts/screenshots.mjs runs it).
if $WITH_OXIPNG && [ "$(target/tools/bin/oxipng --version 2>/dev/null)" != "oxipng $OXIPNG_VERSION" ]; then
  say "installing oxipng $OXIPNG_VERSION into target/tools (compiles for a few minutes, once)"
  cargo install --locked oxipng --version "$OXIPNG_VERSION" --root target/tools
fi
say "ready"
