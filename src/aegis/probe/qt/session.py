"""The Qt side of the probe: starts with the app's event loop, then inspects and explores its windows.

    (modal dialogs before the event loop: answered at once, startup_dialogs.py)
    event loop starts -> wait for a visible window -> settle -> record windows, screenshots, inspections
    -> one exploration action per timer step (modal dialogs dismissed as they appear) -> final screenshots

With an acceptance check in the options ("accept"), the check's steps run instead of inspection and
exploration (accept.py), and dialogs are answered as a user would rather than dismissed.

Runs inside the app's child process; never imported by the AEGIS core.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from aegis.probe.common import BEAT_MS, DIALOG_MS, POLL_MS, Exploring, GuiAction, Setup, probe_error
from aegis.probe.qt import contrast, explore, inspect_ui
from aegis.probe.qt.accept_dialogs import DialogAnswers
from aegis.probe.qt.accept_pass import AcceptPass
from aegis.probe.qt.explore_keys import ContextMenus
from aegis.probe.qt.startup_dialogs import StartupDialogs
from aegis.probe.qt.tray import TRAY_ONLY, TrayIcons
from aegis.probe.records import (
    Dialog,
    EventLoop,
    NoWindow,
    ProbeProblem,
    QtMessage,
    Windows,
    WindowSeen,
    WindowShown,
)

if TYPE_CHECKING:
    from aegis.probe.qt.accept import AcceptRun

IGNORED_QT_MESSAGES = (
    "propagateSizeHints",
    "This plugin does not support",
    "QFont::setPointSize",
    "systemTrayWindowChanged",  # the offscreen platform has no tray (the environment problem says so)
)


def install(setup: Setup) -> None:
    def on_message(mode: Any, context: Any, message: str) -> None:
        if not any(noise in message for noise in IGNORED_QT_MESSAGES):
            setup.report.emit(QtMessage(level=str(mode).rsplit(".", 1)[-1], message=message))

    QtCore.qInstallMessageHandler(on_message)
    session = QtSession(setup)
    StartupDialogs(setup.report, Path.home(), lambda: session.started, session.dialogs).install()
    for cls in (QtCore.QCoreApplication, QtGui.QGuiApplication, QtWidgets.QApplication):
        for name in ("exec", "exec_"):  # exec is static; exec_ (PySide6 6.x) is an instance method
            raw = vars(cls).get(name)
            if isinstance(raw, staticmethod):
                setattr(cls, name, staticmethod(session.wrap(getattr(cls, name))))
            elif raw is not None:
                setattr(cls, name, session.wrap(raw))
    for name in ("exec", "exec_"):  # a dialog used as the main window
        setattr(QtWidgets.QDialog, name, session.wrap(getattr(QtWidgets.QDialog, name)))
    QtWidgets.QSystemTrayIcon.isSystemTrayAvailable = staticmethod(session.tray_available)  # type: ignore[method-assign]
    session.tray.install()
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    for cls in (QtCore.QCoreApplication, QtGui.QGuiApplication, QtWidgets.QApplication):
        if "__init__" in vars(cls):
            cls.__init__ = keeping_platform(cls.__init__, platform, setup.report)  # type: ignore[method-assign]


def keeping_platform(original: Callable[..., None], platform: str, report: Any) -> Callable[..., None]:
    """An app that picks its own Qt platform (`os.environ['QT_QPA_PLATFORM'] = 'xcb'` when it finds no
    Wayland) would die for want of a display: it gets the probe's headless one back, and the verdict says so."""

    def create(app: Any, *args: Any, **kwargs: Any) -> None:
        chosen = os.environ.get("QT_QPA_PLATFORM", "")
        if chosen != platform:
            os.environ["QT_QPA_PLATFORM"] = platform
            message = f"the app asked for Qt's '{chosen}' platform, which needs a display; it ran headless instead"
            report.emit(ProbeProblem(problem_kind="environment", severity="warn", message=message))
        original(app, *args, **kwargs)

    return create


