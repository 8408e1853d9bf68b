"""The `aegis` console script, run as a real subprocess: every bad input gives one clear line and an exit code."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

AEGIS = str(Path(sys.executable).parent / "aegis")
SECRET_LIKE = re.compile(r"KEY|TOKEN|SECRET", re.I)
WRONG_KEY = "wrong-key-5f1c9e2a7d"


def clean_env(**extra: str) -> dict[str, str]:
    """The test's environment without any real key or AEGIS_* setting; a narrow terminal so long lines would wrap.
    Scripted replies start with the program: no spec round (tested in test_acceptance_loop.py)."""
    env = {k: v for k, v in os.environ.items() if not (k.startswith("AEGIS_") or SECRET_LIKE.search(k))}
    return {**env, "COLUMNS": "60", "AEGIS_LLM_MAX_RETRIES": "0", "AEGIS_LOOP_SPEC": "false", **extra}


def aegis(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AEGIS, *args], cwd=cwd, env=env or clean_env(), capture_output=True, text=True, timeout=120, check=False
    )


def error_line(stderr: str) -> str:
    """The one `error:` line, which must also be the last line, with no traceback anywhere."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert lines[-1] == errors[0], stderr
    return errors[0]


def only_run_folder(runs: Path) -> Path:
    folders = list(runs.iterdir())
    assert len(folders) == 1, folders
    assert {"program.log", "chat.md", "events.jsonl", "metadata.json"} <= {p.name for p in folders[0].iterdir()}
    return folders[0]


