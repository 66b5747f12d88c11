"""Two questions in one message: «Hvor mange læringsnettverk finnes i Trøndelag?⏎Også: hva heter
brosjyren …?» asks two things, often of two documents; each is answered as a question of its
own. A later question that leans on the first («… Hvor mye kostet det?») is no question of its
own, and the message stays one question with parts.
"""

from __future__ import annotations

import re

from bot.core.understand.follow_up import opens_follow_up
from indexer.text.patterns import words

# A new line, or a word that opens another question after the first one's end
_ANOTHER = (r"også|òg|also|dessuten|p\.?\s?s\.?|et annet spørsmål|eit anna spørsmål|"
            r"another question|another thing|en ting til|ein ting til|og en annen ting")
_APART = re.compile(rf"\s*\n\s*|(?<=[?!.])\s+(?=(?:{_ANOTHER})\s*[:,])", re.I)
_OPENING = re.compile(rf"^(?:\d{{1,2}}[.)]|[-*•]|(?:{_ANOTHER})\s*[:,])\s*", re.I)
_ASKS = words("hva", "hvem", "hvor", "når", "hvilke", "hvilken", "hvilket", "hvordan", "hvorfor",
              "kva", "kven", "kvar", "kor", "korleis", "kvifor", "kan", "må", "er", "har",
              "finnes", "fins", "stemmer", "what", "who", "where", "when", "which", "how", "why",
              "can", "is", "are", "do", "does", "did", "has", "have", "was", "were")


def questions(text: str) -> tuple[str, ...]:
    """The message's questions when it holds several that each stand alone, else ()."""
    pieces = [_OPENING.sub("", piece).strip() for piece in _APART.split(text.strip())]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2 or not all(_asks(piece) for piece in pieces):
        return ()
    if any(_leans(piece) for piece in pieces[1:]):
        return ()
    return tuple(pieces)


# What a question names of its own: a name after its first word, a year, a date, a quote
_NAMED = re.compile(r"(?<=\s)[A-ZÆØÅ][\wæøåÆØÅ-]+|\b(?:19|20)\d\d\b|\b\d{1,2}\.\s?\d{1,2}\.|«[^»]+»")
# … and what points back at the question before it
_BACK = words("de", "dei", "dem", "deres", "deira", "den", "denne", "dette", "disse", "der", "dit",
              "hans", "hennes", "they", "them", "their", "it", "its", "there", "his", "her",
              r"prosjekt(?:et|ets|a|ene)", r"kommun(?:en|ens|ene|ane)", "nettverket", "møtet",
              r"samling(?:a|en)", "referatet", r"(?:slutt)?rapporten", "utlysningen",
              "utlysinga", r"the (?:project|municipality|meeting|report|call|network)")


def _leans(piece: str) -> bool:
    """«Og hva var målet?», «Hvor mye kostet det?», «Hva sa rapporten om kostnadene?»: a
    question that names nothing of its own and is short or points back."""
    if opens_follow_up(piece):
        return True
    if _NAMED.search(piece):
        return False
    return len(piece.split()) <= 6 or bool(_BACK.search(piece))


def _asks(piece: str) -> bool:
    """A question by its mark or by its first word («Hva heter brosjyren» without a «?»)."""
    return piece.endswith("?") or bool(_ASKS.match(piece))
