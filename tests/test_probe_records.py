"""The probe's report and start-up arguments, typed once: what the probe writes, AEGIS reads back unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aegis.config import ProbeConfig
from aegis.probe import records as r
from aegis.probe import signing
from aegis.probe.options import ProbeArgs, ProbeOptions
from aegis.probe.runtime import Report
from aegis.verdict.headless import probe_options
from aegis.verdict.judge import read_report

FRAMES: list[r.Frame] = [("/app/app.py", 12, "on_click", "1 / 0"), ("<frozen runpy>", None, "_run_code", "")]
SAMPLES: list[r.Record] = [
    r.Start(pid=42),
    r.Start(pid=42, frozen=True),
    r.Note(message="no screenshot"),
    r.ExceptionRaised(type="ZeroDivisionError", message="division by zero", frames=FRAMES, text="Traceback..."),
    r.ExceptionRaised(type="ValueError", message="bad", action="clicked 'Go'", thread="worker"),
    r.Hang(message="the event loop was blocked for more than 2 s", action="clicked 'Wait'", frames=FRAMES),
    r.Quit(action="clicked 'Quit'"),
    r.Exit(code=3),
    r.EventLoop(),
    r.WindowShown(t=0.25),
    r.Windows(
        phase="start",
        windows=[
            r.WindowSeen(title="Calc", cls="MainWindow", width=320, height=200, widgets=9, screenshot="/s/w0.png"),
            r.WindowSeen(title="", cls="QWindow", width=10, height=10),
        ],
    ),
    r.NoWindow(),
    r.NoWindow(message="the program ran but never called pygame.display.set_mode"),
    r.ProbeProblem(problem_kind="unreadable_text", severity="fail", message="grey on grey"),
    r.QtMessage(level="QtWarningMsg", message="QPainter::begin: Paint device returned engine == 0"),
    r.ActionTaken(i=1, description="clicked QPushButton 'Add'"),
    r.ActionTaken(i=1, description="clicked QPushButton 'Quit'", skipped="would quit"),
    r.Dialog(cls="QMessageBox", title="Oops", text="Bad input", action="clicked 'Go'"),
    r.Dialog(cls="QMessageBox", title="Save?", text="", action="", icon="Question", answer="Yes"),
    r.FileDialog(mode="save", path="/home/aegis-saved-1.txt", filter="Text (*.txt)", action="click 'Save'"),
    r.Explored(actions=12, seconds=3.5),
    r.Done(t=4.0),
    r.AcceptStart(name="adds", steps=4),
    r.AcceptStep(i=2, do="expect_text", ok=False, message="no text '5' is shown", seen="'23'"),
    r.AcceptDone(passed=False, screenshot="/s/accept-fail.png"),
]


def test_the_samples_cover_every_kind_the_probe_writes() -> None:
    assert {s.kind for s in SAMPLES} == set(r.KINDS)


@pytest.mark.parametrize("record", SAMPLES, ids=lambda s: s.kind)
def test_every_record_reads_back_as_written(record: r.Record) -> None:
    line = json.dumps(record.to_json())
    assert r.parse_line(line) == record
    assert json.loads(line)["kind"] == record.kind


def test_fields_left_none_are_not_written_and_the_wire_names_stay() -> None:
    assert r.ActionTaken(i=1, description="clicked").to_json() == {
        "kind": "action",
        "t": 0.0,
        "i": 1,
        "description": "clicked",
    }
    problem = r.ProbeProblem(problem_kind="empty_window", severity="fail", message="nothing shown").to_json()
    assert problem["kind"] == "problem" and problem["problem_kind"] == "empty_window" and problem["action"] == ""
    window = r.Windows(phase="end", windows=[r.WindowSeen(title="T", cls="C", width=1, height=2)]).to_json()
    assert window["windows"] == [{"title": "T", "cls": "C", "width": 1, "height": 2, "widgets": 0}]


def test_a_line_cut_short_by_a_crash_is_skipped(tmp_path: Path) -> None:
    report = tmp_path / "probe.jsonl"
    whole = json.dumps(r.Hang(message="stuck", frames=FRAMES).to_json())
    report.write_text(json.dumps(r.Start(pid=1).to_json()) + "\n" + whole[: len(whole) // 2], encoding="utf-8")
    assert r.parse_line(whole[:-1]) is None
    assert read_report(report) == [r.Start(pid=1)]


def test_an_unknown_kind_or_a_record_missing_fields_is_kept_as_unknown() -> None:
    future = r.parse({"kind": "screenshot", "t": 1.5, "path": "/s/1.png"})
    assert future == r.Unknown(name="screenshot", t=1.5, body={"path": "/s/1.png"})
    assert future.kind == "screenshot" and future.to_json() == {"kind": "screenshot", "t": 1.5, "path": "/s/1.png"}
    broken = r.parse({"kind": "hang", "t": 2})
    assert isinstance(broken, r.Unknown) and broken.kind == "hang"
    assert r.of([future, broken, r.Hang(message="stuck")], r.Hang) == [r.Hang(message="stuck")]


def test_the_report_stamps_the_time_and_writes_one_flushed_line_per_record(tmp_path: Path) -> None:
    path = tmp_path / "probe.jsonl"
    report = Report.to_path(path)
    report.emit(r.EventLoop())
    report.emit(r.ActionTaken(i=1, description="clicked"))
    report.file.close()  # the probe never closes it: it ends the process with os._exit
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["event_loop", "action"]
    assert all(record.t >= 0 for record in read_report(path))
    assert "skipped" not in json.loads(lines[1])


def test_the_probe_arguments_read_back_from_argv_and_from_json(tmp_path: Path) -> None:
    options = ProbeOptions(max_actions=5, seed=3).checking({"name": "adds", "steps": []})
    args = ProbeArgs(report=tmp_path / "r.jsonl", shots=tmp_path / "s", timeout=4, settle=0.1, options=options)
    again, app = ProbeArgs.from_argv(args.to_argv(tmp_path / "app.py"))
    assert (again, app) == (args, (tmp_path / "app.py").resolve())
    assert ProbeArgs.from_json(json.loads(json.dumps(args.to_json()))) == args
    assert not options.explore and "accept" not in ProbeOptions().to_json()
    by_fd = ProbeArgs(report=None, report_fd=7, shots=tmp_path / "s", options=options)
    assert ProbeArgs.from_argv(by_fd.to_argv(tmp_path / "app.py"))[0] == by_fd
    assert ProbeArgs.from_json(json.loads(json.dumps(by_fd.to_json()))) == by_fd
    short, _ = ProbeArgs.from_argv(["tk", str(tmp_path / "r.jsonl"), str(tmp_path / "s"), "app.py"])
    assert (short.timeout, short.settle, short.options, short.toolkit) == (20.0, 0.3, ProbeOptions(), "tk")


def test_the_config_defaults_are_the_probes_own() -> None:
    assert probe_options(ProbeConfig()) == ProbeOptions()
    config = ProbeConfig()
    assert (config.timeout, config.settle) == (ProbeArgs.timeout, ProbeArgs.settle)


def test_the_shared_modules_import_only_the_standard_library_and_leave_sys_path_alone() -> None:
    code = (
        "import json, sys; before = list(sys.path); "
        "import aegis.probe.records, aegis.probe.options, aegis.probe.signing; "
        "print(json.dumps([sys.path == before, sorted(m.split('.')[0] for m in sys.modules "
        "if m.split('.')[0] in ('aegis', 'PySide6', 'pydantic', 'tkinter', 'pygame'))]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    path_kept, imported = json.loads(done.stdout)
    assert path_kept and set(imported) == {"aegis"}


def test_signed_lines_verify_and_forged_replayed_or_cut_lines_do_not() -> None:
    key = signing.new_key()
    signer = signing.Signer(key)
    first, second = signer.line('{"kind": "start"}'), signer.line('{"kind": "done"}')
    report = f"{first}\n{second}\n"
    assert signing.verified(key, report) == (['{"kind": "start"}', '{"kind": "done"}'], 0)
    forged = f"{first}\n" + '0123 {"kind": "windows"}\n' + f"{second}\n"
    assert signing.verified(key, forged) == (['{"kind": "start"}', '{"kind": "done"}'], 1)
    replayed = f"{first}\n{first}\n{second}\n"  # a signed line written twice no longer matches its number
    assert signing.verified(key, replayed)[1] == 1
    assert signing.verified(signing.new_key(), report) == ([], 2)
    assert signing.verified(key, f"{first}\n{second[:10]}") == (['{"kind": "start"}'], 0)  # a crash cut it short
