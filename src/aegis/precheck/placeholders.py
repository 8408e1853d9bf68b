"""Features that are only pretended: handlers that announce work they never do.

    find_placeholders(code) -> list[Problem]

A function counts as a placeholder when both hold:
- its body does nothing a user could rely on: it passes, returns, raises NotImplementedError, prints, shows
  a message box or a status text, asks for a file name, or sleeps ("simulate"), and nothing else;
- the code says so: a comment or string in it such as "implement ... here", "for simplicity", "simulate",
  "placeholder", "TODO", "not implemented", "in a real app"; `raise NotImplementedError` says so by itself,
  and so does an empty body (`pass`) on a function connected to a signal a user fires (a click, a menu
  entry, a toggle: USER_SIGNALS). An empty slot for a worker's `finished` or a timer is a hook with nothing
  to do, which people write on purpose.
Both are needed: a handler that only shows an About box is a real feature, and so is a comment alone.
Pure source work (ast and tokenize); runs nothing.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator

from aegis.precheck.bindings import called_name
from aegis.schema import Problem

MARKER = re.compile(
    r"implement\w*\b.{0,60}\bhere|for simplicity|\bsimulat\w*|placeholder|\bTODO\b|not (yet )?implemented"
    r"|in a real (app|application|program|implementation)|would go here|\bdummy\b|\bstub\b",
    re.IGNORECASE,
)
PRETEND_CALLS = {
    "print",
    "sleep",
    "information",
    "warning",
    "critical",
    "about",
    "question",
    "showMessage",
    "setText",
    "setStatusTip",
    "getSaveFileName",
    "getOpenFileName",
    "getExistingDirectory",
    "exec",
    "exec_",
    "setWindowTitle",
    "setValue",
    "processEvents",
}
"""Calls that show or ask something without doing the work (message boxes, status texts, file dialogs)."""
USER_SIGNALS = frozenset(
    {
        "clicked",
        "pressed",
        "released",
        "triggered",
        "toggled",
        "activated",
        "returnPressed",
        "editingFinished",
        "stateChanged",
        "checkStateChanged",
        "currentIndexChanged",
        "currentTextChanged",
        "textActivated",
        "itemClicked",
        "itemDoubleClicked",
        "doubleClicked",
        "valueChanged",
        "sliderMoved",
    }
)
"""Signals that fire because the user did something: an empty handler there is a control that does nothing."""
EMPTY = "its body is empty"


def find_placeholders(code: str) -> list[Problem]:
    """One problem per pretended feature; none when the code does not parse or is nested too deeply to read."""
    try:
        tree = ast.parse(code)
        comments, connected = _comments(code), _connected(tree)
        return [_problem(func, marker) for func in _functions(tree) if (marker := _marker(func, comments, connected))]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("__"):
            yield node


def _marker(func: ast.FunctionDef | ast.AsyncFunctionDef, comments: dict[int, str], connected: set[str]) -> str:
    """What in the function says it is not done ("" when nothing does, or when its body does real work)."""
    body = _without_docstring(func.body)
    if not all(_pretends(statement) for statement in body):
        return ""
    if any(_raises_not_implemented(statement) for statement in body):
        return "raise NotImplementedError"
    if func.name in connected and all(_empty(statement) for statement in body):
        return EMPTY
    end = func.end_lineno or func.lineno
    texts = [comments[line] for line in range(func.lineno, end + 1) if line in comments]
    texts += [s.value for s in ast.walk(func) if isinstance(s, ast.Constant) and isinstance(s.value, str)]
    texts += [_joined(s) for s in ast.walk(func) if isinstance(s, ast.JoinedStr)]
    return next((text.strip() for text in texts if MARKER.search(text)), "")


def _pretends(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Pass | ast.Return | ast.Raise):
        return True
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant) or _pretend_call(statement.value)
    if isinstance(statement, ast.Assign | ast.AnnAssign):
        return statement.value is None or _pretend_call(statement.value) or _is_text(statement.value)
    if isinstance(statement, ast.If | ast.For | ast.While):
        return all(_pretends(s) for s in [*statement.body, *statement.orelse])
    return False


def _empty(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Pass) or (
        isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
    )


def _connected(tree: ast.AST) -> set[str]:
    """Names of functions connected to a signal a user fires: `x.clicked.connect(self.name)`,
    `action.triggered.connect(name)`."""
    names = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"):
            continue
        signal = node.func.value
        if isinstance(signal, ast.Subscript):  # an overload: button.clicked[bool].connect(...)
            signal = signal.value
        if isinstance(signal, ast.Attribute) and signal.attr in USER_SIGNALS:
            for arg in node.args[:1]:
                if isinstance(arg, ast.Attribute):
                    names.add(arg.attr)
                elif isinstance(arg, ast.Name):
                    names.add(arg.id)
    return names


def _pretend_call(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    return called_name(node) in PRETEND_CALLS


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _raises_not_implemented(statement: ast.stmt) -> bool:
    if not isinstance(statement, ast.Raise) or statement.exc is None:
        return False
    exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    is_doc = (
        isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
    )
    return body[1:] if is_doc else body


def _joined(node: ast.JoinedStr) -> str:
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))


def _comments(code: str) -> dict[int, str]:
    found: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.COMMENT:
                found[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, SyntaxError):
        return found  # the comments up to where tokenizing stopped
    return found


def _problem(func: ast.FunctionDef | ast.AsyncFunctionDef, marker: str) -> Problem:
    where = f"{func.name}() (line {func.lineno})"
    if marker == EMPTY:
        message = f"{where} is connected to a control but does nothing (its body is empty); write what it must do"
    else:
        quote = marker if len(marker) <= 90 else marker[:89] + "…"
        message = (
            f"{where} is a placeholder, not a feature: it only shows or asks something and the code says so "
            f"('{quote}'); implement what it stands for"
        )
    return Problem(kind="placeholder", message=message)
