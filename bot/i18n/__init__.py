"""What the bot says, in Bokmål, Nynorsk and English: one catalogue of messages, and Babel for
dates and amounts. Faces and core modules call `t("area.key", language, **values)`."""

from bot.i18n.catalogue import LANGUAGES, CatalogueError, messages, t
from bot.i18n.formats import format_amount, format_date, format_month, format_number

__all__ = [
    "LANGUAGES", "CatalogueError", "format_amount", "format_date", "format_month",
    "format_number", "messages", "t",
]
