"""Turn the probe's report (JSON lines) and the child's ExecResult into a Verdict.

Failures: uncaught exceptions (with the action that caused them), crashes, hangs, no window, an empty
window, unreadable text, a window larger than the screen, an exit before the event loop ran. Warnings:
Qt warnings. An app that ends because a Quit, Exit, Close, Cancel or OK was pressed is not a failure; one that
ends on any other action, or by itself (a timer's quit(), os._exit), is. A run stopped at a sandbox cap (the
whole run's memory or processes, the disk its folders hold) says which cap.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from aegis.probe.records import (
    ActionTaken,
    Dialog,
    Done,
    EventLoop,
    ExceptionRaised,
    Exit,
    Explored,
    Hang,
    NoWindow,
    ProbeProblem,
    QtMessage,
    Quit,
    Record,
    Windows,
    WindowSeen,
    WindowShown,
    of,
    parse_line,
)
from aegis.schema import Coverage, ExecResult, Problem, Verdict, WindowInfo
from aegis.verdict.diagnose import exception_problem, library_problem_from_text, trim_traceback

Kinds = set[type[Record]]

ENDING_WORDS = re.compile(
    r"\b(quit|exit|close|cancel|ok|done|finish|bye|enter|escape"
    r"|sair|salir|fechar|cerrar|beenden|schließen|quitter|fermer|esci|chiudi|afsluiten|zamknij|выход|закрыть)\b"
    r"|退出|关闭|終了|閉じる|종료|닫기",
    re.I,
)
"""What an action that may end the app says: the explorer never presses Quit or Exit, but a check may, and
the OK or Cancel of an app whose main window is a dialog ends it (Enter presses its default button, Escape
cancels it)."""
CAP_WORDS = {
    "memory": "the memory cap of the whole run (every process and its temporary files together)",
    "processes": "the cap on processes and threads",
    "disk": "the cap on what its folders may hold on disk",
}

PROBE_FRAME = os.path.join("aegis", "probe", "")
"""How the probe's own frames (launch.py, qt_session.py...) show in a fault report; they are dropped so only the
program's remain."""
MAX_QT_WARNINGS = 3


def read_report(path: Path) -> list[Record]:
    """The probe's records, without a last line a crash cut short."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [record for record in map(parse_line, lines) if record is not None]


def judge(records: Sequence[Record], result: ExecResult, app: Path, *, isolation: str) -> Verdict:
    kinds = {type(r) for r in records}
    problems = [_exception(r, app) for r in of(records, ExceptionRaised) if r.type != "SystemExit"]
    problems += [_hang(r, app) for r in of(records, Hang)]
    problems += [_probe_problem(r) for r in of(records, ProbeProblem)]
    problems += _cap_problems(result)
    problems += _ending_problems(kinds, records, result)
    problems += _qt_warnings(records)
    library = library_problem_from_text(result.stderr)
    if library and not any(p.kind == "missing_library" for p in problems):
        problems.insert(0, library)
    problems = _unique(problems)
    return Verdict(
        status="fail" if any(p.severity == "fail" for p in problems) else "pass",
        problems=problems,
        windows=[_window(w) for r in of(records, Windows)[:1] for w in r.windows],
        screenshots=[w.screenshot for r in of(records, Windows) for w in r.windows if w.screenshot is not None],
        actions=sum(1 for r in of(records, ActionTaken) if not r.skipped),
        dialogs=[_dialog(r) for r in of(records, Dialog)],
        timings=_timings(records, result),
        isolation=isolation,
        coverage=_coverage(records),
    )


def _coverage(records: Sequence[Record]) -> Coverage | None:
    explored = of(records, Explored)
    if not explored or not explored[0].offered:
        return None
    return Coverage(tried=min(explored[0].actions, explored[0].offered), offered=explored[0].offered)


def _unique(problems: list[Problem]) -> list[Problem]:
    """The same error from many actions (every digit button of a calculator) is one problem: the first."""
    seen: dict[tuple[str, str, str], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.kind, problem.message, problem.traceback), problem)
    return list(seen.values())


def _exception(record: ExceptionRaised, app: Path) -> Problem:
    return exception_problem(record.to_json(), app).model_copy(update={"action": record.action})


def _hang(record: Hang, app: Path) -> Problem:
    frames = {"type": "Hang", "message": record.message, "frames": record.frames}
    stack = trim_traceback(frames, app).replace("Traceback (most recent call last):", "Stuck at:")
    return Problem(kind="hang", message=record.message, traceback=stack, action=record.action)


def _probe_problem(record: ProbeProblem) -> Problem:
    return Problem.model_validate(
        {"kind": record.problem_kind, "severity": record.severity, "message": record.message, "action": record.action}
    )


def _ending_problems(kinds: Kinds, records: Sequence[Record], result: ExecResult) -> list[Problem]:
    if result.signal is not None and not result.timed_out:
        message = f"the program was killed by signal {result.signal}"
        return [
            Problem(kind="crash", message=message, traceback=_fault_dump(result.stderr), action=_last_action(records))
        ]
    if NoWindow in kinds:
        return [Problem(kind="no_window", message="the event loop ran but no window was ever shown")]
    if kinds & {Windows, Hang, Quit}:
        if result.timed_out and not kinds & {Done, Hang}:
            return [_stopped_responding(records, result)]
        return _unasked_exits(kinds, records, result)
    if result.timed_out:
        where = "after starting its event loop" if EventLoop in kinds else "before starting its event loop"
        return [Problem(kind="timeout", message=f"the program hung {where} (no window within the time limit)")]
    if ExceptionRaised in kinds:
        return []  # the exception already explains the exit
    return [_early_exit(kinds, records, result)]


def _cap_problems(result: ExecResult) -> list[Problem]:
    if result.cap_hit is None:
        return []
    return [Problem(kind="sandbox_cap", message=f"the program ran into {CAP_WORDS[result.cap_hit]} and was stopped")]


def _unasked_exits(kinds: Kinds, records: Sequence[Record], result: ExecResult) -> list[Problem]:
    """The app ended while its windows were up, and no quit-like action asked it to."""
    quits = [q for q in of(records, Quit) if not ENDING_WORDS.search(q.action)]
    if quits:
        action = quits[0].action
        message = f"the app exited during the action {action!r}; only a Quit, Exit or Close should end it"
        return [Problem(kind="early_exit", message=message, action=action)]
    if kinds & {Done, Hang, Quit} or result.timed_out or isinstance(_last_fault(records), ExceptionRaised):
        return []
    code = next((r.code for r in of(records, Exit)), result.returncode)
    last = _last_action(records)
    message = (
        f"the app exited (code {code}) after the action {last!r}, which is no Quit, Exit or Close"
        if last
        else f"the app exited by itself (code {code}) while its window was up: nothing asked it to quit"
    )
    return [Problem(kind="early_exit", message=message, action=last)]


def _last_fault(records: Sequence[Record]) -> Record | None:
    """The last record but the exit's: an exception there explains the end."""
    return next((r for r in reversed(records) if not isinstance(r, Exit)), None)


