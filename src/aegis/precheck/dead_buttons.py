"""Buttons connected to nothing: a user clicks them and nothing happens.

    find_dead_buttons(code, severity) -> list[Problem]

A button counts as dead when a program makes it with a text (`self.back = QPushButton("Back")`, or a local
name; a button made without one is an icon, often only decoration) and then only places and styles it: every
other use of the name is a layout's addWidget (or insertWidget, addRow...) or one of its own set...() calls.
Any other use might connect it (`.clicked`, a QButtonGroup, a list the program loops over, a menu, an event
filter, a helper it is passed to), so the button is left alone. Nothing is checked in a program that
connects by name (QMetaObject.connectSlotsByName), reads attributes by name (getattr) or finds its buttons
again through their parents (findChildren, a layout's itemAt), which this cannot follow.
Pure source work (ast); runs nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

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


def find_dead_buttons(code: str, severity: Severity = "fail") -> list[Problem]:
    """One problem per dead button; none when the code does not parse or cannot be followed (DYNAMIC)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    if any(word in code for word in DYNAMIC):
        return []
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    buttons = {(b.name, b.line): b for b in _buttons(tree)}.values()  # a nested function's, found twice
    return [_problem(button, severity) for button in buttons if not any(_wires(use, parents) for use in _uses(button))]


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
                yield _Button(target.attr, True, node.lineno, label, tree)
            elif isinstance(target, ast.Name):
                yield _Button(target.id, False, node.lineno, label, function)


def _makes_text_button(value: ast.Call) -> bool:
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
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
