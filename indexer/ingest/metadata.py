"""What a document is: type, date, county, network and municipalities, for filters and answers.

Front matter always wins; otherwise general rules read the title and the first lines. Nothing is
looked up by file name except the doc type words a file name may carry, and nothing is invented:
a fact the text does not give stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from indexer.models import DocType, DocumentMeta, LoadedDocument, MunicipalityMention
from indexer.text.dates import find_dates, parse_date
from indexer.text.language import detect_language
from indexer.text.patterns import words
from indexer.text.people import people_named
from indexer.text.places import Gazetteer

_HEAD = 3000  # where titles, "Dato:" lines and doc-type markers are looked for
_DATE_WINDOW = 1000  # a bare first date further down is more likely a deadline than the date
_TYPE_WORDS: tuple[tuple[re.Pattern[str], DocType], ...] = (
    (words("referat"), DocType.REFERAT),
    (words("retningslinje(?:r|ne)?"), DocType.RETNINGSLINJE),
    (words("utlysning"), DocType.UTLYSNING),
    (words("invitasjon"), DocType.INVITASJON),
    (words("prosjekt(?:beskrivelse|skildring|plan)"), DocType.PROSJEKTBESKRIVELSE),
    (words("sluttrapport"), DocType.SLUTTRAPPORT),
    (words(r"tilsynsrapport\w*", r"rapport fr[aå] tilsyn"), DocType.TILSYNSRAPPORT),
)
_MINUTES_MARKERS = re.compile(
    r"(?im)^\W*(?:til\s?stede|tilstades?|til stades|forfall|referent)\s*:"
)
_DATE_LINE = re.compile(r"(?im)^\W*dato\s*:\s*(.+)$")
_PLACE = r"([A-ZÆØÅ][\w-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\w-]*)?)"  # «Oslo og Viken», «Oslo Viken»
_OFFICE = re.compile(rf"\b(?:Fylkesmann\w*|Statsforvalt\w*)\s+i\s+{_PLACE}")
_ALL_OF = re.compile(rf"\b(?:[Kk]ommun(?:ene|ane|er|ar))\s+i\s+{_PLACE}")
_LEARNING_NETWORK = re.compile(rf"(?i:læringsnettverk\w*)(?:\s+for\s+barnevern\w*)?\s+i\s+{_PLACE}")
_MEETING_OF = re.compile(r"(?i:møte)\s+i\s+([A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*)*)")
_BODY_WORD = re.compile(r"(?:forum|grupp\w*|nettverk\w*|utval\w*|råd\w*|team\w*)$", re.I)
_REGION_AFTER = re.compile(rf"\bi\s+{_PLACE}")


def extract_metadata(doc: LoadedDocument, doc_id: str, gazetteer: Gazetteer) -> DocumentMeta:
    """All facts about one document; front matter (`type`, `dato`, `fylke` …) overrides rules."""
    front = {key.strip().casefold(): value.strip() for key, value in doc.front_matter.items()}
    title = front.get("title") or front.get("tittel") or find_title(doc.text) or doc.source
    written = front.get("dato") or front.get("date") or ""
    date = parse_date(written) or document_date(doc.text, title)
    county = _canonical_county(front.get("fylke"), gazetteer) or _text_county(
        title, doc.text, gazetteer
    )
    listed = front.get("kommuner")
    if listed is not None:
        county = county or _first(gazetteer.find_counties(listed))
        municipalities = listed_municipalities(listed, date, county, gazetteer)
    else:
        municipalities = gazetteer.find_municipalities(doc.text, date, county)
        if county is None:
            county = _majority_county(municipalities)
            municipalities = gazetteer.find_municipalities(doc.text, date, county)
    return DocumentMeta(
        doc_id=doc_id,
        source=doc.source,
        path=doc.path,
        title=title,
        doc_type=_doc_type(front.get("type"), title, doc.source, doc.text[:_HEAD]),
        date=date,
        year=None if date else year_only(written, doc.source),
        county=county,
        current_county=gazetteer.current_county(county) if county else None,
        network=front.get("nettverk") or find_network(title, doc.text, county, gazetteer),
        municipalities=municipalities,
        url=source_url(front),
        publisher=publisher_of(front),
        people=people_named(doc.text, gazetteer),
        language=detect_language(doc.text[:_LANGUAGE_SAMPLE]),
    )


# enough running text for the marker words to outvote a quoted name or an English title
_LANGUAGE_SAMPLE = 20_000
_URL_KEYS = ("url", "source", "kilde", "kjelde", "lenke")
_PUBLISHER_KEYS = ("publisher", "utgiver", "utgjevar", "avsender", "avsendar")


def source_url(front: dict[str, str]) -> str | None:
    """The document's own web address from its front matter (`url:`, or a `source:` that is one).

    Only https: the address becomes a link a reader clicks.
    """
    for key in _URL_KEYS:
        value = front.get(key, "").strip()
        if value.lower().startswith("https://") and " " not in value:
            return value
    return None


def publisher_of(front: dict[str, str]) -> str | None:
    """Who issued the document, as its front matter says («Statsforvaltaren i Rogaland»); a
    note in brackets after the name («(publisert av Statens helsetilsyn)») is left out."""
    written = next((front[k] for k in _PUBLISHER_KEYS if front.get(k, "").strip()), "")
    name = written.split(" (")[0].strip().strip('"')
    return name or None


def find_title(text: str) -> str:
    """A heading or line that names the document type, else the first heading or real line."""
    raw = [line for line in text[:_HEAD].splitlines() if line.strip()]
    lines = [(_clean(line), line.lstrip().startswith("#")) for line in raw]
    lines = [(line, heading) for line, heading in lines if line and len(line) <= 200]
    choices = (
        (line for line, heading in lines if heading and _type_in(line)),
        (line for line, _ in lines if _type_at_start(line) and not line.endswith(".")),
        (line for line, heading in lines if heading),
        (line for line, _ in lines if len(line.split()) >= 3 and not line.endswith(":")),
        (line for line, _ in lines),
    )
    for choice in choices:
        found = next(choice, None)
        if found:
            return found
    return ""


_YEAR_ONLY = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_FILE_YEAR = re.compile(r"^((?:19|20)\d\d)[_-](?!\d)")  # «2021_referat_ks-….md», not «2021-10-26_…»


def year_only(written: str, source: str) -> int | None:
    """A document dated only by its year: front matter «date: "2021"», or a file named
    «2021_…». Questions naming the year fit it, though no day is known."""
    match = _YEAR_ONLY.match(written) or _FILE_YEAR.match(source)
    return int(match.group(1)) if match else None


def document_date(text: str, title: str) -> dt.date | None:
    """The date in the title, else a "Dato:" line, else the first full date near the top."""
    in_title = find_dates(title)
    if in_title:
        return in_title[0].date
    line = _DATE_LINE.search(text[:_HEAD])
    if line and parse_date(line.group(1)):
        return parse_date(line.group(1))
    near_top = find_dates(text[:_DATE_WINDOW])
    return near_top[0].date if near_top else None


def find_network(title: str, text: str, county: str | None, gazetteer: Gazetteer) -> str | None:
    """A short name for the group behind the document, built from how the title names it."""
    lowered = title.casefold()
    if "ressursgrupp" in lowered:
        region = " og ".join(gazetteer.find_counties(title)) or _region(title)
        label = "Utvidet ressursgruppe" if "utvid" in lowered else "Ressursgruppe"
        return f"{label} {region}".strip()
    if "styringsgrupp" in lowered:
        return f"Styringsgruppen {_region(title[lowered.index('styringsgrupp') :])}".strip()
    meeting = _MEETING_OF.search(title)
    if meeting and _names_a_body(meeting.group(1), gazetteer):
        return meeting.group(1)
    for source in (title, text):
        named = _LEARNING_NETWORK.search(source)
        if named:
            return f"Læringsnettverket i {named.group(1)}"
    if county and "læringsnettverk" in text.casefold():
        return f"Læringsnettverket i {county}"
    return None


def _names_a_body(phrase: str, gazetteer: Gazetteer) -> bool:
    """ "Samarbeidsforum REKOM" or "Fagrådet" is a body; "Bergen" or "Statens (hus)" is not."""
    if phrase in gazetteer.municipality_names | gazetteer.county_names:
        return False
    return " " in phrase or _BODY_WORD.search(phrase) is not None


def listed_municipalities(
    value: str, on: dt.date | None, county: str | None, gazetteer: Gazetteer
) -> list[MunicipalityMention]:
    """Front matter `kommuner: Fjell, Sund`; "alle kommuner i X" names no particular one."""
    if value.casefold().startswith("alle"):
        return []
    mentions: dict[str, MunicipalityMention] = {}
    for part in re.split(r"[,;]", value):
        name = part.strip()
        found = gazetteer.municipality_at(name, on, county) if name else []
        if len(found) == 1:  # an unknown or unresolvable name is dropped, never guessed
            mentions.setdefault(found[0].number, gazetteer.mention(found[0], name))
    return list(mentions.values())


def _doc_type(declared: str | None, title: str, source: str, head: str) -> DocType:
    for text in (declared or "", title, re.sub(r"[_\-.]+", " ", source)):
        found = _types_in(text)
        if found:
            return found[0]
    return DocType.REFERAT if _MINUTES_MARKERS.search(head) else DocType.ANNET


def _types_in(text: str) -> list[DocType]:
    """Doc types named in `text`, the earliest first."""
    hits = [(m.start(), t) for pattern, t in _TYPE_WORDS for m in pattern.finditer(text)]
    return [t for _, t in sorted(hits, key=lambda hit: hit[0])]


def _type_in(line: str) -> bool:
    return bool(_types_in(line))


def _type_at_start(line: str) -> bool:
    return any(pattern.match(line) for pattern, _ in _TYPE_WORDS)


def _clean(line: str) -> str:
    return " ".join(line.strip().lstrip("#").replace("**", "").replace("__", "").split())


def _text_county(title: str, text: str, gazetteer: Gazetteer) -> str | None:
    """A county in the title, else the one the county governor or "kommunene i" names (most
    of the times they are named)."""
    in_title = gazetteer.find_counties(title)
    if in_title:
        return in_title[0]
    for pattern in (_OFFICE, _ALL_OF):
        # a joint office («Statsforvalteren i Oslo og Viken») names both its counties
        named = Counter(county for match in pattern.finditer(text)
                        for county in gazetteer.find_counties(match.group(1)))
        if named:
            county, count = named.most_common(1)[0]
            # a table of every county governor («Statsforvalteren i Oslo og Viken | 10 …») is
            # about none of them: one county only when most mentions name it
            return county if count * 2 > sum(named.values()) or len(named) == 1 else None
    return None


def _majority_county(mentions: list[MunicipalityMention]) -> str | None:
    """The county most named municipalities lay in, when at least two agree and they are most."""
    counts = Counter(m.county for m in mentions)
    if not counts:
        return None
    county, count = counts.most_common(1)[0]
    return county if count >= 2 and count * 2 > len(mentions) else None


def _canonical_county(name: str | None, gazetteer: Gazetteer) -> str | None:
    if not name:
        return None
    county = gazetteer.county_at(name)
    return county.name if county else name


def _region(title: str) -> str:
    match = _REGION_AFTER.search(title)
    return match.group(1) if match else ""


def _first(items: list[str]) -> str | None:
    return items[0] if items else None
