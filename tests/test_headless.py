"""The headless check runs each program of tests/apps offscreen under the probe and judges it as a user would."""

from __future__ import annotations

import ctypes.util
from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import make_runner
from aegis.schema import Verdict
from aegis.verdict.diagnose import library_problem_from_text
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"
FAST = ProbeConfig(timeout=4, settle=0.3)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run_check(name: str, out: Path, config: ProbeConfig = FAST) -> Verdict:
    return HeadlessProber(make_runner(SandboxConfig()), config).probe(APPS / f"{name}.py", out)


def line_of(name: str, code: str) -> int:
    """The line number of the first line of an app that contains `code`."""
    lines = (APPS / f"{name}.py").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if code in line)


@pytest.mark.parametrize(
    ("name", "title", "cls"),
    [
        ("counter_ok", "Counter", "Counter"),
        ("mainwindow_menu_ok", "Notes", "Editor"),
        ("app_subclass_ok", "Clock", "QWidget"),
        ("window_from_timer_ok", "Late window", "QWidget"),
        ("dialog_main_ok", "Your name", "NameDialog"),
        ("uses_sys_exit_exec", "Todo", "QWidget"),
    ],
)
def test_a_working_app_passes_with_its_window_and_a_screenshot(name: str, title: str, cls: str, tmp_path: Path) -> None:
    verdict = run_check(name, tmp_path)
    assert (verdict.status, verdict.problems) == ("pass", [])
    assert [(w.title, w.cls) for w in verdict.windows] == [(title, cls)]
    assert verdict.windows[0].widgets > 0
    assert verdict.windows[0].width > 0 and verdict.windows[0].height > 0
    assert Path(verdict.screenshots[0]).name == "window0-start.png"  # and -end.png unless the app quit
    png = Path(verdict.screenshots[0]).read_bytes()
    assert png.startswith(PNG_MAGIC) and len(png) > 100
    assert Path(verdict.screenshots[0]).is_relative_to(tmp_path)


def test_counter_timings_are_recorded(tmp_path: Path, record_property: pytest.RecordProperty) -> None:
    verdict = run_check("counter_ok", tmp_path)
    record_property("counter_total_seconds", verdict.timings["total"])  # noisy machine: recorded, not asserted
    assert 0 < verdict.timings["start_up"] < verdict.timings["total"]


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("early_exit", "early_exit", "exited (code 0) without running its event loop"),
        ("exits_before_exec", "early_exit", "exited (code 0) without running its event loop"),
        ("quits_immediately", "early_exit", "just after starting its event loop"),
        ("never_shows_window", "no_window", "no window was ever shown"),
        ("missing_module", "missing_module", "ModuleNotFoundError: No module named 'aegis_no_such_module'"),
        ("missing_library", "missing_library", "libaegis-missing.so.1"),
    ],
)
def test_a_broken_app_fails_with_the_problem_that_explains_it(
    name: str, kind: str, message: str, tmp_path: Path
) -> None:
    verdict = run_check(name, tmp_path)
    assert verdict.status == "fail"
    assert [p.kind for p in verdict.problems] == [kind]
    assert message in verdict.problems[0].message
    assert verdict.windows == [] and verdict.screenshots == []


@pytest.mark.parametrize(
    ("name", "message", "frames"),
    [
        (
            "exception_at_start",
            "KeyError: 'font_size'",
            [("<module>", "size = load_settings()"), ("load_settings", 'return settings["font_size"]')],
        ),
        (
            "exception_in_timer",
            "ZeroDivisionError: division by zero",
            [("refresh", "average = sum(self.values) / len(self.values)")],
        ),
    ],
)
def test_an_exception_names_the_apps_own_lines_and_nothing_of_the_probe(
    name: str, message: str, frames: list[tuple[str, str]], tmp_path: Path
) -> None:
    verdict = run_check(name, tmp_path)
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.message) == ("exception", message)
    expected = []
    for function, code in frames:
        expected += [f'  File "{name}.py", line {line_of(name, code)}, in {function}', f"    {code}"]
    assert problem.traceback.splitlines() == ["Traceback (most recent call last):", *expected, message]


def test_an_exception_in_a_timer_still_reports_the_window_it_broke(tmp_path: Path) -> None:
    verdict = run_check("exception_in_timer", tmp_path)
    assert [w.title for w in verdict.windows] == ["Average"]


def test_a_segfault_is_a_crash_with_the_apps_line_from_the_fault_report(tmp_path: Path) -> None:
    verdict = run_check("segfault", tmp_path)
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert (problem.kind, problem.message) == ("crash", "the program was killed by signal 11")
    assert problem.traceback.startswith("Fatal Python error: Segmentation fault")
    assert f'segfault.py", line {line_of("segfault", "ctypes.string_at(0)")} in <module>' in problem.traceback
    assert "launch.py" not in problem.traceback and "runpy" not in problem.traceback
    assert "Fatal Python error" in (tmp_path / "stderr.txt").read_text(encoding="utf-8")


def test_a_hang_before_the_event_loop_says_where_it_is_stuck(tmp_path: Path) -> None:
    verdict = run_check("hang_at_start", tmp_path, ProbeConfig(timeout=1, settle=0.3))
    assert verdict.status == "fail"
    [problem] = verdict.problems
    assert problem.kind == "hang"
    assert "never started its event loop" in problem.message
    loop_line = line_of("hang_at_start", "while not ready")
    assert f'File "hang_at_start.py", line {loop_line}' in problem.traceback or (
        f'File "hang_at_start.py", line {loop_line + 1}' in problem.traceback
    )


@pytest.mark.skipif(ctypes.util.find_library("pulse") is not None, reason="libpulse is installed here")
def test_a_missing_system_library_names_the_debian_package(tmp_path: Path) -> None:
    verdict = run_check("missing_library_pulse", tmp_path)
    assert verdict.status == "fail"
    assert [p.kind for p in verdict.problems] == ["missing_library"]
    assert "libpulse.so.0" in verdict.problems[0].message
    assert "apt-get install libpulse0" in verdict.problems[0].message


def test_the_loader_message_for_a_missing_library_names_its_package() -> None:
    problem = library_problem_from_text(
        "ImportError: libpulse.so.0: cannot open shared object file: No such file or directory"
    )
    assert problem is not None
    assert problem.kind == "missing_library"
    assert (
        problem.message
        == "the system lacks libpulse.so.0: install the Debian package libpulse0 (apt-get install libpulse0)"
    )
    assert library_problem_from_text("ImportError: cannot import name 'QAction' from 'PySide6.QtWidgets'") is None


def test_a_second_check_in_the_same_folder_judges_only_the_new_run(tmp_path: Path) -> None:
    assert run_check("exception_at_start", tmp_path).status == "fail"
    verdict = run_check("counter_ok", tmp_path)
    assert (verdict.status, verdict.problems) == ("pass", [])
