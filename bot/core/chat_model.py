"""The chat model port: a LangChain chat model built once from settings, or None.

None is the default and means the offline extractive answers. Any LangChain chat model fits
the port (tests pass `FakeListChatModel`); the one built here comes from `init_chat_model`,
wrapped in `.with_retry()` so one dropped connection does not cost an LLM answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from indexer.chat_model import ChatModel
from indexer.errors import ConfigError
from indexer.settings import LlmProvider, Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

__all__ = ["ChatModel", "build_chat_model"]

_PROVIDERS: dict[LlmProvider, str] = {
    "openai": "openai",
    "azure": "azure_openai",
    "ollama": "ollama",
}
TIMEOUT_S = 60
ATTEMPTS = 2


def build_chat_model(settings: Settings) -> ChatModel | None:
    """A chat model from LAERINGSBOT_LLM_*, or None for the offline extractive default."""
    if settings.llm_provider == "none":
        return None
    from langchain.chat_models import init_chat_model  # imported only when one is configured

    try:
        model = cast("BaseChatModel", init_chat_model(  # untyped factory
            settings.llm_model,
            model_provider=_PROVIDERS[settings.llm_provider],
            temperature=settings.llm_temperature,
            **_connection(settings),
        ))
    except Exception as exc:  # provider libraries raise their own validation errors
        raise ConfigError(f"Ugyldig LLM-oppsett (LAERINGSBOT_LLM_*): {exc}") from exc
    return model.with_retry(stop_after_attempt=ATTEMPTS)


def _connection(settings: Settings) -> dict[str, Any]:
    """Where and how to reach the provider; retries are left to `.with_retry()` alone."""
    if settings.llm_provider == "azure":
        return {
            "azure_deployment": settings.llm_model,
            "azure_endpoint": settings.llm_base_url,
            "api_key": settings.llm_api_key,
            "api_version": settings.llm_api_version,
            "timeout": TIMEOUT_S,
            "max_retries": 0,
        }
    if settings.llm_provider == "openai":
        return {
            "base_url": settings.llm_base_url,
            "api_key": settings.llm_api_key or "not-needed",  # local servers want none
            "timeout": TIMEOUT_S,
            "max_retries": 0,
        }
    return {"base_url": settings.llm_base_url}
