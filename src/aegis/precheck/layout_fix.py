"""A QMainWindow shows only its central widget: `self.setLayout(layout)` on one is ignored and the window is empty.

Small models write it again and again, and a repair prompt rarely cures it (the embedded model kept it for three
rounds of "a calculator" after being told). The fix needs no guessing, so it is made before the program runs:

    self.setLayout(grid)      ->    self.setCentralWidget(QWidget())
                                    self.centralWidget().setLayout(grid)

Only when the class derives from QMainWindow, calls `self.setLayout(...)` once as a statement of its own line,
and never sets a central widget itself. `QWidget` is imported afterwards by the import fixes.

The other way round, a QWidget subclass that calls QMainWindow's own methods (`self.setCentralWidget(board)`,
`self.statusBar()`) raises AttributeError as its window is built; it becomes a QMainWindow

    class TetrisWindow(QWidget):  ->  class TetrisWindow(QMainWindow):

when `QWidget` is its only base, written as that plain name, and it never puts a layout on itself (a layout on
a QMainWindow is ignored). `QMainWindow` is imported afterwards by the import fixes.

And `layout` is a QWidget method that returns the layout set on the widget, so a class that sets its layout and
then adds to `self.layout` raises "'builtin_function_or_method' object has no attribute 'addWidget'":

    self.setLayout(QGridLayout())
    self.layout.addWidget(button, row, column)   ->   self.layout().addWidget(button, row, column)

when the class (not a QMainWindow) puts a layout on itself and nothing in the program assigns a `.layout`.
"""

from __future__ import annotations

import ast
import io

from aegis.precheck.bindings import base_names

MAIN_WINDOW_METHODS = frozenset(
    {"setCentralWidget", "centralWidget", "menuBar", "setMenuBar", "statusBar", "setStatusBar", "addToolBar"}
    | {"addDockWidget", "takeCentralWidget"}
)
"""QMainWindow's own methods that a small model calls on a QWidget subclass."""


def fix_main_window_layout(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with each such call rewritten, and one line per class fixed."""
    tree = ast.parse(code)
    lines = io.StringIO(code, newline="").readlines()
    fixes: list[str] = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and _is_main_window(node)):
        calls = [node for node in ast.walk(cls) if isinstance(node, ast.Call)]
        if any(_self_method(call) == "setCentralWidget" for call in calls):
            continue
        statements = [s for s in ast.walk(cls) if isinstance(s, ast.Expr) and _self_method(s.value) == "setLayout"]
        if len(statements) != 1 or not _alone_on_its_line(statements[0], lines):
            continue
        statement = statements[0]
        line = lines[statement.lineno - 1]
        indent = line[: len(line) - len(line.lstrip())]
        ending = line[len(line.rstrip("\r\n")) :] or "\n"
        layout = ast.get_source_segment(code, statement.value.args[0])  # type: ignore[attr-defined]
        lines[statement.lineno - 1] = (
            f"{indent}self.setCentralWidget(QWidget()){ending}{indent}self.centralWidget().setLayout({layout}){ending}"
        )
        fixes.append(f"put the layout of QMainWindow {cls.name} on a central widget (its setLayout() is ignored)")
    return "".join(lines), fixes


def fix_widget_main_window(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with each QWidget subclass that uses QMainWindow's own methods made a QMainWindow."""
    tree = ast.parse(code)
    lines = io.StringIO(code, newline="").readlines()
    fixes: list[str] = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        base = cls.bases[0] if len(cls.bases) == 1 and not cls.keywords else None
        if not isinstance(base, ast.Name) or base.id != "QWidget" or base.lineno != base.end_lineno:
            continue
        calls = [node for node in ast.walk(cls) if isinstance(node, ast.Call)]
        used = sorted({name for call in calls if (name := _self_call(call)) in MAIN_WINDOW_METHODS})
        if not used or any(_self_call(call) == "setLayout" or _lays_out_self(call) for call in calls):
            continue
        line = lines[base.lineno - 1].encode()
        start, end = base.col_offset, base.end_col_offset or base.col_offset
        lines[base.lineno - 1] = (line[:start] + b"QMainWindow" + line[end:]).decode()
        fixes.append(f"made {cls.name} a QMainWindow: it calls {', '.join(used)}, which a QWidget does not have")
    return "".join(lines), fixes


def fix_layout_method(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with `self.layout.name` made `self.layout().name` where the fix is certain."""
    tree = ast.parse(code)
    if any(isinstance(node, ast.Attribute) and node.attr == "layout" and not _loads(node) for node in ast.walk(tree)):
        return code, []
    lines = io.StringIO(code, newline="").readlines()
    fixes: list[str] = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and not _is_main_window(node)):
        calls = [node for node in ast.walk(cls) if isinstance(node, ast.Call)]
        if "layout" in _class_body_names(cls) or not any(
            _self_call(call) == "setLayout" or _lays_out_self(call) for call in calls
        ):
            continue
        uses = [node.value for node in ast.walk(cls) if isinstance(node, ast.Attribute) and _is_self_layout(node.value)]
        for use in sorted(uses, key=lambda node: (node.lineno, node.col_offset), reverse=True):
            line = lines[use.lineno - 1].encode()
            end = use.end_col_offset or 0
            lines[use.lineno - 1] = (line[:end] + b"()" + line[end:]).decode()
        if uses:
            fixes.append(
                f"self.layout.name -> self.layout().name in {cls.name} (layout() returns the layout set on it)"
            )
    return "".join(lines), fixes


def _is_self_layout(node: ast.expr) -> bool:
    """`self.layout` read on one line, the object of a further attribute (`self.layout.addWidget`)."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "layout"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and node.lineno == node.end_lineno
    )


def _class_body_names(cls: ast.ClassDef) -> set[str]:
    """Names the class body itself binds: its methods and class attributes."""
    names = {node.name for node in cls.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    for node in cls.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


def _loads(node: ast.Attribute) -> bool:
    return isinstance(node.ctx, ast.Load)


def _self_call(node: ast.Call) -> str:
    """`name` for a call `self.name(...)`, else ''."""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
        return func.attr
    return ""


def _lays_out_self(call: ast.Call) -> bool:
    """`QVBoxLayout(self)` and the like: a layout put on the object itself."""
    named = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    first = call.args[0] if call.args else None
    return named.endswith("Layout") and isinstance(first, ast.Name) and first.id == "self"


def _is_main_window(cls: ast.ClassDef) -> bool:
    return "QMainWindow" in base_names(cls)


def _self_method(node: ast.expr) -> str:
    """`name` for a call `self.name(one_argument)`, else ''."""
    if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
        return ""
    return _self_call(node)


def _alone_on_its_line(statement: ast.stmt, lines: list[str]) -> bool:
    """One line to itself (a trailing comment aside), so the rewrite can replace the line."""
    if statement.end_lineno != statement.lineno:
        return False
    line = lines[statement.lineno - 1]
    before = line.encode()[: statement.col_offset].decode(errors="ignore")
    after = line.encode()[statement.end_col_offset or 0 :].decode(errors="ignore").strip()
    return not before.strip() and (not after or after.startswith("#"))
