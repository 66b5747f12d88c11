"""What a Teams activity says: its tenant, whether it is for the bot, the user's words and
their language. Read apart from the handler so it stays a thin translator."""

from __future__ import annotations

import re
from contextlib import suppress

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.core.models import Language
from bot.teams.cards import pressed_text
from indexer.text.language import detect_language

_AT_TAG = re.compile(r"<at[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)


def tenant_of(activity: Activity) -> str | None:
    data: object = activity.channel_data
    tenant: object = data.get("tenant") if isinstance(data, dict) else None
    found: object = tenant.get("id") if isinstance(tenant, dict) else None
    found = found or (activity.conversation.tenant_id if activity.conversation else None)
    return found if isinstance(found, str) else None


def mentions_bot(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    mentioned = (m.additional_properties.get("mentioned") for m in TurnContext.get_mentions(activity))
    return any(isinstance(who, dict) and who.get("id") == bot_id for who in mentioned)


def question_of(activity: Activity) -> str | None:
    """The user's text without the bot's @mention; None when a group message is not for us.

    A button on one of our cards speaks for the user (`cards.say_button`), in any chat."""
    if (pressed := pressed_text(activity.value)) is not None:
        return " ".join(pressed.split())
    conversation_type = activity.conversation.conversation_type if activity.conversation else None
    mentioned = mentions_bot(activity)
    if conversation_type in ("groupChat", "channel") and not mentioned:
        return None
    text = activity.text or ""
    if mentioned:
        # The SDK's stripping fails on odd mention entities and on names regexes choke on;
        # whatever it leaves, the <at> tags go.
        with suppress(KeyError, TypeError, re.error):
            text = TurnContext.remove_recipient_mention(activity) or ""
        text = _AT_TAG.sub(" ", text)
    return " ".join(text.split())


def language_of(activity: Activity | None) -> Language:
    """The language of what the user wrote, judged as the core judges it (Bokmål without text)."""
    return detect_language((activity.text if activity else None) or "")
