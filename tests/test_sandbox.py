"""The sandbox against adversarial programs (tests/apps/adversarial_*.py): each is contained, and the run shows
the failure or the refusal. Tests that need a namespace skip, saying why, where it does not work."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.errors import ConfigError
from aegis.run.recorder import RunRecorder
from aegis.run.redact import Redactor
from aegis.sandbox.isolation import SandboxRunner, make_runner
from aegis.schema import Attempt, ExecResult, Task, Verdict
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"
FAST = ProbeConfig(timeout=4, settle=0.2, explore=False, explore_seconds=1)


def sandbox(isolation: str = "bubblewrap", **settings: object) -> SandboxRunner:
    try:
        return make_runner(SandboxConfig.model_validate({"isolation": isolation, **settings}))
    except ConfigError as exc:
        pytest.skip(f"needs {isolation}: {exc}")


def place(name: str, folder: Path, **files: str) -> Path:
    """A copy of tests/apps/<name>.py in its own folder under `folder`, with `files` beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    app = Path(shutil.copy(APPS / f"{name}.py", folder / "app.py"))
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    return app


def run_app(runner: SandboxRunner, name: str, cwd: Path, *args: str, timeout: float = 20) -> ExecResult:
    return runner.run([sys.executable, str(APPS / f"{name}.py"), *args], cwd=cwd, timeout=timeout)


def check(runner: SandboxRunner, app: Path, out: Path, config: ProbeConfig = FAST) -> Verdict:
    return HeadlessProber(runner, config).probe(app, out)


