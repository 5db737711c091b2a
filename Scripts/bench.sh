#!/usr/bin/env bash
# Benchmarks toaster-dk against its peers in one run and prints ratios (lower is better
# for time and memory). Usage: Scripts/bench.sh PATH/TO/toaster-dk   (make bench does this;
# toaster-dk-queue, toaster-dk-remote and its signer must sit beside toaster-dk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: Scripts/bench.sh PATH/TO/toaster-dk}
runs=${BENCH_RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

part=rules
. Scripts/bench/common.sh

# measure NAME COMMAND...: runs the command $runs times (after one warm-up), recording
# elapsed seconds and peak RSS (KB) per run in $work/NAME.{time,rss}.
measure() {
  local name=$1; shift
  "$@" >/dev/null 2>&1
  : >"$work/$name.time"; : >"$work/$name.rss"; : >"$work/$name.cpu"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/$name.out" "$@" >/dev/null 2>&1
    awk '{print $1}' "$work/$name.out" >>"$work/$name.time"
    awk '{print $2}' "$work/$name.out" >>"$work/$name.rss"
    awk '{printf "%.2f\n", $3 + $4}' "$work/$name.out" >>"$work/$name.cpu"
  done
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

echo "== rules compile: 200,000-rule tcp.smtp =="
python3 Scripts/bench/gen-rules.py 200000 >"$work/tcp.smtp"
records=$( (cd "$work" && tcprules ref.cdb ref.tmp <tcp.smtp && cdb -s ref.cdb | head -n 1) )
echo "input: $(wc -c <"$work/tcp.smtp") bytes, $records"
measure tcprules sh -c "cd '$work' && tcprules ref.cdb ref.tmp < tcp.smtp"
measure toaster "$bin" rules compile --rules "$work/tcp.smtp" --cdb "$work/ours.cdb"
if cmp -s "$work/ref.cdb" "$work/ours.cdb"; then same=identical; else same=DIFFERENT; fi
t_ref=$(median <"$work/tcprules.time"); t_ours=$(median <"$work/toaster.time")
m_ref=$(max <"$work/tcprules.rss"); m_ours=$(max <"$work/toaster.rss")
c_ref=$(median <"$work/tcprules.cpu"); c_ours=$(median <"$work/toaster.cpu")
printf '%-22s %10s %12s %14s\n' "" "time (s)" "cpu u+s (s)" "peak RSS (KB)"
printf '%-22s %10s %12s %14s\n' "tcprules" "$t_ref" "$c_ref" "$m_ref"
printf '%-22s %10s %12s %14s\n' "toaster-dk" "$t_ours" "$c_ours" "$m_ours"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (elapsed time is noisy on a busy machine; cpu is steadier)"
echo "ratio toaster-dk/tcprules: time $(ratio "$t_ours" "$t_ref")x (target <= 1.0)," \
  "cpu $(ratio "$c_ours" "$c_ref")x, peak RSS $(ratio "$m_ours" "$m_ref")x (target <= 1.5)," \
  "cdb bytes $same"

# The other parts, each printing its own table and ratios: the engine against Mail::DKIM and
# dkimpy (issue 4), test-verify through DNS (8), the queue filter against opendkim-testmsg
# (9), the qmail-remote signer against a Mail::DKIM Perl wrapper (10). BENCH_PARTS picks
# some ("queue remote"); BENCH_RULES_ONLY=1 stops after the rules.
parts=${BENCH_PARTS:-engine dns queue remote}
[ -n "${BENCH_RULES_ONLY:-}" ] && parts=
for part in $parts; do Scripts/bench/$part.sh "$bin" "$work"; done
