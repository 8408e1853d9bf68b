"""Retention: only AEGIS's own run folders older than the limit go; everything else stays."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aegis.run.retention import prune_runs

NOW = datetime(2026, 3, 15, 12, 0, 0)


def run_folder(root: Path, age: timedelta, slug: str = "a-counter", marker: str = "metadata.json") -> Path:
    folder = root / f"{(NOW - age):%Y%m%d_%H%M%S}_{slug}"
    folder.mkdir(parents=True)
    (folder / marker).write_text("{}", encoding="utf-8")
    (folder / "attempts" / "1").mkdir(parents=True)
    (folder / "attempts" / "1" / "app.py").write_text("print('hi')\n", encoding="utf-8")
    return folder


def prune(root: Path, days: float) -> list[Path]:
    return prune_runs(root, days=days, now=NOW.timestamp())


def names(root: Path) -> set[str]:
    return {p.name for p in root.iterdir()}


def test_old_run_folders_go_and_new_ones_stay(tmp_path: Path) -> None:
    old = run_folder(tmp_path, timedelta(days=8))
    old_bench = run_folder(tmp_path, timedelta(days=30), slug="bench-easy", marker="results.json")
    new = run_folder(tmp_path, timedelta(days=6, hours=23))

    removed = prune(tmp_path, days=7)

    assert sorted(removed) == sorted([old, old_bench])
    assert names(tmp_path) == {new.name}
    assert (new / "attempts" / "1" / "app.py").is_file()


def test_folders_aegis_did_not_create_are_never_touched(tmp_path: Path) -> None:
    foreign = [tmp_path / "my-notes", tmp_path / "2020-01-01_backup", tmp_path / "20200101_120000"]
    for folder in foreign:
        folder.mkdir()
        (folder / "keep.txt").write_text("mine", encoding="utf-8")
    look_alike = tmp_path / "20200101_120000_holiday-photos"  # a run's name, but none of a run's files
    look_alike.mkdir()
    (look_alike / "beach.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "20200101_120000_a-file.txt").write_text("not a folder", encoding="utf-8")
    bad_date = tmp_path / "20201341_990000_a-counter"
    bad_date.mkdir()
    (bad_date / "metadata.json").write_text("{}", encoding="utf-8")
    before = names(tmp_path)

    assert prune(tmp_path, days=1) == []
    assert names(tmp_path) == before


def test_a_link_named_like_an_old_run_is_kept_and_its_target_untouched(tmp_path: Path) -> None:
    target = run_folder(tmp_path / "elsewhere", timedelta(days=100))
    runs = tmp_path / "runs"
    runs.mkdir()
    link = runs / target.name
    link.symlink_to(target, target_is_directory=True)

    assert prune(runs, days=7) == []
    assert link.is_symlink()
    assert (target / "metadata.json").is_file()


@pytest.mark.parametrize("days", [0, -1])
def test_zero_days_keeps_everything(tmp_path: Path, days: float) -> None:
    run_folder(tmp_path, timedelta(days=3650))
    before = names(tmp_path)
    assert prune(tmp_path, days=days) == []
    assert names(tmp_path) == before


def test_a_missing_runs_folder_is_not_an_error(tmp_path: Path) -> None:
    assert prune(tmp_path / "no-such-folder", days=7) == []
    assert not (tmp_path / "no-such-folder").exists()
