"""The explorer uses each program of tests/apps/explore_*.py as a user would: it clicks, types, picks and
triggers; it dismisses the dialogs that open; and the judge says which action broke the program."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import make_runner
from aegis.schema import Verdict
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"
FAST = ProbeConfig(timeout=5)
AEGIS = str(Path(sys.executable).parent / "aegis")
VERDICT_KEYS = {
    "coverage",
    "status",
    "problems",
    "windows",
    "actions",
    "screenshots",
    "timings",
    "isolation",
    "dialogs",
    "acceptance",
}


def run_check(name: str, out: Path, config: ProbeConfig = FAST) -> Verdict:
    return HeadlessProber(make_runner(SandboxConfig()), config).probe(APPS / f"{name}.py", out)


def aegis_check(cwd: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AEGIS_")}
    argv = [AEGIS, "check", str(APPS / f"{name}.py"), "--timeout", "5", *args]
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)


def probe_records(out: Path, kind: str) -> list[dict[str, Any]]:
    lines = (out / "probe.jsonl").read_text(encoding="utf-8").splitlines()
    return [record for record in map(json.loads, lines) if record["kind"] == kind]


def actions_done(out: Path) -> list[str]:
    """What the explorer did, in order, as the probe's report lists it (actions skipped as quitting excluded)."""
    return [r["description"] for r in probe_records(out, "action") if "skipped" not in r]


def line_of(name: str, code: str) -> int:
    lines = (APPS / f"{name}.py").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if code in line)


@pytest.mark.parametrize(
    ("name", "used"),
    [
        ("explore_form_ok", ["typed '42' + Enter into QLineEdit 'Your age'", "clicked QPushButton 'Check'"]),
        (
            "explore_mainwindow_ok",
            [
                "triggered menu action 'File > New'",
                "triggered menu action 'File > Save'",
                "triggered menu action 'Edit > Select All'",
                "triggered menu action 'Edit > Upper case'",
                "triggered menu action 'Word count'",  # only on the toolbar
            ],
        ),
        (
            "explore_settings_ok",
            [
                "toggled QCheckBox 'Sound'",
                "toggled QRadioButton 'Dark theme'",
                "chose 'Deutsch' in QComboBox",
                "chose 'Français' in QComboBox",
                "stepped QSpinBox up",
                "moved QSlider to its maximum",
            ],
        ),
        ("explore_tabs_ok", ["opened tab 'To do'", "opened tab 'Notes'", "opened tab 'About'"]),
        ("explore_model_role_ok", ["selected 'Mercury' in QListView", "double-clicked 'Venus' in QListView"]),
        ("explore_icon_buttons_ok", ["clicked QToolButton '#ffffff'", "triggered menu action 'Pen'"]),
        (
            "explore_items_ok",
            [
                "selected 'Banana' in QListWidget",
                "double-clicked 'Apple' in QListWidget",
                "selected 'Apple' in QTableWidget",
                "double-clicked 'Banana' in QTableWidget",
                "selected 'Home' in QTreeWidget",
                "double-clicked 'Music' in QTreeWidget",
            ],
        ),
    ],
)
def test_a_working_app_passes_after_each_kind_of_widget_was_used(name: str, used: list[str], tmp_path: Path) -> None:
    verdict = run_check(name, tmp_path)
    assert (verdict.status, verdict.problems) == ("pass", [])
    done = actions_done(tmp_path)
    assert verdict.actions == len(done) > 0
    assert [action for action in used if action not in done] == []
    assert Path(verdict.screenshots[-1]).name == "window0-end.png"  # the window outlived the exploration


def test_a_menu_quit_is_not_triggered_but_reported_as_skipped(tmp_path: Path) -> None:
    verdict = run_check("explore_mainwindow_ok", tmp_path)
    skipped = [(r["description"], r["skipped"]) for r in probe_records(tmp_path, "action") if "skipped" in r]
    assert skipped == [("triggered menu action 'File > Quit'", "would quit")]
    assert verdict.passed


def test_item_views_are_explored_through_their_rows_not_their_headers(tmp_path: Path) -> None:
    run_check("explore_items_ok", tmp_path)
    assert [action for action in actions_done(tmp_path) if "QHeaderView" in action] == []


