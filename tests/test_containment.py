"""What a checked program leaves behind is never trusted, and the verdict is not its to write or dodge.

One adversarial app per attack (tests/apps/adversarial_*.py): each is contained, and the verdict says what the
program did. Caps that need root's cgroups skip where they cannot be made."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.errors import ConfigError
from aegis.probe.records import Done, Windows
from aegis.sandbox.diskwatch import DiskWatch
from aegis.sandbox.isolation import SandboxRunner, make_runner
from aegis.schema import CapHit, ExecResult, Verdict
from aegis.verdict.headless import HeadlessProber
from aegis.verdict.judge import judge

APPS = Path(__file__).parent / "apps"
FAST = ProbeConfig(timeout=6, settle=0.2, explore=False, explore_seconds=1)
EXPLORE = ProbeConfig(timeout=6, settle=0.2, explore=True, explore_seconds=6)


def sandbox(**settings: object) -> SandboxRunner:
    try:
        return make_runner(SandboxConfig.model_validate({"isolation": "bubblewrap", **settings}))
    except ConfigError as exc:
        pytest.skip(f"needs bubblewrap: {exc}")


def check(name: str, folder: Path, config: ProbeConfig = FAST, runner: SandboxRunner | None = None) -> Verdict:
    """tests/apps/<name>.py checked from its own attempt folder, as a build checks each round's program."""
    folder.mkdir(parents=True, exist_ok=True)
    app = Path(shutil.copy(APPS / f"{name}.py", folder / "app.py"))
    return HeadlessProber(runner or sandbox(), config).probe(app, folder)


def run(runner: SandboxRunner, name: str, cwd: Path, *args: str, timeout: float = 30) -> ExecResult:
    cwd.mkdir(parents=True, exist_ok=True)
    app = Path(shutil.copy(APPS / f"{name}.py", cwd / "app.py"))
    return runner.run([sys.executable, str(app), *args], cwd=cwd, timeout=timeout)


def test_a_forged_report_does_not_pass_a_program_without_a_window(tmp_path: Path) -> None:
    verdict = check("adversarial_forge_report", tmp_path / "attempt")
    assert not verdict.passed
    kinds = {problem.kind for problem in verdict.failures}
    assert kinds == {"tampering", "early_exit"}, verdict.failures
    assert not verdict.windows
    assert "Forged" not in (tmp_path / "attempt" / "probe.jsonl").read_text()


def test_an_exception_under_the_apps_own_hook_is_still_reported(tmp_path: Path) -> None:
    verdict = check("adversarial_excepthook", tmp_path / "attempt", EXPLORE)
    assert not verdict.passed
    failure = verdict.failures[0]
    assert (failure.kind, failure.message) == ("exception", "RuntimeError: Go is broken")
    assert "Go" in failure.action


def test_an_exit_from_a_save_button_is_a_failure_named_by_the_button(tmp_path: Path) -> None:
    verdict = check("adversarial_exit_button", tmp_path / "attempt", EXPLORE)
    assert not verdict.passed
    failure = verdict.failures[0]
    assert failure.kind == "early_exit" and "Save" in failure.message, failure


def test_a_timer_that_quits_the_app_is_a_failure(tmp_path: Path) -> None:
    verdict = check("adversarial_timer_quit", tmp_path / "attempt", EXPLORE)
    assert not verdict.passed
    assert verdict.failures[0].kind == "early_exit", verdict.failures


def test_what_the_program_leaves_stays_in_its_scratch_and_only_real_pngs_come_back(tmp_path: Path) -> None:
    attempt = tmp_path / "attempt"
    verdict = check("adversarial_shots", attempt)
    assert verdict.passed, verdict.problems
    assert not (attempt / "left-behind.txt").exists()
    assert not any(path.is_symlink() for path in attempt.rglob("*"))
    shots = sorted(path.name for path in (attempt / "screenshots").iterdir())
    assert shots and all(name.endswith(".png") and name not in ("passwd.png", "fake.png") for name in shots)
    assert all((attempt / "screenshots" / name).read_bytes().startswith(b"\x89PNG") for name in shots)
    assert all(Path(shot).parent == attempt / "screenshots" for shot in verdict.screenshots)


