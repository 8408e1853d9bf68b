"""What the names and attributes of one program are bound to, as far as its source says without guessing.

    Bindings.of(tree, table).instance_class(expr)  -> "QLineEdit" for `self.display` if every
                                                      `.display = ...` in the file is `QLineEdit(...)`
    Bindings.of(tree, table).qt_class(expr)        -> "Qt" for `Qt` imported from PySide6.QtCore

Scopes are not told apart: a name counts only when every binding of it anywhere in the file agrees, and an
attribute only when every store of an attribute of that name (on any object) does. A name bound two ways, a
parameter, a loop variable or a user-defined class is unknown, and unknown things are never checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from aegis.precheck.member_table import MemberTable


@dataclass(frozen=True)
class Imported:
    """A binding made by an import: `module` is "PySide6.QtWidgets"; `name` is None for a module itself."""

    module: str
    name: str | None


NAMING_CALLS = frozenset({"setattr", "hasattr", "getattr"})
# A value assigned (`x = value`), an import, or None for any other binding (parameter, loop, unpacking...).
Binding = ast.expr | Imported | None


@dataclass
class Bindings:
    table: MemberTable
    names: dict[str, list[Binding]] = field(default_factory=dict)
    attributes: dict[str, list[Binding]] = field(default_factory=dict)
    star_modules: set[str] = field(default_factory=set)
    dynamic: bool = False
    """True when the program sets attributes by computed names (setattr, __dict__): no attribute is known."""

    @classmethod
    def of(cls, tree: ast.Module, table: MemberTable) -> Bindings:
        found = cls(table)
        assigned = found._assignments(tree)
        for node in ast.walk(tree):
            found._record(node, assigned)
        return found

    def _assignments(self, tree: ast.Module) -> set[int]:
        """Record `target = value` for plain targets; the ids of those targets."""
        done: set[int] = set()
        for node in ast.walk(tree):
            pairs = _assigned_pairs(node)
            for target, value in pairs:
                self._bind(target, value)
                done.add(id(target))
        return done

    def _record(self, node: ast.AST, assigned: set[int]) -> None:
        if isinstance(node, ast.Name | ast.Attribute) and not isinstance(node.ctx, ast.Load):
            if id(node) not in assigned:
                self._bind(node, None)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            self._record_import(node)
        elif _sets_by_computed_name(node):
            self.dynamic = True
        elif isinstance(node, ast.Call) and _named_attribute(node):
            self.attributes.setdefault(_named_attribute(node), []).append(None)
        for name in _other_bound_names(node):
            self.names.setdefault(name, []).append(None)

    def _bind(self, target: ast.Name | ast.Attribute, value: Binding) -> None:
        if isinstance(target, ast.Name):
            self.names.setdefault(target.id, []).append(value)
        else:
            self.attributes.setdefault(target.attr, []).append(value)

    def _record_import(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if isinstance(node, ast.Import):
                bound = alias.asname or alias.name.split(".")[0]
                module = alias.name if alias.asname else alias.name.split(".")[0]
                self.names.setdefault(bound, []).append(Imported(module, None))
            elif alias.name == "*":
                self.star_modules.add(node.module or "")
            else:
                binding = _from_import(node, alias.name)
                self.names.setdefault(alias.asname or alias.name, []).append(binding)

    def qt_class(self, node: ast.expr) -> str | None:
        """The PySide6 class that `node` names (`QLabel`, `LE` for an alias, `QtWidgets.QLabel`), else None."""
        if isinstance(node, ast.Attribute):
            known = node.attr in self.table.classes and self.qt_module(node.value) in self.table.modules
            return node.attr if known else None
        if not isinstance(node, ast.Name):
            return None
        bindings = self.names.get(node.id)
        if bindings is None:
            return self._star_imported(node.id)
        classes = {_imported_class(b, self.table) for b in bindings}
        return classes.pop() if len(classes) == 1 else None

    def _star_imported(self, name: str) -> str | None:
        only_qt = bool(self.star_modules) and self._only_qt_stars()
        return name if name in self.table.classes and only_qt else None

    def _only_qt_stars(self) -> bool:
        """Whether every `from ... import *` is of a PySide6 module (a name may come from any other)."""
        return self.star_modules <= {f"PySide6.{module}" for module in self.table.modules}

    def qt_module(self, node: ast.expr) -> str | None:
        """The module name ("QtWidgets") for a name bound to PySide6.QtWidgets, or for `PySide6.QtWidgets`."""
        if isinstance(node, ast.Attribute):
            return node.attr if self.qt_module_path(node.value) == "PySide6" else None
        path = self.qt_module_path(node)
        return path.removeprefix("PySide6.") if path and path.startswith("PySide6.") else None

    def qt_module_path(self, node: ast.expr) -> str | None:
        if not isinstance(node, ast.Name):
            return None
        bindings = self.names.get(node.id, [])
        paths = {b.module if isinstance(b, Imported) and b.name is None else None for b in bindings}
        path = paths.pop() if len(paths) == 1 else None
        return path if path and path.split(".")[0] == "PySide6" else None

    def instance_class(self, node: ast.expr) -> str | None:
        """The PySide6 class of the object `node` stands for (`x`, `self.x`), when every binding agrees."""
        if self.dynamic and isinstance(node, ast.Attribute):
            return None
        if isinstance(node, ast.Name):
            bindings = self.names.get(node.id, []) if self._only_qt_stars() else []
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            bindings = self.attributes.get(node.attr, [])
        else:
            return None
        classes = {self._constructed(b) for b in bindings}
        return classes.pop() if len(classes) == 1 else None

    def _constructed(self, binding: Binding) -> str | None:
        if isinstance(binding, ast.Call) and not isinstance(binding.func, ast.Call):
            return self.qt_class(binding.func)
        return None

    def maybe_set(self, attribute: str) -> bool:
        """Whether the program stores an attribute of this name on any object, or asks for it by name
        (`hasattr(self, "timer")`, `getattr(...)`, `setattr(...)`)."""
        return self.dynamic or attribute in self.attributes


def _assigned_pairs(node: ast.AST) -> Iterator[tuple[ast.Name | ast.Attribute, ast.expr]]:
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name | ast.Attribute):
                yield target, node.value
    elif (
        isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name | ast.Attribute)
    ):
        yield node.target, node.value


def _other_bound_names(node: ast.AST) -> list[str]:
    """Names bound by a definition, a parameter, an `except ... as`, a match pattern."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar):
        return [node.name] if node.name else []
    if isinstance(node, ast.MatchMapping):
        return [node.rest] if node.rest else []
    return []


