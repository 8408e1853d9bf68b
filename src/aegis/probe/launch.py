"""Runs inside the child process of a GUI app, before any app code:

    python launch.py TOOLKIT REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]      TOOLKIT: qt, tk or pygame

It installs exception hooks, the toolkit's session (for Qt: a message handler too), faulthandler and a hang
watchdog, then runs APP as `__main__`. For Tk, DISPLAY must name an X server (the core starts a private
Xvfb); for pygame the core sets SDL's dummy drivers. When the app enters its event loop, the session waits
for a visible window (no fixed sleep), lets the app settle, records the windows, screenshots and UI
inspections, then explores the GUI one action at a time (dismissing modal dialogs as they appear), takes the
final screenshots and ends the process.
Everything goes to REPORT as JSON lines (records.py), flushed one by one, so a crash loses nothing. The
AEGIS core only reads REPORT; only code in this folder imports PySide6.

A script, not a module: it takes its own folder off sys.path (the app must not import our files by their
short names) and puts the one holding `aegis` on it. Nothing imports it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # keep our files out of the app's way
sys.path.append(str(_HERE.parent.parent))


def main() -> None:
    from aegis.probe.child import start

    start()


if __name__ == "__main__":
    main()
