"""Members that a PySide6 object, a PySide6 class or the program's own class does not have, found before it runs.

    check_members(code) -> MemberFindings(code, fixes, problems)

- `self.display.append(d)` where every `.display = ...` is `QLineEdit(...)`: QLineEdit has no `append` (nor do
  its bases, per the shipped member table). The problem names the right call: a curated advice for the known
  confusions, else the closest members of the class and the common classes that have it ("QTextEdit.append").
- `Qt.KeyPressEvent`, `QSizePolicy.Expandng`, `Qt.Key.Key_Enterr`: no such member; the closest names, and the
  enum that has the member ("QEvent.Type.KeyPress (import QEvent from PySide6.QtCore)").
- `self.timer.timeout.connect(self.update_time)` in a class that never defines update_time (see class_members).

Fixed, because the fix is unique: `line.append(x)` on a QLineEdit, as a statement, becomes
`line.setText(line.text() + str(x))`; a method called by another name (RENAMES: Qt 6's
`printer.setOrientation(o)`, QWebEngineView's `browser.url()` on a QTextBrowser) gets the right one;
`Qt.KeyPress` becomes `QEvent.Type.KeyPress` when exactly one enum of PySide6 has that member (the import of
QEvent is added by the import fixes). Everything else is a problem.
A program that switches PySide6's `__feature__` (snake_case, true_property) is not checked.
"""

from __future__ import annotations

import ast
import io
import warnings
from dataclasses import dataclass

from aegis.precheck.bindings import Bindings
from aegis.precheck.class_members import undefined_self_members
from aegis.precheck.member_table import (
    ENUM_ATTRIBUTES,
    TYPE_MEMBERS,
    MemberTable,
    likeness,
    load_members,
    similar_names,
)
from aegis.schema import Problem

# Known confusions of a small model, and what to write instead ({obj} is the object, e.g. self.display).
ADVICE = {
    ("QLineEdit", "append"): "use {obj}.setText({obj}.text() + text) (append is a QTextEdit method)",
    ("QLineEdit", "setPlainText"): "use {obj}.setText(text)",
    ("QLineEdit", "toPlainText"): "use {obj}.text()",
    ("QLabel", "append"): "use {obj}.setText({obj}.text() + text)",
    ("QLabel", "setPlainText"): "use {obj}.setText(text)",
    ("QLabel", "toPlainText"): "use {obj}.text()",
    ("QTextEdit", "text"): "use {obj}.toPlainText()",
    ("QPlainTextEdit", "text"): "use {obj}.toPlainText()",
    ("QPlainTextEdit", "setText"): "use {obj}.setPlainText(text)",
    ("QPlainTextEdit", "append"): "use {obj}.appendPlainText(text)",
    ("QVBoxLayout", "addRow"): "use {obj}.addWidget(widget) or {obj}.addLayout(layout), or make it a QFormLayout",
    ("QHBoxLayout", "addRow"): "use {obj}.addWidget(widget) or {obj}.addLayout(layout), or make it a QFormLayout",
    ("QGridLayout", "addRow"): "use {obj}.addWidget(widget, row, column), or make it a QFormLayout",
    ("QListWidget", "addRow"): "use {obj}.addItem(text)",
    ("QListWidget", "append"): "use {obj}.addItem(text)",
    ("QComboBox", "append"): "use {obj}.addItem(text)",
    ("QTableWidget", "addRow"): "use {obj}.insertRow({obj}.rowCount()), then {obj}.setItem(row, column, item)",
    ("QTableWidget", "appendRow"): "use {obj}.insertRow({obj}.rowCount()), then {obj}.setItem(row, column, item)",
    ("QSpinBox", "setText"): "use {obj}.setValue(number)",
    ("QSpinBox", "getValue"): "use {obj}.value()",
    ("QSlider", "getValue"): "use {obj}.value()",
}

