"""Fills /dev/shm, whose pages count as nobody's file on disk."""

import sys

size = int(sys.argv[1]) << 20
chunk = b"x" * (1 << 20)
try:
    with open("/dev/shm/aegis-fill", "wb") as fill:
        for _ in range(size >> 20):
            fill.write(chunk)
    print("wrote", size >> 20, "MB to /dev/shm", flush=True)
except OSError as exc:
    print("refused:", exc, flush=True)
