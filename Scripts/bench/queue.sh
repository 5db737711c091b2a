#!/usr/bin/env bash
# The queue filter part of `make bench` (issue 9): toaster-dk-queue signing one 3 KB message
# per process into a no-op queue program, against opendkim-testmsg signing the same message
# with the same 2048-bit RSA key, one process per message; the peak RSS of both for a 50 MB
# message; then where the filter's time per message goes (LD_DEBUG=statistics, strace -c,
# perf, and the filter without signing). Scripts/bench.sh calls it; by hand:
#   Scripts/bench/queue.sh PATH/TO/toaster-dk WORKDIR   (toaster-dk-queue sits beside it)
# QUEUE_RUNS (default 200) processes per figure, median taken. Every signature must verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: Scripts/bench/queue.sh PATH/TO/toaster-dk WORKDIR}
work=${2:?usage: Scripts/bench/queue.sh PATH/TO/toaster-dk WORKDIR}/queue
runs=${QUEUE_RUNS:-200}
filter=$(dirname "$bin")/toaster-dk-queue
here=Scripts/bench
part=queue
. Scripts/bench/common.sh

echo
echo "== queue filter: toaster-dk-queue vs opendkim-testmsg, one process per message =="
testmsg=$(command -v opendkim-testmsg || echo /usr/sbin/opendkim-testmsg)
[ -x "$testmsg" ] || die "not installed: opendkim-testmsg (Debian opendkim-tools)"
[ -x "$filter" ] || die "no $filter (make release builds it)"
rm -rf "$work"
root=$work/root
keydir=$root/var/qmail/control/domainkeys/example.com
mkdir -p "$keydir" "$root/var/qmail/bin"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keydir/private" 2>/dev/null
key=$keydir/private
record="k=rsa; p=$(openssl pkey -in "$key" -pubout -outform DER | base64 -w0)"
cc -O2 -o "$root/var/qmail/bin/qmail-queue.orig" "$here/noop-qmail-queue.c"
printf 'Falice@example.com\0Tbob@example.net\0\0' >"$work/envelope"

# mail BODY-LINES: a message from alice@example.com, LF line ends as qmail passes it.
mail() {
  printf 'Received: from client (127.0.0.1) by mail.example.com; 1 Dec 2026 10:00:00 -0000\n'
  printf 'From: Alice <alice@example.com>\nTo: Bob <bob@example.net>\nSubject: bench\n'
  printf 'Date: Tue, 1 Dec 2026 10:00:00 +0000\nMessage-ID: <bench@example.com>\n'
  printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n'
  for line in $(seq "$1"); do
    printf 'Line %04d of the benchmark message, plain words to make about three kilobytes.\n' \
      "$line"
  done
}
mail 34 >"$work/small.eml"
{ mail 3; head -c 37500000 /dev/urandom | base64 -w 76; } >"$work/big.eml"
echo "message: $(wc -c <"$work/small.eml") bytes; big: $(wc -c <"$work/big.eml") bytes;" \
  "key: RSA 2048; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# cmdline KIND [VAR=VALUE...]: the command line of one process, in $cmd. sign: the filter as
# tcpserver's environment for a relay client under QmailToaster's rules starts it; pass: the
# filter with neither DKSIGN nor DKVERIFY (spool and hand over only); noop: the queue program
# alone; testmsg: opendkim-testmsg. Each starts through env -i, the same cost for all.
cmdline() {
  local kind=$1 mode=(RELAYCLIENT= DKSIGN=/var/qmail/control/domainkeys/%/private); shift
  case $kind in
    sign | pass)
      [ "$kind" = pass ] && mode=()
      cmd=(env -i PATH=/usr/bin:/bin TOASTER_DK_ROOT="$root"
        DKQUEUE=/var/qmail/bin/qmail-queue.orig "${mode[@]}" "$@" "$filter")
      ;;
    noop) cmd=(env -i "$root/var/qmail/bin/qmail-queue.orig") ;;
    testmsg) cmd=(env -i "$testmsg" -d example.com -k "$key" -s private) ;;
  esac
}
# one KIND MESSAGE [VAR=VALUE...]: one process on MESSAGE, as qmail_open starts qmail-queue
# (fd 1 the envelope, fd 4 the error text); opendkim-testmsg writes the signed message to fd 1.
one() {
  local kind=$1 message=$2; shift 2
  cmdline "$kind" "$@"
  if [ "$kind" = testmsg ]; then "${cmd[@]}" <"$message"; return; fi
  "${cmd[@]}" <"$message" 1<"$work/envelope" 4>/dev/null
}

