"""The `local` backend's real llama.cpp plumbing, on a tiny random-weight GGUF written at test time."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.config import LLMConfig
from aegis.errors import ConfigError
from aegis.llm import is_local, make_llm
from aegis.schema import Message
from tiny_gguf import write_tiny_gguf

pytest.importorskip("xllamacpp")

HELLO = [Message(role="system", content="You write code."), Message(role="user", content="hi")]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf")


def test_local_spec_loads_a_gguf_and_answers(tiny: Path) -> None:
    llm = make_llm(LLMConfig(model=f"local:{tiny}", n_ctx=512, threads=2))
    try:
        completion = llm.complete(HELLO, max_tokens=24, seed=3)
        again = llm.complete(HELLO, max_tokens=24, seed=3)
    finally:
        llm.close()
    assert llm.name == f"local:{tiny}"
    assert isinstance(completion.text, str) and completion.text
    assert completion.finish_reason == "length"
    assert completion.usage.completion_tokens == 24
    assert completion.usage.prompt_tokens > 0
    assert again.text == completion.text  # same seed, same answer


def test_runaway_repetition_is_cut_short(tiny: Path) -> None:
    # at temperature 0 the tiny model emits "[[[[..." forever
    llm = make_llm(LLMConfig(model=f"local:{tiny}", n_ctx=512, threads=2, temperature=0.0))
    try:
        completion = llm.complete(HELLO, max_tokens=400, seed=1)
    finally:
        llm.close()
    assert completion.finish_reason == "repetition"
    assert completion.usage.completion_tokens < 400


def test_the_first_of_several_answers_is_the_single_answer_and_the_rest_are_sampled(tiny: Path) -> None:
    llm = make_llm(
        LLMConfig(
            model=f"local:{tiny}", n_ctx=512, threads=2, candidates=3, candidates_together=True, sample_temperature=1.0
        )
    )
    try:
        single = llm.complete(HELLO, max_tokens=24, seed=5)
        answers = llm.complete_many(HELLO, n=3, max_tokens=24, seed=5)
        capped = llm.complete_many(HELLO, n=8, max_tokens=8, seed=6)  # no more answers than slots
    finally:
        llm.close()
    assert len(answers) == 3 and len(capped) == 3
    assert answers[0].text == single.text  # N candidates include what one would have been
    assert all(a.finish_reason == "length" and a.usage.completion_tokens == 24 for a in answers)
    assert len({a.text for a in answers}) == 3  # sampled, not copies
    assert answers[0].usage.prompt_tokens > 0 and answers[1].usage.prompt_tokens > 0  # two requests
    assert answers[2].usage.prompt_tokens == 0  # read once for the two sampled side by side: counted once


def test_a_sampled_answer_differs_from_the_single_one_and_is_repeatable(tiny: Path) -> None:
    llm = make_llm(LLMConfig(model=f"local:{tiny}", n_ctx=512, threads=2, sample_temperature=1.0))
    try:
        single = llm.complete(HELLO, max_tokens=24, seed=5)
        sampled = [llm.sample(HELLO, max_tokens=24, seed=seed) for seed in (6, 7, 6)]
    finally:
        llm.close()
    assert sampled[0].text != single.text and sampled[1].text != sampled[0].text
    assert sampled[2].text == sampled[0].text  # a seed gives the same sample again
    assert all(s.usage.completion_tokens == 24 for s in sampled)


def test_each_looping_answer_is_cut_on_its_own(tiny: Path) -> None:
    config = LLMConfig(
        model=f"local:{tiny}",
        n_ctx=512,
        threads=2,
        candidates=3,
        candidates_together=True,
        temperature=0,
        sample_temperature=0,
    )
    llm = make_llm(config)
    try:
        answers = llm.complete_many(HELLO, n=3, max_tokens=400, seed=1)
    finally:
        llm.close()
    assert [a.finish_reason for a in answers] == ["repetition"] * 3  # at 0 all loop, each is cut
    assert all(a.text and len(a.text) < 400 * 4 for a in answers)


def test_missing_gguf_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no-such.gguf"):
        make_llm(LLMConfig(model=f"local:{tmp_path / 'no-such.gguf'}"))


def test_non_gguf_file_is_refused_before_llama_cpp_sees_it(tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_text("print('not a model')")
    with pytest.raises(ConfigError, match="not a GGUF file"):
        make_llm(LLMConfig(model=f"local:{fake}"))


@pytest.mark.parametrize(("model", "local"), [("local", True), ("local:/m.gguf", True), ("localai", False)])
def test_only_the_local_provider_is_the_embedded_model(model: str, local: bool) -> None:
    """A server model named like 'localai' (with --base-url) is not run here, so no local context budget."""
    assert is_local(model) is local
