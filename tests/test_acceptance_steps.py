"""The steps that check what a sentence asks for: restart, drag, clipboard, file formats, SQLite, live previews.

Each on a correct app and a subtly wrong one (tests/apps/acceptance/), through HeadlessProber and the sandbox.
Every app is copied to its own folder first: some write there (a database), and the folder must start empty.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.config import ProbeConfig, SandboxConfig
from aegis.errors import AcceptanceError
from aegis.generate import prompts
from aegis.probe.qt.accept_files import format_problem
from aegis.sandbox.isolation import make_runner
from aegis.schema import CheckResult
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps" / "acceptance"
FAST = ProbeConfig(timeout=10, max_actions=0, explore=False)
JOURNAL = [{"type": "buy milk", "into": "Note"}, {"click": "Add"}, {"restart": True}, {"expect_items": "buy milk"}]
VAULT = [
    {"type": "example.org", "into": "Site"},
    {"type": "hunter2", "into": "Password"},
    {"click": "Save vault"},
    {"expect_file": "example.org", "format": "json", "lacks": "hunter2"},
]
TASKS = [{"type": "buy milk", "into": "Task"}, {"click": "Add"}, {"expect_sqlite": "BUY MILK"}]
KANBAN = [{"drag": "milk", "to": "Done"}, {"expect_items": "buy milk", "in": "Done"}, {"expect_text": "to do: 1"}]
CUSTOM = [{"drag": "buy milk", "to": "Doing"}, {"expect_items": "buy milk", "in": "Doing"}]
PREVIEW = [{"type": "# Hello", "into": "Markdown"}, {"expect_text": "Hello", "elsewhere": True}]
STORED = [{"type": "example.org", "into": "Site"}, {"type": "hunter2", "into": "Password"}, {"click": "Add"}]
UNSTORED = [*STORED[:2], {"expect_not_stored": "hunter2"}]
CSV_FILE = [{"provide_file": "people.csv", "content": "name,age\nAda,36\n"}, {"click": "Open"}]
STOPS = [{"click": "Start"}, {"click": "Start"}, {"wait": 1.0}, {"click": "Stop"}, {"wait": 1.0}]


def run(app: str, steps: list[dict[str, object]], tmp_path: Path) -> CheckResult:
    """The check's result on a copy of the app in a folder of its own (`X_broken.py`: X.py, broken)."""
    folder = tmp_path / "app"
    folder.mkdir()
    copy = folder / app
    shutil.copyfile(APPS / app.replace("_broken", ""), copy)
    checks = CheckSet.parse("file", [{"name": "the check", "steps": steps}])
    verdict = HeadlessProber(make_runner(SandboxConfig()), FAST).probe(copy, tmp_path / "out", checks=checks)
    assert verdict.acceptance is not None
    return verdict.acceptance.checks[0]


