#!/usr/bin/env python3
"""Writes the engine benchmark's mail: N small text/plain messages and one big message.

Deterministic (fixed seed) so every run and every machine signs the same bytes. LF line
ends, as qmail hands mail to qmail-dk. The small messages average about 3 KB; the big one
carries a base64 attachment of about 10 MB.
Usage: gen-messages.py DIR [N]   writes DIR/small/NNNN.eml and DIR/big.eml
"""
import base64
import os
import random
import sys

directory = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(6376)
words = (
    "the mail queue relay domain key selector signature header body message server client "
    "toaster qmail delivery bounce spam filter policy record public private hash rotate "
    "archive invoice meeting schedule report update release notes please thanks regards "
    "tomorrow today attached review draft final budget project team office customer order"
).split()
users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]
domains = ["example.com", "example.org", "example.net", "mail.example.com"]
months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
days = "Mon Tue Wed Thu Fri Sat Sun".split()


def date(seconds):
    # A fixed clock, not time.time(), so the bytes never change.
    day, rest = divmod(seconds, 86400)
    return "%s, %02d %s 2024 %02d:%02d:%02d +0000" % (
        days[day % 7], 1 + day % 28, months[day % 12], rest // 3600, rest // 60 % 60, rest % 60)


def address():
    return "%s@%s" % (rng.choice(users), rng.choice(domains))


def headers(number, sender, extra=()):
    lines = []
    # Received fields, newest first, folded as MTAs fold them.
    for hop in range(rng.randrange(2, 5)):
        lines.append(
            "Received: from mx%d.example.net (mx%d.example.net [192.0.2.%d])\n"
            "\tby mail.example.com (qmail) with SMTP id %08x;\n\t%s"
            % (hop, hop, rng.randrange(1, 255), rng.getrandbits(32), date(number * 97 + hop)))
    lines += [
        "From: %s <%s>" % (sender.split("@")[0].title(), sender),
        "To: %s" % ", ".join(address() for _ in range(rng.randrange(1, 3))),
        "Subject: %s" % " ".join(rng.choice(words) for _ in range(rng.randrange(3, 9))),
        "Date: %s" % date(number * 97),
        "Message-ID: <%016x.%d@%s>" % (rng.getrandbits(64), number, sender.split("@")[1]),
        "MIME-Version: 1.0",
    ]
    return "\n".join(lines + list(extra)) + "\n"


def paragraph():
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(20, 60)))
    out, line = [], ""
    for word in text.split():
        if len(line) + len(word) > 72:
            out.append(line)
            line = ""
        line = (line + " " + word).strip()
    return "\n".join(out + [line]) + "\n"


def small(number):
    # One signing domain, as on a toaster: DomainKeys wants d= to match the From domain.
    sender = "%s@example.com" % rng.choice(users)
    head = headers(number, sender, ["Content-Type: text/plain; charset=us-ascii"])
    body = ""
    target = rng.randrange(1800, 2800)
    while len(body) < target:
        body += paragraph() + "\n"
    return (head + "\n" + body).encode()


def big():
    boundary = "=-=-=bench-boundary=-=-="
    head = headers(
        10**6, "alice@example.com",
        ['Content-Type: multipart/mixed; boundary="%s"' % boundary])
    payload = base64.encodebytes(rng.randbytes(7_760_000)).decode()
    return (
        head + "\n--" + boundary + "\nContent-Type: text/plain\n\n" + paragraph()
        + "\n--" + boundary + "\nContent-Type: application/octet-stream\n"
        "Content-Transfer-Encoding: base64\n"
        'Content-Disposition: attachment; filename="data.bin"\n\n'
        + payload + "\n--" + boundary + "--\n").encode()


os.makedirs(os.path.join(directory, "small"), exist_ok=True)
for n in range(count):
    with open(os.path.join(directory, "small", "%04d.eml" % n), "wb") as handle:
        handle.write(small(n))
with open(os.path.join(directory, "big.eml"), "wb") as handle:
    handle.write(big())
