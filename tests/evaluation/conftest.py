"""Every corpus the question sets were written over, indexed once with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.settings import Settings
from tests.conftest import KNOWLEDGE, REPO

SHARED = REPO.parent / "shared"
CORPORA = [KNOWLEDGE, SHARED / "knowledge-real", REPO / "eval" / "corpus"]
# Documents writers wrote of their own (ten each), each corpus indexed on its own.
OWN_CORPORA = {name: [REPO / "eval" / name] for name in ("corpus2", "corpus3")}


@pytest.fixture(scope="session")
def eval_core(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.engine import build_core
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import index_deps, open_store

    if not all(folder.is_dir() for folder in CORPORA):
        pytest.skip("../shared (knowledge-real) is not beside the repo")
    data = tmp_path_factory.mktemp("eval-data")
    settings = Settings(data_dir=data, _env_file=None)  # type: ignore[call-arg]
    report = index_paths(CORPORA, index_deps(settings, open_store(settings)))
    assert not report.errors, report.errors
    return build_core(settings)


@pytest.fixture(scope="session")
def tutorial(tmp_path_factory, eval_core):  # type: ignore[no-untyped-def]
    from bot.evaluation.tutorial import TutorialPipeline

    return TutorialPipeline(CORPORA, eval_core.ctx.embeddings, Path(tmp_path_factory.mktemp("tut")))


@pytest.fixture(scope="session")
def own_corpus_core(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A writer's own corpus alone, with the tutorial pipeline over the same documents: built
    the first time a set over it is evaluated."""
    from bot.engine import build_core
    from bot.evaluation.tutorial import TutorialPipeline
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import index_deps, open_store

    built = {}

    def core_of(name: str):  # type: ignore[no-untyped-def]
        if name not in built:
            folders = OWN_CORPORA[name]
            data = tmp_path_factory.mktemp(f"{name}-data")
            settings = Settings(data_dir=data, _env_file=None)  # type: ignore[call-arg]
            report = index_paths(folders, index_deps(settings, open_store(settings)))
            assert not report.errors, report.errors
            core = build_core(settings)
            built[name] = core, TutorialPipeline(folders, core.ctx.embeddings,
                                                 Path(tmp_path_factory.mktemp(f"tut-{name}")))
        return built[name]

    return core_of
