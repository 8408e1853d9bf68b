"""Controls and signals connected to nothing: a user clicks, and nothing happens.

    find_unwired(code, severity) -> list[Problem]

A button counts as dead when a program makes it with a text (`self.back = QPushButton("Back")`, or a local
name; a button made without one is an icon, often only decoration) and then only places and styles it: every
other use of the name is a layout's addWidget (or insertWidget, addRow...) or one of its own set...() calls.
Any other use might connect it (`.clicked`, a QButtonGroup, a list the program loops over, a menu, an event
filter, a helper it is passed to), so the button is left alone; so is a button whose text another function
changes (a display: a score, a count).

A signal counts as dead when a class declares it (`stop_signal = Signal()`), the program only ever emits it,
and each function that emits it does nothing else: a handler whose whole work is `self.stop_signal.emit()`
does nothing when nothing is connected (one that saves a file and then announces it is fine).

Nothing is checked in a program that connects by name (QMetaObject.connectSlotsByName), reads attributes by
name (getattr) or finds its buttons again through their parents (findChildren, a layout's itemAt), which this
cannot follow. Pure source work (ast); runs nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from aegis.precheck.bindings import called_name
from aegis.schema import Problem, Severity

BUTTONS = frozenset({"QPushButton", "QToolButton", "QCommandLinkButton"})
PLACING = frozenset(
    {"addWidget", "insertWidget", "addRow", "insertRow", "addPermanentWidget", "addStretch", "setCornerWidget"}
)
"""Calls that put a widget somewhere without wiring it."""
WIRING_SETTERS = frozenset({"setMenu", "setDefaultAction"})
"""A button's own set...() calls that give it something to do."""
DYNAMIC = ("connectSlotsByName", "getattr(", "findChildren", "itemAt(", "children()")


@dataclass(frozen=True)
class _Button:
    name: str
    """self.<name> or a local name."""
    on_self: bool
    line: int
    label: str | None
    scope: ast.AST
    """The whole module for self.<name>, the defining function for a local name."""
    made_in: ast.FunctionDef | ast.AsyncFunctionDef
    """The function whose body makes it."""


