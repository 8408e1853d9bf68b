"""`aegis serve` through its API: a real server process, real workers, real builds against the scripted model."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced
from serving import AegisServer

COUNTER_TASK = "a window with a button that counts clicks"
SLOW_TASK = "a slow counter"
"""Its answer takes a minute: long enough to cancel it, or to stop the server under it."""
BROKEN_TASK = "a broken counter"
BROKEN_APP = COUNTER_APP.replace("self.count += 1", 'self.count += int("one")')


@pytest.fixture
def model() -> Iterator[ScriptedServer]:
    rules = {
        COUNTER_TASK: fenced(COUNTER_APP),
        SLOW_TASK: Reply(fenced(COUNTER_APP), delay=60),
        "invalid literal": fenced(COUNTER_APP),  # the repair of the broken counter: its error is in the prompt
        BROKEN_TASK: fenced(BROKEN_APP),
    }
    with ScriptedServer(rules=rules) as server:
        yield server


@pytest.fixture
def web(tmp_path: Path, model: ScriptedServer) -> Iterator[AegisServer]:
    with AegisServer(tmp_path, model) as server:
        yield server


def test_a_build_streams_its_steps_and_ends_as_a_working_app(web: AegisServer) -> None:
    build_id = web.submit(COUNTER_TASK)
    events = web.follow(build_id)
    steps = [data["event"] for kind, data in events if kind == "step"]
    assert steps[:2] == ["ask", "llm"] and "verdict" in steps and steps[-1] == "finish"
    assert events[-1] == ("end", {"status": "pass"})
    detail = web.build(build_id)
    assert detail["status"] == "pass" and detail["rounds"] == 1 and detail["app"]
    shot = detail["rounds_detail"][0]["screenshots"][0]
    status, png = web.request("GET", f"/api/builds/{build_id}/files/{shot}")
    assert status == 200 and png.startswith(b"\x89PNG")
    status, app = web.request("GET", f"/api/builds/{build_id}/files/app/app.py")
    assert status == 200 and app.decode() == COUNTER_APP


def test_a_failing_round_shows_its_problem_and_the_action_that_caused_it(web: AegisServer) -> None:
    build_id = web.submit(BROKEN_TASK, max_rounds=1)
    assert web.follow(build_id)[-1][1]["status"] == "fail"
    problems = web.build(build_id)["rounds_detail"][0]["problems"]
    crash = next(p for p in problems if "invalid literal" in p["message"])
    assert "Add one" in crash["action"]


def test_a_repaired_round_shows_what_changed(web: AegisServer) -> None:
    build_id = web.submit(BROKEN_TASK, max_rounds=2)
    steps = [(data["event"], data.get("kind")) for kind, data in web.follow(build_id) if kind == "step"]
    assert ("ask", "repair") in steps and web.build(build_id)["status"] == "pass"
    status, changed = web.request("GET", f"/api/builds/{build_id}/diff/2")
    assert status == 200
    assert '-        self.count += int("one")\n+        self.count += 1\n' in changed.decode()
    assert web.request("GET", f"/api/builds/{build_id}/diff/1")[1] == b""


def test_a_running_build_is_cancelled_and_the_worker_goes_on(web: AegisServer) -> None:
    slow = web.submit(SLOW_TASK)
    web.follow_until(slow, "ask")  # the worker is waiting for the model's answer
    status, body = web.request("DELETE", f"/api/builds/{slow}")
    assert status == 200 and body["cancel_requested"]
    assert web.follow(slow, timeout=30)[-1][1]["status"] == "cancelled"
    run_dir = web.runs / web.build(slow)["run"]
    assert json.loads((run_dir / "metadata.json").read_text())["status"] == "cancelled"
    after = web.submit(COUNTER_TASK)
    assert web.follow(after)[-1][1]["status"] == "pass"
    status, body = web.request("DELETE", f"/api/builds/{after}")
    assert status == 409 and "already pass" in body["error"]


def test_a_queued_build_is_cancelled_before_it_starts_and_can_be_retried(web: AegisServer) -> None:
    slow = web.submit(SLOW_TASK)
    queued = web.submit(COUNTER_TASK)
    assert web.build(queued)["status"] == "queued" and web.build(queued)["ahead"] == 1
    status, body = web.request("DELETE", f"/api/builds/{queued}")
    assert status == 200 and body["status"] == "cancelled"
    web.request("DELETE", f"/api/builds/{slow}")
    status, body = web.request("POST", f"/api/builds/{queued}/retry")
    assert status == 201 and body["id"] != queued
    assert web.follow(body["id"])[-1][1]["status"] == "pass"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"task": "   "}, "the task is empty"),
        ({"task": "x" * 501}, "at most 500"),
        ({"task": "a calculator", "model": "openai:gpt-9"}, "unknown model 'openai:gpt-9'; this server offers"),
        ({"task": "a calculator", "checks": "- name: x\n  steps: [{explode: 1}]"}, "checks: check 1 (x)"),
        ({"task": "a calculator", "checks": "{not json"}, "checks: not JSON"),
        ({"task": "a calculator", "max_rounds": 0}, "max_rounds"),
        ({"model": "local"}, "task: Field required"),
    ],
)
def test_a_bad_request_gets_one_clear_line(web: AegisServer, body: dict[str, object], error: str) -> None:
    status, answer = web.request("POST", "/api/builds", body)
    assert status == 422
    assert error in answer["error"] and "\n" not in answer["error"]


def test_a_change_without_a_json_content_type_is_refused(web: AegisServer) -> None:
    status, answer = web.request(
        "POST", "/api/builds", {"task": "a calculator"}, headers={"Content-Type": "text/plain"}
    )
    assert status == 415 and "application/json" in answer["error"]
    status, answer = web.request("GET", "/api/builds", headers={"Host": "attacker.example"})
    assert status == 400 and "own machine" in answer["error"]


def test_a_full_queue_refuses_one_more(tmp_path: Path, model: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AEGIS_SERVE_MAX_QUEUE", "1")
    with AegisServer(tmp_path, model) as web:
        slow = web.submit(SLOW_TASK)
        web.wait_for(slow, "running")
        web.submit(COUNTER_TASK)
        status, answer = web.request("POST", "/api/builds", {"task": COUNTER_TASK})
        assert status == 429 and "queue is full" in answer["error"]


def test_files_outside_the_run_folder_are_never_served(web: AegisServer) -> None:
    build_id = web.submit(COUNTER_TASK)
    web.follow(build_id)
    run_dir = web.runs / web.build(build_id)["run"]
    (run_dir / "attempts" / "1" / "escape.png").symlink_to("/etc/passwd")
    (run_dir / "attempts" / "1" / "up").symlink_to(run_dir.parent)
    for path in (
        "../serve.sqlite3",
        "%2e%2e/serve.sqlite3",
        "attempts/1/escape.png",
        "attempts/1/up/serve.sqlite3",
        "/etc/passwd",
        "attempts/../metadata.json",
        ".reserve-none",
    ):
        status, _ = web.request("GET", f"/api/builds/{build_id}/files/{path}")
        assert status == 404, path
    for bad_id in ("..", "%2e%2e", ".hidden", "a/../b"):
        status, _ = web.request("GET", f"/api/builds/{bad_id}")
        assert status == 404, bad_id
    assert "escape.png" not in str(web.build(build_id)["rounds_detail"])


def test_runs_made_by_the_cli_show_up_too(web: AegisServer, model: ScriptedServer) -> None:
    import subprocess

    from serving import AEGIS

    env = {**os.environ, "AEGIS_PROBE_SETTLE": "0.3"}
    argv = [AEGIS, "build", COUNTER_TASK, "--model", "scripted-model", "--base-url", model.base_url]
    subprocess.run([*argv, "--runs-dir", str(web.runs), "--no-package"], check=True, env=env, capture_output=True)
    status, runs = web.request("GET", "/api/builds")
    cli = [run for run in runs if run["source"] == "cli"]
    assert status == 200 and len(cli) == 1 and cli[0]["status"] == "pass" and cli[0]["task"] == COUNTER_TASK
    assert web.build(cli[0]["id"])["rounds_detail"][0]["status"] == "pass"
    status, body = web.request("DELETE", f"/api/builds/{cli[0]['id']}")
    assert status == 409


def test_a_server_on_another_address_needs_its_token(tmp_path: Path, model: ScriptedServer) -> None:
    with AegisServer(tmp_path, model, "--host", "0.0.0.0") as web:
        assert web.token and len(web.token) >= 24
        status, answer = web.request("GET", "/api/builds", token="")
        assert status == 401 and "token" in answer["error"]
        assert web.request("GET", "/api/builds", token="wrong")[0] == 401
        assert web.request("GET", "/", token="")[0] == 401
        build_id = web.submit(COUNTER_TASK)
        assert web.follow(build_id)[-1][1]["status"] == "pass"
        assert web.request("GET", f"/api/builds/{build_id}/files/app/app.py", token="")[0] == 401
        assert web.request("GET", f"/api/builds/{build_id}/events", token="")[0] == 401
    assert web.token not in (web.runs / "serve.sqlite3").read_bytes().decode(errors="replace")
    assert not any(
        web.token in p.read_text(errors="replace")
        for p in web.runs.rglob("*")
        if p.is_file() and p.stat().st_size < 10**6
    )


def test_a_build_on_a_hosted_model_gets_its_defaults_not_the_embedded_models(
    tmp_path: Path, model: ScriptedServer
) -> None:
    """The server's default is an embedded model (2 candidates x 2 rounds); a build that asks for a hosted one
    gets 1 x 4, as `aegis build -m` would, and a setting the server was given still holds for both."""
    toml = tmp_path / "aegis.toml"
    toml.write_text('[serve]\nmodels = ["scripted-model"]\n[loop]\nmax_total_tokens = 50000\n')
    local = f"local:{tmp_path / 'never-loaded.gguf'}"
    with AegisServer(tmp_path, model, "--model", local, "--config", str(toml)) as web:
        hosted = web.submit(COUNTER_TASK, model="scripted-model")
        assert web.follow(hosted)[-1][1]["status"] == "pass"
        config = json.loads((web.runs / web.build(hosted)["run"] / "metadata.json").read_text())["config"]
    assert (config["llm"]["model"], config["llm"]["candidates"], config["loop"]["max_rounds"]) == (
        "scripted-model",
        1,
        4,
    )
    assert config["loop"]["max_total_tokens"] == 50000


def test_a_restart_keeps_the_queue_and_shows_the_running_build_as_interrupted(
    tmp_path: Path, model: ScriptedServer
) -> None:
    web = AegisServer(tmp_path, model).start()
    slow = web.submit(SLOW_TASK)
    web.wait_for(slow, "running")
    web.follow_until(slow, "ask")
    waiting = [web.submit(COUNTER_TASK) for _ in range(2)]
    web.stop(signal.SIGKILL)  # no goodbye: the worker learns it from the kernel
    again = AegisServer(tmp_path, model).start()
    try:
        stopped = again.build(slow)
        assert stopped["status"] == "interrupted"
        assert json.loads((again.runs / stopped["run"] / "metadata.json").read_text())["status"] == "interrupted"
        for build_id in waiting:
            assert again.follow(build_id)[-1][1]["status"] == "pass"
        status, body = again.request("POST", f"/api/builds/{slow}/retry")
        assert status == 201
    finally:
        again.stop()


@pytest.mark.slow
def test_a_packaged_build_downloads_with_its_sha256(tmp_path: Path, model: ScriptedServer) -> None:
    with AegisServer(tmp_path, model, package=True) as web:
        build_id = web.submit(COUNTER_TASK)
        steps = [data["event"] for kind, data in web.follow(build_id, timeout=900) if kind == "step"]
        assert "package_start" in steps and "package" in steps
        package = web.build(build_id)["package"]
        assert package["ok"] and package["archive"].endswith(".tar.gz")
        status, archive = web.request("GET", f"/api/builds/{build_id}/files/{package['archive']}")
        assert status == 200 and hashlib.sha256(archive).hexdigest() == package["sha256"]
        (tmp_path / "app.tar.gz").write_bytes(archive)
        with tarfile.open(tmp_path / "app.tar.gz") as tar:
            executables = [m for m in tar.getmembers() if m.isfile() and m.name.endswith("/" + package["executable"])]
        assert package["executable"] and len(executables) == 1 and executables[0].mode & 0o111
        status, zipped = web.request("GET", f"/api/builds/{build_id}/zip")
        assert status == 200 and zipped[:2] == b"PK"


COUNTER_CHECKS = """\
- name: counts a click
  steps:
    - click: Add one
    - expect_text: "Count: 1"
