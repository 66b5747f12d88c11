"""Log lines keep no personal numbers: a handler filter that redacts the formatted message and
any traceback with the indexer's own fødselsnummer/D-nummer detector, whatever logged it
(our code, the SDK, aiohttp)."""

from __future__ import annotations

import logging

from indexer.ingest.privacy import redact_personal_numbers

_TRACEBACKS = logging.Formatter()


def _clean(text: str) -> str:
    return redact_personal_numbers(text)[0]


class PersonalNumberFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = _clean(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _clean(record.exc_text)
        if record.stack_info:
            record.stack_info = _clean(record.stack_info)
        return True


def redact_logs(handler: logging.Handler) -> None:
    if not any(isinstance(f, PersonalNumberFilter) for f in handler.filters):
        handler.addFilter(PersonalNumberFilter())
