"""The datasets' acceptance checks: they load, parse and keep stable ids; a bad one names its line and step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aegis.acceptance import ExpectChanged, parse_checks, verb_of
from aegis.bench.datasets import load_dataset
from aegis.errors import DatasetError
from aegis.paths import slugify
from aegis.schema import Task

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
SHIPPED = ("easy", "middle", "hard")
WITH_IDS = ("easy", "middle", "hard")
MAX_CHECKS = 10
"""Each check is a fresh start of the app (a few seconds): a task tests each feature its sentence names (a
document reader: open, turn pages, search, bookmarks, annotations, each kept after a restart), not every corner."""


def shipped(name: str) -> list[Task]:
    return load_dataset(DATASETS / f"{name}.json")


def raw_items(name: str) -> list[object]:
    return json.loads((DATASETS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_dataset_loads(name: str) -> None:
    assert shipped(name)


def test_every_easy_task_has_a_check() -> None:
    assert [t.id for t in shipped("easy") if not t.checks] == []


@pytest.mark.parametrize("name", SHIPPED)
def test_every_check_parses_and_expects_something(name: str) -> None:
    for task in shipped(name):
        if not task.checks:
            continue
        checks = parse_checks(task.checks)
        assert 1 <= len(checks) <= MAX_CHECKS, task.id
        assert len({c.name for c in checks}) == len(checks), f"{task.id}: check names repeat"
        for check in checks:
            verbs = [verb_of(s) for s in check.steps]
            assert any(v.startswith("expect") for v in verbs), f"{task.id}: {check.name!r} expects nothing"


@pytest.mark.parametrize("name", SHIPPED)
def test_changes_are_looked_for_only_after_something_happened(name: str) -> None:
    for task in shipped(name):
        for check in parse_checks(task.checks) if task.checks else []:
            first = check.steps[0]
            assert not isinstance(first, ExpectChanged), f"{task.id}: {check.name!r} has nothing to compare with"


@pytest.mark.parametrize("name", WITH_IDS)
def test_ids_are_explicit_unique_slugs(name: str) -> None:
    items = raw_items(name)
    assert all(isinstance(item, dict) and "id" in item for item in items)
    ids = [t.id for t in shipped(name)]
    assert len(set(ids)) == len(ids)
    for task_id in ids:
        assert slugify(task_id) == task_id
        assert not re.match(r"\d+-", task_id), f"{task_id}: ids must not depend on the position"


@pytest.mark.parametrize("name", WITH_IDS)
def test_ids_do_not_move_when_a_task_is_inserted(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(["a new first task", *raw_items(name)]), encoding="utf-8")
    assert [t.id for t in load_dataset(path)][1:] == [t.id for t in shipped(name)]


def test_readme_explains_every_task_without_checks() -> None:
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    explained = set(re.findall(r"^\| middle \| `([a-z0-9-]+)` \| No checks", readme, flags=re.MULTILINE))
    assert explained == {t.id for t in shipped("middle") if not t.checks}


def test_checks_stay_the_raw_objects(tmp_path: Path) -> None:
    check = {"name": "adds", "steps": [{"click": "2"}, {"click": "+"}, {"click": "3"}, {"expect_text": "5"}]}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"id": "calc", "task": "calculator", "checks": [check]}]), encoding="utf-8")
    assert load_dataset(path)[0].checks == [check]


def test_an_empty_check_list_means_no_checks(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text('[{"task": "calculator", "checks": []}]', encoding="utf-8")
    assert load_dataset(path)[0].checks == []


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ('{"clik": "3"}', "needs exactly one of click,"),
        ('{"click": ""}', "click: String should have at least 1 character"),
        ('{"wait": 60}', "wait: Input should be less than or equal to 30"),
        ('{"expect_count": 2, "of": "slider"}', "of: Input should be"),
    ],
)
def test_an_invalid_step_names_file_line_col_check_and_step(tmp_path: Path, step: str, reason: str) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(
        "[\n"
        '  "timer",\n'
        '  {"id": "calc", "task": "calculator", "checks": [\n'
        '    {"name": "adds", "steps": [{"click": "2"}, ' + step + "]}\n"
        "  ]}\n"
        "]\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3:3: invalid checks: check 1 (adds), step 2: "), message
    assert reason in message
    assert "\n" not in message


def test_a_check_without_steps_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text('["timer",\n {"task": "calculator", "checks": [{"name": "adds"}]}]', encoding="utf-8")
    with pytest.raises(DatasetError, match=r":2:2: invalid checks: check 1 \(adds\): \"steps\" must be a non-empty"):
        load_dataset(path)
