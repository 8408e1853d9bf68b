"""Loading task datasets: the shipped files, ids, checks, and `file:line:col` errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aegis.bench.datasets import load_dataset
from aegis.errors import DatasetError
from aegis.paths import slugify

DATASETS = Path(__file__).resolve().parents[1] / "datasets"

EASY = [
    "text editor",
    "simple browser",
    "image viewer app",
    "simple image editor",
    "audio player",
    "tetris",
    "calculator",
    "stopwatch",
    "timer",
    "weather app",
    "notebook",
    "Snake game",
    "file manager",
    "todo list",
    "QR code generator",
    "Minesweeper game",
]


def write(tmp_path: Path, text: str, name: str = "tasks.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("name", "count"), [("easy", 16), ("middle", 20), ("hard", 18)])
def test_shipped_datasets_load_with_unique_ids(name: str, count: int) -> None:
    tasks = load_dataset(DATASETS / f"{name}.json")
    assert len(tasks) == count
    assert len({t.id for t in tasks}) == count
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t.id) for t in tasks)


def test_shipped_files_start_each_task_on_its_own_line() -> None:
    for name in ("easy", "middle", "hard"):
        text = (DATASETS / f"{name}.json").read_text(encoding="utf-8")
        starts = [line for line in text.splitlines() if re.match(r'  [{"]', line)]
        assert len(starts) == len(json.loads(text))


def test_easy_tasks_are_exactly_the_listed_ones() -> None:
    tasks = load_dataset(DATASETS / "easy.json")
    assert [t.task for t in tasks] == EASY
    assert tasks[0].id == "text-editor"
    assert tasks[14].id == "qr-code-generator"


def test_hard_tasks_are_single_sentences() -> None:
    for task in load_dataset(DATASETS / "hard.json"):
        assert task.task.endswith(".")
        assert task.task.count(". ") == 0


def test_accepts_str_path(tmp_path: Path) -> None:
    path = write(tmp_path, '["calculator"]')
    assert load_dataset(str(path))[0].task == "calculator"


def test_objects_with_checks_load(tmp_path: Path) -> None:
    check = {"name": "shows", "steps": [{"expect_text": "0"}]}
    text = json.dumps(
        [
            {"id": "calc", "task": "calculator", "checks": [check]},
            {"task": "timer"},
            "  stopwatch  ",
        ]
    )
    tasks = load_dataset(write(tmp_path, text))
    assert [(t.id, t.task) for t in tasks] == [
        ("calc", "calculator"),
        ("002-timer", "timer"),
        ("003-stopwatch", "stopwatch"),
    ]
    assert tasks[0].checks == [check]
    assert tasks[1].checks == []


def test_ids_are_stable_and_unique_even_against_explicit_ids(tmp_path: Path) -> None:
    text = json.dumps([{"id": "002-timer", "task": "clock"}, "timer", "timer"])
    path = write(tmp_path, text)
    ids = [t.id for t in load_dataset(path)]
    assert ids == ["002-timer", "002-timer-2", "003-timer"]
    assert [t.id for t in load_dataset(path)] == ids


def test_ids_widen_past_999_tasks(tmp_path: Path) -> None:
    tasks = load_dataset(write(tmp_path, json.dumps(["x"] * 1000)))
    assert tasks[0].id == "0001-x"
    assert tasks[-1].id == "1000-x"


def test_unicode_tasks_keep_their_text(tmp_path: Path) -> None:
    path = write(tmp_path, '\ufeff["Café crème timer", "Калькулятор ☕", {"task": "日本語", "id": "jp"}]')
    tasks = load_dataset(path)
    assert [t.task for t in tasks] == ["Café crème timer", "Калькулятор ☕", "日本語"]
    assert [t.id for t in tasks] == ["001-cafe-creme-timer", "002-task", "jp"]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ('[\n  "a",\n  "b"\n  "c"\n]', "4:3", "invalid JSON: Expecting ',' delimiter"),
        ("", "1:1", "invalid JSON: Expecting value"),
        ('\n\n  {"task": "a"}', "3:3", "expected an array of tasks, found an object"),
        ("  [\n  ]", "1:3", "the dataset has no tasks"),
        ('[\n  "a",\n  42\n]', "3:3", "a task must be a string or an object, found a number"),
        ('[\n  "a",\n    "   "\n]', "3:5", "the task text is empty"),
        ('["a",\n [\n  "b"]]', "2:2", "a task must be a string or an object, found an array"),
        ('[{"task": "a"},\n {"task": 5}]', "2:2", "'task' must be a string, found a number"),
        ('[{"task": "a"},\n   {"task": "b", "id": 7}]', "2:4", "'id' must be a non-empty string, found 7"),
        ('[\n{"task": "a", "checks": {}}]', "2:1", "'checks' must be an array of objects, found an object"),
        ('[\n{"task": "a", "checks": ["x"]}]', "2:1", "each check must be an object, found a string"),
        ('["a", {"id": "x"}]', "1:7", "missing key 'task'"),
        ('["a",\n  {"task": "b", "title": "B"}]', "2:3", "unknown key 'title' (allowed: id, task, checks, unverified)"),
        ('[{"task": "b", "unverified": [{"name": "a"}]}]', "1:2", "invalid 'unverified' entry 1: why: Field required"),
        ('[{"task": "b", "unverified": "none"}]', "1:2", "'unverified' must be an array of objects, found a string"),
        ('["a",\n  {"task": "b", "task": "c"}]', "2:3", "duplicate key 'task'"),
        (
            '[\n {"id": "x", "task": "a"},\n {"id": "x", "task": "b"}\n]',
            "3:2",
            "duplicate id 'x' (first used on line 2)",
        ),
        ('["é", "ü", 3]', "1:12", "a task must be a string or an object, found a number"),
    ],
)
def test_errors_point_at_file_line_col(tmp_path: Path, text: str, where: str, reason: str) -> None:
    path = write(tmp_path, text)
    assert load_error(path) == f"{path}:{where}: {reason}"


def test_missing_file_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    assert load_error(path) == f"{path}: cannot read: No such file or directory"


def test_directory_cannot_be_read(tmp_path: Path) -> None:
    assert load_error(tmp_path).startswith(f"{tmp_path}: cannot read: ")


def test_non_utf8_file_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('["café"]'.encode("latin-1"))
    assert load_error(path) == f"{path}: cannot read: not UTF-8 text (byte 5)"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Markdown editor with real-time preview and PDF/HTML export",
            "markdown-editor-with-real-time-preview",
        ),
        ("  QR code -- generator!! ", "qr-code-generator"),
        ("Crème Brûlée", "creme-brulee"),
        ("☕☕☕", "task"),
        ("a" * 50, "a" * 40),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_respects_max_len() -> None:
    assert slugify("simple image editor", max_len=12) == "simple-image"
    assert slugify("simple image editor", max_len=13) == "simple-image"
    assert slugify("simple image editor", max_len=6) == "simple"
