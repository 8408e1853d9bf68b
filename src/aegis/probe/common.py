"""What every toolkit's probe session shares: its timer steps, the GuiAction, their order, how a session ends.

Toolkit-free (no PySide6, tkinter or pygame import); runs inside the app's child process.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aegis.probe.options import ProbeOptions
from aegis.probe.records import ActionTaken, Explored, ProbeProblem, Quit
from aegis.probe.runtime import Report, Watchdog

QUIT_WORDS = re.compile(
    r"\b(quit|exit|close window|close app|sair|salir|beenden|quitter|esci|uscita|afsluiten|zamknij|выход|выйти)\b"
    r"|退出|終了|종료",
    re.I,
)
"""What a button, menu entry or context-menu entry that ends the app says, in the languages real apps use
(English, Portuguese, Spanish, German, French, Italian, Dutch, Polish, Russian, Chinese, Japanese, Korean):
the explorer leaves it alone."""
POLL_MS = 50
"""How often a session looks for the app's first window while it waits for it."""
BEAT_MS = 100
"""How often a session tells the watchdog that the event loop still runs."""
DIALOG_MS = 100
"""How often a session looks for a dialog to dismiss or answer."""
STEP_MS = 20
"""The pause between two exploration actions."""
FIRST_ACTIONS = 2
"""Actions per widget tried before any widget's further ones (see in_group_order)."""
QUIT_WAIT_MS = 300
"""How long the last action, a Quit, is given to end the app before the probe ends the report itself."""


@dataclass(frozen=True)
class Setup:
    """What every toolkit session starts with: where to report and screenshot, and its deadlines."""

    report: Report
    watchdog: Watchdog
    shots: Path
    settle: float
    """Seconds the app runs after its first window before the session looks at it."""
    deadline: float
    """monotonic() time by which the first window must show."""
    options: ProbeOptions


@dataclass
class GuiAction:
    key: str
    """Identifies the thing acted on, so a re-scan does not repeat it."""
    group: str
    description: str
    run: Callable[[], object]
    quits: bool = False


def in_group_order(found: list[GuiAction], groups: Sequence[str], seed: int) -> list[GuiAction]:
    """Actions by group in the toolkit's natural order; seed 0 keeps tree order, others shuffle each group.

    Breadth first: every widget's first FIRST_ACTIONS actions (a list's first row selected and double-clicked,
    two combo entries), group by group, come before any widget's further ones, so a capped exploration reaches
    every control before it tries a fifth combo entry."""
    rng = random.Random(seed)
    ordered = []
    for group in groups:
        members = [a for a in found if a.group == group]
        if seed:
            rng.shuffle(members)
        ordered.extend(members)
    seen: dict[str, int] = {}
    ranks = []
    for action in ordered:
        widget = action.key.rsplit("|", 1)[0]
        ranks.append(seen.get(widget, 0))
        seen[widget] = ranks[-1] + 1
    later = [rank >= FIRST_ACTIONS for rank in ranks]
    return [action for _, action in sorted(zip(later, ordered, strict=True), key=lambda pair: pair[0])]


def probe_error(error: BaseException, what: str = "the checker stopped exploring early") -> str:
    """What a person reads when the checker, not the app, failed at something."""
    return (
        f"{what} ({type(error).__name__}: {str(error)[:200]}); this was raised while the checker read the "
        "windows, so it is not counted against the app"
    )


class Exploring:
    """The toolkit-free part of an exploring session: one action a step, and how the session ends (a quit
    the explorer caused, or the final windows and `explored`). Toolkit sessions fill in the rest."""

    report: Report
    actions: int
    explore_started: float
    done_keys: set[str]
    offered: set[str]
    """Keys of every action the windows offered (not the quitting ones), tried or not: the coverage base."""
    quit_last = False
    """Once everything else was tried, press the Quit or Exit the windows offer, the way a user ends a session:
    a fault in the quit handler shows, and the app must end without one."""
    quits_now: list[GuiAction] = []

    def record_windows(self, phase: str) -> None:
        raise NotImplementedError

    def next_action(self) -> GuiAction | None:
        raise NotImplementedError

    def run(self, action: GuiAction) -> None:
        """Do the action; errors from the app's code go to the exception hook."""
        raise NotImplementedError

    def later(self, ms: int, callback: Callable[[], None]) -> None:
        """Call back from the toolkit's event loop after `ms` milliseconds."""
        raise NotImplementedError

    def step(self) -> None:
        """One exploration action, then the next a moment later; the final windows once none is left.
        Reading the windows is the probe's own work: if it raises, the probe says so and stops exploring, and
        the app is not blamed (running the chosen action is the app's work and goes to the exception hook)."""
        try:
            action = self.next_action()
        except Exception as error:  # boundary: the probe's own code (or an app override it called) raised
            self.report.emit(ProbeProblem(problem_kind="probe_error", severity="warn", message=probe_error(error)))
            self.finish()
            return
        if action is None:
            self.finish()
            return
        self.done_keys.add(action.key)
        if action.quits:
            self.report.emit(ActionTaken(i=self.actions, description=action.description, skipped="would quit"))
        else:
            self.actions += 1
            self.report.action = action.description
            self.report.emit(ActionTaken(i=self.actions, description=action.description))
            self.run(action)
        self.later(STEP_MS, self.step)

    def on_quit(self) -> None:
        if self.report.action and not self.report.finished:
            self.report.emit(Quit(action=self.report.action))
            self.report.emit(self.explored())
            self.report.end()

    def more_to_try(self) -> bool:
        """Whether a second pass begins now that the first is done (Qt: dialogs accepted this time)."""
        return False

    def finish(self) -> None:
        if self.more_to_try():
            self.later(STEP_MS, self.step)
            return
        self.record_windows("end")
        if self.quit_last and self.quits_now and not self.report.finished:
            action, self.quits_now = self.quits_now[0], []
            self.report.action = action.description
            self.report.emit(ActionTaken(i=self.actions, description=action.description, last=True))  # not counted
            self.run(action)
            self.later(QUIT_WAIT_MS, self.end)  # an app that quits ends the report itself (on_quit)
            return
        self.end()

    def end(self) -> None:
        if not self.report.finished:
            self.report.emit(self.explored())
            self.report.end()

    def explored(self) -> Explored:
        return Explored(actions=self.actions, seconds=self.exploration_seconds(), offered=len(self.offered))

    def offering(self, actions: Sequence[GuiAction]) -> None:
        """Count what the windows offer now, so the verdict can say how much of it was tried."""
        self.offered.update(action.key for action in actions if not action.quits)
        self.quits_now = [action for action in actions if action.quits]

    def exploration_seconds(self) -> float:
        return round(time.monotonic() - self.explore_started, 3) if self.explore_started else 0.0
