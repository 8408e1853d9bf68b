"""The scripted OpenAI-compatible server, driven by the real ``openai`` client."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from fakeserver import MODEL_ID, Reply, ScriptedServer

FAST_RETRY = {"retry-after-ms": "10"}
MESSAGES: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Write a calculator app please."}]


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer([]) as srv:
        yield srv


def make_client(srv: ScriptedServer, **kwargs: object) -> openai.OpenAI:
    options: dict[str, Any] = {"api_key": "test", "max_retries": 2, **kwargs}
    return openai.OpenAI(base_url=srv.base_url, **options)


def ask(srv: ScriptedServer, **kwargs: object) -> str | None:
    with make_client(srv, **kwargs) as client:
        completion = client.chat.completions.create(model="gpt-test", messages=MESSAGES)
    return completion.choices[0].message.content


def test_plain_completion_round_trips_content_usage_and_finish_reason(server: ScriptedServer) -> None:
    server.add(Reply("print('hi')", finish_reason="length", prompt_tokens=12, completion_tokens=3))
    with make_client(server) as client:
        completion = client.chat.completions.create(model="gpt-test", messages=MESSAGES, temperature=0.2)
    choice = completion.choices[0]
    assert (choice.message.role, choice.message.content, choice.finish_reason) == (
        "assistant",
        "print('hi')",
        "length",
    )
    assert completion.model == "gpt-test"
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (12, 3)
    assert completion.usage.total_tokens == 15
    assert server.requests == [{"model": "gpt-test", "messages": MESSAGES, "temperature": 0.2}]


def test_default_usage_is_a_rough_count_of_prompt_and_content(server: ScriptedServer) -> None:
    server.add("x" * 40)
    with make_client(server) as client:
        completion = client.chat.completions.create(model="m", messages=MESSAGES)
    assert completion.usage is not None
    assert completion.usage.completion_tokens == 10
    assert 0 < completion.usage.prompt_tokens < len("Write a calculator app please.")


def test_rate_limit_is_retried_transparently_honouring_retry_after(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.add(Reply(status=429, headers=FAST_RETRY), "second time lucky")
    caplog.set_level(logging.INFO, logger="openai")
    started = time.monotonic()
    assert ask(server) == "second time lucky"
    assert time.monotonic() - started < 0.4  # the SDK's own backoff would wait 0.375-0.5 s
    assert len(server.requests) == 2
    assert "Retrying request in 0.010000 seconds (retry 1 of 2)" in caplog.messages


def test_auth_error_is_raised_and_not_retried(server: ScriptedServer) -> None:
    server.add(Reply("Incorrect API key provided.", status=401), "never served")
    with pytest.raises(openai.AuthenticationError, match="Incorrect API key"):
        ask(server)
    assert len(server.requests) == 1
    assert server.remaining == 1


def test_wrong_bearer_key_gets_401_without_consuming_the_script() -> None:
    with ScriptedServer(["hello"], api_key="right") as srv:
        with pytest.raises(openai.AuthenticationError):
            ask(srv, api_key="wrong")
        assert ask(srv, api_key="right") == "hello"
        assert len(srv.requests) == 2


def test_server_errors_exhaust_retries(server: ScriptedServer) -> None:
    server.add(*[Reply("boom", status=500, headers=FAST_RETRY)] * 3, "too late")
    with pytest.raises(openai.InternalServerError, match="boom"):
        ask(server, max_retries=2)
    assert len(server.requests) == 3
    assert server.remaining == 1


def test_streaming_delivers_content_finish_reason_and_usage(server: ScriptedServer) -> None:
    content = "import sys\nfrom PySide6.QtWidgets import QApplication\n"
    server.add(Reply(content, prompt_tokens=7, completion_tokens=11))
    with make_client(server) as client:
        stream = client.chat.completions.create(
            model="gpt-test", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
        )
        chunks = list(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == content
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage is not None
    assert (chunks[-1].usage.prompt_tokens, chunks[-1].usage.completion_tokens) == (7, 11)
    assert server.requests[0]["stream"] is True


def test_streaming_without_include_usage_sends_no_usage_chunk(server: ScriptedServer) -> None:
    server.add("hello")
    with make_client(server) as client:
        chunks = list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    assert all(c.choices and c.usage is None for c in chunks)


def test_delayed_reply_times_out_and_server_still_stops_promptly() -> None:
    srv = ScriptedServer([Reply("late", delay=5.0)]).start()
    try:
        with pytest.raises(openai.APITimeoutError):
            ask(srv, timeout=0.5, max_retries=0)
    finally:
        started = time.monotonic()
        srv.stop()
    assert time.monotonic() - started < 1.0
    assert len(srv.requests) == 1


def test_stop_cuts_short_a_reply_still_in_flight() -> None:
    srv = ScriptedServer([Reply("late", delay=30.0)]).start()
    errors: list[BaseException] = []

    def call() -> None:
        try:
            ask(srv, max_retries=0)
        except openai.APIError as err:
            errors.append(err)

    caller = threading.Thread(target=call)
    caller.start()
    while not srv.requests:
        time.sleep(0.01)
    started = time.monotonic()
    srv.stop()
    caller.join(timeout=5)
    assert time.monotonic() - started < 1.0
    assert [type(e) for e in errors] == [openai.APIConnectionError]


def test_exhausted_script_fails_loudly_without_retrying(server: ScriptedServer) -> None:
    server.add("only one")
    assert ask(server) == "only one"
    with pytest.raises(openai.InternalServerError, match="script exhausted"):
        ask(server, max_retries=2)
    assert len(server.requests) == 2


def test_models_lists_one_model(server: ScriptedServer) -> None:
    with make_client(server) as client:
        assert [m.id for m in client.models.list()] == [MODEL_ID]


def test_base_url_needs_a_started_server() -> None:
    srv = ScriptedServer(["unused"])
    with pytest.raises(RuntimeError, match="not started"):
        _ = srv.base_url
    with srv:
        assert srv.base_url.startswith("http://127.0.0.1:")
        assert srv.base_url.endswith("/v1")
