"""Isolation for generated programs on top of the runner's limits: the strongest that works on this machine.

    make_runner(config)   a SandboxRunner; `auto` probes bubblewrap, then unshare, by running `true` in them

    bubblewrap            no network; own pid, ipc and uts namespaces; the system read-only, the real home hidden
                          but for the Python installation, a private /tmp; writable: the working folder, HOME
                          and the run's `writable` folders only; Tk's X server socket stays reachable
    unshare               no network and an own pid namespace; the file system is as the user sees it
    rlimits+scrubbed-env  (`none`, or nothing else works) resource limits and a scrubbed environment only

In a pid namespace nothing the program starts outlives the run, setsid or not: when the namespace's first
process dies, the kernel kills the rest. Processes: RLIMIT_NPROC counts per user and never binds root. For
a user, the limit is set inside the sandbox's user namespace, where it counts that run's processes only.
For root, each run gets its own pids cgroup instead, when the cgroup file system allows; root without one
has no process cap (the inner uid of a user namespace made by root is still root to RLIMIT_NPROC).
"""

from __future__ import annotations

import errno
import functools
import logging
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from aegis.config import SandboxConfig
from aegis.errors import ConfigError
from aegis.paths import cache_dir
from aegis.sandbox.runner import Limits, SubprocessRunner

log = logging.getLogger("aegis")

SANDBOX_UID = 1000
"""The program's uid inside a user namespace: never root, so it holds no capabilities there."""
SET_NPROC = (
    "import os,resource,sys;n=int(sys.argv[1]);resource.setrlimit(resource.RLIMIT_NPROC,(n,n));"
    "os.execvp(sys.argv[2],sys.argv[2:])"
)
"""Run first inside the namespace: RLIMIT_NPROC set there counts the run's own processes only."""
SHARED_NPROC = 4096
"""RLIMIT_NPROC without a user namespace, where it counts all of the user's processes: only stops runaway forks."""
CGROUP_PARENTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))
CLEANUP_SECONDS = 5.0
PROBE_SECONDS = 20.0
X11_SOCKETS = "/tmp/.X11-unix"
ORDER: dict[str, tuple[str, ...]] = {
    "auto": ("bubblewrap", "unshare"),
    "bubblewrap": ("bubblewrap",),
    "unshare": ("unshare",),
    "none": (),
}
PACKAGES = {"bubblewrap": "bubblewrap", "unshare": "util-linux"}
PLAIN = SubprocessRunner.isolation
ProcessCap = Literal["pids-cgroup", "nproc-per-run", "nproc-per-user", "none"]


class Wrapper(Protocol):
    name: ClassVar[str]

    def wrap(self, argv: list[str], *, cwd: Path, writable: Sequence[Path], readable: Sequence[Path]) -> list[str]:
        """The command line running argv in the sandbox, cwd and `writable` writable, `readable` readable."""
        ...

    def returncode(self, raw: int) -> int: ...


@dataclass(frozen=True)
class Bubblewrap:
    executable: str
    hidden_home: Path | None = None
    """The real home folder, replaced by an empty read-only folder but for `visible`."""
    visible: tuple[Path, ...] = ()
    tmp_bytes: int = 1 << 30
    name: ClassVar[str] = "bubblewrap"

    def wrap(self, argv: list[str], *, cwd: Path, writable: Sequence[Path], readable: Sequence[Path]) -> list[str]:
        home = self.hidden_home
        return [
            self.executable,
            "--unshare-all",
            "--unshare-user",
            "--uid",
            str(SANDBOX_UID),
            "--gid",
            str(SANDBOX_UID),
            "--die-with-parent",
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            *(self._hide(home) if home else []),
            "--size", str(self.tmp_bytes), "--tmpfs", "/tmp",
            *_binds("--ro-bind-try", self._hidden(readable)),
            *_binds("--bind", _writable_folders(writable, home)),
            *(["--remount-ro", str(home)] if home else []),
            "--ro-bind-try", X11_SOCKETS, X11_SOCKETS,
            "--setenv", "TMPDIR", "/tmp",
            "--chdir", str(cwd),
            "--",
            *argv,
        ]  # fmt: skip

    def _hide(self, home: Path) -> list[str]:
        return ["--tmpfs", str(home), *_binds("--ro-bind-try", self.visible)]

    def _hidden(self, paths: Sequence[Path]) -> list[Path]:
        """Those of paths the sandbox would hide: under /tmp or the real home."""
        hiding = [Path("/tmp"), *([self.hidden_home] if self.hidden_home else [])]
        return [path for path in paths if any(path.is_relative_to(folder) for folder in hiding)]

    def returncode(self, raw: int) -> int:
        """bwrap exits with 128+N when the program died of signal N; report that as the signal."""
        return -(raw - 128) if 128 < raw <= 128 + signal.SIGRTMAX else raw


