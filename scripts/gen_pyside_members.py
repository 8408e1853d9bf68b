"""Write src/aegis/data/pyside6_members.json: the classes of QtCore, QtGui, QtWidgets and QtPrintSupport, and
their own members.

For each class: its module, its PySide6 bases (a lookup walks them), its own public attributes (methods,
signals, properties, nested classes, the Qt5 names of its flag types such as `Qt.ItemFlags`) and its nested
enums with their members (reachable from the class too: `QEvent.KeyPress` as well as `QEvent.Type.KeyPress`).
The `Qt` namespace is a class like the others; where a later module extends a class under the same name (QtGui's
`Qt`), the entry holds the union, so a lookup may accept a little more than one import gives. Container aliases
that are no wrapped Qt class (QIntList, QPointList) are left out, so nothing is said about them.
The AEGIS core never imports PySide6, so the member check reads this table instead.
Run with the project's venv:  .venv/bin/python scripts/gen_pyside_members.py
"""

from __future__ import annotations

import enum
import importlib
import json
from pathlib import Path

import PySide6

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "aegis" / "data" / "pyside6_members.json"
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
ALIAS_SUFFIXES = ("Flag", "Option", "Type", "Hint")


def module_classes(module_name: str) -> dict[str, type]:
    """The classes a module defines itself (PySide6 modules load their classes lazily: go through dir())."""
    module = importlib.import_module(f"PySide6.{module_name}")
    found = {}
    for name in dir(module):
        value = getattr(module, name, None)
        own = getattr(value, "__module__", "") == f"PySide6.{module_name}"
        if isinstance(value, type) and own and not isinstance(value, enum.EnumMeta) and _wraps_qt(value):
            found[name] = value
    return found


def _wraps_qt(cls: type) -> bool:
    """A wrapped Qt class (its type is Shiboken's), not a container alias such as QIntList."""
    return type(cls).__module__ == "Shiboken"


def describe(cls: type, module_name: str) -> dict[str, object]:
    enums = {name: sorted(value.__members__) for name, value in _public(cls) if isinstance(value, enum.EnumMeta)}
    members = sorted({name for name, _ in _public(cls) if name not in enums} | flag_aliases(cls, enums))
    bases = [base.__name__ for base in cls.__bases__ if base.__module__.startswith("PySide6.")]
    return {"module": module_name, "bases": bases, "members": members, "enums": dict(sorted(enums.items()))}


def flag_aliases(cls: type, enums: dict[str, list[str]]) -> set[str]:
    """The Qt5 names of flag types that PySide6 still answers (`Qt.ItemFlags`, `Qt.Alignment`), tried by pattern."""
    found = set()
    for enum_name in enums:
        stem = enum_name
        for suffix in ALIAS_SUFFIXES:
            stem = stem.removesuffix(suffix)
        candidates = {f"{enum_name}s", stem} | {f"{stem}{suffix}s" for suffix in ("", *ALIAS_SUFFIXES)}
        for alias in candidates - set(vars(cls)):
            if hasattr(cls, alias):
                found.add(alias)
    return found


def merged(first: dict[str, object] | None, later: dict[str, object]) -> dict[str, object]:
    """A class a later module extends under the same name (QtGui's `Qt` adds to QtCore's): one entry, the union."""
    if first is None:
        return later
    members = sorted(set(first["members"]) | set(later["members"]))  # type: ignore[call-overload]
    enums = {**later["enums"], **first["enums"]}  # type: ignore[dict-item]
    return {**first, "members": members, "enums": dict(sorted(enums.items()))}


def _public(cls: type) -> list[tuple[str, object]]:
    return [(name, value) for name, value in vars(cls).items() if not name.startswith("_")]


def build_table() -> dict[str, object]:
    classes: dict[str, object] = {}
    for module_name in MODULES:
        for name, cls in module_classes(module_name).items():
            classes[name] = merged(classes.get(name), describe(cls, module_name))
    return {"version": PySide6.__version__, "modules": list(MODULES), "classes": dict(sorted(classes.items()))}


def main() -> None:
    text = json.dumps(build_table(), separators=(",", ":"), sort_keys=False) + "\n"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
