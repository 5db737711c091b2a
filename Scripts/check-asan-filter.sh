#!/usr/bin/env bash
# Fails when a test target of library code is missing from make asan's --filter, so a new
# library's unit tests also run under AddressSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
# These spawn the built programs or real peers, or test the CLI target: not library code.
not_library=" InteropTests ToasterDKCLITests ToasterDKOptionsTests ToasterDKQueueTests ToasterDKRemoteTests "
filter=$(sed -n "s/.*--filter '\([^']*\)'.*/\1/p" Makefile)
[ -n "$filter" ] || { echo "check-asan-filter: no --filter '...' in the Makefile's asan target" >&2; exit 1; }
status=0
for target in $(grep -o 'name: "[A-Za-z0-9]*Tests"' Package.swift | sed 's/name: "\(.*\)"/\1/'); do
  case "$not_library" in *" $target "*) continue ;; esac
  if ! tr '|' '\n' <<<"$filter" | grep -qx "$target"; then
    echo "check-asan-filter: $target is not in make asan's --filter (Makefile)" >&2
    status=1
  fi
done
exit $status
