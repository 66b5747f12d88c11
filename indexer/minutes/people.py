"""Who the meeting's preamble names, and as what: «Til stede», «Forfall», «Referent»,
«Møteleder», «Fra Statsforvalteren i Vestland: …», each person with the organisation written
beside them and the municipalities and roles that organisation tells («barnevernleder Tysvær»).

Attendance is counted only from a list of people ("Til stede: Name (Org), …", one
"Name, Org" per line); a list of organisations or a sentence such as "9 barneverntjenester og
18 kommuner var representert" is quoted as written instead of counted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from indexer.minutes.models import Attendance, Person, Role
from indexer.minutes.text import MinutesDoc, clean, text_lines
from indexer.text.places import Gazetteer

_LABEL = re.compile(
    r"^[\s*_>·•-]*(?P<label>til\s*stede|til\s*stades|deltakere|deltakarar|deltagere|present|"
    r"attendees|participants|meldt\s+forfall|forfall|fråfall|frafall|absent|apologies|"
    r"referent|minutes\s+taken\s+by|møteleder|møteleiar|ordstyrer|chair)"
    r"(?P<colon>[\s*_]*:)?[\s*_]*(?P<rest>.*)$", re.I)
_LABEL_ROLES = (("til", Role.PRESENT), ("delta", Role.PRESENT), ("present", Role.PRESENT),
                ("attend", Role.PRESENT), ("partic", Role.PRESENT), ("referent", Role.MINUTE_TAKER),
                ("minutes", Role.MINUTE_TAKER), ("møtele", Role.CHAIR), ("ordstyrer", Role.CHAIR),
                ("chair", Role.CHAIR))  # fmt: skip
_STOP = re.compile(r"^[\s*_]*(?:dato|sted|stad|møtested|møtestad|kopi|sak\b|tid|time)\b", re.I)
_ATTENDANCE_SENTENCE = re.compile(r"\b(representert|deltok|deltakere|deltakarar|til stede)\b", re.I)
# The organisation ends at a colon or a spaced dash: «Aust- og Vest-Agder», «Sør-Trøndelag».
_FROM_ORG = re.compile(
    r"^(?:fra|frå|from)\s+(?P<org>[^:]+?)\s*(?::|\s[–—-]\s)\s*(?P<names>.+)$", re.I)
_NAME_ORG = re.compile(
    r"^(?P<name>[^()]+?)\s*(?:\((?P<org1>[^)]+)\)|\s*[–—]\s+(?P<org2>.+)|\s+-\s+(?P<org3>.+))$"
)
_PERSON = re.compile(r"^(?:[A-ZÆØÅ][\wæøåé'’–-]*\.?\s+){1,4}[A-ZÆØÅ][\wæøåé'’–-]+$")
_ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,}\b")  # «RKBU Midt-Norge» is no one's name
_CHILD_WELFARE_LEADER = re.compile(
    r"\b(?:barnevern\w*\s*(?:leder|leiar|sjef)\w*|bv\.?\s*-?\s*(?:leder|leiar)\w*|"
    r"(?:leder|leiar) (?:for |i |av )?(?:barnevern\w*|bvtj\w*)|child[- ]welfare (?:leader|manager|"
    r"head)s?)", re.I)
_STATE = re.compile(r"\b(?:statsforvalt\w*|fylkesmann\w*|fylkesmannen|sf\s?vl|county governor)",
                    re.I)
_CHAIR = re.compile(r"\b(?:møteleder|møteleiar|ordstyrer|(?:leder|leiar) (?:av|for) "
                    r"(?:møtet|styringsgrupp\w*|nettverket|ressursgrupp\w*|gruppa|gruppen))\b",
                    re.I)  # «(barnevernleder, Kristiansand kommune, leder av styringsgruppen)»


_REPRESENTATIVES = re.compile(r"\brepresentant\w*\s+fr[aå]\b", re.I)  # a list of bodies
_LABELLED = (Role.PRESENT, Role.ABSENT, Role.MINUTE_TAKER, Role.CHAIR)
_ONE_LINE = (Role.MINUTE_TAKER, Role.CHAIR)  # «Referent: X» names one person


class Entry(NamedTuple):
    name: str | None  # None: an organisation listed on its own
    organisation: str | None
    start: int
    end: int


def read_people(doc: MinutesDoc, gazetteer: Gazetteer | None = None
                ) -> tuple[list[Person], Attendance | None]:  # fmt: skip
    """Every person the preamble names with their roles, and the attendance to show."""
    people: list[Person] = []
    counted: Attendance | None = None
    for role, entries, block in _blocks(doc):
        if _REPRESENTATIVES.search(doc.text[block[0] : block[1]]):
            entries = [Entry(None, clean(doc.text[block[0] : block[1]]), *block)]
        for entry in entries:
            if entry.name is not None:
                people.append(_person(doc, entry, role, gazetteer))
        if role == Role.PRESENT and counted is None:
            counted = _count(doc, entries, block)
    return _known(people), counted or _attendance_sentence(doc)


def _known(people: list[Person]) -> list[Person]:
    """«Referent: Cecilie Halland» is the Cecilie Halland of the attendance list, with her
    organisation."""
    by_name = {p.name: p for p in people if p.organisation}
    filled: list[Person] = []
    for person in people:
        same = by_name.get(person.name)
        if person.organisation is None and same is not None:
            roles = [*person.roles, *(r for r in same.roles if r not in _LABELLED)]
            person = person.model_copy(update={
                "organisation": same.organisation, "municipalities": same.municipalities,
                "roles": list(dict.fromkeys(roles))})
        filled.append(person)
    return filled


def _person(doc: MinutesDoc, entry: Entry, role: Role, gazetteer: Gazetteer | None) -> Person:
    org = entry.organisation
    roles = [role]
    told = " ".join(filter(None, (org, entry.name)))
    for pattern, extra in ((_CHILD_WELFARE_LEADER, Role.CHILD_WELFARE_LEADER),
                           (_STATE, Role.STATE), (_CHAIR, Role.CHAIR)):
        if org and pattern.search(told) and extra not in roles:
            roles.append(extra)
    places: list[str] = []
    if org and gazetteer is not None:
        found = gazetteer.find_municipalities(org, doc.meta.date)
        places = list(dict.fromkeys(mention.name for mention in found))
    return Person(name=entry.name or "", organisation=org, municipalities=places, roles=roles,
                  where=doc.where(entry.start, entry.end))


Block = tuple[int, int]  # the span of a labelled block


def _blocks(doc: MinutesDoc) -> list[tuple[Role, list[Entry], Block]]:
    """Labelled blocks in the preamble (the text before the first agenda item)."""
    lines = text_lines(doc.text)
    limit = max(doc.preamble_end, 2000)
    found: list[tuple[Role, list[Entry], Block]] = []
    i = 0
    while i < len(lines) and lines[i][0] <= limit:
        start, _end, content = lines[i]
        m = _LABEL.match(content)
        role = _role(m["label"]) if m else None
        if m is None or role is None or not (m["colon"] or role == Role.PRESENT
                                             or not m["rest"].strip()):
            if (single := _from_org_line(start, content)) is not None:
                found.append((Role.PRESENT, single, (start, start + len(content))))
            i += 1
            continue
        rest = m["rest"]
        block = [(start + m.start("rest"), rest)] if rest.strip() else []
        i += 1
        while i < len(lines) and lines[i][2].strip() and not _STOP.match(lines[i][2]) \
                and not _LABEL.match(lines[i][2]) and role not in _ONE_LINE:
            block.append((lines[i][0], lines[i][2]))
            i += 1
        if block:
            span = (block[0][0], block[-1][0] + len(block[-1][1]))
            found.append((role, _entries(block), span))
    return found


def _role(label: str) -> Role | None:
    label = label.casefold()
    if re.match(r"(?:meldt\s+)?forfall|fråfall|frafall|absent|apologies", label):
        return Role.ABSENT
    return next((role for prefix, role in _LABEL_ROLES if label.startswith(prefix)), None)


def _from_org_line(start: int, content: str) -> list[Entry] | None:
    """«Fra Statsforvalteren i Rogaland – Unni Reianes og Brit Espeland Nedreaas» on its own."""
    entries = _line_entries(start, content, single_line=True)
    if entries and all(e.name for e in entries) and _FROM_ORG.match(clean(content)):
        return entries
    return None


def _entries(block: list[tuple[int, str]]) -> list[Entry]:
    one_per_line = len(block) > 2 and all(clean(text).count(",") == 1 for _, text in block)
    entries: list[Entry] = []
    for start, text in block:
        if one_per_line:
            name, org = (part.strip() for part in clean(text).split(","))
            lead = len(text) - len(text.lstrip())
            entries.append(Entry(name, org, start + lead, start + len(text.rstrip())))
        else:
            entries.extend(_line_entries(start, text))
    return _attach(entries)


def _line_entries(start: int, text: str, single_line: bool = False) -> list[Entry]:
    cleaned = clean(text)
    if (m := _FROM_ORG.match(cleaned)) and (named := _from_org(m["org"].strip(), m["names"])):
        lead = len(text) - len(text.lstrip())
        return [Entry(name, org, start + lead, start + len(text.rstrip())) for name, org in named]
    if single_line:
        return []
    entries: list[Entry] = []
    for lo, hi in _splits(text):
        for name, org in _entry(clean(text[lo:hi])):
            entries.append(Entry(name, org, start + lo, start + hi))
    return entries


def _from_org(org: str, names: str) -> list[tuple[str, str]]:
    """«Fra Statsforvalteren i Rogaland – Unni Reianes og Brit Espeland Nedreaas», «Frå
    Statsforvaltaren i Møre og Romsdal: Arnhild Tomren, seniorrådgjevar»: a title after a
    name is that person's; anything else is no list of people."""
    found: list[tuple[str, str]] = []
    for part in (p.strip() for p in re.split(r",|\bog\b|\band\b|&", names) if p.strip()):
        if is_person(part):
            found.append((part, org))
        elif found and len(part.split()) <= 3 and part[0].islower():
            found[-1] = (found[-1][0], f"{part}, {org}")
        else:
            return []
    return found


