"""The Tk side of the probe: starts with the app's main loop, then records and explores its windows.

    mainloop (or update, wait_window, wait_variable) starts -> wait for a mapped toplevel -> settle
    -> record windows and screenshots (xwd) -> one exploration action per `after` step (a window that an
    action opens and waits on is recorded as a dialog and destroyed) -> final screenshots

Errors in Tk callbacks reach the report through Tk.report_callback_exception. Standard library only;
runs inside the app's child process, never imported by the AEGIS core.
"""

from __future__ import annotations

import dataclasses
import sys
import time
import tkinter
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aegis.probe.common import BEAT_MS, DIALOG_MS, POLL_MS, Exploring, GuiAction, Setup
from aegis.probe.records import (
    Dialog,
    EventLoop,
    Note,
    NoWindow,
    Windows,
    WindowSeen,
    WindowShown,
)
from aegis.probe.tk import explore, xshot

LOOPS = ("update", "wait_window", "wait_variable", "waitvar")
"""Besides mainloop, the Misc methods that run the event loop; the first call of any starts the session."""


def install(setup: Setup) -> None:
    session = TkSession(setup)
    setattr(tkinter.Tk, "report_callback_exception", report_callback_exception)  # noqa: B010
    setattr(tkinter.Misc, "mainloop", session.wrap(tkinter.Misc.mainloop, ends_session=True))  # noqa: B010
    for name in LOOPS:
        setattr(tkinter.Misc, name, session.wrap(getattr(tkinter.Misc, name), ends_session=False))
    setattr(tkinter, "mainloop", default_root_mainloop)  # noqa: B010


