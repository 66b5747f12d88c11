"""The draft itself: the sections the call asks for, filled from the applicant's answers.

Headings come from the governing document's required list ("Krav til prosjektplanen",
"Sluttrapport … ha disse delene"), else a standard outline. Each heading is matched by keywords
to the answers that belong under it, the rules that govern it and the matching section of a
similar project (or, for a final report, the project's own description); what nobody has told
yet is marked "[mangler: …]".
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.core.cite import CitationBook
from bot.core.models import Language
from bot.drafting.criteria import Located, cite_rule
from bot.drafting.facts import Facts
from bot.drafting.grounding import Grounding, SourceDoc
from bot.drafting.parsing import join_names
from bot.drafting.texts import DraftKind
from bot.i18n import t
from indexer.ingest.structure import find_sections
from indexer.models import DocumentMeta

ParagraphKind = Literal["answer", "missing", "guidance", "example", "prose"]
EXAMPLE_CHARS = 420

# Keyword classes shared by draft headings and the headings of project documents.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I)) for name, pattern in (
        ("summary", r"sammendrag|samandrag|summary"),
        ("goals", r"måloppnåing|måloppnåelse|\bmål\b|\bgoals?\b|results?"),
        ("target", r"målgrupp\w*|target"),
        ("background", r"bakgrunn|behov|background|\bneed"),
        ("measures", r"tiltak|aktivitet\w*|measures?|activit\w*"),
        ("timeline", r"fremdrift\w*|framdrift\w*|tidsplan|periode|timeline|schedule"),
        ("organisation", r"organiser\w*|forankr\w*|organi[sz]ation|anchor\w*"),
        ("partner", r"kompetansemiljø\w*|samarbeid\w*|partner\w*"),
        ("budget", r"budsjett\w*|finansier\w*|regnskap\w*|rekneskap\w*|økonomi|budget|account\w*"
                   r"|financ\w*"),
        ("evaluation", r"evaluer\w*|evaluation"),
        ("experiences", r"erfaring\w*|læring|lessons?|experience\w*"),
        ("continuation", r"videreføring|vidareføring|implementer\w*|continu\w*"),
    )
)
_TOPIC_FIELDS = {
    "summary": ("theme", "municipalities"), "background": ("theme", "municipalities"),
    "target": ("target_group",), "goals": ("goals",), "measures": ("measures",),
    "timeline": ("period",), "organisation": ("anchoring", "municipalities", "contact"),
    "partner": ("partner",), "budget": ("budget",), "evaluation": (),
    "experiences": ("experiences",), "continuation": ("continuation",),
}
_TOPIC_RULES = {
    "organisation": ("min_municipalities", "anchoring", "participants"),
    "partner": ("competence", "competence_exempt"), "timeline": ("max_period",),
    "budget": ("max_amount", "own_share"),
}
_ALIASES = {"summary": ("background",)}


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


def outline(
    kind: DraftKind, language: Language, rules: dict[str, Located]
) -> tuple[list[str], Located | None]:
    """The required headings, and the rule that requires them (None: standard outline)."""
    located = rules.get("sections")
    if located is not None:
        return list(located.rule.items), located
    return t(f"drafting.outline.{kind}", language).split("|"), None


def topics(heading: str) -> list[str]:
    return [name for name, pattern in _TOPICS if pattern.search(heading)]


def build_sections(
    headings: list[str], facts: Facts, grounding: Grounding, rules: dict[str, Located],
    language: Language, book: CitationBook,
) -> list[DraftSection]:
    sections = []
    quoted: set[int] = set()  # citation numbers already used as examples
    for heading in headings:
        names = topics(heading)
        fields = list(dict.fromkeys(f for topic in names for f in _TOPIC_FIELDS.get(topic, ())))
        section = DraftSection(title=heading, fields=fields)
        told = [f for f in fields if facts.answer(f)]
        for name in told:
            text = f"{t(f'drafting.field.{name}', language).capitalize()}: {facts.answer(name)}"
            section.paragraphs.append(Paragraph(text=text))
        gaps = [t(f"drafting.field.{f}", language) for f in fields if f not in told] or (
            [] if told else [heading.lower()])
        if gaps:
            section.paragraphs.append(Paragraph(
                text=f"[{t('drafting.missing', language)}: {', '.join(gaps)}]", kind="missing"))
        for key in dict.fromkeys(k for topic in names for k in _TOPIC_RULES.get(topic, ())):
            if key in rules and _applies(key, rules, facts):
                number = cite_rule(book, rules[key])
                section.paragraphs.append(Paragraph(
                    text=f"{t('drafting.guidance', language)}: {_one_line(rules[key].rule.text)}",
                    kind="guidance", citations=[number]))
        example = _example(names, grounding, language, book)
        if example is not None and not quoted & set(example.citations):
            quoted |= set(example.citations)
            section.paragraphs.append(example)
        sections.append(section)
    return sections


def _applies(key: str, rules: dict[str, Located], facts: Facts) -> bool:
    if key != "competence_exempt":
        return True
    return bool(facts.theme) and rules[key].rule.theme == facts.theme.key  # type: ignore[union-attr]


def _example(names: list[str], grounding: Grounding, language: Language,
             book: CitationBook) -> Paragraph | None:
    """The matching section of the report's own project, else of the most similar project."""
    if not names:
        return None
    own = grounding.own_project
    wanted = [*names, *(a for n in names for a in _ALIASES.get(n, ()))]
    for doc in ([own] if own else []) + grounding.similar:
        found = _matching_section(doc, wanted)
        if found is None:
            continue
        start, end = found
        excerpt = _clip(doc.text[start:end])
        number = book.cite(doc.chunk_at(start), doc.meta, excerpt)
        prefix = t("drafting.from_description", language) if doc is own else (
            f"{t('drafting.example', language)} – {short_title(doc.meta, language)}")
        return Paragraph(text=f"{prefix}: {excerpt}", kind="example", citations=[number])
    return None


def _matching_section(doc: SourceDoc, names: list[str]) -> tuple[int, int] | None:
    """Body span of the document's first section on the most wanted topic."""
    sections = [(s, topics(s.heading)) for s in find_sections(doc.text, doc.meta.doc_type)
                if s.heading]
    for name in names:
        for section, found in sections:
            body = doc.text[section.body_start:section.end].strip()
            if name in found and body:
                start = doc.text.index(body, section.body_start)
                return start, start + len(body)
    return None


def short_title(meta: DocumentMeta, language: Language) -> str:
    """«Barnet i midten» (Time og Klepp): enough to recognise a project in running text."""
    name = re.search(r"«[^»]+»", meta.title)
    head = name.group(0) if name else _clip(meta.title, 70)
    places = join_names([m.name for m in meta.municipalities], language)
    return f"{head} ({places})" if places else head


def _one_line(text: str) -> str:
    lines = [re.sub(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+", "", line).strip("* ")
             for line in text.splitlines() if line.strip()]
    return " ".join(lines)


def _clip(text: str, limit: int = EXAMPLE_CHARS) -> str:
    flat = _one_line(text.replace("|", " ")).replace("**", "")
    flat = re.sub(r"\s*-{3,}\s*", " ", flat)
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"
