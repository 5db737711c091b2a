#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/ (the libraries compiled with coverage and
# AddressSanitizer). SwiftPM cannot link a libFuzzer executable, so this calls swiftc.
#
#   Scripts/fuzz.sh                    short pass: every target for FUZZ_SECONDS (default 12)
#   Scripts/fuzz.sh TARGET [OPTIONS]   one target with libFuzzer options, e.g. -runs=10000000
#   Scripts/fuzz.sh all [OPTIONS]      every target in turn with those options
#   Scripts/fuzz.sh build              only build
#
# Targets: dkengine (messages, tag-lists, signature headers, both verifiers), keyrecord
# (key record text → base64 → DER/PEM → key import → verify), tcprules (the line scanner,
# the lossless model with render(parse(x)) == x, the streaming compiler and the linter),
# cdb (arbitrary bytes opened as a cdb, records read, keys looked up), qmailcontrol
# (rcpthosts, morercpthosts keys, virtualdomains and users/assign, as domain --served reads).
# Corpora grow in .build/fuzz/corpus/TARGET; crashes land in .build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# FUZZ_SANITIZE=fuzzer builds without AddressSanitizer (Swift's own bounds and overflow
# checks stay on) into its own directory, for long campaigns at about twice the speed; the
# corpora and artifacts are shared with the AddressSanitizer build.
sanitize=${FUZZ_SANITIZE:-fuzzer,address}
out=.build/fuzz
bin=$out
[[ $sanitize == fuzzer,address ]] || bin=$out/build-${sanitize//,/-}
targets=(dkengine keyrecord tcprules cdb qmailcontrol)
mkdir -p "$out/artifacts" "$bin"

# Runs a command and shows its output only when it fails (ld.gold warns about every
# sanitizer symbol it cannot export).
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    grep -v 'ld.gold: warning: Cannot export local symbol' "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

build() {
  local stamp="$bin/.built"
  if [[ -f $stamp ]] && [[ -z $(find Sources Fuzz Scripts/fuzz.sh -newer "$stamp" -print -quit) ]]
  then
    return
  fi
  # -enable-testing lets a target reach internal readers that have no public entry point.
  local flags=(-O -enable-testing -sanitize="$sanitize" -parse-as-library -swift-version 6
    -I "$bin" -I Sources/COpenSSL -I Sources/CTinyCDB -I Sources/CXattr)
  library() {
    local name=$1
    shift
    quietly swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$name" \
      -emit-module-path "$bin/$name.swiftmodule" "$@" -o "$bin/lib$name.a"
  }
  library ToasterSupport Sources/ToasterSupport/*.swift
  library QmailDKConfig Sources/QmailDKConfig/*.swift
  library CDB Sources/CDB/*.swift
  library TcpRules $(find Sources/TcpRules -name '*.swift')
  library LibCrypto Sources/LibCrypto/*.swift
  library DKEngine $(find Sources/DKEngine -name '*.swift')
  library KeyStore $(find Sources/KeyStore -name '*.swift')
  library QmailControl $(find Sources/QmailControl -name '*.swift')
  local crypto=("$bin/libDKEngine.a" "$bin/libLibCrypto.a" "$bin/libQmailDKConfig.a" -lcrypto)
  local rules=("$bin/libTcpRules.a" "$bin/libCDB.a" "$bin/libToasterSupport.a"
    "$bin/libQmailDKConfig.a" -lcdb)
  quietly swiftc "${flags[@]}" Fuzz/DKEngineFuzzer.swift "${crypto[@]}" -o "$bin/dkengine-fuzzer"
  quietly swiftc "${flags[@]}" Fuzz/KeyRecordFuzzer.swift Sources/TestSupport/TestKeys.swift \
    "${crypto[@]}" -o "$bin/keyrecord-fuzzer"
  quietly swiftc "${flags[@]}" Fuzz/TcpRulesFuzzer.swift "${rules[@]}" -o "$bin/tcprules-fuzzer"
  quietly swiftc "${flags[@]}" Fuzz/CDBFuzzer.swift "${rules[@]}" -o "$bin/cdb-fuzzer"
  quietly swiftc "${flags[@]}" Fuzz/QmailControlFuzzer.swift "$bin/libQmailControl.a" \
    "$bin/libKeyStore.a" "${crypto[@]}" "${rules[@]}" -o "$bin/qmailcontrol-fuzzer"
  touch "$stamp"
}

# Seeds: real inputs, so the fuzzer starts from mail, records, rules and cdbs that work.
seed() {
  local target=$1 corpus="$out/corpus/$1"
  mkdir -p "$corpus"
  case $target in
    dkengine) cp Tests/DKEngineTests/Vectors/*.eml "$corpus/" ;;
    keyrecord)
      cp Fuzz/Seeds/keyrecord/* "$corpus/"
      # The DER under each seed record's p=, for the importers that take DER directly.
      local file
      for file in Fuzz/Seeds/keyrecord/*.txt; do
        sed -n 's/.*p=\([A-Za-z0-9+\/=]*\).*/\1/p' "$file" | base64 -d \
          >"$corpus/$(basename "$file" .txt).der" 2>/dev/null || true
      done
      ;;
    qmailcontrol) cp Fuzz/Seeds/qmailcontrol/* "$corpus/" ;;
    tcprules) cp Tests/TcpRulesTests/Fixtures/accepted/* Tests/TcpRulesTests/Fixtures/rejected/* \
      "$corpus/" ;;
    cdb)
      if command -v tcprules >/dev/null; then
        local file
        for file in Tests/TcpRulesTests/Fixtures/accepted/*.smtp; do
          tcprules "$corpus/$(basename "$file" .smtp).cdb" "$out/seed.tmp" <"$file" || true
        done
      fi
      ;;
  esac
}

# Long enough for every seed's interesting part (a cdb needs 2048 bytes of header), short
# enough to keep executions fast.
max_len() {
  case $1 in
    dkengine) echo 16384 ;;
    keyrecord) echo 2048 ;;
    tcprules | qmailcontrol) echo 4096 ;;
    cdb) echo 8192 ;;
  esac
}

run() {
  local target=$1
  shift
  seed "$target"
  echo "fuzz: $target $*" >&2
  # No allocation stacks in reports: Swift allocates a lot, and recording each allocation's
  # stack halves the speed. Rerun a crash with ASAN_OPTIONS= to see them.
  ASAN_OPTIONS=${ASAN_OPTIONS-malloc_context_size=0} "$bin/$target-fuzzer" -max_len="$(max_len "$target")" -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$target-" "$@" "$out/corpus/$target"
}

build
case ${1:-} in
  build) ;;
  "") for target in "${targets[@]}"; do run "$target" -max_total_time="${FUZZ_SECONDS:-12}"; done ;;
  all) shift; for target in "${targets[@]}"; do run "$target" "$@"; done ;;
  -*) for target in "${targets[@]}"; do run "$target" "$@"; done ;;
  *)
    [[ " ${targets[*]} " == *" $1 "* ]] || { echo "fuzz.sh: unknown target $1" >&2; exit 64; }
    run "$@"
    ;;
esac
