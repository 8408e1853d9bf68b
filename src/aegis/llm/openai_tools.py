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
from aegis.errors import LLMError
from aegis.llm.openai_client import mapped_errors
from aegis.schema import Usage


class OpenAIToolLLM:
    """Matches aegis.generate.tool_loop.ToolLLM; ``usage`` adds up the tokens of every answer."""

    def __init__(self, config: LLMConfig, *, model: str, client: openai.OpenAI) -> None:
        self.name = model
        self.usage = Usage()
        self._config = config
        self._client = client

    def chat(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
        with mapped_errors(self.name, self._client):
            response = self._client.chat.completions.create(
                model=self.name,
                messages=cast(list[ChatCompletionMessageParam], messages),
                tools=cast(list[ChatCompletionToolParam], tools),
                max_tokens=self._config.max_tokens,
                temperature=self._config.temperature,
                seed=self._config.seed,
            )
        return self._message(response)

    def close(self) -> None:
        self._client.close()

    def _message(self, response: openai.types.chat.ChatCompletion) -> dict[str, Any]:
        if not response.choices:
            raise LLMError(f"{response.model}: the answer had no choices")
        if response.usage:
            self.usage += Usage(
                prompt_tokens=response.usage.prompt_tokens, completion_tokens=response.usage.completion_tokens
            )
        message = response.choices[0].message
        reply: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [call.model_dump(exclude_none=True) for call in message.tool_calls]
        return reply