# What each signs must verify: the filter's DomainKeys and DKIM signatures, and
# opendkim-testmsg's DKIM one (rsa-sha1: this opendkim-testmsg has no rsa-sha256 option).
printf '#!/bin/sh\nexec cat >"%s"\n' "$work/queued.eml" >"$root/var/qmail/bin/keep-queue"
chmod +x "$root/var/qmail/bin/keep-queue"
one sign "$work/small.eml" DKQUEUE=/var/qmail/bin/keep-queue || die "the filter failed: exit $?"
"$bin" test-verify --json --record "$record" --dkverify BCDEFGHIJKL "$work/queued.eml" \
  >"$work/filter.json" 2>/dev/null || die "the filter's signatures did not verify"
grep -q '"dk_status":"A"' "$work/filter.json" && grep -q '"result":"pass"' "$work/filter.json" ||
  die "the filter did not sign with both DomainKeys and DKIM"
one testmsg "$work/small.eml" >"$work/testmsg.eml" 2>"$work/testmsg.err" ||
  die "opendkim-testmsg failed: $(cat "$work/testmsg.err")"
# This opendkim-testmsg prints the end of b= twice (b=...==xWJI4g==xWJI4g==); a 2048-bit
# signature's base64 ends in ==, so cutting there restores what it computed.
awk 'BEGIN { h = 1 } h && /^[ \t].*==/ { sub(/==.*$/, "==") } /^$/ { h = 0 } { print }' \
  "$work/testmsg.eml" >"$work/testmsg-cut.eml"
"$bin" test-verify --json --dkverify "" --record "$record" --accept-rsa-sha1 \
  "$work/testmsg-cut.eml" >"$work/testmsg.json" 2>/dev/null ||
  die "opendkim-testmsg's signature did not verify"
grep -q '"result":"pass"' "$work/testmsg.json" || die "opendkim-testmsg did not sign"

# cpu_between BEFORE AFTER: user + system seconds of this shell's finished children (and
# theirs) between two `times` outputs. `times` must run in this shell, and nothing else may
# run between the two but what is measured.
cpu_between() {
  awk 'FNR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
    t[FILENAME] = u[1] * 60 + u[2] + s[1] * 60 + s[2] }
    END { printf "%.6f\n", t[ARGV[2]] - t[ARGV[1]] }' "$1" "$2"
}

# run NAME KIND [VAR=VALUE...]: one timed run of `one KIND small.eml`; its wall seconds to
# NAME.times, its CPU seconds (user + system, the queue program's included) to NAME.cpus.
run() {
  local name=$1 kind=$2 start end; shift 2
  times >"$work/times.before"
  start=$EPOCHREALTIME
  one "$kind" "$work/small.eml" "$@" >/dev/null 2>&1 || die "$name failed"
  end=$EPOCHREALTIME
  times >"$work/times.after"
  calc "%.6f\n" "$end - $start" >>"$work/$name.times"
  cpu_between "$work/times.before" "$work/times.after" >>"$work/$name.cpus"
}

