"""Bad inputs through the real `aegis` command: one clear line and exit 1 or 2, never a traceback, nothing lost.

Markup-looking text from the app, files that are not UTF-8, a program nested too deeply for Python's parser,
a base URL httpx cannot parse, a server that answers something other than a chat completion or trickles its
answer forever, and an API key typed into the task in another case.
"""

from __future__ import annotations

import json
import os
import re
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fakeserver import ScriptedServer
from helpers import COUNTER_APP, fenced

AEGIS = str(Path(sys.executable).parent / "aegis")
SECRET_LIKE = re.compile(r"KEY|TOKEN|SECRET", re.I)
MARKUP_APP = """\
import sys
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget


class Window(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Totals [/] [bold]net")
        button = QPushButton("Add")
        button.clicked.connect(self.add)
        QVBoxLayout(self).addWidget(button)

    def add(self):
        raise ValueError("cannot add [/] to [red]nothing")


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec())
"""


def clean_env(**extra: str) -> dict[str, str]:
    """No real key or AEGIS_* setting; no retries, no spec round; a narrow terminal so a long line would wrap."""
    env = {k: v for k, v in os.environ.items() if not (k.startswith("AEGIS_") or SECRET_LIKE.search(k))}
    return {**env, "COLUMNS": "60", "AEGIS_LLM_MAX_RETRIES": "0", "AEGIS_LOOP_SPEC": "false", **extra}


def aegis(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AEGIS, *args], cwd=cwd, env=env or clean_env(), capture_output=True, text=True, timeout=180, check=False
    )


def error_line(stderr: str) -> str:
    """The one `error:` line, which is also the last line, with no traceback anywhere."""
    assert "Traceback" not in stderr and "╭" not in stderr, stderr
    lines = stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert lines[-1] == errors[0], stderr
    return errors[0]


def finalized_run(runs: Path) -> dict[str, Any]:
    """The metadata of the one run folder, which must have been finalized (not left "running")."""
    folders = list(runs.iterdir())
    assert len(folders) == 1, folders
    data: dict[str, Any] = json.loads((folders[0] / "metadata.json").read_text(encoding="utf-8"))
    assert data["status"] != "running" and "finished" in data, data
    return data


def deep_program(terms: int) -> str:
    """A working counter app after one statement whose expression is `terms` ones added together."""
    return "x = " + "+".join(["1"] * terms) + "\n" + COUNTER_APP


# --- text from the app, the model or the user holds markup ----------------------------------------------


def test_check_prints_markup_from_the_app_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(MARKUP_APP, encoding="utf-8")
    result = aegis(tmp_path, "check", "app.py", "--screenshots", "shots")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MarkupError" not in result.stderr
    assert "cannot add [/] to [red]nothing" in result.stderr
    assert "'Totals [/] [bold]net'" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("fail: ")


@pytest.mark.parametrize("name", ["[/]replies.json", "[red]replies.json"])
def test_an_error_line_shows_markup_in_a_file_name_as_it_is(tmp_path: Path, name: str) -> None:
    result = aegis(tmp_path, "build", "a counter", "--model", f"scripted:{name}", "--runs-dir", "runs")
    assert result.returncode == 2
    assert error_line(result.stderr) == f"error: {name}: cannot read: No such file or directory"


# --- files that are not UTF-8 ----------------------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Good and bad versions of every file a command reads: app, checks, scripted replies, config."""
    (tmp_path / "good.py").write_text(COUNTER_APP, encoding="utf-8")
    (tmp_path / "bad.py").write_bytes(b"import sys\nx = '\xff'\n")
    (tmp_path / "checks.yaml").write_bytes(b"- name: adds\n  steps: [{click: 'Add \xff'}]\n")
    (tmp_path / "good.json").write_text(json.dumps([fenced(COUNTER_APP)]), encoding="utf-8")
    (tmp_path / "bad.json").write_bytes(b'["\xff"]')
    (tmp_path / "conf").mkdir()  # not ./aegis.toml, which every command would read
    (tmp_path / "conf" / "aegis.toml").write_bytes(b"[loop]\nmax_rounds = 1 # \xff\n")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["check", "good.py", "--checks", "checks.yaml"], "checks.yaml"),
        (["build", "a counter", "--model", "scripted:good.json", "--checks", "checks.yaml"], "checks.yaml"),
        (["build", "a counter", "--model", "scripted:bad.json"], "bad.json"),
        (["build", "a counter", "--model", "scripted:good.json", "--config", "conf/aegis.toml"], "conf/aegis.toml"),
        (["check", "bad.py"], "bad.py"),
        (["package", "bad.py", "--out", "pkg"], "bad.py"),
        (["deps", "bad.py"], "bad.py"),
    ],
    ids=["check-checks", "build-checks", "build-scripted", "build-config", "check-app", "package-app", "deps-app"],
)
def test_a_file_that_is_not_utf8_is_named_with_its_first_bad_byte(inputs: Path, args: list[str], name: str) -> None:
    result = aegis(inputs, *args, "--runs-dir", "runs") if args[0] == "build" else aegis(inputs, *args)
    assert result.returncode == 2
    offset = (inputs / name).read_bytes().index(b"\xff")
    assert error_line(result.stderr) == f"error: {name} is not UTF-8 text (byte 0xff at offset {offset})"
    assert not (inputs / "runs").exists() and not (inputs / "pkg").exists()


# --- a program nested too deeply for Python's parser -----------------------------------------------------


