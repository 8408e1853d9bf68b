"""A real OpenAI-compatible HTTP server on 127.0.0.1 that answers from a script.

The one LLM test double AEGIS allows: the real ``openai`` client, its retries and our parsing all run
against it. Stdlib only, so demos and the ``scripted:`` tooling can reuse it.

    with ScriptedServer(["hello", Reply(status=429, headers={"retry-after-ms": "10"}), "again"]) as srv:
        client = openai.OpenAI(base_url=srv.base_url, api_key="test")

A reply may call tools: ``Reply(tool_calls=[{"function": {"name": "read_file", "arguments": {"path": "a"}}}])``
is answered with those calls in the message (ids, ``"type": "function"`` and JSON-encoded dict arguments
filled in; string arguments are sent as they are, malformed or not) and finish reason ``tool_calls``.

Routes:
    POST /v1/chat/completions   consumes the next scripted Reply (plain JSON, or SSE when "stream": true)
    GET  /v1/models             one model, ``MODEL_ID``

Rules answer by content instead of order: ``ScriptedServer(rules={"a counter": COUNTER})`` answers every
request whose prompt text contains "a counter" with that reply, without consuming it (the first matching rule
wins; requests that match none take the next scripted reply). Parallel or resumed clients then get the same
answers whatever the order of their requests.

Every chat request body is recorded in ``ScriptedServer.requests``, including those answered with an error.
A request with the wrong Bearer key (when ``api_key`` is set) gets a 401 and consumes no reply. Once the
script is used up every chat request gets a 500 "script exhausted" with ``x-should-retry: false``, so a test
fails at once instead of hanging or retrying.
"""

from __future__ import annotations

import json
import math
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

MODEL_ID = "aegis-scripted"
_STREAM_PIECE = 16  # characters per streamed content delta


@dataclass
class Reply:
    """One scripted answer to one chat completion request."""

    content: str = ""
    """The assistant message text; for an error status, the error message (a default when empty)."""
    status: int = 200
    """HTTP status; 400 and above answer with an OpenAI-style error body instead of a completion."""
    finish_reason: str | None = None
    """``stop``, ``length`` or any other string the client should see; by default ``tool_calls`` when the reply
    has tool calls, else ``stop``."""
    delay: float = 0.0
    """Seconds to wait before answering; cut short when the server stops."""
    prompt_tokens: int | None = None
    """Reported prompt tokens; by default a rough count from the request's messages."""
    completion_tokens: int | None = None
    """Reported completion tokens; by default a rough count from ``content``."""
    headers: dict[str, str] = field(default_factory=dict)
    """Extra response headers, e.g. ``{"retry-after-ms": "10"}``."""
    tool_calls: list[dict[str, Any]] | None = None
    """OpenAI-style tool calls to answer with, e.g. ``{"function": {"name": ..., "arguments": ...}}``."""

    @property
    def finish(self) -> str:
        """The finish reason sent."""
        if self.finish_reason is not None:
            return self.finish_reason
        return "tool_calls" if self.tool_calls else "stop"

    def wire_tool_calls(self) -> list[dict[str, Any]]:
        """The tool calls as sent: every one with an id, a type and string arguments."""
        return [_wire_tool_call(index, call) for index, call in enumerate(self.tool_calls or [])]


