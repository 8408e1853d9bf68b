"""Runs one acceptance check inside a Qt app, one step per timer, never blocking the app's event loop.

    start -> for each step: action (then settle SETTLE_MS) | wait (timers run meanwhile)
                          | expectation (retried every RETRY_MS for up to RETRY_SECONDS)
          -> first failing step: accept-fail.png, stop -> accept_done -> the session ends

Records: `accept_step` {i, do, ok, message, seen} per step run, then `accept_done` {passed, screenshot}.
An exception the app raises during a step (from the action itself or a slot it set off) fails that step.
The check's "since" (seconds since the epoch) says when the check began; `restart` steps never reach the
probe (the host splits a check into one run per restart).
The window picture and widget texts are snapshotted before each action and after each `expect_changed`,
which compares against the latest of them, and once each action has settled, which `expect_unchanged`
compares against. The pictures are what the screen shows (inspect_ui.shown_image), not a fresh repaint.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from aegis.probe.qt.accept_dialogs import DialogAnswers
from aegis.probe.qt.accept_drag import drag
from aegis.probe.qt.accept_expect import EXPECTATIONS
from aegis.probe.qt.accept_steps import ACTIONS, Outcome, Perform, State, Step, take_snapshot
from aegis.probe.qt.inspect_ui import shown_image
from aegis.probe.records import AcceptDone, AcceptStart, AcceptStep
from aegis.probe.runtime import Report

SETTLE_MS = 300
RETRY_MS = 100
RETRY_SECONDS = 1.0
ONCE = ("expect_no_dialog_error", "expect_unchanged")
"""Expectations that waiting cannot make true."""
DOING = {
    "click": "clicking",
    "type": "typing",
    "key": "pressing",
    "select": "selecting",
    "drag": "dragging",
    "set_clipboard": "setting the clipboard to",
    "provide_file": "providing the file",
}
EVERY_ACTION: dict[str, Callable[[State, Step], Perform | Outcome]] = {**ACTIONS, "drag": drag}


class Session(Protocol):
    report: Report
    shots: Path

    def finish(self) -> None: ...


class AcceptRun:
    """One check's steps, run in order on the session's event loop; see the module docstring."""

    def __init__(self, session: Session, check: dict[str, Any], dialogs: DialogAnswers) -> None:
        self.session, self.report, self.dialogs = session, session.report, dialogs
        self.name = str(check.get("name", ""))
        self.steps: list[Step] = list(check.get("steps") or [])
        self.since = float(check.get("since") or time.time())
        self.state: State | None = None
        self.index = 0
        self.tries_from = 0.0
        self.raised: list[str] = []
        self.performed = False
        """The current step's action was done; it is settling."""
        self.finished = False

    def prepare(self) -> None:
        """As the event loop starts, before any field has focus: a steady caret, so it never counts as a change."""
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.setCursorFlashTime(0)

    def start(self, windows: list[QWidget]) -> None:
        """Begin with the largest of the app's windows as the main one."""
        self.report.emit(AcceptStart(name=self.name, steps=len(self.steps)))
        if not windows:
            self.fail(Outcome(False, "the app shows no Qt widget window to check"))
            return
        self.watch_exceptions()
        main = max(windows, key=lambda window: window.width() * window.height())
        self.state = State(self.dialogs, main, since=self.since)
        self.guarded(self.begin)

    def begin(self) -> None:
        assert self.state is not None
        self.state.before = take_snapshot(self.state.main)
        self.later(0, self.next_step)

    def watch_exceptions(self) -> None:
        recorded = sys.excepthook

        def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if not issubclass(exc_type, SystemExit):
                self.raised.append(f"{exc_type.__name__}: {exc}")
            recorded(exc_type, exc, tb)

        sys.excepthook = hook

    def next_step(self) -> None:
        if self.index >= len(self.steps):
            self.end(passed=True)
            return
        step = self.steps[self.index]
        verb = step.get("do", "")
        if verb == "wait":
            self.later(int(float(step["wait"]) * 1000), self.settled)
        elif verb in EVERY_ACTION:
            self.guarded(self.act)
        elif verb in EXPECTATIONS:
            self.tries_from = time.monotonic()
            self.guarded(self.expect)
        else:
            self.fail(Outcome(False, f"unknown step {verb!r}"))

    def act(self) -> None:
        assert self.state is not None
        step = self.steps[self.index]
        self.state.before = take_snapshot(self.state.main)
        self.report.action = f"{step['do']} {step[step['do']]!r}"
        self.dialogs.save_format = upcoming_format(self.steps, self.index)
        found = EVERY_ACTION[step["do"]](self.state, step)
        if isinstance(found, Outcome):
            self.fail(found)
            return
        self.performed = True
        done: object = None
        try:
            done = found()
        except Exception:  # boundary: an error raised straight out of the app's code
            sys.excepthook(*sys.exc_info())
        if isinstance(done, Outcome) and not self.raised:
            self.fail(done)
        else:
            self.later(SETTLE_MS, self.settled)

    def settled(self) -> None:
        if self.raised:
            self.fail(self.raised_outcome())
            return
        if self.performed and self.state is not None:
            self.state.after = take_snapshot(self.state.main)
        self.passed()

    def expect(self) -> None:
        assert self.state is not None
        step = self.steps[self.index]
        outcome = EXPECTATIONS[step["do"]](self.state, step)
        if self.raised:
            self.fail(self.raised_outcome())
        elif outcome.ok:
            if step["do"] == "expect_changed":
                self.state.before = take_snapshot(self.state.main)
            self.passed()
        elif time.monotonic() - self.tries_from < RETRY_SECONDS and step["do"] not in ONCE:
            self.later(RETRY_MS, self.expect)
        else:
            self.fail(outcome)

    def guarded(self, run: Callable[[], None]) -> None:
        """Run the probe's side of a step; a fault there fails the step instead of being blamed on the app."""
        try:
            run()
        except Exception as exc:  # boundary: the probe's own fault, reported as the step's failure
            self.fail(Outcome(False, f"the check could not run this step: {type(exc).__name__}: {exc}"))

    def later(self, milliseconds: int, then: Callable[[], None]) -> None:
        QTimer.singleShot(milliseconds, lambda: self.guarded(then) if not self.finished else None)

    def raised_outcome(self) -> Outcome:
        step = self.steps[self.index]
        verb, value = step["do"], step.get(step["do"])
        if verb in DOING:
            return Outcome(False, f"{DOING[verb]} {value!r} raised {self.raised[0]}")
        doing = f"waiting {value:g} s" if verb == "wait" else f"checking {verb.replace('_', ' ')} {value!r}"
        return Outcome(False, f"the app raised {self.raised[0]} while {doing}")

    def passed(self) -> None:
        self.record(Outcome(True))
        self.index += 1
        self.performed = False
        self.later(0, self.next_step)

    def fail(self, outcome: Outcome) -> None:
        if self.finished:
            return
        self.record(outcome)
        self.end(passed=False, screenshot=self.screenshot())

    def record(self, outcome: Outcome) -> None:
        step = self.steps[self.index] if self.index < len(self.steps) else {}
        self.report.emit(
            AcceptStep(i=self.index, do=step.get("do", ""), ok=outcome.ok, message=outcome.message, seen=outcome.seen)
        )

    def screenshot(self) -> str:
        if self.state is None:
            return ""
        path = self.session.shots / "accept-fail.png"
        return str(path) if shown_image(self.state.main).save(str(path)) else ""  # what the user saw

    def on_quit(self) -> None:
        """The app quit under the check: fine after its last step, a failure before."""
        if self.finished:
            return
        if self.performed and not self.raised:
            self.record(Outcome(True))
            self.index += 1
        if self.index >= len(self.steps):
            self.end(passed=True)
        else:
            last = self.state.last_done if self.state and self.state.last_done else "the check started"
            self.fail(Outcome(False, f"the app closed after {last}"))

    def end(self, *, passed: bool, screenshot: str = "") -> None:
        self.finished = True
        self.report.emit(AcceptDone(passed=passed, screenshot=screenshot))
        self.session.finish()


def upcoming_format(steps: list[Step], index: int) -> str:
    """The format the next expect_file asks for, so that a save dialog offers a name with its suffix."""
    wanted = next((step for step in steps[index:] if step.get("do") == "expect_file"), {})
    return str(wanted.get("format") or "")
