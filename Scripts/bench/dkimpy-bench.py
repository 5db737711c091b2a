#!/usr/bin/env python3
"""Times dkimpy in one process, messages read first. Prints the seconds of the loop.

  dkimpy-bench.py sign rsa|ed25519 KEYFILE OUTDIR FILE...   (writes signed copies to OUTDIR)
  dkimpy-bench.py verify RECORD FILE...
"""
import os
import sys
import time

import dkim


def main():
    mode = sys.argv[1]
    if mode == "verify":
        record = sys.argv[2].encode()
        messages = [open(path, "rb").read() for path in sys.argv[3:]]
        start, failed = time.perf_counter(), 0
        for message in messages:
            if not dkim.DKIM(message).verify(dnsfunc=lambda name, timeout=5: record):
                failed += 1
        print(f"{time.perf_counter() - start:.3f} {failed}")
        return
    kind, keyfile, outdir = sys.argv[2:5]
    files = sys.argv[5:]
    key = open(keyfile, "rb").read()
    algorithm = b"ed25519-sha256" if kind == "ed25519" else b"rsa-sha256"
    messages = [open(path, "rb").read() for path in files]
    start = time.perf_counter()
    signatures = [dkim.sign(m, b"sel", b"example.com", key, canonicalize=(b"relaxed", b"relaxed"),
                            signature_algorithm=algorithm) for m in messages]
    print(f"{time.perf_counter() - start:.3f} 0")
    for path, message, signature in zip(files, messages, signatures):
        with open(os.path.join(outdir, os.path.basename(path)), "wb") as handle:
            handle.write(signature + message)


main()
