"""Static pre-check of a generated program: fix what needs no guessing, report what is left.

Runs before the program is started and never imports PySide6. The import fixes are in import_fix.py, the main
block's undefined window class in entry_fix.py, a QMainWindow's ignored layout (and a QWidget that calls
QMainWindow's methods, and `self.layout.addWidget` for `self.layout().addWidget`) in layout_fix.py, a widget
used in __init__ before the line that creates it in order_fix.py, a painting widget's handler that never
repaints in repaint_fix.py, an attribute only a handler sets in unset_fix.py, `setFocus(widget)` in call_fix.py;
then members.py checks the members used against the PySide6 member table, and its few unique fixes get their
imports here.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from aegis.precheck.call_fix import fix_focus_argument
from aegis.precheck.entry_fix import fix_window_class
from aegis.precheck.import_fix import (
    add_missing_imports,
    load_names,
    move_misplaced_imports,
    parse,
    rename_pyqt,
    undefined_names,
)
from aegis.precheck.layout_fix import fix_layout_method, fix_main_window_layout, fix_widget_main_window
from aegis.precheck.members import check_members
from aegis.precheck.order_fix import fix_use_before_create
from aegis.precheck.repaint_fix import fix_missing_repaint
from aegis.precheck.unset_fix import fix_unset_attribute
from aegis.schema import Problem

TOO_DEEP_TO_COMPILE = "the program is nested too deeply for Python to compile (split the long expression)"
TOO_DEEP_TO_ANALYSE = "the program is nested too deeply to analyse; it is run as it is"


@dataclass(frozen=True)
class PrecheckResult:
    code: str
    """The program, with its import mistakes (and a QMainWindow's ignored layout, a QLineEdit's append) fixed."""
    fixes: list[str]
    """One human line per fix made, e.g. "moved QAction from PySide6.QtWidgets to PySide6.QtGui"."""
    problems: list[Problem]
    """What could not be fixed: a syntax error, names defined nowhere, members a class lacks (members.py)."""
    skipped: str = ""
    """Why the program compiles but was left as it is, unchecked (nested too deeply to analyse); "" if not."""


def precheck(code: str) -> PrecheckResult:
    """Fix the mistakes in `code` that need no guessing (imports, a QMainWindow's layout, a QLineEdit's append);
    report a syntax error, unknown names, and members that PySide6 classes or the program's classes lack."""
    error = _syntax_error(code)
    if error is not None:
        return PrecheckResult(code, [], [_syntax_problem(error)])
    try:
        return _fix_and_check(code)
    except (RecursionError, MemoryError):  # e.g. a 1,000-term expression: it runs, but the analysis recurses
        return PrecheckResult(code, [], [], skipped=TOO_DEEP_TO_ANALYSE)


def _fix_and_check(code: str) -> PrecheckResult:
    table = load_names()
    fixed, fixes = rename_pyqt(code)
    fixed, entry = fix_window_class(fixed)
    fixed, main_window = fix_widget_main_window(fixed)
    fixed, central = fix_main_window_layout(fixed)
    fixed, layout_method = fix_layout_method(fixed)
    fixed, order = fix_use_before_create(fixed)
    fixed, repaint = fix_missing_repaint(fixed)
    fixed, unset = fix_unset_attribute(fixed)
    fixed, focus = fix_focus_argument(fixed)
    fixed, moved = move_misplaced_imports(fixed, table)
    fixed, added = add_missing_imports(fixed, table)
    if _syntax_error(fixed) is not None:
        return PrecheckResult(code, [], undefined_problems(code))
    members = check_members(fixed)
    if members.fixes:
        with_members, imported = add_missing_imports(members.code, table)
        if _syntax_error(with_members) is None:
            fixed, added = with_members, added + members.fixes + imported
    return PrecheckResult(
        fixed,
        fixes + entry + main_window + central + layout_method + order + repaint + unset + focus + moved + added,
        undefined_problems(fixed) + members.problems,
    )


def _syntax_error(code: str) -> SyntaxError | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(code, "app.py", "exec", dont_inherit=True)
    except SyntaxError as error:
        return error
    except ValueError as error:
        return SyntaxError(str(error))
    except (RecursionError, MemoryError):
        return SyntaxError(TOO_DEEP_TO_COMPILE)
    return None


def _syntax_problem(error: SyntaxError) -> Problem:
    line = (error.text or "").rstrip("\r\n")
    caret = " " * max((error.offset or 1) - 1, 0) + "^"
    traceback = f"{line}\n{caret}" if line else ""
    return Problem(kind="syntax", message=f"line {error.lineno or 1}: {error.msg}", traceback=traceback)


def undefined_problems(code: str) -> list[Problem]:
    first_lines: dict[str, int] = {}
    for line, name in undefined_names(parse(code)):
        first_lines.setdefault(name, line)
    return [
        Problem(kind="undefined_name", message=f"line {line}: undefined name '{name}'")
        for name, line in sorted(first_lines.items(), key=lambda item: (item[1], item[0]))
    ]