CASES: list[tuple[str, list[dict[str, object]], bool | str]] = [
    ("journal.py", JOURNAL, True),
    ("journal_broken.py", JOURNAL, "the list has no item containing 'buy milk'"),
    ("exporter.py", [{"type": "hello"}, {"click": "Export"}, {"expect_file": "", "format": "pdf"}], True),
    (
        "exporter_broken.py",
        [{"type": "hello"}, {"click": "Export"}, {"expect_file": "", "format": "pdf"}],
        "aegis-saved-1.pdf is not a real PDF: it starts with b'hello'",
    ),
    ("exporter.py", [{"type": "hello"}, {"click": "Export"}, {"expect_file": "hello", "format": "html"}], True),
    (
        "exporter_broken.py",
        [{"type": "hello"}, {"click": "Export"}, {"expect_file": "hello", "format": "html"}],
        "is not a real HTML file",
    ),
    ("vault.py", VAULT, True),
    ("vault_broken.py", VAULT, "the file aegis-saved-1.json holds 'hunter2' in plain text"),
    ("tasks_db.py", TASKS, True),
    ("tasks_db_broken.py", TASKS, "no row of the SQLite database (tasks.db) holds 'BUY MILK'"),
    ("todo.py", [{"type": "buy milk"}, {"click": "Add"}, {"expect_sqlite": "buy milk"}], "wrote no SQLite database"),
    ("clip.py", [{"type": "hello"}, {"click": "Copy"}, {"expect_clipboard": "hello"}], True),
    ("clip_broken.py", [{"type": "hello"}, {"click": "Copy"}, {"expect_clipboard": "hello"}], "does not hold 'hello'"),
    ("clip.py", [{"set_clipboard": "from afar"}, {"click": "Paste"}, {"expect_text": "from afar"}], True),
    ("clip_broken.py", [{"set_clipboard": "from afar"}, {"click": "Paste"}, {"expect_text": "from afar"}], "no text"),
    ("kanban.py", KANBAN, True),
    ("kanban_broken.py", KANBAN, "'Done' did not accept the dragged item 'milk'"),
    ("kanban_custom.py", CUSTOM, True),
    ("kanban_custom_broken.py", CUSTOM, "'Doing' did not accept the dragged item 'buy milk'"),
    ("markdown.py", PREVIEW, True),
    ("markdown_broken.py", PREVIEW, "no text 'Hello' is shown outside the field typed into"),
    ("stopwatch_stops.py", [*STOPS, {"expect_unchanged": "window"}], True),
    (
        "stopwatch_stops_broken.py",
        [*STOPS, {"expect_unchanged": "window"}],
        "s after 'Stop' was clicked",  # "the window still changed in the 1.0 s after ..."
    ),
    ("stopwatch_stops.py", [{"click": "Start"}, {"wait": 0.5}, {"expect_unchanged": "window"}], "still changed"),
    ("keys.py", [{"key": "Left"}, {"expect_changed": "window"}], True),
    ("keys_broken.py", [{"key": "Left"}, {"expect_changed": "window"}], "the keyboard focus moved; that alone"),
    ("filter.py", [{"type": "ap", "into": "Search"}, {"expect_changed": "Fruits"}], True),
    ("filter_broken.py", [{"type": "ap", "into": "Search"}, {"expect_changed": "Fruits"}], "did not change"),
    (
        "filter.py",
        [{"type": "ban", "into": "Search"}, {"expect_items": "banana", "count": 1}, {"expect_text": "ban"}],
        True,
    ),
    ("viewer.py", [{"provide_file": "photo.png"}, {"click": "Open"}, {"expect_image_shown": True}], True),
    ("editor.py", [{"type": "caf\u00e9 \u2192 \u00fcber"}, {"expect_text": "caf\u00e9 \u2192 \u00fcber"}], True),
    ("vault.py", [*STORED, {"expect_not_stored": "hunter2"}], True),
    ("vault_broken.py", [*STORED, {"expect_not_stored": "hunter2"}], ".vault.json holds 'hunter2' in plain text"),
    ("vault.py", UNSTORED, "the app wrote no file (in its folder or its home folder), so nothing was stored"),
    ("opener.py", [*CSV_FILE, {"expect_text": "rows: 2, first: name"}], True),
    ("opener_broken.py", [*CSV_FILE, {"expect_text": "rows: 2"}], "no text 'rows: 2' is shown"),
    (
        "opener.py",
        [
            {"provide_file": "b.xlsx", "content": "name,age\nAda,36"},
            {"click": "Open"},
            {"expect_text": "cells: name age Ada"},
        ],
        True,
    ),
    ("opener.py", [{"provide_file": "tone.wav"}, {"click": "Open"}, {"expect_text": "seconds: 1"}], True),
    (
        "opener.py",
        [{"provide_file": "book.pdf", "content": "Chapter 1"}, {"click": "Open"}, {"expect_text": "a PDF"}],
        True,
    ),
    ("opener.py", [{"provide_file": "photo.png"}, {"click": "Open"}, {"expect_text": "a PNG"}], True),
]


@pytest.mark.parametrize(
    ("app", "steps", "outcome"), CASES, ids=[f"{a}-{next(iter(s[-1]))}-{s[-1].get('format', '')}" for a, s, _ in CASES]
)
def test_each_new_step_passes_a_correct_app_and_fails_a_wrong_one(
    app: str, steps: list[dict[str, object]], outcome: bool | str, tmp_path: Path
) -> None:
    """`outcome`: True, or what the failing step must say."""
    result = run(app, steps, tmp_path)
    assert result.passed is (outcome is True), result
    if outcome is not True:
        assert result.failed_step is not None and str(outcome) in result.failed_step.message, result


def test_a_restart_reports_every_step_in_order_and_keeps_each_runs_output(tmp_path: Path) -> None:
    result = run("journal.py", JOURNAL, tmp_path)
    words = ["type 'buy milk' in 'Note'", "click 'Add'", "restart the app", "expect items 'buy milk'"]
    assert [s.step for s in result.steps] == words and all(s.ok for s in result.steps)
    assert (tmp_path / "out" / "acceptance" / "1" / "after-restart-1" / "probe.jsonl").is_file()


def test_expectations_start_afresh_after_a_restart(tmp_path: Path) -> None:
    """What the save dialog chose belongs to the run that opened it."""
    steps = [{"type": "hello"}, {"click": "Export"}, {"restart": True}, {"expect_file": "hello"}]
    result = run("exporter.py", steps, tmp_path)
    assert result.failed_step is not None and "no save dialog was opened" in result.failed_step.message


def test_a_drag_moves_the_item_out_of_its_list(tmp_path: Path) -> None:
    """Qt's own views: inserted where dropped, removed where it was, as a real move does."""
    result = run("kanban.py", [*KANBAN[:1], {"expect_text": "to do: 1, done: 1"}], tmp_path)
    assert result.passed, result