def test_standard_dialogs_are_dismissed_then_accepted_and_recorded_with_the_button_that_opened_them(
    tmp_path: Path,
) -> None:
    verdict = run_check("explore_dialogs_ok", tmp_path)
    assert (verdict.status, verdict.problems) == ("pass", [])
    assert verdict.dialogs == [
        "QMessageBox 'About Dialogs': Dialogs 1.0, a demo (after clicked QPushButton 'About')",
        "QFileDialog 'Open a text file' (after clicked QPushButton 'Open file')",
        "QInputDialog 'Rename' (after clicked QPushButton 'Rename')",
        # the second pass: the file dialog's static helper now answers with a sample file and shows nothing
        "QMessageBox 'About Dialogs': Dialogs 1.0, a demo "
        "(after clicked QPushButton 'About', then accepted its dialog)",
        "QInputDialog 'Rename' (after clicked QPushButton 'Rename', then accepted its dialog)",
    ]
    opened = [r["path"] for r in probe_records(tmp_path, "file_dialog")]
    assert len(opened) == 1 and opened[0].endswith(".txt")
    assert verdict.actions == 6  # three, then the three that opened a dialog once more


@pytest.mark.parametrize(
    ("name", "message", "action", "function", "code"),
    [
        (
            "explore_button_exception",
            "KeyError: 'path'",
            "clicked QPushButton 'Save profile'",
            "save",
            "self.label.setText(f\"Saved to {self.settings['path']}\")",
        ),
        (
            "explore_menu_exception",
            "ZeroDivisionError: division by zero",
            "triggered menu action 'File > Export'",
            "export",
            "average = sum(self.rows) / len(self.rows)",
        ),
        (
            "explore_enter_exception",
            "AttributeError: 'str' object has no attribute 'search_in'",
            "typed '42' + Enter into QLineEdit 'Search for', then cleared it",
            "search",
            'self.results.setText(self.query.text().search_in(["a", "b"]))',
        ),
        (
            "explore_combo_exception",
            "KeyError: 'Kelvin'",
            "chose 'Kelvin' in QComboBox",
            "convert",
            'self.result.setText(f"{FORMULAS[unit](20)} {unit}")',
        ),
        (
            "explore_combo_activated_exception",
            "KeyError: 'Kelvin'",
            "chose 'Kelvin' in QComboBox",
            "convert",
            'self.result.setText(f"{FORMULAS[unit](20)} {unit}")',
        ),
        (
            "explore_list_exception",
            "KeyError: 'Ada'",
            "double-clicked 'Ada' in QListWidget",
            "call",
            'self.detail.setText(f"Calling {PHONES[item.text()]}")',
        ),
        (
            "explore_file_cancel_exception",
            "FileNotFoundError: [Errno 2] No such file or directory: ''",
            "clicked QPushButton 'Open file'",
            "open_file",
            'with open(path, encoding="utf-8") as file:',
        ),
    ],
)
def test_an_exception_in_a_handler_fails_the_app_and_names_the_action_and_the_line(
    name: str, message: str, action: str, function: str, code: str, tmp_path: Path
) -> None:
    verdict = run_check(name, tmp_path)
    assert verdict.status == "fail"
    assert {p.kind for p in verdict.problems} == {"exception"}
    first = verdict.problems[0]
    assert (first.message, first.action) == (message, action)
    assert f'  File "{name}.py", line {line_of(name, code)}, in {function}\n    {code}' in first.traceback
    assert len(verdict.windows) == 1  # the program started fine: only using it broke it


def test_every_double_click_that_raises_is_reported_with_its_own_item(tmp_path: Path) -> None:
    verdict = run_check("explore_list_exception", tmp_path)
    assert [(p.message, p.action) for p in verdict.problems] == [
        ("KeyError: 'Ada'", "double-clicked 'Ada' in QListWidget"),
        ("KeyError: 'Grace'", "double-clicked 'Grace' in QListWidget"),
    ]


