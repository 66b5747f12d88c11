"""Meeting minutes in chat: a referat's summary, who attended and as what, and what the
meetings decided, all answered from the records `indexer.minutes` read at index time."""

from bot.minutes.route import try_answer

__all__ = ["try_answer"]
