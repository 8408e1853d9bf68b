"""Calls whose argument Qt cannot take, rewritten where what was meant is clear.

    self.setFocus(self.board)   ->   self.board.setFocus()

QWidget.setFocus takes no widget (only a Qt.FocusReason); the small model writes the window's setFocus with the
widget to focus as its argument, and the program dies at start with "TypeError: 'PySide6.QtWidgets.QWidget.
setFocus' called with wrong argument types" (the easy bench's snake, seed 2001, both rounds). Only for a call
that is a statement of its own, with one argument that is a plain name or `self.x` (a focus reason is written
`Qt.OtherFocusReason`, with a capital).
"""

from __future__ import annotations

import ast
import io


def fix_focus_argument(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with each `X.setFocus(widget)` statement made `widget.setFocus()`."""
    tree = ast.parse(code)
    lines = io.StringIO(code, newline="").readlines()
    fixes: list[str] = []
    for call in sorted(_focus_calls(tree), key=lambda call: call.lineno, reverse=True):
        line = lines[call.lineno - 1]
        start, end = _offsets(line, call)
        widget = ast.unparse(call.args[0])
        old = ast.unparse(call)
        lines[call.lineno - 1] = line[:start] + f"{widget}.setFocus()" + line[end:]
        fixes.append(f"line {call.lineno}: setFocus takes no widget: {old} -> {widget}.setFocus()")
    return "".join(lines), sorted(fixes)


def _focus_calls(tree: ast.Module) -> list[ast.Call]:
    """The one-line `X.setFocus(widget)` statements."""
    calls = [node.value for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)]
    return [
        call
        for call in calls
        if isinstance(call.func, ast.Attribute)
        and call.func.attr == "setFocus"
        and call.lineno == call.end_lineno
        and len(call.args) == 1
        and not call.keywords
        and _is_widget_reference(call.args[0])
    ]


def _is_widget_reference(node: ast.expr) -> bool:
    """`board` or `self.board`: a lower-case name, not `Qt.OtherFocusReason`."""
    if isinstance(node, ast.Name):
        return node.id[:1].islower()
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def _offsets(line: str, call: ast.Call) -> tuple[int, int]:
    """The call's start and end in `line`, as string indices (ast gives UTF-8 byte offsets)."""
    encoded = line.encode()
    return len(encoded[: call.col_offset].decode()), len(encoded[: call.end_col_offset].decode())
