"""The one way AEGIS runs untrusted code: a child in its own session, limited, with a scrubbed environment.

On timeout the whole process group is killed, so nothing the program started outlives the run.
Output goes to temporary files, not pipes: a program that prints without end fills a file capped by
RLIMIT_FSIZE instead of this process's memory, and only the last OUTPUT_LIMIT bytes are read back.
Any failure of the child comes back as an ExecResult; only a missing interpreter raises.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
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
    """RLIMIT_NPROC counts all of the user's processes, so this only stops runaway forks."""


def scrubbed_env(extra: Mapping[str, str] | None = None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A minimal environment: a few harmless variables, never anything that looks like a secret."""
    source = os.environ if base is None else base
    env = {k: source[k] for k in SAFE_ENV_KEYS if k in source}
    env.update(extra or {})
    return {k: v for k, v in env.items() if not SECRET_NAME.search(k)}


class SubprocessRunner:
    """Resource limits plus a scrubbed environment; issue #5 adds namespace isolation on top."""

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
    ) -> ExecResult:
        started = time.monotonic()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=scrubbed_env(env),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
                preexec_fn=self._apply_limits,
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
        return ExecResult(
            argv=list(argv),
            returncode=proc.returncode,
            stdout=stdout,
            stderr=stderr,
            seconds=time.monotonic() - started,
            timed_out=timed_out,
            signal=-proc.returncode if proc.returncode < 0 else None,
        )

    def _apply_limits(self) -> None:
        limits = self.limits
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))


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
