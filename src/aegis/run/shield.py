"""Ctrl-C held back while a run folder is finalized, so a second one never leaves it half-written.

    with interrupts_deferred(): ...   a SIGINT inside the block is handled when the block is done

The first Ctrl-C stops the build, and the build's `finally` then finalizes its run folder. A second Ctrl-C
pressed quickly would raise a new KeyboardInterrupt in the middle of that (metadata.json left `running`).
Signals are only ever handled in the main thread, so elsewhere the block runs unchanged.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:  # None: set outside Python
        yield
        return
    caught: list[FrameType | None] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):  # what the Ctrl-C would have done, now (default: KeyboardInterrupt)
        previous(signal.SIGINT, caught[0])
