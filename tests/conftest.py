"""Shared fixtures. The only LLM double is a real OpenAI-compatible HTTP server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aegis.config import AegisConfig, load_config
from fakeserver import ScriptedServer


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests need no internet: any connection to a non-loopback address fails loudly."""
    original = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not _is_loopback(host):
            raise OSError(f"test tried to reach the network: {address!r}")
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture(autouse=True)
def _no_spec_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scripted replies start with the program: the model's spec round (on by default) is tested on its own."""
    monkeypatch.setenv("AEGIS_LOOP_SPEC", "false")


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv


@pytest.fixture
def config_for(tmp_path: Path) -> Any:
    """Config pointing the OpenAI-compatible backend at a scripted server, runs under tmp_path."""

    def make(srv: ScriptedServer, **sections: dict[str, Any]) -> AegisConfig:
        flags: dict[str, dict[str, Any]] = {
            "llm": {"model": "scripted-model", "base_url": srv.base_url, "max_retries": 2, "timeout": 30},
            "probe": {"timeout": 10, "settle": 0.3},
            "package": {"enabled": False},
            "runs": {"dir": tmp_path / "runs"},
            "loop": {"spec": False},
        }
        for name, values in sections.items():
            flags.setdefault(name, {}).update(values)
        return load_config(flags=flags, env={})

    return make
