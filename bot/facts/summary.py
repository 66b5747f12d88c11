"""Summaries of any document or topic: «Oppsummer sluttrapporten fra Bodø og Fauske»,
«Oppsummer målene med barnevernsreformen».

The document is the one retrieval and the question's place, year and type point at; its
sentences are scored by the same answer model as fact answers, and the summary takes the best
sentence of each section first (so goals, results and conclusions all get their say), then the
next best, in the document's order, each cited; the document's first three sentences of
running text come besides (a report or an article states its gist there). Minutes are
summarised Sak by Sak elsewhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bot.facts.amounts import stated_kinds
from bot.facts.answer_types import NUMBER, has_type
from bot.facts.compose import ExtractiveComposer
from bot.facts.gate import Scored
from bot.facts.retrieval import Evidence
from bot.facts.words import content_groups, coverage
from indexer.models import DocType
from indexer.store.lexical import LexicalIndex, tokenize

# Sentences besides the opening: 10 held 3 more development summaries than 8 (1,584 characters
# at the median, against 1,420); 12 held 5 more again, at 1,714: too long to read in a chat.
MAX_SENTENCES = 10
BEST_CHUNKS = 2  # a document is chosen by its best chunks, not by how many it has
_FIGURE = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_MONEY_KINDS = frozenset({"budsjett", "søkt", "tildelt", "forbruk"})
_LETTERS = re.compile(r"\b[^\W\d_]{2,}\b")  # a word of letters, not a number or an initial
MAX_CHARS = 1200
FACT_LINES = 3  # fact-sheet lines with a figure that each count as a section
LEAD = 3  # a document's first sentences of running text, where reports and news put the gist
# Sections that say what came of it: a summary, results, goals reached, findings, conclusions.
_WHAT_CAME_OF_IT = re.compile(
    r"sammendrag|samandrag|oppsummering|konklusjon|resultat|måloppnåelse|måloppnåing|funn|"
    r"vurdering|summary|conclusions?|results?|findings", re.I)


@dataclass(frozen=True)
class Summary:
    document: Evidence  # the best-ranked chunk of the summarised document
    picked: list[Scored]  # in document order


def title_named(question: str, title: str, lexical: LexicalIndex) -> float:
    """How much of a document's title the question says (its content words, weighted by
    rarity): «Oppsummer hva Statsforvalteren skriver om læringsnettverkene» names the page
    «Læringsnettverket for barneverntjenestene i Trøndelag» more than the guideline on
    stimulation funds for the same network."""
    return coverage(content_groups(title, lexical), frozenset(tokenize(question)))


def main_document(evidence: list[Evidence], kinds: frozenset[DocType] = frozenset(),
                  web_page: bool = False, named: dict[str, float] | None = None) -> str | None:
    """The document the retrieved chunks point at most (its BEST_CHUNKS best fused scores,
    raised by how much of its title the question names: `named`, doc id → share; weights
    0.5–3 chose the same documents on the development summaries); of the kind asked when one
    is among them («Oppsummer Bufdirs veileder om internkontroll», though a final report on
    the topic has more chunks among the retrieved)."""
    named = named or {}
    scores: dict[str, list[float]] = defaultdict(list)
    typed = [ev for ev in evidence if ev.meta.doc_type in kinds]
    if web_page:  # «the … page»: of the pages from the web, when any was retrieved
        typed = [ev for ev in typed or evidence if ev.meta.url] or typed
    for ev in typed or evidence:
        scores[ev.meta.doc_id].append(ev.score)
    totals = {d: sum(sorted(s, reverse=True)[:BEST_CHUNKS]) * (1 + named.get(d, 0.0))
              for d, s in scores.items()}
    return max(totals, key=lambda d: totals[d]) if totals else None


def _fact_line(scored: Scored) -> bool:
    """«Søkt beløp: 560 000 kr»: a label line with a figure, from the document's fact sheet."""
    return scored.candidate.is_label and bool(_FIGURE.search(scored.candidate.text))


def _reading_order(scored: Scored) -> tuple[int, int]:
    return scored.candidate.evidence.chunk.position, scored.candidate.start


def opening(scored: list[Scored]) -> list[Scored]:
    """The document's first LEAD sentences of running text (lead-3, the classic baseline of
    news summaries): four words or more, ending as a sentence ends (no label, list, heading
    or subtitle line): «Ved dette tilsynet blei det avdekt lovbrot.», «Tilsynet er derfor
    avslutta.»."""
    prose = [s for s in scored if not (s.candidate.is_label or s.candidate.is_item
                                       or s.candidate.block or s.candidate.end == 0)
             and len(s.candidate.text.split()) >= 4 and s.candidate.text.rstrip()[-1:] in ".!?»"]
    prose.sort(key=_reading_order)
    lead: list[Scored] = []
    for s in prose:
        if len(lead) < LEAD and not _said_again(s, lead):
            lead.append(s)
    return lead


