"""Isolation for generated programs on top of the runner's limits: the strongest that works on this machine.

    make_runner(config)   a SandboxRunner; `auto` probes bubblewrap, then unshare, by running `true` in them

    bubblewrap            no network; own pid, ipc and uts namespaces; the system read-only, the real home hidden
                          but for the Python installation, private size-capped /tmp and /dev/shm; writable: the
                          working folder, HOME and the run's `writable` folders only; Tk's X server socket stays
                          reachable. As root: no user namespace (its root would be the real one to the file
                          system); the program becomes NOBODY before it starts, and its folders are given to it
    unshare               no network and an own pid namespace; the file system and identity are the user's
    rlimits+scrubbed-env  (`none`, or nothing else works) resource limits and a scrubbed environment only

In a pid namespace nothing the program starts outlives the run, setsid or not: when the namespace's first
process dies, the kernel kills the rest. Processes: RLIMIT_NPROC counts per user and never binds root. For
a user, the limit is set inside the sandbox's user namespace, where it counts that run's processes only.
For root, each run gets its own cgroups (cgroups.py): processes, and memory of the whole run with its tmpfs
pages; root without them has no process cap.
"""

from __future__ import annotations

import logging
import os
import resource
import shutil
import signal
import sys
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from aegis.config import SandboxConfig
from aegis.errors import ConfigError
from aegis.paths import cache_dir
from aegis.sandbox.cgroups import Caps, RunCgroups
from aegis.sandbox.runner import Contained, Limits, SubprocessRunner

log = logging.getLogger("aegis")

SANDBOX_UID = 1000
"""The program's uid inside a user namespace: never root, so it holds no capabilities there."""
NOBODY = 65534
"""Who the program is when AEGIS runs as root: an identity that owns nothing on the host but its workspace."""
ENTER = (
    "import os,resource,sys;u,n=int(sys.argv[1]),int(sys.argv[2])\n"
    "if u>=0:os.setgroups([]);os.setresgid(u,u,u);os.setresuid(u,u,u)\n"
    "resource.setrlimit(resource.RLIMIT_NPROC,(n,n));os.execvp(sys.argv[3],sys.argv[3:])"
)
"""Run first inside the namespaces: drop to uid U (-1: stay), then RLIMIT_NPROC, which counts the processes of
that identity (in a user namespace: the run's own only)."""
SHARED_NPROC = 4096
"""RLIMIT_NPROC without a user namespace, where it counts all of the user's processes: only stops runaway forks."""
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
    """Size of the private /tmp and of /dev/shm, each."""
    as_root: bool = False
    """AEGIS runs as root: no user namespace (its inner root would be the real one to the file system); the
    program drops to NOBODY itself (ENTER) inside the other namespaces."""
    name: ClassVar[str] = "bubblewrap"

    def wrap(self, argv: list[str], *, cwd: Path, writable: Sequence[Path], readable: Sequence[Path]) -> list[str]:
        home = self.hidden_home
        folders = _writable_folders(writable, home)
        shown = [*self._hidden(readable), *folders]
        return [
            self.executable,
            *self._namespaces(),
            "--die-with-parent",
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--perms", "1777", "--size", str(self.tmp_bytes), "--tmpfs", "/dev/shm",
            "--proc", "/proc",
            *(self._hide(home) if home else []),
            "--perms", "1777", "--size", str(self.tmp_bytes), "--tmpfs", "/tmp",
            *self._open_parents(shown),
            *_binds("--ro-bind-try", self._hidden(readable)),
            *_binds("--bind", folders),
            *(["--remount-ro", str(home)] if home else []),
            "--ro-bind-try", X11_SOCKETS, X11_SOCKETS,
            "--setenv", "TMPDIR", "/tmp",
            "--chdir", str(cwd),
            "--",
            *argv,
        ]  # fmt: skip

    def _namespaces(self) -> list[str]:
        if self.as_root:
            return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        return ["--unshare-all", "--unshare-user", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID)]

    def _open_parents(self, paths: Sequence[Path]) -> list[str]:
        """The folders bubblewrap makes for mount points inside its tmpfs (the hidden home, /tmp) would be 0700
        and root's: made 0755 first, so a program that is not root reaches what is bound below them."""
        roots = [Path("/tmp"), *([self.hidden_home] if self.hidden_home else [])]
        parents = {
            parent
            for path in paths
            for root in roots
            if path.is_relative_to(root)
            for parent in path.parents
            if parent.is_relative_to(root) and parent != root
        }
        ordered = sorted(parents, key=lambda parent: len(parent.parts))
        return [arg for parent in ordered for arg in ("--perms", "0755", "--dir", str(parent))]

    def _hide(self, home: Path) -> list[str]:
        return ["--tmpfs", str(home), *self._open_parents(self.visible), *_binds("--ro-bind-try", self.visible)]

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


