#!/usr/bin/python3
"""Parses every Authentication-Results field of a message on stdin with the authres
module (python3-authres, RFC 8601), for toaster-dk-queue's tests.

Prints per field "id AUTHSERV-ID", then one line per result:
  METHOD RESULT reason=REASON TYPE.NAME=VALUE ...
Exits 1 when a field does not parse.
"""
import email
import email.policy
import sys

import authres


def main():
    message = email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.compat32)
    for value in message.get_all("Authentication-Results") or []:
        header = authres.AuthenticationResultsHeader.parse_value(str(value).replace("\n", ""))
        print("id", header.authserv_id)
        for result in header.results:
            words = [result.method, result.result]
            if result.reason is not None:
                words.append("reason=" + result.reason)
            words += ["%s.%s=%s" % (p.type, p.name, p.value) for p in result.properties]
            print(" ".join(words))


if __name__ == "__main__":
    main()
