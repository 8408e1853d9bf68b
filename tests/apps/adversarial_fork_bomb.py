"""A fork bomb: every process forks for ever; each reports its first refused fork, then keeps trying."""

import os
import sys
import time

reported = False
while True:
    try:
        os.fork()
    except OSError as exc:
        if not reported:
            print(f"fork refused: {exc}", file=sys.stderr, flush=True)
            reported = True
        time.sleep(0.05)