rows=(filter filter-dk filter-pass noop testmsg)
for name in "${rows[@]}"; do rm -f "$work/$name.times" "$work/$name.cpus"; done
# Interleaved, so a change in the machine's load hits every row alike; one warm-up round.
for round in $(seq 0 "$runs"); do
  run filter sign
  run filter-dk sign DKIMSIGN=0
  run filter-pass pass
  run noop noop
  run testmsg testmsg
  if [ "$round" = 0 ]; then
    for name in "${rows[@]}"; do rm -f "$work/$name.times" "$work/$name.cpus"; done
  fi
done
ms() { calc %.2f "1000 * $(median <"$work/$1.times")"; }
cpu() { awk '{ t += $1 } END { printf "%.2f", 1000 * t / NR }' "$work/$1.cpus"; }

# The 50 MB message, one run each: peak RSS (KB) of the process and its waited-for children
# (the filter's queue program), and wall seconds.
big() {
  local name=$1 kind=$2 start end
  cmdline "$kind"
  start=$EPOCHREALTIME
  if [ "$kind" = testmsg ]; then
    /usr/bin/time -f %M -o "$work/$name.rss" "${cmd[@]}" <"$work/big.eml" >/dev/null
  else
    /usr/bin/time -f %M -o "$work/$name.rss" "${cmd[@]}" <"$work/big.eml" 1<"$work/envelope" \
      4>/dev/null
  fi || die "$name failed on the 50 MB message"
  end=$EPOCHREALTIME
  calc %.2f "$end - $start" >"$work/$name.secs"
}
big filter-big sign
big testmsg-big testmsg
rss() { tail -n 1 "$work/$1.rss"; }

printf '%-44s %9s %9s %14s %9s\n' "3 KB message, one process each (median of $runs)" \
  "wall ms" "cpu ms" "50 MB RSS KB" "50 MB s"
printf '%-44s %9s %9s %14s %9s\n' "toaster-dk-queue (DomainKeys + DKIM)" "$(ms filter)" \
  "$(cpu filter)" "$(rss filter-big)" "$(cat "$work/filter-big.secs")"
printf '%-44s %9s %9s\n' "toaster-dk-queue DKIMSIGN=0 (DomainKeys only)" "$(ms filter-dk)" \
  "$(cpu filter-dk)"
printf '%-44s %9s %9s\n' "toaster-dk-queue, no signing (pass-through)" "$(ms filter-pass)" \
  "$(cpu filter-pass)"
printf '%-44s %9s %9s\n' "the no-op queue program alone" "$(ms noop)" "$(cpu noop)"
printf '%-44s %9s %9s %14s %9s\n' "opendkim-testmsg (DKIM, one signature)" "$(ms testmsg)" \
  "$(cpu testmsg)" "$(rss testmsg-big)" "$(cat "$work/testmsg-big.secs")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall time is noisy on a busy machine;" \
  "cpu is steadier); each run starts through env -i"
r=$(calc %.2f "$(cpu filter) / $(cpu testmsg)")
w=$(calc %.2f "$(ms filter) / $(ms testmsg)")
echo "ratio toaster-dk-queue/opendkim-testmsg per message: cpu ${r}x (target <= 1.0)" \
  "$(verdict "$r" '<=' 1.0), wall ${w}x $(verdict "$w" '<=' 1.0); one signature each (DKIMSIGN=0):" \
  "cpu $(calc %.2f "$(cpu filter-dk) / $(cpu testmsg)")x," \
  "wall $(calc %.2f "$(ms filter-dk) / $(ms testmsg)")x"
echo "peak RSS for the 50 MB message: $(($(rss filter-big) / 1024)) MB (target <= 25)" \
  "$(verdict "$(rss filter-big)" '<=' 25600)"

