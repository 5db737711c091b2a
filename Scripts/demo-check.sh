#!/usr/bin/env bash
# The domain check half of the README demo (called by Scripts/demo.sh after demo-keys.sh):
# publish example.com's records on a loopback tinydns started here, check them, then
# replace the key and check again. Sandbox and 127.0.0.60 only; the server is stopped at
# the end. Skipped, with the reason, without tinydns or root (tinydns binds port 53).
# Usage: Scripts/demo-check.sh PATH/TO/toaster-dk ROOT
set -euo pipefail
bin=${1:?usage: Scripts/demo-check.sh PATH/TO/toaster-dk ROOT}
root=${2:?usage: Scripts/demo-check.sh PATH/TO/toaster-dk ROOT}
address=${DEMO_DNS_ADDRESS:-127.0.0.60}

if ! command -v tinydns >/dev/null || ! command -v tinydns-data >/dev/null; then
  echo "# domain check demo skipped: tinydns is not installed (apt-get install tinydns)"
  echo
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "# domain check demo skipped: tinydns needs root to bind $address port 53"
  echo
  exit 0
fi

group=()
getent group vchkpw >/dev/null || group=(--group "$(id -gn)")

run() {
  echo "\$ toaster-dk $*"
  "$bin" "$@" --root "$root" 2>&1 || echo "(exit status $?)"
  echo
}

# tinydns serves what our own domain dns --format tinydns prints, compiled by tinydns-data.
dns="$root/tinydns"
mkdir -p "$dns"
{
  echo ".example.com::ns1.example.com:3600"
  "$bin" domain dns example.com --format tinydns --root "$root"
  "$bin" domain dns example.com --selector ed --format tinydns --root "$root" | grep -v _dmarc
} >"$dns/data"
(cd "$dns" && tinydns-data)
env IP="$address" ROOT="$dns" UID="$(id -u)" GID="$(id -g)" tinydns >"$dns/log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 0.5

echo "# example.com's records, published on a tinydns at $address"
echo "\$ toaster-dk domain dns example.com --format tinydns > data && tinydns-data"
echo
run domain check example.com --dns-server "$address"
run domain add example.com --force "${group[@]}"
run domain check example.com --dns-server "$address" -q
