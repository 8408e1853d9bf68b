"""Where things live on disk: the per-user cache, and the names inside a run folder.

    runs/<YYYYmmdd_HHMMSS>_<slug>/
        attempts/<n>/app.py     each round's program (beside verdict.json and the probe's output)
        app/app.py              the final program, and its executable under app/dist/

Every module that builds one of these paths asks here, so the layout has one home. A file the user names
(an app, a checks file, a scripted model) is read with `read_text`, whose errors say which byte is not UTF-8.

A checked program may write in its attempt folder (its working folder) and leave a symbolic link where AEGIS
writes next, pointing anywhere on this machine: files there are written with `replace_file`, which swaps in a
new file and never follows a link.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

import platformdirs

from aegis.errors import AegisError, ConfigError

CACHE_ENV = "AEGIS_CACHE_DIR"
"""Overrides the per-user cache folder (models, build environments, app environments)."""
APP_FILE = "app.py"
"""The program's file name, in each attempt folder and in the final app folder."""
ATTEMPTS = "attempts"
FINAL_APP = "app"


def cache_dir() -> Path:
    """`$AEGIS_CACHE_DIR` when set, else the per-user cache folder for aegis."""
    override = os.environ.get(CACHE_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_cache_dir("aegis"))


def slugify(text: str, max_len: int = 40) -> str:
    """Lowercase ascii words joined by hyphens, cut at a word boundary; "task" if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_len]
    return slug.strip("-") or "task"


def attempt_dir(run_dir: Path, number: int) -> Path:
    """The folder of one round's program, verdict and probe output (not created here)."""
    return run_dir / ATTEMPTS / str(number)


def candidate_dir(run_dir: Path, number: int, candidate: int) -> Path:
    """The folder of one of a round's candidates, when the round sampled several (not created here)."""
    return attempt_dir(run_dir, number) / f"candidate-{candidate}"


def attempt_app(run_dir: Path, number: int) -> Path:
    return attempt_dir(run_dir, number) / APP_FILE


def final_app(run_dir: Path) -> Path:
    """The working program of a build that passed (not created here)."""
    return run_dir / FINAL_APP / APP_FILE


def last_attempt_app(run_dir: Path) -> Path | None:
    """The program of the highest-numbered attempt that wrote one, if any."""
    numbered = [
        (int(path.parent.name), path)
        for path in (run_dir / ATTEMPTS).glob(f"*/{APP_FILE}")
        if path.parent.name.isdigit()
    ]
    return max(numbered)[1] if numbered else None


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` as a new file (a temporary one renamed over it, so a link left at `path` is
    replaced, never followed, and a reader never sees half a file)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_text(path: Path, error: type[AegisError] = ConfigError) -> str:
    """The UTF-8 text of a file the user named; `error` (one line) when it cannot be read or is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text ({not_utf8(exc)})") from None


def not_utf8(exc: UnicodeDecodeError) -> str:
    """Where bytes stop being UTF-8, e.g. "byte 0xff at offset 12"."""
    return f"byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"
