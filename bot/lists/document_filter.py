"""Which documents a document question wants: type, year, place (both ways in time), network,
theme and title, and — for «og hvilke av dem …» — the list it narrows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.core.mentions import mentioning
from bot.core.phrases import join
from bot.core.question import Question
from bot.core.question_values import Place, YearSpan
from bot.i18n import t
from bot.lists import words
from indexer.catalogue import ProjectQuery
from indexer.models import DocType, DocumentMeta, MunicipalityMention
from indexer.store.visible import KnowledgeReader
from indexer.text.language import Language
from indexer.text.places import Gazetteer
from indexer.text.themes import themes_in

SEVERAL_NAMED = 2  # municipalities of one county that make a document that county's too


@dataclass(frozen=True)
class DocumentFilter:
    types: frozenset[DocType] = frozenset()
    years: tuple[int, int] | None = None
    places: tuple[Place, ...] = ()
    networks: tuple[str, ...] = ()  # «Setesdal»: part of the network's name
    themes: frozenset[str] = frozenset()
    about: frozenset[str] = field(default_factory=frozenset)  # documents of projects on them
    title: str | None = None
    mentions: tuple[str, ...] = ()  # «… nevner Kjersti Toppe»: names the document's text has
    mentioned: frozenset[str] = frozenset()  # the documents that have them
    # «Hvor nevnes Haram?»: the documents whose text names a place asked, whatever they are filed
    # under
    naming_places: frozenset[str] = frozenset()
    places_in_text: bool = False  # … asked so: the heading says «som nevner Haram»
    languages: frozenset[Language] = frozenset()  # «skrevet på nynorsk»: written in one of them
    formats: frozenset[str] = frozenset()  # «PDF-ene»: files of these kinds
    narrows: DocumentFilter | None = None
    left_out: tuple[Place, ...] = ()  # «utenom Vestland»: documents of these places are not listed
    left_out_years: YearSpan | None = None  # «bortsett frå 2022»: nor documents from these years
    left_out_themes: frozenset[str] = frozenset()  # «utenom dei om ettervern»: nor of these
    left_out_about: frozenset[str] = frozenset()  # the documents of projects on them

    def matches(self, meta: DocumentMeta) -> bool:
        if self.narrows is not None and not self.narrows.matches(meta):
            return False
        if any(in_place(meta, p) for p in self.left_out):
            return False
        if self.left_out_years is not None and meta.known_year in self.left_out_years:
            return False
        if self.left_out_themes and _on_themes(meta, self.left_out_themes, self.left_out_about):
            return False
        if self.types and meta.doc_type not in self.types:
            return False
        if self.languages and meta.language not in self.languages:
            return False
        if self.formats and meta.file_format not in self.formats:
            return False
        year = meta.known_year
        if self.years and not (year and self.years[0] <= year <= self.years[1]):
            return False
        if self.title and self.title.casefold() not in meta.title.casefold():
            return False
        if self.mentions and meta.doc_id not in self.mentioned:
            return False
        if self.networks and not any(n.casefold() in (meta.network or "").casefold()
                                     for n in self.networks):  # fmt: skip
            return False
        if self.themes and not _on_themes(meta, self.themes, self.about):
            return False
        if meta.doc_id in self.naming_places:
            return True
        towns = [p for p in self.places if p.kind == "municipality"]
        counties = [p for p in self.places if p.kind == "county"]
        return (not towns or any(_in_municipality(meta, p) for p in towns)) and (
            not counties or any(_in_county(meta, p) for p in counties))
    @property
    def all_places(self) -> tuple[Place, ...]:
        before = self.narrows.all_places if self.narrows else ()
        return tuple(dict.fromkeys((*before, *self.places)))

    @property
    def kinds(self) -> frozenset[DocType]:
        """The types the list is of: its own, or those of the list it narrows."""
        return self.types or (self.narrows.kinds if self.narrows else frozenset())

    def phrase(self, lang: Language) -> str:
        places = [p.name for p in self.places]
        names = ([] if self.places_in_text else places) + list(self.networks)
        own = words.filters(self.themes, names, self.years, lang, self.title)
        if self.languages:
            own += t("lists.written_in", lang, x=join(
                [t(f"lists.language_{code}", lang) for code in sorted(self.languages)], lang, "or"))
        if self.formats:
            own += t("lists.file_format", lang, x=join(
                [f.upper() if f == "pdf" else "Word" for f in sorted(self.formats)], lang, "or"))
        if self.mentions:
            own += t("lists.mentions", lang, x=" ".join(self.mentions))
        elif self.places_in_text and places:
            own += t("lists.mentions", lang, x=join(places, lang, "or"))
        own += words.left_out([p.name for p in self.left_out] + words.theme_names(
            self.left_out_themes, lang), self.left_out_years, lang)
        if self.narrows is None:
            return own
        before = self.narrows.phrase(lang)
        return before + t("lists.narrowed", lang, x=own) if own else before


def filter_of(question: Question, store: KnowledgeReader) -> DocumentFilter:
    base = filter_of(question.refines, store) if question.refines is not None else None
    networks = {m.network for m in store.documents() if m.network}
    places = {n for p in question.places for n in (p.name, *p.all_names)}
    named = tuple(n for n in question.names  # «Møre» of «Møre og Romsdal» names no network
                  if n not in question.mentions  # «… nevner RVTS Vest»: a name to find
                  and not any(n.casefold() in place.casefold() for place in places)
                  and any(n.casefold() in net.casefold() for net in networks))  # fmt: skip
    about = _documents_of(question.themes, store)
    return DocumentFilter(
        types=question.doc_types, years=(question.years.first, question.years.last) if question.years else None,
        places=question.places, networks=named, themes=question.themes, about=about,
        title=question.quoted, mentions=question.mentions,
        languages=question.document_languages, formats=question.document_formats,
        mentioned=mentioning(question.mentions, store), narrows=base,
        naming_places=frozenset(d for p in question.places for d in mentioning((p.name,), store))
        if question.places_mentioned else frozenset(),
        places_in_text=question.places_mentioned,
        left_out=question.excluded_places, left_out_years=question.excluded_years,
        left_out_themes=question.excluded_themes,
        left_out_about=_documents_of(question.excluded_themes, store),
    )


def _on_themes(meta: DocumentMeta, themes: frozenset[str], about: frozenset[str]) -> bool:
    """A document of a project on the themes (`about`), or titled with one of them."""
    return meta.doc_id in about or bool(themes & set(themes_in(meta.title)))


def _documents_of(themes: frozenset[str], store: KnowledgeReader) -> frozenset[str]:
    """The documents of the projects on these themes."""
    if not themes:
        return frozenset()
    found = store.find_projects(ProjectQuery(themes=themes))
    return frozenset(s.doc_id for p in found for s in p.sources)


def in_place(meta: DocumentMeta, place: Place) -> bool:
    """The document is of the place: one of its municipalities, or of the county."""
    return _in_municipality(meta, place) if place.kind == "municipality" else _in_county(meta, place)


def _in_municipality(meta: DocumentMeta, place: Place) -> bool:
    if place.is_current:
        return any(set(m.current_numbers) & set(place.numbers) for m in meta.municipalities)
    written = {*place.own_numbers, *place.numbers}
    return any(m.kommunenummer in written for m in meta.municipalities)


def _in_county(meta: DocumentMeta, place: Place) -> bool:
    """A document is a county's by the county it says it is from, or by where its own
    municipalities lie (`own_municipalities`)."""
    stated = counties_of(meta)
    own = own_municipalities(meta)
    if place.is_current:
        return place.name in stated or any(m.current_county == place.name for m in own)
    area = set(place.numbers)
    in_area = any(m.county == place.name or set(m.current_numbers) & area for m in own)
    # a document of the successor (Vestland) is the former county's (Sogn og Fjordane) unless
    # its own municipalities all lie in another former county of it (Kvam, Fjell: Hordaland)
    successor = bool(stated & set(place.current_names)) and (not own or in_area)
    return place.name in stated or successor or in_area


def own_municipalities(meta: DocumentMeta) -> list[MunicipalityMention]:
    """The municipalities that place a document: all of them when it states no county;
    otherwise those of its stated county, and those of another county it names several of
    (the Vestland resource group's minutes name five Rogaland municipalities; the Narvik
    report's one mention of Tromsø does not make it Troms's)."""
    stated = counties_of(meta)
    named = Counter(m.current_county for m in meta.municipalities)
    return [m for m in meta.municipalities
            if not stated or m.county in stated or m.current_county in stated
            or named[m.current_county] >= SEVERAL_NAMED]


def counties_of(meta: DocumentMeta) -> set[str]:
    """«Troms, Finnmark»: the counties a document names as its own, then and now."""
    written = f"{meta.county or ''},{meta.current_county or ''}"
    return {c.strip() for c in written.split(",") if c.strip()}


def today_counties_of(meta: DocumentMeta, gazetteer: Gazetteer) -> set[str]:
    """The counties of today a document belongs to, as in a listing by county: those it names
    as its own (a former one as what it became, or as much of it as holds the document's own
    municipalities) and where its own municipalities lie now."""
    local = {m.current_county for m in own_municipalities(meta) if m.current_county}
    stated = {now for name in counties_of(meta) for now in gazetteer.current_counties(name)}
    # «Vestfold og Telemark» split in two: a Holmestrand report is Vestfold's alone
    return (stated & local or stated) | local