@dataclass(frozen=True)
class Unshare:
    executable: str
    name: ClassVar[str] = "unshare"

    def wrap(self, argv: list[str], *, cwd: Path, writable: Sequence[Path], readable: Sequence[Path]) -> list[str]:
        return [
            self.executable,
            f"--map-user={SANDBOX_UID}",
            f"--map-group={SANDBOX_UID}",
            "--net",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc",
            "--",
            *argv,
        ]

    def returncode(self, raw: int) -> int:
        return raw  # unshare dies of the program's signal itself


class PidsCgroups:
    """Per-run pids cgroups under one parent: the process cap for root, whom RLIMIT_NPROC does not bind."""

    def __init__(self, parent: Path) -> None:
        self.parent = parent

    @classmethod
    def find(cls) -> PidsCgroups | None:
        """The first cgroup hierarchy where this process may create pids cgroups (in practice: as root)."""
        for parent in CGROUP_PARENTS:
            cgroups = cls(parent)
            try:
                with cgroups.cap(1):
                    return cgroups
            except OSError:
                continue
        return None

    @contextmanager
    def cap(self, processes: int) -> Iterator[Callable[[], None]]:
        """A fresh cgroup allowing `processes` tasks; yields what the child calls to join it; then empties it."""
        group = Path(tempfile.mkdtemp(prefix=f"aegis-{os.getpid()}-", dir=self.parent))
        try:
            _write(group / "pids.max", str(processes))
            yield functools.partial(_join, group)
        finally:
            _remove(group)


class SandboxRunner(SubprocessRunner):
    """SubprocessRunner inside a wrapper (bubblewrap, unshare or none) with a per-run process cap."""

    def __init__(self, limits: Limits, wrapper: Wrapper | None = None, cgroups: PidsCgroups | None = None) -> None:
        super().__init__(limits)
        self.wrapper = wrapper
        self.cgroups = cgroups
        self.isolation = wrapper.name if wrapper else PLAIN

    @property
    def process_cap(self) -> ProcessCap:
        """How the number of processes of one run is bounded ("none": root without a pids cgroup)."""
        if self.cgroups is not None:
            return "pids-cgroup"
        if os.geteuid() == 0:
            return "none"
        return "nproc-per-run" if self.wrapper else "nproc-per-user"

    def _command(self, argv: list[str], *, cwd: Path, env: Mapping[str, str], writable: Sequence[Path]) -> list[str]:
        if self.wrapper is None:
            return argv
        inner = [sys.executable, "-I", "-S", "-c", SET_NPROC, str(self.limits.processes), *argv]
        home = [Path(env["HOME"])] if "HOME" in env else []
        readable = [*_own_installation(), *_installation(argv[0]), *_named_files(argv[1:])]
        return self.wrapper.wrap(inner, cwd=cwd, writable=[cwd, *home, *writable], readable=readable)

    def _contained(self) -> AbstractContextManager[Callable[[], None]]:
        return super()._contained() if self.cgroups is None else self.cgroups.cap(self.limits.processes)

    def _rlimits(self) -> dict[int, int]:
        rlimits = super()._rlimits()
        if self.wrapper is None:
            rlimits[resource.RLIMIT_NPROC] = max(SHARED_NPROC, self.limits.processes)
        else:
            del rlimits[resource.RLIMIT_NPROC]  # set inside the user namespace, where it counts this run only
        return rlimits

    def _returncode(self, raw: int) -> int:
        return self.wrapper.returncode(raw) if self.wrapper else raw


def make_runner(config: SandboxConfig) -> SandboxRunner:
    """The strongest isolation that config.isolation allows and that works here; ConfigError if a named one fails."""
    limits = Limits(
        memory_bytes=config.memory_mb << 20,
        cpu_seconds=config.cpu_seconds,
        file_bytes=config.file_mb << 20,
        processes=config.processes,
    )
    cgroups = PidsCgroups.find() if os.geteuid() == 0 else None
    for name in ORDER[config.isolation]:
        runner = SandboxRunner(limits, _wrapper(name, config), cgroups)
        failure = _probe(runner, name)
        if failure is None:
            log.debug("sandbox: %s, processes capped by %s", name, runner.process_cap)
            return runner
        if config.isolation != "auto":
            raise ConfigError(f"sandbox isolation {name} does not work here: {failure}")
        log.debug("sandbox: %s does not work here: %s", name, failure)
    if config.isolation == "auto":
        log.warning("sandbox: no namespaces here (install bubblewrap); programs run with limits and a clean env only")
    return SandboxRunner(limits, None, cgroups)