@pytest.mark.parametrize(
    ("name", "action", "function", "first", "last"),
    [
        ("explore_hang_sleep", "clicked QPushButton 'Download'", "download", "time.sleep(5)", "time.sleep(5)"),
        ("explore_hang_loop", "clicked QPushButton 'Find primes'", "find", "while len(primes)", "n += 1"),
    ],
)
def test_a_handler_that_blocks_the_event_loop_is_a_hang_at_its_stuck_line(
    name: str, action: str, function: str, first: str, last: str, tmp_path: Path
) -> None:
    verdict = run_check(name, tmp_path)
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.message, problem.action) == (
        "hang",
        "the event loop was blocked for more than 2 s",
        action,
    )
    stuck = [int(n) for n in re.findall(rf'File "{name}\.py", line (\d+), in {function}', problem.traceback)]
    assert stuck and line_of(name, first) <= stuck[-1] <= line_of(name, last), problem.traceback
    assert verdict.actions == 1


def test_a_handler_stuck_in_c_code_is_a_hang_once_the_time_limit_kills_it(tmp_path: Path) -> None:
    verdict = run_check("explore_hang_in_c", tmp_path, ProbeConfig(timeout=1, explore_seconds=1))
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.action) == ("hang", "clicked QPushButton 'Total'")
    assert "stopped responding while being explored" in problem.message


def test_a_segfault_in_a_handler_is_a_crash_with_the_action_and_the_apps_line(tmp_path: Path) -> None:
    verdict = run_check("explore_crash", tmp_path)
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.message, problem.action) == (
        "crash",
        "the program was killed by signal 11",
        "clicked QPushButton 'Read memory'",
    )
    line = line_of("explore_crash", "ctypes.string_at(0)")
    assert f'explore_crash.py", line {line} in read' in problem.traceback
    assert "qt_session.py" not in problem.traceback and "launch.py" not in problem.traceback  # the probe's frames


def test_a_window_that_is_never_shown_fails_as_no_window(tmp_path: Path) -> None:
    verdict = run_check("explore_never_shown", tmp_path, ProbeConfig(timeout=2))
    assert verdict.status == "fail"
    assert [p.kind for p in verdict.problems] == ["no_window"]
    assert (verdict.windows, verdict.actions) == ([], 0)


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("explore_light_text", "unreadable_text", "QLabel 'Welcome to the app' text #f5f5f5 on background #ffffff"),
        ("explore_empty_mainwindow", "empty_window", "QMainWindow 'Inventory' shows nothing"),
        ("explore_too_large", "window_too_large", "larger than the 1920x1080 available on the screen"),
    ],
)
def test_a_window_a_user_cannot_use_fails_with_what_is_wrong(
    name: str, kind: str, message: str, tmp_path: Path
) -> None:
    verdict = run_check(name, tmp_path)
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.severity) == (kind, "fail")
    assert message in problem.message
    assert len(verdict.windows) == 1


def test_a_done_button_that_quits_the_app_is_a_normal_end_not_a_failure(tmp_path: Path) -> None:
    verdict = run_check("explore_done_button_quits", tmp_path)
    assert (verdict.status, verdict.problems) == ("pass", [])
    assert actions_done(tmp_path) == ["toggled QCheckBox 'I liked it'", "clicked QPushButton 'Done'"]
    assert verdict.actions == 2
    assert [r["action"] for r in probe_records(tmp_path, "quit")] == ["clicked QPushButton 'Done'"]
    assert [Path(s).name for s in verdict.screenshots] == ["window0-start.png"]  # nothing left to shoot at the end
    assert (tmp_path / "stdout.txt").read_text(encoding="utf-8") == "liked\n"  # its handler ran to the end


def test_the_same_seed_explores_in_the_same_order_and_another_seed_in_another(tmp_path: Path) -> None:
    for seed in ("7", "7b"):
        result = aegis_check(tmp_path, "explore_settings_ok", "--seed", "7", "--screenshots", seed)
        assert result.returncode == 0, result.stderr
    natural = tmp_path / "natural"
    run_check("explore_settings_ok", natural, ProbeConfig(timeout=5, seed=0))
    seven = actions_done(tmp_path / "7")
    assert seven == actions_done(tmp_path / "7b")
    assert seven != actions_done(natural)
    assert sorted(seven) == sorted(actions_done(natural))


