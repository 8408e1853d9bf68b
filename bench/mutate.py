"""Inject one fault into each GUI handler of a PySide6 program, for the check benchmark.

    .venv/bin/python bench/mutate.py bench/corpus/calculator.py

A handler is a function or method that the program connects to a signal, or marks with `@Slot`:
`x.clicked.connect(self.f)`, `connect(f)`, `connect(lambda: self.f(...))`, `connect(partial(self.f, ...))`,
`connect(slot)` where `slot` comes from a loop over literal tuples, `QTimer.singleShot(ms, self.f)`, and
`connect(self.other.f)` when exactly one class in the file defines `f`. Slots that Qt itself provides
(`self.close`, `label.setText`) are not in the source and are left alone.

Each handler gets one mutant: a fault put first in its body (after a docstring) that raises whenever the
handler runs. The kind of fault goes round FAULTS in handler order, so the output is deterministic.
A handler that is connected only to a timer (`timeout`, `singleShot`) has trigger "timer": it may fire by
itself, so the bench reports it apart from the "gui" ones that need the user.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FAULTS = ("raise", "zero_division", "attribute_typo", "none_call")
TIMER_SIGNALS = frozenset({"timeout", "singleShot"})
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class Handler:
    """A function reached from a signal: where it is defined and which signals reach it."""

    qualname: str
    line: int
    signals: tuple[str, ...]
    sites: tuple[tuple[int, int], ...] = ()
    """First and last line of each `connect(...)` call that reaches the handler (none for `@Slot` alone)."""

    @property
    def trigger(self) -> str:
        return "timer" if set(self.signals) <= TIMER_SIGNALS else "gui"


@dataclass(frozen=True)
class Mutant:
    """The program with one fault; `line` is the line of the mutant that raises."""

    name: str
    source: str
    handler: str
    line: int
    fault: str
    trigger: str
    signals: tuple[str, ...]
    sites: tuple[tuple[int, int], ...] = ()

    @property
    def slug(self) -> str:
        """A file-name-safe form of `name`."""
        return self.name.replace(".", "_").replace(":", "__")


def mutants(source: str) -> list[Mutant]:
    """One mutant per handler of `source`, in the order the handlers are defined."""
    tree = ast.parse(source)
    found = find_handlers(tree)
    result = []
    for index, (node, handler) in enumerate(sorted(found.values(), key=lambda pair: pair[1].line)):
        fault = FAULTS[index % len(FAULTS)]
        text, line = inject(source, node, fault)
        result.append(
            Mutant(
                f"{handler.qualname}:{fault}",
                text,
                handler.qualname,
                line,
                fault,
                handler.trigger,
                handler.signals,
                handler.sites,
            )
        )
    return result


def find_handlers(tree: ast.Module) -> dict[int, tuple[FunctionNode, Handler]]:
    """Handlers keyed by the id of their definition node."""
    index = _Index(tree)
    signals: dict[int, list[str]] = {}
    sites: dict[int, list[tuple[int, int]]] = {}
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        connection = _connection(call)
        if connection is None:
            continue
        signal, target = connection
        for function in index.resolve(target, call):
            names = signals.setdefault(id(function), [])
            if signal not in names:
                names.append(signal)
            sites.setdefault(id(function), []).append((call.lineno, call.end_lineno or call.lineno))
    for function in index.functions:
        if _has_slot_decorator(function):
            signals.setdefault(id(function), []).append("@Slot")
    found = {}
    for key, names in signals.items():
        function = index.by_id[key]
        handler = Handler(index.qualname(function), function.lineno, tuple(names), tuple(sites.get(key, ())))
        found[key] = (function, handler)
    return found


def _connection(call: ast.Call) -> tuple[str, ast.expr] | None:
    """(signal name, slot expression) when `call` connects a slot, else None."""
    func = call.func
    if not isinstance(func, ast.Attribute) or not call.args:
        return None
    if func.attr == "connect":
        owner = func.value
        signal = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "signal")
        return signal, call.args[0]
    if func.attr == "singleShot":
        return "singleShot", call.args[-1]
    return None


def _has_slot_decorator(function: FunctionNode) -> bool:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "Slot":
            return True
    return False


class _Index:
    """Where every function of a module is, and what encloses each node."""

    def __init__(self, tree: ast.Module) -> None:
        self.parents: dict[int, ast.AST] = {}
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[id(child)] = parent
        self.functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        self.by_id = {id(function): function for function in self.functions}

    def ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        while id(node) in self.parents:
            node = self.parents[id(node)]
            yield node

    def qualname(self, function: FunctionNode) -> str:
        names = [a.name for a in self.ancestors(function) if isinstance(a, ast.ClassDef | ast.FunctionDef)]
        return ".".join([*reversed(names), function.name])

    def resolve(self, target: ast.expr, site: ast.AST) -> list[FunctionNode]:
        """The functions of this module that calling or connecting `target` at `site` may run."""
        if isinstance(target, ast.Lambda):
            calls = [n.func for n in ast.walk(target.body) if isinstance(n, ast.Call)]
            return [f for func in calls for f in self.resolve(func, site)]
        if isinstance(target, ast.Call) and getattr(target.func, "id", getattr(target.func, "attr", "")) == "partial":
            return self.resolve(target.args[0], site) if target.args else []
        if isinstance(target, ast.Attribute):
            return self._method(target, site)
        if isinstance(target, ast.Name):
            return self._named(target.id, site)
        return []

    def _method(self, target: ast.Attribute, site: ast.AST) -> list[FunctionNode]:
        if isinstance(target.value, ast.Name) and target.value.id == "self":
            cls = next((a for a in self.ancestors(site) if isinstance(a, ast.ClassDef)), None)
            own = [n for n in (cls.body if cls else []) if getattr(n, "name", None) == target.attr]
            if own and isinstance(own[0], ast.FunctionDef | ast.AsyncFunctionDef):
                return [own[0]]
        methods = [f for f in self.functions if f.name == target.attr and self._in_class(f)]
        return methods if len(methods) == 1 else []

    def _in_class(self, function: FunctionNode) -> bool:
        return isinstance(self.parents.get(id(function)), ast.ClassDef)

    def _named(self, name: str, site: ast.AST) -> list[FunctionNode]:
        for scope in self.ancestors(site):
            if isinstance(scope, ast.For):
                values = _loop_values(scope, name)
                if values is not None:
                    return [f for value in values for f in self.resolve(value, site)]
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
                local = [n for n in scope.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
                match = [n for n in local if n.name == name]
                if match:
                    return match[-1:]
        return []


def _loop_values(loop: ast.For, name: str) -> list[ast.expr] | None:
    """The values `name` takes in `for ... in <literal>` when it is one of the loop's targets, else None."""
    if not isinstance(loop.iter, ast.Tuple | ast.List):
        return None
    if isinstance(loop.target, ast.Name):
        return list(loop.iter.elts) if loop.target.id == name else None
    if not isinstance(loop.target, ast.Tuple):
        return None
    names = [getattr(elt, "id", None) for elt in loop.target.elts]
    if name not in names:
        return None
    position = names.index(name)
    rows = [row for row in loop.iter.elts if isinstance(row, ast.Tuple | ast.List) and len(row.elts) > position]
    return [row.elts[position] for row in rows]


