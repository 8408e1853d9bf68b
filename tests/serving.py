"""`aegis serve` as a user starts it: a real process with real workers, against the scripted model server.

with AegisServer(tmp_path, model_server) as web:
    build_id = web.submit("a window with a button that counts clicks")
    statuses = web.follow(build_id)          # the SSE stream until its end event
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

from fakeserver import ScriptedServer

AEGIS = str(Path(sys.executable).with_name("aegis"))
URL = re.compile(r"serving on (http://\S+)")


class AegisServer:
    def __init__(self, tmp: Path, model: ScriptedServer, *args: str, package: bool = False) -> None:
        self.runs = tmp / "runs"
        self.log = tmp / "serve.log"
        self.model = model
        self.args = list(args)
        self.package = package
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.token: str | None = None

    def start(self) -> AegisServer:
        argv = [AEGIS, "serve", "--port", "0", "--model", "scripted-model", "--base-url", self.model.base_url]
        argv += ["--runs-dir", str(self.runs), "--package" if self.package else "--no-package", *self.args]
        env = {**os.environ, "AEGIS_PROBE_SETTLE": "0.3", "AEGIS_PROBE_TIMEOUT": "20", "AEGIS_LLM_MAX_RETRIES": "0"}
        with self.log.open("ab") as log:
            before = log.tell()
            self.proc = subprocess.Popen(argv, stdout=log, stderr=log, env=env, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if match := URL.search(self.log.read_bytes()[before:].decode(errors="replace")):
                printed = match.group(1)
                self.token = printed.split("?token=")[1] if "?token=" in printed else None
                self.url = printed.split("?")[0].rstrip("/").replace("0.0.0.0", "127.0.0.1")
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"aegis serve did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self, sig: int = signal.SIGINT) -> int:
        """Stop it as Ctrl-C does; the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)
        try:
            return self.proc.wait(60)
        finally:
            _kill_group(self.proc.pid)

    def __enter__(self) -> AegisServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        """(status, JSON or bytes); the server's token is sent unless `token` says otherwise ('' sends none)."""
        sent = {"Content-Type": "application/json"} if method in ("POST", "DELETE") else {}
        use = self.token if token is None else token
        if use:
            sent["Authorization"] = f"Bearer {use}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={**sent, **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, _decode(response.headers.get("content-type", ""), response.read())
        except urllib.error.HTTPError as error:
            return error.code, _decode(error.headers.get("content-type", ""), error.read())

    def submit(self, task: str, **fields: Any) -> str:
        status, body = self.request("POST", "/api/builds", {"task": task, **fields})
        assert status == 201, body
        return str(body["id"])

    def build(self, build_id: str) -> dict[str, Any]:
        status, body = self.request("GET", f"/api/builds/{build_id}")
        assert status == 200, body
        return dict(body)

    def follow(self, build_id: str, timeout: float = 120) -> list[tuple[str, dict[str, Any]]]:
        """The build's server-sent events until `end`: (event, data) pairs."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        request = urllib.request.Request(f"{self.url}/api/builds/{build_id}/events", headers=headers)
        events: list[tuple[str, dict[str, Any]]] = []
        kind = ""
        with urllib.request.urlopen(request, timeout=timeout) as stream:
            for raw in stream:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    events.append((kind, json.loads(line[6:])))
                    if kind == "end":
                        return events
        return events

    def follow_until(self, build_id: str, step: str, timeout: float = 60) -> None:
        """Follow the build's event stream until it has sent `step` (e.g. "ask": the model is being asked)."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        request = urllib.request.Request(f"{self.url}/api/builds/{build_id}/events", headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as stream:
            for raw in stream:
                if raw.startswith(b"data: ") and json.loads(raw[6:]).get("event") == step:
                    return
        raise AssertionError(f"build {build_id} never sent {step!r}")

    def wait_for(self, build_id: str, *statuses: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            build = self.build(build_id)
            if build["status"] in statuses:
                return build
            time.sleep(0.2)
        raise AssertionError(f"build {build_id} is still {self.build(build_id)['status']}, not {statuses}")


def _decode(kind: str, data: bytes) -> Any:
    return json.loads(data) if "json" in kind else data


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
