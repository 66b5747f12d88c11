"""The draft itself: the sections the call asks for, filled from the applicant's answers.

Headings come from the governing document's required list ("Krav til prosjektplanen",
"Sluttrapport … ha disse delene"), else a standard outline. Each heading is matched by topic
(`topics.py`) to the answers that belong under it and the rules that govern it; what nobody has
told yet is marked "[mangler: …]". Only the applicant's words and the rules are in a section;
examples from other projects are offered beside it (`examples.py`).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.drafting.examples import one_line
from bot.drafting.facts import Facts
from bot.drafting.selection import Located, cite_rule, provenance
from bot.drafting.texts import DraftKind
from bot.drafting.topics import FIELDS, RULES, topics
from bot.i18n import t

ParagraphKind = Literal["answer", "missing", "guidance", "prose"]
# «Hovedmål: …», «Delmål 1: …»: an answer that brings its own label keeps it, and gets no other.
_OWN_LABEL = re.compile(r"^\s*[^\W\d][\w /-]{1,30}:\s")
_FILLER = frozenset({"og", "and", "med", "with", "for", "av", "of"})


class Paragraph(BaseModel):
    text: str
    kind: ParagraphKind = "answer"
    citations: list[int] = []


class DraftSection(BaseModel):
    title: str
    paragraphs: list[Paragraph] = []
    fields: list[str] = []

    @property
    def missing(self) -> bool:
        return not any(p.kind in {"answer", "prose"} for p in self.paragraphs)

    def applicant_text(self) -> list[Paragraph]:
        """What the applicant told (or the model wrote from it), and what is still missing."""
        return [p for p in self.paragraphs if p.kind != "guidance"]


def outline(
    kind: DraftKind, language: Language, rules: dict[str, Located]
) -> tuple[list[str], Located | None]:
    """The required headings, and the rule that requires them (None: standard outline)."""
    located = rules.get("sections")
    if located is not None:
        return list(located.rule.items), located
    return t(f"drafting.outline.{kind}", language).split("|"), None


def build_sections(
    headings: list[str], facts: Facts, rules: dict[str, Located], language: Language,
    book: CitationBook,
) -> list[DraftSection]:
    return [_section(heading, facts, rules, language, book) for heading in headings]


def _section(heading: str, facts: Facts, rules: dict[str, Located], language: Language,
             book: CitationBook) -> DraftSection:
    names = topics(heading)
    fields = list(dict.fromkeys(f for topic in names for f in FIELDS.get(topic, ())))
    section = DraftSection(title=heading, fields=fields)
    told = [f for f in fields if facts.answer(f)]
    for name in told:
        text = labelled(name, str(facts.answer(name)), heading, language)
        section.paragraphs.append(Paragraph(text=text))
    gaps = [t(f"drafting.field.{f}", language) for f in fields if f not in told] or (
        [] if told else [heading.lower()])
    if gaps:
        section.paragraphs.append(Paragraph(
            text=f"[{t('drafting.missing', language)}: {', '.join(gaps)}]", kind="missing"))
    for key in dict.fromkeys(k for topic in names for k in RULES.get(topic, ())):
        if key in rules and _applies(key, rules, facts):
            section.paragraphs.append(_guidance(rules[key], language, book))
    return section


def labelled(field: str, answer: str, heading: str, language: Language) -> str:
    """«Kommuner: Hå og Time» under «Bakgrunn»; the bare answer where the heading already
    says it («Målgruppe» → «Fosterforeldre») or the answer brings its own («Hovedmål: …»)."""
    label = t(f"drafting.field.{field}", language)
    if _OWN_LABEL.match(answer) or _says(heading, label):
        return answer
    return f"{label[:1].upper()}{label[1:]}: {answer}"


def _says(heading: str, label: str) -> bool:
    words = set(re.findall(r"\w+", heading.lower())) - _FILLER
    wanted = set(re.findall(r"\w+", label.lower())) - _FILLER
    return bool(wanted) and wanted <= words


def _guidance(located: Located, language: Language, book: CitationBook) -> Paragraph:
    number = cite_rule(book, located)
    where = provenance(located, language)
    head = f"{t('drafting.guidance', language)} ({where})" if where else t(
        "drafting.guidance", language)
    return Paragraph(text=f"{head}: {one_line(located.rule.text)}", kind="guidance",
                     citations=[number])


def _applies(key: str, rules: dict[str, Located], facts: Facts) -> bool:
    if key != "competence_exempt":
        return True
    return bool(facts.theme) and rules[key].rule.theme == facts.theme.key  # type: ignore[union-attr]
