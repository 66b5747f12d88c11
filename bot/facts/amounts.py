"""Amounts of the kind asked: «Hvor mye fikk de tildelt?» is not answered by «Søkt beløp:
500 000 kr», nor «How much did they end up spending?» by what they applied for. The kinds are
read by the same rules the project catalogue files amounts with."""

from __future__ import annotations

import re

from bot.core.question import AnswerType, Question
from bot.core.understand.amounts import MONEY_KINDS, MUNICIPAL_MONEY, amount_kinds
from bot.facts.candidates import Candidate
from bot.facts.features import PartView, QuestionView, names_present
from bot.facts.gate import Scored
from bot.facts.holds import near_saying
from indexer.catalogue.fields import Span, amounts, states_money
from indexer.models import DocType

# Kinds a question can ask for unmistakably; «søkt» asked and «tildelt» said is left to the model.
# An own share («egenandel») may be a share of the costs, not a sum: see `kind_unsaid`.
CHECKED = frozenset({"tildelt", "forbruk", "egenandel"})
LABELS = {"tildelt": "lists.granted", "forbruk": "lists.spent", "egenandel": "lists.own_share"}
_OWN_SHARE = re.compile(r"egenandel|eigenandel|eigendel|eigeninnsats|egeninnsats|\bdekk\w*|"
                        r"own share|co-?fund\w*|\bselv\b|\bsjølv\b", re.I)


def asked_kind(question: Question) -> str | None:
    """The one kind of amount every part of the question asks for, if it is a checked one."""
    parts = question.parts
    if not parts or not all(AnswerType.AMOUNT in p.answer_types for p in parts):
        return None
    kinds = amount_kinds(question.standalone) & (MONEY_KINDS | {"egenandel"})
    return next(iter(kinds)) if len(kinds) == 1 and kinds <= CHECKED else None


def kind_unsaid(kind: str, picked: list[Candidate]) -> bool:
    """The sentences state no sum of money, or sums of other kinds and none of the one asked.
    An own share asked («Hvor stor egenandel la de inn?») is answered by a share of the costs
    too («Kommunene skal dekke minst 20 prosent»): unsaid only where sums are stated and
    nothing speaks of what the municipalities put in themselves."""
    if kind == "egenandel":
        return any(states_money(c.text) for c in picked) and not any(
            _OWN_SHARE.search(f"{c.text} {c.context}") for c in picked)
    if not any(states_money(c.text) for c in picked):
        return True
    stated = {found for c in picked for found in stated_kinds(c)}
    return bool(stated) and kind not in stated


def money_unsaid(question: Question, picked: list[Candidate]) -> bool:
    """«Hva var budsjettet for prosjektet?» asked of sentences that state no sum of money at
    all («Andelen … økte til 27 prosent»): what was asked is not there."""
    parts = question.parts
    if not parts or not all(AnswerType.AMOUNT in p.answer_types for p in parts):
        return False
    if not amount_kinds(question.standalone) & (MONEY_KINDS | {"budsjett"}):
        return False
    return not any(states_money(c.text) for c in picked)


def municipal_unsaid(question: Question, picked: list[Candidate]) -> bool:
    """«Hvor mye økt rammetilskudd fikk Holmestrand?» is not answered by what Holmestrand's
    project was granted: the state's money to a municipality is named where it is stated."""
    amounts = question.parts and all(p.answer_types[:1] == (AnswerType.AMOUNT,)
                                     for p in question.parts)  # not «hvorfor … bare 1,3 mrd»
    return bool(amounts and question.municipal_money) and not any(
        MUNICIPAL_MONEY.search(f"{c.text} {c.context}") for c in picked)


def kind_first(parts: list[PartView], per_part: list[list[Scored]], supporting: float
               ) -> list[list[Scored]]:
    """«… og hvor mye søker de om?» answered by the budget's «Prosjektleder | 520 000 kr»: where
    a sentence stating an amount of the one kind the part asks for is nearly as likely (the
    `supporting` share of the best), it comes first («Det søkes om 450 000 kr»)."""
    out = []
    for part, ranked in zip(parts, per_part, strict=True):
        kinds = amount_kinds(part.part.text) & _KINDS
        if AnswerType.AMOUNT not in part.part.answer_types or len(kinds) != 1 or not ranked:
            out.append(ranked)
            continue
        floor = supporting * ranked[0].probability
        first = [s for s in ranked if s.probability >= floor and kinds & stated_kinds(s.candidate)]
        out.append(first + [s for s in ranked if s not in first])
    return out


_KINDS = frozenset({"søkt", "tildelt", "forbruk", "budsjett", "egenandel"})


def stated_kinds(cand: Candidate) -> set[str]:
    """The kinds of amount the sentence states, read as the catalogue reads them (a final
    report's «stimuleringsmidler» were granted)."""
    found = amounts(Span(0, len(cand.text), cand.text),
                    cand.evidence.meta.doc_type == DocType.SLUTTRAPPORT)
    return {kind for kind, _ in found}


def kinds_missing(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                  supporting: float) -> list[Candidate]:
    """«Fikk Holmestrand det de søkte om?» answered by «Søkt beløp: 420 000 kr» alone: each
    kind of sum the part names (applied for, granted, spent) takes the best-ranked sentence
    stating it («… og fikk tildelt 380 000 kr»), from whichever document states it. So does
    the one kind a part of a multi-part question names («…, og hvor mye skulle kommunene legge
    inn selv?»): the sentences picked for the other parts crowd it out. Another document's
    sentence names something the question names (`_of_the_asked`)."""
    added: list[Candidate] = []
    documents = {c.evidence.meta.doc_id for c in picked}
    for part, ranked in zip(view.parts, per_part, strict=True):
        kinds = amount_kinds(part.part.text)
        if AnswerType.AMOUNT not in part.part.answer_types or not (
                len(kinds & MONEY_KINDS) >= 2 or len(view.parts) > 1 and len(kinds) == 1):
            continue  # one kind asked alone is the part's own ranking's to find
        for kind in sorted(kinds):
            if any(kind in stated_kinds(c) for c in picked + added):
                continue
            found = near_saying(ranked, lambda c, kind=kind: kind in stated_kinds(c)
                                and _of_the_asked(view, c, documents), picked + added, scan=SCAN)
            if found is not None:
                added.append(found)
    return added


def _of_the_asked(view: QuestionView, cand: Candidate, documents: set[str]) -> bool:
    """A sentence of a picked document, or of one whose passage names something the question
    names: «Fikk de innvilget søknaden om «Tidleg inn i Setesdal»?» is not answered by what
    Holmestrand's project was granted."""
    return cand.evidence.meta.doc_id in documents or not view.names or \
        names_present(view.names, cand) > 0


SCAN = 20  # how far down a part's ranking a sentence stating a kind of sum is looked for
