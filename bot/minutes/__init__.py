"""Meeting minutes: summaries of one referat, decisions across meetings."""

from bot.minutes.route import try_answer

__all__ = ["try_answer"]
