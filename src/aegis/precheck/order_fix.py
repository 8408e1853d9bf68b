"""A window's __init__ uses `self.x` before the line that creates it: that line moves up.

A small model wires its widgets before it makes them, and the program dies with "AttributeError: 'MainWindow'
object has no attribute 'view'" before it shows anything (the easy bench's browser, seed 1001, kept it through
both rounds):

    self.back.clicked.connect(self.view.backward)         self.view = QTextBrowser()
    ...                                              ->    self.back.clicked.connect(self.view.backward)
    self.view = QTextBrowser()                             ...

Only where the creating statement is one line of __init__'s own body (`self.x = ...`, alone on its line), the
use is in an earlier statement of that body (not inside a lambda or a nested def, which run later), the class
derives from Qt classes the member table knows and none of them has a member `x`, nothing else in the class
sets `x`, and what the creating line reads (names, `self.` attributes) is all bound before the use.
"""

from __future__ import annotations

import ast
import io

from aegis.precheck.bindings import on_self, qt_bases
from aegis.precheck.member_table import MemberTable, load_members

LATER = (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)
"""Code that runs later, not where it is written."""

MAX_MOVES = 20
"""Most lines moved in one program (each move re-reads it)."""


def fix_use_before_create(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with each such creating line moved up, and one line per move."""
    table = load_members()
    fixes: list[str] = []
    for _ in range(MAX_MOVES):  # one move at a time: each shifts the lines of the next
        move = _first_move(code, table)
        if move is None:
            break
        line, before, attribute = move
        lines = io.StringIO(code, newline="").readlines()
        lines.insert(before - 1, lines.pop(line - 1))
        code = "".join(lines)
        fixes.append(f"self.{attribute} was used on line {before} before line {line} created it; moved that line up")
    return code, fixes


def _first_move(code: str, table: MemberTable) -> tuple[int, int, str] | None:
    tree = ast.parse(code)
    lines = io.StringIO(code, newline="").readlines()
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        bases = qt_bases(cls, table)
        init = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
        moves = _moves(cls, init, bases, table, lines) if bases and init is not None else []
        if moves:
            return moves[0]
    return None


def _moves(
    cls: ast.ClassDef, init: ast.FunctionDef, bases: list[str], table: MemberTable, lines: list[str]
) -> list[tuple[int, int, str]]:
    """(line to move, line to put it before, attribute) for each creation that comes after a use."""
    stores = [n for n in ast.walk(cls) if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store)]
    moves = []
    for index, statement in enumerate(init.body):
        attribute = _creates(statement, lines)
        if not isinstance(statement, ast.Assign) or attribute is None:
            continue
        if sum(s.attr == attribute for s in stores) != 1:
            continue
        if any(table.has(base, attribute) for base in bases):
            continue
        first_use = next((i for i, s in enumerate(init.body[:index]) if attribute in _used_now(s)), None)
        if first_use is None:
            continue
        target = init.body[first_use]
        if _reads(statement) <= _bound(init, init.body[:first_use]):
            moves.append((statement.lineno, target.lineno, attribute))
    return moves


def _creates(statement: ast.stmt, lines: list[str]) -> str | None:
    """`x` for `self.x = ...` written on one line of its own."""
    if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
        return None
    target = statement.targets[0]
    if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"):
        return None
    line = lines[statement.lineno - 1]
    alone = statement.end_lineno == statement.lineno and line.strip().startswith("self.")
    after = line.encode()[statement.end_col_offset or 0 :].decode(errors="ignore").strip()
    return target.attr if alone and (not after or after.startswith("#")) else None


def _used_now(node: ast.AST) -> set[str]:
    """The `self.` attributes a statement reads as it runs (not in lambdas or nested defs)."""
    found: set[str] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, LATER):
            continue
        if isinstance(current, ast.Attribute) and on_self(current) and isinstance(current.ctx, ast.Load):
            found.add(current.attr)
        pending.extend(ast.iter_child_nodes(current))
    return found


def _reads(statement: ast.Assign) -> set[str]:
    """What the creating line's value reads: plain names, and `self.x` as "self.x"."""
    names = {n.id for n in ast.walk(statement.value) if isinstance(n, ast.Name) and n.id != "self"}
    attributes = {f"self.{n.attr}" for n in ast.walk(statement.value) if isinstance(n, ast.Attribute) and on_self(n)}
    return names | attributes


def _bound(init: ast.FunctionDef, earlier: list[ast.stmt]) -> set[str]:
    """Names a creating line may read when it runs before `earlier` ends: builtins and module names are not
    known here, so any name not assigned in __init__ at all counts as bound; locals and `self.` attributes
    only once an earlier statement assigned them."""
    assigned_in_init = {n.id for n in ast.walk(init) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    everything = {n.id for n in ast.walk(init) if isinstance(n, ast.Name)} - assigned_in_init
    everything |= {argument.arg for argument in init.args.args}
    for statement in earlier:
        everything |= {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        everything |= {
            f"self.{n.attr}"
            for n in ast.walk(statement)
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store)
        }
    return everything
