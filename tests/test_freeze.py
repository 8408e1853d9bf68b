"""What goes into a package, decided from the app's imports (fast: no PyInstaller here)."""

from __future__ import annotations

from pathlib import Path

from aegis.package import freeze
from aegis.package.buildenv import BuildEnvs, build_requirements

COUNTER = (Path(__file__).parent / "apps" / "counter_ok.py").read_text(encoding="utf-8")


def test_widget_app_keeps_the_qt_modules_it_and_the_probe_reach_and_excludes_the_rest() -> None:
    excluded = freeze.excludes(COUNTER, "qt")
    for needed in ("QtCore", "QtGui", "QtWidgets", "QtTest", "QtDBus"):
        assert f"PySide6.{needed}" not in excluded
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "tkinter", "unittest"} <= set(excluded)
    assert excluded[-1] == "__main__"  # PyInstaller appends it otherwise, which defeats its cache


def test_modules_an_imported_qt_module_links_against_are_kept() -> None:
    code = "from PySide6.QtSvgWidgets import QSvgWidget\nfrom PySide6.QtQuickWidgets import QQuickWidget\n"
    excluded = freeze.excludes(code, "qt")
    assert not {"PySide6.QtSvg", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtNetwork"} & set(excluded)
    assert "PySide6.QtHelp" in excluded


def test_an_addons_module_brings_pyside6_addons_and_excludes_no_qt_module() -> None:
    code = "from PySide6.QtCharts import QChart\nfrom PySide6.QtWidgets import QApplication\n"
    assert freeze.needs_addons(code) and not freeze.needs_addons(COUNTER)
    assert not [name for name in freeze.excludes(code, "qt") if name.startswith("PySide6")]


def test_openssl_is_left_out_unless_the_app_may_need_it() -> None:
    assert {"_ssl", "_hashlib"} <= set(freeze.excludes(COUNTER, "qt"))
    assert "_hashlib" not in freeze.excludes("import hashlib\n" + COUNTER, "qt")
    assert "_ssl" not in freeze.excludes(COUNTER, "qt", extra_packages=True)


def test_hidden_imports_name_the_apps_imports_and_the_probe_session() -> None:
    hidden = freeze.hidden_imports("import sys\nfrom PySide6 import QtWidgets\nfrom . import sibling\n", "qt")
    assert hidden == sorted(["sys", "PySide6", "PySide6.QtWidgets", "aegis.probe.qt.session"])
    assert "aegis.probe.tk.session" in freeze.hidden_imports("import tkinter\n", "tk")


def test_build_environments_are_keyed_by_what_they_hold(tmp_path: Path) -> None:
    plain = build_requirements(addons=False)
    assert any(r.startswith("PySide6-Essentials==") for r in plain) and not any("Addons" in r for r in plain)
    envs = BuildEnvs(tmp_path)
    assert envs.key(plain) == envs.key(list(plain))
    assert envs.key(plain) != envs.key(build_requirements(addons=False, packages=["numpy"]))
    assert envs.key(plain) != envs.key(build_requirements(addons=True))
