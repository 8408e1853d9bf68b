"""File actions inside the workspace: read, create, edit, list and outline. Every path goes through Policy.resolve.

Files are written with ``O_NOFOLLOW`` (and ``O_EXCL`` when they must be new), so the resolved path is the one
written even if a symlink appeared since. Python files are parsed after every write and a syntax error is
noted in the result's logs, so the model hears about it at once.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from aegis.actions.edits import apply_edit, numbered
from aegis.actions.models import (
    ActionError,
    CreateFileParams,
    EditFileParams,
    GetSymbolsParams,
    ListFilesParams,
    Output,
    ReadFileParams,
)
from aegis.actions.policy import Policy

if TYPE_CHECKING:
    from aegis.actions.registry import Registry

SKIPPED_DIRS = frozenset({"__pycache__", ".git"})
"""Folders listed but not entered by a recursive ``list_files``."""


def register(registry: Registry, policy: Policy) -> None:
    registry.register("read_file", ReadFileParams, partial(read_file, policy), "Read a text file, with line numbers.")
    registry.register(
        "create_file", CreateFileParams, partial(create_file, policy), "Create a new file with the given text."
    )
    registry.register(
        "edit_file",
        EditFileParams,
        partial(edit_file, policy),
        "Replace one exact occurrence of `search` in a file with `replace`.",
    )
    registry.register(
        "list_files", ListFilesParams, partial(list_files, policy), "List the files in a workspace directory."
    )
    registry.register(
        "get_symbols",
        GetSymbolsParams,
        partial(get_symbols, policy),
        "Outline a Python file: its classes, functions and methods with line numbers.",
    )


def read_file(policy: Policy, params: ReadFileParams) -> Output:
    path, name = _existing_file(policy, params.path)
    start, end = params.start_line, params.end_line or None
    if end is not None and end < start:
        raise ActionError(f"end_line {end} is before start_line {start}")
    with path.open(encoding="utf-8", errors="replace", newline=None) as file:
        rows, total, cut_at = _page(file, start, end, policy.max_read_bytes)
    if total and start > total:
        raise ActionError(f"{name} has only {total} lines; start_line {start} is past the end")
    logs = [f"output cut at {policy.max_read_bytes} bytes; read on with start_line={cut_at}"] if cut_at else []
    if not total:
        logs.append(f"{name} is empty")
    last = start + len(rows) - 1 if rows else 0
    data = {"path": name, "start_line": start, "end_line": last, "total_lines": total, "content": "\n".join(rows)}
    return Output(data=data, logs=logs)


def create_file(policy: Policy, params: CreateFileParams) -> Output:
    data = params.content.encode()
    _check_size(policy, len(data))
    path = policy.resolve(params.path)
    name = policy.relative(path)
    existed = path.exists()
    if existed and not path.is_file():
        raise ActionError(f"{name} exists and is not a regular file")
    if existed and not params.overwrite:
        raise ActionError(
            f"{name} exists already; change it with edit_file, or pass overwrite=true to replace all of it"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, data, new=not params.overwrite)
    lines = params.content.count("\n") + (not params.content.endswith("\n") and bool(params.content))
    result = {"path": name, "bytes": len(data), "lines": lines, "replaced": existed}
    return Output(data=result, logs=_syntax_notes(name, params.content))


def edit_file(policy: Policy, params: EditFileParams) -> Output:
    path, name = _existing_file(policy, params.path)
    size = path.stat().st_size
    if size > policy.max_write_bytes:
        raise ActionError(f"{name} is {size} bytes, over the {policy.max_write_bytes}-byte limit for edits")
    try:
        text = path.read_bytes().decode()
    except UnicodeDecodeError:
        raise ActionError(f"{name} is not UTF-8 text and cannot be edited") from None
    edit = apply_edit(name, text, params.search, params.replace)
    data = edit.text.encode()
    _check_size(policy, len(data))
    _write(path, data, new=False)
    result = {"path": name, "line": edit.line, "snippet": edit.snippet}
    return Output(data=result, logs=_syntax_notes(name, edit.text))


def list_files(policy: Policy, params: ListFilesParams) -> Output:
    folder = policy.resolve(params.path)
    name = policy.relative(folder)
    if not folder.is_dir():
        raise ActionError(f"{name} is not a directory" + ("; read it with read_file" if folder.is_file() else ""))
    entries: list[str] = []
    logs: list[str] = []
    for path in _walk(folder, params.recursive):
        if len(entries) == policy.max_list_entries:
            logs.append(f"listing cut at {policy.max_list_entries} entries; list a subdirectory to see more")
            break
        entries.append(_describe(policy, path))
    if not entries:
        logs.append(f"{name} is empty")
    return Output(data={"path": name, "entries": entries}, logs=logs)


def get_symbols(policy: Policy, params: GetSymbolsParams) -> dict[str, Any]:
    path, name = _existing_file(policy, params.path)
    size = path.stat().st_size
    if size > policy.max_write_bytes:
        raise ActionError(f"{name} is {size} bytes, too large to outline")
    tree = parse_python(name, path.read_text(encoding="utf-8", errors="replace"))
    symbols = list(_symbols(tree.body, depth=0))
    outline = "\n".join(f"{'  ' * s['depth']}{s['signature']}  line {s['line']}-{s['end_line']}" for s in symbols)
    return {"path": name, "symbols": symbols, "outline": outline}


def parse_python(name: str, source: str) -> ast.Module:
    """The module's AST; ActionError ``NAME does not parse: line N: ...`` when it has none."""
    try:
        return ast.parse(source, filename=name)
    except SyntaxError as exc:
        raise ActionError(f"{name} does not parse: {_syntax_error(exc)}") from None
    except (MemoryError, RecursionError):
        raise ActionError(f"{name} does not parse: it is nested too deeply") from None