def test_max_actions_stops_the_exploration_and_json_prints_the_whole_verdict(tmp_path: Path) -> None:
    result = aegis_check(tmp_path, "explore_settings_ok", "--max-actions", "2", "--json", "--screenshots", "out")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert set(verdict) == VERDICT_KEYS
    assert (verdict["status"], verdict["problems"], verdict["actions"]) == ("pass", [], 2)
    assert verdict["coverage"]["tried"] == 2 < verdict["coverage"]["offered"]  # what the cap left untried shows
    assert len(actions_done(tmp_path / "out")) == 2
    assert [w["title"] for w in verdict["windows"]] == ["Settings"]
    assert all(Path(shot).is_relative_to(tmp_path / "out") for shot in verdict["screenshots"])
    assert verdict["timings"]["total"] > 0


def test_a_failing_check_exits_1_and_its_summary_lists_failures_then_warnings_then_the_status(tmp_path: Path) -> None:
    result = aegis_check(tmp_path, "explore_warn_then_crash", "--screenshots", "out")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "fail crash: the program was killed by signal 11 (after clicked QPushButton 'Inspect memory')"
    assert lines[1].startswith("warn unreadable_text: QLabel 'Status: all systems running'")
    assert lines[-1].startswith("fail: Monitor 'Monitor' ")
    assert len(lines) == 3


def test_a_bad_option_value_exits_2_with_one_error_line(tmp_path: Path) -> None:
    result = aegis_check(tmp_path, "explore_form_ok", "--max-actions", "-1")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: bad setting probe.max_actions: Input should be greater than or equal to 0"
    ]


def test_an_override_that_fails_while_qt_calls_it_again_is_reported_once_with_its_root_error(tmp_path: Path) -> None:
    """PySide nests "Error calling Python override of ..." once per level: the model reads it once."""
    verdict = run_check("explore_override_exception", tmp_path)
    first = verdict.problems[0]
    assert first.message == (
        "AttributeError: Error calling Python override of QMainWindow::eventFilter(): "
        "type object 'PySide6.QtCore.Qt' has no attribute 'KeyPressEvent'"
    )
    assert first.traceback.count("in eventFilter") == 1
    assert first.traceback.count("Error calling Python override") == 1


def test_modal_dialogs_before_the_event_loop_are_answered_as_a_user_would(tmp_path: Path) -> None:
    """A master password, a question and a file to open, all before app.exec(): not a hang, and recorded."""
    verdict = run_check("startup_dialogs_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    assert [d.split(":")[0] for d in verdict.dialogs] == [
        "QInputDialog 'Unlock'",
        "QMessageBox 'Vault'",
        "QFileDialog 'Open vault'",
    ]
    assert [w.title for w in verdict.windows] == ["Vault"]  # the app went on to its window


def test_a_window_empty_until_the_user_opens_something_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    verdict = run_check("explore_empty_until_opened_ok", tmp_path)
    assert verdict.status == "pass"
    assert [(p.kind, p.severity) for p in verdict.problems] == [("empty_window", "warn")]
    assert "until something is opened ('Open...')" in verdict.problems[0].message


def test_an_app_that_needs_the_system_tray_is_told_there_is_one_and_the_limit_is_a_warning(tmp_path: Path) -> None:
    verdict = run_check("tray_ok", tmp_path)
    assert verdict.status == "pass" and [w.title for w in verdict.windows] == ["Reminders"]
    assert [(p.kind, p.severity) for p in verdict.problems] == [("environment", "warn")]
    assert "system tray" in verdict.problems[0].message


def test_a_shortcut_and_a_context_menu_entry_are_used_though_nothing_on_screen_shows_them(tmp_path: Path) -> None:
    verdict = run_check("explore_hidden_exception", tmp_path)
    found = {(p.message, p.action) for p in verdict.problems}
    assert found == {
        ("ZeroDivisionError: integer division or modulo by zero", "chose entry 1 of the context menu of QListWidget"),
        ("KeyError: 'help'", "pressed shortcut 'F1'"),
    }


def test_an_app_that_asks_again_and_again_before_its_event_loop_is_cancelled_not_answered_forever(
    tmp_path: Path,
) -> None:
    """Its password rule rejects every answer: after a few answers the dialog is cancelled, and the app ends."""
    verdict = run_check("startup_dialogs_loop", tmp_path)
    answers = [record["answer"] for record in probe_records(tmp_path, "dialog")]
    assert verdict.status == "fail" and len(answers) <= 12
    assert answers[-1] == "cancelled: asked again and again before the app started"
