"""A project's themes as one document tells them, each tied to the span that states it.

A description or final report: its title's themes; a title without one, the themes its purpose,
goals and summary state. An agenda item about a project: its heading, and what the item says
the project is about. A sentence naming a project: themes attached to the project word.
See `about.py` for what counts as stating a theme.
"""

from __future__ import annotations

from indexer.catalogue import about, fields
from indexer.catalogue.fields import PROJECT_WORD, Span
from indexer.catalogue.models import Tag
from indexer.catalogue.view import DocView, merge_tags
from indexer.ingest.structure import Section
from indexer.store.lexical import tokenize

_PURPOSE_FIELDS = ("tema", "formål", "føremål", "mål", "hovedmål", "hovudmål", "purpose", "aim")


def main_themes(view: DocView, title: Span, sections: list[Section]) -> list[Tag]:
    """The title's themes; without any, those stated most in purpose, goals and summary."""
    in_title = view.themes(title)
    if in_title:
        return in_title
    found: dict[str, list[Span]] = {}
    for span in _purpose_spans(view, sections):
        for hit in about.stated(span.text):
            found.setdefault(hit.key, []).append(span)
    for span in fields.sentences(view.text):
        for hit in about.phrase_hits(span.text):
            found.setdefault(hit.key, []).append(span)
    if not found:
        return []
    top = max(len(spans) for spans in found.values())
    return [Tag(value=key, evidence=view.span_evidence(spans[0]))
            for key, spans in found.items() if len(spans) * 2 >= top]  # fmt: skip


def _purpose_spans(view: DocView, sections: list[Section]) -> list[Span]:
    spans: list[Span] = []
    for section in sections:
        heading = section.heading_path[-1] if section.heading_path else ""
        body = fields.sentences(view.text, section.body_start, section.end)
        if heading and about.PURPOSE_HEADING.search(heading):
            spans += body
        else:  # «Formål: …» and «Tema: …» lines in the head of a description
            spans += [s for s in body if (fields.field_name(s.text) or "") in _PURPOSE_FIELDS]
    return spans


def section_themes(view: DocView, heading: Span, body: list[Span]) -> list[Tag]:
    """An agenda item's project: the heading's themes and the «om X» subject; failing those,
    what the item's project sentences state."""
    themes = view.themes(heading)
    for span in body:
        themes = merge_tags(themes, view.tags(span, about.phrase_hits(span.text)))
    if themes:
        return themes
    for span in body:
        if PROJECT_WORD.search(span.text):
            themes = merge_tags(themes, view.stated_themes(span))
    return themes or _echoed(view, heading, body)


def _echoed(view: DocView, heading: Span, body: list[Span]) -> list[Tag]:
    """An item about a project that no sentence ties to a theme: a theme its body states in
    words the project's name echoes («Status for prosjektet «Samtalen først»»: «… minst én
    samtale med barnet alene …»), not one said in passing («tolk i samtaler med barn»
    under «Prosjektet om samisk språk og kultur»)."""
    named = set(tokenize(heading.text))
    echoed = [(span, hit) for span in body for hit in about.stated(span.text)
              if set(tokenize(hit.text)[:1]) & named]  # the hit's first word is in the name
    return view.tags(echoed[0][0], [echoed[0][1]]) if echoed else []


def sentence_themes(view: DocView, span: Span) -> list[Tag]:
    """Themes a single sentence ties to the project it names («fosterhjemsprosjektet i …»)."""
    hits = about.stated(span.text)
    words = [m.start() for m in PROJECT_WORD.finditer(span.text)]
    kept = [h for h in hits if any(about.attached(span.text, at, h) for at in words)]
    return view.tags(span, kept)


def context_themes(view: DocView, before: list[Span], span: Span) -> list[Tag]:
    """Themes of project sentences in the paragraph just before ("… fosterhjemsprosjektene.")."""
    line_start = view.text.rfind("\n", 0, span.start) + 1
    previous = [s for s in before if s.end <= line_start]
    if not previous:
        return []
    paragraph_start = view.text.rfind("\n", 0, previous[-1].start) + 1
    tags: list[Tag] = []
    for candidate in previous:
        if candidate.start >= paragraph_start and PROJECT_WORD.search(candidate.text):
            tags = merge_tags(tags, view.stated_themes(candidate))
    return tags
