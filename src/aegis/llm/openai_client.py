"""What the OpenAI-compatible backends share: the providers and their keys, the SDK client, error mapping.

target(config) -> (provider, model) | None     which server a model spec names, if an OpenAI-compatible one
connect(config, provider) -> openai.OpenAI     a client with the configured retries and total timeout per try
check_url(base_url)                            a base URL httpx cannot use -> ConfigError, one line
mapped_errors(model, client)                   SDK errors -> LLMAuthError (never retried) or LLMError
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx2
import openai

from aegis.config import LLMConfig
from aegis.errors import ConfigError, LLMAuthError, LLMError
from aegis.llm.deadline import deadline_client


@dataclass(frozen=True)
class Provider:
    base_url: str | None
    key_env: str | None
    """Env var holding the key; None means the server needs none."""


PROVIDERS: dict[str, Provider] = {
    "openai": Provider(None, "OPENAI_API_KEY"),
    "gemini": Provider("https://generativelanguage.googleapis.com/v1beta/openai/", "GEMINI_API_KEY"),
    "ollama": Provider("http://127.0.0.1:11434/v1", None),
    "custom": Provider(None, None),
}


def target(config: LLMConfig) -> tuple[str, str] | None:
    """`openai:M`, `gemini:M`, `ollama:M`, or any name with a base URL ("custom"); None for other specs."""
    provider, _, name = config.model.partition(":")
    if provider in ("openai", "gemini", "ollama") and name:
        return provider, name
    if config.base_url:
        return "custom", config.model
    return None


def connect(config: LLMConfig, provider: str) -> openai.OpenAI:
    """The SDK retries 429/5xx/timeouts/resets with backoff, never 401/403."""
    spec = PROVIDERS[provider]
    return client(config, base_url=config.base_url or spec.base_url, api_key=api_key(spec))


def client(config: LLMConfig, *, base_url: str | None, api_key: str) -> openai.OpenAI:
    """`config.timeout` bounds each try in all (deadline.py), not only each read; a bad base URL is a ConfigError."""
    check_url(base_url)
    return openai.OpenAI(
        base_url=base_url,
        api_key=api_key,
        max_retries=config.max_retries,
        timeout=config.timeout,
        http_client=deadline_client(config.timeout),
    )


def check_url(base_url: str | None) -> None:
    if base_url is None:
        return
    try:
        url = httpx2.URL(base_url)
    except (httpx2.InvalidURL, ValueError) as exc:
        raise ConfigError(f"--base-url {base_url}: invalid URL ({exc})") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigError(f"--base-url {base_url}: invalid URL (not http:// or https:// with a host)")


def api_key(spec: Provider) -> str:
    if spec.key_env is None:
        return os.environ.get("AEGIS_API_KEY") or os.environ.get("OPENAI_API_KEY") or "none"
    key = os.environ.get(spec.key_env)
    if not key:
        raise LLMAuthError(f"no API key: set {spec.key_env} in the environment")
    return key


@contextmanager
def mapped_errors(model: str, sdk: openai.OpenAI) -> Iterator[None]:
    try:
        yield
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        raise LLMAuthError(f"{model}: the server rejected the API key ({exc.status_code})") from None
    except openai.APIStatusError as exc:
        raise LLMError(f"{model}: HTTP {exc.status_code} after retries: {short(exc.message)}") from None
    except openai.APITimeoutError:
        within = f" within {sdk.timeout:g} s" if isinstance(sdk.timeout, int | float) else ""
        raise LLMError(f"{model}: no complete answer from {sdk.base_url}{within} (llm.timeout)") from None
    except openai.APIConnectionError as exc:
        raise LLMError(f"{model}: cannot reach {sdk.base_url}: {short(str(exc))}") from None


def short(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
