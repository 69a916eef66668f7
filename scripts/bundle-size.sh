#!/usr/bin/env bash
# Prints the size of the release bundle in DIR (default dist/): each wasm, JS and CSS file, raw and gzip -9.
set -euo pipefail
dir=${1:-dist}
total_raw=0
total_gz=0
printf '%-52s %10s %10s\n' file raw gzip
for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-52s %10s %10s\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-52s %10s %10s\n' "total (wasm + js + css)" "$total_raw" "$total_gz"
