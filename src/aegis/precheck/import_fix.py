"""The import fixes of the pre-check: PyQt names to PySide6, PySide6 names imported from the wrong module or
not at all, each fixed from the shipped name table (`data/pyside6_names.json`, written by
`scripts/gen_pyside_names.py`). Edits are line-based and touch only import statements (plus PyQt names), so
the model's code stays recognizable.

    rename_pyqt(code), move_misplaced_imports(code, table), add_missing_imports(code, table) -> (code, fixes)
    load_names() -> NameTable          undefined_names(tree) -> [(line, name)]
"""

from __future__ import annotations

import ast
import functools
import io
import json
import tokenize
import warnings
from dataclasses import dataclass, field
from importlib import resources

from pyflakes import messages as flake_messages  # type: ignore[import-untyped]
from pyflakes.checker import Checker  # type: ignore[import-untyped]

PYQT_RENAMES = {
    "PyQt5": "PySide6",
    "PyQt6": "PySide6",
    "pyqtSignal": "Signal",
    "pyqtSlot": "Slot",
    "pyqtProperty": "Property",
}
# A few names live in several modules (QtGui re-exports Qt, qFuzzyCompare...): the first listed wins.
MODULE_PREFERENCE = ("QtCore", "QtWidgets", "QtGui")
# Stdlib modules a program may use without importing them; `import name` is added for these.
STDLIB_MODULES = frozenset(
    (  # noqa: SIM905
        "base64 calendar collections copy csv datetime functools hashlib itertools json logging math os "
        "pathlib platform random re shutil signal socket statistics subprocess sys tempfile textwrap "
        "threading time traceback uuid webbrowser"
    ).split()
)
FIX_PASSES = 3


@dataclass(frozen=True)
class NameTable:
    """The public names of each PySide6 module, as recorded when the table was generated."""

    modules: dict[str, frozenset[str]]

    def exports(self, module: str, name: str) -> bool:
        return name in self.modules.get(module.removeprefix("PySide6."), frozenset())

    def home(self, name: str) -> str | None:
        """The module to import `name` from: `PySide6` for a module, else the preferred `PySide6.QtX`."""
        if name in self.modules:
            return "PySide6"
        found = sorted((m for m, names in self.modules.items() if name in names), key=_preference)
        return f"PySide6.{found[0]}" if found else None


def _preference(module: str) -> tuple[int, str]:
    rank = MODULE_PREFERENCE.index(module) if module in MODULE_PREFERENCE else len(MODULE_PREFERENCE)
    return rank, module


@functools.cache
def load_names() -> NameTable:
    text = resources.files("aegis.data").joinpath("pyside6_names.json").read_text(encoding="utf-8")
    modules = json.loads(text)["modules"]
    return NameTable({module: frozenset(names) for module, names in modules.items()})


def parse(code: str) -> ast.Module:
    """ast.parse without the SyntaxWarnings a generated program's odd escapes raise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(code)


def rename_pyqt(code: str) -> tuple[str, list[str]]:
    """PyQt5/PyQt6 spellings to PySide6 ones, renaming name tokens only (never text in strings)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(code, newline="").readline))
    edits: list[_Edit] = []
    fixes: list[str] = []
    source = _Source.of(code)
    for index, token in enumerate(tokens):
        new = _pyqt_rename(tokens, index)
        if new is not None:
            start, end = source.char_offset(*token.start), source.char_offset(*token.end)
            edits.append(_Edit(start, end, new))
            fix = f"renamed {token.string} to {new}" if new != "exec" else "renamed exec_() to exec()"
            fixes.append(fix)
    return _apply(code, edits), sorted(set(fixes))


def _pyqt_rename(tokens: list[tokenize.TokenInfo], index: int) -> str | None:
    token = tokens[index]
    if token.type != tokenize.NAME:
        return None
    if token.string == "exec_":
        after_dot = index > 0 and tokens[index - 1].string == "."
        called = index + 1 < len(tokens) and tokens[index + 1].string == "("
        return "exec" if after_dot and called else None
    return PYQT_RENAMES.get(token.string)


