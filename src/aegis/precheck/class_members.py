"""`self.name` in a method of a class that never defines `name`: an AttributeError once that line runs.

    undefined_self_members(tree, bindings) -> [(line, message)]

Most often a signal connected to a handler that was never written (`self.timer.timeout.connect(self.update_time)`
in a class Clock without update_time), which stops the program as the window is built.
Said only when it is certain: the class and each of its bases is either a class of this file or a PySide6 class
of the member table (a base from anywhere else, a decorator or a metaclass and the class is skipped); `name` is
not defined by any class of the file (a subclass may supply it), not stored as an attribute of any object,
not a member of a PySide6 base, not asked for by name (`hasattr(self, "name")`), not read inside a `try:`;
and no class of the file has `__getattr__` and nothing sets attributes by computed names.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Iterator

from aegis.precheck.bindings import Bindings, called_name
from aegis.precheck.member_table import MemberTable

MAIN_WINDOW = "QMainWindow"
DYNAMIC_METHODS = frozenset({"__getattr__", "__getattribute__"})
# Calls that set attributes on the object they are given (PyQt's uic.loadUi(file, self)).
DYNAMIC_CALLS = frozenset({"loadUi", "setupUi"})


def undefined_self_members(tree: ast.Module, bindings: Bindings) -> list[tuple[int, str]]:
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    defined = _defined_in_classes(classes)
    if bindings.dynamic or defined & DYNAMIC_METHODS or _calls_dynamic(tree):
        return []
    by_name: dict[str, list[ast.ClassDef]] = {}
    for cls in classes:
        by_name.setdefault(cls.name, []).append(cls)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for cls in classes:
        qt_names = _qt_names(cls, by_name, bindings, set())
        if qt_names is None:
            continue
        for node, call in _self_uses(cls):
            missing = node.attr not in defined | qt_names and not bindings.maybe_set(node.attr)
            if missing and (cls.name, node.attr) not in found:
                base = _qt_base(cls, by_name, bindings)
                message = _wrong_base(node, cls, base, bindings.table) or _message(node, call, cls, defined)
                found[(cls.name, node.attr)] = (node.lineno, message)
    return sorted(found.values())


def _wrong_base(node: ast.Attribute, cls: ast.ClassDef, base: str | None, table: MemberTable) -> str | None:
    """A QMainWindow method in a class that is another widget (`self.setCentralWidget` in a QWidget subclass):
    the class should be a QMainWindow. Only QMainWindow's own methods: their names say what they are."""
    if base is None or not table.inherits(base, "QWidget") or table.inherits(base, MAIN_WINDOW):
        return None
    if node.attr not in table.classes[MAIN_WINDOW].members or node.attr in _method_locals(cls):
        return None
    kind = f"class {cls.name} is a {base}, which has no {node.attr} (a {MAIN_WINDOW} method)"
    return f"line {node.lineno}: {kind}; make it class {cls.name}({MAIN_WINDOW})"


def _qt_base(cls: ast.ClassDef, by_name: dict[str, list[ast.ClassDef]], bindings: Bindings) -> str | None:
    """The first PySide6 class among the class's bases and theirs (the class is known to have no cycle)."""
    for base in cls.bases:
        if (qt := bindings.qt_class(base)) is not None:
            return qt
        local = by_name.get(base.id, []) if isinstance(base, ast.Name) else []
        if len(local) == 1 and (inherited := _qt_base(local[0], by_name, bindings)) is not None:
            return inherited
    return None