def _from_import(node: ast.ImportFrom, name: str) -> Imported:
    module = node.module or ""
    if node.level == 0 and module == "PySide6":
        return Imported(f"PySide6.{name}", None)
    return Imported(module if node.level == 0 else f".{module}", name)


def _imported_class(binding: Binding, table: MemberTable) -> str | None:
    if not isinstance(binding, Imported) or binding.name is None:
        return None
    known = binding.name in table.classes and binding.module.removeprefix("PySide6.") in table.modules
    return binding.name if known else None


def called_name(call: ast.Call) -> str:
    """`name` for a call `name(...)` or `obj.name(...)`, else ''."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def base_names(cls: ast.ClassDef) -> list[str]:
    """The names of a class's bases as written: `QWidget`, or `QtWidgets.QWidget` as `QWidget`."""
    return [base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in cls.bases]


def on_self(node: ast.AST) -> bool:
    """True for `self.x`."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def self_slots(tree: ast.AST, signal: str = "") -> set[str]:
    """`m` for each `<x>.connect(self.m)` under `tree`; with `signal`, only `<x>.<signal>.connect(self.m)`."""
    slots = set()
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call) and called_name(node) == "connect"):
        source = call.func.value if isinstance(call.func, ast.Attribute) else None
        if signal and not (isinstance(source, ast.Attribute) and source.attr == signal):
            continue
        slots |= {arg.attr for arg in call.args[:1] if isinstance(arg, ast.Attribute) and on_self(arg)}
    return slots


def qt_bases(cls: ast.ClassDef, table: MemberTable) -> list[str]:
    """The class's bases when every one is a Qt class the table knows, else [] (a base of its own may set it)."""
    names = base_names(cls)
    return names if names and all(name in table.classes for name in names) else []


def _named_attribute(node: ast.Call) -> str:
    """The attribute name of `setattr(obj, "name", value)`, `hasattr(obj, "name")`, `getattr(...)`, else ''."""
    if isinstance(node.func, ast.Name) and node.func.id in NAMING_CALLS and len(node.args) >= 2:
        name = node.args[1]
        return name.value if isinstance(name, ast.Constant) and isinstance(name.value, str) else ""
    return ""


def _sets_by_computed_name(node: ast.AST) -> bool:
    """`setattr(obj, computed, ...)`, `vars(obj)`, or any use of `__dict__` or `__setattr__`."""
    if isinstance(node, ast.Attribute) and node.attr in ("__dict__", "__setattr__"):
        return True
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return False
    computed = node.func.id == "setattr" and not _named_attribute(node)
    return computed or (node.func.id == "vars" and bool(node.args))
