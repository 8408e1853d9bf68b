"""A total deadline on each HTTP request the openai SDK sends: connecting, sending, waiting and reading together.

httpx's timeouts count per read, so a server that trickles a byte a second never trips them. Here every socket
read and write waits at most the time the request has left, and one that starts after it is spent fails as a
timeout, which the SDK retries and then reports like any other (openai.APITimeoutError).

    deadline_client(seconds) -> httpx2.Client     for openai.OpenAI(http_client=...)
"""

from __future__ import annotations

import math
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore2
import httpx2
from openai import DefaultHttpxClient

Timeout = type[httpcore2.TimeoutException]
MAX_CONNECTIONS = 1000
"""The SDK's own connection limits (openai DEFAULT_CONNECTION_LIMITS)."""
MAX_KEEPALIVE = 100


def deadline_client(seconds: float) -> httpx2.Client:
    """The SDK's default httpx client, except that every request must be answered in full within `seconds`."""
    return DefaultHttpxClient(transport=DeadlineTransport(seconds))


class Deadline(threading.local):
    """When the current thread's request must be done (time.monotonic()); each thread has its own."""

    ends = math.inf

    def start(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def clip(self, timeout: float | None, expired: Timeout) -> float:
        """`timeout` cut to the time left; `expired` raised when none is left."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise expired("no complete answer within the time allowed (llm.timeout)")
        return left if timeout is None else min(timeout, left)


class DeadlineTransport(httpx2.HTTPTransport):
    """httpx's own transport, whose connections read and write through DeadlineBackend."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.deadline = Deadline()
        # httpx builds its pool without a way to pass a network backend, so the pool is built again here
        self._pool = httpcore2.ConnectionPool(
            ssl_context=httpx2.create_ssl_context(),
            max_connections=MAX_CONNECTIONS,
            max_keepalive_connections=MAX_KEEPALIVE,
            network_backend=DeadlineBackend(self.deadline),
        )

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        self.deadline.start(self.seconds)
        return super().handle_request(request)


class DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.inner = httpcore2.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        timeout = self.deadline.clip(timeout, httpcore2.ConnectTimeout)
        stream = self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return DeadlineStream(stream, self.deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.NetworkStream:
        timeout = self.deadline.clip(timeout, httpcore2.ConnectTimeout)
        return DeadlineStream(self.inner.connect_unix_socket(path, timeout, socket_options), self.deadline)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, inner: httpcore2.NetworkStream, deadline: Deadline) -> None:
        self.inner = inner
        self.deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.deadline.clip(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.deadline.clip(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore2.NetworkStream:
        timeout = self.deadline.clip(timeout, httpcore2.ConnectTimeout)
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, timeout), self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)
