"""The one way AEGIS runs untrusted code: a child in its own session, limited, with a scrubbed environment.

On timeout the whole process group is killed, so nothing the program started outlives the run.
Output goes to temporary files, not pipes: a program that prints without end fills a file capped by
RLIMIT_FSIZE instead of this process's memory, and only the last OUTPUT_LIMIT bytes are read back.
Any failure of the child comes back as an ExecResult; only a missing interpreter raises.
aegis.sandbox builds on SubprocessRunner: namespaces around the command and a process cap per run.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aegis.schema import ExecResult

SAFE_ENV_KEYS = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONHASHSEED", "SYSTEMROOT")
SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION", re.I)
OUTPUT_LIMIT = 4 << 20
"""Bytes of stdout and of stderr kept from one run: the end, where the errors are."""


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 4 << 30
    """Address-space cap (Qt maps a lot of virtual memory; 4 GiB leaves room)."""
    cpu_seconds: int = 600
    file_bytes: int = 2 << 30
    processes: int = 4096
    """Processes and threads at once. Here RLIMIT_NPROC counts all of the user's (and never binds root), so it
    only stops runaway forks; aegis.sandbox caps each run to this many."""


def scrubbed_env(extra: Mapping[str, str] | None = None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A minimal environment: a few harmless variables, never anything that looks like a secret."""
    source = os.environ if base is None else base
    env = {k: source[k] for k in SAFE_ENV_KEYS if k in source}
    env.update(extra or {})
    return {k: v for k, v in env.items() if not SECRET_NAME.search(k)}


class SubprocessRunner:
    """Resource limits plus a scrubbed environment; aegis.sandbox.SandboxRunner adds isolation on top."""

    isolation = "rlimits+scrubbed-env"

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()

    def run(
        self,
        argv: Sequence[str],
        *,
        cwd: Path,
        timeout: float,
        env: Mapping[str, str] | None = None,
        writable: Sequence[Path] = (),
    ) -> ExecResult:
        started = time.monotonic()
        child_env = scrubbed_env(env)
        command = self._command(list(argv), cwd=cwd, env=child_env, writable=writable)
        with self._contained() as enter, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(
                command,
                cwd=cwd,
                env=child_env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
                preexec_fn=lambda: self._enter_child(enter),
            )
            timed_out = False
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
            finally:
                _kill_group(proc.pid)
                proc.wait()
            stdout, stderr = _tail(out), _tail(err)
        returncode = self._returncode(proc.returncode)
        return ExecResult(
            argv=list(argv),
            returncode=returncode,
            stdout=stdout,
            stderr=stderr,
            seconds=time.monotonic() - started,
            timed_out=timed_out,
            signal=-returncode if returncode < 0 else None,
        )

    def _command(self, argv: list[str], *, cwd: Path, env: Mapping[str, str], writable: Sequence[Path]) -> list[str]:
        """The command line that runs argv; a sandbox wraps it."""
        return argv

    def _contained(self) -> AbstractContextManager[Callable[[], None]]:
        """Set-up and clean-up around one run; gives what the child calls before exec (a sandbox joins a cgroup)."""
        return nullcontext(_nothing)

    def _enter_child(self, enter: Callable[[], None]) -> None:
        enter()
        self._apply_limits()

    def _apply_limits(self) -> None:
        for kind, value in self._rlimits().items():
            resource.setrlimit(kind, (value, value))

    def _rlimits(self) -> dict[int, int]:
        limits = self.limits
        return {
            resource.RLIMIT_AS: limits.memory_bytes,
            resource.RLIMIT_CPU: limits.cpu_seconds,
            resource.RLIMIT_FSIZE: limits.file_bytes,
            resource.RLIMIT_NPROC: limits.processes,
        }

    def _returncode(self, raw: int) -> int:
        """The program's exit status as subprocess reports it: -N when signal N killed it."""
        return raw


def _nothing() -> None:
    return None


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return


def _tail(file: IO[bytes]) -> str:
    size = file.seek(0, os.SEEK_END)
    file.seek(max(0, size - OUTPUT_LIMIT))
    text = file.read().decode("utf-8", "replace")
    return f"[first {size - OUTPUT_LIMIT} bytes cut]\n{text}" if size > OUTPUT_LIMIT else text