NO_TRAY = (
    "the app asked for the system tray, which a headless run does not have: it was told there is one, so the "
    "rest of the app could be tried; its tray icon and menu were not"
)


class QtSession(Exploring):
    quit_last = True

    def __init__(self, setup: Setup) -> None:
        self.report, self.watchdog, self.shots = setup.report, setup.watchdog, setup.shots
        self.settle, self.deadline, self.options = setup.settle, setup.deadline, setup.options
        self.started = False
        self.first_window_at: float | None = None
        self.main_windows: list[QtWidgets.QWidget] = []
        self.done_keys: set[str] = set()
        self.offered: set[str] = set()
        self.actions = 0
        self.explore_started = 0.0
        self.timers: list[QtCore.QTimer] = []
        self.dialogs: DialogAnswers | None = None
        self.accept_run: AcceptRun | None = None
        self.tray_asked = False
        self.tray = TrayIcons()
        self.tray_only = False
        self.context_menus = ContextMenus()
        self.unreadable: set[str] = set()
        self.accept_pass = AcceptPass()
        self.current_key = ""
        if self.options.accept:
            from aegis.probe.qt.accept import AcceptRun  # only a check needs the acceptance steps (~50 ms)

            self.dialogs = DialogAnswers(self.report, Path.home())
            self.dialogs.install()
            self.accept_run = AcceptRun(self, self.options.accept, self.dialogs)

    def tray_available(self) -> bool:
        """An environment limit, not the app's fault: say so once, and let the app go on as on a desktop."""
        if not self.tray_asked:
            self.tray_asked = True
            self.report.emit(ProbeProblem(problem_kind="environment", severity="warn", message=NO_TRAY))
        return True

    def wrap(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def exec_with_probe(*args: Any, **kwargs: Any) -> Any:
            if not self.started:
                self.started = True
                self.on_event_loop()
            return original(*args, **kwargs)

        return exec_with_probe

    def on_event_loop(self) -> None:
        self.report.emit(EventLoop())
        self.watchdog.beat = time.monotonic()
        self.repeat(BEAT_MS, self.beat)
        self.repeat(DIALOG_MS, self.dismiss_dialogs)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_quit)
        if self.accept_run is not None:
            self.accept_run.prepare()
        QtCore.QTimer.singleShot(0, self.poll)

    def repeat(self, interval: int, callback: Callable[[], None]) -> None:
        timer = QtCore.QTimer()
        timer.timeout.connect(callback)
        timer.start(interval)
        self.timers.append(timer)

    def beat(self) -> None:
        self.watchdog.beat = time.monotonic()

    def poll(self) -> None:
        now = time.monotonic()
        if not self.visible_windows():
            if self.tray.click_once():  # a tray app shows its window when its icon is clicked
                QtCore.QTimer.singleShot(POLL_MS, self.poll)
                return
            tray_waited = now - self.tray.clicked_at >= self.settle  # its window may take a moment to show
            if self.tray.shown() and tray_waited and self.accept_run is None:
                self.explore_tray_only()
                return
            if now > self.deadline:
                self.report.emit(NoWindow())
                self.report.end()
            QtCore.QTimer.singleShot(POLL_MS, self.poll)
            return
        if self.first_window_at is None:
            self.first_window_at = now
            self.report.emit(WindowShown())
        if now - self.first_window_at < self.settle:
            QtCore.QTimer.singleShot(POLL_MS, self.poll)
            return
        self.main_windows = explore.top_windows()
        self.record_windows("start")
        if self.accept_run is not None:
            self.accept_run.start(self.main_windows)
            return
        self.inspect()
        if self.options.explore:
            self.explore_started = time.monotonic()
            QtCore.QTimer.singleShot(0, self.step)
        else:
            self.finish()

    def explore_tray_only(self) -> None:
        """No window even after its icon was clicked: the tray menu is all a user has."""
        self.tray_only = True
        self.report.emit(ProbeProblem(problem_kind="environment", severity="warn", message=TRAY_ONLY))
        self.record_windows("start")
        self.explore_started = time.monotonic()
        QtCore.QTimer.singleShot(0, self.step)

    def visible_windows(self) -> list[Any]:
        widgets = explore.top_windows()
        if widgets:
            return widgets
        return [w for w in QtGui.QGuiApplication.topLevelWindows() if w.isVisible()]

    def record_windows(self, phase: str) -> None:
        described = [self.describe(window, index, phase) for index, window in enumerate(self.visible_windows())]
        self.report.emit(Windows(phase=phase, windows=described))

    def describe(self, window: Any, index: int, phase: str) -> WindowSeen:
        size = window.size()
        title = window.windowTitle() if hasattr(window, "windowTitle") else window.title()
        seen = WindowSeen(title=title, cls=type(window).__name__, width=size.width(), height=size.height())
        if isinstance(window, QtWidgets.QWidget):
            path = self.shots / f"window{index}-{phase}.png"
            widgets = sum(1 for w in window.findChildren(QtWidgets.QWidget) if w.isVisible())
            screenshot = str(path) if window.grab().save(str(path)) else None
            seen = dataclasses.replace(seen, widgets=widgets, screenshot=screenshot)
        return seen

    def inspect(self) -> None:
        for window in self.main_windows:
            for check in (inspect_ui.empty_window_problems, inspect_ui.oversize_problems, contrast.contrast_problems):
                for found in check(window):
                    kind, severity, message = found["kind"], found["severity"], found["message"]
                    self.report.emit(ProbeProblem(problem_kind=kind, severity=severity, message=message))

    def run(self, action: GuiAction) -> None:
        self.current_key = action.key
        try:
            action.run()
        except Exception:  # boundary: an error raised straight out of the app's code
            sys.excepthook(*sys.exc_info())

    def later(self, ms: int, callback: Callable[[], None]) -> None:
        QtCore.QTimer.singleShot(ms, callback)

    def next_action(self) -> GuiAction | None:
        # collected afresh each step: a button enabled, a row added or a page shown by the last action counts
        fresh = explore.collect(explore.top_windows(), self.options.seed, self.context_menus, self.skipped)
        fresh += self.tray.actions()
        self.offering(fresh)
        if self.accept_pass.started:
            return self.accept_pass.next(fresh)
        over_time = time.monotonic() - self.explore_started > self.options.explore_seconds
        if over_time or self.actions >= self.options.max_actions:
            return None
        return next((action for action in fresh if action.key not in self.done_keys), None)

    def more_to_try(self) -> bool:
        answers = self.accept_pass.start(self.report) if self.accept_run is None else None
        if answers is not None:
            self.dialogs = answers
        return answers is not None

    def skipped(self, widget: QtWidgets.QWidget, error: Exception) -> None:
        """A widget the explorer could not read: said once, never blamed on the app."""
        name = explore.name_of(widget)
        if name not in self.unreadable:
            self.unreadable.add(name)
            message = probe_error(error, f"the checker left {name} out")
            self.report.emit(ProbeProblem(problem_kind="probe_error", severity="warn", message=message))

    def on_quit(self) -> None:
        if self.accept_run is not None:
            self.accept_run.on_quit()
        else:
            super().on_quit()

    def dismiss_dialogs(self) -> None:
        """Close popups and modal dialogs that exploration opened (not the windows the app started with);
        during an acceptance check, answer them instead."""
        if not self.main_windows and not self.tray_only:
            return
        if self.dialogs is not None:
            self.dialogs.answer(self.main_windows)
            return
        popup = QtWidgets.QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QtWidgets.QApplication.activeModalWidget()
        if isinstance(modal, QtWidgets.QDialog) and modal not in self.main_windows:
            text = modal.text() if isinstance(modal, QtWidgets.QMessageBox) else ""
            self.report.emit(
                Dialog(cls=type(modal).__name__, title=modal.windowTitle(), text=text, action=self.report.action)
            )
            modal.done(0)
            self.accept_pass.opened_dialog(self.current_key)