def move_misplaced_imports(code: str, table: NameTable) -> tuple[str, list[str]]:
    """`from PySide6.QtWidgets import QAction` -> QAction joins the `from PySide6.QtGui import` line."""
    tree = parse(code)
    plan = _ImportPlan.of(code, tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _is_qt_module(node, table):
            for alias in node.names:
                target = None if table.exports(node.module or "", alias.name) else table.home(alias.name)
                if target is not None:
                    plan.move(node, alias, target)
    return plan.apply(), plan.fixes


def _is_qt_module(node: ast.ImportFrom, table: NameTable) -> bool:
    module = node.module or ""
    return node.level == 0 and module.startswith("PySide6.") and module.removeprefix("PySide6.") in table.modules


def add_missing_imports(code: str, table: NameTable) -> tuple[str, list[str]]:
    """Import each undefined name that PySide6 or a common stdlib module provides."""
    fixes: list[str] = []
    tried: set[str] = set()
    for _ in range(FIX_PASSES):
        tree = parse(code)
        plan = _ImportPlan.of(code, tree)
        names = {name for _, name in undefined_names(tree)} - tried
        tried |= names
        for name in sorted(names):
            target = table.home(name)
            if target is not None:
                plan.add(name, target)
            elif name in STDLIB_MODULES:
                plan.add_stdlib(name)
        if not plan.fixes:
            break
        code, fixes = plan.apply(), fixes + plan.fixes
    return code, fixes


def undefined_names(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) for each use of a name bound nowhere, as pyflakes sees it."""
    checker = Checker(tree, filename="app.py")
    found = [m for m in checker.messages if isinstance(m, flake_messages.UndefinedName)]
    return sorted((int(m.lineno), str(m.message_args[0])) for m in found)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def _apply(code: str, edits: list[_Edit]) -> str:
    """Apply edits to non-overlapping spans, last first; at one offset a replacement goes before an insert."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        code = code[: edit.start] + edit.text + code[edit.end :]
    return code


@dataclass(frozen=True)
class _Source:
    text: str
    lines: list[str]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Source:
        lines = io.StringIO(text, newline="").readlines()
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        return cls(text, lines, starts)

    def char_offset(self, lineno: int, col: int) -> int:
        return self.starts[lineno - 1] + col

    def offset(self, lineno: int, byte_col: int) -> int:
        """Offset in the text of an ast position (ast columns count UTF-8 bytes)."""
        line = self.lines[lineno - 1] if lineno <= len(self.lines) else ""
        return self.char_offset(lineno, len(line.encode()[:byte_col].decode(errors="ignore")))

    def standalone(self, node: ast.stmt) -> bool:
        """Whether the statement has its lines to itself (a trailing comment aside)."""
        before = self.text[self.starts[node.lineno - 1] : self.offset(node.lineno, node.col_offset)]
        end_line, end_col = node.end_lineno or node.lineno, node.end_col_offset or 0
        after = self.text[self.offset(end_line, end_col) : self.starts[end_line]].strip()
        return not before.strip() and (not after or after.startswith("#"))

    @property
    def newline(self) -> str:
        """The program's own line ending, for the lines this check writes."""
        return "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"

    def indent(self, node: ast.stmt) -> str:
        return self.lines[node.lineno - 1][: node.col_offset]


@dataclass
class _ImportPlan:
    """Import edits to one program: names leaving statements, names joining modules."""

    source: _Source
    anchors: dict[str, ast.ImportFrom]
    new_lines_at: int
    stdlib_at: int
    dropped: dict[ast.ImportFrom, list[ast.alias]] = field(default_factory=dict)
    joined: dict[str, list[ast.alias]] = field(default_factory=dict)
    stdlib: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, code: str, tree: ast.Module) -> _ImportPlan:
        source = _Source.of(code)
        imports = _prologue_imports(tree)
        anchors: dict[str, ast.ImportFrom] = {}
        for node in imports:
            if isinstance(node, ast.ImportFrom) and _anchorable(node, source):
                anchors.setdefault(node.module or "", node)
        new_lines_at = _new_lines_at(tree, imports, source)
        return cls(source, anchors, new_lines_at, _stdlib_at(imports, new_lines_at))

    def move(self, node: ast.ImportFrom, alias: ast.alias, target: str) -> None:
        self.dropped.setdefault(node, []).append(alias)
        self._join(target, alias)
        self.fixes.append(f"moved {alias.name} from {node.module} to {target}")

    def add(self, name: str, target: str) -> None:
        if self._join(target, ast.alias(name=name)):
            self.fixes.append(f"added {name} to 'from {target} import'")

    def add_stdlib(self, name: str) -> None:
        self.stdlib.append(name)
        self.fixes.append(f"added 'import {name}'")

    def _join(self, target: str, alias: ast.alias) -> bool:
        """Add `alias` to the names imported from `target`; False if it is imported there already."""
        anchor = self.anchors.get(target)
        present = (anchor.names if anchor else []) + self.joined.get(target, [])
        if any((a.name, a.asname) == (alias.name, alias.asname) for a in present):
            return False
        self.joined.setdefault(target, []).append(alias)
        return True

    def apply(self) -> str:
        extras = {self.anchors[m]: names for m, names in self.joined.items() if m in self.anchors}
        edits = [self._statement_edit(node, extras.get(node, [])) for node in {**self.dropped, **extras}]
        inserts = [(self.stdlib_at, f"import {name}\n") for name in self.stdlib]
        for module, names in sorted(self.joined.items()):
            if module not in self.anchors:
                inserts.append((self.new_lines_at, f"from {module} import {_alias_list(names)}\n"))
        newline = self.source.newline
        edits += _insert_edits(self.source, inserts)
        return _apply(self.source.text, [_Edit(e.start, e.end, e.text.replace("\n", newline)) for e in edits])

    def _statement_edit(self, node: ast.ImportFrom, extra: list[ast.alias]) -> _Edit:
        source = self.source
        kept = [a for a in node.names if a not in self.dropped.get(node, [])] + extra
        standalone = source.standalone(node)
        end_line = node.end_lineno or node.lineno
        if not kept and standalone:
            return _Edit(source.starts[node.lineno - 1], source.starts[end_line], "")
        start = source.offset(node.lineno, node.col_offset)
        end = source.offset(end_line, node.end_col_offset or 0)
        if not kept:
            return _Edit(start, end, "pass")
        multiline = standalone and end_line > node.lineno
        return _Edit(start, end, _render_from(node.module or "", kept, source.indent(node), multiline))


