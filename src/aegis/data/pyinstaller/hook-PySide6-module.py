"""AEGIS's stand-in for PyInstaller's hook of one PySide6 module (copied as hook-PySide6.<Module>.py).

It collects what the stock hook collects, minus the Qt plugins and translations that match a pattern in
prune.json beside it; because that happens before PyInstaller resolves shared-library dependencies, the
system libraries only those plugins need (Wayland, EGL, GTK, Kerberos...) are left out too.
"""

from __future__ import annotations

import fnmatch
import json
import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info  # type: ignore[import-untyped]

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
if os.path.basename(__file__) == "hook-PySide6.QtNetwork.py":
    binaries += pyside6_library_info.collect_qtnetwork_files()

with open(os.path.join(os.path.dirname(__file__), "prune.json"), encoding="utf-8") as file:
    PRUNE = json.load(file)


def _kept(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    def dest(src: str, folder: str) -> str:
        return os.path.join(folder, os.path.basename(src)).replace(os.sep, "/")

    return [(src, folder) for src, folder in entries if not any(fnmatch.fnmatch(dest(src, folder), p) for p in PRUNE)]


binaries = _kept(binaries)
datas = _kept(datas)