def metadata(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    return data


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize("task", ["", "   "])
def test_empty_task_is_a_usage_error_and_starts_no_run(tmp_path: Path, task: str) -> None:
    result = aegis(tmp_path, "build", task, "--runs-dir", "runs")
    assert result.returncode == 2
    assert "task is empty" in error_line(result.stderr)
    assert result.stderr.strip().count("\n") == 0
    assert not (tmp_path / "runs").exists()


def test_unknown_model_spec_is_a_usage_error_naming_the_spec(tmp_path: Path) -> None:
    result = aegis(tmp_path, "build", "a counter", "--model", "foo:bar", "--runs-dir", "runs")
    assert result.returncode == 2
    line = error_line(result.stderr)
    assert "'foo:bar'" in line
    assert "--base-url" in line  # the whole hint stays on the one line
    assert not (tmp_path / "runs").exists()


def test_bad_setting_in_the_environment_is_a_usage_error_naming_the_field(tmp_path: Path) -> None:
    result = aegis(tmp_path, "build", "a counter", env=clean_env(AEGIS_LOOP_MAX_ROUNDS="zero"))
    assert result.returncode == 2
    assert "loop.max_rounds" in error_line(result.stderr)


def test_bench_on_a_missing_dataset_names_the_file(tmp_path: Path) -> None:
    result = aegis(tmp_path, "bench", "missing.json")
    assert result.returncode == 1
    line = error_line(result.stderr)
    assert "missing.json" in line
    assert "cannot read" in line


def test_bench_on_a_malformed_dataset_points_at_file_line_col(tmp_path: Path) -> None:
    (tmp_path / "tasks.json").write_text('[\n  "a calculator",\n  "a timer"\n  "a clock"\n]\n', encoding="utf-8")
    result = aegis(tmp_path, "bench", "tasks.json")
    assert result.returncode == 1
    assert re.search(r"tasks\.json:4:3: ", error_line(result.stderr))


def test_remote_provider_without_a_key_names_the_variable(tmp_path: Path) -> None:
    result = aegis(tmp_path, "build", "a counter", "--model", "openai:gpt-4o-mini", "--runs-dir", "runs")
    assert result.returncode != 0
    assert "OPENAI_API_KEY" in error_line(result.stderr)
    assert not (tmp_path / "runs").exists()


def test_rejected_key_ends_the_run_with_status_error_and_leaves_no_trace_of_the_key(tmp_path: Path) -> None:
    with ScriptedServer([fenced(COUNTER_APP)], api_key="right") as srv:
        result = aegis(
            tmp_path,
            *("build", "a counter", "--model", "custom-model", "--base-url", srv.base_url, "--no-package"),
            env=clean_env(AEGIS_API_KEY=WRONG_KEY),
        )
        assert len(srv.requests) == 1  # the key was really sent, and not retried
        assert srv.remaining == 1
    assert result.returncode == 1
    assert "rejected the API key" in error_line(result.stderr)
    assert WRONG_KEY not in result.stderr + result.stdout
    folder = only_run_folder(tmp_path / "runs")
    assert metadata(folder)["status"] == "error"
    for path in folder.rglob("*"):
        if path.is_file():
            assert WRONG_KEY not in path.read_text(encoding="utf-8", errors="replace"), path


def test_unreachable_server_says_cannot_reach_and_finalizes_the_run(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    result = aegis(tmp_path, "build", "a counter", "--model", "m", "--base-url", url, "--no-package")
    assert result.returncode == 1
    assert "cannot reach" in error_line(result.stderr)
    assert metadata(only_run_folder(tmp_path / "runs"))["status"] == "error"


@contextmanager
def asking_the_model(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """`aegis build` waiting for a model answer that takes 30 s; killed when the block ends."""
    with ScriptedServer([Reply(fenced(COUNTER_APP), delay=30)]) as srv:
        argv = [AEGIS, "build", "a counter", "--model", "m", "--base-url", srv.base_url, "--no-package"]
        proc = subprocess.Popen(argv, cwd=tmp_path, env=clean_env(), stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not srv.requests and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert srv.requests, "aegis never asked the model"
            yield proc
        finally:
            proc.kill()


def test_ctrl_c_while_the_model_answers_exits_130_and_marks_the_run_interrupted(tmp_path: Path) -> None:
    with asking_the_model(tmp_path) as proc:
        interrupted = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=15)
    assert proc.returncode == 130
    assert time.monotonic() - interrupted < 10
    assert "Traceback" not in stderr
    assert "interrupted" in stderr.strip().splitlines()[-1]
    assert metadata(only_run_folder(tmp_path / "runs"))["status"] == "interrupted"


def test_ctrl_c_pressed_again_and_again_still_finalizes_the_run_folder(tmp_path: Path) -> None:
    """The first Ctrl-C stops the build; the ones that follow while its run folder is written wait for that."""
    with asking_the_model(tmp_path) as proc:
        end = time.monotonic() + 0.5
        while time.monotonic() < end and proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            time.sleep(0.0005)
        proc.communicate(timeout=15)
    assert proc.returncode != 0
    run = only_run_folder(tmp_path / "runs")
    assert metadata(run)["status"] == "interrupted"
    assert '"event": "finish"' in (run / "events.jsonl").read_text()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs with only a few KiB left, or a skip where mounting is not allowed."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mount.stderr.decode(errors='replace').strip()}")
    try:
        (disk / "filler").write_bytes(b"x" * 36 * 1024)  # 28 KiB left: the run starts, then fills it
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_full_disk_gives_one_line_about_the_space(tmp_path: Path, tiny_disk: Path) -> None:
    with ScriptedServer(["I would rather not write code today. " * 200] * 4) as srv:
        result = aegis(
            tmp_path,
            *("build", "a counter", "--model", "m", "--base-url", srv.base_url, "--no-package"),
            *("--runs-dir", str(tiny_disk / "runs")),
        )
    assert result.returncode == 1
    assert "No space left on device" in error_line(result.stderr)
    # the space held back at the start lets the run folder be finalized all the same
    finished = metadata(only_run_folder(tiny_disk / "runs"))
    assert finished["status"] == "error" and "No space left" in finished["message"]


def test_passing_build_names_the_working_app_which_aegis_check_passes(tmp_path: Path) -> None:
    with ScriptedServer([fenced(COUNTER_APP)]) as srv:
        result = aegis(tmp_path, "build", "a counter", "--model", "m", "--base-url", srv.base_url, "--no-package")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    match = re.match(r"working app: (\S+\.py) ", last)
    assert match, last
    app = Path(match.group(1))
    assert app.read_text(encoding="utf-8") == COUNTER_APP
    assert metadata(only_run_folder(tmp_path / "runs"))["status"] == "pass"

    checked = aegis(tmp_path, "check", str(app), "--json", "--screenshots", "check")
    assert checked.returncode == 0, checked.stderr
    verdict = json.loads(checked.stdout)
    assert verdict["status"] == "pass"
    assert verdict["windows"][0]["title"] == "Counter"


def test_check_refuses_a_file_that_is_not_python(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("print('hi')\n", encoding="utf-8")
    result = aegis(tmp_path, "check", "notes.txt")
    assert result.returncode == 2
    assert "not a Python file" in error_line(result.stderr)


def test_logs_prune_removes_only_old_run_folders(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    old = (datetime.now() - timedelta(days=30)).strftime("%Y%m%d_%H%M%S")
    new = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d_%H%M%S")
    folders = {
        "old": runs / f"{old}_a-counter",
        "new": runs / f"{new}_a-counter",
        "look-alike": runs / f"{old}_holiday-photos",
        "foreign": runs / "my-notes",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True)
        (folder / ("metadata.json" if name in ("old", "new") else "photo.jpg")).write_text("{}", encoding="utf-8")

    result = aegis(tmp_path, "logs", "prune", "--days", "7", "--runs-dir", "runs")

    assert result.returncode == 0, result.stderr
    assert "removed 1 run folder" in result.stderr
    assert sorted(p.name for p in runs.iterdir()) == sorted(f.name for k, f in folders.items() if k != "old")
