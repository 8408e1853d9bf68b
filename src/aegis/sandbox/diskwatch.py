"""The disk a run's folders hold, measured while it runs: past the cap, the run is stopped.

    with DiskWatch(folders, cap_bytes, stop) as disk:    measures every POLL_SECONDS on a thread
        ...wait for the program...
    disk.full                                            True when it called stop(): past the cap while the
                                                         program ran, or when it ended (a last measurement)

A portable stand-in for a size-capped tmpfs or a quota (both need a mount or root): RLIMIT_FSIZE caps each
file, this caps them together. A program can overshoot by what it writes in one poll. Blocks count, not
sizes, so a sparse file costs what it really takes; links are never followed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

POLL_SECONDS = 0.25


class DiskWatch:
    def __init__(self, folders: Sequence[Path], cap_bytes: int, stop: Callable[[], None]) -> None:
        self.folders = list(dict.fromkeys(folders))
        self.cap_bytes = cap_bytes
        self.stop = stop
        self.full = False
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="aegis-disk-watch", daemon=True)

    def __enter__(self) -> DiskWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        self.done.set()
        self.thread.join()
        if not self.full:  # one last look: a program can fill past the cap and exit between two polls
            self._check()

    def _check(self) -> bool:
        if used_bytes(self.folders, stop_at=self.cap_bytes) > self.cap_bytes:
            self.full = True
            self.stop()
        return self.full

    def _watch(self) -> None:
        while not self.done.wait(POLL_SECONDS):
            if self._check():
                return


def used_bytes(folders: Sequence[Path], *, stop_at: int | None = None) -> int:
    """Bytes of disk the files under folders take, counted up to just past stop_at."""
    total = 0
    for entry in _files(folders):
        total += entry.st_blocks * 512
        if stop_at is not None and total > stop_at:
            break
    return total


def _files(folders: Sequence[Path]) -> Iterator[os.stat_result]:
    pending = [str(folder) for folder in folders]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            pending.append(entry.path)
                        else:
                            yield entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
        except OSError:
            continue
