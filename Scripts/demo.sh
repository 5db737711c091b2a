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
echo "# the sandbox is left in $root for you to look at"
