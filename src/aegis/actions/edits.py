"""Exact search/replace on a text, with errors that show the model where it went wrong.

Zero matches: the error shows the closest lines of the file (by difflib similarity) with their numbers, and
says when they differ only in whitespace. Several matches: the error gives their line numbers and asks for
more context. One match: the new text, the line of the change and a numbered snippet around it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from aegis.actions.models import ActionError

SNIPPET_CONTEXT = 2
"""Unchanged lines shown before and after an edit."""


@dataclass(frozen=True)
class Edit:
    text: str
    """The whole text after the edit."""
    line: int
    """1-based line where the replaced text started."""
    snippet: str
    """The edited region with a little context, numbered like read_file."""


def numbered(lines: Sequence[str], first: int) -> str:
    """Lines prefixed ``  12 | `` as read_file shows them."""
    return "\n".join(f"{number:>4} | {line}" for number, line in enumerate(lines, first))


def apply_edit(name: str, text: str, search: str, replace: str) -> Edit:
    if not search:
        raise ActionError("search is empty; to replace a whole file use create_file with overwrite=true")
    starts = occurrences(text, search)
    if not starts:
        raise ActionError(not_found_message(name, text, search))
    if len(starts) > 1:
        lines = ", ".join(str(line_of(text, start)) for start in starts)
        raise ActionError(
            f"the search text occurs {len(starts)} times in {name}, at lines {lines}; include more "
            "surrounding lines in search so that it matches exactly once"
        )
    start = starts[0]
    new_text = text[:start] + replace + text[start + len(search) :]
    line = line_of(text, start)
    return Edit(new_text, line, _snippet(new_text, line, replace))


def occurrences(text: str, search: str) -> list[int]:
    """Start offsets of every occurrence of ``search``, overlapping ones included."""
    starts: list[int] = []
    found = text.find(search)
    while found != -1:
        starts.append(found)
        found = text.find(search, found + 1)
    return starts


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def not_found_message(name: str, text: str, search: str) -> str:
    lines = text.splitlines()
    wanted = search.strip("\n").splitlines() or [search]
    if not lines:
        return f"the search text was not found in {name} (0 matches): the file is empty"
    first = closest_window(lines, wanted)
    window = lines[first : first + len(wanted)]
    last = first + len(window)
    spacing = [w.split() for w in window] == [w.split() for w in wanted]
    hint = "They differ from your search text only in spacing or indentation. " if spacing else ""
    where = f"line is {last}" if last == first + 1 else f"lines are {first + 1}-{last}"
    return (
        f"the search text was not found in {name} (0 matches). The closest {where}:\n"
        f"{numbered(window, first + 1)}\n{hint}Copy the search text exactly as the file has it "
        "(read_file shows it), without the line numbers."
    )


def closest_window(lines: Sequence[str], wanted: Sequence[str]) -> int:
    """Index of the run of ``len(wanted)`` lines most similar to ``wanted``."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2("\n".join(line.strip() for line in wanted))
    best, best_ratio = 0, -1.0
    for first in range(max(1, len(lines) - len(wanted) + 1)):
        matcher.set_seq1("\n".join(line.strip() for line in lines[first : first + len(wanted)]))
        if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = first, ratio
    return best


def _snippet(text: str, line: int, replace: str) -> str:
    lines = text.splitlines()
    first = max(1, line - SNIPPET_CONTEXT)
    last = min(len(lines), line + replace.count("\n") + SNIPPET_CONTEXT)
    return numbered(lines[first - 1 : last], first)
