"""A worker's tie to the process that started it: when that process dies, even by `kill -9`, the worker and
the build it is running end within a second instead of building on for nobody.

    hold(parent)    in a local worker, first thing: the parent-death signal (Linux) and a watching thread
    watch(parent)   the watching thread only (a Ray worker, whose signal handlers are Ray's)

Either way the worker first kills its children's process groups and then exits at once, without clean-up:
nobody is left to record what it would finish. The sandbox runs each program in a session of its own, which
bubblewrap (`--die-with-parent`) ends with its parent but `unshare` and the plain runner do not, so the worker
ends them itself. A program that left its session (setsid) and runs without a pid namespace is beyond reach.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import NoReturn

POLL_SECONDS = 0.25
"""How often the watching thread checks that the parent is still there."""
ORPHANED = 3
"""The exit status of a worker whose parent died."""
PR_SET_PDEATHSIG = 1


def hold(parent: int) -> None:
    """End this process and its children when `parent` dies: on Linux the kernel sends SIGTERM at once, and
    everywhere a thread notices within POLL_SECONDS (also while the main thread is busy in C code)."""
    signal.signal(signal.SIGTERM, _on_signal)
    _death_signal(signal.SIGTERM)
    watch(parent)


def watch(parent: int) -> None:
    """Start a daemon thread that abandons this process once its parent is no longer `parent`."""
    if os.getppid() != parent:
        abandon()
    threading.Thread(target=_watch, args=(parent,), name="aegis-lifeline", daemon=True).start()


def abandon() -> NoReturn:
    """Kill the processes this one started (with their process groups), then exit without clean-up."""
    for child in children(os.getpid()):
        _kill(child)
    os._exit(ORPHANED)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc (none where there is no /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:  # it ended meanwhile
            continue
        fields = stat.rpartition(")")[2].split()  # after "pid (comm)": state, ppid, pgrp, ...
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def _kill(pid: int) -> None:
    """SIGKILL to `pid`'s process group when it leads one (a sandboxed program's session), else to it alone."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    abandon()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    abandon()


def _death_signal(signum: int) -> None:
    """Ask Linux to send `signum` to this process when the thread that started it ends (elsewhere: nothing)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