def salience(scored: Scored) -> float:
    """A summary should carry the document's figures (results, amounts, dates, shares, counts
    in words) and what came of it: among sentences the model finds about equally relevant, one
    with a figure or from a results or conclusions section wins (each counts the same; 0.45–2
    measured alike)."""
    text = scored.candidate.text
    figure = 0.5 if _FIGURE.search(text) or has_type(text, NUMBER) else 0.0  # «tre år»
    headings = " ".join(scored.candidate.evidence.chunk.heading_path)
    return scored.probability + figure + (0.5 if _WHAT_CAME_OF_IT.search(headings) else 0.0)


def money_lines(scored: list[Scored]) -> list[Scored]:
    """The first sentence stating each kind of amount (the budget, what was applied for,
    granted, spent): a project's money is a key figure of its summary, whichever table row or
    sentence states it."""
    first: dict[str, Scored] = {}
    for s in sorted(scored, key=_reading_order):
        for kind in stated_kinds(s.candidate) & _MONEY_KINDS:
            first.setdefault(kind, s)
    found: list[Scored] = []
    for s in first.values():
        if not any(s is f for f in found):
            found.append(s)
    return found


def _said(scored: Scored) -> str:
    """What a sentence says, whatever dash or quote it is set with: a pull quote
    («– Vi er veldig glade …») says again what the text says."""
    return " ".join(_WORD.findall(scored.candidate.text.casefold()))


def _said_again(scored: Scored, picked: list[Scored]) -> bool:
    """Said by a picked sentence, or inside one (a list item under its lead-in), or the
    other way round."""
    said = _said(scored)
    return any(said in _said(p) or _said(p) in said for p in picked)


def _telling(scored: Scored) -> bool:
    """A sentence that says something: three words or more of letters, or a fact-sheet line.
    A dateline («Narvik, 20. juni 2023») or a numbered heading («1. Sammendrag») does not."""
    cand = scored.candidate
    if _fact_line(scored) or " | " in cand.text:
        return True
    return cand.ended and len(_LETTERS.findall(cand.text)) >= 3


def _result_row(scored: Scored) -> bool:
    """A row of a results table («Alle saksbehandlere (24) gjennomført opplæring | Delvis nådd:
    21 av 24»): each goal's outcome is a result of its own, not one of a section."""
    cand = scored.candidate
    headings = " ".join(cand.evidence.chunk.heading_path)
    return " | " in cand.text and not cand.table and bool(_WHAT_CAME_OF_IT.search(headings))


def _table_again(scored: Scored, picked: list[Scored]) -> bool:
    """A second row of a table that is no results table («Statsforvalteren i Vestland | 5 |
    Statsforvalteren i Agder | 3»): one row says what the table is; the rest would paste it."""
    if " | " not in scored.candidate.text or _result_row(scored):
        return False
    section = scored.candidate.evidence.chunk.section
    return any(" | " in p.candidate.text and not _result_row(p)
               and p.candidate.evidence.chunk.section == section for p in picked)


def pick(scored: list[Scored]) -> list[Scored]:
    """The most salient sentence of each section, then the next, within the budget."""
    by_section: dict[str, list[Scored]] = defaultdict(list)
    facts = sorted((s for s in scored if _fact_line(s)), key=lambda s: -salience(s))[:FACT_LINES]
    money = money_lines(scored)
    facts += [s for s in money if not any(s is f for f in facts)]
    for s in scored:
        if not s.candidate.block:  # a list is summarised by its lead-in, not repeated
            # each line of the document's fact sheet («Søkt beløp: …») is a section of its own
            own = s in facts or _result_row(s)
            key = s.candidate.text if own else s.candidate.evidence.chunk.section or ""
            by_section[key].append(s)
    firsts = sorted((max(group, key=salience) for group in by_section.values()),
                    key=lambda s: -salience(s))
    rest = sorted((s for s in scored if s not in firsts and not s.candidate.block),
                  key=lambda s: -salience(s))
    lead = opening(scored)
    picked: list[Scored] = list(lead)  # besides the budget: the gist comes first
    for s in [*(s for s in money if s in firsts), *firsts, *rest]:
        if len(picked) >= MAX_SENTENCES + len(lead):
            break
        if sum(len(p.candidate.text) for p in picked[len(lead):]) + len(s.candidate.text) > MAX_CHARS:
            continue
        if not (_telling(s) or s in facts) or _said_again(s, picked) or _table_again(s, picked):
            continue
        picked.append(s)
    return sorted(picked, key=_reading_order)


def summarise(composer: ExtractiveComposer, view_vectors, question, chunks: list[Evidence]  # type: ignore[no-untyped-def]
              ) -> Summary | None:
    """Score every sentence of the document's chunks against the question and pick a summary."""
    if not chunks:
        return None
    view = composer.view(question, view_vectors)
    found, per_part = composer.score(view, chunks, limit=len(chunks))
    if not found:
        return None
    return Summary(chunks[0], pick(per_part[0]))
