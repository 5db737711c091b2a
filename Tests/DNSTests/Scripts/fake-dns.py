#!/usr/bin/python3
"""A DNS server on loopback that answers as told, for failures real servers will not make.

Usage: fake-dns.py CONFIG.json

CONFIG: {"address": "127.0.0.1", "port": 0, "names": {NAME: BEHAVIOUR, ...}}
BEHAVIOUR (one of):
  {"rcode": "SERVFAIL" | "REFUSED" | "NXDOMAIN" | "NOTIMP" | "FORMERR"}
  {"silent": true}                      read the query, never answer
  {"truncated": true}                   TC=1, empty answer (a server without TCP)
  {"txt": [["string", ...], ...], "ttl": 60}   one TXT record per list, strings as given
  {"cname": "target.name.", "ttl": 60}  a CNAME; the target's records follow when known
  {"nodata": true}                      NOERROR, no answer
Names not listed get NXDOMAIN. Strings are sent as latin-1 bytes, so any byte can be given.
Prints "ready PORT" once bound, then "query NAME TYPE" for each question, flushed.
Debian's python3-dnslib is installed for /usr/bin/python3 only.
"""
import json
import socket
import sys

from dnslib import CNAME, DNSRecord, QTYPE, RCODE, RR, SOA, TXT, DNSLabel


def soa_for(name):
    zone = DNSLabel(".".join(str(name).rstrip(".").split(".")[-2:]) + ".")
    return RR(zone, QTYPE.SOA, ttl=300,
              rdata=SOA("ns." + str(zone), "hostmaster." + str(zone), (1, 3600, 600, 86400, 300)))


def answer(request, names):
    question = request.q
    name = str(question.qname).lower()
    reply = request.reply()
    reply.header.ra = 1
    seen = set()
    while True:
        behaviour = names.get(name)
        if behaviour is None:
            if not reply.rr:
                reply.header.rcode = RCODE.NXDOMAIN
                reply.add_auth(soa_for(question.qname))
            return reply
        if behaviour.get("silent"):
            return None
        if "rcode" in behaviour:
            reply.header.rcode = getattr(RCODE, behaviour["rcode"])
            return reply
        if behaviour.get("truncated"):
            reply.header.tc = 1
            return reply
        ttl = behaviour.get("ttl", 60)
        if "cname" in behaviour:
            reply.add_answer(RR(name, QTYPE.CNAME, ttl=ttl, rdata=CNAME(behaviour["cname"])))
            if question.qtype == QTYPE.CNAME or name in seen:
                return reply
            seen.add(name)
            name = behaviour["cname"].lower()
            continue
        if "txt" in behaviour and question.qtype in (QTYPE.TXT, QTYPE.ANY):
            for strings in behaviour["txt"]:
                data = [s.encode("latin-1") for s in strings]
                reply.add_answer(RR(name, QTYPE.TXT, ttl=ttl, rdata=TXT(data)))
        if not reply.rr:
            reply.add_auth(soa_for(question.qname))
        return reply


def main():
    with open(sys.argv[1]) as handle:
        config = json.load(handle)
    names = {key.lower() if key.endswith(".") else key.lower() + ".": value
             for key, value in config["names"].items()}
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((config.get("address", "127.0.0.1"), config.get("port", 0)))
    print("ready", sock.getsockname()[1], flush=True)
    while True:
        data, peer = sock.recvfrom(4096)
        try:
            request = DNSRecord.parse(data)
        except Exception:
            continue
        print("query", str(request.q.qname).lower(), QTYPE[request.q.qtype], flush=True)
        reply = answer(request, names)
        if reply is None:
            continue
        try:
            packet = reply.pack()
        except Exception as error:  # a string over 255 bytes in the config, say: say so
            print("cannot answer", str(request.q.qname), error, flush=True)
            continue
        sock.sendto(packet, peer)


if __name__ == "__main__":
    main()
