"""The chat model port, shared by both sides: any LangChain chat model, or a runnable around one.

Callers only `invoke` or `batch` a prompt (text or messages) and read the reply message, so a
retry wrapper fits as well as a bare `BaseChatModel` or LangChain's fake chat models in tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # langchain_core takes a third of a second to import; annotations only
    from langchain_core.language_models import LanguageModelInput
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

ChatModel: TypeAlias = "Runnable[LanguageModelInput, BaseMessage]"
