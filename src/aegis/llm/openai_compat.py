"""OpenAI-compatible chat backends through the official `openai` SDK (OpenAI, Gemini, Ollama, any server)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

import openai

from aegis.config import LLMConfig
from aegis.errors import LLMAuthError, LLMError
from aegis.schema import Completion, Message, Usage


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


class OpenAICompatLLM:
    """Chat completions over HTTP; the SDK retries 429/5xx/timeouts/resets with backoff, never 401/403."""

    def __init__(self, config: LLMConfig, *, model: str, base_url: str | None, api_key: str) -> None:
        self.name = model
        self._config = config
        self._client = openai.OpenAI(
            base_url=base_url, api_key=api_key, max_retries=config.max_retries, timeout=config.timeout
        )

    @classmethod
    def for_provider(cls, config: LLMConfig, provider: str, model: str) -> OpenAICompatLLM:
        spec = PROVIDERS[provider]
        return cls(config, model=model, base_url=config.base_url or spec.base_url, api_key=_api_key(spec))

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        started = time.monotonic()
        try:
            response = self._client.chat.completions.create(
                model=self.name,
                messages=[{"role": m.role, "content": m.content} for m in messages],  # type: ignore[misc]
                max_tokens=max_tokens,
                temperature=self._config.temperature,
                seed=seed,
            )
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise LLMAuthError(f"{self.name}: the server rejected the API key ({exc.status_code})") from None
        except openai.APIStatusError as exc:
            raise LLMError(f"{self.name}: HTTP {exc.status_code} after retries: {_short(exc.message)}") from None
        except openai.APIConnectionError as exc:
            raise LLMError(f"{self.name}: cannot reach {self._client.base_url}: {_short(str(exc))}") from None
        return _completion(response, time.monotonic() - started)

    def close(self) -> None:
        self._client.close()


def _api_key(spec: Provider) -> str:
    if spec.key_env is None:
        return os.environ.get("AEGIS_API_KEY") or os.environ.get("OPENAI_API_KEY") or "none"
    key = os.environ.get(spec.key_env)
    if not key:
        raise LLMAuthError(f"no API key: set {spec.key_env} in the environment")
    return key


def _completion(response: openai.types.chat.ChatCompletion, seconds: float) -> Completion:
    if not response.choices:
        raise LLMError(f"{response.model}: the answer had no choices")
    choice = response.choices[0]
    usage = response.usage
    return Completion(
        text=choice.message.content or "",
        finish_reason=choice.finish_reason or "stop",
        usage=Usage(
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
        ),
        seconds=seconds,
        model=response.model,
    )


def _short(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
