#!/usr/bin/env bash
# The engine half of `make bench` (issue 4): toaster-dk's DomainKeys and DKIM signer and
# verifier against Mail::DKIM and dkimpy over the same generated mail, printed as a table
# and as ratios against the targets. Scripts/bench.sh calls it; by hand:
#   Scripts/bench/engine.sh PATH/TO/toaster-dk WORKDIR
# ENGINE_RUNS (default 3) timed runs per figure, median taken; ENGINE_SINGLE_RUNS (default 50)
# runs for the one-message-per-process time. Every verification must pass, or this exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: Scripts/bench/engine.sh PATH/TO/toaster-dk WORKDIR}
work=${2:?usage: Scripts/bench/engine.sh PATH/TO/toaster-dk WORKDIR}/engine
runs=${ENGINE_RUNS:-3}
single_runs=${ENGINE_SINGLE_RUNS:-50}
here=Scripts/bench
part=engine
. Scripts/bench/common.sh
mkdir -p "$work"
rows=$work/rows.tsv
: >"$rows"

# timed NAME STDOUT COMMAND...: one run, stdout to STDOUT, stderr to NAME.err; appends the
# wall seconds (bash's clock, finer than time's %e) to NAME.time and the peak RSS (KB) to
# NAME.rss. A failing command stops the bench: its figures would be worthless.
timed() {
  local name=$1 out=$2 start end; shift 2
  start=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$name.m" "$@" >"$out" 2>"$name.err" ||
    { tail -n 5 "$name.err" >&2; die "failed: ${*:1:12} ..."; }
  end=$EPOCHREALTIME
  calc "%.6f\n" "$end - $start" >>"$name.time"
  tail -n 1 "$name.m" >>"$name.rss"
}

# wall NAME COMMAND...: one run without /usr/bin/time around it, wall seconds to NAME.time.
wall() {
  local name=$1 start end; shift
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || die "failed: ${*:1:12} ..."
  end=$EPOCHREALTIME
  calc "%.6f\n" "$end - $start" >>"$name.time"
}

