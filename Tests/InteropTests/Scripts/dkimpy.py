#!/usr/bin/env python3
"""Drives dkimpy for toaster-dk's interop tests, with the key record fed locally.

  dkimpy.py verify RECORD < message        one line per DKIM-Signature: pass|fail
  dkimpy.py verify NAME=RECORD... < message   the same, each record for its DNS name
  dkimpy.py sign KEYFILE SELECTOR DOMAIN CANON ALGORITHM < message   prints the header field
"""
import sys

import dkim


def main():
    mode = sys.argv[1]
    message = sys.stdin.buffer.read()
    if mode == "verify":
        named = {}
        for argument in sys.argv[2:]:
            name, _, text = argument.partition("=")
            named[name.lower().encode()] = text.encode()
        record = sys.argv[2].encode()

        def lookup(name, timeout=5):
            return named.get(name.rstrip(b".").lower(), record) if len(sys.argv) > 3 else record

        verifier = dkim.DKIM(message)
        count = sum(1 for line in message.split(b"\n") if line.lower().startswith(b"dkim-signature:"))
        if count == 0:
            print("none")
        for index in range(count):
            try:
                ok = verifier.verify(idx=index, dnsfunc=lookup)
            except dkim.DKIMException:
                # dkimpy raises, rather than returns False, on some failures (a body
                # hash mismatch).
                ok = False
            print("pass" if ok else "fail")
        return
    keyfile, selector, domain, canon, algorithm = sys.argv[2:7]
    with open(keyfile, "rb") as handle:
        key = handle.read()
    header, body = canon.split("/")
    signature = dkim.sign(
        message, selector.encode(), domain.encode(), key,
        canonicalize=(header.encode(), body.encode()),
        signature_algorithm=algorithm.encode())
    sys.stdout.buffer.write(signature)


main()
