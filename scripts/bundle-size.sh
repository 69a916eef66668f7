#!/usr/bin/env bash
# Prints the size of the release bundle in DIR (default dist/): each wasm, JS and CSS file, raw and gzip -9;
# then checks the page's own size (everything but the log worker, which only large logs start) against the
# budget in bundle-budget.txt: more than 2 % over it fails, so that growth is a decision written in the
# same commit as the growth (raise the budget there, and say why in the commit message).
set -euo pipefail
dir=${1:-dist}
budget_file="$(dirname "$0")/../bundle-budget.txt"
total_raw=0
total_gz=0
page_gz=0
printf '%-52s %10s %10s\n' file raw gzip
for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  case "$(basename "$file")" in
    pipelens-log-worker*|sw.js) ;;
    *) page_gz=$((page_gz + gz)) ;;
  esac
  printf '%-52s %10s %10s\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-52s %10s %10s\n' "total (wasm + js + css)" "$total_raw" "$total_gz"
budget=$(grep -Eo '^[0-9]+' "$budget_file")
limit=$((budget * 102 / 100))
printf 'the page (without the log worker): %s bytes gzip; budget %s (limit %s, +2 %%)\n' "$page_gz" "$budget" "$limit"
if [ "$page_gz" -gt "$limit" ]; then
  echo "bundle-size: the page grew past its budget: raise bundle-budget.txt in this commit if the growth is wanted" >&2
  exit 1
fi
if [ "$page_gz" -lt $((budget * 95 / 100)) ]; then
  echo "bundle-size: the page is more than 5 % under its budget: lower bundle-budget.txt to $page_gz to keep the ratchet tight"
fi
