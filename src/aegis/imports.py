"""What a program imports, read from its source without running it: the one import scanner.

    scan(code) -> list[Import]      every runtime import, in source order (raises SyntaxError, also for a
                                    program nested too deeply for Python's parser)
    top_level(code) -> set[str]     the top-level names of those imports; none when the code does not parse

Absolute imports only (a relative import names the program's own files). `from X import Y` gives X and
X.Y (Y may be a module). Imports under `if TYPE_CHECKING:` never run and are left out (their `else:` is
kept); `__import__("x")` and `importlib.import_module("x")` with a literal name count.
Used to pick the toolkit's probe, to decide the program's dependencies and to name PyInstaller's hidden imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

TOO_DEEP = "the program is nested too deeply for Python to parse"


@dataclass(frozen=True)
class Import:
    name: str
    """The dotted module name, e.g. `PySide6.QtWidgets`."""
    line: int
    column: int

    @property
    def top(self) -> str:
        return self.name.split(".")[0]


def scan(code: str) -> list[Import]:
    try:
        tree = ast.parse(code)
    except (RecursionError, MemoryError):  # e.g. `x = 1+1+...` 3,000 terms long
        raise SyntaxError(TOO_DEEP) from None
    found = [Import(name, *where) for name, where in _imports(tree)]
    return sorted(found, key=lambda i: (i.line, i.column))


def top_level(code: str) -> set[str]:
    try:
        return {found.top for found in scan(code)}
    except (SyntaxError, ValueError):  # ValueError: source with NUL bytes
        return set()


def _imports(tree: ast.AST) -> Iterator[tuple[str, tuple[int, int]]]:
    for node in _walk_runtime(tree):
        where = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        if isinstance(node, ast.Import):
            yield from ((alias.name, where) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, where
            yield from ((f"{node.module}.{alias.name}", where) for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and (name := _dynamic_import(node)):
            yield name, where


def _walk_runtime(tree: ast.AST) -> Iterator[ast.AST]:
    """ast.walk, skipping the bodies of `if TYPE_CHECKING:` (their `else:` still runs)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
        else:
            todo.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _dynamic_import(call: ast.Call) -> str | None:
    """The name in `__import__("x.y")` or `importlib.import_module("x.y")` with a literal argument."""
    func = call.func
    named = (isinstance(func, ast.Name) and func.id in ("__import__", "import_module")) or (
        isinstance(func, ast.Attribute) and func.attr == "import_module"
    )
    if not named or not call.args or not isinstance(call.args[0], ast.Constant):
        return None
    value = call.args[0].value
    if not isinstance(value, str) or not value or value.startswith("."):
        return None
    return value
