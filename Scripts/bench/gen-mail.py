#!/usr/bin/env python3
"""Writes the DomainKeys/DKIM benchmark corpus: COUNT ~3 KB text messages and one ~10 MB
message with a base64 attachment, LF line ends, into DIR/small/NNNN.eml and DIR/big.eml.

Usage: gen-mail.py DIR [COUNT]
"""
import base64
import os
import random
import sys

WORDS = ("toaster qmail signature domain key record verify relay queue message header body "
         "alpha beta gamma delta lunch noon the a of to and in is it").split()


def small(index, rng):
    lines = []
    size = 0
    while size < 2800:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        lines.append(line)
        size += len(line) + 1
    return (f"From: Alice <alice@example.com>\nTo: Bob <bob@example.net>\n"
            f"Subject: benchmark message {index}\nDate: Thu, 1 Jan 2026 00:00:00 +0000\n"
            f"Message-ID: <{index}@example.com>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=us-ascii\n\n" + "\n".join(lines) + "\n")


def main():
    directory = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(8463)
    os.makedirs(os.path.join(directory, "small"), exist_ok=True)
    for index in range(count):
        with open(os.path.join(directory, "small", f"{index:04d}.eml"), "w") as handle:
            handle.write(small(index, rng))
    payload = base64.encodebytes(rng.randbytes(7_600_000)).decode()
    with open(os.path.join(directory, "big.eml"), "w") as handle:
        handle.write("From: Alice <alice@example.com>\nTo: Bob <bob@example.net>\n"
                     "Subject: big\nMIME-Version: 1.0\n"
                     "Content-Type: application/octet-stream\n"
                     "Content-Transfer-Encoding: base64\n\n" + payload)


main()
