"""Per-run cgroups: one run's whole process tree capped together, where this process may make cgroups (root).

    RunCgroups.find()                 the controllers this machine lets us use (pids, memory), or None
    with cgroups.cap(caps) as run:    a fresh cgroup per controller; the child calls run.join() before exec
        run.hit()                     which cap stopped part of the run ("memory", "processes"), or None

Per-process rlimits cannot stop a program that splits 6 GB over two children or fills a tmpfs: the memory
cgroup counts every process of the run and the tmpfs pages it wrote (its /tmp and /dev/shm) together.
cgroup v1 (one hierarchy per controller) and v2 (one unified hierarchy) are both understood.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

log = logging.getLogger("aegis")

CGROUP_ROOT = Path("/sys/fs/cgroup")
CLEANUP_SECONDS = 5.0
Controller = Literal["pids", "memory"]
LIMIT_FILES: dict[Controller, tuple[str, ...]] = {
    "pids": ("pids.max",),
    "memory": ("memory.max", "memory.limit_in_bytes"),
}
"""The file that sets each controller's cap: cgroup v2's name first, then v1's."""


@dataclass(frozen=True)
class Caps:
    processes: int
    memory_bytes: int


@dataclass(frozen=True)
class RunGroup:
    """One run's cgroups, one folder per controller."""

    folders: dict[Controller, Path]

    def join(self) -> None:
        """Called in the child before exec: every process it starts stays in the run's cgroups."""
        for folder in dict.fromkeys(self.folders.values()):
            _write(folder / "cgroup.procs", str(os.getpid()))

    def hit(self) -> Literal["memory", "processes"] | None:
        """The cap the run ran into: the memory cap when the kernel refused or reclaimed at it, else processes."""
        memory = self.folders.get("memory")
        if memory is not None and _memory_hit(memory):
            return "memory"
        pids = self.folders.get("pids")
        if pids is not None and _counter(pids / "pids.events", "max") > 0:
            return "processes"
        return None


class RunCgroups:
    """Where this process may make per-run cgroups: a parent folder for each controller it can use."""

    def __init__(self, parents: dict[Controller, Path]) -> None:
        self.parents = parents

    @property
    def controllers(self) -> tuple[Controller, ...]:
        return tuple(self.parents)

    @classmethod
    def find(cls, root: Path = CGROUP_ROOT) -> RunCgroups | None:
        """The controllers for which a cgroup can be made and capped here (in practice: as root)."""
        parents: dict[Controller, Path] = {}
        for controller in LIMIT_FILES:
            for parent in (root / controller, root):
                if _usable(parent, controller):
                    parents[controller] = parent
                    break
        return cls(parents) if parents else None

    @contextmanager
    def cap(self, caps: Caps) -> Iterator[RunGroup]:
        """Fresh cgroups holding `caps`; emptied and removed when the block ends."""
        with ExitStack() as stack:
            made: dict[Path, Path] = {}  # parent -> the run's group there (v2: one for both controllers)
            folders: dict[Controller, Path] = {}
            for controller, parent in self.parents.items():
                if parent not in made:
                    made[parent] = stack.enter_context(_group(parent))
                folders[controller] = made[parent]
                _set_limit(made[parent], controller, _limit(caps, controller))
            yield RunGroup(folders)


def _limit(caps: Caps, controller: Controller) -> int:
    return caps.processes if controller == "pids" else caps.memory_bytes


def _usable(parent: Path, controller: Controller) -> bool:
    """A cgroup made under parent has the controller's limit file, and writing it works."""
    if not parent.is_dir():
        return False
    try:
        with _group(parent) as folder:
            _set_limit(folder, controller, 1 << 30 if controller == "memory" else 64)
    except OSError:
        return False
    return True


@contextmanager
def _group(parent: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f"aegis-{os.getpid()}-", dir=parent))
    try:
        yield folder
    finally:
        _remove(folder)


def _set_limit(folder: Path, controller: Controller, value: int) -> None:
    for name in LIMIT_FILES[controller]:
        if (folder / name).exists():
            _write(folder / name, str(value))
            swap = folder / "memory.memsw.limit_in_bytes"  # v1 with swap accounting: swap counts too
            if name == "memory.limit_in_bytes" and swap.exists():
                _write(swap, str(value))
            return
    raise OSError(errno.ENOENT, f"no {controller} limit file", str(folder))


def _memory_hit(folder: Path) -> bool:
    """The kernel killed a process of the run at the cap. (Reaching the cap alone is not counted: written files'
    page cache is charged too, and reclaimed there without harm.)"""
    events = folder / "memory.events" if (folder / "memory.events").exists() else folder / "memory.oom_control"
    return _counter(events, "oom_kill") > 0


def _counter(path: Path, name: str) -> int:
    """A `name value` line of a cgroup's events file; 0 when absent."""
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.split()[:1] == [name]), 0)


def _write(path: Path, text: str) -> None:
    """Write to an existing file only: on a plain folder posing as a cgroup this fails instead of creating one."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _remove(group: Path) -> None:
    """Kill whatever is left in the cgroup (a setsid daemon of a run without a pid namespace), then remove it."""
    deadline = time.monotonic() + CLEANUP_SECONDS
    pause = 0.001  # the run's last processes usually leave within a few ms of its end
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
        time.sleep(pause)
        pause = min(2 * pause, 0.01)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