def _existing_file(policy: Policy, path: str) -> tuple[Path, str]:
    real = policy.resolve(path)
    name = policy.relative(real)
    if real.is_dir():
        raise ActionError(f"{name} is a directory; list it with list_files")
    if not real.exists():
        raise ActionError(f"{name} does not exist; list_files shows what does")
    if not real.is_file():
        raise ActionError(f"{name} is not a regular file")
    return real, name


def _page(file: IO[str], start: int, end: int | None, cap: int) -> tuple[list[str], int, int | None]:
    """Numbered lines ``start..end`` up to ``cap`` bytes, the file's line count, and where output was cut."""
    rows: list[str] = []
    size, total, cut_at = 0, 0, None
    line_limit = max(1, (cap - 32) // 4)  # so that one line, numbered and in UTF-8, always fits
    for total, line in enumerate(_lines(file, line_limit), 1):
        if total < start or (end is not None and total > end) or cut_at:
            continue
        row = numbered([line], total)
        size += len(row.encode()) + 1
        if size > cap:
            cut_at = total
        else:
            rows.append(row)
    return rows, total, cut_at


def _lines(file: IO[str], limit: int) -> Iterator[str]:
    """The file's lines without their ends; a line longer than ``limit`` is cut without reading it all in."""
    while piece := file.readline(limit):
        if "\x00" in piece:
            raise ActionError("the file looks binary (it contains NUL bytes); only text files can be read")
        if not piece.endswith("\n"):
            rest = file.readline(limit)
            piece = f"{piece}…[line cut]" if rest and rest != "\n" else piece
            while rest and not rest.endswith("\n"):
                rest = file.readline(limit)
        yield piece.rstrip("\n")


def _walk(top: Path, recursive: bool) -> Iterator[Path]:
    """Entries under ``top`` in name order; never enters symlinked folders (they may lead outside)."""
    stack = [top]
    while stack:
        children = sorted(stack.pop().iterdir())
        yield from children
        if recursive:
            inside = [c for c in children if c.is_dir() and not c.is_symlink() and c.name not in SKIPPED_DIRS]
            stack.extend(reversed(inside))


def _describe(policy: Policy, path: Path) -> str:
    name = path.relative_to(policy.root).as_posix()
    if path.is_symlink():
        return f"{name} (symlink)"
    if path.is_dir():
        return f"{name}/"
    return f"{name} ({path.stat().st_size} bytes)"


def _check_size(policy: Policy, size: int) -> None:
    if size > policy.max_write_bytes:
        raise ActionError(f"the new file would be {size} bytes; the limit is {policy.max_write_bytes}")


def _write(path: Path, data: bytes, *, new: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_EXCL if new else os.O_TRUNC)
    with os.fdopen(os.open(path, flags, 0o644), "wb") as file:
        file.write(data)


def _syntax_notes(name: str, text: str) -> list[str]:
    if not name.endswith(".py"):
        return []
    try:
        parse_python(name, text)
    except ActionError as exc:
        return [f"warning: {exc}"]
    return []


def _syntax_error(exc: SyntaxError) -> str:
    where = f"line {exc.lineno}" + (f", column {exc.offset}" if exc.offset else "")
    text = f"\n{numbered([exc.text.rstrip()], exc.lineno)}" if exc.text and exc.lineno else ""
    return f"{where}: {exc.msg}{text}"


def _symbols(body: list[ast.stmt], depth: int) -> Iterator[dict[str, Any]]:
    for node in body:
        if isinstance(node, ast.ClassDef):
            bases = ", ".join(ast.unparse(base) for base in node.bases)
            yield _symbol("class", node, depth, f"class {node.name}" + (f"({bases})" if bases else ""))
            yield from _symbols(node.body, depth + 1)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            kind = "method" if depth else "function"
            prefix = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
            yield _symbol(kind, node, depth, f"{prefix} {node.name}({ast.unparse(node.args)})")


def _symbol(kind: str, node: ast.stmt, depth: int, signature: str) -> dict[str, Any]:
    end = node.end_lineno or node.lineno
    return {
        "kind": kind,
        "name": getattr(node, "name", ""),
        "line": node.lineno,
        "end_line": end,
        "depth": depth,
        "signature": signature,
    }