def find_unwired(code: str, severity: Severity = "fail") -> list[Problem]:
    """One problem per dead button and per dead signal; none when the code does not parse or cannot be
    followed (DYNAMIC)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    if any(word in code for word in DYNAMIC):
        return []
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    buttons = {(b.name, b.line): b for b in _buttons(tree)}.values()  # a nested function's, found twice
    dead = [
        _problem(button, severity)
        for button in buttons
        if not any(_wires(use, parents) for use in _uses(button)) and not _shows_text(button, parents)
    ]
    return dead + [_signal_problem(name, emit, parents, severity) for name, emit in _only_emitted(tree, parents)]


def _buttons(tree: ast.Module) -> Iterator[_Button]:
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    for function in functions:
        for node in ast.walk(function):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.value, ast.Call)):
                continue
            if not _makes_text_button(node.value):
                continue
            target, label = node.targets[0], _label(node.value)
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                yield _Button(target.attr, True, node.lineno, label, tree, function)
            elif isinstance(target, ast.Name):
                yield _Button(target.id, False, node.lineno, label, function, function)


def _makes_text_button(value: ast.Call) -> bool:
    name = called_name(value)
    with_text = bool(value.args) or any(k.arg == "text" for k in value.keywords)
    return name in BUTTONS and with_text and not isinstance(value.args[0] if value.args else None, ast.Starred)


def _label(call: ast.Call) -> str | None:
    first = call.args[0] if call.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _uses(button: _Button) -> Iterator[ast.expr]:
    """Every read of the button's name in its scope (for self.<name>: any object's .<name>, to be safe)."""
    for node in ast.walk(button.scope):
        match node:
            case ast.Attribute(attr=button.name, ctx=ast.Load()) if button.on_self:
                yield node
            case ast.Name(id=button.name, ctx=ast.Load()) if not button.on_self:
                yield node


def _wires(use: ast.expr, parents: dict[int, ast.AST]) -> bool:
    """Whether this use might give the button something to do: anything but placing it or its own setters."""
    parent = parents.get(id(use))
    if isinstance(parent, ast.Call) and use in parent.args:
        return not (isinstance(parent.func, ast.Attribute) and parent.func.attr in PLACING)
    if isinstance(parent, ast.Attribute) and parent.value is use:
        called = isinstance(parents.get(id(parent)), ast.Call)
        own_setter = parent.attr.startswith("set") and parent.attr not in WIRING_SETTERS
        return not (called and (own_setter or parent.attr in ("show", "hide", "resize", "move")))
    return True


def _shows_text(button: _Button, parents: dict[int, ast.AST]) -> bool:
    """A button whose text the program changes after making it, from another function: a display (a score, a
    count), not a control whose click was forgotten."""
    for use in _uses(button):
        method = parents.get(id(use))
        if isinstance(method, ast.Attribute) and method.attr == "setText":
            function = _enclosing(use, parents)
            if function is not None and function is not button.made_in:
                return True
    return False


def _problem(button: _Button, severity: Severity) -> Problem:
    where = f"self.{button.name}" if button.on_self else button.name
    what = f"the {button.label!r} button" if button.label else f"the button {where}"
    return Problem(
        kind="placeholder",
        severity=severity,
        message=(
            f"{what} (line {button.line}) is connected to nothing, so clicking it does nothing; "
            f"connect {where}.clicked to a method that does what it says"
        ),
    )


def _only_emitted(tree: ast.Module, parents: dict[int, ast.AST]) -> Iterator[tuple[str, ast.Call]]:
    """Each signal a class declares whose every use is `<object>.<signal>.emit(...)`, with its first emit."""
    declared = {
        target.id
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and called_name(node.value) == "Signal"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for name in sorted(declared):
        uses = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == name]
        emits = [_emit_call(use, parents) for use in uses]
        calls = [emit for emit in emits if emit is not None]
        if uses and len(calls) == len(uses) and all(_only_emits(_enclosing(call, parents)) for call in calls):
            yield name, min(calls, key=lambda call: call.lineno)


def _only_emits(function: ast.FunctionDef | ast.AsyncFunctionDef | None) -> bool:
    """A function whose whole work is emitting (a docstring and `pass` aside): with nothing connected, it does
    nothing. One that also does its work and then announces it is fine."""
    if function is None:
        return False
    body = [s for s in function.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    body = [s for s in body if not isinstance(s, ast.Pass)]
    return bool(body) and all(
        isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and called_name(s.value) == "emit" for s in body
    )


def _emit_call(use: ast.Attribute, parents: dict[int, ast.AST]) -> ast.Call | None:
    """The call when `use` is the signal of `<object>.<signal>.emit(...)`, else None."""
    method = parents.get(id(use))
    call = parents.get(id(method))
    if (
        isinstance(method, ast.Attribute)
        and method.attr == "emit"
        and isinstance(call, ast.Call)
        and call.func is method
    ):
        return call
    return None


def _signal_problem(name: str, emit: ast.Call, parents: dict[int, ast.AST], severity: Severity) -> Problem:
    function = _enclosing(emit, parents)
    where = f"{function.name}()" if function else "the code"
    return Problem(
        kind="placeholder",
        severity=severity,
        message=(
            f"{where} (line {emit.lineno}) only emits the signal {name}, which nothing is connected to, so it does "
            f"nothing; connect {name} to a method that does the work, or do the work in {where}"
        ),
    )


def _enclosing(node: ast.AST, parents: dict[int, ast.AST]) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    found = parents.get(id(node))
    while found is not None and not isinstance(found, ast.FunctionDef | ast.AsyncFunctionDef):
        found = parents.get(id(found))
    return found
