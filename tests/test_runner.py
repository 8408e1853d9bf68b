"""The runner, plain and sandboxed: what untrusted code can and cannot do to the machine and to AEGIS."""

from __future__ import annotations

import signal
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aegis.config import SandboxConfig
from aegis.protocols import Runner
from aegis.sandbox.isolation import make_runner
from aegis.sandbox.runner import OUTPUT_LIMIT, SubprocessRunner
from aegis.schema import ExecResult

SPAWN_SLEEPER = """\
import subprocess, sys, time
sleeper = subprocess.Popen(["sleep", sys.argv[2]])
time.sleep(0.5)
if sys.argv[1] == "wait":
    time.sleep(300)
"""


@pytest.fixture(params=["plain", "sandbox"])
def runner(request: pytest.FixtureRequest) -> Runner:
    return SubprocessRunner() if request.param == "plain" else make_runner(SandboxConfig())


def run_python(runner: Runner, code: str, tmp_path: Path, *args: str, timeout: float = 20, **env: str) -> ExecResult:
    return runner.run([sys.executable, "-c", code, *args], cwd=tmp_path, timeout=timeout, env=env)


def sleepers(seconds: str) -> list[int]:
    """Host pids of live `sleep SECONDS` processes (the pid a sandboxed program sees is not the host's)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
            cmdline = stat.with_name("cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if state not in "ZX" and cmdline == f"sleep\x00{seconds}\x00".encode():
            found.append(int(stat.parent.name))
    return found


def soon(condition: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def run_with_sleeper(runner: Runner, tmp_path: Path, mode: str, timeout: float) -> tuple[ExecResult, bool, str]:
    """Run SPAWN_SLEEPER; also whether its `sleep` was seen running on the host while the run lasted."""
    seconds = f"300.{uuid.uuid4().int % 10**9}"
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(run_python, runner, SPAWN_SLEEPER, tmp_path, mode, seconds, timeout=timeout)
        seen: set[int] = set()

        def seen_or_done() -> bool:
            seen.update(sleepers(seconds))
            return bool(seen) or future.done()

        soon(seen_or_done, seconds=10)
        result = future.result()
    return result, bool(seen), seconds


def test_a_timeout_kills_the_program_and_everything_it_started(runner: Runner, tmp_path: Path) -> None:
    result, seen, seconds = run_with_sleeper(runner, tmp_path, "wait", timeout=3)
    assert seen
    assert result.timed_out
    assert result.signal == signal.SIGKILL
    assert soon(lambda: not sleepers(seconds))


def test_a_program_that_exits_at_once_returns_at_once_and_takes_its_children_along(
    runner: Runner, tmp_path: Path
) -> None:
    result, seen, seconds = run_with_sleeper(runner, tmp_path, "exit", timeout=20)
    assert seen
    assert (result.timed_out, result.returncode, result.signal) == (False, 0, None)
    assert result.seconds < 15  # the sleeper kept the output open; the run must not wait for it
    assert soon(lambda: not sleepers(seconds))


def test_the_environment_holds_no_secrets(runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = {
        "OPENAI_API_KEY": "sk-aegis-openai-value",
        "GEMINI_API_KEY": "aegis-gemini-value",
        "MY_TOKEN": "aegis-token-value",
    }
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    result = run_python(runner, "import os; print(dict(os.environ))", tmp_path, AEGIS_EXTRA="passed-through")
    assert result.returncode == 0
    assert "'AEGIS_EXTRA': 'passed-through'" in result.stdout
    for name, value in secrets.items():
        assert name not in result.stdout
        assert value not in result.stdout


def test_a_secret_handed_in_as_an_extra_variable_is_dropped_too(runner: Runner, tmp_path: Path) -> None:
    result = run_python(
        runner, "import os; print(dict(os.environ))", tmp_path, API_TOKEN="aegis-extra-secret", COLOR="blue"
    )
    assert "'COLOR': 'blue'" in result.stdout
    assert "API_TOKEN" not in result.stdout and "aegis-extra-secret" not in result.stdout


def test_a_segfault_comes_back_as_signal_11(runner: Runner, tmp_path: Path) -> None:
    result = run_python(runner, "import ctypes; ctypes.string_at(0)", tmp_path)
    assert (result.signal, result.returncode, result.timed_out) == (signal.SIGSEGV, -signal.SIGSEGV, False)


def test_large_output_on_both_streams_does_not_deadlock(runner: Runner, tmp_path: Path) -> None:
    code = """\
import sys
chunk = "x" * 65535 + "\\n"
for _ in range(200):
    sys.stdout.write(chunk)
    sys.stderr.write(chunk)
print("END-OUT")
print("END-ERR", file=sys.stderr)
"""
    result = run_python(runner, code, tmp_path, timeout=60)
    assert (result.timed_out, result.returncode) == (False, 0)
    assert result.stdout.endswith("x\nEND-OUT\n")
    assert result.stderr.endswith("x\nEND-ERR\n")


def test_output_without_end_is_cut_to_its_tail_not_kept_in_memory(runner: Runner, tmp_path: Path) -> None:
    code = "import sys\nwhile True:\n    sys.stdout.write('spam ' * 10000 + '\\n')"
    result = run_python(runner, code, tmp_path, timeout=2)
    assert len(result.stdout) <= OUTPUT_LIMIT + 100
    cut, _, kept = result.stdout.partition("\n")
    assert cut.startswith("[first ") and cut.endswith(" bytes cut]")
    assert kept.count("spam") > 100_000


def test_a_memory_hog_meets_the_address_space_limit(runner: Runner, tmp_path: Path) -> None:
    result = run_python(runner, "buffer = bytearray(8 << 30)\nprint('allocated')", tmp_path)
    assert not result.timed_out
    assert result.returncode == 1
    assert "MemoryError" in result.stderr
    assert "allocated" not in result.stdout