def test_deps_says_a_program_is_nested_too_deeply_to_read(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text(deep_program(3000), encoding="utf-8")
    result = aegis(tmp_path, "deps", "deep.py")
    assert result.returncode == 2
    assert "nested too deeply" in error_line(result.stderr)


def test_check_still_judges_a_program_nested_too_deeply(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text(deep_program(3000), encoding="utf-8")
    result = aegis(tmp_path, "check", "deep.py", "--screenshots", "shots")
    assert "Traceback" not in result.stderr and "╭" not in result.stderr, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert (result.returncode, last[:5]) in ((0, "pass:"), (1, "fail:")), result.stderr


def test_build_reports_a_program_python_cannot_compile_as_the_rounds_failure(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(json.dumps([fenced(deep_program(3000))]), encoding="utf-8")
    result = aegis(tmp_path, "build", "a counter", "--model", "scripted:deep.json", "--max-rounds", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "nested too deeply for Python to compile" in result.stderr
    assert finalized_run(tmp_path / "runs")["status"] == "fail"


def test_build_runs_a_program_too_deep_to_analyse_but_not_to_run(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(json.dumps([fenced(deep_program(1000))]), encoding="utf-8")
    result = aegis(tmp_path, "build", "a counter", "--model", "scripted:deep.json", "--max-rounds", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("working app:")
    assert finalized_run(tmp_path / "runs")["status"] == "pass"


# --- the model's server --------------------------------------------------------------------------------


def test_a_base_url_httpx_cannot_parse_is_a_usage_error(tmp_path: Path) -> None:
    result = aegis(tmp_path, "build", "a counter", "--model", "m", "--base-url", "http://[::1/v1")
    assert result.returncode == 2
    assert error_line(result.stderr).startswith("error: --base-url http://[::1/v1: invalid URL")
    assert not (tmp_path / "runs").exists()


class RawServer(socketserver.ThreadingTCPServer):
    """Answers every request on 127.0.0.1 with `answer`, then sends `trickle` once a second until stopped."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, answer: bytes, trickle: bytes = b"") -> None:
        super().__init__(("127.0.0.1", 0), _RawHandler)
        self.answer, self.trickle = answer, trickle
        self.stopping = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _RawHandler(socketserver.StreamRequestHandler):
    server: RawServer

    def handle(self) -> None:
        length = 0
        while (line := self.rfile.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        self.rfile.read(length)
        try:
            self.wfile.write(self.server.answer)
            while self.server.trickle and not self.server.stopping.wait(1):
                self.wfile.write(self.server.trickle)
        except OSError:
            return  # the client gave up


def json_answer(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"Connection: close\r\n\r\n" + body


@pytest.fixture
def raw_server(request: pytest.FixtureRequest) -> Iterator[RawServer]:
    server = RawServer(*request.param)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("raw_server", "expected"),
    [
        ((json_answer(b"<html>Bad gateway</html>"),), "the server's answer is not JSON: '<html>Bad gateway</html>'"),
        ((json_answer(b'{"choices": "\xff"}'),), "the server's answer is not UTF-8 text (byte 0xff at offset 13)"),
        ((json_answer(b'[{"choices": []}]'),), "the server's answer is an array in JSON, not an object"),
        ((json_answer(b'{"choices": []}'),), "the server's answer has no choices"),
    ],
    indirect=["raw_server"],
    ids=["not-json", "not-utf8", "array", "no-choices"],
)
def test_an_answer_that_is_not_a_chat_completion_is_named_and_the_run_finalized(
    tmp_path: Path, raw_server: RawServer, expected: str
) -> None:
    result = aegis(tmp_path, "build", "a counter", "--model", "m", "--base-url", raw_server.base_url)
    assert result.returncode == 1
    assert error_line(result.stderr) == f"error: m: {expected}"
    run = finalized_run(tmp_path / "runs")
    assert run["status"] == "error" and expected in run["message"]


TRICKLE_TIMEOUT = 5


@pytest.mark.parametrize(
    "raw_server",
    [
        (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", b" "),
        (b"HTTP/1.1 200 OK\r\nX-Waiting: ", b"."),
    ],
    indirect=True,
    ids=["trickled-body", "trickled-headers"],
)
def test_an_answer_trickled_forever_times_out_after_the_total_deadline(tmp_path: Path, raw_server: RawServer) -> None:
    started = time.monotonic()
    result = aegis(
        tmp_path,
        *("build", "a counter", "--model", "m", "--base-url", raw_server.base_url),
        env=clean_env(AEGIS_LLM_TIMEOUT=str(TRICKLE_TIMEOUT)),
    )
    assert time.monotonic() - started < TRICKLE_TIMEOUT + 25  # start-up and finalizing included
    assert result.returncode == 1
    assert f"no complete answer from {raw_server.base_url}/ within 5 s" in error_line(result.stderr)
    assert finalized_run(tmp_path / "runs")["status"] == "error"


# --- an API key typed into the task ----------------------------------------------------------------------

KEY = "Zq7PlainKeyValue93"
"""Shaped like no well-known key: only the environment says it is one."""


def test_a_key_in_the_task_is_masked_in_every_case_in_names_files_and_console(tmp_path: Path) -> None:
    task = f"a counter titled {KEY.upper()} then {KEY.lower()} then {KEY.swapcase()} then {KEY}"
    with ScriptedServer([fenced(COUNTER_APP)], api_key=KEY) as srv:
        result = aegis(
            tmp_path,
            *("build", task, "--model", "m", "--base-url", srv.base_url, "--no-package"),
            env=clean_env(AEGIS_API_KEY=KEY),
        )
    assert result.returncode == 0, result.stderr
    secret = KEY.lower()
    assert secret not in (result.stdout + result.stderr).lower()
    runs = tmp_path / "runs"
    paths = list(runs.rglob("*"))
    assert len(paths) > 5
    for path in paths:
        assert secret not in str(path.relative_to(runs)).lower(), path
        if path.is_file():
            assert secret not in path.read_bytes().decode("utf-8", "replace").lower(), path
