#!/usr/bin/env python3
"""Connects from SOURCE_IP to 127.0.0.1:PORT, sends "SENDER RECIPIENT..." and the message
from standard input, half-closes, and prints the server's answer.

  mini-client.py SOURCE_IP PORT SENDER RECIPIENT... < message
"""
import socket
import sys

source, port, *envelope = sys.argv[1:]
message = sys.stdin.buffer.read()
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as connection:
    connection.bind((source, 0))
    connection.connect(("127.0.0.1", int(port)))
    connection.sendall(" ".join(envelope).encode() + b"\n" + message)
    connection.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        chunk = connection.recv(65536)
        if not chunk:
            break
        answer += chunk
sys.stdout.buffer.write(answer)
