"""Whether the picked sentences say the kind of thing asked: a count, a date or a sum of
money, and the thing a count counts. Said of none of them, the answer is a refusal."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.question import AnswerType
from bot.facts.answer_types import AMOUNT, CONTACT, DATE, NUMBER, PERSON, has_type
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.holds import holds_type, names_municipality, near_saying
from bot.facts.words import content_groups, matches
from indexer.store.lexical import LexicalIndex, tokenize

# Kinds of answer a sentence is read for reliably enough that none holding it is no answer:
# «Hvor mange kommuner er med?» is not answered by what the programme aims at. (A person is
# left to the model: «Hvem kan kommunen samarbeide med?» asks for organisations.)
_MUST_HOLD = frozenset({NUMBER, DATE, CONTACT})  # a name is no phone number
# what a count question counts: «hvor mange (nye) innbyggere», «how many inspections»
# «hvor mange bv-ansatte»: a hyphened compound is one counted word
_COUNTED = re.compile(r"\b(?:hvor|kor|how)\s+(?:mange|many)\s+(?P<what>\w[\w-]*)"
                      r"(?:\s+(?P<next>\w[\w-]*))?", re.I)
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
    if part.part.municipalities and not any(names_municipality(c) for c in picked):
        return True  # «Hvilke kommuner er med i KS Barnevernløft?» answered by naming none
    kinds = _MUST_HOLD | ({PERSON} if part.part.person else set())  # who leads: a name
    return any(not any(holds_type(part, c, kind) for c in picked)
               for kind in kinds & set(part.types))  # each by some sentence


def counted_unsaid(part: PartView, picked: list[Candidate], lexical: LexicalIndex,
                   english: bool) -> bool:
    """«Hvor mange innbyggere har Øygarden?» answered by «minst 8 nye fosterhjem»: a count
    of something no picked sentence (with its headings, label and title) names is no answer."""
    groups = _counted(part, lexical, english)
    return bool(groups) and not any(_counts(g, c) for c in picked for g in groups)


def counted_missing(parts: list[PartView], per_part: list[list[Scored]],
                    picked: list[Candidate], lexical: LexicalIndex, english: bool
                    ) -> list[Candidate]:  # fmt: skip
    """«… hvor mange fosterhjem gjelder det, og hvor stor stilling …?» with only «60 %
    stilling» picked: the near sentence of the part's best document that counts the thing
    asked («følgjer til saman om lag 40 fosterheimar») comes along."""
    added: list[Candidate] = []
    for part, ranked in zip(parts, per_part, strict=True):
        groups = _counted(part, lexical, english)
        if not groups or not ranked:
            continue
        if any(_figure_beside(g, c, _names_head) for c in picked + added for g in groups):
            continue
        document = ranked[0].candidate.evidence.meta.doc_id
        found = near_saying(ranked, lambda c, document=document, groups=groups: (
            c.evidence.meta.doc_id == document
            and any(_figure_beside(g, c, _names_head) for g in groups)), picked + added)
        if found is not None:
            added.append(found)
    return added


def _counted(part: PartView, lexical: LexicalIndex, english: bool) -> list[set[str]]:
    """The word groups of what a count question counts («hvor mange (nye) fosterhjem»)."""
    counted = _COUNTED.search(part.part.text)
    if counted is None or AnswerType.COUNT not in part.part.answer_types:
        return []
    what = counted["what"] if counted["what"].casefold() not in _QUALIFIERS else counted["next"]
    return [group for group, _ in content_groups(what or "", lexical, english)]


def _counts(group: set[str], cand: Candidate) -> bool:
    """The sentence counts the thing: a figure beside its word («fire av fem nettverk», «45
    deltakarar»), or the thing named only around it (a heading, a label, the title) — not
    «Prosjekt som Ålesund fekk midlar til …» beside «27 kommunar»."""
    if _names_in(group, cand):
        return _figure_beside(group, cand, _names_counted)
    return _names_counted(group, frozenset(tokenize(" ".join([cand.context,
                                                              cand.evidence.meta.title]))))


def _names_in(group: set[str], cand: Candidate) -> bool:
    return any(_names_counted(group, frozenset(tokenize(w))) for w in _WORDS.findall(cand.text))


def _figure_beside(group: set[str], cand: Candidate,
                   names: Callable[[set[str], frozenset[str]], bool]) -> bool:
    """A figure stands within a few words of the counted word (as `names` reads it) in the
    sentence itself."""
    words = _WORDS.findall(cand.text)
    named = [i for i, w in enumerate(words) if names(group, frozenset(tokenize(w)))]
    return any(has_type(" ".join(words[max(0, i - _NEAR):i + _NEAR + 1]), NUMBER)
               for i in named)


_WORDS = re.compile(r"[\w%]+(?:[  .,]\d{3})*")  # «38 000» one word
_NEAR = 3  # words between a figure and what it counts: «fire av fem nettverk»


def _names_head(group: set[str], stems: frozenset[str]) -> bool:
    """The counted word itself, inflected, as the head of a compound («fosterhjemstilsyn»
    counts inspections), or the head of the word asked («38 saker» counts «høykonfliktsaker»);
    never the word as a compound's first half («60 % fosterheimsrettleiar» counts no foster
    homes)."""
    return any(s == g or (s.startswith(g) and len(s) - len(g) <= 3)
               or (g.startswith(s) and len(s) >= 4 and len(g) - len(s) <= 2)
               or (len(g) >= 5 and s.endswith(g)) or (len(s) >= 3 and g.endswith(s))
               for g in group for s in stems)


def _names_counted(group: set[str], stems: frozenset[str]) -> bool:
    """The counted word, or the head of it («fosterhjemstilsyn» in a guide to «tilsyn»)."""
    return matches(group, stems) or any(len(s) >= 5 and g.endswith(s) for g in group
                                        for s in stems)