# Where the filter's time goes: what each stage adds, per run, in CPU milliseconds.
echo
echo "== queue filter: where a message's time goes (CPU ms per run, env -i included) =="
speed=$(openssl speed -seconds 1 rsa2048 2>/dev/null | awk '$1 == "rsa" && $2 == 2048 {print $4}')
# The same empty C program linked bare and against the filter's shared libraries: what
# loading and relocating them costs every process, before any of our code runs.
printf 'int main(void) { return 0; }\n' >"$work/empty.c"
cc -O2 -o "$work/empty" "$work/empty.c"
libs=$(readelf -d "$filter" | awk '/NEEDED/ { gsub(/[][]/, "", $NF); printf "-l:%s ", $NF }')
# shellcheck disable=SC2086 # one word per library
cc -O2 -o "$work/empty-libs" "$work/empty.c" -Wl,--no-as-needed $libs
rows=(empty empty-libs)
# And an empty Swift program built as the filter is (static Swift runtime and libstdc++,
# the same libraries): what the Swift runtime's own start-up adds.
swiftc=$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)
if [ -x "$swiftc" ]; then
  printf 'import Glibc\nexit(getenv("TOASTER_DK_NONE") == nil ? 0 : 1)\n' >"$work/empty.swift"
  # shellcheck disable=SC2046,SC2086 # one word per library
  "$swiftc" -O -static-stdlib -L Link/static-libstdc++ -o "$work/empty-swift" "$work/empty.swift" \
    -Xlinker --no-as-needed $(printf -- '-Xlinker %s ' $libs) >/dev/null 2>&1 && rows+=(empty-swift)
fi
cmdline_extra() { cmd=(env -i "$work/$1"); }
for name in "${rows[@]}"; do rm -f "$work/$name.times" "$work/$name.cpus"; done
for round in $(seq 0 "$runs"); do
  for name in "${rows[@]}"; do
    cmdline_extra "$name"
    times >"$work/times.before"
    "${cmd[@]}" </dev/null
    times >"$work/times.after"
    cpu_between "$work/times.before" "$work/times.after" >>"$work/$name.cpus"
  done
  [ "$round" = 0 ] && for name in "${rows[@]}"; do : >"$work/$name.cpus"; done
done
printf '  %-68s %7s\n' "an empty C program (the floor: fork, env -i, exec)" "$(cpu empty)"
printf '  %-68s %7s\n' "the same, linked against the filter's $(ldd "$work/empty-libs" |
  grep -c '=>') shared libraries" "$(cpu empty-libs)"
[ -s "$work/empty-swift.cpus" ] &&
  printf '  %-68s %7s\n' "an empty Swift program built as the filter is (the same libraries)" \
    "$(cpu empty-swift)"
printf '  %-68s %7s\n' "the no-op queue program (what the filter spawns)" "$(cpu noop)"
printf '  %-68s %7s\n' "toaster-dk-queue passing the message through (no signing)" \
  "$(cpu filter-pass)"
printf '  %-68s %7s\n' "toaster-dk-queue signing DomainKeys only" "$(cpu filter-dk)"
printf '  %-68s %7s\n' "toaster-dk-queue signing DomainKeys + DKIM" "$(cpu filter)"
printf '  %-68s %7s\n' "opendkim-testmsg signing DKIM" "$(cpu testmsg)"
echo "  openssl speed rsa2048: $(calc %.2f "1000 * ${speed%s}") ms per signature"
base=empty-libs
[ -s "$work/empty-swift.cpus" ] && base=empty-swift
echo "  so: loading the shared libraries $(calc %.2f "$(cpu empty-libs) - $(cpu empty)") ms;" \
  "$([ "$base" = empty-swift ] && echo "the Swift runtime's start-up" \
    "$(calc %.2f "$(cpu empty-swift) - $(cpu empty-libs)") ms;")" \
  "the filter's own work with the queue program it starts (environment, spool, spawn, the" \
  "program's exec and run, wait)" \
  "$(calc %.2f "$(cpu filter-pass) - $(cpu "$base") - $(cpu noop) + $(cpu empty)") ms;" \
  "reading the key and signing DomainKeys $(calc %.2f "$(cpu filter-dk) - $(cpu filter-pass)")" \
  "ms, DKIM $(calc %.2f "$(cpu filter) - $(cpu filter-dk)") ms more"
# What CONTRIBUTING.md asks of the per-message programs' start-up (signer beside filter).
for program in "$filter" "$(dirname "$filter")/toaster-dk-remote-signer"; do
  [ -x "$program" ] || continue
  regex=no
  nm "$program" | grep -q RegexParser && regex="YES (see CONTRIBUTING.md)"
  echo "  $(basename "$program"): loads $(readelf -d "$program" |
    awk '/NEEDED/ { gsub(/[][]/, "", $NF); printf "%s%s", sep, $NF; sep = " " }');" \
    "regex engine linked in: $regex"
