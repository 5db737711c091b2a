#!/usr/bin/env bash
# The key half of the README demo (called by Scripts/demo.sh): a hand-made QmailToaster
# key as dknewkey left it, then the toaster-dk domain commands. Sandbox only.
# Usage: Scripts/demo-keys.sh PATH/TO/toaster-dk ROOT
set -euo pipefail
bin=${1:?usage: Scripts/demo-keys.sh PATH/TO/toaster-dk ROOT}
root=${2:?usage: Scripts/demo-keys.sh PATH/TO/toaster-dk ROOT}
keys="$root/var/qmail/control/domainkeys"

# A build machine has no vchkpw group (vpopmail creates it); stand in with our own.
group=()
getent group vchkpw >/dev/null || group=(--group "$(id -gn)")

# What the QmailToaster wiki steps leave behind: dknewkey's key, its tinydns line, mode 444.
mkdir -p "$keys/legacy.example"
openssl genrsa -traditional -out "$keys/legacy.example/private" 512 2>/dev/null
p=$(openssl rsa -in "$keys/legacy.example/private" -pubout 2>/dev/null | grep -v -- -----)
printf "'private._domainkey.example.com:k=rsa; p=%s\n" "$(echo "$p" | tr -d '\n')" \
  >"$keys/legacy.example/public.txt"
chmod 0444 "$keys/legacy.example/private"

run() {
  echo "\$ toaster-dk $*"
  "$bin" "$@" --root "$root" 2>&1 || echo "(exit status $?)"
  echo
}

run domain add example.com "${group[@]}"
run domain add example.com "${group[@]}"
run domain add example.com --selector ed --algorithm ed25519 "${group[@]}"
run domain dns example.com --format tinydns --testing --dk
run domain dns example.com --format plain
run domain list "${group[@]}"
run domain fix-perms --dry-run "${group[@]}"
run domain fix-perms "${group[@]}"
run domain remove legacy.example
run domain remove legacy.example --yes
