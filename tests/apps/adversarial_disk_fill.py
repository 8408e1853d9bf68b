"""Fills its folder with many files, each under the per-file cap."""

import sys

files, megabytes = int(sys.argv[1]), int(sys.argv[2])
chunk = b"x" * (1 << 20)
for number in range(files):
    with open(f"fill-{number}.bin", "wb") as fill:
        for _ in range(megabytes):
            fill.write(chunk)
            fill.flush()
    print("wrote file", number, flush=True)
