"""Remove Norwegian national identity numbers before anything is chunked, embedded or cited.

Referat and case notes sometimes carry a fødselsnummer or D-nummer, and so do file names; they
must never reach the store, a citation or a log. Only numbers that pass the official check digits
and carry a real date are removed, so account numbers, org numbers and phone-like numbers stay as
written. The number may be written in one run or grouped where people group it (after the day,
month and year, and after the individual number: «24128345619», «241283 45619»,
«241283 456 19», «24.12.83-456 19»). This is the one detector: the bot masks user text with it too.
"""

from __future__ import annotations

import re

from stdnum.no import fodselsnummer

from indexer.models import LoadedDocument

REDACTED = "[fødselsnummer fjernet]"

# Space, no-break spaces, dot, hyphens and dashes: one between two groups, or none.
_SEP = r"[ .\u00a0\u2009\u202f\-\u2010\u2011\u2013]?"
# DD MM YY III KK, never part of a longer run of digits.
_CANDIDATE = re.compile(
    rf"(?<![0-9])([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}([0-9]{{3}}){_SEP}"
    rf"([0-9]{{2}})(?![0-9])"
)


def is_personal_number(digits: str) -> bool:
    """True for a valid fødselsnummer or D-nummer (day + 40): both check digits and a real date.

    python-stdnum handles D-numbers itself; it rejects FH-numbers (day 80+), which carry no date.
    """
    return len(digits) == 11 and digits.isascii() and fodselsnummer.is_valid(digits)


def redact_personal_numbers(text: str) -> tuple[str, int]:
    """Replace each valid fødselsnummer/D-nummer with a marker; return the text and the count."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if not is_personal_number("".join(match.groups())):
            return match.group(0)
        count += 1
        return REDACTED

    return _CANDIDATE.sub(replace, text), count


def mask_personal_numbers(text: str) -> str:
    """The text with every personal number masked (user messages, log lines)."""
    return redact_personal_numbers(text)[0]


def redact_document(doc: LoadedDocument) -> tuple[LoadedDocument, int]:
    """The document with personal numbers masked in its text, front matter and file name (the
    name becomes the stored source and, without a better one, the title); and the count."""
    text, count = redact_personal_numbers(doc.text)
    front_matter: dict[str, str] = {}
    for key, value in doc.front_matter.items():
        front_matter[key], found = redact_personal_numbers(value)
        count += found
    source, found = redact_personal_numbers(doc.source)
    path = mask_personal_numbers(doc.path)
    update = {"text": text, "front_matter": front_matter, "source": source, "path": path}
    return doc.model_copy(update=update), count + found
