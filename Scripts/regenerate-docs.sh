#!/usr/bin/env bash
# Regenerates man/*.1 and completions/* from the ArgumentParser definitions.
# Usage: Scripts/regenerate-docs.sh [OUTPUT_DIR]   (default: the repository itself)
# man/toaster-dk.5 is hand-written and left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.}
date=2026-01-01   # fixed, so regenerating is reproducible
mkdir -p "$out/man" "$out/completions"

swift package --disable-sandbox plugin generate-manual --multi-page --date "$date" \
  --configuration debug >/dev/null
plugin_out=$(find .build/plugins -type d -path '*GenerateManual/outputs/toaster-dk' | head -n 1)
[ -n "$plugin_out" ] || { echo "regenerate-docs: generate-manual produced nothing" >&2; exit 1; }
rm -f "$out"/man/*.1
cp "$plugin_out"/*.1 "$out/man/"

swift build --product toaster-dk >/dev/null
bin="$(swift build --show-bin-path)/toaster-dk"
"$bin" --generate-completion-script bash >"$out/completions/toaster-dk.bash"
"$bin" --generate-completion-script zsh >"$out/completions/_toaster-dk"
"$bin" --generate-completion-script fish >"$out/completions/toaster-dk.fish"
echo "regenerate-docs: wrote $out/man and $out/completions"
