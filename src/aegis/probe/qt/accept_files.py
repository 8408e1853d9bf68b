"""What an acceptance check reads from the files an app wrote: a saved file's format and text, SQLite rows.

    format_problem(data, fmt)           "" when the bytes really are a file of that format, else why not
    file_texts(data, fmt)               the texts expect_file compares with (an HTML file also without its tags)
    holds(data, fmt, text)              the file contains the text: in UTF-8 or UTF-16, any case
    databases(roots, since)             SQLite files under the folders, written since then, symlinks never left
    rows_holding(path, text)            whether a cell of some table holds the text, and what tables there are
    written_files(roots, since, skip)   every file under the folders written since then, but those skipped
    stored_in(path, text)               the file (a SQLite database: a cell) holds the text in plain sight

Standard library only; runs inside the app's child process, which wrote the files.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Collection, Iterable
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SQLITE_HEADER = b"SQLite format 3\x00"
HTML_TAG = re.compile(r"<(html|body|p)[\s>/]", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
NAMES = {"pdf": "PDF", "png": "PNG image", "svg": "SVG image", "html": "HTML file", "csv": "CSV file"}
MAX_FILES = 5000
"""Files looked at per folder, at most, when searching for databases."""
SKIPPED_FOLDERS = {".git", ".venv", "venv", "__pycache__", "node_modules", "site-packages"}
MAX_BYTES = 20_000_000
"""Bytes of one file read, at most, when looking for a text in it."""
MAX_ROWS = 2000
"""Rows read per table, at most."""
SECONDS_SLACK = 1.0
"""File times are coarse: a file written this long before the check began still counts."""


def format_name(fmt: str) -> str:
    return NAMES.get(fmt, f"{fmt.upper()} file")


def format_problem(data: bytes, fmt: str) -> str:
    """Why the bytes are not a file of that format, as the end of a sentence; "" when they are one."""
    return "" if FORMATS[fmt](data) else f"it starts with {data[:40]!r}" if data else "it is empty"


def _is_svg(data: bytes) -> bool:
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError):
        return False
    return root.tag.rsplit("}", 1)[-1].casefold() == "svg"


def _is_csv(data: bytes) -> bool:
    text = _utf8(data)
    if text is None or text.lstrip()[:1] in ("<", "{", "["):
        return False
    try:
        return any(any(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text)))
    except csv.Error:
        return False


def _is_json(data: bytes) -> bool:
    text = _utf8(data)
    try:
        json.loads(text or "")
    except ValueError:
        return False
    return True


def _utf8(data: bytes) -> str | None:
    """The text, if the bytes are UTF-8 (a BOM allowed) without NUL characters."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


FORMATS: dict[str, Callable[[bytes], bool]] = {
    "pdf": lambda data: data.lstrip().startswith(b"%PDF"),
    "png": lambda data: data.startswith(PNG_SIGNATURE),
    "svg": _is_svg,
    "html": lambda data: bool(HTML_TAG.search(data.decode("utf-8", errors="replace"))),
    "csv": _is_csv,
    "json": _is_json,
    "txt": lambda data: _utf8(data) is not None,
}


def file_texts(data: bytes, fmt: str) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    return [text, html.unescape(TAG.sub(" ", text))] if fmt == "html" else [text]


def holds(data: bytes, fmt: str, text: str) -> bool:
    """Whether the file holds the text in plain sight: UTF-8 (an HTML file's text also without tags) or UTF-16."""
    wanted = _plain(text)
    if any(wanted in _plain(found) for found in file_texts(data, fmt)):
        return True
    return any(text.encode(encoding) in data for encoding in ("utf-16-le", "utf-16-be"))


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def databases(roots: Iterable[Path], since: float) -> list[Path]:
    """SQLite files under the folders, created or changed since then; never a path that leaves them."""
    folders = list(dict.fromkeys(root.resolve() for root in roots))
    return [path for path in _files(folders) if _is_database(path) and _changed(path) >= since - SECONDS_SLACK]


def written_files(roots: Iterable[Path], since: float, skip: Iterable[Path] = ()) -> list[Path]:
    """Files under the folders created or changed since then, but those in `skip` (files or folders)."""
    folders = list(dict.fromkeys(root.resolve() for root in roots))
    skipped = {path.resolve() for path in skip}
    return [
        path
        for path in _files(folders, skipped)
        if path.resolve() not in skipped and path.is_file() and _changed(path) >= since - SECONDS_SLACK
    ]


def stored_in(path: Path, text: str) -> bool:
    """In the file's bytes, UTF-8 or UTF-16 (a database's pages too, deleted rows included), or in a cell of a
    database (which also sees what its write-ahead log holds)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES)
    except OSError:
        return False
    return holds(data, "txt", text) or (_is_database(path) and rows_holding(path, text)[0])


def _files(folders: list[Path], skipped: Collection[Path] = ()) -> Iterable[Path]:
    for folder in folders:
        seen = 0
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = [
                name
                for name in subfolders
                if name not in SKIPPED_FOLDERS and Path(parent, name).resolve() not in skipped
            ]
            for name in names:
                path = Path(parent, name)
                seen += 1
                if seen > MAX_FILES:
                    return
                if not path.is_symlink() and any(path.resolve().is_relative_to(f) for f in folders):
                    yield path


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _changed(path: Path) -> float:
    """The latest change to the database, its journal or write-ahead log included."""
    files = [Path(f"{path}{tail}") for tail in ("", "-wal", "-journal")]
    return max((file.stat().st_mtime for file in files if file.exists()), default=0.0)


def rows_holding(path: Path, text: str) -> tuple[bool, str]:
    """Whether some table has a row with a cell containing the text (any case); and the tables, in words."""
    wanted, tables = text.casefold(), []
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=0.1)) as database:
            for (table,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                name = table.replace('"', '""')
                rows = database.execute(f'SELECT * FROM "{name}" LIMIT {MAX_ROWS}').fetchall()
                if any(wanted in _cell(cell) for row in rows for cell in row):
                    return True, ""
                tables.append(f"{table} ({len(rows)} row{'s' * (len(rows) != 1)})")
    except sqlite3.Error as exc:
        return False, f"{path.name}: cannot be read ({exc})"
    return False, f"{path.name}: {', '.join(tables) or 'no tables'}"


def _cell(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").casefold()
    return "" if value is None else str(value).casefold()
