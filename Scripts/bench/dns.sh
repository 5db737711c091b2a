#!/usr/bin/env bash
# The DNS half of `make bench` (issue 8): test-verify of 1,000 messages from 50 domains with
# keys fetched through DNS from a loopback tinydns, against the same run with --keys local,
# measured in one run. Prints messages/s of each, the ratio (target >= 80 %), and the DNS
# questions that reached tinydns per message and per distinct key (must be <= 1).
# Scripts/bench.sh calls it; by hand (as root: tinydns binds port 53 on 127.x):
#   Scripts/bench/dns.sh PATH/TO/toaster-dk WORKDIR
# DNS_RUNS (default 5) timed runs per figure, median taken. Every message must verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: Scripts/bench/dns.sh PATH/TO/toaster-dk WORKDIR}
work=${2:?usage: Scripts/bench/dns.sh PATH/TO/toaster-dk WORKDIR}/dns
runs=${DNS_RUNS:-5}
domains=${DNS_DOMAINS:-50}
per_domain=${DNS_PER_DOMAIN:-20}
part=dns
. Scripts/bench/common.sh

echo
echo "== test-verify through DNS: $((domains * per_domain)) messages from $domains domains =="
for program in tinydns tinydns-data; do
  command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] || die "not installed: $program"
done
[ "$(id -u)" -eq 0 ] || die "tinydns needs root to bind port 53 (on 127.x only)"
rm -rf "$work"
root=$work/root
mkdir -p "$root/etc/tcprules.d" "$root/var/qmail/control/domainkeys" "$work/mail" \
  "$work/signed" "$work/tinydns"
printf '%s\n' '127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%/private"' \
  ':allow,DKVERIFY="BDEGIJKfh"' >"$root/etc/tcprules.d/tcp.smtp"
"$bin" rules compile -q --root "$root"
echo ".example.net::ns1.example.net:3600" >"$work/tinydns/data"
for d in $(seq -w 1 "$domains"); do
  domain=d$d.example.net
  "$bin" domain add "$domain" --group root -q --root "$root" >/dev/null
  "$bin" domain dns "$domain" --format tinydns --root "$root" | grep "^'private\." \
    >>"$work/tinydns/data"
  for n in $(seq -w 1 "$per_domain"); do
    printf 'From: User %s <user%s@%s>\nTo: someone@example.org\nSubject: bench %s/%s\n' \
      "$n" "$n" "$domain" "$d" "$n" >"$work/mail/$d-$n.eml"
    printf 'Date: Tue, 1 Dec 2026 12:00:00 +0000\nMessage-ID: <%s.%s@%s>\n\n' \
      "$d" "$n" "$domain" >>"$work/mail/$d-$n.eml"
    for line in $(seq 20); do echo "Line $line of a short message from $domain."; done \
      >>"$work/mail/$d-$n.eml"
  done
done
# Both signatures on every message, by the key qmail-dk would take for its sender.
"$bin" test-sign --method both --signer-user root --output-dir "$work/signed" --root "$root" \
  "$work/mail" 2>/dev/null
count=$(find "$work/signed" -name '*.eml' | wc -l)
[ "$count" = $((domains * per_domain)) ] || die "signed $count messages"
(cd "$work/tinydns" && tinydns-data)

# A random loopback address outside 127.0.0.0/16; tinydns logs one line per question.
address=127.$((RANDOM % 200 + 20)).$((RANDOM % 250)).$((RANDOM % 250 + 1))
env IP="$address" ROOT="$work/tinydns" UID=0 GID=0 tinydns >"$work/tinydns.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "starting tinydns" "$work/tinydns.log" && break
  sleep 0.05
done

# verify NAME ARGS...: one timed run over the signed mail; every message must pass both.
verify() {
  local name=$1 start end; shift
  start=$EPOCHREALTIME
  "$bin" test-verify --json "$@" --root "$root" "$work/signed" >"$work/$name.json" \
    2>"$work/$name.err" || { tail -n 3 "$work/$name.err" >&2; die "$name: test-verify failed"; }
  end=$EPOCHREALTIME
  good=$(grep -o '"dk_status":"A"' "$work/$name.json" | wc -l)
  pass=$(grep -o '"result":"pass"' "$work/$name.json" | wc -l)
  [ "$good" = "$count" ] && [ "$pass" = "$count" ] ||
    die "$name: $good DomainKeys and $pass DKIM of $count verified"
  calc "%.6f\n" "$end - $start" >>"$work/$name.time"
}

questions() { grep -c ' 0010 private\._domainkey\.' "$work/tinydns.log" || true; }
verify warm-local --keys local
verify warm-dns --dns-server "$address"
before=$(questions)
for _ in $(seq "$runs"); do
  verify local --keys local
  verify dns --dns-server "$address"
done
asked=$(($(questions) - before))
per_run=$(calc %.1f "$asked / $runs")
t_local=$(median <"$work/local.time")
t_dns=$(median <"$work/dns.time")
r_local=$(calc %.0f "$count / $t_local")
r_dns=$(calc %.0f "$count / $t_dns")
printf '%-34s %10s %12s\n' "" "time (s)" "messages/s"
printf '%-34s %10s %12s\n' "test-verify --keys local" "$t_local" "$r_local"
printf '%-34s %10s %12s\n' "test-verify, keys from tinydns" "$t_dns" "$r_dns"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (elapsed time is noisy on a busy machine)"
echo "DNS questions per run: $per_run for $count messages and $domains distinct keys:" \
  "$(calc %.3f "$per_run / $count") per message, $(calc %.2f "$per_run / $domains") per key" \
  "(target <= 1); toaster-dk's own count: $(grep -o '[0-9]* key lookups in DNS' \
    "$work/dns.err" | head -n 1)"
echo "ratio DNS/local: $(calc %.0f "100 * $t_local / $t_dns") % of the local-key rate" \
  "(target >= 80 %)"
