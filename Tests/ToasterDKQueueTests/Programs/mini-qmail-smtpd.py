#!/usr/bin/env python3
"""Stands in for qmail-smtpd under tcpserver in toaster-dk-queue's tests: it hands one
message to $QMAILQUEUE exactly as qmail.c's qmail_open/qmail_close do, and reports back.

Reads from the connection one line "SENDER RECIPIENT..." and then the message up to end
of input. Starts $QMAILQUEUE with the message pipe on fd 0, the envelope pipe on fd 1 and
the error pipe on fd 4; writes the whole message, closes fd 0, only then writes the
envelope (F sender NUL, T recipient NUL each, NUL); reads fd 4 until end of file (at most
255 bytes) before waiting. Answers "STATUS TEXT" (STATUS is -N when killed by signal N).
"""
import os
import sys


def main():
    data = sys.stdin.buffer.read()
    first, _, message = data.partition(b"\n")
    sender, *recipients = first.split(b" ")
    envelope = b"F" + sender + b"\0" + b"".join(b"T" + r + b"\0" for r in recipients) + b"\0"
    message_read, message_write = os.pipe()
    envelope_read, envelope_write = os.pipe()
    error_read, error_write = os.pipe()
    program = os.environ["QMAILQUEUE"]
    pid = os.posix_spawn(
        program, [program], os.environ,
        file_actions=[
            (os.POSIX_SPAWN_DUP2, message_read, 0),
            (os.POSIX_SPAWN_DUP2, envelope_read, 1),
            (os.POSIX_SPAWN_DUP2, error_write, 4),
        ])
    for fd in (message_read, envelope_read, error_write):
        os.close(fd)
    try:
        write_all(message_write, message)
    except BrokenPipeError:
        pass
    os.close(message_write)
    try:
        write_all(envelope_write, envelope)
    except BrokenPipeError:
        pass
    os.close(envelope_write)
    text = b""
    while len(text) < 255:
        chunk = os.read(error_read, 255 - len(text))
        if not chunk:
            break
        text += chunk
    _, status = os.waitpid(pid, 0)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    sys.stdout.buffer.write(b"%d %s\n" % (code, text))


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


main()
