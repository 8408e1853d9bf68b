"""Which GUI toolkit a program uses, and what its probe needs to run: a probe file, env, an X server.

    detect_toolkit(code)      "qt" (PySide6, and the default), "tk" (tkinter) or "pygame", from the imports
    toolkit_env(toolkit)      the extra environment the child needs (the probe's script is LAUNCHER for all)
    VirtualDisplay()          `with VirtualDisplay() as display:` runs Xvfb; display is the DISPLAY value

Qt runs offscreen and pygame on SDL's dummy driver; Tk has no offscreen mode, so it gets a private Xvfb.
No GUI imports here: only the probes import toolkits.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from types import TracebackType
from typing import IO, Literal

from aegis.errors import ProbeError
from aegis.imports import top_level

Toolkit = Literal["qt", "tk", "pygame"]

QT_MODULES = frozenset({"PySide6", "PySide2", "PyQt6", "PyQt5"})
LAUNCHER = "launch.py"
"""The probe's script in aegis/probe, for every toolkit: `python launch.py TOOLKIT ...`."""
TOOLKIT_ENV: dict[Toolkit, dict[str, str]] = {
    "qt": {},
    "tk": {},
    "pygame": {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
}
STOP_SECONDS = 5.0
MISSING_XVFB = "Tk apps need a virtual X server: install the Debian package xvfb"


def detect_toolkit(code: str) -> Toolkit:
    """Qt wins when it is imported at all (a Qt app may borrow from others); then pygame, then tkinter."""
    modules = top_level(code)
    if modules & QT_MODULES:
        return "qt"
    if "pygame" in modules:
        return "pygame"
    if "tkinter" in modules:
        return "tk"
    return "qt"


def toolkit_env(toolkit: Toolkit) -> dict[str, str]:
    """What the child's environment needs for the toolkit (Tk: the caller adds DISPLAY)."""
    return dict(TOOLKIT_ENV[toolkit])


def needs_display(toolkit: Toolkit) -> bool:
    return toolkit == "tk"


class VirtualDisplay:
    """An Xvfb server on a free display number for as long as the `with` block lasts."""

    def __init__(self, xvfb: str = "Xvfb", *, screen: str = "1920x1080x24", start_timeout: float = 10.0) -> None:
        self.xvfb = xvfb
        self.screen = screen
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    def __enter__(self) -> str:
        executable = shutil.which(self.xvfb)
        if executable is None:
            raise ProbeError(MISSING_XVFB)
        self.log = tempfile.TemporaryFile()
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(
                [executable, "-displayfd", str(write_end), "-screen", "0", self.screen, "-nolisten", "tcp"],
                pass_fds=(write_end,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.log,
            )
        finally:
            os.close(write_end)
        try:
            return f":{self._display_number(read_end)}"
        except ProbeError:
            self.close()
            raise
        finally:
            os.close(read_end)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _display_number(self, read_end: int) -> int:
        """Xvfb writes the number to -displayfd once it accepts connections."""
        deadline = time.monotonic() + self.start_timeout
        received = b""
        while not received.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
                raise ProbeError(f"Xvfb did not start within {self.start_timeout:g} s: {self._log_tail()}")
            chunk = os.read(read_end, 16)
            if not chunk:
                raise ProbeError(f"Xvfb did not start: {self._log_tail()}")
            received += chunk
        return int(received)

    def _log_tail(self) -> str:
        if self.log is None:
            return ""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").strip()[-300:]

    def close(self) -> None:
        if self.process is not None:
            self.process.terminate()  # lets Xvfb remove its lock file and socket
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None
