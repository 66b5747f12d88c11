"""Long answers as pages: one Teams activity each, and never an item cut from its heading.

A page holds whole units – a heading (a bold line, a `#` line or a line ending in ":") with the
list items under it, or one other line – stays under a byte budget, and cites at most ten
sources, renumbered 1, 2 … in the order the page first cites them, so its markers match the
Teams citation entity. A unit too big for one page goes on over the next with its heading
repeated and marked as continued.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.core.models import Citation

MAX_CITATIONS = 10  # Teams shows at most ten per message
TEXT_BUDGET_BYTES = 15_000  # JSON bytes of a page's text; leaves room for entity and card
_MARKER = re.compile(r"\[(\d+)\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+\S.*|\*\*[^*].*\*\*|[^-*•\s].{0,120}:)\s*$")


@dataclass
class Page:
    """One page's text with its own citation numbers; `marker` cites more on the same numbers."""

    text: str
    citations: list[Citation]
    _sources: dict[int, Citation] = field(default_factory=dict, repr=False)
    _local: dict[int, int] = field(default_factory=dict, repr=False)

    def marker(self, numbers: list[int]) -> str:
        """`[1][2]` for these answer-wide citation numbers, citing them here while room is left."""
        local = [self._cite(n) for n in sorted(set(numbers))]
        return "".join(f"[{n}]" for n in local if n is not None)

    def _cite(self, n: int) -> int | None:
        if n not in self._local:
            source = self._sources.get(n)
            if source is None or len(self.citations) >= MAX_CITATIONS:
                return None
            self._local[n] = len(self.citations) + 1
            self.citations.append(source.model_copy(update={"n": self._local[n]}))
        return self._local[n]


def paginate(
    text: str, citations: list[Citation], continued: str,
    budget: int = TEXT_BUDGET_BYTES, max_cites: int = MAX_CITATIONS,
) -> list[Page]:
    """The answer's text as pages; `continued` marks a heading repeated on the next page."""
    pages: list[list[str]] = []
    current: list[str] = []
    size, cited = 0, set()  # of `current`, kept as it grows: answers can run to thousands of lines
    for unit in units(text):
        for part in _fit(unit, budget, max_cites, continued):
            part_size, part_cited = _measure(part)
            if current and (size + part_size > budget or len(cited | part_cited) > max_cites):
                pages.append(current)
                current, size, cited = [], 0, set()
            current += part
            size, cited = size + part_size, cited | part_cited
    if current or not pages:
        pages.append(current)
    return [renumber("\n".join(lines), citations) for lines in pages]


def units(text: str) -> list[list[str]]:
    """Lines grouped into what must stay together: a heading and the list items under it."""
    found: list[list[str]] = []
    heading: list[str] | None = None
    for line in text.strip().split("\n"):
        if not line.strip():
            heading = None
        elif _ITEM.match(line) and heading is not None:
            heading.append(line)
        elif _HEADING.match(line) and not _ITEM.match(line):
            heading = [line]
            found.append(heading)
        else:
            heading = None
            found.append([line])
    return found


def renumber(text: str, citations: list[Citation]) -> Page:
    page = Page("", [], {c.n: c for c in citations})

    def local(match: re.Match[str]) -> str:
        return page.marker([int(match.group(1))]) or match.group(0)

    page.text = _MARKER.sub(local, text)
    return page


def _fit(unit: list[str], budget: int, max_cites: int, continued: str) -> list[list[str]]:
    """The unit whole when it fits a page, else in parts that each carry its heading."""
    if _fits(unit, budget, max_cites):
        return [unit]
    heading = unit[0] if len(unit) > 1 else None
    lines = [piece for line in unit[1 if heading else 0 :] for piece in _pieces(line, budget)]
    parts: list[list[str]] = []
    part: list[str] = [heading] if heading else []
    for line in lines:
        if len(part) > (1 if heading else 0) and not _fits([*part, line], budget, max_cites):
            parts.append(part)
            part = [_continued(heading, continued)] if heading else []
        part.append(line)
    parts.append(part)
    return parts


def _fits(lines: list[str], budget: int, max_cites: int) -> bool:
    size, cited = _measure(lines)
    return size <= budget and len(cited) <= max_cites


def _measure(lines: list[str]) -> tuple[int, set[str]]:
    """JSON bytes of the lines once joined into a page, and the markers they use."""
    size = sum(len(json.dumps(line)) + 2 for line in lines)
    return size, {m for line in lines for m in _MARKER.findall(line)}


def _pieces(line: str, budget: int) -> list[str]:
    """An over-long line cut at sentence ends, then at spaces, never inside a marker."""
    if len(json.dumps(line)) <= budget:
        return [line]
    out: list[str] = []
    for unit in _SENTENCE_END.split(line):
        while len(json.dumps(unit)) > budget:
            cut = len(unit)
            while cut > 1 and len(json.dumps(unit[:cut])) > budget:
                cut = cut * 3 // 4
            space = unit.rfind(" ", 0, cut)
            cut = space if space > 0 else cut
            out.append(unit[:cut])
            unit = unit[cut:].lstrip()
        out.append(unit)
    return [piece for piece in out if piece]


def _continued(heading: str, word: str) -> str:
    if heading.rstrip().endswith("**"):
        return f"{heading.rstrip()[:-2]} ({word})**"
    return f"{heading.rstrip().rstrip(':')} ({word}):"


_BULLET = re.compile(r"^[-*•]\s+")
_NUMBERED = re.compile(r"^(\d+)([.)])\s+")


def teams_markdown(text: str) -> str:
    """Every line its own paragraph, list items written as «•» lines rather than markdown lists.

    The core writes one item or heading per line; in markdown a single newline joins lines into
    one paragraph. Clients look for citation markers in paragraphs – the Agents Playground turns
    `[n]` into a citation only there, never in the bare text of a list item – so an item is a
    paragraph that starts with a bullet (or its escaped number) instead.
    """
    lines = [line.rstrip() for line in text.strip().split("\n") if line.strip()]
    return "\n\n".join(_paragraph(line) for line in lines)


def _paragraph(line: str) -> str:
    """A sub-item is indented by em spaces: leading spaces would make markdown code of it."""
    indent = "\u2003" * ((len(line) - len(line.lstrip())) // 2)
    line = _BULLET.sub("• ", _NUMBERED.sub(r"\1\\\2 ", line.lstrip()))
    return indent + line