def _alias_list(aliases: list[ast.alias]) -> str:
    return ", ".join(_alias_text(a) for a in aliases)


def _alias_text(alias: ast.alias) -> str:
    return alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"


def _render_from(module: str, aliases: list[ast.alias], indent: str, multiline: bool) -> str:
    if not multiline:
        return f"from {module} import {_alias_list(aliases)}"
    body = "".join(f"{indent}    {_alias_text(a)},\n" for a in aliases)
    return f"from {module} import (\n{body}{indent})"


def _prologue_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Top-level imports that come before the first function or class."""
    imports: list[ast.Import | ast.ImportFrom] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            break
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
    return imports


def _anchorable(node: ast.ImportFrom, source: _Source) -> bool:
    stars = any(alias.name == "*" for alias in node.names)
    return node.level == 0 and not stars and source.standalone(node)


def _is_pyside(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == "PySide6"
    return any(alias.name.split(".")[0] == "PySide6" for alias in node.names)


def _new_lines_at(tree: ast.Module, imports: list[ast.Import | ast.ImportFrom], source: _Source) -> int:
    """The line before which new import lines go: after the PySide6 imports, else after any import."""
    last = [node for node in imports if _is_pyside(node)] or imports
    if last:
        return (last[-1].end_lineno or last[-1].lineno) + 1
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return (first.end_lineno or first.lineno) + 1
    comments = 0
    while comments < len(source.lines) and source.lines[comments].startswith("#"):
        comments += 1
    return comments + 1


def _stdlib_at(imports: list[ast.Import | ast.ImportFrom], new_lines_at: int) -> int:
    """Stdlib imports go before the first import (`__future__` aside) when it starts its line."""
    plain = [n for n in imports if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    return plain[0].lineno if plain and plain[0].col_offset == 0 else new_lines_at


def _insert_edits(source: _Source, inserts: list[tuple[int, str]]) -> list[_Edit]:
    texts: dict[int, str] = {}
    for line, text in inserts:
        texts[line] = texts.get(line, "") + text
    edits = []
    for line, text in texts.items():
        offset = source.starts[min(line, len(source.lines) + 1) - 1]
        needs_newline = offset == len(source.text) and not source.text.endswith(("\n", "\r")) and offset > 0
        edits.append(_Edit(offset, offset, "\n" + text if needs_newline else text))
    return edits