"""


def test_acceptance_checks_given_as_yaml_are_run_and_shown_step_by_step(web: AegisServer) -> None:
    build_id = web.submit(COUNTER_TASK, checks=COUNTER_CHECKS)
    assert web.follow(build_id)[-1][1]["status"] == "pass"
    detail = web.build(build_id)
    check = detail["rounds_detail"][0]["checks"][0]
    assert check["name"] == "counts a click" and check["passed"]
    assert [step["ok"] for step in check["steps"]] == [True, True]
    assert detail["requirements"][0]["status"] == "passed" and detail["checks"] == COUNTER_CHECKS


def test_no_secret_reaches_a_page_a_response_or_a_download(
    tmp_path: Path, model: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "sk-proj-" + "Zq8" * 16
    monkeypatch.setenv("AEGIS_API_KEY", secret)
    with AegisServer(tmp_path, model) as web:
        build_id = web.submit(COUNTER_TASK)
        web.follow(build_id)
        run_dir = web.runs / web.build(build_id)["run"]
        answers = [web.request("GET", path)[1] for path in ("/", f"/builds/{build_id}", "/api/builds")]
        answers += [json.dumps(web.build(build_id)).encode()]
        for path in run_dir.rglob("*"):
            if path.is_file() and not path.is_symlink():
                relative = path.relative_to(run_dir).as_posix()
                answers.append(web.request("GET", f"/api/builds/{build_id}/files/{relative}")[1])
        zipped = web.request("GET", f"/api/builds/{build_id}/zip")[1]
    assert model.requests and len(answers) > 8
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        answers += [archive.read(name) for name in archive.namelist()]
    leaked = [a[:80] for a in answers if secret.encode() in (a if isinstance(a, bytes) else json.dumps(a).encode())]
    assert not leaked


def test_bench_folders_are_listed_with_their_report_and_compared(tmp_path: Path, web: AegisServer) -> None:
    import subprocess

    from serving import AEGIS

    dataset = tmp_path / "two.json"
    dataset.write_text(json.dumps([COUNTER_TASK, {"id": "broken", "task": BROKEN_TASK}]))
    env = {**os.environ, "AEGIS_PROBE_SETTLE": "0.3"}
    for name, rounds in (("bench-a", "1"), ("bench-b", "2")):
        argv = [AEGIS, "bench", str(dataset), "--out", str(web.runs / name), "--max-rounds", rounds]
        argv += ["--model", "scripted-model", "--base-url", web.model.base_url, "--no-package"]
        subprocess.run(argv, check=True, env=env, capture_output=True, timeout=600)
    status, benches = web.request("GET", "/api/benches")
    assert status == 200 and sorted(b["name"] for b in benches) == ["bench-a", "bench-b"]
    assert all(b["report"] and b["totals"]["items"] == 2 for b in benches)
    status, report = web.request("GET", "/benches/bench-a/report.html")
    assert status == 200 and b"<table" in report
    status, comparison = web.request("GET", "/api/compare?a=bench-a&b=bench-b")
    assert status == 200 and comparison["common_tasks"] == 2
    assert web.request("GET", "/api/compare?a=bench-a&b=..")[0] == 404
    assert web.request("GET", "/benches/../report.html")[0] == 404


def worker_pids(store: Path) -> list[int]:
    """The worker processes of the server whose queue is `store`, from /proc."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if proc.name.isdigit() and b"aegis.serve.worker" in argv and str(store).encode() in argv:
            pids.append(int(proc.name))
    return pids


