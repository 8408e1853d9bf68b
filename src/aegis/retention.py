"""Remove run folders older than the retention period (the seed's log manager, kept)."""

from __future__ import annotations

import re
import shutil
import time
from datetime import datetime
from pathlib import Path

RUN_NAME = re.compile(r"^(\d{8}_\d{6})_")
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
            removed.append(folder)
    return removed


def _started(folder: Path) -> float | None:
    match = RUN_NAME.match(folder.name)
    if not folder.is_dir() or match is None:
        return None  # not ours: never delete what AEGIS did not create
    try:
        return datetime.strptime(match.group(1), "%Y%m%d_%H%M%S").timestamp()
    except ValueError:
        return None
