"""The choices of an either-or question: «Ble overgangsperioden to eller tre år?» is not
answered by «Solberg-regjeringen foreslo en toårs overgangsperiode» alone when another source
sentence says what became of it («… å utvide overgangsperioden til tre år»)."""

from __future__ import annotations

import re

from bot.facts.candidates import Candidate
from bot.facts.features import QuestionView
from bot.facts.gate import Scored
from bot.facts.holds import near_saying

SCAN = 12  # how far down a part's ranking a sentence saying a choice is looked for


def choices_missing(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                    supporting: float) -> list[Candidate]:
    """Each choice the question offers that no picked sentence says takes the best-ranked
    sentence saying it, if the model finds it nearly as likely (the `supporting` share of the
    part's best)."""
    added: list[Candidate] = []
    for part, ranked in zip(view.parts, per_part, strict=True):
        if not ranked:
            continue
        floor = supporting * ranked[0].probability
        for choice in part.part.alternatives:
            said = _saying(choice)
            if any(said.search(c.text) for c in picked + added):
                continue
            found = near_saying(ranked, lambda c, said=said: bool(said.search(c.text)),
                                picked + added, floor, SCAN)
            if found is not None:
                added.append(found)
    return added


def _saying(choice: str) -> re.Pattern[str]:
    """The choice as words of a sentence, its noun in any form («tre år», «tre åra»)."""
    *head, last = choice.split()
    words = [re.escape(w) for w in head] + [re.escape(last[:max(3, len(last) - 1)]) + r"\w*"]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)
