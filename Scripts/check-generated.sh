#!/usr/bin/env bash
# Fails when the committed man pages or completions differ from what the current
# ArgumentParser definitions generate.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
Scripts/regenerate-docs.sh "$tmp" >/dev/null
status=0
for file in "$tmp"/man/*.1 "$tmp"/completions/*; do
  committed=${file#"$tmp"/}
  if ! cmp -s "$file" "$committed"; then
    echo "check-generated: $committed is out of date; run Scripts/regenerate-docs.sh" >&2
    status=1
  fi
done
for committed in man/*.1; do
  [ -e "$tmp/$committed" ] || { echo "check-generated: $committed is stale (no such command); run Scripts/regenerate-docs.sh" >&2; status=1; }
done
[ $status -eq 0 ] && echo "check-generated: man pages and completions are up to date"
exit $status
