"""Runs inside the child process of a Tkinter app, before any app code:

    python tk_launch.py REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]

launch.py with Tk in place of Qt (see tk/session.py). DISPLAY must name an X server: the core starts
Xvfb for it (aegis.verdict.toolkit.VirtualDisplay). Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # keep our files out of the app's way
sys.path.append(str(_HERE.parent.parent))


def main() -> None:
    from aegis.probe.child import start

    start("tk")


if __name__ == "__main__":
    main()
