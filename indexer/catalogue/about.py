"""What a project is about: the themes its title, its «prosjektet om …» phrase, and its stated
purpose and goals name — not every theme word somewhere near it.

A passing mention does not make a project a foster-care project: «Prosjektet har også sett på
…», «blant annet fosterhjem», «Barn i fosterhjem omfattes ikke av prosjektet», «det er ikke et
fosterhjemsprosjekt». A clause that hedges («også», «i tillegg», «blant annet») before a theme
word, or a sentence that says what the project is *not*, states no theme.
"""

from __future__ import annotations

import re

from indexer.text.themes import ThemeHit, find_themes

# «også», «òg», «i tillegg», «blant annet», «bl.a.», «mellom anna», «m.a.», «dessuten»,
# «eventuelt», «for eksempel», «til dømes», «eks.», and the English ones.
_HEDGE = re.compile(
    r"(?<!\w)(?:også|òg|i tillegg|blant annet|blant anna|bl\.\s?a\.|mellom anna|m\.\s?a\.|"
    r"dessuten|eventuelt|for eksempel|til dømes|t\.\s?d\.|eks\.|f\.\s?eks\.|also|as well|"
    r"in addition|including|for example|e\.\s?g\.|among other)(?!\w)",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"(?<!\w)(?:ikke|ikkje|ingen|inga|uten|utan|verken|korkje|not|without|neither)(?!\w)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:–—()]|\s(?:men|mens|but|while|whereas)\s", re.IGNORECASE)
# «prosjektet om fosterhjem i slekt og nettverk», «et prosjekt for ettervern», «handler om …»
ABOUT_PHRASE = re.compile(
    r"(?:\bprosjekt\w*|\bprojects?|\bhandl(?:er|ar|a|et)|\bdreier seg|\bdreiar seg|\bis about"
    r"|\bfocus(?:es|ed)? on)\s+(?:om|for|knytt(?:et)? til|on|about|innan|innen)\s+"
    r"(?P<about>[^.;:!?()\n]{3,120})",
    re.IGNORECASE,
)
# Sections that state what a project is for: purpose, goals, summary (not background, not
# the measures: those describe the situation and the work, where side themes come up).
PURPOSE_HEADING = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:formål|føremål|hensikt|mål(?:et|a|ene|setting\w*)?\b|hovudmål|"
    r"hovedmål|delmål|sammendrag|samandrag|purpose|aims?\b|goals?\b|objectives?|summary)",
    re.IGNORECASE,
)


def stated(text: str) -> list[ThemeHit]:
    """Theme hits that the text states as what something is about (passing mentions left out)."""
    hits = find_themes(text)
    if not hits or _NEGATION.search(text):
        return []  # a sentence saying what a project is not about states no theme
    return [hit for hit in hits if not _hedged(text, hit.start)]


def about_phrase(text: str) -> tuple[int, int] | None:
    """Where «prosjektet om X» (or «handlar om X») names the subject, as offsets of X."""
    match = ABOUT_PHRASE.search(text)
    return (match.start("about"), match.end("about")) if match else None


def phrase_hits(text: str) -> list[ThemeHit]:
    """Themes inside an «om X» phrase: the project's subject, stated outright."""
    where = about_phrase(text)
    if where is None or _NEGATION.search(text[: where[1]]):
        return []
    start, end = where
    return [h for h in find_themes(text) if start <= h.start < end and not _hedged(text, h.start)]


def attached(text: str, project_at: int, hit: ThemeHit) -> bool:
    """Does the theme describe the project named at `project_at`? It does inside the same word
    («fosterhjemsprosjektet»), in the «om X» phrase, or in the project word's own clause."""
    word_start = max(text.rfind(" ", 0, project_at), 0)
    word_end = text.find(" ", project_at)
    word_end = len(text) if word_end < 0 else word_end
    if word_start <= hit.start < word_end:
        return True
    if hit.start < project_at:
        return False
    return not _CLAUSE_BREAK.search(text, project_at, hit.start)


def _hedged(text: str, position: int) -> bool:
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        clause_start = match.end()
    return bool(_HEDGE.search(text, clause_start, position))
