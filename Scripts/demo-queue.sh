#!/usr/bin/env bash
# The mail-path half of the README demo (called by Scripts/demo.sh): toaster-dk-queue in
# place of qmail-dk, a message through real tcpserver -> a qmail-smtpd stand-in -> the
# filter -> a test qmail-queue, then dkimpy verifies what was queued. Sandbox only.
# Usage: Scripts/demo-queue.sh PATH/TO/toaster-dk ROOT
set -euo pipefail
bin=${1:?usage: Scripts/demo-queue.sh PATH/TO/toaster-dk ROOT}
root=${2:?usage: Scripts/demo-queue.sh PATH/TO/toaster-dk ROOT}
programs=Tests/ToasterDKQueueTests/Programs
for need in tcpserver cc python3 openssl; do
  command -v "$need" >/dev/null || { echo "# (mail-path demo skipped: no $need)"; exit 0; }
done
python3 -c 'import dkim' 2>/dev/null || { echo "# (mail-path demo skipped: no dkimpy)"; exit 0; }
[ -x "$(dirname "$bin")/toaster-dk-queue" ] || { echo "# (no toaster-dk-queue beside $bin)"; exit 0; }

run() {
  echo "\$ toaster-dk $*"
  "$bin" "$@" --root "$root" 2>&1 || echo "(exit status $?)"
  echo
}

# The test queue program stores each message it accepts, with its envelope.
cc -O2 -o "$root/var/qmail/bin/qmail-queue.orig" "$programs/fake-qmail-queue.c"
mkdir -p "$root/queue"
echo mail.example.com >"$root/var/qmail/control/me"
run rules set-sign --ed25519-selector ed --quiet
run queue install
run queue status

port_file="$root/tcpserver.port"
tcpserver -1 -R -H -l0 -x "$root/etc/tcprules.d/tcp.smtp.cdb" 127.0.0.1 0 \
  env TOASTER_DK_ROOT="$root" FAKEQ_DIR="$root/queue" QMAILQUEUE="$root/var/qmail/bin/qmail-queue" \
  python3 "$programs/mini-qmail-smtpd.py" >"$port_file" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
while [ ! -s "$port_file" ]; do sleep 0.1; done
echo "# a relaying client (127.0.0.1) sends message.eml through tcpserver and the filter"
python3 "$programs/mini-client.py" 127.0.0.1 "$(cat "$port_file")" alice@example.com bob@example.net \
  <"$root/message.eml"
queued=$(ls "$root"/queue/msg.* | head -n 1)
echo "\$ grep -A1 -E '^(DKIM|DomainKey)-Signature' queue/$(basename "$queued") | cut -c 1-72"
grep -A1 -E '^(DKIM|DomainKey)-Signature' "$queued" | cut -c 1-72
echo
# dkimpy verifies each DKIM-Signature with the records toaster-dk publishes for the keys.
rsa="k=rsa; p=$(openssl pkey -in "$root/var/qmail/control/domainkeys/example.com/private" \
  -pubout -outform DER 2>/dev/null | base64 -w0)"
ed="v=DKIM1; k=ed25519; p=$(openssl pkey -in "$root/var/qmail/control/domainkeys/example.com/ed" \
  -pubout -outform DER 2>/dev/null | tail -c 32 | base64 -w0)"
echo "\$ dkimpy verify queue/$(basename "$queued")"
python3 Tests/InteropTests/Scripts/dkimpy.py verify "private._domainkey.example.com=$rsa" \
  "ed._domainkey.example.com=$ed" <"$queued"
echo
run queue uninstall