def _wrapper(name: str, config: SandboxConfig) -> Wrapper | None:
    """The wrapper, or None when its program is missing (the probe then reports that)."""
    executable = shutil.which("bwrap" if name == "bubblewrap" else "unshare")
    if executable is None:
        return None
    if name == "unshare":
        return Unshare(executable)
    home = Path.home().resolve() if config.hide_home else None
    if home is None or home == Path("/"):
        return Bubblewrap(executable, tmp_bytes=config.file_mb << 20)
    return Bubblewrap(executable, home, _visible_under(home), tmp_bytes=config.file_mb << 20)


def _probe(runner: SandboxRunner, name: str) -> str | None:
    """None when `true` runs in the sandbox, else why not."""
    if runner.wrapper is None:
        return f"not installed (Debian package: {PACKAGES[name]})"
    with tempfile.TemporaryDirectory(prefix="aegis-probe-") as folder:
        result = runner.run(["true"], cwd=Path(folder), timeout=PROBE_SECONDS)
    if result.returncode == 0:
        return None
    lines = result.stderr.strip().splitlines()
    return lines[-1][:300] if lines else f"exit status {result.returncode}"


def _own_installation() -> list[Path]:
    """AEGIS's Python, virtual environment and sys.path (the probe's package): the child runs from them,
    so they stay readable even where the sandbox hides their folder (a checkout under /tmp, say)."""
    paths = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *sys.path]
    return sorted({Path(path).resolve() for path in paths if path and Path(path).exists()})


def _visible_under(home: Path) -> tuple[Path, ...]:
    """What the child reads under the hidden home: Python's installation, the virtual environment, sys.path
    (aegis' probe too), and AEGIS's cache, where the apps' own environments live."""
    paths = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *sys.path]
    found = {Path(path).resolve() for path in paths if path and Path(path).exists()} | {cache_dir()}
    return tuple(sorted(path for path in found if path.is_relative_to(home)))


def _installation(program: str) -> list[Path]:
    """The folders a program runs from (the one above bin/, else its own), as called and with links resolved:
    a virtual environment's interpreter needs the environment and the Python it links to."""
    found = shutil.which(program)
    if found is None:
        return []
    paths = (Path(found).absolute(), Path(found).resolve())
    return [path.parent.parent if path.parent.name == "bin" else path.parent for path in paths]


def _named_files(args: Sequence[str]) -> list[Path]:
    """Files named on the command line by absolute path (the checked app): readable even in a hidden folder."""
    return [Path(arg) for arg in args if arg.startswith("/") and os.path.isfile(arg)]


def _binds(flag: str, paths: Sequence[Path]) -> list[str]:
    return [arg for path in paths for arg in (flag, str(path), str(path))]


def _writable_folders(paths: Sequence[Path], home: Path | None) -> list[Path]:
    """The folders to bind writable, created if missing, parents first; never /, a top-level folder, the real home
    or a folder above it."""
    folders: set[Path] = set()
    for path in paths:
        path.mkdir(parents=True, exist_ok=True)
        folder = path.resolve()
        if len(folder.parts) > 2 and not (home and home.is_relative_to(folder)):
            folders.add(folder)
    return sorted(folders, key=lambda folder: len(folder.parts))


def _write(path: Path, text: str) -> None:
    """Write to an existing file only: on a plain folder posing as a cgroup this fails instead of creating one."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _join(group: Path) -> None:
    _write(group / "cgroup.procs", str(os.getpid()))


def _remove(group: Path) -> None:
    """Kill whatever is left in the cgroup (a setsid daemon of a run without a pid namespace), then remove it."""
    deadline = time.monotonic() + CLEANUP_SECONDS
    while True:
        try:
            group.rmdir()
            return
        except OSError as exc:
            if exc.errno != errno.EBUSY or time.monotonic() > deadline:
                log.warning("sandbox: could not remove the cgroup %s: %s", group, exc)
                return
        for pid in (group / "cgroup.procs").read_text().split():
            _kill(int(pid))
        time.sleep(0.01)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
