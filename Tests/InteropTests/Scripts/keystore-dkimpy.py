#!/usr/bin/env python3
"""Signs a message with a toaster-dk key file and verifies it with dkimpy against the
record text toaster-dk wrote, fed as the DNS answer (no DNS is used).

  keystore-dkimpy.py KEYFILE RECORDFILE SELECTOR DOMAIN ALGORITHM < message
prints "pass" or "fail". ALGORITHM is rsa-sha256 or ed25519-sha256. dkimpy takes an
Ed25519 private key as its base64 32-byte seed, which is the end of the PKCS#8 DER.
"""
import base64
import sys

import dkim


def main():
    keyfile, recordfile, selector, domain, algorithm = sys.argv[1:6]
    message = sys.stdin.buffer.read()
    with open(keyfile, "rb") as handle:
        key = handle.read()
    if algorithm == "ed25519-sha256":
        body = b"".join(line for line in key.splitlines() if not line.startswith(b"-----"))
        key = base64.b64encode(base64.b64decode(body)[-32:])
    with open(recordfile, "rb") as handle:
        record = handle.read().strip()
    signature = dkim.sign(
        message, selector.encode(), domain.encode(), key,
        include_headers=[b"from", b"to", b"subject"],
        signature_algorithm=algorithm.encode())
    asked = []

    def dnsfunc(name, timeout=5):
        asked.append(name)
        return record

    ok = dkim.verify(signature + message, dnsfunc=dnsfunc)
    expected = (selector + "._domainkey." + domain + ".").encode()
    if asked != [expected]:
        print("asked for %r, expected %r" % (asked, expected), file=sys.stderr)
        ok = False
    print("pass" if ok else "fail")


main()
