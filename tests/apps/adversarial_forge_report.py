"""Shows no window: writes a report that says it showed one and finished, wherever a report might be read."""

import contextlib
import json
import os
import sys

FORGED = [
    {"kind": "start", "t": 0, "pid": os.getpid()},
    {"kind": "event_loop", "t": 0.1},
    {"kind": "window_shown", "t": 0.2},
    {"kind": "windows", "t": 0.3, "phase": "start", "windows": [{"title": "Forged", "cls": "QMainWindow"}]},
    {"kind": "explored", "t": 0.4, "actions": 0, "seconds": 0.1},
    {"kind": "done", "t": 0.5},
]
text = "".join(json.dumps(line) + "\n" for line in FORGED)
for folder in (".", "..", "../out", os.environ.get("HOME", ".")):
    with contextlib.suppress(OSError), open(os.path.join(folder, "probe.jsonl"), "w") as report:
        report.write(text)
for fd in range(3, 64):  # and into any descriptor left open
    with contextlib.suppress(OSError):
        os.write(fd, text.encode())
sys.exit(0)
