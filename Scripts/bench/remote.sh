#!/usr/bin/env bash
# The remote signer part of `make bench` (issue 10): toaster-dk-remote (the launcher and its
# signer) signing one 3 KB message per process, as qmail-rspawn runs qmail-remote, against
# perl-qmail-remote.pl (QmailToaster's Perl wrapper design: Mail::DKIM in one Perl process per
# message), both handing the message to a no-op qmail-remote.orig; then the peak RSS of both
# for a 50 MB message. Scripts/bench.sh calls it; by hand:
#   Scripts/bench/remote.sh PATH/TO/toaster-dk WORKDIR   (toaster-dk-remote sits beside it)
# REMOTE_RUNS (default 100) processes per figure, median taken. Every signature must verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: Scripts/bench/remote.sh PATH/TO/toaster-dk WORKDIR}
work=${2:?usage: Scripts/bench/remote.sh PATH/TO/toaster-dk WORKDIR}/remote
runs=${REMOTE_RUNS:-100}
launcher=$(dirname "$bin")/toaster-dk-remote
here=$PWD/Scripts/bench
part=remote
. Scripts/bench/common.sh

echo
echo "== remote signer: toaster-dk-remote vs a Mail::DKIM Perl wrapper, one process per message =="
[ -x "$launcher" ] || die "no $launcher (make release builds it)"
[ -x "$(dirname "$bin")/toaster-dk-remote-signer" ] || die "no toaster-dk-remote-signer beside it"
perl -MMail::DKIM::Signer -e 1 2>/dev/null || die "not installed: Mail::DKIM (libmail-dkim-perl)"
rm -rf "$work"
root=$work/root
keys=$root/var/qmail/control/domainkeys
mkdir -p "$keys/example.com" "$root/var/qmail/bin"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/example.com/private" \
  2>/dev/null
record="k=rsa; p=$(openssl pkey -in "$keys/example.com/private" -pubout -outform DER | base64 -w0)"
cc -O2 -o "$root/var/qmail/bin/qmail-remote.orig" "$here/noop-qmail-remote.c"

# mail BODY-LINES: a message leaving the queue, LF line ends as qmail-rspawn passes it.
mail() {
  printf 'Received: (qmail 4242 invoked by uid 89); 1 Dec 2026 10:00:00 -0000\n'
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

# cmdline KIND [QMAIL-REMOTE]: the command line of one process, in $cmd. toaster: the
# launcher as qmail-rspawn runs qmail-remote; perl: the Perl wrapper; noop: qmail-remote.orig.
cmdline() {
  local remote=${2:-$root/var/qmail/bin/qmail-remote.orig}
  local argv=(example.net alice@example.com bob@example.net)
  case $1 in
    toaster) cmd=(env -i PATH=/usr/bin:/bin TOASTER_DK_ROOT="$root" "$launcher" "${argv[@]}") ;;
    perl)
      cmd=(env -i PATH=/usr/bin:/bin BENCH_KEYDIR="$keys" BENCH_QMAIL_REMOTE="$remote"
        "$here/perl-qmail-remote.pl" "${argv[@]}")
      ;;
    noop) cmd=(env -i "$remote" "${argv[@]}") ;;
  esac
}
# one KIND MESSAGE [QMAIL-REMOTE]: one process, fd 0 the message file (qmail-rspawn gives a
# regular file), reports on fd 1.
one() {
  cmdline "$1" "${3:-}"
  "${cmd[@]}" <"$2"
}

# What each hands over must verify, and qmail-rspawn must get the no-op's reports.
printf '#!/bin/sh\ncat >"%s"\nprintf "rbob@example.net accepted\\0Kaccepted\\0"\n' \
  "$work/delivered.eml" >"$work/keep-remote"
chmod +x "$work/keep-remote"
cp "$root/var/qmail/bin/qmail-remote.orig" "$work/noop-remote"
# The launcher always runs bin/qmail-remote.orig; the Perl wrapper is told which to run.
for kind in toaster perl; do
  cp "$work/keep-remote" "$root/var/qmail/bin/qmail-remote.orig"
  one "$kind" "$work/small.eml" >"$work/$kind.reports" 2>"$work/$kind.err" ||
    die "$kind failed: $(cat "$work/$kind.err")"
  cp "$work/noop-remote" "$root/var/qmail/bin/qmail-remote.orig"
  grep -q 'Kaccepted' "$work/$kind.reports" || die "$kind: no report from qmail-remote.orig"
  "$bin" test-verify --json --dkverify "" --record "$record" "$work/delivered.eml" \
    >"$work/$kind.json" 2>/dev/null || die "$kind: the signature did not verify"
  grep -q '"result":"pass"' "$work/$kind.json" || die "$kind: no DKIM signature passed"