echo
echo "== engine: generating mail and keys =="
python3 "$here/gen-messages.py" "$work/mail" 1000
small=("$work"/mail/small/*.eml)
mkdir -p "$work/mail/big" && mv "$work/mail/big.eml" "$work/mail/big/"
big=$work/mail/big/big.eml
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$work/dk.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.pem" 2>/dev/null
openssl genpkey -algorithm ed25519 -out "$work/ed.pem"
spki() { openssl pkey -in "$1" -pubout -outform DER; }
declare -A key record
key[dk-nofws]=$work/dk.pem
key[dkim-rsa-sha256]=$work/rsa.pem
key[dkim-ed25519]=$work/ed.pem
record[dk-nofws]="k=rsa; p=$(spki "$work/dk.pem" | base64 -w0)"
record[dkim-rsa-sha256]="k=rsa; p=$(spki "$work/rsa.pem" | base64 -w0)"
# An Ed25519 record's p= is the raw 32-byte key, the end of the SubjectPublicKeyInfo.
record[dkim-ed25519]="k=ed25519; p=$(spki "$work/ed.pem" | tail -c 32 | base64 -w0)"
kinds=(dk-nofws dkim-rsa-sha256 dkim-ed25519)
echo "small: ${#small[@]} messages, mean $(($(cat "${small[@]}" | wc -c) / ${#small[@]})) bytes;" \
  "big: $(wc -c <"$big") bytes; LF line ends; d=example.com s=bench"

# The peers' scripts print "MESSAGES PASSED SECONDS"; anything short of all passing stops here.
# peer_run NAME COMMAND...: one timed run of a peer script, its seconds to NAME.secs.
peer_run() {
  local name=$1 count passed seconds; shift
  timed "$name" "$name.out" "$@"
  read -r count passed seconds <"$name.out"
  [ "$count" -gt 0 ] && [ "$count" = "$passed" ] ||
    die "$(basename "$name"): only $passed of $count passed: $*"
  echo "$seconds" >>"$name.secs"
}

# peer NAME OP KIND SCRIPT: the peer's row, from $runs runs over the small set and the big one.
peer() {
  local who=$1 op=$2 kind=$3 script=$4 arg dir n t set
  [ "$op" = sign ] && arg=${key[$kind]} || arg=${record[$kind]}
  for set in small big; do
    dir=$work/mail/$set
    [ "$op" = verify ] && dir=$work/signed-$kind/$set
    n=$(find "$dir" -name '*.eml' | wc -l)
    rm -f "$work/$who-$op-$kind-$set".*
    for _ in $(seq "$runs"); do
      if [ "$op" = sign ]; then
        peer_run "$work/$who-$op-$kind-$set" "$script" sign "$kind" "$arg" - "$dir"/*.eml
      else
        peer_run "$work/$who-$op-$kind-$set" "$script" verify "$kind" "$arg" "$dir"/*.eml
      fi
    done
    t=$(median <"$work/$who-$op-$kind-$set.secs")
    if [ "$set" = small ]; then
      printf '%s\t%s\t%s\t%s\t%s\t%s' "$who" "$op" "$kind" "$(calc %.3f "1000 * $t / $n")" \
        "$(calc %.0f "$n / $t")" "$(max <"$work/$who-$op-$kind-$set.rss")" >>"$rows"
    fi
  done
  printf '\t%s\t%s\n' "$(calc %.3f "$t")" "$(max <"$work/$who-$op-$kind-big.rss")" >>"$rows"
}

unsupported() { printf '%s\t%s\t%s\tunsupported\t-\t-\t-\t-\n' "$1" "$2" "$3" >>"$rows"; }

# The verify corpora: each kind signed once by a peer, so toaster-dk verifies foreign
# signatures. These first runs also warm the page cache for the timed ones.
echo "== engine: signing the verify corpora with the peers =="
for kind in "${kinds[@]}"; do
  signer=$here/mail-dkim-bench.pl
  [ "$kind" = dkim-ed25519 ] && signer=$here/dkimpy-bench.py
  for set in small big; do
    mkdir -p "$work/signed-$kind/$set"
    peer_run "$work/corpus-$kind-$set" "$signer" sign "$kind" "${key[$kind]}" \
      "$work/signed-$kind/$set" "$work/mail/$set"/*.eml
  done
done

# toaster_check NAME OP KIND N [CHECKED]: what one toaster-dk run must have said on stderr.
toaster_check() {
  local name=$1 op=$2 kind=$3 n=$4 checked=${5:-} want got
  [ "$op" = sign ] || return 0
  got=$(grep -c '^toaster-dk: signed d=example.com s=bench ' "$name.err" || true)
  [ "$got" = "$n" ] || die "$(basename "$name"): signed $got of $n"
  [ -n "$checked" ] || return 0
  want='^toaster-dk: self-check: DKIM #1: pass;'
  [ "$kind" = dk-nofws ] && want='^toaster-dk: self-check: DomainKeys A '
  got=$(grep -c "$want" "$name.err" || true)
  [ "$got" = "$n" ] || die "$(basename "$name"): self-check passed $got of $n"
}

# toaster_verified JSON KIND: how many messages in test-verify's JSON verified (the one
# DomainKeys signature is good, or the one DKIM signature passed).
toaster_verified() {
  python3 -c '
import json, sys
kind = sys.argv[2]
def good(m):
    if kind == "dk-nofws":
        return m["dk_status"] == "A"
    return [s["result"] for s in m["dkim"]] == ["pass"]
print(sum(good(m) for m in json.load(open(sys.argv[1]))))' "$1" "$2"
}

# toaster_row WHO OP KIND ARGS...: toaster-dk's row. One process per batch: the 1,000 small
# messages, the first of them alone, the big one. Process start is subtracted: per-message
# time is (batch - one) / 999, and the big message's time is (big - one). ENGINE_SINGLE_RUNS
# more runs of the one message give the one-message-per-process median.
toaster_row() {
  local who=$1 op=$2 kind=$3 base dir n t1000 t1 tbig rate checked=''; shift 3
  base=$work/$who-$op-$kind
  [ "$who" = toaster-dk+check ] && checked=yes
  dir=$work/mail
  [ "$op" = verify ] && dir=$work/signed-$kind
  n=${#small[@]}
  rm -f "$base".*
  for _ in $(seq "$runs"); do
    timed "$base-small" /dev/null "$bin" "$@" "$dir"/small/*.eml
    toaster_check "$base-small" "$op" "$kind" "$n" "$checked"
    timed "$base-one" /dev/null "$bin" "$@" "$dir/small/0000.eml"
    toaster_check "$base-one" "$op" "$kind" 1 "$checked"
    timed "$base-big" /dev/null "$bin" "$@" "$dir/big/big.eml"
    toaster_check "$base-big" "$op" "$kind" 1 "$checked"
  done
  t1000=$(median <"$base-small.time")
  t1=$(median <"$base-one.time")
  tbig=$(median <"$base-big.time")
  rate=$(calc %.0f "($n - 1) / ($t1000 - $t1)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$who" "$op" "$kind" \
    "$(calc %.3f "1000 * ($t1000 - $t1) / ($n - 1)")" "$rate" "$(max <"$base-small.rss")" \
    "$(calc %.3f "$tbig - $t1")" "$(max <"$base-big.rss")" >>"$rows"
  [ -n "$checked" ] && return 0
  for _ in $(seq "$single_runs"); do wall "$base-single" "$bin" "$@" "$dir/small/0000.eml"; done
  printf '%s\t%s\t%s\n' "$op" "$kind" "$(calc %.2f "1000 * $(median <"$base-single.time")")" \
    >>"$work/single.tsv"
}

# toaster OP KIND: toaster-dk's rows for one operation and kind, after proving its results.
toaster() {
  local op=$1 kind=$2 method=dk canon=nofws letters='' set out n one
  [ "$kind" = dk-nofws ] || { method=dkim; canon=relaxed/relaxed; }
  if [ "$op" = verify ]; then
    # BCDEFGHIJKL rejects every DomainKeys status but good, so a bad one exits 1.
    [ "$kind" = dk-nofws ] && letters=BCDEFGHIJKL
    local args=(test-verify --dkverify "$letters" --record "${record[$kind]}")
    for set in small big; do
      "$bin" "${args[@]}" --json "$work/signed-$kind/$set"/*.eml >"$work/verified.json" ||
        die "toaster-dk test-verify rejected $kind $set messages"
      n=$(find "$work/signed-$kind/$set" -name '*.eml' | wc -l)
      [ "$(toaster_verified "$work/verified.json" "$kind")" = "$n" ] ||
        die "toaster-dk verified $(toaster_verified "$work/verified.json" "$kind") of $n $kind"
    done
    toaster_row toaster-dk verify "$kind" "${args[@]}" --quiet
    return
  fi
  local args=(test-sign --key "${key[$kind]}" --domain example.com --selector bench
    --method "$method" --canon "$canon" --time 1700000000)
  # toaster-dk's signatures must pass the peers too, not only its own self-check.
  for set in small big; do
    out=$work/toaster-signed-$kind/$set
    mkdir -p "$out"
    one=${small[0]}
    [ "$set" = big ] && one=$big
    "$bin" "${args[@]}" --output "$out/m.eml" "$one" 2>/dev/null ||
      die "toaster-dk test-sign failed on $one"
    if [ "$kind" != dkim-ed25519 ]; then
      peer_run "$work/cross-$kind-$set" "$here/mail-dkim-bench.pl" verify "$kind" \
        "${record[$kind]}" "$out/m.eml"
    fi
    if [ "$kind" != dk-nofws ]; then
      peer_run "$work/cross-$kind-$set" "$here/dkimpy-bench.py" verify "$kind" \
        "${record[$kind]}" "$out/m.eml"
    fi
  done
  # --json: test-sign writes several messages only into --output-dir; its JSON report goes
  # to /dev/null instead, as the peers write nothing.
  toaster_row toaster-dk sign "$kind" "${args[@]}" --no-self-check --json
  toaster_row toaster-dk+check sign "$kind" "${args[@]}" --json
}

echo "== engine: timing (runs=$runs; load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
for kind in "${kinds[@]}"; do
  for op in sign verify; do
    toaster "$op" "$kind"
    if [ "$kind" = dkim-ed25519 ]; then
      unsupported mail-dkim "$op" "$kind"
    else
      peer mail-dkim "$op" "$kind" "$here/mail-dkim-bench.pl"
    fi
    if [ "$kind" = dk-nofws ]; then
      unsupported dkimpy "$op" "$kind"
    else
      peer dkimpy "$op" "$kind" "$here/dkimpy-bench.py"
    fi
  done
done
# The physical limit for RSA-2048 signing on this machine, one core.
speed=$(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '$1 == "rsa" && $2 == 2048 {print $6}')

get() { awk -F'\t' -v w="$1" -v o="$2" -v k="$3" -v f="$4" \
  '$1 == w && $2 == o && $3 == k {print $f}' "$rows"; }

echo
echo "== engine: 1,000 x 3 KB messages and one 10 MB message, one process per batch =="
echo "toaster-dk: (batch - one message) / 999 per message, 10 MB = (run - one-message run);"
echo "peers: in-process timer around the loop only; +check = test-sign's self-verification on."
printf '%-17s %-6s %-15s %11s %7s %9s %8s %9s\n' program op kind "1000x3KB s" msg/s "RSS KB" \
  "10 MB s" "RSS KB"
awk -F'\t' '{ printf "%-17s %-6s %-15s %11s %7s %9s %8s %9s\n", $1, $2, $3, $4, $5, $6, $7, $8 }' \
  "$rows"
echo "openssl speed rsa2048: $speed sign/s (one core);" \
  "Mail::DKIM $(perl -MMail::DKIM -e 'print $Mail::DKIM::VERSION');" \
  "dkimpy $(python3 -c 'import importlib.metadata as m; print(m.version("dkimpy"))')"
echo "one message per process (toaster-dk, median of $single_runs, ms):" \
  "$(awk -F'\t' '{ printf "%s%s %s %s", sep, $1, $2, $3; sep = ", " }' "$work/single.tsv")"

echo
echo "== engine: ratios against the targets (load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
ours=$(get toaster-dk sign dkim-rsa-sha256 5)
theirs=$(get mail-dkim sign dkim-rsa-sha256 5)
r=$(calc %.2f "$ours / $theirs")
echo "DKIM rsa-sha256 sign vs Mail::DKIM: ${r}x (target >= 2) $(verdict "$r" '>=' 2)"
r=$(calc %.0f "100 * $ours / $speed")
echo "DKIM rsa-sha256 sign vs openssl speed: ${r} % (target >= 75 %) $(verdict "$r" '>=' 75)"
for kind in dk-nofws dkim-rsa-sha256; do
  r=$(calc %.2f "$(get toaster-dk verify "$kind" 5) / $(get mail-dkim verify "$kind" 5)")
  echo "$kind verify vs Mail::DKIM: ${r}x (target >= 3) $(verdict "$r" '>=' 3)"
done
# No targets, for context: the rows the targets leave out.
r=$(calc %.2f "$(get toaster-dk sign dk-nofws 5) / $(get mail-dkim sign dk-nofws 5)")
echo "dk-nofws sign vs Mail::DKIM: ${r}x (no target)"
for op in sign verify; do
  r=$(calc %.2f "$(get toaster-dk "$op" dkim-ed25519 5) / $(get dkimpy "$op" dkim-ed25519 5)")
  echo "dkim-ed25519 $op vs dkimpy: ${r}x (no target; Mail::DKIM has no Ed25519)"
done
for kind in "${kinds[@]}"; do
  for op in sign verify; do
    best=$(awk -F'\t' -v o="$op" -v k="$kind" '$2 == o && $3 == k && $1 !~ /^toaster/ &&
      $7 != "-" { if (b == "" || $7 < b) b = $7 } END { print b }' "$rows")
    r=$(calc %.2f "$(get toaster-dk "$op" "$kind" 7) / $best")
    rss=$(get toaster-dk "$op" "$kind" 8)
    echo "10 MB $op $kind: ${r}x best peer (target <= 0.5) $(verdict "$r" '<=' 0.5)," \
      "peak RSS $((rss / 1024)) MB (target <= 40) $(verdict "$rss" '<=' 40960)"
  done
done
while IFS=$'\t' read -r op kind ms; do
  echo "one message per process, $op $kind: $ms ms (target <= 4) $(verdict "$ms" '<=' 4)"
done <"$work/single.tsv"