def _stopped_responding(records: Sequence[Record], result: ExecResult) -> Problem:
    """Killed at the time limit after its window was shown: stuck where the watchdog could not see (C code)."""
    message = f"the program stopped responding while being explored and was killed after {result.seconds:.0f} s"
    return Problem(kind="hang", message=message, action=_last_action(records))


def _last_action(records: Sequence[Record]) -> str:
    return next((r.description for r in reversed(of(records, ActionTaken)) if not r.skipped), "")


def _early_exit(kinds: Kinds, records: Sequence[Record], result: ExecResult) -> Problem:
    code = next((r.code for r in of(records, Exit)), result.returncode)
    if EventLoop in kinds:
        message = (
            f"the program quit (code {code}) just after starting its event loop, before its window stayed open; "
            "look for a quit(), exit() or close() that runs at start-up"
        )
    else:
        message = (
            f"the program exited (code {code}) without running its event loop; "
            "show the main window and start the GUI's event loop (app.exec() for Qt, mainloop() for Tk)"
        )
    return Problem(kind="early_exit", message=message)


def _qt_warnings(records: Sequence[Record]) -> list[Problem]:
    messages = dict.fromkeys(r.message for r in of(records, QtMessage) if r.level != "QtDebugMsg")
    return [Problem(kind="qt_warning", severity="warn", message=m[:300]) for m in list(messages)[:MAX_QT_WARNINGS]]


def _fault_dump(stderr: str) -> str:
    """Python's fault report, without the frames of the probe that ran the program."""
    start = stderr.find("Fatal Python error")
    dump = stderr[start:] if start >= 0 else stderr[-2000:]
    lines = [line for line in dump.splitlines() if "<frozen runpy>" not in line and PROBE_FRAME not in line]
    return "\n".join(lines)[:2000]


def _window(seen: WindowSeen) -> WindowInfo:
    return WindowInfo(title=seen.title, cls=seen.cls, width=seen.width, height=seen.height, widgets=seen.widgets)


def _dialog(record: Dialog) -> str:
    text = f": {record.text}" if record.text else ""
    after = f" (after {record.action})" if record.action else ""
    return f"{record.cls} '{record.title}'{text}{after}"


def _timings(records: Sequence[Record], result: ExecResult) -> dict[str, float]:
    timings = {"total": round(result.seconds, 3)}
    shown = of(records, WindowShown)
    if shown:
        timings["start_up"] = float(shown[0].t)
    explored = of(records, Explored)
    if explored:
        timings["exploration"] = float(explored[0].seconds)
    return timings
