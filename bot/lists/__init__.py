"""Complete, cited answers to list, count and compare questions, from the project catalogue."""

from bot.lists.answer import try_answer

__all__ = ["try_answer"]
