"""Remove Norwegian national identity numbers before anything is chunked, embedded or cited.

Referat and case notes sometimes carry a fødselsnummer or D-nummer; they must never reach the
store. Only numbers that pass the official check digits and carry a real date are removed, so
account numbers, org numbers and phone-like numbers stay as written.
"""

from __future__ import annotations

import re

from stdnum.no import fodselsnummer

REDACTED = "[fødselsnummer fjernet]"

# Six date digits, an optional separator, five personal digits; never part of a longer run.
_CANDIDATE = re.compile(r"(?<![0-9])([0-9]{6})[ .\u00a0-]?([0-9]{5})(?![0-9])")


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
        if not is_personal_number(match.group(1) + match.group(2)):
            return match.group(0)
        count += 1
        return REDACTED

    return _CANDIDATE.sub(replace, text), count
