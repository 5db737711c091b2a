#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/DKEngineFuzzer.swift (DKEngine and LibCrypto compiled with
# coverage instrumentation) and runs it. SwiftPM cannot link a libFuzzer executable target,
# so this calls swiftc directly.
# Usage: Scripts/fuzz.sh [libFuzzer options…]   e.g. Scripts/fuzz.sh -runs=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out" "$out/corpus"
flags=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6)
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name LibCrypto \
  -I Sources/COpenSSL -emit-module-path "$out/LibCrypto.swiftmodule" \
  Sources/LibCrypto/*.swift -o "$out/libLibCrypto.a"
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name DKEngine -I "$out" \
  -I Sources/COpenSSL -emit-module-path "$out/DKEngine.swiftmodule" \
  $(find Sources/DKEngine -name '*.swift') -o "$out/libDKEngine.a"
swiftc "${flags[@]}" -I "$out" -I Sources/COpenSSL Fuzz/DKEngineFuzzer.swift \
  "$out/libDKEngine.a" "$out/libLibCrypto.a" -lcrypto -o "$out/dkengine-fuzzer"
# Seed with the test corpus's messages so the fuzzer starts from real mail.
cp Tests/DKEngineTests/Vectors/*.eml "$out/corpus/" 2>/dev/null || true
exec "$out/dkengine-fuzzer" -max_len=65536 "$@" "$out/corpus"