class ScriptedServer:
    """Serves scripted replies over HTTP until stopped; use as a context manager."""

    def __init__(
        self,
        replies: Iterable[Reply | str] = (),
        *,
        api_key: str | None = None,
        rules: Mapping[str, Reply | str] | None = None,
        honour_n: bool = True,
    ) -> None:
        self.api_key = api_key
        self.honour_n = honour_n
        """Answer a request's ``n`` with that many scripted replies as choices (False: one, as Ollama does)."""
        self.requests: list[dict[str, Any]] = []
        self._rules = {key: _as_reply(value) for key, value in (rules or {}).items()}
        self._replies: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.add(*replies)

    def add(self, *replies: Reply | str) -> None:
        """Append replies to the script; a plain string is a 200 reply with that content."""
        with self._lock:
            self._replies.extend(_as_reply(r) for r in replies)

    @property
    def remaining(self) -> int:
        """How many scripted replies have not been served yet."""
        with self._lock:
            return len(self._replies)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``, for ``openai.OpenAI(base_url=...)``."""
        if self._httpd is None:
            raise RuntimeError("ScriptedServer is not started")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> ScriptedServer:
        if self._httpd is not None:
            raise RuntimeError("ScriptedServer is already started")
        self._stopping.clear()
        self._httpd = _HTTPServer(("127.0.0.1", 0), self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="aegis-fakeserver",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut short any delayed reply and wait for every handler thread to end."""
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        if thread is not None:
            thread.join()
        self._httpd = self._thread = None

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _record(self, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)

    def _next_reply(self, body: dict[str, Any]) -> Reply | None:
        prompt = _prompt_text(body)
        for needle, reply in self._rules.items():
            if needle in prompt:
                return reply
        with self._lock:
            return self._replies.popleft() if self._replies else None

    def _more_replies(self, body: dict[str, Any]) -> list[Reply]:
        """The further choices a request's ``n`` asks for: the next plain replies, as many as there are."""
        n = body.get("n")
        wanted = n - 1 if self.honour_n and isinstance(n, int) and n > 1 else 0
        more: list[Reply] = []
        with self._lock:
            while len(more) < wanted and self._replies and self._replies[0].status < 400:
                more.append(self._replies.popleft())
        return more

    def _authorized(self, authorization: str | None) -> bool:
        return self.api_key is None or authorization == f"Bearer {self.api_key}"

    def _wait(self, delay: float) -> bool:
        """Sleep ``delay`` seconds; False when the server is stopping and the reply should be dropped."""
        return not self._stopping.wait(delay) if delay > 0 else not self._stopping.is_set()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = False  # so server_close() joins in-flight handlers
    block_on_close = True

    def __init__(self, address: tuple[str, int], script: ScriptedServer) -> None:
        super().__init__(address, _Handler)
        self.script = script

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client went away first, e.g. it timed out
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10.0  # a connected but silent client cannot pin a handler thread forever
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        return

    @property
    def _route(self) -> str:
        return self.path.split("?", 1)[0].rstrip("/")

    def do_GET(self) -> None:
        if not self.server.script._authorized(self.headers.get("Authorization")):
            self._send_error(401, "Incorrect API key provided.")
        elif self._route == "/v1/models":
            self._send_json(200, _models_body())
        else:
            self._send_error(404, f"Unknown path {self.path}")

    def do_POST(self) -> None:
        body = self._read_json()
        if self._route != "/v1/chat/completions":
            self._send_error(404, f"Unknown path {self.path}")
        elif body is None:
            self._send_error(400, "Request body is not a JSON object.")
        else:
            self.server.script._record(body)
            self._chat(body)

    def _chat(self, body: dict[str, Any]) -> None:
        script = self.server.script
        if not script._authorized(self.headers.get("Authorization")):
            self._send_error(401, "Incorrect API key provided.")
            return
        reply = script._next_reply(body)
        if reply is None:
            self._send_error(500, "script exhausted: no scripted reply left", {"x-should-retry": "false"})
        elif script._wait(reply.delay):
            self._answer(body, reply)
        else:
            self.close_connection = True  # stopping: drop the reply and hang up

    def _answer(self, body: dict[str, Any], reply: Reply) -> None:
        if reply.status >= 400:
            self._send_error(reply.status, reply.content or f"Scripted error {reply.status}", reply.headers)
        elif body.get("stream"):
            self._send_stream(body, reply)
        else:
            more = self.server.script._more_replies(body)
            self._send_json(reply.status, _completion(body, reply, *more), reply.headers)

    def _read_json(self) -> dict[str, Any] | None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    def _send_head(self, status: int, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        for name, value in headers.items():
            self.send_header(name, value)

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self._send_head(status, "application/json", headers or {})
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send_json(status, _error_body(status, message), headers)

    def _send_stream(self, body: dict[str, Any], reply: Reply) -> None:
        self._send_head(200, "text/event-stream", {"Cache-Control": "no-cache", **reply.headers})
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        for chunk in _stream_chunks(body, reply):
            self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
        self.wfile.write(b"data: [DONE]\n\n")


def _as_reply(reply: Reply | str) -> Reply:
    return Reply(content=reply) if isinstance(reply, str) else reply


def _wire_tool_call(index: int, call: dict[str, Any]) -> dict[str, Any]:
    function = dict(call.get("function") or {})
    arguments = function.get("arguments", {})
    function["arguments"] = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {"id": f"call_{index}_{uuid.uuid4().hex[:8]}", "type": "function", **call, "function": function}


def _error_body(status: int, message: str) -> dict[str, Any]:
    kinds: dict[int, tuple[str, str | None]] = {
        401: ("invalid_request_error", "invalid_api_key"),
        404: ("invalid_request_error", "not_found"),
        429: ("requests", "rate_limit_exceeded"),
    }
    default = ("server_error", None) if status >= 500 else ("invalid_request_error", None)
    kind, code = kinds.get(status, default)
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def _models_body() -> dict[str, Any]:
    model = {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "aegis"}
    return {"object": "list", "data": [model]}


def _completion(request: dict[str, Any], reply: Reply, *more: Reply) -> dict[str, Any]:
    """One choice a reply; the usage is the first reply's, plus what the others wrote."""
    choices = []
    for index, each in enumerate((reply, *more)):
        message: dict[str, Any] = {"role": "assistant", "content": each.content}
        if each.tool_calls:
            message.update(content=each.content or None, tool_calls=each.wire_tool_calls())
        choices.append({"index": index, "message": message, "finish_reason": each.finish, "logprobs": None})
    usage = _usage(request, reply)
    for each in more:
        usage["completion_tokens"] += _usage(request, each)["completion_tokens"]
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    return {**_envelope(request, "chat.completion"), "choices": choices, "usage": usage}


def _stream_chunks(request: dict[str, Any], reply: Reply) -> Iterator[dict[str, Any]]:
    """Role delta, content deltas, a tool-calls delta, the finish delta, then usage if ``include_usage``."""
    envelope = _envelope(request, "chat.completion.chunk")
    pieces = [reply.content[i : i + _STREAM_PIECE] for i in range(0, len(reply.content), _STREAM_PIECE)]
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
    deltas += [{"content": piece} for piece in pieces]
    if reply.tool_calls:
        deltas.append({"tool_calls": [{"index": i, **call} for i, call in enumerate(reply.wire_tool_calls())]})
    for delta in deltas:
        yield {**envelope, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
    yield {**envelope, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish}]}
    options = request.get("stream_options")
    if isinstance(options, dict) and options.get("include_usage"):
        yield {**envelope, "choices": [], "usage": _usage(request, reply)}


def _envelope(request: dict[str, Any], kind: str) -> dict[str, Any]:
    model = request.get("model")
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": kind,
        "created": int(time.time()),
        "model": model if isinstance(model, str) else MODEL_ID,
    }


def _usage(request: dict[str, Any], reply: Reply) -> dict[str, int]:
    prompt = reply.prompt_tokens
    if prompt is None:
        prompt = _rough_tokens(_prompt_text(request))
    completion = reply.completion_tokens
    if completion is None:
        completion = _rough_tokens(reply.content + (json.dumps(reply.tool_calls) if reply.tool_calls else ""))
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _prompt_text(request: dict[str, Any]) -> str:
    texts: list[str] = []
    for message in request.get("messages") or []:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            texts.extend(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return "\n".join(texts)


def _rough_tokens(text: str) -> int:
    return math.ceil(len(text) / 4)