def report_callback_exception(
    root: tkinter.Tk, exc: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    sys.excepthook(exc, value, tb)


def default_root_mainloop(n: int = 0) -> None:
    """tkinter.mainloop() without going past Misc.mainloop, so the patched one runs."""
    root = getattr(tkinter, "_default_root", None)
    if root is None:
        raise RuntimeError("Too early to run the main loop: no default root window")
    root.mainloop(n)


class TkSession(Exploring):
    def __init__(self, setup: Setup) -> None:
        self.report, self.watchdog, self.shots = setup.report, setup.watchdog, setup.shots
        self.settle, self.deadline, self.options = setup.settle, setup.deadline, setup.options
        self.root: tkinter.Misc | None = None
        self.first_window_at: float | None = None
        self.known_windows: set[str] = set()
        self.in_action = False
        self.queue: list[GuiAction] = []
        self.done_keys: set[str] = set()
        self.offered: set[str] = set()
        self.actions = 0
        self.explore_started = 0.0

    @property
    def tk(self) -> Any:
        assert self.root is not None
        return self.root.tk

    def wrap(self, original: Callable[..., Any], *, ends_session: bool) -> Callable[..., Any]:
        def loop_with_probe(widget: tkinter.Misc, *args: Any, **kwargs: Any) -> Any:
            if self.root is None:
                self.on_event_loop(widget.nametowidget("."))
            result = original(widget, *args, **kwargs)
            if ends_session:
                self.on_quit()
            return result

        return loop_with_probe

    def on_event_loop(self, root: tkinter.Misc) -> None:
        self.root = root
        self.report.emit(EventLoop())
        self.watchdog.beat = time.monotonic()
        self.repeat(BEAT_MS, self.beat)
        self.repeat(DIALOG_MS, self.dismiss_dialogs)
        self.later(0, self.poll)

    def later(self, ms: int, callback: Callable[[], None]) -> None:
        assert self.root is not None
        try:
            self.root.after(ms, self.guarded, callback)
        except tkinter.TclError:  # the app destroyed its root window
            self.on_quit()

    def guarded(self, callback: Callable[[], None]) -> None:
        """Runs a step of the probe; a fault in it ends the probe's work instead of looking like the app's."""
        try:
            callback()
        except Exception as exc:  # boundary: Tk would report it through the app's report_callback_exception
            self.report.emit(Note(message=f"Tk probe stopped: {exc!r}"))

    def repeat(self, ms: int, callback: Callable[[], None]) -> None:
        def tick() -> None:
            callback()
            self.later(ms, tick)

        self.later(ms, tick)

    def beat(self) -> None:
        self.watchdog.beat = time.monotonic()

    def poll(self) -> None:
        now = time.monotonic()
        if not explore.toplevels(self.tk):
            if now > self.deadline:
                self.report.emit(NoWindow())
                self.report.end()
            self.later(POLL_MS, self.poll)
            return
        if self.first_window_at is None:
            self.first_window_at = now
            self.report.emit(WindowShown())
        if now - self.first_window_at < self.settle:
            self.later(POLL_MS, self.poll)
            return
        self.record_windows("start")
        if self.options.explore:
            self.explore_started = time.monotonic()
            self.later(0, self.step)
        else:
            self.finish()

    def record_windows(self, phase: str) -> None:
        windows = explore.toplevels(self.tk)
        described = [
            self.describe(path, index, phase, raise_first=len(windows) > 1) for index, path in enumerate(windows)
        ]
        self.report.emit(Windows(phase=phase, windows=described))

    def describe(self, path: str, index: int, phase: str, *, raise_first: bool) -> WindowSeen:
        tk = self.tk
        seen = WindowSeen(
            title=str(tk.call("wm", "title", path)),
            cls=self.class_name(path),
            width=int(tk.call("winfo", "width", path)),
            height=int(tk.call("winfo", "height", path)),
            widgets=sum(1 for w in explore.widgets_in(tk, path) if explore.flag(tk, "winfo", "viewable", w)),
        )
        if raise_first:  # no window manager: toplevels overlap, and xwd copies what is on screen
            tk.call("raise", path)
            tk.call("update")
        shot = self.shots / f"window{index}-{phase}.png"
        failure = xshot.capture(screen_box(tk, path), shot)
        if failure:
            self.report.emit(Note(message=f"no screenshot of {path}: {failure}"))
            return seen
        return dataclasses.replace(seen, screenshot=str(shot))

    def class_name(self, path: str) -> str:
        """The Python class that made the window, or its Tk class for one made in Tcl."""
        assert self.root is not None
        try:
            return type(self.root.nametowidget(path)).__name__
        except KeyError:
            return explore.class_of(self.tk, path)

    def run(self, action: GuiAction) -> None:
        self.known_windows = set(explore.toplevels(self.tk))
        self.in_action = True
        try:
            action.run()
        except tkinter.TclError as exc:  # the widget went away, or a Tcl-level command failed
            self.report.emit(Note(message=f"could not do '{action.description}': {exc}"))
        finally:
            self.in_action = False

    def next_action(self) -> GuiAction | None:
        over_time = time.monotonic() - self.explore_started > self.options.explore_seconds
        if over_time or self.actions >= self.options.max_actions:
            return None
        if not self.queue:
            fresh = explore.collect(self.tk, explore.toplevels(self.tk), self.options.seed)
            self.offering(fresh)
            self.queue = [a for a in fresh if a.key not in self.done_keys]
        while self.queue:
            action = self.queue.pop(0)
            if action.key not in self.done_keys:
                return action
        return None

    def dismiss_dialogs(self) -> None:
        """While an action waits on a window it opened (a message box, a file dialog), close that window."""
        if not self.in_action:
            return
        tk = self.tk
        for path in explore.toplevels(tk):
            if path not in self.known_windows:
                self.report.emit(
                    Dialog(
                        cls=self.class_name(path),
                        title=str(tk.call("wm", "title", path)),
                        text=dialog_text(tk, path),
                        action=self.report.action,
                    )
                )
                tk.call("destroy", path)


def screen_box(tk: Any, path: str) -> xshot.Box:
    """Where a toplevel is on the screen, with its menu bar (a clone of the menu, drawn above the window)."""
    x, y = int(tk.call("winfo", "rootx", path)), int(tk.call("winfo", "rooty", path))
    bottom = y + int(tk.call("winfo", "height", path))
    for child in explore.children(tk, path):
        if "#" in child.rsplit(".", 1)[-1] and explore.flag(tk, "winfo", "ismapped", child):
            y = min(y, int(tk.call("winfo", "rooty", child)))
    return x, y, int(tk.call("winfo", "width", path)), bottom - y


def dialog_text(tk: Any, path: str) -> str:
    texts = [
        explore.option(tk, w, "-text")
        for w in explore.widgets_in(tk, path)
        if explore.class_of(tk, w) in ("Label", "TLabel", "Message")
    ]
    return " ".join(t.strip() for t in texts if t.strip())[:300]