@pytest.mark.skipif(os.geteuid() != 0, reason="the identity drop is for AEGIS running as root")
def test_the_program_is_not_root_and_cannot_read_root_only_files(tmp_path: Path) -> None:
    result = run(sandbox(), "adversarial_identity", tmp_path / "work")
    assert result.returncode == 0, result.stderr
    assert "uid 65534" in result.stdout
    assert "refused: PermissionError" in result.stdout


def memory_capped_runner(megabytes: int) -> SandboxRunner:
    runner = sandbox(run_memory_mb=megabytes)
    if runner.cgroups is None or "memory" not in runner.cgroups.controllers:
        pytest.skip("no memory cgroup can be made here")
    return runner


def test_memory_split_over_two_children_is_capped_for_the_whole_run(tmp_path: Path) -> None:
    result = run(memory_capped_runner(256), "adversarial_memory_split", tmp_path / "work", "200")
    assert result.cap_hit == "memory"
    assert result.stdout.count("child holds") < 2


def test_dev_shm_is_private_and_capped(tmp_path: Path) -> None:
    result = run(memory_capped_runner(256), "adversarial_shm_fill", tmp_path / "work", "400")
    assert "wrote 400 MB" not in result.stdout
    assert result.cap_hit == "memory" or "No space left" in result.stdout
    assert not Path("/dev/shm/aegis-fill").exists()


def test_filling_the_disk_stops_the_run_at_the_cap(tmp_path: Path) -> None:
    """Up to 200 files of 16 MB: more than it can write before the watch looks (320 MB took 0.4 s here, so a
    20-file filler could finish before a poll delayed by a busy machine, and was never stopped)."""
    result = run(sandbox(disk_mb=64), "adversarial_disk_fill", tmp_path / "work", "200", "16", timeout=60)
    assert (result.cap_hit, result.signal) == ("disk", 9)
    assert result.stdout.count("wrote file") < 100  # stopped: by what a poll or two let through past the cap


def test_a_run_that_fills_past_the_cap_between_two_polls_still_hit_the_cap(tmp_path: Path) -> None:
    """Past the cap and over before the watch's first look (a fast program on a busy machine): the last
    measurement, as the watch ends, still sees it."""
    stops: list[str] = []
    with DiskWatch([tmp_path], cap_bytes=1 << 20, stop=lambda: stops.append("stop")) as disk:
        (tmp_path / "fill.bin").write_bytes(b"x" * (2 << 20))
    assert disk.full and stops == ["stop"]


@pytest.mark.parametrize("isolation", ["none", "unshare", "bubblewrap"])
def test_a_killed_aegis_leaves_no_program_running(isolation: str, tmp_path: Path) -> None:
    marker = f"{uuid.uuid4().int % 10**6 + 600}"  # a sleep no one else runs
    script = (
        "import sys; from pathlib import Path; from aegis.config import SandboxConfig; "
        "from aegis.sandbox.isolation import make_runner; "
        f"make_runner(SandboxConfig(isolation={isolation!r})).run(['sleep', {marker!r}], cwd=Path(sys.argv[1]), "
        "timeout=600)"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)])
    try:
        assert soon(lambda: bool(sleeping(marker)), 20), "the program never started"
    finally:
        parent.kill()
        parent.wait()
    assert soon(lambda: not sleeping(marker), 5)


def sleeping(marker: str) -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if cmdline.read_bytes().split(b"\0")[:2] == [b"sleep", marker.encode()]:
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def soon(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize(("cap", "words"), [("memory", "memory cap"), ("disk", "on disk"), ("processes", "processes")])
def test_the_verdict_names_the_cap_a_run_hit(cap: CapHit, words: str) -> None:
    records = [Windows(phase="start", windows=[]), Done()]
    result = ExecResult(argv=["app"], returncode=-9, stdout="", stderr="", seconds=1.0, signal=9, cap_hit=cap)
    verdict = judge(records, result, Path("app.py"), isolation="bubblewrap")
    assert verdict.failures[0].kind == "sandbox_cap"
    assert words in verdict.failures[0].message
