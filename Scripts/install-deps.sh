#!/usr/bin/env bash
# Installs what building and testing toaster-dk needs on Debian/Ubuntu, skipping what
# is already there. Needs root (or sudo) for apt-get.
set -euo pipefail

apt_packages=(
  libssl-dev libcdb-dev pkg-config   # build: OpenSSL libcrypto and tinycdb
  tinycdb ucspi-tcp                  # peers: cdb, tcprules, tcprulescheck
  openssl libmail-dkim-perl          # peers: openssl pkey, Mail::DKIM
  tinydns bind9-utils                # peers: tinydns-data/tinydns-get, named-checkzone,
                                     # dnssec-keygen/dnssec-signzone (the DNSSEC tests)
  libunbound-dev                     # build: unbound.h; run: libunbound8 (opened by dlopen)
  bind9 python3-dnslib               # test DNS servers: named, the /usr/bin/python3 fake
  python3-authres                    # RFC 8601 parser for the filter's Authentication-Results
  python3-pip time                   # dkimpy, /usr/bin/time for benchmarks
  gcc                                # the remote launcher; test queue and qmail-remote programs
  acl                                # getfacl: checks the key ACLs for the remote signer
  opendkim-tools strace              # make bench: opendkim-testmsg; the filter's start-up
)
pip_packages=(dkimpy pynacl)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=$(command -v python3)
for package in "${pip_packages[@]}"; do
  "$python" -m pip show -q "$package" >/dev/null 2>&1 \
    || "$python" -m pip install -q "$package" >&2
done
