"""Where a checked program runs, and the one way its results come back: nothing it leaves is trusted.

    with Scratch.made(app) as scratch:        a private copy of the program's folder, a home, a screenshot folder
        with ReportChannel() as channel:      the probe's report: a descriptor into a folder the program never
                                              sees, each line signed with a key only the probe reads (signing.py)
            runner.run(..., cwd=scratch.app_dir, keep_fds=channel.fds)
            records = scratch.bring_back(channel.text(), app, out_dir)   channel.forged: lines that failed

The program may write only its scratch copy (and the sandbox's private /tmp), and may leave anything there:
links to host files, fifos, huge files, a forged report. AEGIS writes nothing there after a run and reads
back only PNG screenshots (regular files, opened without following links, under MAX_SHOT_BYTES, with PNG's
signature) and the report it holds the only descriptor of. Paths in the report name the scratch copy; they
are rewritten to the program's real folder and to the screenshots AEGIS kept.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from aegis.paths import replace_file
from aegis.probe.options import AEGIS_OUTPUTS
from aegis.probe.records import ProbeProblem, Record, parse_line
from aegis.probe.signing import new_key, verified

log = logging.getLogger("aegis")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SHOT_BYTES = 20 << 20
MAX_SHOTS = 200
MAX_COPY_BYTES = 512 << 20
"""The most a program's folder may hold to be copied whole for a check."""
NOT_COPIED = frozenset({*AEGIS_OUTPUTS, ".git", "__pycache__", ".venv", "venv", "node_modules"})
"""Top-level names of a program's folder left out of its scratch copy: AEGIS's outputs and tool folders."""
REPORT = "probe.jsonl"
SHOTS = "screenshots"


@dataclass(frozen=True)
class Scratch:
    root: Path
    app_dir: Path
    """The copy of the program's folder; the program's working folder."""
    home: Path
    shots: Path

    @classmethod
    @contextmanager
    def made(cls, app: Path | None = None) -> Iterator[Scratch]:
        """A fresh scratch, holding a copy of app's folder when given; removed when the block ends."""
        with tempfile.TemporaryDirectory(prefix="aegis-scratch-") as folder:
            root = Path(folder)
            scratch = cls(root, root / "app", root / "home", root / "out" / SHOTS)
            if app is None:
                scratch.app_dir.mkdir()
            else:
                copy_folder(app.parent, scratch.app_dir)
            scratch.home.mkdir()
            scratch.shots.mkdir(parents=True)
            yield scratch

    def app_path(self, app: Path) -> Path:
        return self.app_dir / app.name

    def bring_back(self, channel: ReportChannel, app: Path, out_dir: Path) -> list[Record]:
        """The report's records with paths rewritten, its copy and the valid screenshots saved in out_dir; a
        report the program wrote into fails the check."""
        report = channel.text()
        shots = out_dir / SHOTS
        shutil.rmtree(shots, ignore_errors=True)
        shots.mkdir(parents=True)
        for name in sorted(os.listdir(self.shots))[:MAX_SHOTS]:
            _copy_png(self.shots, name, shots)
        report = _relocate(report, self.app_dir, app.parent.resolve())
        report = _relocate(report, self.shots, shots)  # a screenshot not kept names a file that is not there
        replace_file(out_dir / REPORT, report)
        records = [record for record in map(parse_line, report.splitlines()) if record is not None]
        return records + ([tampered(channel.forged)] if channel.forged else [])


class ReportChannel:
    """A file in a private temporary folder, handed to the probe as an open descriptor, and a pipe holding the
    key that signs its lines: the program has no path to either, and lines it writes fail to verify."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="aegis-report-")
        self.path = Path(self._folder.name) / REPORT
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_EXCL, 0o600)
        self.key = new_key()
        self.key_fd, writer = os.pipe()
        os.write(writer, self.key)
        os.close(writer)
        self.forged = 0
        """Lines of the last report that were not the probe's."""

    @property
    def fds(self) -> list[int]:
        """What the child inherits: the report's descriptor and the key pipe's read end."""
        return [self.fd, self.key_fd]

    def __enter__(self) -> ReportChannel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
        self._folder.cleanup()

    def close(self) -> None:
        for fd in (self.fd, self.key_fd):
            if fd >= 0:
                os.close(fd)
        self.fd = self.key_fd = -1

    def text(self) -> str:
        """The report's lines that the probe signed, as JSON lines; `forged` counts the others."""
        self.close()
        lines, self.forged = verified(self.key, self.path.read_text(encoding="utf-8", errors="replace"))
        return "".join(f"{line}\n" for line in lines)


def tampered(lines: int) -> ProbeProblem:
    message = f"the program wrote into the probe's report ({lines} line{'s' if lines > 1 else ''} not the probe's)"
    return ProbeProblem(problem_kind="tampering", severity="fail", message=message)


def copy_folder(source: Path, target: Path) -> None:
    """Copy a program's folder (links as links, AEGIS's outputs and tool folders left out). A folder holding
    more than MAX_COPY_BYTES (a program in Downloads, say) gives only its own top-level files instead."""
    try:
        shutil.copytree(source, target, symlinks=True, ignore=_Budget(source))
    except _TooBig:
        shutil.rmtree(target, ignore_errors=True)
        log.warning(
            "%s holds more than %d MB: only its top-level files are copied for the check", source, MAX_COPY_BYTES >> 20
        )
        target.mkdir()
        for entry in os.scandir(source):
            if entry.is_file(follow_symlinks=False) and entry.name not in NOT_COPIED:
                shutil.copy2(entry.path, target / entry.name)


class _TooBig(Exception):
    pass


class _Budget:
    """copytree's `ignore`: leaves out NOT_COPIED at the top and raises _TooBig past MAX_COPY_BYTES."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.total = 0

    def __call__(self, folder: str, names: list[str]) -> set[str]:
        skipped = set(names) & NOT_COPIED if Path(folder) == self.source else set()
        for name in set(names) - skipped:
            info = os.lstat(os.path.join(folder, name))
            self.total += info.st_size if stat.S_ISREG(info.st_mode) else 0
        if self.total > MAX_COPY_BYTES:
            raise _TooBig
        return skipped


def _copy_png(source: Path, name: str, target: Path) -> bool:
    """Copy one screenshot if it is a regular PNG file no larger than MAX_SHOT_BYTES; never follows a link."""
    try:
        fd = os.open(source / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SHOT_BYTES:
            return False
        data = handle.read(MAX_SHOT_BYTES + 1)
    if not data.startswith(PNG_SIGNATURE) or len(data) > MAX_SHOT_BYTES or not name.endswith(".png"):
        return False
    (target / name).write_bytes(data)
    return True


def _relocate(report: str, old: Path, new: Path) -> str:
    """The report with paths under old moved under new, as they are written inside JSON strings."""
    return report.replace(_json(f"{old}{os.sep}"), _json(f"{new}{os.sep}"))


def _json(text: str) -> str:
    return json.dumps(text)[1:-1]
