"""Remove run folders older than the retention period (the seed's log manager, kept)."""

from __future__ import annotations

import re
import shutil
import time
from datetime import datetime
from pathlib import Path

RUN_NAME = re.compile(r"^(\d{8}_\d{6})_")
RUN_FILES = ("metadata.json", "program.log", "results.json")
"""A run (or bench) folder holds one of these from its start; a look-alike folder of someone else's does not."""
DAY = 86_400.0


def prune_runs(root: Path, *, days: float, now: float | None = None) -> list[Path]:
    """Delete run folders (named `YYYYmmdd_HHMMSS_slug`) older than `days`; return what was removed."""
    if days <= 0 or not root.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - days * DAY
    removed = []
    for folder in sorted(root.iterdir()):
        started = _started(folder)
        if started is not None and started < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():  # report only what is really gone
                removed.append(folder)
    return removed


def _started(folder: Path) -> float | None:
    match = RUN_NAME.match(folder.name)
    if folder.is_symlink() or not folder.is_dir() or match is None or not _has_run_files(folder):
        return None  # not ours: never delete what AEGIS did not create
    try:
        return datetime.strptime(match.group(1), "%Y%m%d_%H%M%S").timestamp()
    except ValueError:
        return None


def _has_run_files(folder: Path) -> bool:
    return any((folder / name).is_file() for name in RUN_FILES)
