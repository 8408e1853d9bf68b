"""Chat with tools through the official ``openai`` SDK: the ToolLLM of ``--mode tools``.

Same providers, keys, retries and error mapping as ``OpenAICompatLLM``; the answer is the assistant message
as a plain dict (``content`` and, when the model called tools, ``tool_calls``), ready to append to the
conversation and send back.
"""

from __future__ import annotations

from typing import Any, cast

import openai
from openai.types.chat import ChatCompletionMessageParam, ChatCompletionToolParam

from aegis.config import LLMConfig
from aegis.errors import LLMAuthError, LLMError
from aegis.llm.openai_compat import PROVIDERS, _api_key, _short
from aegis.schema import Usage


class OpenAIToolLLM:
    """Matches aegis.tool_loop.ToolLLM; ``usage`` adds up the tokens of every answer."""

    def __init__(self, config: LLMConfig, *, model: str, base_url: str | None, api_key: str) -> None:
        self.name = model
        self.usage = Usage()
        self._config = config
        self._client = openai.OpenAI(
            base_url=base_url, api_key=api_key, max_retries=config.max_retries, timeout=config.timeout
        )

    @classmethod
    def for_provider(cls, config: LLMConfig, provider: str, model: str) -> OpenAIToolLLM:
        spec = PROVIDERS[provider]
        return cls(config, model=model, base_url=config.base_url or spec.base_url, api_key=_api_key(spec))

    def chat(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
        try:
            response = self._client.chat.completions.create(
                model=self.name,
                messages=cast(list[ChatCompletionMessageParam], messages),
                tools=cast(list[ChatCompletionToolParam], tools),
                max_tokens=self._config.max_tokens,
                temperature=self._config.temperature,
                seed=self._config.seed,
            )
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise LLMAuthError(f"{self.name}: the server rejected the API key ({exc.status_code})") from None
        except openai.APIStatusError as exc:
            raise LLMError(f"{self.name}: HTTP {exc.status_code} after retries: {_short(exc.message)}") from None
        except openai.APIConnectionError as exc:
            raise LLMError(f"{self.name}: cannot reach {self._client.base_url}: {_short(str(exc))}") from None
        return self._message(response)

    def close(self) -> None:
        self._client.close()

    def _message(self, response: openai.types.chat.ChatCompletion) -> dict[str, Any]:
        if not response.choices:
            raise LLMError(f"{response.model}: the answer had no choices")
        if response.usage:
            self.usage = Usage(
                prompt_tokens=self.usage.prompt_tokens + response.usage.prompt_tokens,
                completion_tokens=self.usage.completion_tokens + response.usage.completion_tokens,
            )
        message = response.choices[0].message
        reply: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [call.model_dump(exclude_none=True) for call in message.tool_calls]
        return reply
