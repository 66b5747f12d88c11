"""Put a PDF page's wrapped lines back into the paragraphs, items and label lines they were.

A PDF stores where each line was printed, not where a paragraph ends, so extracted text breaks
every sentence at the page edge: «Referat fra møte i styringsgruppen for» becomes a title, and
a sentence split over two lines is never found whole. A line is joined to the next when the
next one is plainly its continuation (it starts in lower case, or this line ends in a comma or a
hyphenated word), or when this line runs to the page edge and the next does not begin something
of its own (a bullet, a numbered heading, «Sak 12/24», a «Label:» line) and this one does not
end a sentence.
"""

from __future__ import annotations

import re

# A line at least this share of the page's long lines counts as running to the edge.
_FULL_SHARE = 0.8
# The long-line length is this quantile of the page's line lengths.
_LONG_QUANTILE = 0.9
_MIN_LONG = 40

_STARTS_OWN = re.compile(
    r"""^(?:[•·▪◦‣\-–*]\s           # a bullet
        |\d{1,2}[.)]\s              # a numbered heading or item
        |[a-zæøå][.)]\s             # a lettered item
        |Sak\s+\d                   # a case in minutes
        |[A-ZÆØÅ][\w/ ()-]{0,30}:\s # a label line: «Til stede: …»
        |\|)                        # a table row
    """,
    re.VERBOSE,
)
_ENDS_SENTENCE = (".", ":", "!", "?")  # a line that ends so is no wrap in mid-sentence
_HYPHENATED = re.compile(r"[a-zæøåA-ZÆØÅ]-$")
_NOT_A_WORD_BREAK = re.compile(r"^(?:og|eller|and|or|til)\b")


def reflow(page_text: str) -> str:
    """The page's text with wrapped lines joined; blank lines and real line ends kept."""
    lines = [line.rstrip() for line in page_text.splitlines()]
    long_line = _long_line_length([line for line in lines if line.strip()])
    out: list[str] = []
    printed = ""  # the last line as printed, before any joining
    for line in lines:
        if out and printed.strip() and line.strip() and _continues(printed, line, long_line):
            out[-1] = _join(out[-1], line.lstrip())
        else:
            out.append(line)
        printed = line
    return "\n".join(out)


def _long_line_length(lines: list[str]) -> float:
    if not lines:
        return float(_MIN_LONG)
    lengths = sorted(len(line) for line in lines)
    return max(float(_MIN_LONG), float(lengths[int(_LONG_QUANTILE * (len(lengths) - 1))]))


def _continues(printed: str, line: str, long_line: float) -> bool:
    """Whether `line` goes on with the paragraph whose last printed line is `printed`."""
    start = line.lstrip()
    if _STARTS_OWN.match(start):
        return False
    if start[0].islower() and not printed.endswith((":", ".")):
        return True
    if printed.endswith(",") or _HYPHENATED.search(printed):
        return True
    # A sentence that ends at the edge loses nothing by keeping its line end; a heading after
    # it would be swallowed by joining.
    return len(printed) >= _FULL_SHARE * long_line and not printed.endswith(_ENDS_SENTENCE)


def _join(previous: str, line: str) -> str:
    if _HYPHENATED.search(previous) and line[:1].islower() and not _NOT_A_WORD_BREAK.match(line):
        return previous[:-1] + line
    return f"{previous} {line}"


def join_pages(pages: list[str]) -> str:
    """Pages apart by a blank line, unless a sentence runs on from one page to the next."""
    text = ""
    for page in pages:
        if text and page[:1].islower() and not text.endswith(_ENDS_SENTENCE):
            text = f"{text} {page}"
        else:
            text = f"{text}\n\n{page}" if text else page
    return text