def test_a_worker_that_dies_is_replaced_and_its_build_kept_as_interrupted(web: AegisServer) -> None:
    slow = web.submit(SLOW_TASK)
    web.wait_for(slow, "running")
    web.follow_until(slow, "ask")  # the worker waits for the model's answer
    (dead,) = worker_pids(web.runs / "serve.sqlite3")
    os.kill(dead, signal.SIGKILL)
    stopped = web.wait_for(slow, "interrupted", timeout=30)
    assert json.loads((web.runs / stopped["run"] / "metadata.json").read_text())["status"] == "interrupted"
    after = web.submit(COUNTER_TASK)
    assert web.follow(after)[-1][1]["status"] == "pass"
    assert worker_pids(web.runs / "serve.sqlite3") not in ([], [dead])


def test_a_burst_of_cancel_signals_still_finalizes_the_run_folder(web: AegisServer) -> None:
    """Only the first signal stops the build: the ones after it must not cut into the writing of its run folder
    (the supervisor repeats a cancel; a server killed by `kill -9` sends SIGTERM once per thread)."""
    slow = web.submit(SLOW_TASK)
    web.follow_until(slow, "ask")
    (worker,) = worker_pids(web.runs / "serve.sqlite3")
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        os.kill(worker, signal.SIGUSR1)
        time.sleep(0.0005)
    stopped = web.wait_for(slow, "cancelled", timeout=30)
    run_dir = web.runs / stopped["run"]
    assert json.loads((run_dir / "metadata.json").read_text())["status"] == "cancelled"
    assert '"event": "finish"' in (run_dir / "events.jsonl").read_text()
    after = web.submit(COUNTER_TASK)
    assert web.follow(after)[-1][1]["status"] == "pass"
    assert worker_pids(web.runs / "serve.sqlite3") == [worker]  # the same worker, its model kept