# Methods called by another name that take the same arguments: a call of the wrong name on that class becomes
# the right one. Qt 6 renamed some; QWebEngineView's names are a small model's habit on a QTextBrowser.
RENAMES = {
    ("QPrinter", "setOrientation"): ("setPageOrientation", "QPrinter renamed it in Qt 6"),
    ("QFontMetrics", "width"): ("horizontalAdvance", "QFontMetrics renamed it in Qt 6"),
    ("QFontMetricsF", "width"): ("horizontalAdvance", "QFontMetricsF renamed it in Qt 6"),
    ("QTextEdit", "setTabStopWidth"): ("setTabStopDistance", "QTextEdit renamed it in Qt 6"),
    ("QPlainTextEdit", "setTabStopWidth"): ("setTabStopDistance", "QPlainTextEdit renamed it in Qt 6"),
    ("QTextBrowser", "url"): ("source", "QTextBrowser's name for QWebEngineView.url"),
    ("QTextBrowser", "setUrl"): ("setSource", "QTextBrowser's name for QWebEngineView.setUrl"),
    ("QTextBrowser", "load"): ("setSource", "QTextBrowser's name for QWebEngineView.load"),
    ("QTextBrowser", "back"): ("backward", "QTextBrowser's name for QWebEngineView.back"),
}


@dataclass(frozen=True)
class MemberFindings:
    code: str
    """The program, with the unique fixes made."""
    fixes: list[str]
    """One human line per fix, e.g. "self.display.append(d) -> self.display.setText(...)"."""
    problems: list[Problem]
    """One per missing member, with the names to use instead."""


@dataclass(frozen=True)
class _Finding:
    line: int
    text: str
    """The problem's message, or the fix line when `edit` is set."""
    edit: tuple[int, int, str] | None = None
    """(start, end, replacement) in the program's text."""


def check_members(code: str) -> MemberFindings:
    tree = _parse(code)
    if tree is None or _switches_features(tree):
        return MemberFindings(code, [], [])
    checker = _Checker(code, tree, Bindings.of(tree, load_members()))
    findings = [f for node in ast.walk(tree) if isinstance(node, ast.Attribute) for f in checker.check(node)]
    findings += [_Finding(line, text) for line, text in undefined_self_members(tree, checker.bindings)]
    edits = [f.edit for f in findings if f.edit is not None]
    for start, end, text in sorted(edits, reverse=True):
        code = code[:start] + text + code[end:]
    problems = {(f.line, f.text) for f in findings if f.edit is None}
    return MemberFindings(
        code,
        [f.text for f in sorted(findings, key=lambda f: f.line) if f.edit is not None],
        [Problem(kind="unknown_member", message=text) for _, text in sorted(problems)],
    )


