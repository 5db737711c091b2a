#!/usr/bin/env python3
"""Verifies every DKIM-Signature of each message file with dkimpy, the key record fed locally.

  dkimpy-batch.py RECORD FILE...    prints "N pass" when all pass, else each failing file
"""
import sys

import dkim


def main():
    record = sys.argv[1].encode()
    failed = []
    for path in sys.argv[2:]:
        with open(path, "rb") as handle:
            message = handle.read()
        try:
            ok = dkim.verify(message, dnsfunc=lambda name, timeout=5: record)
        except dkim.DKIMException:
            ok = False
        if not ok:
            failed.append(path)
    if failed:
        print("\n".join("fail " + path for path in failed))
    else:
        print("%d pass" % (len(sys.argv) - 2))


main()
