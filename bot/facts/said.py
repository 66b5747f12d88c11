"""Whether the picked sentences say the kind of thing asked: a count, a date or a sum of
money, and the thing a count counts. Said of none of them, the answer is a refusal."""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.facts.answer_types import AMOUNT, CONTACT, DATE, NUMBER, PERSON, has_type
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.pick import holds_type
from bot.facts.words import content_groups, matches
from indexer.store.lexical import LexicalIndex, tokenize

# Kinds of answer a sentence is read for reliably enough that none holding it is no answer:
# «Hvor mange kommuner er med?» is not answered by what the programme aims at. (A person is
# left to the model: «Hvem kan kommunen samarbeide med?» asks for organisations.)
_MUST_HOLD = frozenset({NUMBER, DATE, CONTACT})  # a name is no phone number
# what a count question counts: «hvor mange (nye) innbyggere», «how many inspections»
_COUNTED = re.compile(r"\b(?:hvor|kor|how)\s+(?:mange|many)\s+(?P<what>\w+)(?:\s+(?P<next>\w+))?",
                      re.I)
_QUALIFIERS = frozenset("nye nya new ulike different flere fleire more forskjellige other andre "
                        "slike such".split())


def type_unsaid(part: PartView, picked: list[Candidate]) -> bool:
    """The part asks for a count or a date, and no picked sentence holds one; or for an
    amount, and no picked sentence holds a figure of any kind («Hvor stor er potten?» is not
    answered by «KS spurte om potten er stor nok»; «by how much was the age limit raised?» is
    by «25 år»; a sum of money asked is not answered by a share or a date)."""
    if AMOUNT in part.types and not any(holds_type(part, c, AMOUNT) or (
            not part.part.money and has_type(c.text, NUMBER)) for c in picked):
        return True
    if part.part.municipalities and not any(_names_municipality(c) for c in picked):
        return True  # «Hvilke kommuner er med i KS Barnevernløft?» answered by naming none
    kinds = _MUST_HOLD | ({PERSON} if part.part.person else set())  # who leads: a name
    return any(not any(holds_type(part, c, kind) for c in picked)
               for kind in kinds & set(part.types))  # each by some sentence


def _names_municipality(cand: Candidate) -> bool:
    """The sentence names a municipality its document is about (by any of its names)."""
    return any(name in cand.text for m in cand.evidence.meta.municipalities
               for name in (m.name, m.current_name) if name)


def counted_unsaid(part: PartView, picked: list[Candidate], lexical: LexicalIndex,
                   english: bool) -> bool:
    """«Hvor mange innbyggere har Øygarden?» answered by «minst 8 nye fosterhjem»: a count
    of something no picked sentence (with its headings, label and title) names is no answer."""
    counted = _COUNTED.search(part.part.text)
    if counted is None or AnswerType.COUNT not in part.part.answer_types:
        return False
    what = counted["what"] if counted["what"].casefold() not in _QUALIFIERS else counted["next"]
    groups = content_groups(what or "", lexical, english)
    return bool(groups) and not any(_counts(g, c) for c in picked for g, _ in groups)


def _counts(group: set[str], cand: Candidate) -> bool:
    """The sentence counts the thing: a figure beside its word («fire av fem nettverk», «45
    deltakarar»), or the thing named only around it (a heading, a label, the title) — not
    «Prosjekt som Ålesund fekk midlar til …» beside «27 kommunar»."""
    words = _WORDS.findall(cand.text)
    named = [i for i, w in enumerate(words) if _names_counted(group, frozenset(tokenize(w)))]
    if named:
        return any(has_type(" ".join(words[max(0, i - _NEAR):i + _NEAR + 1]), NUMBER)
                   for i in named)
    return _names_counted(group, frozenset(tokenize(" ".join([cand.context,
                                                              cand.evidence.meta.title]))))


_WORDS = re.compile(r"[\w%]+(?:[  .,]\d{3})*")  # «38 000» one word
_NEAR = 3  # words between a figure and what it counts: «fire av fem nettverk»


def _names_counted(group: set[str], stems: frozenset[str]) -> bool:
    """The counted word, or the head of it («fosterhjemstilsyn» in a guide to «tilsyn»)."""
    return matches(group, stems) or any(len(s) >= 5 and g.endswith(s) for g in group
                                        for s in stems)
