#!/usr/bin/env python3
"""Times dkimpy over many messages in this one process, for toaster-dk's engine benchmark.

  dkimpy-bench.py sign KIND KEYFILE OUTDIR MESSAGE...   (OUTDIR '-' writes nothing)
  dkimpy-bench.py verify KIND RECORD MESSAGE...

KIND is dkim-rsa-sha256 or dkim-ed25519 (dkimpy has no DomainKeys). Prints
"MESSAGES PASSED SECONDS": messages are read before the clock starts, and the clock covers
only the loop of dkim.sign() / dkim.verify(dnsfunc=...) calls. The key record comes from
the dnsfunc, so no DNS is involved. Signing writes SIGNATURE+MESSAGE to OUTDIR after the
clock stops, to build the verify corpus.
"""
import base64
import os
import sys
import time

import dkim

# The same header fields toaster-dk and Mail::DKIM sign.
HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type"]
ALGORITHMS = {"dkim-rsa-sha256": b"rsa-sha256", "dkim-ed25519": b"ed25519-sha256"}


def private_key(path, kind):
    with open(path, "rb") as handle:
        pem = handle.read()
    if kind != "dkim-ed25519":
        return pem
    # dkimpy takes an Ed25519 key as its base64 32-byte seed: the end of the PKCS#8 DER.
    body = b"".join(line for line in pem.splitlines() if not line.startswith(b"-----"))
    return base64.b64encode(base64.b64decode(body)[-32:])


def main():
    mode, kind, key = sys.argv[1:4]
    outdir, files = (sys.argv[4], sys.argv[5:]) if mode == "sign" else ("-", sys.argv[4:])
    if kind not in ALGORITHMS or not files:
        sys.exit(__doc__)
    messages = []
    for path in files:
        with open(path, "rb") as handle:
            messages.append(handle.read())
    passed, signatures = 0, []
    if mode == "verify":
        record = key.encode()

        def dnsfunc(name, timeout=5):
            return record

        start = time.perf_counter()
        for message in messages:
            if dkim.verify(message, dnsfunc=dnsfunc):
                passed += 1
        seconds = time.perf_counter() - start
    else:
        secret, algorithm = private_key(key, kind), ALGORITHMS[kind]
        start = time.perf_counter()
        for message in messages:
            signature = dkim.sign(
                message, b"bench", b"example.com", secret,
                canonicalize=(b"relaxed", b"relaxed"), signature_algorithm=algorithm,
                include_headers=HEADERS)
            passed += bool(signature)
            signatures.append(signature)
        seconds = time.perf_counter() - start
        if outdir != "-":
            for path, signature, message in zip(files, signatures, messages):
                with open(os.path.join(outdir, os.path.basename(path)), "wb") as handle:
                    handle.write(signature.replace(b"\r\n", b"\n") + message)
    print("%d %d %.6f" % (len(messages), passed, seconds))


main()
