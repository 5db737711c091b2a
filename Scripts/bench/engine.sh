#!/usr/bin/env bash
# DomainKeys/DKIM benchmark: toaster-dk's engine against Mail::DKIM and dkimpy on 1,000 ~3 KB
# messages and one ~10 MB message, plus openssl speed and one-message-per-process start-up.
# Peers are timed inside their own process around the loop only (messages read first);
# toaster-dk is timed as a whole process (start-up and file reading included), one process
# for all 1,000 messages. Usage: Scripts/bench/engine.sh PATH/TO/toaster-dk [WORKDIR]
# (Scripts/bench.sh calls it after the rules benchmark.)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: Scripts/bench/engine.sh PATH/TO/toaster-dk [WORKDIR]}
echo "== DomainKeys/DKIM: 1,000 x ~3 KB messages and one ~10 MB message =="
if ! perl -MMail::DKIM::Verifier -e 1 2>/dev/null || ! python3 -c 'import dkim, nacl' 2>/dev/null; then
  echo "skipped: needs Mail::DKIM (libmail-dkim-perl) and dkimpy with pynacl"
  exit 0
fi
work=$(mktemp -d "${2:-${TMPDIR:-/tmp}}/dk-engine.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 Scripts/bench/gen-mail.py "$work" 1000
openssl genrsa -out "$work/dk.pem" 1024 2>/dev/null
openssl genrsa -out "$work/rsa.pem" 2048 2>/dev/null
openssl genpkey -algorithm ed25519 -out "$work/ed.pem" 2>/dev/null
openssl pkey -in "$work/ed.pem" -outform DER | tail -c 32 | base64 >"$work/ed.seed"
spki() { openssl pkey -in "$1" -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n'; }
dk_record="k=rsa; p=$(spki "$work/dk.pem")"
rsa_record="v=DKIM1; k=rsa; p=$(spki "$work/rsa.pem")"
ed_record="v=DKIM1; k=ed25519; p=$(openssl pkey -in "$work/ed.pem" -pubout -outform DER | tail -c 32 | base64)"
small=("$work"/small/*.eml)
big=("$work/big.eml")

# ours ARGS...: elapsed seconds and peak RSS (KB) of one toaster-dk process.
ours() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" "$@" >/dev/null 2>"$work/err" || {
    [ "$1" = test-verify ] || { cat "$work/err" >&2; exit 1; }
  }
  cat "$work/time"
}
peer_perl() { perl Scripts/bench/mail-dkim-bench.pl "$@"; }
peer_py() { python3 Scripts/bench/dkimpy-bench.py "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1fx", a / b }'; }

printf '%-13s %-7s %-10s %9s %9s %7s %9s %9s %9s\n' kind op peer "peer 1k" "ours 1k" "speedup" \
  "peer 10MB" "ours 10MB" "RSS KB"
row() { # kind op peer peer_small peer_big ours_small(time rss) ours_big(time rss)
  printf '%-13s %-7s %-10s %9s %9s %7s %9s %9s %9s\n' "$1" "$2" "$3" "$4" "${6%% *}" \
    "$(ratio "$4" "${6%% *}")" "$5" "${7%% *}" "$(printf '%s\n%s\n' "${6##* }" "${7##* }" | sort -n | tail -1)"
}

for kind in dk dkim-rsa dkim-ed25519; do
  mkdir -p "$work/signed-$kind/small" "$work/signed-$kind/big"
  case $kind in
    dk) key=dk.pem record=$dk_record method=(--method dk) peer=mail-dkim ;;
    dkim-rsa) key=rsa.pem record=$rsa_record method=(--method dkim --canon relaxed/relaxed) peer=mail-dkim ;;
    dkim-ed25519) key=ed.pem record=$ed_record method=(--method dkim --canon relaxed/relaxed) peer=dkimpy ;;
  esac
  sign_args=(test-sign --no-self-check --key "$work/$key" --domain example.com --selector sel "${method[@]}")
  if [ "$peer" = mail-dkim ]; then
    peer_kind=${kind%%-*}
    ps=$(peer_perl sign "$peer_kind" "$work/$key" "$work/signed-$kind/small" "${small[@]}" | cut -d' ' -f1)
    pb=$(peer_perl sign "$peer_kind" "$work/$key" "$work/signed-$kind/big" "${big[@]}" | cut -d' ' -f1)
  else
    ps=$(peer_py sign ed25519 "$work/ed.seed" "$work/signed-$kind/small" "${small[@]}" | cut -d' ' -f1)
    pb=$(peer_py sign ed25519 "$work/ed.seed" "$work/signed-$kind/big" "${big[@]}" | cut -d' ' -f1)
  fi
  row "$kind" sign "$peer" "$ps" "$pb" "$(ours "${sign_args[@]}" "${small[@]}")" "$(ours "${sign_args[@]}" "${big[@]}")"
  signed_small=("$work/signed-$kind"/small/*.eml)
  signed_big=("$work/signed-$kind/big/big.eml")
  verify_args=(test-verify --json --dkverify "" --record "$record")
  ours_small=$(ours "${verify_args[@]}" "${signed_small[@]}")
  ours_big=$(ours "${verify_args[@]}" "${signed_big[@]}")
  if [ "$kind" != dkim-ed25519 ]; then
    row "$kind" verify mail-dkim "$(peer_perl verify "$record" "${signed_small[@]}" | cut -d' ' -f1)" \
      "$(peer_perl verify "$record" "${signed_big[@]}" | cut -d' ' -f1)" "$ours_small" "$ours_big"
  fi
  if [ "$kind" != dk ]; then
    row "$kind" verify dkimpy "$(peer_py verify "$record" "${signed_small[@]}" | cut -d' ' -f1)" \
      "$(peer_py verify "$record" "${signed_big[@]}" | cut -d' ' -f1)" "$ours_small" "$ours_big"
  fi
done

echo
openssl speed -seconds 1 rsa2048 2>/dev/null | grep -E '^rsa 2048' | \
  awk '{printf "openssl speed rsa2048: sign %.3f ms, verify %.3f ms\n", $4 * 1000, $5 * 1000}'
one=("${work}/signed-dkim-rsa/small/0000.eml")
start=$(date +%s.%N)
for _ in $(seq 100); do "$bin" test-verify --dkverify "" --record "$rsa_record" "${one[@]}" >/dev/null; done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "one message per process (test-verify, dkim-rsa): %.1f ms\n", (b - a) * 10 }'
