"""The guard that cuts a looping model short, fed the way llama.cpp streams (a few characters at a time)."""

from __future__ import annotations

from aegis.llm.repetition import RepetitionGuard
from helpers import COUNTER_APP


def stream(text: str, size: int = 3) -> int | None:
    """Feed text in small chunks; return how many characters were fed when the guard fired."""
    guard = RepetitionGuard()
    for start in range(0, len(text), size):
        if guard.feed(text[start : start + size]):
            return start + size
    return None


def test_real_program_is_never_cut() -> None:
    assert stream(COUNTER_APP * 3) is None


def test_legitimate_repeated_rows_are_kept() -> None:
    grid = "GRID = [\n" + "    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],\n" * 10 + "]\n"
    assert stream(grid) is None


def test_one_line_looping_is_cut() -> None:
    fired = stream("import sys\n" + "self.label.setText('x')\n" * 50)
    assert fired is not None and fired < 20 * 24


def test_block_looping_is_cut() -> None:
    block = "def f(self):\n    return 1\n\n"
    fired = stream("import sys\n" + block * 40)
    assert fired is not None and fired < 10 * len(block)


def test_character_looping_without_newlines_is_cut() -> None:
    fired = stream("x = '" + "ab[" * 500)
    assert fired is not None and fired < 500
