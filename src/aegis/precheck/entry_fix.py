"""The main block creates a window class the program never defines: it creates the program's one window class.

The prompt ends every program with `window = MainWindow()`; a small model often names its class otherwise
(`class SnakeGame(QMainWindow)`) and the program dies with a NameError before it shows anything:

    window = MainWindow()     ->    window = SnakeGame()

Only where the name is bound nowhere in the program (no class, function, assignment or import of it), it is
called in the `if __name__ == "__main__":` block, and the program has one window class beyond doubt: exactly one
top-level class deriving from QMainWindow, or, with none, exactly one deriving from QWidget or QDialog that
nothing in the program creates itself (the others are its parts: a board, a cell).
"""

from __future__ import annotations

import ast
import io

MAIN_WINDOWS = frozenset({"QMainWindow"})
WINDOWS = frozenset({"QWidget", "QDialog", "QFrame"})


def fix_window_class(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with the main block's calls of an undefined class renamed, and one line per fix."""
    tree = ast.parse(code)
    main = next((node for node in tree.body if _is_main_block(node)), None)
    window = _window_class(tree)
    if main is None or window is None or _star_imports_own_names(tree):
        return code, []
    bound = _bound_names(tree)
    calls = [
        node.func
        for node in ast.walk(main)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id not in bound
    ]
    wanted = {call.id for call in calls if call.id.endswith(("Window", "App", "Widget"))}
    if len(wanted) != 1:
        return code, []
    name = wanted.pop()
    lines = io.StringIO(code, newline="").readlines()
    for call in sorted((c for c in calls if c.id == name), key=lambda c: (c.lineno, c.col_offset), reverse=True):
        line = lines[call.lineno - 1].encode()
        end = call.end_col_offset or call.col_offset
        lines[call.lineno - 1] = (line[: call.col_offset] + window.encode() + line[end:]).decode()
    return "".join(lines), [f"the main block creates {name}, which the program never defines: it creates {window}"]


def _window_class(tree: ast.Module) -> str | None:
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    main_windows = [cls.name for cls in classes if _bases(cls) & MAIN_WINDOWS]
    if main_windows:
        return main_windows[0] if len(main_windows) == 1 else None
    created = {
        node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    windows = [cls.name for cls in classes if _bases(cls) & WINDOWS and cls.name not in created]
    return windows[0] if len(windows) == 1 else None


def _bases(cls: ast.ClassDef) -> set[str]:
    return {base.id for base in cls.bases if isinstance(base, ast.Name)}


def _bound_names(tree: ast.Module) -> set[str]:
    """Every name the program binds anywhere (a generous view: any binding counts)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _star_imports_own_names(tree: ast.Module) -> bool:
    """`from helpers import *` may bind the name; PySide6's star imports bind only Qt's."""
    return any(
        isinstance(node, ast.ImportFrom)
        and any(alias.name == "*" for alias in node.names)
        and not (node.module or "").startswith("PySide6")
        for node in ast.walk(tree)
    )


def _is_main_block(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    sides = [node.test.left, *node.test.comparators]
    return any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides)