done

# cpu_between BEFORE AFTER: user + system seconds of this shell's finished children (and
# theirs) between two `times` outputs. `times` must run in this shell, and nothing else may
# run between the two but what is measured.
cpu_between() {
  awk 'FNR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
    t[FILENAME] = u[1] * 60 + u[2] + s[1] * 60 + s[2] }
    END { printf "%.6f\n", t[ARGV[2]] - t[ARGV[1]] }' "$1" "$2"
}

# run NAME KIND: one timed run of `one KIND small.eml`; its wall seconds to NAME.times, its
# CPU seconds (user + system, qmail-remote.orig's included) to NAME.cpus.
run() {
  local name=$1 kind=$2 start end
  times >"$work/times.before"
  start=$EPOCHREALTIME
  one "$kind" "$work/small.eml" >/dev/null 2>&1 || die "$name failed"
  end=$EPOCHREALTIME
  times >"$work/times.after"
  calc "%.6f\n" "$end - $start" >>"$work/$name.times"
  cpu_between "$work/times.before" "$work/times.after" >>"$work/$name.cpus"
}

rows=(toaster perl noop)
# Interleaved, so a change in the machine's load hits every row alike; one warm-up round.
for round in $(seq 0 "$runs"); do
  for name in "${rows[@]}"; do
    [ "$round" = 1 ] && rm -f "$work/$name.times" "$work/$name.cpus"
    run "$name" "$name"
  done
done
ms() { calc %.2f "1000 * $(median <"$work/$1.times")"; }
cpu() { awk '{ t += $1 } END { printf "%.2f", 1000 * t / NR }' "$work/$1.cpus"; }

# The 50 MB message, one run each: peak RSS (KB) of the process and its waited-for children.
big() {
  local name=$1 start end
  cmdline "$name"
  start=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$work/$name-big.rss" "${cmd[@]}" <"$work/big.eml" >/dev/null \
    2>"$work/$name-big.err" || die "$name failed on the 50 MB message"
  end=$EPOCHREALTIME
  calc %.2f "$end - $start" >"$work/$name-big.secs"
}
big toaster
big perl
rss() { tail -n 1 "$work/$1-big.rss"; }

printf '%-44s %9s %9s %14s %9s\n' "3 KB message, one process each (median of $runs)" \
  "wall ms" "cpu ms" "50 MB RSS KB" "50 MB s"
printf '%-44s %9s %9s %14s %9s\n' "toaster-dk-remote (launcher + signer)" "$(ms toaster)" \
  "$(cpu toaster)" "$(rss toaster)" "$(cat "$work/toaster-big.secs")"
printf '%-44s %9s %9s %14s %9s\n' "perl-qmail-remote.pl (Mail::DKIM)" "$(ms perl)" \
  "$(cpu perl)" "$(rss perl)" "$(cat "$work/perl-big.secs")"
printf '%-44s %9s %9s\n' "the no-op qmail-remote.orig alone" "$(ms noop)" "$(cpu noop)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall time is noisy on a busy machine;" \
  "cpu is steadier); Mail::DKIM $(perl -MMail::DKIM -e 'print $Mail::DKIM::VERSION')"
r=$(calc %.2f "$(cpu toaster) / $(cpu perl)")
w=$(calc %.2f "$(ms toaster) / $(ms perl)")
echo "ratio toaster-dk-remote/Perl wrapper per message: cpu ${r}x (target <= 0.25)" \
  "$(verdict "$r" '<=' 0.25), wall ${w}x $(verdict "$w" '<=' 0.25)"
echo "peak RSS for the 50 MB message: toaster-dk-remote $(($(rss toaster) / 1024)) MB" \
  "(target <= 25) $(verdict "$(rss toaster)" '<=' 25600), the Perl wrapper $(($(rss perl) / 1024)) MB"
