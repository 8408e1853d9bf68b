"""A window reads `self.x` that only a later method sets, always to the same constant: __init__ sets it first.

The small model keeps a stopwatch's count in `self.elapsed`, sets it to 0.0 only in reset(), and its tick()
dies with "AttributeError: 'MainWindow' object has no attribute 'elapsed'" on the first Start (the easy bench's
stopwatch, seed 2001, kept it through both rounds):

    def __init__(self):                      def __init__(self):
        super().__init__()                       super().__init__()
        ...                              ->      self.elapsed = 0.0
    def reset(self):                             ...
        self.elapsed = 0.0
    def tick(self):
        self.elapsed += 0.1

Only where the class derives from Qt classes the member table knows and none of them has a member `x`; every
store of an attribute `x` in the file (on any object; `+=` only changes it) is `self.x = <the same constant>` in
a handler of this class (connected to a signal, never called directly); something reads `self.x`; and nothing
names `x` in a string (hasattr, getattr, setattr), which may be how the program tells whether it is set.
"""

from __future__ import annotations

import ast
import io

from aegis.precheck.bindings import NAMING_CALLS, base_names, called_name, on_self, qt_bases, self_slots
from aegis.precheck.member_table import MemberTable, load_members


def fix_unset_attribute(code: str) -> tuple[str, list[str]]:
    """`code` (which compiles) with `self.x = <constant>` added to __init__ for each such attribute."""
    tree = ast.parse(code)
    table = load_members()
    named = _named_in_strings(tree)
    augmented = {id(node.target) for node in ast.walk(tree) if isinstance(node, ast.AugAssign)}
    stores = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and id(node) not in augmented
    ]
    lines = io.StringIO(code, newline="").readlines()
    inserts: list[tuple[int, str]] = []
    fixes: list[str] = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        init = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
        if init is None or not qt_bases(cls, table) or init.body[0].lineno == init.lineno:
            continue
        where = _insertion_line(init)
        indent = lines[where - 1][: init.body[0].col_offset]
        for attribute, (value, setter) in sorted(_unset(cls, stores, augmented, table).items()):
            if attribute in named:
                continue
            inserts.append((where, f"{indent}self.{attribute} = {value}\n"))
            fixes.append(
                f"self.{attribute} was set only in {setter}(); set self.{attribute} = {value} in __init__ too, "
                "so nothing reads it before it exists"
            )
    for line, text in sorted(inserts, key=lambda insert: insert[0], reverse=True):
        lines.insert(line - 1, text)
    return "".join(lines), fixes


def _unset(
    cls: ast.ClassDef, stores: list[ast.Attribute], augmented: set[int], table: MemberTable
) -> dict[str, tuple[str, str]]:
    """attribute -> (its one constant as source, the handler that sets it), for each attribute of the class that
    only its handlers set, always to that constant, and something reads (`self.x += 1` reads it first)."""
    methods = [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name != "__init__"]
    called = {called_name(n) for n in ast.walk(cls) if isinstance(n, ast.Call)}
    attributes = [n for n in ast.walk(cls) if isinstance(n, ast.Attribute) and on_self(n)]
    read = {n.attr for n in attributes if isinstance(n.ctx, ast.Load) or id(n) in augmented}
    connected = self_slots(cls)
    found: dict[str, tuple[str, str]] = {}
    handlers = [m for m in methods if m.name in connected and m.name not in called]  # run when the user acts
    for method in handlers:
        for statement in (n for n in ast.walk(method) if isinstance(n, ast.Assign) and len(n.targets) == 1):
            target, value = statement.targets[0], statement.value
            if isinstance(target, ast.Attribute) and on_self(target) and isinstance(value, ast.Constant):
                found.setdefault(target.attr, (ast.unparse(value), method.name))
    bases = base_names(cls)
    return {
        attribute: (value, setter)
        for attribute, (value, setter) in found.items()
        if attribute in read
        and not any(table.has(base, attribute) for base in bases)
        and _all_stores_are(attribute, value, stores, handlers)
    }


def _all_stores_are(attribute: str, value: str, stores: list[ast.Attribute], methods: list[ast.FunctionDef]) -> bool:
    """True when every store of `.attribute` in the file is `self.attribute = value` in one of `methods`."""
    allowed: set[int] = set()
    for method in methods:
        for statement in (n for n in ast.walk(method) if isinstance(n, ast.Assign) and len(n.targets) == 1):
            target = statement.targets[0]
            constant = isinstance(statement.value, ast.Constant) and ast.unparse(statement.value) == value
            if isinstance(target, ast.Attribute) and on_self(target) and constant:
                allowed.add(id(target))
    return all(id(store) in allowed for store in stores if store.attr == attribute)


def _named_in_strings(tree: ast.Module) -> set[str]:
    """Attribute names a hasattr, getattr or setattr call spells out."""
    names = set()
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and called_name(n) in NAMING_CALLS):
        names |= {a.value for a in call.args[1:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return names


def _insertion_line(init: ast.FunctionDef) -> int:
    """The line before which the new assignment goes: after a leading super().__init__(...), else first."""
    first = init.body[0]
    call = first.value if isinstance(first, ast.Expr) else None
    if isinstance(call, ast.Call) and called_name(call) == "__init__" and len(init.body) > 1:
        return init.body[1].lineno
    return first.lineno