def fault_lines(fault: str, is_method: bool) -> list[str]:
    """The statements of one fault; the last one raises."""
    if fault == "raise":
        return ['raise ValueError("injected fault")']
    if fault == "zero_division":
        return ["_ratio = 1 / 0"]
    if fault == "attribute_typo":
        return ["_ = self._missing_attr_injected.value" if is_method else '_ = "".missing_attr_injected']
    return ["_callback = None", "_callback()"]


def inject(source: str, function: FunctionNode, fault: str) -> tuple[str, int]:
    """`source` with `fault` first in `function`'s body, and the number of the line that raises."""
    args = function.args.posonlyargs + function.args.args
    statements = fault_lines(fault, bool(args) and args[0].arg == "self")
    body = function.body
    has_docstring = _is_docstring(body[0])
    anchor = body[1] if has_docstring and len(body) > 1 else body[0]
    if anchor.lineno == function.lineno or (anchor is body[0] and has_docstring):
        return _inject_by_unparse(source, function, statements)
    lines = source.splitlines(keepends=True)
    first = min([anchor.lineno, *(d.lineno for d in getattr(anchor, "decorator_list", []))])
    indent = lines[first - 1][: len(lines[first - 1]) - len(lines[first - 1].lstrip())]
    new = [f"{indent}{statement}\n" for statement in statements]
    return "".join(lines[: first - 1] + new + lines[first - 1 :]), first - 1 + len(new)


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _inject_by_unparse(source: str, function: FunctionNode, statements: list[str]) -> tuple[str, int]:
    """For a body that shares the `def` line or is only a docstring: rewrite the module with ast."""
    tree = ast.parse(source)
    target = next(n for n in ast.walk(tree) if isinstance(n, type(function)) and n.lineno == function.lineno)
    marker = "_injected_fault_marker"
    new = [*ast.parse("\n".join(statements)).body, ast.Expr(ast.Name(marker))]
    skip = 1 if _is_docstring(target.body[0]) else 0
    target.body[skip:skip] = new
    text = ast.unparse(tree) + "\n"
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == marker)
    return "".join(lines[:at] + lines[at + 1 :]), at


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for mutant in mutants(Path(argv[0]).read_text(encoding="utf-8")):
        print(f"{mutant.line:5d}  {mutant.trigger:5s}  {mutant.name}  [{', '.join(mutant.signals)}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
