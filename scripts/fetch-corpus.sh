#!/usr/bin/env bash
# Downloads the real-world corpus the corpus tests read (CircleCI logs, configs, schemas) into DEST, from
# the exact commits listed in corpus-manifest.tsv, and checks each file against its SHA-256.
#
# Usage: scripts/fetch-corpus.sh [DEST]    (default: ../shared/corpus, relative to the repository root)
#
# Manifest columns: file, repository, path, commit, sha256, source, lines. A row with repository, path
# and commit is downloaded from raw.githubusercontent.com; `lines` (a-b) keeps only those lines of the
# downloaded file. The other rows (excerpts of issue threads, code-search hits) cannot be downloaded:
# the script prints where each came from. A file already in DEST with the right SHA-256 is not downloaded.
# Exits non-zero when a download failed or a downloaded file does not match its SHA-256 (such a file
# is not written). Needs bash, coreutils, sed and curl.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/corpus-manifest.tsv"
dest="${1:-$root/../shared/corpus}"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

fetched=0 verified=0 present=0 mismatched=0 failed=0 unfetchable=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Tabs become \037 so that `read` keeps empty fields (a tab is whitespace to IFS, \037 is not).
while IFS=$'\037' read -r file repository path commit sha256 source lines; do
  [ "$file" = file ] && continue
  target="$dest/$file"
  ok=no
  if [ -f "$target" ] && [ "$(sha_of "$target")" = "$sha256" ]; then ok=yes; fi
  if [ -z "$repository" ] || [ -z "$path" ] || [ -z "$commit" ]; then
    state="missing from DEST"
    if [ "$ok" = yes ]; then state="present in DEST, SHA-256 ok"; elif [ -f "$target" ]; then state="present in DEST, SHA-256 differs"; fi
    echo "not fetchable automatically ($state): $file, from: $source"
    unfetchable=$((unfetchable + 1))
    continue
  fi
  if [ "$ok" = yes ]; then
    present=$((present + 1)) verified=$((verified + 1))
    continue
  fi
  url="https://raw.githubusercontent.com/$repository/$commit/$path"
  if ! curl --fail --silent --show-error --location --retry 3 --output "$work/download" "$url"; then
    echo "download failed: $file ($url)" >&2
    failed=$((failed + 1))
    continue
  fi
  fetched=$((fetched + 1))
  if [ -n "$lines" ]; then
    sed -n "${lines%-*},${lines#*-}p" "$work/download" > "$work/excerpt"
    mv "$work/excerpt" "$work/download"
  fi
  actual="$(sha_of "$work/download")"
  if [ "$actual" != "$sha256" ]; then
    echo "SHA-256 mismatch: $file ($url${lines:+, lines $lines}): expected $sha256, got $actual" >&2
    mismatched=$((mismatched + 1))
    continue
  fi
  mkdir -p "$(dirname "$target")"
  cp "$work/download" "$target"
  verified=$((verified + 1))
done < <(tr '\t' '\037' < "$manifest")

echo "fetched: $fetched, verified: $verified ($present already present), mismatched: $mismatched," \
  "download failures: $failed, not fetchable: $unfetchable (into $dest)"
[ "$mismatched" -eq 0 ] && [ "$failed" -eq 0 ]