done
# cmd is env -i VAR=VALUE... FILTER: LD_DEBUG goes after the -i.
cmdline sign
"${cmd[@]:0:2}" LD_DEBUG=statistics "${cmd[@]:2}" <"$work/small.eml" 1<"$work/envelope" \
  4>/dev/null 2>"$work/ld-statistics"
# One block per process (the filter, the queue program): the filter's is the larger.
mhz=$(awk -F: '/^cpu MHz/ { print $2 + 0; exit }' /proc/cpuinfo)
awk -v mhz="${mhz:-0}" '{ pid = $1 } /total startup time/ { c[pid] = $(NF - 1) }
  /  number of relocations:/ { r[pid] = $NF } /relative relocations/ { rr[pid] = $NF }
  /final number of relocations:/ { f[pid] = $NF }
  END { for (p in c) if (c[p] + 0 > c[best] + 0) best = p
    printf "  dynamic loader (LD_DEBUG=statistics): %s cycles at start-up", c[best]
    if (mhz > 0) printf " (about %.2f ms at %d MHz)", c[best] / mhz / 1000, mhz
    printf ","
    printf " %s symbol and %s relative relocations,", r[best], rr[best]
    printf " %s symbol relocations by exit\n", f[best] }' \
  "$work/ld-statistics"
if command -v strace >/dev/null; then
  strace -f -c -o "$work/strace" "${cmd[@]}" <"$work/small.eml" 1<"$work/envelope" 4>/dev/null
  awk '$NF == "total" {
    printf "  system calls (strace -c -f, filter and queue program): %s calls,", $(NF - 2)
    printf " %s failed (the loader and the Swift runtime probing paths)\n", $(NF - 1) }' \
    "$work/strace"
  awk '$1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" { printf "%s %s\n", $4, $NF }' "$work/strace" |
    sort -rn | head -n 5 | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " } END { print "" }' |
    sed 's/^/  most frequent: /'
fi
if command -v perf >/dev/null && perf record -q -o "$work/perf.probe" true >/dev/null 2>&1; then
  # Where the filter process's own CPU goes, by shared object (the kernel included): 100
  # signing runs sampled every 100 us of CPU.
  perf record -q -F 10000 -o "$work/perf.data" -- bash -c '
    for ((i = 0; i < 100; i++)); do "${@:3}" <"$1" 1<"$2" 4>/dev/null; done' perf \
    "$work/small.eml" "$work/envelope" "${cmd[@]}" >/dev/null 2>&1
  perf report -i "$work/perf.data" --comm toaster-dk-queu --stdio -g none --sort dso,sym \
    -F sample,dso,sym 2>/dev/null |
    awk '$1 ~ /^[0-9]+$/ { d[$2] += $1; t += $1 }
      END { for (k in d) printf "%d %.2f %s\n", 100 * d[k] / t + 0.5, d[k] * 0.1 / 100, k }' |
    sort -rn | head -n 6 | awk '{ printf "%s%s %s %% (%s ms)", sep, $3, $1, $2; sep = ", " }
      END { print "" }' | sed 's/^/  perf, the signing filter process by object: /'
fi
