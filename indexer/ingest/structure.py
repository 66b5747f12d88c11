"""Find the sections of a document's text, so chunks and summaries follow its own headings.

Sections tile the text: every character belongs to exactly one section. Text before the first
heading is a preamble with `heading_path == []`. A document title (the first heading when it is a
markdown heading shallower than every other heading, e.g. `# Referat fra ...`) is not a section
of its own: it is folded into the preamble, because the title already travels in DocumentMeta and
repeating it in every heading path would only add noise.

Heading kinds, in order of trust:
- agenda items of minutes at line start: "Sak 1)", "Sak 10/22 ...", "### Sak 1/2020 ...",
  "Sak 3 – ...", "Sak 3: ...", "SAK 4." (not "Sak 3 ble utsatt", nor "sak"/"Saka" in prose);
  a bare "Neste møte"/"Neste samling" line. Sak lines count in every doc type, since a file's
  type may be guessed wrong and a capitalised "Sak N" opening a line is a strong signal;
- markdown headings (# … ######) and bold-only lines (**Like this**);
- numbered headings ("1. Formål ...", "2.3 Budsjett"), only in documents that do not structure
  themselves with markdown headings. In a referat without Sak items they are agenda items
  ("1. Godkjenning av referat", "2) Orientering"); elsewhere they must stand alone between
  blank lines, so numbered lists are not mistaken for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from indexer.models import DocType

_MAX_HEADING_CHARS = 200
_MAX_NUMBERED_CHARS = 120

_SAK = re.compile(
    r"^[ \t]*(?P<hashes>#{1,6}[ \t]+)?(?:\*\*|__)?[ \t]*(?:Sak|SAK)(?:[ \t]+nr\.?)?[ \t]*"
    r"(?P<num>\d{1,3}(?:/\d{2,4})?)(?P<sep>[ \t]*[).:–—-]|[ \t]+|[ \t]*$)(?P<rest>.*)$"
)
_MARKDOWN = re.compile(r"^[ \t]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t#]*$")
_NEXT_MEETING = re.compile(
    r"^[ \t]*(?:\*\*|__)?[ \t]*Neste[ \t]+(?:møte|samling|nettverkssamling)[ \t]*:?[ \t]*"
    r"(?:\*\*|__)?[ \t]*:?$",
    re.IGNORECASE,
)
_BOLD_ONLY = re.compile(r"^[ \t]*(\*\*|__)(?P<title>[^*_][^*]*?)\1[ \t]*:?[ \t]*$")
_NUMBERED = re.compile(
    r"^[ \t]*(?P<num>\d{1,2}(?:\.\d{1,2})*)(?P<sep>[.)])?[ \t]+(?P<rest>\S.*?)[ \t]*$"
)
_TOC_TAIL = re.compile(r"(?:\.{3,}|…+|\t)[ \t.]*\d+$")  # "Formål.....\t2": a contents line


@dataclass(frozen=True)
class Section:
    """A heading and its body: `text[start:end]`; the body proper starts at `body_start`."""

    heading_path: list[str]
    level: int
    start: int
    end: int
    body_start: int
    sak_number: str | None = None

    @property
    def heading(self) -> str | None:
        return self.heading_path[-1] if self.heading_path else None


class _Heading(NamedTuple):
    line_no: int
    start: int  # offset of the heading line in the text
    end: int  # offset just after the heading line
    title: str
    level: int | None  # None: an agenda line without markdown, leveled later
    kind: str  # "sak", "agenda", "markdown", "bold", "numbered"
    sak_number: str | None = None


class _Line(NamedTuple):
    start: int
    end: int
    content: str


def find_sections(text: str, doc_type: DocType) -> list[Section]:
    """Split `text` into sections that tile it, each knowing its heading path."""
    if not text:
        return []
    lines = _lines(text)
    headings = _drop_title(_level(_detect(lines, doc_type)))
    if not headings:
        return [Section([], 0, 0, len(text), 0)]
    sections: list[Section] = []
    first_start = headings[0].start
    if text[:first_start].strip():
        sections.append(Section([], 0, 0, first_start, 0))
    else:
        first_start = 0  # whitespace before the first heading joins it
    stack: list[tuple[int, str]] = []
    for i, head in enumerate(headings):
        level = head.level or 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, head.title))
        start = first_start if i == 0 else head.start
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        path = [title for _, title in stack]
        sections.append(Section(path, level, start, end, head.end, head.sak_number))
    return sections


def agenda_items(text: str) -> list[Section]:
    """Only the agenda items (Sak 1, Sak 2, ...) of a referat, in order."""
    return [s for s in find_sections(text, DocType.REFERAT) if s.sak_number is not None]


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        lines.append(_Line(pos, pos + len(raw), raw.rstrip()))
        pos += len(raw)
    return lines


def _detect(lines: list[_Line], doc_type: DocType) -> list[_Heading]:
    found = [h for i, line in enumerate(lines) if (h := _line_heading(i, line))]
    has_sak = any(h.kind == "sak" for h in found)
    markdown = sum(1 for line in lines if _MARKDOWN.match(line.content))
    if markdown > 1 or (doc_type == DocType.REFERAT and has_sak):
        return found
    as_agenda = doc_type == DocType.REFERAT
    numbered = [h for i in range(len(lines)) if (h := _numbered(lines, i, as_agenda))]
    taken = {h.line_no for h in found}
    return sorted(found + [h for h in numbered if h.line_no not in taken])


def _line_heading(i: int, line: _Line) -> _Heading | None:
    """Headings recognisable from their own line alone."""
    content = line.content
    if not content.strip() or len(content.strip()) > _MAX_HEADING_CHARS:
        return None
    if m := _SAK.match(content):
        rest = _unbold(m["rest"])
        if m["sep"].strip() or not rest or not rest[0].islower():  # "Sak 3 ble utsatt" is prose
            level = len(m["hashes"].strip()) if m["hashes"] else None
            return _Heading(i, line.start, line.end, _clean(content), level, "sak", m["num"])
    if m := _MARKDOWN.match(content):
        title = _clean(m["title"])
        level = len(m["hashes"])
        return _Heading(i, line.start, line.end, title, level, "markdown") if title else None
    if _NEXT_MEETING.match(content):
        return _Heading(i, line.start, line.end, _clean(content), None, "agenda")
    if (m := _BOLD_ONLY.match(content)) and len(content.strip()) <= 150:
        return _Heading(i, line.start, line.end, _clean(content), 0, "bold")
    return None


def _numbered(lines: list[_Line], i: int, as_agenda: bool) -> _Heading | None:
    """A numbered heading: short, capitalised, no final period, not a contents or list line."""
    line = lines[i]
    m = _NUMBERED.match(line.content)
    if not m or len(line.content.strip()) > _MAX_NUMBERED_CHARS or _TOC_TAIL.search(line.content):
        return None
    rest = _unbold(m["rest"])
    if not rest[:1].isupper() or rest.endswith("."):
        return None
    prev_blank = i == 0 or not lines[i - 1].content.strip()
    next_blank = i + 1 == len(lines) or not lines[i + 1].content.strip()
    title = _clean(line.content)
    if as_agenda:
        if m["sep"] is None or _is_list_line(lines, i - 1) or _is_list_line(lines, i + 1):
            return None
        return _Heading(i, line.start, line.end, title, None, "agenda", m["num"])
    if (m["sep"] != "." and "." not in m["num"]) or not (prev_blank and next_blank):
        return None
    return _Heading(i, line.start, line.end, title, m["num"].count(".") + 1, "numbered")


def _is_list_line(lines: list[_Line], i: int) -> bool:
    return 0 <= i < len(lines) and bool(_NUMBERED.match(lines[i].content))


def _level(headings: list[_Heading]) -> list[_Heading]:
    """Give plain agenda lines the level of markdown Sak headings, bold lines one below."""
    sak_levels = [h.level for h in headings if h.kind == "sak" and h.level]
    agenda_level = min(sak_levels, default=1)
    leveled, parent_level = [], 0
    for head in headings:
        if head.kind == "bold":
            head = head._replace(level=parent_level + 1)
        else:
            head = head._replace(level=head.level or agenda_level)
            parent_level = head.level or 0
        leveled.append(head)
    return leveled


def _drop_title(headings: list[_Heading]) -> list[_Heading]:
    """Fold a document title (first heading, shallower than all others) into the preamble."""
    if not headings or headings[0].kind != "markdown":
        return headings
    top = headings[0].level or 1
    if all((h.level or 1) > top for h in headings[1:]):
        return headings[1:]
    return headings


def _unbold(value: str) -> str:
    return value.strip().strip("*_").strip()


def _clean(line: str) -> str:
    """A heading line as users should read it: no markdown hashes or bold markers."""
    title = re.sub(r"^[ \t]*#{1,6}[ \t]+", "", line).strip()
    title = re.sub(r"(\*\*|__)", "", title)
    return " ".join(title.split())
