"""Splits its memory over two children, each under the per-process cap, together over the run's."""

import os
import sys
import time

size = int(sys.argv[1]) << 20
children = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        block = bytearray(size)
        for offset in range(0, size, 4096):
            block[offset] = 1
        print("child holds", size >> 20, "MB", flush=True)
        time.sleep(3)
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