class SandboxRunner(SubprocessRunner):
    """SubprocessRunner inside a wrapper (bubblewrap, unshare or none), as another identity where AEGIS is root,
    with per-run cgroups where they can be made."""

    def __init__(self, limits: Limits, wrapper: Wrapper | None = None, cgroups: RunCgroups | None = None) -> None:
        super().__init__(limits)
        self.wrapper = wrapper
        self.cgroups = cgroups
        self.isolation = wrapper.name if wrapper else PLAIN

    @property
    def process_cap(self) -> ProcessCap:
        """How the number of processes of one run is bounded ("none": root without a pids cgroup)."""
        if self.cgroups is not None and "pids" in self.cgroups.controllers:
            return "pids-cgroup"
        if os.geteuid() == 0:
            return "none"
        return "nproc-per-run" if self.wrapper else "nproc-per-user"

    @property
    def identity(self) -> int | None:
        """The uid the program runs as on the host when not the invoking user's (root's bubblewrap: NOBODY)."""
        return NOBODY if isinstance(self.wrapper, Bubblewrap) and self.wrapper.as_root else None

    def _command(self, argv: list[str], *, cwd: Path, env: Mapping[str, str], writable: Sequence[Path]) -> list[str]:
        if self.wrapper is None:
            return argv
        uid = -1 if self.identity is None else self.identity
        inner = [sys.executable, "-I", "-S", "-c", ENTER, str(uid), str(self.limits.processes), *argv]
        home = [Path(env["HOME"])] if "HOME" in env else []
        readable = [*_own_installation(), *_installation(argv[0]), *_named_files(argv[1:])]
        return self.wrapper.wrap(inner, cwd=cwd, writable=[cwd, *home, *writable], readable=readable)

    def _prepare(self, folders: Sequence[Path]) -> None:
        super()._prepare(folders)
        if self.identity is not None:
            for folder in folders:
                give(folder, self.identity)

    def _contained(self) -> AbstractContextManager[Contained]:
        if self.cgroups is None:
            return super()._contained()
        return self.cgroups.cap(Caps(processes=self.limits.processes, memory_bytes=self.limits.run_memory_bytes))

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
        run_memory_bytes=config.run_memory_mb << 20,
        disk_bytes=config.disk_mb << 20,
    )
    cgroups = RunCgroups.find() if os.geteuid() == 0 else None
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
    as_root = os.geteuid() == 0
    if home is None or home == Path("/"):
        return Bubblewrap(executable, tmp_bytes=config.file_mb << 20, as_root=as_root)
    return Bubblewrap(executable, home, _visible_under(home), tmp_bytes=config.file_mb << 20, as_root=as_root)


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


def give(folder: Path, uid: int) -> None:
    """Make folder and everything in it uid's (links themselves, never what they point to)."""
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            os.chown(os.path.join(root, name), uid, uid, follow_symlinks=False)
    os.chown(folder, uid, uid, follow_symlinks=False)
