#!/usr/bin/env python3
"""Writes a large tcp.smtp for the compile benchmark: N rules, many of them ranges.

Deterministic (fixed seed) so every run and every machine compiles the same bytes.
Usage: gen-rules.py N > tcp.smtp
"""
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
rng = random.Random(4870)
out = sys.stdout
out.write("# generated benchmark rules\n")
settings = [
    ',RELAYCLIENT=""',
    ',DKSIGN="/var/qmail/control/domainkeys/%/private"',
    ',DKVERIFY="DEGIJKfh",DKQUEUE="/var/qmail/bin/qmail-queue.orig"',
    ',MAXCONNIP="5",DIEMSG="too many connections"',
    "",
]
for n in range(count):
    a, b, c = rng.randrange(1, 224), rng.randrange(256), rng.randrange(256)
    shape = rng.randrange(10)
    if shape < 3:
        low = rng.randrange(233)
        address = f"{a}.{b}.{c}.{low}-{min(255, low + rng.randrange(1, 23))}"
    elif shape < 5:
        address = f"{a}.{b}.{c}.{rng.randrange(256)}"
    elif shape < 7:
        address = f"{a}.{b}.{c}."
    elif shape < 8:
        address = f"{a}.{b}.{c}-{min(255, c + rng.randrange(1, 6))}."
    else:
        address = f"=host{n}.example.com"
    instruction = "deny" if rng.randrange(8) == 0 else "allow" + rng.choice(settings)
    out.write(f"{address}:{instruction}\n")
    if n % 5000 == 0:
        out.write("\n# section\n")
out.write(':allow,DKVERIFY="DEGIJKfh",DKQUEUE="/var/qmail/bin/qmail-queue.orig"\n')
