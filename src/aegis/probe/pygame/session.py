"""The pygame side of the probe: works inside the calls the app's own loop makes.

    first frame or event poll -> wait for a display surface (set_mode) -> settle -> screenshot
    -> one synthetic user input per step (arrow keys, space, return, a click in the middle) -> screenshot

display.flip/update and event.get/poll/pump/wait are wrapped: each call first lets the session take its
next step, on the app's own thread, so screenshots see whole frames (taken just before a flip or between
frames) and posted events reach the app through its next event.get. event.wait waits in short slices so
an app that sleeps until input does not look hung. Runs inside the app's child process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pygame

from aegis.probe.common import Setup
from aegis.probe.records import (
    ActionTaken,
    EventLoop,
    Explored,
    Note,
    NoWindow,
    Windows,
    WindowSeen,
    WindowShown,
)

STEP_SECONDS = 0.1
WAIT_SLICE_MS = 50
FRAME_CALLS = ("flip", "update")
EVENT_CALLS = ("get", "poll", "pump")
KEYS = (
    ("Left arrow", "K_LEFT", ""),
    ("Right arrow", "K_RIGHT", ""),
    ("Up arrow", "K_UP", ""),
    ("Down arrow", "K_DOWN", ""),
    ("Space", "K_SPACE", " "),
    ("Return", "K_RETURN", "\r"),
)


def install(setup: Setup) -> None:
    session = PygameSession(setup)
    for name in FRAME_CALLS:
        setattr(pygame.display, name, session.wrap(getattr(pygame.display, name)))
    for name in EVENT_CALLS:
        setattr(pygame.event, name, session.wrap(getattr(pygame.event, name)))
    setattr(pygame.event, "wait", session.sliced_wait(pygame.event.wait))  # noqa: B010


def user_inputs(size: tuple[int, int]) -> list[tuple[str, list[pygame.event.Event]]]:
    """What the explorer does, in order: each a description and the events a user's input would post."""
    inputs = []
    for name, constant, text in KEYS:
        key = getattr(pygame, constant)
        fields = {"key": key, "mod": 0, "unicode": text, "scancode": 0}
        inputs.append(
            (f"pressed {name}", [pygame.event.Event(pygame.KEYDOWN, fields), pygame.event.Event(pygame.KEYUP, fields)])
        )
    middle = (size[0] // 2, size[1] // 2)
    inputs.append(
        (
            "clicked the middle of the window",
            [
                pygame.event.Event(pygame.MOUSEMOTION, pos=middle, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=middle, button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=middle, button=1),
            ],
        )
    )
    return inputs


class PygameSession:
    def __init__(self, setup: Setup) -> None:
        self.report, self.watchdog, self.shots = setup.report, setup.watchdog, setup.shots
        self.settle, self.deadline, self.options = setup.settle, setup.deadline, setup.options
        self.started = False
        self.broken = False
        self.first_window_at: float | None = None
        self.pending: list[tuple[str, list[pygame.event.Event]]] | None = None
        self.next_step_at = 0.0
        self.actions = 0
        self.explore_started = 0.0

    def wrap(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def with_probe(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            return original(*args, **kwargs)

        return with_probe

    def sliced_wait(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def wait(timeout: int = 0) -> Any:
            end = time.monotonic() + timeout / 1000 if timeout > 0 else None
            while True:
                self.tick()
                left_ms = WAIT_SLICE_MS if end is None else int((end - time.monotonic()) * 1000)
                event = original(max(1, min(WAIT_SLICE_MS, left_ms)))
                if event.type != pygame.NOEVENT or (end is not None and time.monotonic() >= end):
                    return event

        return wait

    def tick(self) -> None:
        if self.broken:
            return
        try:
            self.advance()
        except Exception as exc:  # boundary: a fault of the probe must not look like the app's
            self.broken = True
            self.report.emit(Note(message=f"pygame probe stopped: {exc!r}"))

    def advance(self) -> None:
        now = time.monotonic()
        self.watchdog.beat = now
        if not self.started:
            self.started = True
            self.report.emit(EventLoop())
        surface = pygame.display.get_surface()
        if surface is None:
            if now > self.deadline:
                self.report.emit(NoWindow(message="the program ran but never called pygame.display.set_mode"))
                self.report.end()
            return
        if self.first_window_at is None:
            self.first_window_at = now
            self.report.emit(WindowShown())
        if now - self.first_window_at >= self.settle and now >= self.next_step_at:
            self.step(surface, now)

    def step(self, surface: pygame.Surface, now: float) -> None:
        if self.pending is None:
            self.record_window(surface, "start")
            self.pending = user_inputs(surface.get_size()) if self.options.explore else []
            self.explore_started = now
        over_time = now - self.explore_started > self.options.explore_seconds
        if not self.pending or over_time or self.actions >= self.options.max_actions:
            self.finish(surface)
            return
        description, events = self.pending.pop(0)
        self.actions += 1
        self.report.action = description
        self.report.emit(ActionTaken(i=self.actions, description=description))
        for event in events:
            pygame.event.post(event)
        self.next_step_at = now + STEP_SECONDS

    def record_window(self, surface: pygame.Surface, phase: str) -> None:
        width, height = surface.get_size()
        caption = pygame.display.get_caption()
        title = caption[0] if caption else ""
        shot = self.screenshot(surface, phase)
        seen = WindowSeen(title=title, cls="pygame.Surface", width=width, height=height, screenshot=shot)
        self.report.emit(Windows(phase=phase, windows=[seen]))

    def screenshot(self, surface: pygame.Surface, phase: str) -> str | None:
        shot = self.shots / f"window0-{phase}.png"
        try:
            pygame.image.save(surface, str(shot))
        except pygame.error as exc:
            self.report.emit(Note(message=f"no screenshot: {exc}"))
            return None
        return str(shot)

    def finish(self, surface: pygame.Surface) -> None:
        self.record_window(surface, "end")
        seconds = round(time.monotonic() - self.explore_started, 3)
        self.report.emit(Explored(actions=self.actions, seconds=seconds))
        self.report.end()
