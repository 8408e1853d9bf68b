"""Write src/aegis/data/pyside6_names.json: the public names of each importable PySide6 module.

The AEGIS core never imports PySide6, so the static pre-check reads this table instead.
Run with the project's venv:  .venv/bin/python scripts/gen_pyside_names.py
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import PySide6

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "aegis" / "data" / "pyside6_names.json"


def qt_module_names() -> list[str]:
    found = pkgutil.iter_modules(PySide6.__path__)
    return sorted(m.name for m in found if m.name.startswith("Qt"))


def public_names(module_name: str) -> list[str] | None:
    try:
        module = importlib.import_module(f"PySide6.{module_name}")
    except ImportError as error:
        print(f"skipped {module_name}: {error}", file=sys.stderr)
        return None
    return sorted(name for name in dir(module) if not name.startswith("_"))


def build_table() -> dict[str, object]:
    modules: dict[str, list[str]] = {}
    for name in qt_module_names():
        names = public_names(name)
        if names:
            modules[name] = names
    return {"version": PySide6.__version__, "modules": modules}


def main() -> None:
    text = json.dumps(build_table(), indent=0, sort_keys=True) + "\n"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
