"""The one way AEGIS runs untrusted code: a child in its own session, limited, with a scrubbed environment.

On timeout the whole process group is killed, so nothing the program started outlives the run.
Output goes to temporary files, not pipes: a program that prints without end fills a file capped by
RLIMIT_FSIZE instead of this process's memory, and only the last OUTPUT_LIMIT bytes are read back.
Any failure of the child comes back as an ExecResult; only a missing interpreter raises.
The folders the program may write are measured while it runs (DiskWatch): past Limits.disk_bytes in all, the
run is killed and ExecResult.cap_hit says "disk". aegis.sandbox builds on SubprocessRunner: namespaces around
the command, another identity, and cgroups capping the run's processes and memory together.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from aegis.sandbox.diskwatch import DiskWatch
from aegis.schema import CapHit, ExecResult

SAFE_ENV_KEYS = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONHASHSEED", "SYSTEMROOT")
SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION", re.I)
PR_SET_PDEATHSIG = 1
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
    run_memory_bytes: int = 3 << 30
    """Memory of the whole run, every process and the tmpfs pages it wrote (where a memory cgroup can be made)."""
    disk_bytes: int = 2 << 30
    """What the folders the program may write hold in all, at most."""


class Contained(Protocol):
    """One run's containment beyond rlimits (a sandbox's cgroups)."""

    def join(self) -> None:
        """Called in the child before exec."""
        ...

    def hit(self) -> CapHit | None:
        """The cap the run ran into, once it is over."""
        ...


class Unconfined:
    def join(self) -> None:
        return None

    def hit(self) -> CapHit | None:
        return None


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
        keep_fds: Sequence[int] = (),
    ) -> ExecResult:
        started = time.monotonic()
        child_env = scrubbed_env(env)
        folders = [cwd, *([Path(child_env["HOME"])] if "HOME" in child_env else []), *writable]
        self._prepare(folders)
        command = self._command(list(argv), cwd=cwd, env=child_env, writable=writable)
        with self._contained() as group, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(
                command,
                cwd=cwd,
                env=child_env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
                pass_fds=tuple(keep_fds),
                preexec_fn=lambda: self._enter_child(group),
            )
            with DiskWatch(folders, self.limits.disk_bytes, lambda: _kill_group(proc.pid)) as disk:
                timed_out = _wait(proc, timeout)
            stdout, stderr = _tail(out), _tail(err)
            cap_hit: CapHit | None = "disk" if disk.full else group.hit()
        returncode = self._returncode(proc.returncode)
        return ExecResult(
            argv=list(argv),
            returncode=returncode,
            stdout=stdout,
            stderr=stderr,
            seconds=time.monotonic() - started,
            timed_out=timed_out,
            signal=-returncode if returncode < 0 else None,
            cap_hit=cap_hit,
        )

    def _prepare(self, folders: Sequence[Path]) -> None:
        """Make the folders the program may write ready for it (a sandbox gives them to its identity)."""
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)

    def _command(self, argv: list[str], *, cwd: Path, env: Mapping[str, str], writable: Sequence[Path]) -> list[str]:
        """The command line that runs argv; a sandbox wraps it."""
        return argv

    def _contained(self) -> AbstractContextManager[Contained]:
        """Set-up and clean-up around one run (a sandbox makes the run's cgroups)."""
        return nullcontext(Unconfined())

    def _enter_child(self, group: Contained) -> None:
        _die_with_parent()
        group.join()
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


def _die_with_parent() -> None:
    """In the child before exec (Linux): killed when the thread that started it dies, even by `kill -9`, so a
    killed AEGIS leaves no program running (cleared where the program changes its identity: bubblewrap's
    --die-with-parent covers that case)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait for the program, then kill what is left of its group; True when the time ran out."""
    try:
        proc.wait(timeout=timeout)
        return False
    except subprocess.TimeoutExpired:
        return True
    finally:
        _kill_group(proc.pid)
        proc.wait()


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
