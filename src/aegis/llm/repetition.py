"""Detect a model stuck in a loop, so generation can be cut instead of running to max_tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

SINGLE_LINE_REPEATS = 12
"""The same line this many times in a row is a loop (legitimate code rarely does even 10)."""
BLOCK_REPEATS = 5
MAX_BLOCK_LINES = 8
TAIL_CHARS = 320
"""A line that grows this long as one short unit repeated (`[[[[...`, `foo foo foo ...`) is a loop too."""
MAX_UNIT_CHARS = 80


@dataclass
class RepetitionGuard:
    """Feed it streamed text; it says when the last complete lines are one block repeating."""

    _partial: str = ""
    _lines: list[str] = field(default_factory=list)

    def feed(self, delta: str) -> bool:
        text = self._partial + delta
        *complete, self._partial = text.split("\n")
        self._lines.extend(line.rstrip() for line in complete)
        return (bool(complete) and self.looping()) or _periodic(self._partial[-TAIL_CHARS:])

    def looping(self) -> bool:
        return any(self._repeats(size) for size in range(1, MAX_BLOCK_LINES + 1))

    def _repeats(self, size: int) -> bool:
        times = SINGLE_LINE_REPEATS if size == 1 else BLOCK_REPEATS
        window = self._lines[-size * times :]
        if len(window) < size * times:
            return False
        block = window[:size]
        if not any(line.strip() for line in block) or (size > 1 and len(set(block)) == 1):
            return False
        return all(window[i : i + size] == block for i in range(0, len(window), size))


def _periodic(tail: str) -> bool:
    if len(tail) < TAIL_CHARS or not tail.strip():
        return False
    return any(tail == (tail[-size:] * (TAIL_CHARS // size + 1))[-TAIL_CHARS:] for size in range(1, MAX_UNIT_CHARS + 1))
