"""build_chat_model: LAERINGSBOT_LLM_* settings to a LangChain chat model, retried once."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langchain_ollama import ChatOllama
from langchain_openai import AzureChatOpenAI, ChatOpenAI

from bot.core.chat_model import build_chat_model
from indexer.errors import ConfigError
from indexer.settings import Settings


def _settings(provider: str, base_url: str | None = None, **extra: object) -> Settings:
    return Settings(llm_provider=provider, llm_model="modell", llm_base_url=base_url,
                    llm_temperature=0.3, **extra)  # type: ignore[arg-type]


def test_no_provider_means_no_model():
    assert build_chat_model(Settings(llm_provider="none")) is None


@pytest.mark.parametrize(
    ("provider", "url", "expected"),
    [("openai", "http://127.0.0.1:9/v1", ChatOpenAI),
     ("azure", "https://eksempel.openai.azure.com", AzureChatOpenAI),
     ("ollama", "http://127.0.0.1:9", ChatOllama)],
)
def test_each_provider_gets_its_langchain_class_and_settings(provider, url, expected):
    model = build_chat_model(_settings(provider, url, llm_api_key="nøkkel"))
    inner = model.bound  # type: ignore[union-attr]  # the model inside .with_retry()
    assert type(inner) is expected
    assert inner.temperature == 0.3
    assert (getattr(inner, "model_name", None) or getattr(inner, "model", None)) == "modell"


def test_azure_without_an_endpoint_names_the_settings(monkeypatch):
    monkeypatch.delenv("AZURE_OPENAI_ENDPOINT", raising=False)
    with pytest.raises(ConfigError, match=r"LAERINGSBOT_LLM_\*"):
        build_chat_model(_settings("azure", None, llm_api_key="nøkkel"))


@pytest.fixture
def flaky_server() -> Iterator[tuple[str, list[int]]]:
    """An OpenAI-compatible endpoint whose first request fails with 500."""
    statuses: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            status = 500 if not statuses else 200
            statuses.append(status)
            body = json.dumps({
                "id": "1", "object": "chat.completion", "created": 0, "model": "modell",
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": "Hei [1]."}}],
            } if status == 200 else {"error": {"message": "overbelastet"}}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", statuses
    server.shutdown()


def test_one_failed_call_is_retried(flaky_server):
    url, statuses = flaky_server
    model = build_chat_model(_settings("openai", url))
    assert model is not None
    assert model.invoke("Hei?").text == "Hei [1]."
    assert statuses == [500, 200]