def _attach(entries: list[Entry]) -> list[Entry]:
    """«Eirin Flatås, Statsforvalteren i Trøndelag»: an organisation listed right after a
    person with none is that person's."""
    merged: list[Entry] = []
    for entry in entries:
        last = merged[-1] if merged else None
        if entry.name is None and last is not None and last.name and not last.organisation:
            merged[-1] = Entry(last.name, entry.organisation, last.start, entry.end)
        else:
            merged.append(entry)
    return merged


def _splits(line: str) -> list[tuple[int, int]]:
    """Spans of the comma-separated entries of a line (commas inside parentheses kept)."""
    spans: list[tuple[int, int]] = []
    depth, begin = 0, 0
    for i, ch in enumerate(line + ","):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            piece = line[begin:i]
            if piece.strip(" \t*_"):
                lead = len(piece) - len(piece.lstrip(" \t*_"))
                spans.append((begin + lead, begin + len(piece.rstrip(" \t*_"))))
            begin = i + 1
    return spans


def _entry(entry: str) -> list[tuple[str | None, str | None]]:
    """The people in one entry; "A - B – Org" names two people of one organisation."""
    if m := _NAME_ORG.match(entry):
        name, org = m["name"].strip(), (m["org1"] or m["org2"] or m["org3"]).strip()
        if not is_person(name):
            return [(None, entry)]
        if _NAME_ORG.match(org) and (more := _entry(org)) and more[0][0] is not None:
            return [(name, more[-1][1]), *more]
        return [(name, org)]
    return [(entry, None)] if is_person(entry) else [(None, entry)]


def is_person(text: str) -> bool:
    return bool(_PERSON.match(text)) and not _ACRONYM.search(text)


def _count(doc: MinutesDoc, entries: list[Entry], block: Block) -> Attendance:
    start, end = block
    text = clean(doc.text[start:end])
    people = sum(1 for e in entries if e.name)
    if people == 0:
        return Attendance(text=text, where=doc.where(start, end))
    orgs = [e.organisation for e in entries if e.organisation]
    return Attendance(people=people, organisations=list(dict.fromkeys(orgs)),
                      where=doc.where(start, end))


def _attendance_sentence(doc: MinutesDoc) -> Attendance | None:
    for sentence in doc.sentences_in(0, max(doc.preamble_end, 1)):
        if _ATTENDANCE_SENTENCE.search(sentence.text) and re.search(r"\d", sentence.text):
            return Attendance(text=clean(sentence.text),
                              where=doc.where(sentence.start, sentence.end))
    return None
