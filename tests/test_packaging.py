"""Packaging for real: a clean build environment made with uv, PyInstaller, and the executable's own
headless check. Slow (a cold PyInstaller build is most of a minute on two busy cores); runs in CI."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

import pytest

from aegis.config import PackageConfig, ProbeConfig
from aegis.package.packager import PyInstallerPackager
from aegis.sandbox.runner import SubprocessRunner
from aegis.schema import PackageResult
from aegis.verdict.headless import HeadlessProber
from aegis.verdict.toolkit import VirtualDisplay

pytestmark = pytest.mark.slow

APPS = Path(__file__).parent / "apps"
READS_DATA_FILE = """\
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel


def greeting():
    return Path(__file__).with_name("data.txt").read_text(encoding="utf-8")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    label = QLabel(greeting())
    label.show()
    sys.exit(app.exec())
"""


@pytest.fixture(scope="session")
def packager(tmp_path_factory: pytest.TempPathFactory) -> PyInstallerPackager:
    """One cache for the whole session: the build environment is made once, PyInstaller's cache filled once."""
    cache = tmp_path_factory.mktemp("aegis-cache")
    check = ProbeConfig(explore_seconds=5.0)
    return PyInstallerPackager(SubprocessRunner(), PackageConfig(mode="onedir"), probe=check, cache=cache)


@pytest.fixture(scope="session")
def counter(packager: PyInstallerPackager, tmp_path_factory: pytest.TempPathFactory) -> PackageResult:
    folder = tmp_path_factory.mktemp("counter")
    app = folder / "app.py"
    app.write_text((APPS / "counter_ok.py").read_text(encoding="utf-8"), encoding="utf-8")
    return packager.package(app, folder / "out", name="counter")


def test_counter_is_packaged_one_dir_and_passes_the_check_of_its_executable(counter: PackageResult) -> None:
    assert counter.ok, counter.message
    exe = Path(counter.executable)
    assert exe.is_file() and exe.parent.name == "counter" and (exe.parent / "_internal").is_dir()
    assert "window 'Counter'" in counter.verified
    assert "tar xzf counter.tar.gz && ./counter/counter" in counter.message
    assert (exe.parent.parent.parent / "pyinstaller.log").read_text(encoding="utf-8").strip()


def test_packaged_counter_runs_on_an_x_display_as_a_user_would(counter: PackageResult, tmp_path: Path) -> None:
    """On X11 (a private Xvfb) through the xcb plugin the package keeps, not offscreen; without AEGIS_PROBE
    the probe stays dormant and the app just runs until it is stopped."""
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    with VirtualDisplay() as display:
        result = SubprocessRunner().run(
            [counter.executable],
            cwd=cwd,
            timeout=5.0,
            env={"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home)},
        )
    assert result.timed_out, result.stderr
    assert "Traceback" not in result.stderr and "platform plugin" not in result.stderr
    assert list(cwd.iterdir()) == []  # no probe report, no screenshots


def test_archive_matches_its_sha256_file_and_holds_the_executable(counter: PackageResult) -> None:
    archive = Path(counter.archive)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert digest == counter.sha256
    assert archive.with_name("counter.tar.gz.sha256").read_text(encoding="utf-8") == f"{digest}  counter.tar.gz\n"
    assert counter.size_bytes == archive.stat().st_size
    with tarfile.open(archive) as tar:
        member = tar.getmember("counter/counter")
    assert member.isfile() and member.mode & 0o111


def test_package_leaves_out_what_the_app_does_not_use(counter: PackageResult) -> None:
    bundle = Path(counter.executable).parent / "_internal"
    qt = bundle / "PySide6" / "Qt"
    assert (qt / "plugins" / "platforms" / "libqxcb.so").exists()
    assert not (qt / "translations").exists()
    assert not list(qt.glob("plugins/platforms/libqwayland*")) and not (qt / "plugins" / "tls").exists()
    assert not list(bundle.glob("PySide6/QtNetwork*")) and not list(bundle.rglob("libQt6Network*"))


def test_rebuild_after_a_small_change_reuses_the_analysis(
    packager: PyInstallerPackager, counter: PackageResult, tmp_path: Path
) -> None:
    app = tmp_path / "app.py"
    title = "f\"Tally {sys.argv[0].rsplit('/', 1)[-1]}\""  # the title names the program as argv[0] does
    app.write_text((APPS / "counter_ok.py").read_text(encoding="utf-8").replace('"Counter"', title), "utf-8")
    rebuilt = packager.package(app, tmp_path / "out", name="counter")
    assert rebuilt.ok, rebuilt.message
    assert rebuilt.cached and not counter.cached
    assert "window 'Tally counter'" in rebuilt.verified  # argv[0] is the executable, as in any PyInstaller app
    assert rebuilt.seconds < counter.seconds


def test_app_whose_package_cannot_find_its_data_file_is_a_failed_package(
    packager: PyInstallerPackager, tmp_path: Path
) -> None:
    """The source runs (data.txt is next to it); the package does not bundle data.txt, so it fails."""
    app = tmp_path / "app.py"
    app.write_text(READS_DATA_FILE, encoding="utf-8")
    (tmp_path / "data.txt").write_text("hello", encoding="utf-8")
    assert HeadlessProber(SubprocessRunner(), ProbeConfig()).probe(app, tmp_path / "source-check").passed
    result = packager.package(app, tmp_path / "out", name="greeter")
    assert not result.ok
    assert "FileNotFoundError" in result.message and "data.txt" in result.message
    assert result.archive == "" and not list((tmp_path / "out").rglob("*.tar.gz"))
