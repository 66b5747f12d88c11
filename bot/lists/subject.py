"""What a list question's subject means when no theme word matched it: a theme it nearly spells
(«konflikter»: «Mente du «høykonflikt»?»), a project titled with it («samiske barn»: «Samisk
språk og kultur i barnevernet»), or — said in everyday words («ungdom som flytter ut fra
barnevernet og trenger hjelp videre») — the theme of the project documents most like it.

The last reading is shown («Tolket «…» som «ettervern»»), and made only where the two project
documents most like the words share the theme; where they differ, their themes are offered
(«Mente du «høykonflikt» eller «foreldrestøtte»?») rather than a guess or an unfiltered list.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from bot.core.context import CoreContext
from bot.core.mentions import mentioning
from bot.core.question import Question
from bot.core.ranking import reciprocal_rank_fusion
from bot.lists.routing import ListRequest
from indexer.catalogue import ProjectQuery
from indexer.models import DocType
from indexer.text.glossary import bridged
from indexer.text.themes import THEMES, Theme, themes_in

MIN_TITLE_WORD = 5  # a shorter word would be found inside too many titles
_ENDINGS = ("ane", "ene", "ar", "er", "en", "et", "e", "a")  # «samiske» is in «Samisk språk …»
_PROJECT_DOCUMENTS = frozenset({DocType.PROSJEKTBESKRIVELSE, DocType.SLUTTRAPPORT})
_NEAREST = 8  # chunks each retriever hands over; the documents are read off them in order


def any_project(query: ProjectQuery, ctx: CoreContext) -> bool:
    """Whether any project matches: the probe a narrower or wider reading is chosen by."""
    return bool(ctx.store.project_page(query, 0, 1).total)


def by_region(question: Question, request: ListRequest, ctx: CoreContext) -> ListRequest:
    """«Hvilke kommuner er med i prosjektet i Numedal?»: a region no gazetteer holds
    (`Question.regions`) titling a project's document («… i Kongsberg og Numedal») names that
    project; the list is unchanged when no document's title has it (a body's name)."""
    query = request.query
    if query.municipalities or query.written or query.current_counties or query.counties \
            or query.area or query.region:
        return request
    for name in question.regions:
        regional = replace(request, query=replace(query, region=name))
        if any_project(regional.query, ctx):
            return regional
    return request


def by_mention(question: Question, request: ListRequest, ctx: CoreContext) -> ListRequest:
    """«Kva prosjekt har hatt USN som kompetansemiljø?»: a name no place, person or region
    reading took (a body, a partner) keeps the projects whose own documents (description, final
    report) name it. Unchanged where none do, or every one does: the name then tells nothing."""
    places = {n.casefold() for p in question.places for n in (p.name, *p.all_names)}
    named = tuple(n for n in question.names if n not in question.regions
                  and n not in question.persons and n.casefold() not in places
                  and n.casefold() != (question.quoted or "").casefold())
    if not named:
        return request
    own = {m.doc_id for m in ctx.store.documents() if m.doc_type in _PROJECT_DOCUMENTS}
    naming = mentioning(named, ctx.store) & own
    acronyms = tuple(n for n in named if n.isupper() and len(n) > 1)
    if not naming and acronyms and len(acronyms) < len(named):
        named = acronyms  # «Universitetet i Søraust-Noreg (USN)»: the documents write «USN»
        naming = mentioning(named, ctx.store) & own
    if not naming:
        return request
    together = " ".join(named)  # «RKBU Nord», read as two names, is said as one
    said = (together,) if together.casefold() in question.text.casefold() else named
    narrowed = replace(request, query=replace(request.query, documents=frozenset(naming)),
                       mentions=said)
    kept = ctx.store.project_page(narrowed.query, 0, 1).total
    return narrowed if 0 < kept < ctx.store.project_page(request.query, 0, 1).total else request


def titled_with(topic: str, request: ListRequest, ctx: CoreContext) -> ListRequest | None:
    """«Hvilke prosjekter handler om samiske barn?»: no theme is «samisk», but a project is
    titled with the word («Samisk språk og kultur i barnevernet»); those projects answer,
    rather than «Jeg finner ingen prosjekter om «samiske» …». None when no title has it."""
    word = topic.split()[0].casefold()
    forms = [word, *(word[: -len(e)] for e in _ENDINGS if word.endswith(e))]
    for form in (f for f in forms if len(f) >= MIN_TITLE_WORD):
        titled = by_title(form, request, ctx)
        if titled is not None:
            return titled
    return None


def by_title(name: str, request: ListRequest, ctx: CoreContext) -> ListRequest | None:
    """«Hvilke kommuner er med i Se meg-prosjektet?» asks of the project so titled; a name no
    project has («… i Valdres-prosjektet?», a region) would list every project, so the
    documents that name it answer instead (None)."""
    titled = replace(request, query=replace(request.query, title=name))
    return titled if any_project(titled.query, ctx) else None


def described(text: str, subject: str, request: ListRequest, ctx: CoreContext
              ) -> tuple[ListRequest | None, list[Theme]]:  # fmt: skip
    """The request read with the theme the subject's words describe, and the phrase so read;
    or None and the themes to offer. `text` is the question, `subject` where its subject
    begins («ungdom»): the words from there to the sentence's end are what is described."""
    phrase = _phrase(text, subject)
    documents = _nearest_project_documents(phrase, ctx)
    themes = [themes_in(title) for title in documents[:2]]
    if len(themes) == 2 and (shared := [k for k in themes[0] if k in themes[1]]):
        read = replace(request.query, themes=frozenset(shared[:1]))
        return replace(request, query=read, read_as=phrase), []
    offered = list(dict.fromkeys(k for keys in themes for k in keys))
    return None, [theme for theme in THEMES if theme.key in offered]


def _phrase(text: str, subject: str) -> str:
    start = text.casefold().find(subject.casefold())
    rest = text[start:] if start >= 0 else subject
    return re.split(r"[?.!;]|,\s*(?:og|and|men|but)\b", rest, maxsplit=1)[0].strip()


def _nearest_project_documents(phrase: str, ctx: CoreContext) -> list[str]:
    """Titles of the project descriptions and final reports most like the phrase (a dense and
    a word ranking of their chunks, fused), each document once, closest first."""
    titled = {d.doc_id: d.title for d in ctx.store.documents()
              if d.doc_type in _PROJECT_DOCUMENTS and themes_in(d.title)}
    if not titled:
        return []
    vector = np.asarray(ctx.embeddings.embed_query(phrase), dtype=np.float32)
    dense = ctx.store.vectors.query(vector, _NEAREST, doc_ids=list(titled),
                                    hidden=list(ctx.store.hidden()))
    lexical = ctx.store.lexical()
    words = lexical.search(bridged(phrase, lexical.known), _NEAREST,
                           lexical.chunks_of(titled))
    fused = reciprocal_rank_fusion([[c for c, _ in dense], [c for c, _ in words]])
    order = sorted(ctx.store.chunks(list(fused)).values(), key=lambda c: -fused[c.chunk_id])
    return [titled[d] for d in dict.fromkeys(c.doc_id for c in order) if d in titled]