def _message(node: ast.Attribute, call: ast.Call | None, cls: ast.ClassDef, defined: set[str]) -> str:
    own = sorted(_defined_in_classes([cls]))
    similar = difflib.get_close_matches(node.attr, own, n=1, cutoff=0.6)
    instead = f", or did you mean self.{similar[0]}?" if similar else ""
    if call is not None and called_name(call) == "connect":
        connected = f"line {node.lineno}: the signal is connected to self.{node.attr}"
        return f"{connected}, which class {cls.name} never defines; define the method {node.attr}{instead}"
    local = (
        f" (a local variable {node.attr} is gone once its method returns)" if node.attr in _method_locals(cls) else ""
    )
    fix = f"assign self.{node.attr} = ... in __init__{local}{instead}"
    return f"line {node.lineno}: self.{node.attr} is used, but class {cls.name} never defines or sets it; {fix}"


def _qt_names(
    cls: ast.ClassDef, by_name: dict[str, list[ast.ClassDef]], bindings: Bindings, seen: set[str]
) -> set[str] | None:
    """The members the class gets from its PySide6 bases; None if a base (or anything else) is unknown."""
    if cls.decorator_list or cls.keywords or cls.name in seen:
        return None
    names: set[str] = set()
    for base in cls.bases:
        qt = bindings.qt_class(base)
        local = by_name.get(base.id, []) if isinstance(base, ast.Name) else []
        if qt is not None:
            names |= bindings.table.names(qt)
        elif len(local) == 1:
            inherited = _qt_names(local[0], by_name, bindings, seen | {cls.name})
            if inherited is None:
                return None
            names |= inherited
        elif not (isinstance(base, ast.Name) and base.id == "object"):
            return None
    return names


def _defined_in_classes(classes: list[ast.ClassDef]) -> set[str]:
    """Every name a class body binds (methods, class attributes, imports), and every function or class name."""
    names: set[str] = set()
    for cls in classes:
        for node in _class_level(cls):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                names.add(node.id)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[0])
    return names


def _class_level(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a class body outside its methods (method and nested class names included)."""
    for child in ast.iter_child_nodes(node):
        yield child
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _class_level(child)


def _method_locals(cls: ast.ClassDef) -> set[str]:
    return {node.id for node in ast.walk(cls) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}


def _self_uses(cls: ast.ClassDef) -> Iterator[tuple[ast.Attribute, ast.Call | None]]:
    """Each `self.name` read in the class's own methods, with the call it is passed to, if any."""
    for method in cls.body:
        if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef) or not _takes_self(method):
            continue
        passed = {id(arg): node for node in _walk_method(method) if isinstance(node, ast.Call) for arg in node.args}
        tries = [node for node in _walk_method(method) if isinstance(node, ast.Try)]
        guarded = {id(node) for statement in tries for node in _tried(statement)}
        for node in _walk_method(method):
            if _is_self_read(node) and id(node) not in guarded:
                yield node, passed.get(id(node))  # type: ignore[misc]


def _tried(node: ast.Try) -> Iterator[ast.AST]:
    """The nodes of a `try:` body: an AttributeError there may be caught on purpose."""
    for statement in node.body:
        yield from ast.walk(statement)


def _takes_self(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = method.args.posonlyargs + method.args.args
    plain = not any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in method.decorator_list)
    return plain and bool(arguments) and arguments[0].arg == "self"


def _walk_method(method: ast.AST) -> Iterator[ast.AST]:
    """The method's nodes, nested functions included, nested classes and rebinding of `self` excluded."""
    for child in ast.iter_child_nodes(method):
        if isinstance(child, ast.ClassDef) or (isinstance(child, ast.arg) and child.arg == "self"):
            continue
        yield child
        if not isinstance(child, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef) or not _rebinds_self(child):
            yield from _walk_method(child)


def _rebinds_self(function: ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = function.args
    return any(a.arg == "self" for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs)


def _is_self_read(node: ast.AST) -> bool:
    if not isinstance(node, ast.Attribute) or not isinstance(node.ctx, ast.Load) or node.attr.startswith("__"):
        return False
    return isinstance(node.value, ast.Name) and node.value.id == "self"


def _calls_dynamic(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Call) and called_name(node) in DYNAMIC_CALLS for node in ast.walk(tree))
