"""What the actions may touch: one workspace folder, a few programs, and caps on every size and time.

``Policy.resolve`` is the one gate for paths. It works on the fully resolved path (symlinks followed, ``..``
collapsed), so a path is accepted only if what it names really lies inside the root; it refuses shapes
that mean something else elsewhere (``~``, ``$HOME``, drive letters, backslashes) instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aegis.actions.models import ActionError

_DRIVE = re.compile(r"^[A-Za-z]:")


def _offscreen_env() -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen"}


@dataclass(frozen=True)
class Policy:
    root: Path
    """The workspace folder; every path an action touches must resolve inside it. Resolved on creation."""
    allowed_programs: frozenset[str] = frozenset({"python", "python3"})
    """Programs ``run_command`` may start, by bare name."""
    max_read_bytes: int = 64_000
    """Most bytes of file text one ``read_file`` returns."""
    max_write_bytes: int = 256_000
    """Largest file ``create_file`` or ``edit_file`` may write (and ``edit_file`` may read)."""
    max_output_bytes: int = 16_000
    """Bytes kept of a command's stdout and of its stderr (the end, where errors are)."""
    timeout_s: float = 30.0
    """Default and largest timeout of one command, in seconds."""
    max_list_entries: int = 300
    """Most entries one ``list_files`` returns."""
    max_path_chars: int = 1024
    """Longest path accepted, in characters."""
    env: Mapping[str, str] = field(default_factory=_offscreen_env)
    """Extra environment for commands (on top of the runner's scrubbed one): Qt draws offscreen."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).resolve(strict=True))

    def resolve(self, path: str) -> Path:
        """The real path inside the root that ``path`` names; ActionError (for the model) if it escapes."""
        self._check_shape(path)
        try:
            real = (self.root / path).resolve()  # an absolute path replaces the root
        except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
            raise ActionError(f"cannot resolve path {path!r}: {exc}") from None
        if not real.is_relative_to(self.root):
            raise ActionError(
                f"path {path!r} is outside the workspace; use a path relative to the workspace root "
                "such as 'app.py' (symlinks and '..' may not lead out of it)"
            )
        return real

    def relative(self, real: Path) -> str:
        """How the model should name a resolved path: relative to the root, forward slashes, '.' for the root."""
        return real.relative_to(self.root).as_posix() or "."

    def _check_shape(self, path: str) -> None:
        if not path:
            raise ActionError("path is empty; give a path relative to the workspace root, such as 'app.py'")
        if len(path) > self.max_path_chars:
            raise ActionError(f"path is {len(path)} characters long; the limit is {self.max_path_chars}")
        if "\x00" in path:
            raise ActionError("path contains a NUL byte")
        if path.startswith(("~", "$")) or "${" in path:
            raise ActionError(f"path {path!r}: '~' and variables are not expanded; use a path relative to the root")
        if "\\" in path or _DRIVE.match(path):
            raise ActionError(f"path {path!r} looks like a Windows path; use forward slashes and a relative path")
