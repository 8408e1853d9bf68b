"""The tiny test model really loads and chats in llama.cpp, as the local backend drives it."""

from pathlib import Path

import pytest

from tiny_gguf import write_tiny_gguf

xllamacpp = pytest.importorskip("xllamacpp")


def test_tiny_gguf_answers_a_chat_completion(tmp_path: Path) -> None:
    path = write_tiny_gguf(tmp_path / "tiny.gguf")
    params = xllamacpp.CommonParams()
    params.model.path = str(path)
    params.n_ctx = 512
    params.n_parallel = 1
    params.cpuparams.n_threads = 2
    params.cpuparams_batch.n_threads = 2
    params.warmup = False
    server = xllamacpp.Server(params)

    reply = server.handle_chat_completions(
        {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 16, "seed": 1}
    )

    assert isinstance(reply["choices"][0]["message"]["content"], str)
    assert reply["usage"]["completion_tokens"] > 0
