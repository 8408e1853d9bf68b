"""Turn raw failures (exception records, stderr) into short Problems a model or a person can act on.

A traceback keeps the app's own frames only, each run of the same frame once (a virtual override that
recurses through Qt repeats it); PySide's "Error calling Python override of X::y(): " prefix, nested once
per level, is said once, so the model reads the root error first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aegis.schema import Problem

MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")

DEBIAN_PACKAGES = {
    "libpulse.so.0": "libpulse0",
    "libpulse-mainloop-glib.so.0": "libpulse-mainloop-glib0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libasound.so.2": "libasound2",
    "libgstreamer-1.0.so.0": "libgstreamer1.0-0",
    "libnss3.so": "libnss3",
    "libportaudio.so.2": "libportaudio2",
    "libsndfile.so.1": "libsndfile1",
    "libzbar.so.0": "libzbar0",
    "libtk8.6.so": "tk8.6",
}

OVERRIDE_CHAIN = re.compile(r"(Error calling Python override of [\w:~]+\(\): )+")
TRACEBACK_FRAMES = 6
"""App frames kept in a trimmed traceback: enough to find the bug, short enough for a small model."""


def exception_problem(record: dict[str, Any], app: Path) -> Problem:
    """An uncaught exception as the probe recorded it; the traceback is trimmed to the app's own frames."""
    library = library_problem_from_text(record["message"])
    if library is not None:
        return library
    summary = f"{record['type']}: {condensed(record['message'])}".strip()
    if record["type"] == "ModuleNotFoundError":
        return Problem(kind="missing_module", message=summary, traceback=trim_traceback(record, app))
    return Problem(kind="exception", message=summary, traceback=trim_traceback(record, app))


def condensed(message: str) -> str:
    """The message with a nested chain of override prefixes said once."""
    return OVERRIDE_CHAIN.sub(lambda chain: chain.group(1), message)


def trim_traceback(record: dict[str, Any], app: Path) -> str:
    app_name = str(app.resolve())
    own = [tuple(f) for f in record["frames"] if f[0] == app_name]
    frames = [f for n, f in enumerate(own) if n == 0 or f != own[n - 1]][-TRACEBACK_FRAMES:]
    lines = ["Traceback (most recent call last):"]
    for _, lineno, function, code in frames:
        lines.append(f'  File "{app.name}", line {lineno}, in {function}')
        if code:
            lines.append(f"    {code}")
    lines.append(f"{record['type']}: {condensed(record['message'])}")
    return "\n".join(lines)


def library_problem_from_text(text: str) -> Problem | None:
    """A shared library the system lacks: not a bug in the program, so never sent to the model."""
    match = MISSING_LIBRARY.search(text)
    if match is None:
        return None
    library = match.group(1)
    package = DEBIAN_PACKAGES.get(library)
    hint = (
        f"install the Debian package {package} (apt-get install {package})"
        if package
        else "install the system package that provides it"
    )
    return Problem(kind="missing_library", message=f"the system lacks {library}: {hint}")
