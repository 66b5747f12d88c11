"""One document as the extractor sees it: text, metadata, chunks, and cited spans over them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.catalogue import about
from indexer.catalogue.fields import Span, is_organisation, role_of
from indexer.catalogue.models import Evidence, ProjectMunicipality, Tag
from indexer.models import Chunk, DocumentMeta, LoadedDocument
from indexer.text.places import Gazetteer
from indexer.text.themes import ThemeHit, find_themes


@dataclass
class DocView:
    doc: LoadedDocument
    meta: DocumentMeta
    chunks: list[Chunk]
    gazetteer: Gazetteer

    @property
    def text(self) -> str:
        return self.doc.text

    def evidence(self, start: int, end: int) -> Evidence:
        """The span as a citable source: its chunk (for the [n] link) and its section."""
        chunk = self._chunk_at(start, end)
        quote = " ".join(self._sentence_around(start, end).replace("**", "").split())
        return Evidence(
            doc_id=self.meta.doc_id,
            source=self.meta.source,
            title=self.meta.title,
            doc_type=self.meta.doc_type,
            date=self.meta.date,
            chunk_id=chunk.chunk_id if chunk else None,
            section=chunk.section if chunk else None,
            start=start,
            end=end,
            quote=quote,
        )

    def _sentence_around(self, start: int, end: int) -> str:
        """The line (or, in a long paragraph, the sentence) a value stands in: a reader needs
        "Rogaland er med i gullprosjektet – via Owe i Haugesunds-prosjektet", not one word."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start <= 300:
            return text[line_start:line_end]
        sentence_start = max(text.rfind(". ", line_start, start) + 2, line_start)
        stop = text.find(". ", end, line_end)
        return text[sentence_start:(stop + 1) if stop >= 0 else line_end]

    def span_evidence(self, span: Span) -> Evidence:
        return self.evidence(span.start, span.end)

    def places(self, span: Span, on: dt.date | None) -> list[ProjectMunicipality]:
        """Municipalities named in a sentence, without organisation names ("Korus Stavanger")."""
        found: list[ProjectMunicipality] = []
        mentions = self.gazetteer.find_municipalities(span.text, on, self.meta.county)
        for mention in mentions:
            positions = [
                m.start()
                for m in re.finditer(rf"(?<![\w-]){re.escape(mention.name)}", span.text)
                if not is_organisation(span.text, m.start())
            ]
            if not positions:
                continue
            role = role_of(span.text, positions[0] + len(mention.name), first=not found)
            found.append(
                ProjectMunicipality(
                    **mention.model_dump(), role=role, evidence=self.span_evidence(span)
                )
            )
        return found

    def themes(self, span: Span) -> list[Tag]:
        """Every theme a title or heading names: a name is what its project is about."""
        return self.tags(span, find_themes(span.text))

    def stated_themes(self, span: Span) -> list[Tag]:
        """Themes a sentence states, passing mentions («også …», «ikke et …») left out."""
        return self.tags(span, about.stated(span.text))

    def tags(self, span: Span, hits: list[ThemeHit]) -> list[Tag]:
        keys = dict.fromkeys(hit.key for hit in hits)
        return [Tag(value=key, evidence=self.span_evidence(span)) for key in keys]

    def _chunk_at(self, start: int, end: int) -> Chunk | None:
        inside = [c for c in self.chunks if c.start <= start and end <= c.end]
        if inside:
            return inside[0]
        touching = [c for c in self.chunks if c.start <= start < c.end]
        return touching[0] if touching else None


def merge_places(
    into: list[ProjectMunicipality], more: list[ProjectMunicipality]
) -> list[ProjectMunicipality]:
    """Once per municipality number; a later "vertskommune" line upgrades the role."""
    by_number = {m.kommunenummer: m for m in into}
    for place in more:
        known = by_number.get(place.kommunenummer)
        if known is None:
            by_number[place.kommunenummer] = place
        elif known.role == "deltaker" and place.role != "deltaker":
            by_number[place.kommunenummer] = known.model_copy(update={"role": place.role})
    return list(by_number.values())


def merge_tags(into: list[Tag], more: list[Tag]) -> list[Tag]:
    result = list(into)
    seen = {t.value for t in into}
    for tag in more:
        if tag.value not in seen:
            seen.add(tag.value)
            result.append(tag)
    return result
