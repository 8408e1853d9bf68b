"""What goes into a packaged app: decided from the app's own imports, before PyInstaller runs.

    hidden_imports(code)         every module the app names in an import (PyInstaller's analysis inputs)
    excludes(code, toolkit, ...) modules left out: PySide6 modules the app cannot reach, test suites, tools
    needs_addons(code)           whether the app imports a PySide6 module that only PySide6-Addons has
    PRUNED                       Qt plugins and translations no desktop widget app needs (dest-path globs)

Only pure functions of the source text and small tables: packager.py turns them into PyInstaller's plan.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from aegis.imports import scan
from aegis.probe.options import SESSIONS
from aegis.verdict.toolkit import Toolkit

QT_HOOKED = (
    "QtConcurrent", "QtCore", "QtDBus", "QtDesigner", "QtGui", "QtHelp", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets",
    "QtPrintSupport", "QtQuick", "QtQuickWidgets", "QtSql", "QtSvg", "QtSvgWidgets", "QtTest", "QtUiTools",
    "QtWidgets", "QtXml",
)  # fmt: skip
"""PySide6 modules whose stock PyInstaller hook is the plain `add_qt6_dependencies` one (QtNetwork adds its
network files), so data/pyinstaller/hook-PySide6-module.py can stand in for it and prune what it collects."""
PROBE_QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtTest"})
"""What the probe inside every Qt package imports (it explores the GUI with QTest)."""
UNUSED_STDLIB = ("tkinter", "idlelib", "test", "lib2to3", "ensurepip", "venv", "pydoc", "doctest", "unittest")
"""Standard-library parts no generated GUI app needs unless it imports them: test suites and tools."""
OPENSSL_USERS = frozenset(
    {"ssl", "hashlib", "hmac", "http", "urllib", "smtplib", "ftplib", "imaplib", "poplib", "xmlrpc", "asyncio"}
)
"""Imports that may need OpenSSL (`_ssl`, `_hashlib`); without them random's fallback import of hashlib must
not drag libcrypto (about 2 MB compressed) in."""
PRUNED: tuple[str, ...] = (
    "PySide6/Qt/translations/*",
    "PySide6/Qt/plugins/wayland-*/*",
    "PySide6/Qt/plugins/platforms/libqwayland*",
    "PySide6/Qt/plugins/platforms/libqeglfs*",
    "PySide6/Qt/plugins/platforms/libqminimalegl*",
    "PySide6/Qt/plugins/platforms/libqlinuxfb*",
    "PySide6/Qt/plugins/platforms/libqvnc*",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay*",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-egl-integration*",
    "PySide6/Qt/plugins/tls/*",
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/generic/*",
    "PySide6/Qt/plugins/platformthemes/libqgtk3*",
    "PySide6/Qt/plugins/imageformats/libqtga*",
    "PySide6/Qt/plugins/imageformats/libqicns*",
    "PySide6/Qt/plugins/imageformats/libqtiff*",
    "PySide6/Qt/plugins/imageformats/libqwbmp*",
    "PySide6/Qt/plugins/imageformats/libqpdf*",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboard*",
)
"""Left out of every Qt package: Wayland, EGL/KMS, VNC and framebuffer platforms (the app runs on X11/XWayland
through xcb; offscreen stays for checks), TLS and network-information backends, touch input, the GTK theme
(it drags in cairo, pango and GTK's own libraries), rare image formats (TGA, ICNS, TIFF, WBMP, PDF) and Qt's
translations of its own dialogs. bench/prune_check.py removes each group in turn from a full package and
re-runs the executable's headless check (bench/results/<date>-prune.json)."""


def imports(code: str) -> list[str]:
    """Module names the code imports at run time, `from X import Y` giving X and X.Y, in order."""
    return list(dict.fromkeys(found.name for found in scan(code)))


def hidden_imports(code: str, toolkit: Toolkit) -> list[str]:
    """The app's imports plus the probe's session for its toolkit; sorted, so the analysis cache keys are stable."""
    return sorted({*imports(code), SESSIONS[toolkit]})  # aegis/probe/child.py imports it by name


def pyside6_modules(code: str) -> set[str]:
    return {name.split(".")[1] for name in imports(code) if name.startswith("PySide6.") and name.count(".") >= 1}


def needs_addons(code: str) -> bool:
    known = set(_qt_deps())
    return any(module.startswith("Qt") and module not in known for module in pyside6_modules(code))


def excludes(code: str, toolkit: Toolkit, *, extra_packages: bool = False) -> list[str]:
    """Modules PyInstaller must not collect. `__main__` comes last: PyInstaller appends it to a list without
    it, which would change the analysis inputs on every build and defeat the cache."""
    top = {name.split(".")[0] for name in imports(code)}
    left_out = [name for name in UNUSED_STDLIB if name not in top]
    if not extra_packages and not top & OPENSSL_USERS:
        left_out += ["_ssl", "_hashlib"]
    return sorted({*left_out, *_qt_excludes(code, toolkit)}) + ["__main__"]


def _qt_excludes(code: str, toolkit: Toolkit) -> list[str]:
    deps = _qt_deps()
    used = pyside6_modules(code) | (PROBE_QT_MODULES if toolkit == "qt" else set())
    if any(module.startswith("Qt") and module not in deps for module in used):
        return []  # a module from PySide6-Addons: its dependencies are not in the table, leave PySide6 alone
    keep: set[str] = set()
    todo = [m for m in used if m in deps]
    while todo:
        module = todo.pop()
        if module not in keep:
            keep.add(module)
            todo += deps[module]
    return [f"PySide6.{module}" for module in sorted(deps) if module not in keep]


@cache
def _qt_deps() -> dict[str, list[str]]:
    """PySide6-Essentials' modules and the Qt modules each one links against (read from its binaries)."""
    text = (resources.files("aegis") / "data" / "pyinstaller" / "qt_module_deps.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return {str(k): [str(v) for v in values] for k, values in data.items()}
