"""Asks for 30 GB at once, then for 30 GB in 256 MB pieces."""

import sys

try:
    hoard = bytearray(30 << 30)
except MemoryError:
    print("30 GB at once: MemoryError", file=sys.stderr, flush=True)
pieces = [bytearray(256 << 20) for _ in range(120)]
print(f"allocated {len(pieces) * 256} MB")
