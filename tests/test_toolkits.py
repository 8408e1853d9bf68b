"""Tkinter and pygame programs run under their own probes (Tk on a private Xvfb, pygame on SDL's dummy
driver) exactly as the headless check runs Qt ones: argv, scrubbed env, report file, then the judge."""

from __future__ import annotations

import json
import struct
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from aegis.config import SandboxConfig
from aegis.errors import ProbeError
from aegis.probe.records import ActionTaken, of
from aegis.sandbox.isolation import make_runner
from aegis.schema import ExecResult, Verdict
from aegis.verdict.judge import judge, read_report
from aegis.verdict.toolkit import LAUNCHER, VirtualDisplay, detect_toolkit, toolkit_env

APPS = Path(__file__).parent / "apps"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
OPTIONS = {"explore": True, "max_actions": 60, "seed": 0, "explore_seconds": 15.0, "hang_seconds": 1.0}


class Run:
    """One probe run of one app: the report's records, the child's result and the judge's verdict."""

    def __init__(self, name: str, out: Path, display: str | None = None, timeout: float = 4.0) -> None:
        app = APPS / f"{name}.py"
        toolkit = detect_toolkit(app.read_text(encoding="utf-8"))
        env = toolkit_env(toolkit)
        if display is not None:
            env["DISPLAY"] = display
        report = out / "probe.jsonl"
        argv = [
            sys.executable,
            str(resources.files("aegis.probe").joinpath(LAUNCHER)),
            toolkit,
            str(report),
            str(out / "screenshots"),
            str(app),
            str(timeout),
            "0.3",
            json.dumps(OPTIONS),
        ]
        env.update(
            {"HOME": str(out), "XDG_RUNTIME_DIR": str(out), "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        )
        self.app = app
        runner = make_runner(SandboxConfig())
        self.result: ExecResult = runner.run(argv, cwd=app.parent, timeout=timeout + 25, env=env)
        self.records = read_report(report)
        self.verdict: Verdict = judge(self.records, self.result, app, isolation="test")

    def kinds(self) -> list[str]:
        return [r.kind for r in self.records]

    def first(self, kind: str, **fields: Any) -> int:
        """Position of the first record of that kind with those fields."""
        return next(
            i
            for i, r in enumerate(self.records)
            if r.kind == kind and all(getattr(r, k, None) == v for k, v in fields.items())
        )

    def actions(self) -> list[str]:
        return [r.description for r in of(self.records, ActionTaken) if r.skipped is None]


def png_size(path: str) -> tuple[int, int]:
    data = Path(path).read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with VirtualDisplay() as name:
        yield name


@pytest.mark.parametrize(
    ("code", "toolkit"),
    [
        ("import tkinter as tk\nroot = tk.Tk()", "tk"),
        ("from tkinter import ttk, messagebox", "tk"),
        ("def main():\n    import tkinter\n", "tk"),
        ("import pygame\nfrom pygame.locals import *", "pygame"),
        ("import pygame\nimport tkinter", "pygame"),
        ("from PySide6.QtWidgets import QApplication\nimport tkinter", "qt"),
        ("from PySide6 import QtWidgets", "qt"),
        ("import customtkinter", "qt"),
        ("print('no GUI at all')", "qt"),
        ("import tkinter as tk\ndef broken(:", "qt"),
    ],
)
def test_the_toolkit_is_read_from_the_imports(code: str, toolkit: str) -> None:
    assert detect_toolkit(code) == toolkit


def test_the_probe_script_exists_and_each_toolkit_has_its_environment() -> None:
    assert resources.files("aegis.probe").joinpath(LAUNCHER).is_file()
    assert toolkit_env("tk") == {} == toolkit_env("qt")
    assert {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}.items() <= toolkit_env("pygame").items()


def test_a_missing_xvfb_says_which_package_to_install() -> None:
    with pytest.raises(ProbeError, match="install the Debian package xvfb"), VirtualDisplay("/nonexistent/Xvfb"):
        pass


def test_the_virtual_display_serves_x_clients_and_is_gone_afterwards(tmp_path: Path) -> None:
    with VirtualDisplay() as name:
        socket = Path("/tmp/.X11-unix", f"X{name.lstrip(':')}")
        assert name.startswith(":") and socket.exists()
    assert not socket.exists()


def test_a_working_tk_app_passes_with_its_window_screenshots_and_buttons_pressed(tmp_path: Path, display: str) -> None:
    run = Run("tk_counter_ok", tmp_path, display)
    assert (run.verdict.status, run.verdict.problems) == ("pass", [])
    [window] = run.verdict.windows
    assert (window.title, window.cls, window.widgets) == ("Tk Counter", "Counter", 7)
    assert [Path(s).name for s in run.verdict.screenshots] == ["window0-start.png", "window0-end.png"]
    assert png_size(run.verdict.screenshots[0]) == (window.width, window.height)
    assert run.actions() == [
        "typed '42' + Enter into TEntry 'Step:'",
        "toggled TCheckbutton 'Loud'",
        "clicked Button 'Add one'",
        "clicked TButton 'Reset'",
    ]
    assert run.records[run.first("action", description="clicked Button 'Quit'")].skipped == "would quit"
    assert run.result.stdout.split() == ["step", "42", "added", "1", "reset"]
    assert run.kinds()[-2:] == ["explored", "done"]


def test_an_exception_in_a_tk_button_handler_is_blamed_on_that_button(tmp_path: Path, display: str) -> None:
    run = Run("tk_button_raises", tmp_path, display)
    action = run.first("action", description="clicked Button 'Average'")
    assert run.first("exception", type="ZeroDivisionError") == action + 1
    assert run.verdict.status == "fail"
    [problem] = run.verdict.problems
    assert (problem.kind, problem.message) == ("exception", "ZeroDivisionError: division by zero")
    assert problem.action == "clicked Button 'Average'"
    assert 'File "tk_button_raises.py", line 13, in average' in problem.traceback


def test_a_tk_handler_that_never_returns_is_a_hang_at_that_button(tmp_path: Path, display: str) -> None:
    run = Run("tk_button_hangs", tmp_path, display)
    [problem] = run.verdict.problems
    assert (problem.kind, problem.action) == ("hang", "clicked Button 'Wait'")
    assert 'File "tk_button_hangs.py", line 11, in wait_for_done' in problem.traceback


def test_a_tk_message_box_from_a_menu_is_recorded_and_closed(tmp_path: Path, display: str) -> None:
    run = Run("tk_menu_dialog_ok", tmp_path, display)
    assert run.verdict.passed, run.verdict.problems
    assert run.verdict.dialogs == ["Dialog 'About Fruit': Fruit 1.0 (after triggered menu action 'Help > About')"]
    assert "double-clicked 'pear' in Listbox" in run.actions()
    assert "double (1,)" in run.result.stdout
    [window] = run.verdict.windows
    width, height = png_size(run.verdict.screenshots[0])
    assert width == window.width and height > window.height  # the menu bar sits above the window


def test_a_tk_app_that_fails_while_building_its_window_fails_with_its_line(tmp_path: Path, display: str) -> None:
    run = Run("tk_exception_at_start", tmp_path, display)
    assert "event_loop" not in run.kinds()
    [problem] = run.verdict.problems
    assert (problem.kind, problem.message) == ("exception", 'TclError: unknown option "-txt"')
    assert 'File "tk_exception_at_start.py", line 7, in <module>' in problem.traceback


def test_a_tk_app_without_mainloop_is_an_early_exit(tmp_path: Path, display: str) -> None:
    run = Run("tk_no_mainloop", tmp_path, display)
    assert run.kinds() == ["start", "exit"]
    assert [p.kind for p in run.verdict.problems] == ["early_exit"]


def test_a_working_pygame_loop_passes_and_reacts_to_keys_and_a_click(tmp_path: Path) -> None:
    run = Run("pygame_loop_ok", tmp_path)
    assert (run.verdict.status, run.verdict.problems) == ("pass", [])
    [window] = run.verdict.windows
    assert (window.title, window.width, window.height) == ("Square", 320, 240)
    start, end = run.verdict.screenshots
    assert png_size(start) == png_size(end) == (320, 240)
    assert Path(start).read_bytes() != Path(end).read_bytes()  # the square moved and turned green
    assert run.result.stdout.split("\n")[:7] == [
        "key left",
        "key right",
        "key up",
        "key down",
        "key space",
        "key return",
        "click (160, 120)",
    ]
    assert len(run.actions()) == 7


def test_a_pygame_exception_on_a_key_is_blamed_on_that_key(tmp_path: Path) -> None:
    run = Run("pygame_keydown_raises", tmp_path)
    assert run.first("exception", type="IndexError") == run.first("action", description="pressed Space") + 1
    [problem] = run.verdict.problems
    assert (problem.kind, problem.action) == ("exception", "pressed Space")
    assert 'File "pygame_keydown_raises.py", line 14, in <module>' in problem.traceback


def test_a_pygame_app_that_fails_before_its_loop_fails_with_its_line(tmp_path: Path) -> None:
    run = Run("pygame_exception_at_start", tmp_path)
    [problem] = run.verdict.problems
    assert problem.kind == "exception" and problem.message.startswith("FileNotFoundError: No file")
    assert 'File "pygame_exception_at_start.py", line 7, in <module>' in problem.traceback
    assert run.verdict.windows == []


def test_a_pygame_loop_without_a_window_is_no_window(tmp_path: Path) -> None:
    run = Run("pygame_no_window", tmp_path, timeout=1.0)
    assert run.kinds()[-2:] == ["no_window", "done"]
    assert [p.kind for p in run.verdict.problems] == ["no_window"]
