"""Turn datasets and the command's selection flags into the bench's work items, in a stable order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from aegis.bench.datasets import load_dataset
from aegis.bench.models import BenchItem
from aegis.errors import ConfigError

RUN_SEED_STRIDE = 1000
"""Run k starts at seed base + (k-1) * stride, so the rounds of different runs never share a seed."""


def plan_items(
    datasets: Sequence[Path],
    *,
    runs: int = 1,
    seed: int = 1,
    pattern: str | None = None,
    window: str | None = None,
) -> list[BenchItem]:
    """Every (task, run) of the datasets, filtered by `pattern` (a regex on id or task text) and then
    cut by `window` ("A:B", Python slice of the tasks); runs of one task stay together."""
    tasks = [(path.stem, task) for path in datasets for task in load_dataset(path)]
    if pattern is not None:
        regex = _regex(pattern)
        tasks = [(name, t) for name, t in tasks if regex.search(t.id) or regex.search(t.task)]
    tasks = tasks[_slice(window)] if window else tasks
    return [
        BenchItem(dataset=name, task=task, run=run, seed=seed + (run - 1) * RUN_SEED_STRIDE)
        for name, task in tasks
        for run in range(1, runs + 1)
    ]


def _regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"--filter {pattern!r}: not a regular expression ({exc})") from None


def _slice(window: str) -> slice:
    match = re.fullmatch(r"\s*(-?\d*)\s*:\s*(-?\d*)\s*", window)
    if match is None:
        raise ConfigError(f"--slice {window!r}: expected A:B, e.g. 0:8 or 8:")
    start, stop = (int(part) if part else None for part in match.groups())
    return slice(start, stop)
