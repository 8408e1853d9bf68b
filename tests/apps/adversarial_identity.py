"""Reads a root-only file and says who it is."""

import os

print("uid", os.getuid())
try:
    with open("/etc/shadow") as secrets:
        print("read /etc/shadow:", len(secrets.read()), "characters")
except OSError as exc:
    print("refused:", type(exc).__name__)