class _Checker:
    def __init__(self, code: str, tree: ast.Module, bindings: Bindings) -> None:
        self.code, self.bindings, self.table = code, bindings, bindings.table
        self.starts = _line_starts(code)
        self.called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
        self.statements = {
            id(node.value.func): node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        }

    def check(self, node: ast.Attribute) -> list[_Finding]:
        if not isinstance(node.ctx, ast.Load) or node.attr.startswith("_"):
            return []
        if self.bindings.maybe_set(node.attr):
            return []
        instance = self.bindings.instance_class(node.value)
        if instance is not None and not self.table.has(instance, node.attr):
            return [self._instance_finding(node, instance)]
        cls = self.bindings.qt_class(node.value)
        if cls is not None and node.attr not in TYPE_MEMBERS and not self.table.has(cls, node.attr):
            return [self._class_finding(node, cls)]
        return self._enum_finding(node)

    def _instance_finding(self, node: ast.Attribute, cls: str) -> _Finding:
        label = ast.unparse(node.value)
        call = self.statements.get(id(node))
        fix = self._line_edit_append_fix(call, label) if (cls, node.attr) == ("QLineEdit", "append") else None
        if fix is not None:
            return fix
        renamed, why = RENAMES.get((cls, node.attr), ("", ""))
        edit = self._edit(node, f"{label}.{renamed}") if renamed and self.table.has(cls, renamed) else None
        if edit is not None:
            return _Finding(node.lineno, f"line {node.lineno}: {label}.{node.attr} -> {label}.{renamed} ({why})", edit)
        kind = "method" if id(node) in self.called else "attribute"
        advice = ADVICE.get((cls, node.attr))
        hint = advice.format(obj=label) if advice else _member_hint(self.table, cls, node.attr)
        lacks = f"{label} is a {cls}, which has no {kind} '{node.attr}'"
        return _Finding(node.lineno, f"line {node.lineno}: {lacks}; {hint}")

    def _line_edit_append_fix(self, call: ast.Call | None, label: str) -> _Finding | None:
        if call is None or not _one_plain_argument(call):
            return None
        argument = call.args[0]
        text = ast.unparse(argument)
        is_text = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        new = f"{label}.setText({label}.text() + {text if is_text else f'str({text})'})"
        edit = self._edit(call, new)
        message = f"line {call.lineno}: QLineEdit has no append: {ast.unparse(call)} -> {new}"
        return _Finding(call.lineno, message, edit) if edit is not None else None

    def _class_finding(self, node: ast.Attribute, cls: str) -> _Finding:
        label = ast.unparse(node.value)
        homes = self.table.enum_homes(node.attr)
        edit = self._edit(node, homes[0]) if len(homes) == 1 and node.attr[:1].isupper() else None
        if edit is not None and self._importable(homes[0].split(".")[0]):
            return _Finding(node.lineno, f"line {node.lineno}: {label}.{node.attr} -> {homes[0]}", edit)
        similar = self._class_suggestions(label, cls, node.attr)
        hint = f"did you mean {_either(similar)}?" if similar else f"{cls} has no member like it"
        return _Finding(node.lineno, f"line {node.lineno}: {label} has no member '{node.attr}'; {hint}")

    def _class_suggestions(self, label: str, cls: str, member: str) -> list[str]:
        """The class's own members spelled like `member`, or the enums elsewhere that have it, if closer."""
        similar = self.table.similar(cls, member)
        homes = (self.table.enum_homes(member) or self.table.enum_homes_like(member)) if member[:1].isupper() else []
        if homes and (not similar or likeness(member, homes[0]) > likeness(member, similar[0])):
            return [self._imported_as_needed(home) for home in homes]
        return [f"{label}.{name}" for name in similar]

    def _enum_finding(self, node: ast.Attribute) -> list[_Finding]:
        owner = node.value
        if not isinstance(owner, ast.Attribute) or node.attr in ENUM_ATTRIBUTES:
            return []
        cls = self.bindings.qt_class(owner.value)
        members = self.table.enum(cls, owner.attr) if cls is not None else None
        if members is None or node.attr in members:
            return []
        label = ast.unparse(owner)
        similar = [f"{label}.{name}" for name in similar_names(node.attr, members)]
        similar = similar or [self._imported_as_needed(home) for home in self.table.enum_homes(node.attr)]
        hint = f"did you mean {_either(similar)}?" if similar else f"the members of {label} are listed in its docs"
        return [_Finding(node.lineno, f"line {node.lineno}: {label} has no member '{node.attr}'; {hint}")]

    def _importable(self, cls: str) -> bool:
        """Whether `cls` can be written as it is: imported already, or a free name the import fixes will add."""
        return self.bindings.qt_class(ast.Name(cls)) == cls or cls not in self.bindings.names

    def _imported_as_needed(self, home: str) -> str:
        cls = home.split(".")[0]
        if self.bindings.qt_class(ast.Name(cls)) == cls:
            return home
        return f"{home} (import {cls} from PySide6.{self.table.classes[cls].module})"

    def _edit(self, node: ast.expr, new: str) -> tuple[int, int, str] | None:
        """Replace the node's text, if its position really spans it (Python 3.11 misplaces f-string parts)."""
        start = self._offset(node.lineno, node.col_offset)
        end = self._offset(node.end_lineno or node.lineno, node.end_col_offset or 0)
        spans = _parse(f"({self.code[start:end]})")
        same = spans is not None and ast.dump(spans.body[0].value) == ast.dump(node)  # type: ignore[attr-defined]
        return (start, end, new) if same else None

    def _offset(self, line: int, byte_col: int) -> int:
        start = self.starts[line - 1]
        text = self.code[start : self.starts[line]]
        return start + len(text.encode()[:byte_col].decode(errors="ignore"))


def _member_hint(table: MemberTable, cls: str, member: str) -> str:
    similar = table.similar(cls, member)
    owners = [f"{owner}.{member}" for owner in table.owners(member)[:3]]
    guess = f"did you mean {_either(similar)}?" if similar else f"{cls} has no member like it"
    return f"{guess} ({_either(owners)} {'exist' if len(owners) > 1 else 'exists'})" if owners else guess


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _one_plain_argument(call: ast.Call) -> bool:
    simple_receiver = isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name | ast.Attribute)
    plain = len(call.args) == 1 and not isinstance(call.args[0], ast.Starred) and not call.keywords
    return simple_receiver and plain


def _switches_features(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ImportFrom) and node.module == "__feature__" for node in ast.walk(tree))


def _parse(code: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


def _line_starts(code: str) -> list[int]:
    starts = [0]
    for line in io.StringIO(code, newline="").readlines():
        starts.append(starts[-1] + len(line))
    return starts
