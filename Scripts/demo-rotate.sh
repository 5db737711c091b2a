#!/usr/bin/env bash
# The "rotating keys" and "status" parts of the README demo (called by Scripts/demo.sh): a
# full key rotation of three domains in a fresh sandbox root, the records served by a
# loopback tinydns started here (127.0.0.77), dkimpy verifying through it. The clock is
# faked with --time (2026-12-01T00:00:00Z on), so the waits of a real rotation are skipped.
# Skipped, with the reason, without tinydns or root (tinydns binds port 53).
# Usage: Scripts/demo-rotate.sh PATH/TO/toaster-dk
set -euo pipefail
bin=${1:?usage: Scripts/demo-rotate.sh PATH/TO/toaster-dk}
address=${DEMO_ROTATE_ADDRESS:-127.0.0.77}

if ! command -v tinydns >/dev/null || ! command -v tinydns-data >/dev/null; then
  echo "# rotation demo skipped: tinydns is not installed (apt-get install tinydns)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "# rotation demo skipped: tinydns needs root to bind $address port 53"
  exit 0
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/toaster-dk-rotate.XXXXXX")
server=
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$root"' EXIT
mkdir -p "$root/etc/tcprules.d" "$root/var/qmail/bin" "$root/var/qmail/control/domainkeys"
printf '127.:allow,RELAYCLIENT="",DKSIGN="/var/qmail/control/domainkeys/%%/private"\n:allow,DKVERIFY="DEGIJKfh"\n' \
  >"$root/etc/tcprules.d/tcp.smtp"
printf '#!/bin/sh\nexit 0\n' >"$root/var/qmail/bin/qmail-queue.orig"
: >"$root/var/qmail/bin/qmail-dk"
ln -s qmail-dk "$root/var/qmail/bin/qmail-queue"
mkdir -p "$root/var/qmail/control/domainkeys/legacy.example"
group=()
getent group vchkpw >/dev/null || group=(--group "$(id -gn)")
signer=()
getent passwd vpopmail >/dev/null || signer=(--signer-user root)
t0=1796083200 # 2026-12-01T00:00:00Z
domains=(example.com example.net example.org)

quiet() { "$bin" "$@" --root "$root" >/dev/null 2>&1; }
for domain in "${domains[@]}"; do quiet domain add "$domain" "${group[@]}"; done
quiet rules compile

# Shows one command as typed (with the faked clock as a comment) and what it printed.
run() {
  local at=$1
  shift
  echo "\$ toaster-dk $*${at:+      # at $at}"
  set +e
  "$bin" "$@" --root "$root" ${at:+--time "$(date -u -d "$at" +%s)"} 2>&1 | sed "s|$root||g"
  local status=${PIPESTATUS[0]}
  set -e
  [ "$status" = 0 ] || echo "(exit status $status)"
  echo
}

# tinydns serves the data given, compiled by tinydns-data, until the next publish.
publish() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  mkdir -p "$root/tinydns"
  { echo ".example.com::ns1.example.com:3600"; echo ".example.net::ns1.example.com:3600"
    echo ".example.org::ns1.example.com:3600"; cat "$@"; } >"$root/tinydns/data"
  (cd "$root/tinydns" && tinydns-data)
  env IP="$address" ROOT="$root/tinydns" UID="$(id -u)" GID="$(id -g)" tinydns \
    >"$root/tinydns/log" 2>&1 &
  server=$!
  sleep 0.5
}

# dkimpy's verdict on a message, asking the loopback server for the key.
cat >"$root/dkimpy-verify.py" <<'PY'
import sys, dkim, dns.resolver
r = dns.resolver.Resolver(configure=False)
r.nameservers = [sys.argv[1]]
def txt(name, timeout=5):
    try:
        return b''.join(r.resolve(name.decode().rstrip('.'), 'TXT')[0].strings)
    except Exception:
        return None
print('dkimpy: ' + ('pass' if dkim.verify(sys.stdin.buffer.read(), dnsfunc=txt) else 'fail'))
PY
mail() {
  printf 'From: Joe <joe@%s>\nTo: ann@example.org\nSubject: Noon\nDate: Tue, 1 Dec 2026 12:00:00 +0000\nMessage-ID: <1@%s>\n\nSee you at noon.\n' "$1" "$1"
}

for domain in "${domains[@]}"; do
  "$bin" domain dns "$domain" --format tinydns --root "$root" | grep -v _dmarc
done >"$root/old.data"
publish "$root/old.data"
mail example.net >"$root/message.eml"
"$bin" test-sign "$root/message.eml" --method both --root "$root" >"$root/old-signed.eml" 2>/dev/null

echo "# three domains signing with selector private, served by tinydns at $address"
echo "\$ toaster-dk rotate start --format tinydns > new-records.data      # at 2026-12-01T00:00:00Z"
"$bin" rotate start --format tinydns "${group[@]}" --root "$root" --time "$t0" 2>&1 \
  >"$root/new.data" | sed "s|$root||g"
echo
grep -v "example.org" "$root/new.data" >"$root/partial.data"
echo "# example.com and example.net published; example.org's DNS lags"
publish "$root/old.data" "$root/partial.data"
run 2026-12-01T00:00:00Z rotate status --dns-server "$address"
run 2026-12-01T03:00:00Z rotate switch --dns-server "$address"
echo "# example.org published too"
publish "$root/old.data" "$root/new.data"
run 2026-12-01T03:00:00Z rotate status --dns-server "$address"
run 2026-12-01T03:00:00Z rotate switch --dns-server "$address"
run 2026-12-01T05:00:00Z rotate switch --dns-server "$address" --dry-run
run 2026-12-01T05:00:00Z rotate switch --dns-server "$address"
echo "\$ toaster-dk test-sign message.eml --method both > signed.eml"
"$bin" test-sign "$root/message.eml" --method both "${signer[@]}" --root "$root" 2>&1 >"$root/signed.eml" \
  | sed "s|$root||g"
echo "\$ python3 dkimpy-verify.py $address < signed.eml"
python3 "$root/dkimpy-verify.py" "$address" <"$root/signed.eml" || true
echo
run 2026-12-07T00:00:00Z status --dns-server "$address" "${group[@]}" "${signer[@]}"
run 2026-12-07T00:00:00Z rotate finish
run 2026-12-08T06:00:00Z rotate finish --format tinydns
"$bin" rotate finish --format tinydns --root "$root" --time "$(date -u -d 2026-12-08T06:00:00Z +%s)" \
  2>/dev/null | grep "^'" >"$root/revoked.data"
echo "# the revoking records published in place of the old ones"
publish "$root/new.data" "$root/revoked.data"
echo "\$ toaster-dk test-verify old-signed.eml --dns-server $address      # signed with private before the switch"
"$bin" test-verify "$root/old-signed.eml" --dns-server "$address" --root "$root" 2>&1 \
  | sed "s|$root||g" || true
echo "\$ python3 dkimpy-verify.py $address < old-signed.eml"
python3 "$root/dkimpy-verify.py" "$address" <"$root/old-signed.eml" || true
echo
run "" rotate status
