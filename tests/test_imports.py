"""The one import scanner: what the toolkit choice, the dependency step and PyInstaller's hidden imports read."""

from __future__ import annotations

import pytest

from aegis.imports import scan, top_level

PROGRAM = """\
import os.path, sys
from typing import TYPE_CHECKING
from PySide6 import QtWidgets
from . import sibling
if TYPE_CHECKING:
    import numpy
else:
    import json
importlib.import_module("yaml.loader")
__import__(".relative")
def later():
    from PIL import Image
"""


def test_scan_lists_runtime_absolute_imports_in_source_order() -> None:
    names = [(i.name, i.line) for i in scan(PROGRAM)]
    assert names == [
        ("os.path", 1),
        ("sys", 1),
        ("typing", 2),
        ("typing.TYPE_CHECKING", 2),
        ("PySide6", 3),
        ("PySide6.QtWidgets", 3),
        ("json", 8),
        ("yaml.loader", 9),
        ("PIL", 12),
        ("PIL.Image", 12),
    ]


def test_top_level_names() -> None:
    assert top_level(PROGRAM) == {"os", "sys", "typing", "PySide6", "json", "yaml", "PIL"}


@pytest.mark.parametrize("code", ["def (:\n", "x = 1\0\n"])
def test_code_that_does_not_parse_has_no_top_level_imports(code: str) -> None:
    assert top_level(code) == set()
    with pytest.raises((SyntaxError, ValueError)):
        scan(code)