@pytest.mark.parametrize(
    ("fmt", "good", "bad"),
    [
        ("pdf", b"%PDF-1.4\n...", b"hello"),
        ("png", b"\x89PNG\r\n\x1a\n....", b"GIF89a"),
        ("svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', b"<html><p>no</p></html>"),
        ("html", b"<!DOCTYPE html><HTML><body>hi</body></HTML>", b"# hi"),
        ("csv", b"name,age\nAda,36\n", b'{"name": "Ada"}'),
        ("json", b'{"name": "Ada"}', b"name: Ada"),
        ("txt", "caf\u00e9\n".encode(), b"\xff\xfe\x00\x01"),
    ],
)
def test_each_format_tells_a_real_file_from_a_renamed_one(fmt: str, good: bytes, bad: bytes) -> None:
    assert format_problem(good, fmt) == ""
    assert format_problem(bad, fmt).startswith("it starts with")


@pytest.mark.parametrize(
    ("step", "error"),
    [
        ({"drag": "milk"}, "to: Field required"),
        ({"drag": "milk", "to": "Done", "onto": "x"}, "onto: Extra inputs are not permitted"),
        ({"restart": False}, "restart: Input should be True"),
        ({"expect_file": "", "format": "docx"}, "format: Input should be 'pdf', 'png'"),
        ({"expect_file": "hi", "format": "pdf"}, "the text of a pdf file cannot be read"),
        ({"expect_file": "", "lacks": ""}, "lacks: String should have at least 1 character"),
        ({"expect_sqlite": ""}, "expect_sqlite: String should have at least 1 character"),
        ({"expect_clipboard": "x", "in": "field"}, "in: Extra inputs are not permitted"),
        ({"expect_text": "x", "elsewhere": "maybe"}, "elsewhere: Input should be a valid boolean"),
        ({"provide_file": "../x.csv"}, "provide_file: String should match pattern"),
        ({"provide_file": "a/b.csv"}, "provide_file: String should match pattern"),
        ({"expect_not_stored": ""}, "expect_not_stored: String should have at least 1 character"),
    ],
)
def test_bad_fields_are_rejected_with_the_check_and_step_named(step: dict[str, object], error: str) -> None:
    with pytest.raises(AcceptanceError, match=r"check 1 \(moves\), step 2: ") as raised:
        CheckSet.parse("file", [{"name": "moves", "steps": [{"click": "Go"}, step]}])
    assert error in str(raised.value)


@pytest.mark.parametrize(
    ("step", "words"),
    [
        ({"restart": True}, "close the app and start it again (what was added must come back: save it to a file"),
        ({"drag": "milk", "to": "Done"}, "drag the item 'milk' onto 'Done' (drag and drop enabled"),
        ({"set_clipboard": "hi"}, "copy 'hi' to the clipboard elsewhere (the app reads QApplication.clipboard()"),
        ({"expect_clipboard": "hi"}, "the clipboard (QApplication.clipboard().setText) holds 'hi'"),
        ({"expect_sqlite": "milk"}, "a SQLite database file (sqlite3, in the app's folder or the home folder"),
        ({"expect_text": "Hi", "elsewhere": True}, "'Hi' is shown outside the field typed into (a live preview"),
        (
            {"expect_file": "", "format": "pdf"},
            "and a real PDF (QPdfWriter, or QPrinter with PdfFormat) is written",
        ),
        ({"expect_file": "", "lacks": "pw"}, "a file that does not hold 'pw' in plain text (encrypt or encode it) is"),
        ({"provide_file": "a.csv", "content": "x"}, "the user has a file 'a.csv' holding 'x'; an open dialog"),
        ({"expect_not_stored": "pw"}, "does not hold 'pw' in plain text (encrypt it"),
        ({"expect_unchanged": "window"}, "click 'Go', the window then stays as it is (nothing keeps running)"),
    ],
)
def test_the_generate_prompt_says_what_each_new_step_needs(step: dict[str, object], words: str) -> None:
    checks = CheckSet.parse("file", [{"name": "the check", "steps": [{"click": "Go"}, step]}]).checks
    assert words in prompts.start("an app", checks)[1].content.splitlines()[-1]


@pytest.mark.parametrize(("steps", "passes"), [([*STORED, {"expect_not_stored": "hunter2"}], True), (UNSTORED, False)])
def test_what_aegis_writes_beside_the_app_is_never_taken_for_what_the_app_stored(
    steps: list[dict[str, object]], passes: bool, tmp_path: Path
) -> None:
    """As in a build: the attempt folder holds the app and the probe's output (reports that quote the typed
    password, earlier checks' folders), and a check must see only what the app wrote."""
    copy = tmp_path / "app.py"
    shutil.copyfile(APPS / "vault.py", copy)
    checks = CheckSet.parse("file", [{"name": "first", "steps": steps}, {"name": "again", "steps": steps}])
    verdict = HeadlessProber(make_runner(SandboxConfig()), FAST).probe(copy, tmp_path, checks=checks)
    assert verdict.acceptance is not None
    assert [c.passed for c in verdict.acceptance.checks] == [passes, passes], verdict.acceptance
