"""Runs inside the child process of a pygame app, before any app code:

    python pygame_launch.py REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]

launch.py with pygame in place of Qt (see pygame/session.py). The core sets SDL_VIDEODRIVER=dummy and
SDL_AUDIODRIVER=dummy, so no display or sound card is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # keep our files out of the app's way
sys.path.append(str(_HERE.parent.parent))


def main() -> None:
    from aegis.probe.child import start

    start("pygame")


if __name__ == "__main__":
    main()
