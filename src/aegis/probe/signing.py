"""The probe's report lines, signed with a per-run key the checked program is never given.

    probe (the app's process)                              AEGIS
    Signer(read_key(key_fd)).line(json_text)  ->  report  ->  verified(key, text) -> (json lines, forged count)

AEGIS writes a fresh key into a pipe and hands the probe its read end; the probe reads it and closes the pipe
before the program's first line runs, so the key is not on the command line, in the environment or in any
file. Each line is "SIGNATURE JSON", the signature an HMAC of the line's number and its JSON: a line the
program writes into the report descriptor, or a signed line it replays or reorders, fails to verify.
Code that searches the probe's own objects in memory could still sign; only a probe outside the program's
process would stop that.

Standard library only, nothing done at import: AEGIS imports it, the probe runs it.
"""

from __future__ import annotations

import hashlib
import hmac
import os

KEY_BYTES = 32
SIGNATURE_CHARS = 32


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def read_key(fd: int) -> bytes:
    """The key from the pipe AEGIS handed over; the pipe is closed after."""
    try:
        return os.read(fd, KEY_BYTES)
    finally:
        os.close(fd)


def signature(key: bytes, number: int, text: str) -> str:
    return hmac.new(key, f"{number}\n{text}".encode(), hashlib.sha256).hexdigest()[:SIGNATURE_CHARS]


class Signer:
    def __init__(self, key: bytes) -> None:
        self._key = key
        self._number = 0

    def line(self, text: str) -> str:
        """One report line: the signature of the next line number and text, then the text."""
        signed = f"{signature(self._key, self._number, text)} {text}"
        self._number += 1
        return signed


def verified(key: bytes, report: str) -> tuple[list[str], int]:
    """The JSON of the lines signed in order, and how many lines were not (forged or out of order). A last line
    without its newline is one a crash cut short: left out, not counted."""
    good: list[str] = []
    forged = 0
    for line in report.split("\n")[:-1]:
        mark, _, text = line.partition(" ")
        if text and hmac.compare_digest(mark, signature(key, len(good), text)):
            good.append(text)
        elif line.strip():
            forged += 1
    return good, forged