def test_sigterm_stops_the_server_like_ctrl_c(tmp_path: Path, model: ScriptedServer) -> None:
    web = AegisServer(tmp_path, model).start()
    slow = web.submit(SLOW_TASK)
    web.follow_until(slow, "ask")
    run = web.build(slow)["run"]
    assert web.stop(signal.SIGTERM) == 130
    assert "stopping the workers" in web.log.read_text()
    assert json.loads((web.runs / run / "metadata.json").read_text())["status"] == "interrupted"
    assert worker_pids(web.runs / "serve.sqlite3") == []


def test_a_run_folder_file_is_read_only_through_plain_folders_and_a_plain_file(tmp_path: Path) -> None:
    from aegis.serve.runs import open_inside, zip_run

    run = tmp_path / "run"
    (run / "attempts" / "1").mkdir(parents=True)
    (run / "attempts" / "1" / "app.py").write_text("print(1)\n")
    (run / "attempts" / "1" / "app.py").chmod(0o755)
    (run / "elsewhere").symlink_to(run / "attempts")
    (run / "secret").symlink_to("/etc/passwd")
    os.mkfifo(run / "pipe")  # opening it must not block the server
    handle = open_inside(run, "attempts/1/app.py")
    assert handle is not None and handle.read() == b"print(1)\n"
    handle.close()
    for refused in ("elsewhere/1/app.py", "secret", "pipe", "attempts/../secret", "/etc/passwd", "attempts/1"):
        assert open_inside(run, refused) is None, refused
    with zipfile.ZipFile(zip_run(run, tmp_path / "run.zip")) as archive:
        assert archive.namelist() == ["run/attempts/1/app.py"]
        assert archive.getinfo("run/attempts/1/app.py").external_attr >> 16 & 0o777 == 0o755
