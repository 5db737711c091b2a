#!/usr/bin/env bash
# The README demo: a QmailToaster-like tree in a sandbox root, then the toaster-dk
# commands an admin would run. Nothing outside the sandbox is touched.
# Usage: Scripts/demo.sh PATH/TO/toaster-dk   (make demo does this)
set -euo pipefail
bin=${1:?usage: Scripts/demo.sh PATH/TO/toaster-dk}
root=${DEMO_ROOT:-$(mktemp -d /tmp/toaster-dk-demo.XXXXXX)}

mkdir -p "$root/etc/tcprules.d" "$root/var/qmail/bin" "$root/var/qmail/control/domainkeys"
printf '#!/bin/sh\nexit 0\n' >"$root/var/qmail/bin/qmail-queue.orig"
chmod 0755 "$root/var/qmail/bin/qmail-queue.orig"
: >"$root/var/qmail/bin/qmail-dk"
ln -sf qmail-dk "$root/var/qmail/bin/qmail-queue"
# The rules QmailToaster shipped: relaying for localhost, one catch-all rule.
cat >"$root/etc/tcprules.d/tcp.smtp" <<'RULES'
# tcp.smtp for a qmail toaster
127.:allow,RELAYCLIENT=""
:allow,BADMIMETYPE="",BADLOADERTYPE="M",CHKUSER_RCPTLIMIT="50",CHKUSER_WRONGRCPTLIMIT="10",QMAILQUEUE="/var/qmail/bin/simscan"
RULES

run() {
  echo "\$ toaster-dk $*"
  "$bin" "$@" --root "$root" 2>&1 || echo "(exit status $?)"
  echo
}

echo "# sandbox root: $root"
echo
run rules compile
run rules set-sign
run rules set-verify DEGIJKfh
run rules set-queue
run rules set-verify DEGIJKfh
run rules set-verify BDEGIJKfh --dry-run
if "$bin" rules show --help >/dev/null 2>&1; then run rules show; fi
if "$bin" rules check --help >/dev/null 2>&1; then
  run rules check 127.0.0.1
  run rules check 192.0.2.7
fi
if "$bin" rules lint --help >/dev/null 2>&1; then run rules lint; fi
if [ -x Scripts/demo-keys.sh ]; then Scripts/demo-keys.sh "$bin" "$root"; fi
if [ -x Scripts/demo-check.sh ]; then Scripts/demo-check.sh "$bin" "$root"; fi
if [ -x Scripts/demo-served.sh ]; then Scripts/demo-served.sh "$bin"; fi
if [ -x Scripts/demo-rotate.sh ]; then Scripts/demo-rotate.sh "$bin"; fi

# Test a signature before real mail moves: sign as qmail-dk would for a relaying client
# (127.0.0.1), verify as it would for a client from the world, then tamper with it.
cat >"$root/message.eml" <<'MAIL'
From: Alice <alice@example.com>
To: bob@example.net
Subject: Lunch at Noon
Date: Sat, 21 Nov 2026 09:00:00 +0000
Message-ID: <demo@example.com>

See you at noon.
MAIL
run rules set-verify BDEGIJKfh --quiet
echo "\$ toaster-dk test-sign message.eml --method both > signed.eml"
"$bin" test-sign "$root/message.eml" --method both --root "$root" 2>&1 >"$root/signed.eml" \
  || echo "(exit status $?)"
echo "\$ head -n 12 signed.eml"
head -n 12 "$root/signed.eml" | cut -c 1-100
echo
run test-verify "$root/signed.eml" --keys local --client-ip 203.0.113.9
sed 's/Noon/Nine/' "$root/signed.eml" >"$root/tampered.eml"
run test-verify "$root/tampered.eml" --keys local --client-ip 203.0.113.9
if [ -x Scripts/demo-queue.sh ]; then Scripts/demo-queue.sh "$bin" "$root"; fi
echo "# the sandbox is left in $root for you to look at"
