"""`aegis bench` contained: workers and their builds die with a killed bench, a resume trusts recorded rows and
skips bad lines, a bug in one item ends that item only, and report.html inlines only verified PNGs from each
item's own run folder."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from aegis.bench import work
from aegis.bench.executors import InlineExecutor
from aegis.bench.html import SCREENSHOT_BYTES, WITHHELD, data_uri, write_report
from aegis.bench.models import BenchRow, BenchSettings
from aegis.bench.plan import plan_items
from aegis.bench.store import ResultStore, claim
from aegis.bench.summary import summarize
from aegis.config import load_config
from aegis.schema import RunResult, Task
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

AEGIS = str(Path(sys.executable).parent / "aegis")
ENV = {**os.environ, "COLUMNS": "200", "AEGIS_PROBE_SETTLE": "0.2"}
SLEEPY_APP = "import time\n" + COUNTER_APP.replace("    app = Q", "    time.sleep(300)\n    app = Q")
"""The counter, sleeping before it shows a window: the check of it is still running when the bench is killed."""
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
GONE_SECONDS = 10.0

Proc = tuple[int, str]
"""A process as (pid, start time): a pid the kernel hands out again is another process."""


# --- the process table -------------------------------------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, ppid, ...), None when gone or a zombie."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()
    return None if fields[0] in ("Z", "X") else fields


def _table() -> dict[Proc, int]:
    """Every live process: (pid, start time) -> parent pid."""
    table = {}
    for entry in Path("/proc").glob("[0-9]*"):
        fields = _stat(int(entry.name))
        if fields is not None:
            table[(int(entry.name), fields[19])] = int(fields[1])
    return table


def _descendants(root: int) -> set[Proc]:
    table = _table()
    found: set[Proc] = set()
    parents = {root}
    while True:
        more = {proc for proc, ppid in table.items() if ppid in parents and proc not in found}
        if not more:
            return found
        found |= more
        parents = {pid for pid, _ in more}


def _touching(folder: Path) -> set[Proc]:
    """Live processes whose command line or working folder names `folder` (a worker's build, whoever its parent)."""
    found = set()
    for pid, start in _table():
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        if str(folder) in cmdline or cwd.startswith(str(folder)):
            found.add((pid, start))
    return found


def _alive(procs: set[Proc]) -> set[Proc]:
    return {(pid, start) for pid, start in procs if (fields := _stat(pid)) is not None and fields[19] == start}


def _wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(what)


def _kill_bench_and_wait(proc: subprocess.Popen[str], out: Path) -> None:
    """kill -9 the bench; then within GONE_SECONDS none of its processes, nor any touching its folder, is left."""
    tree = _descendants(proc.pid)
    assert tree, "the bench has workers"
    proc.kill()
    proc.wait()
    left: set[Proc] = set()

    def gone() -> bool:
        nonlocal left
        left = _alive(tree) | _touching(out)
        return not left

    try:
        _wait_until(gone, GONE_SECONDS, "processes outlived the bench")
    finally:
        for pid, _ in _alive(tree | _touching(out)):  # clean up after a failure
            os.kill(pid, signal.SIGKILL)
    assert not left


def _start_bench(
    dataset: Path, out: Path, srv: ScriptedServer, *, workers: int = 2, env: dict[str, str] = ENV
) -> subprocess.Popen[str]:
    argv = [AEGIS, "bench", str(dataset), "--out", str(out), "--workers", str(workers)]
    argv += ["--model", "m", "--base-url", srv.base_url, "--max-rounds", "2"]
    return subprocess.Popen(argv, cwd=dataset.parent, stderr=subprocess.DEVNULL, text=True, env=env)


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines() if path.exists() else []


# --- workers die with the bench ------------------------------------------------------------------------------


@pytest.mark.parametrize(("isolation", "workers"), [("auto", 2), ("none", 2), ("auto", 1)])
def test_a_killed_bench_leaves_no_worker_and_no_build_running(tmp_path: Path, isolation: str, workers: int) -> None:
    """Each worker is checking an app that sleeps; kill -9 of the bench ends workers and apps within seconds:
    with bubblewrap (which ends a program with its parent, also a one-worker bench's own) and without any
    sandbox (the worker ends its program)."""
    dataset = tmp_path / "sleepy.json"
    dataset.write_text(json.dumps(["a sleepy counter", "another sleepy counter"]))
    out = tmp_path / "bench"
    env = ENV | {"AEGIS_SANDBOX_ISOLATION": isolation}
    with ScriptedServer(rules={"sleepy counter": fenced(SLEEPY_APP)}) as srv:
        proc = _start_bench(dataset, out, srv, workers=workers, env=env)
        try:
            _wait_until(lambda: len(_apps(proc.pid)) >= workers, 120, "no app started")
            _kill_bench_and_wait(proc, out)
        finally:
            proc.kill()
            proc.wait()


def _apps(bench: int) -> set[Proc]:
    """The apps the bench's workers are checking (a command line that names an app.py)."""
    return {proc for proc in _descendants(bench) if b"app.py" in _cmdline(proc[0])}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("tie", ["hold", "watch"])
def test_a_worker_kills_its_program_and_exits_when_its_parent_dies(tmp_path: Path, tie: str) -> None:
    """The lifeline alone: a parent starts a worker, which starts a program in a session of its own (as the
    sandbox runner does) and waits; kill -9 of the parent ends both (by the parent-death signal, or by the
    watching thread alone, as in a Ray worker)."""
    script = tmp_path / "tree.py"
    script.write_text(
        "import os, subprocess, sys, time\n"
        "from aegis.bench import lifeline\n"
        "if sys.argv[1] == 'parent':\n"
        "    subprocess.Popen([sys.executable, __file__, 'worker', str(os.getpid())])\n"
        "    time.sleep(300)\n"
        "else:\n"
        f"    lifeline.{tie}(int(sys.argv[2]))\n"
        "    program = subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
        "    program.wait()\n"
    )
    parent = subprocess.Popen([sys.executable, str(script), "parent"], text=True)
    tree: set[Proc] = set()
    try:
        _wait_until(lambda: _sleeping(parent.pid), 30, "the worker started no program")
        tree = _descendants(parent.pid)
        parent.kill()
        parent.wait()
        _wait_until(lambda: not _alive(tree), 3, "the worker or its program outlived the parent")
    finally:
        parent.kill()
        parent.wait()
        for pid, _ in _alive(tree):
            os.kill(pid, signal.SIGKILL)


def _sleeping(root: int) -> bool:
    """A `sleep` runs under root (the worker started its program)."""
    return any(_cmdline(pid).startswith(b"sleep\0") for pid, _ in _descendants(root))


# --- resume ----------------------------------------------------------------------------------------------------


@pytest.fixture
def counters() -> Iterator[ScriptedServer]:
    """Counters; the third one's code comes slowly, so the kill finds a build in progress."""
    rules: dict[str, Reply | str] = {
        "a third counter": Reply(fenced(COUNTER_APP), delay=3.0),
        "counter": fenced(COUNTER_APP),
    }
    with ScriptedServer(rules=rules) as srv:
        yield srv


def test_a_killed_bench_resumes_from_its_rows_past_bad_lines(tmp_path: Path, counters: ScriptedServer) -> None:
    dataset = tmp_path / "tiny.json"
    dataset.write_text(json.dumps(["a counter", "a second counter", "a third counter"]))
    out, results = tmp_path / "bench", tmp_path / "bench" / "results.jsonl"
    proc = _start_bench(dataset, out, counters)
    try:
        _wait_until(lambda: len(_lines(results)) >= 1 or proc.poll() is not None, 120, "no row recorded")
        _kill_bench_and_wait(proc, out)
    finally:
        proc.kill()
        proc.wait()
    recorded = results.read_bytes()
    kept = [json.loads(line)["key"] for line in recorded.splitlines()]
    assert 1 <= len(kept) < 3, "the kill should land mid-bench"
    results.write_bytes(recorded + b"this is not JSON\n\n")

    resumed = subprocess.run([AEGIS, "bench", "--resume", str(out)], capture_output=True, text=True, env=ENV)
    assert resumed.returncode == 0, resumed.stderr
    for number in (len(kept) + 1, len(kept) + 2):
        assert f"results.jsonl:{number}: not a bench result, skipped" in resumed.stderr
    assert results.read_bytes().startswith(recorded), "recorded rows are kept as they were"
    keys = [json.loads(line)["key"] for line in _lines(results) if line.startswith(b"{")]
    assert sorted(keys) == sorted(set(keys)) and len(keys) == 3, "every item once"
    set_aside = {path.parent.name for path in out.glob("items/tiny/*/run1.interrupted-*")}
    assert not set_aside & {key.split("/")[1] for key in kept}, "a recorded item is never built again"
    assert json.loads((out / "summary.json").read_text())["totals"]["items"] == 3
    assert (out / "report.html").read_text().count("data:image/png;base64,") == 3, "real screenshots are shown"


def test_bad_lines_are_skipped_with_a_warning_naming_each(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    good, other = _row("d/t/1").model_dump_json().encode(), _row("d/v/1").model_dump_json().encode()
    bad = [b"garbage", b"", b"  ", b'{"key": "d/u/1"}', b"\xff\xfe not utf-8"]
    (tmp_path / "results.jsonl").write_bytes(b"\n".join([good, *bad, other]) + b"\n")
    with caplog.at_level(logging.WARNING, logger="aegis"):
        store = ResultStore(tmp_path)
    assert sorted(store.rows) == ["d/t/1", "d/v/1"]
    warned = [record.getMessage() for record in caplog.records]
    assert [message.split(": ")[0].rsplit(":", 1)[1] for message in warned] == ["2", "3", "4", "5", "6"]
    assert all("not a bench result, skipped" in message for message in warned)
    assert store.append(_row("d/u/1")) and not store.append(_row("d/t/1"))
    assert sorted(ResultStore(tmp_path).rows) == ["d/t/1", "d/u/1", "d/v/1"]


def test_a_folder_in_use_by_another_bench_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bench.json").write_text("{}")
    with claim(tmp_path):
        again = subprocess.run([AEGIS, "bench", "--resume", str(tmp_path)], capture_output=True, text=True, env=ENV)
    assert again.returncode == 2
    assert f"in use by another aegis bench (pid {os.getpid()})" in again.stderr.replace("\n", "")
    with claim(tmp_path):  # free again once its holder is done
        pass
    (tmp_path / "bench.json").write_text("{not json")
    broken = subprocess.run([AEGIS, "bench", "--resume", str(tmp_path)], capture_output=True, text=True, env=ENV)
    assert broken.returncode == 2 and "not a bench's settings" in broken.stderr
    assert "Traceback" not in broken.stderr


def _row(key: str, **fields: str) -> BenchRow:
    dataset, task_id, run = key.split("/")
    identity = {"key": key, "dataset": dataset, "task_id": task_id, "task": task_id, "run": int(run), "seed": 1}
    return BenchRow(**identity, pipeline="aegis", model="m", status="pass", gate="pass", **fields)  # type: ignore[arg-type]


# --- report.html -------------------------------------------------------------------------------------------


def _shot_row(out: Path, task_id: str, screenshot: str) -> BenchRow:
    run_dir = f"items/d/{task_id}/run1"
    (out / run_dir).mkdir(parents=True, exist_ok=True)
    return _row(f"d/{task_id}/1", run_dir=run_dir, screenshot=screenshot)


def test_the_report_inlines_only_pngs_inside_the_rows_own_run_folder(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG + b"a private key")
    rows = {
        "passwd": _shot_row(out, "passwd", "/etc/passwd"),
        "outside": _shot_row(out, "outside", "../secret.png"),
        "link": _shot_row(out, "link", "items/d/link/run1/shot.png"),
        "text": _shot_row(out, "text", "items/d/text/run1/shot.png"),
        "big": _shot_row(out, "big", "items/d/big/run1/shot.png"),
        "fifo": _shot_row(out, "fifo", "items/d/fifo/run1/shot.png"),
        "neighbour": _shot_row(out, "neighbour", "items/d/real/run1/shot.png"),
        "real": _shot_row(out, "real", "items/d/real/run1/shot.png"),
    }
    (out / "items/d/link/run1/shot.png").symlink_to(secret)
    (out / "items/d/text/run1/shot.png").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (out / "items/d/big/run1/shot.png").write_bytes(PNG + b"\0" * SCREENSHOT_BYTES)
    os.mkfifo(out / "items/d/fifo/run1/shot.png")
    (out / "items/d/real/run1/shot.png").write_bytes(PNG)

    shown = {name for name, row in rows.items() if data_uri(out, row)}
    assert shown == {"real"}
    page = write_report(out, list(rows.values()), summarize(list(rows.values()), {})).read_text()
    assert page.count("data:image/png;base64,") == 1
    assert "root:x" not in page and "private key" not in page and "cm9vd" not in page
    assert page.count(WITHHELD) == len(rows) - 1
    assert 'href="items/d/real/run1/shot.png"' in page and "/etc/passwd" not in page


def test_a_bug_in_one_item_is_its_error_row_and_the_bench_goes_on(
    tmp_path: Path, counters: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault injected where a build starts (a KeyError, as a bug of ours would raise) ends that item only."""
    real_build = work.build_one

    def build_with_a_bug(task: Task, *args: Any, **kwargs: Any) -> RunResult:
        if "yak" in task.task:
            raise KeyError("the yak's missing key")
        return real_build(task, *args, **kwargs)

    monkeypatch.setattr(work, "build_one", build_with_a_bug)
    dataset = tmp_path / "tiny.json"
    dataset.write_text(json.dumps(["a yak counter", "a zebra counter"]))
    flags: dict[str, dict[str, Any]] = {
        "llm": {"model": "m", "base_url": counters.base_url, "max_retries": 0},
        "loop": {"max_rounds": 1},
        "package": {"enabled": False},
        "probe": {"settle": 0.2},
    }
    settings = BenchSettings(config=load_config(flags=flags, env={}), pipeline="aegis", out=str(tmp_path / "bench"))
    rows = list(InlineExecutor().run(plan_items([dataset], runs=1), settings))

    assert [(r.task, r.status) for r in rows] == [("a yak counter", "error"), ("a zebra counter", "pass")]
    assert rows[0].message == 'internal error (a bug in AEGIS): KeyError: "the yak\'s missing key"'