def processes_with(text: str) -> list[int]:
    """Host pids of live processes whose command line contains `text`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            state = cmdline.with_name("stat").read_text().rsplit(")", 1)[1].split()[0]
            if text.encode() in cmdline.read_bytes() and state not in "ZX":
                found.append(int(cmdline.parent.name))
        except (OSError, IndexError):
            continue
    return found


def soon(condition: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def process_count() -> int:
    return sum(1 for _ in Path("/proc").glob("[0-9]*"))


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server


def nothing_arrived(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def test_a_qt_app_cannot_reach_a_listener_on_this_machine(listener: socket.socket, tmp_path: Path) -> None:
    runner = sandbox()
    app = place("adversarial_network", tmp_path / "app", **{"port.txt": str(listener.getsockname()[1])})
    verdict = check(runner, app, tmp_path / "out")
    assert nothing_arrived(listener)
    assert verdict.isolation == "bubblewrap"
    assert not verdict.passed
    assert "ConnectionRefusedError" in verdict.failures[0].message


@pytest.mark.parametrize("isolation", ["bubblewrap", "unshare"])
def test_no_connection_leaves_the_sandbox(isolation: str, listener: socket.socket, tmp_path: Path) -> None:
    code = "import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=3)"
    port = str(listener.getsockname()[1])
    result = sandbox(isolation).run([sys.executable, "-c", code, port], cwd=tmp_path, timeout=20)
    assert nothing_arrived(listener)
    assert result.returncode == 1
    assert "ConnectionRefusedError" in result.stderr or "Network is unreachable" in result.stderr  # no loopback


def test_writes_outside_the_workspace_are_refused_and_the_host_is_unchanged(tmp_path: Path) -> None:
    marker = f"aegis-sandbox-marker-{uuid.uuid4().hex}"
    outside = [Path.home() / marker, Path("/etc") / marker, Path("/usr/lib") / marker]
    try:
        result = run_app(sandbox(), "adversarial_files", tmp_path, *map(str, outside), str(tmp_path / "mine.txt"))
        assert [path for path in outside if path.exists()] == []
    finally:
        for path in outside:
            path.unlink(missing_ok=True)
    assert result.returncode == 1
    for path in outside:
        assert f"refused {path}: [Errno 30] Read-only file system" in result.stderr
    assert (tmp_path / "mine.txt").read_text() == "written by an untrusted program\n"  # its own folder is writable


def test_the_real_home_is_hidden(tmp_path: Path) -> None:
    secret = Path.home() / f".aegis-sandbox-secret-{uuid.uuid4().hex}"
    secret.write_text("sk-aegis-fake-secret-file", encoding="utf-8")
    try:
        app = place("adversarial_read_home", tmp_path, **{"target.txt": str(secret)})
        result = sandbox(hide_home=True).run([sys.executable, str(app)], cwd=tmp_path, timeout=20)
    finally:
        secret.unlink()
    assert result.returncode == 1
    assert "FileNotFoundError" in result.stderr
    assert "sk-aegis-fake-secret-file" not in result.stdout


def test_an_api_key_is_in_neither_its_environment_nor_any_process_it_can_see(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = f"sk-aegis-fake-{uuid.uuid4().hex}"
    monkeypatch.setenv("OPENAI_API_KEY", fake)
    witness = subprocess.Popen(["sleep", "60"], env={**os.environ, "OPENAI_API_KEY": fake})  # visible in /proc
    try:
        verdict = check(sandbox(), place("adversarial_steal_key", tmp_path / "app"), tmp_path / "out")
    finally:
        witness.kill()
        witness.wait()
    assert not verdict.passed
    assert verdict.failures[0].message == "LookupError: no OPENAI_API_KEY to steal"
    recorded = verdict.model_dump_json() + "".join(p.read_text() for p in (tmp_path / "out").glob("*.txt"))
    assert fake not in recorded


def test_a_fork_bomb_is_capped_and_ends_with_the_run(tmp_path: Path) -> None:
    runner = sandbox("auto", processes=64)
    if runner.process_cap == "none":
        pytest.skip("root without a writable pids cgroup: nothing caps a fork bomb here")
    marker = f"bomb-{uuid.uuid4().hex}"
    baseline, peak = process_count(), [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process_count())
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = run_app(runner, "adversarial_fork_bomb", tmp_path, marker, timeout=4)
    finally:
        done.set()
        watcher.join()
    assert result.timed_out
    assert "fork refused: [Errno 11] Resource temporarily unavailable" in result.stderr
    assert peak[0] - baseline < 64 + 40  # the cap, plus what else this machine started meanwhile
    assert soon(lambda: not processes_with(marker))
    if runner.cgroups is not None:
        for parent in runner.cgroups.parents.values():
            assert list(parent.glob(f"aegis-{os.getpid()}-*")) == []


def test_thirty_gigabytes_are_refused_without_hurting_the_machine(tmp_path: Path) -> None:
    result = run_app(sandbox("auto", memory_mb=1024), "adversarial_memory", tmp_path)
    assert "30 GB at once: MemoryError" in result.stderr
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("MemoryError")
    assert "allocated" not in result.stdout


def test_a_loop_at_import_times_out_and_takes_its_helper_along(tmp_path: Path) -> None:
    marker = f"3000.{uuid.uuid4().int % 10**9}"
    app = place("adversarial_import_loop", tmp_path / "app", **{"marker.txt": marker})
    started = time.monotonic()
    verdict = check(sandbox("auto"), app, tmp_path / "out", ProbeConfig(timeout=2, explore_seconds=1))
    assert time.monotonic() - started < 2 + 1 + 10 + 5
    assert not verdict.passed
    assert verdict.failures[0].kind in {"hang", "timeout"}
    assert soon(lambda: not processes_with(marker))


@pytest.mark.parametrize("isolation", ["bubblewrap", "unshare", "none"])
def test_a_daemon_left_behind_is_gone_after_the_run(isolation: str, tmp_path: Path) -> None:
    runner = sandbox(isolation)
    if isolation == "none" and runner.cgroups is None:
        pytest.skip("no pids cgroup here (root only): a setsid daemon escapes a run without a pid namespace")
    marker = f"3000.{uuid.uuid4().int % 10**9}"
    result = run_app(runner, "adversarial_daemon", tmp_path, marker)
    assert (result.returncode, result.stdout) == (0, "left a daemon behind\n")
    assert (tmp_path / "daemon-started.txt").exists()  # it did start
    assert soon(lambda: not processes_with(marker))
    time.sleep(2.5)
    assert not (tmp_path / "daemon-survived.txt").exists()


def test_the_verdict_records_the_isolation_and_none_means_limits_only(tmp_path: Path) -> None:
    verdict = check(make_runner(SandboxConfig(isolation="none")), APPS / "counter_ok.py", tmp_path)
    assert verdict.passed
    assert verdict.isolation == "rlimits+scrubbed-env"


def test_a_named_isolation_that_is_missing_is_a_config_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="bubblewrap does not work here: not installed"):
        make_runner(SandboxConfig(isolation="bubblewrap"))


def test_auto_without_namespaces_warns_and_keeps_the_limits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="aegis"):
        runner = make_runner(SandboxConfig())
    assert runner.isolation == "rlimits+scrubbed-env"
    assert "install bubblewrap" in caplog.text


def test_links_a_program_leaves_in_its_folder_are_replaced_never_followed(tmp_path: Path) -> None:
    """AEGIS writes the output, the verdict and the requirements after the run; a link left there by the program
    could point at any file of this machine."""
    canary = tmp_path / "canary.txt"
    canary.write_text("untouched")
    folder = tmp_path / "attempt"
    folder.mkdir()
    app = folder / "app.py"
    shutil.copy(APPS / "adversarial_links.py", app)

    verdict = HeadlessProber(make_runner(SandboxConfig()), FAST).probe(app, folder)
    assert verdict.passed, verdict.problems
    assert not (folder / "stdout.txt").is_symlink() and not (folder / "stderr.txt").is_symlink()

    recorder = RunRecorder(tmp_path / "runs", Task(id="t", task="t"), redact=Redactor())
    attempt_folder = recorder.attempt_dir(1)
    for name in ("app.py", "verdict.json"):
        (attempt_folder / name).symlink_to(canary)
    recorder.save_attempt(Attempt(number=1, kind="generate", code="print('hi')", verdict=verdict))
    recorder.close()
    assert (attempt_folder / "app.py").read_text() == "print('hi')"
    assert canary.read_text() == "untouched"
