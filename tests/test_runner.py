"""SubprocessRunner: what untrusted code can and cannot do to the machine and to AEGIS."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from aegis.runner import OUTPUT_LIMIT, SubprocessRunner
from aegis.schema import ExecResult

SPAWN_SLEEPER = """\
import subprocess, sys, time
sleeper = subprocess.Popen(["sleep", "300"])
print(sleeper.pid, flush=True)
if sys.argv[1] == "wait":
    time.sleep(300)
"""


def run_python(code: str, tmp_path: Path, *args: str, timeout: float = 20, **env: str) -> ExecResult:
    return SubprocessRunner().run([sys.executable, "-c", code, *args], cwd=tmp_path, timeout=timeout, env=env)


def sleeper_alive(pid: int) -> bool:
    """True while `sleep 300` runs as pid (a zombie or a reused pid does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, IndexError):
        return False
    return state not in "ZX" and cmdline == b"sleep\x00300\x00"


def gone_soon(pid: int) -> bool:
    deadline = time.monotonic() + 5
    while sleeper_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not sleeper_alive(pid)


def test_a_timeout_kills_the_program_and_everything_it_started(tmp_path: Path) -> None:
    result = run_python(SPAWN_SLEEPER, tmp_path, "wait", timeout=2)
    assert result.timed_out
    assert result.signal == signal.SIGKILL
    assert gone_soon(int(result.stdout))


def test_a_program_that_exits_at_once_returns_at_once_and_takes_its_children_along(tmp_path: Path) -> None:
    result = run_python(SPAWN_SLEEPER, tmp_path, "exit", timeout=20)
    assert (result.timed_out, result.returncode, result.signal) == (False, 0, None)
    assert result.seconds < 15  # the sleeper kept the output open; the run must not wait for it
    assert gone_soon(int(result.stdout))


def test_the_environment_holds_no_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = {
        "OPENAI_API_KEY": "sk-aegis-openai-value",
        "GEMINI_API_KEY": "aegis-gemini-value",
        "MY_TOKEN": "aegis-token-value",
    }
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    result = run_python("import os; print(dict(os.environ))", tmp_path, AEGIS_EXTRA="passed-through")
    assert result.returncode == 0
    assert "'AEGIS_EXTRA': 'passed-through'" in result.stdout
    for name, value in secrets.items():
        assert name not in result.stdout
        assert value not in result.stdout


def test_a_secret_handed_in_as_an_extra_variable_is_dropped_too(tmp_path: Path) -> None:
    result = run_python("import os; print(dict(os.environ))", tmp_path, API_TOKEN="aegis-extra-secret", COLOR="blue")
    assert "'COLOR': 'blue'" in result.stdout
    assert "API_TOKEN" not in result.stdout and "aegis-extra-secret" not in result.stdout


def test_a_segfault_comes_back_as_signal_11(tmp_path: Path) -> None:
    result = run_python("import ctypes; ctypes.string_at(0)", tmp_path)
    assert (result.signal, result.returncode, result.timed_out) == (signal.SIGSEGV, -signal.SIGSEGV, False)


def test_large_output_on_both_streams_does_not_deadlock(tmp_path: Path) -> None:
    code = """\
import sys
chunk = "x" * 65535 + "\\n"
for _ in range(200):
    sys.stdout.write(chunk)
    sys.stderr.write(chunk)
print("END-OUT")
print("END-ERR", file=sys.stderr)
"""
    result = run_python(code, tmp_path, timeout=60)
    assert (result.timed_out, result.returncode) == (False, 0)
    assert result.stdout.endswith("x\nEND-OUT\n")
    assert result.stderr.endswith("x\nEND-ERR\n")


def test_output_without_end_is_cut_to_its_tail_not_kept_in_memory(tmp_path: Path) -> None:
    code = "import sys\nwhile True:\n    sys.stdout.write('spam ' * 10000 + '\\n')"
    result = run_python(code, tmp_path, timeout=2)
    assert len(result.stdout) <= OUTPUT_LIMIT + 100
    cut, _, kept = result.stdout.partition("\n")
    assert cut.startswith("[first ") and cut.endswith(" bytes cut]")
    assert kept.count("spam") > 100_000


def test_a_memory_hog_meets_the_address_space_limit(tmp_path: Path) -> None:
    result = run_python("buffer = bytearray(8 << 30)\nprint('allocated')", tmp_path)
    assert not result.timed_out
    assert result.returncode == 1
    assert "MemoryError" in result.stderr
    assert "allocated" not in result.stdout
