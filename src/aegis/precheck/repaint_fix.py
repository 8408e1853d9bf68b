"""A widget that paints itself changes its state on a timer or a key and never asks to be repainted: the
handler gets `self.update()`.

The small model's game board moves the piece in tick() and draws it in paintEvent, but forgets the repaint
request, so the window never changes and "the piece falls" fails (the easy bench's tetris, seed 2001, round 1):

    def tick(self):                                       def tick(self):
        self.piece = [(x, y + 1) for x, y in self.piece]  ->    self.update()
                                                                self.piece = [(x, y + 1) for x, y in self.piece]

update() only schedules a paint for after the handler returns, so it goes first, where no early `return` can
skip it. Only in a class that defines its own paintEvent and no method of its own named update or repaint, with
no base class of the program's own; only
for the methods a `.timeout` signal is connected to (`self.m`) whose own body (outside any if or loop: the snake
that repainted only on game over) calls no `update` or `repaint`, nor a method of the class that always does;
and keyPressEvent when no such slot repaints every time and nothing in it repaints. Only handlers that use `self`.
One more update() is harmless: Qt paints once for all the requests made before it gets to paint.
"""

from __future__ import annotations

import ast
import io

from aegis.precheck.bindings import base_names, called_name, on_self, self_slots

HANDLERS = frozenset({"keyPressEvent"})
"""Event handlers that change what a board shows (a mouse handler often only starts or ends a drag: not here)."""

REPAINTS = frozenset({"update", "repaint"})


def fix_missing_repaint(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with `self.update()` first in each such handler, and one line per handler."""
    tree = ast.parse(code)
    lines = io.StringIO(code, newline="").readlines()
    fixes: list[str] = []
    inserts: list[tuple[int, str]] = []
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    own = {cls.name for cls in classes}
    for cls in (cls for cls in classes if not own & set(base_names(cls))):  # a base of its own may repaint
        for method in _silent_handlers(cls):
            first = method.body[_after_docstring(method)]
            if first.lineno == method.lineno:  # `def tick(self): ...` on one line
                continue
            indent = lines[first.lineno - 1][: first.col_offset]
            inserts.append((first.lineno, f"{indent}self.update()\n"))
            name = f"{cls.name}.{method.name}"
            fixes.append(f"{name} changes what paintEvent draws without always repainting; added self.update()")
    for line, text in sorted(inserts, reverse=True):
        lines.insert(line - 1, text)
    return "".join(lines), fixes


def _silent_handlers(cls: ast.ClassDef) -> list[ast.FunctionDef]:
    """The class's timer slots that do not always repaint, and its key handler when no slot always repaints (a
    game's tick() shows what the key changed a moment later) and nothing in the handler repaints."""
    methods = {node.name: node for node in cls.body if isinstance(node, ast.FunctionDef)}
    if "paintEvent" not in methods or REPAINTS & methods.keys():
        return []
    slots = [methods[name] for name in sorted(self_slots(cls, "timeout")) if name in methods]
    keys = [methods[name] for name in sorted(HANDLERS & methods.keys())]
    repainting = [slot for slot in slots if _repaints(slot, methods, always=True)]
    silent = [slot for slot in slots if slot not in repainting and _uses_self(slot)]
    if repainting:
        return silent
    return silent + [key for key in keys if _uses_self(key) and not _repaints(key, methods, always=False)]


def _repaints(method: ast.FunctionDef, methods: dict[str, ast.FunctionDef], always: bool) -> bool:
    """True when the method calls update or repaint, or a method of the class that does: `always`, in a
    statement of its own body (not one inside an if or a loop); else anywhere in it."""
    pending, seen = [method], {method.name}
    while pending:
        current = pending.pop()
        for call in _calls(current, always):
            name = called_name(call)
            if name in REPAINTS:
                return True
            if isinstance(call.func, ast.Attribute) and on_self(call.func) and name in methods and name not in seen:
                seen.add(name)
                pending.append(methods[name])
    return False


def _calls(method: ast.FunctionDef, top_level: bool) -> list[ast.Call]:
    if top_level:
        return [node.value for node in method.body if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)]
    return [node for node in ast.walk(method) if isinstance(node, ast.Call)]


def _uses_self(method: ast.FunctionDef) -> bool:
    return any(isinstance(node, ast.Attribute) and on_self(node) for node in ast.walk(method))


def _after_docstring(method: ast.FunctionDef) -> int:
    """The index of the body's first statement that is not its docstring (0 if there is none, or only it)."""
    first = method.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    return 1 if docstring and len(method.body) > 1 else 0
