"""Leaves a daemon behind: double fork, setsid, then `sleep` (its seconds in argv[1]). The daemon writes
daemon-started at once and daemon-survived.txt two seconds later, in the current folder."""

import os
import sys
import time
from pathlib import Path

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        Path("daemon-started.txt").write_text(str(os.getpid()))
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", sys.argv[1]])
        time.sleep(2)
        Path("daemon-survived.txt").write_text("still here")
        os._exit(0)
    os._exit(0)
while not Path("daemon-started.txt").exists():
    time.sleep(0.01)
print("left a daemon behind")
