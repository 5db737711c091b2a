#!/usr/bin/env bash
# The "every domain of this toaster" part of the README demo (called by Scripts/demo.sh):
# qmail's and vpopmail's domain lists in a fresh sandbox root, then the bulk commands.
# Usage: Scripts/demo-served.sh PATH/TO/toaster-dk
set -euo pipefail
bin=${1:?usage: Scripts/demo-served.sh PATH/TO/toaster-dk}
root=$(mktemp -d "${TMPDIR:-/tmp}/toaster-dk-served.XXXXXX")
copy=$(mktemp -u "${TMPDIR:-/tmp}/toaster-dk-copy.XXXXXX")
trap 'rm -rf "$root" "$copy"' EXIT
control="$root/var/qmail/control"
mkdir -p "$control/domainkeys" "$root/etc/tcprules.d" "$root/home/vpopmail/users" \
  "$root/var/qmail/bin"
printf '127.:allow,RELAYCLIENT=""\n:allow\n' >"$root/etc/tcprules.d/tcp.smtp"
printf 'localhost\nexample.com\nexample.net\nshop.example.org\n.lists.example.org\n' \
  >"$control/rcpthosts"
printf '%s:%s\n' example.com example.com example.net example.net example.org example.org \
  >"$control/virtualdomains"
home=/home/vpopmail/domains
{
  for domain in example.com example.net example.org; do
    echo "+$domain-:$domain:89:89:$home/$domain:-::"
  done
  echo "+example.info-:example.com:89:89:$home/example.com:-::"
  echo .
} >"$root/home/vpopmail/users/assign"
printf '#!/bin/sh\nexit 0\n' >"$root/var/qmail/bin/qmail-queue.orig"
: >"$root/var/qmail/bin/qmail-dk"
ln -s qmail-dk "$root/var/qmail/bin/qmail-queue"

group=()
getent group vchkpw >/dev/null || group=(--group "$(id -gn)")

run() {
  echo "\$ toaster-dk $*"
  "$bin" "$@" --root "$root" 2>&1 | sed "s|$root||g" || echo "(exit status $?)"
  echo
}

run domain add example.com -q "${group[@]}" >/dev/null
run domain list --served
run domain add --missing --format tinydns "${group[@]}"
run rules set-sign
run snapshot "$copy"
run domain remove example.net --yes
run domain restore example.net "${group[@]}"
