"""Turn one file (txt, md, docx, pdf, html) into a LoadedDocument, or say plainly why not.

Every failure is a DocumentError with a short Bokmål reason, so an index run can report the
file and go on; third-party parsers raise almost anything on bad input, hence the broad catches.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.errors import DocumentError
from indexer.ingest.pdf_lines import join_pages, reflow
from indexer.models import LoadedDocument

if TYPE_CHECKING:  # the parsers load per format, so the CLI starts without them
    from bs4 import BeautifulSoup
    from docx.table import Table

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})

_FRONT_MATTER_SUFFIXES = frozenset({".md", ".txt"})
_EMPTY = "filen er tom"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TITLE_LINE = re.compile(r"#{1,6}\s+\S")
_KEY_VALUE = re.compile(r"(\w[\w .-]*?)\s*:\s*(.*)")
_DOCX_HEADING = re.compile(r"(?:heading|overskrift)\s*(\d)", re.IGNORECASE)


def load_document(path: Path, display_path: str | None = None) -> LoadedDocument:
    """Read, extract and normalise one file; raise DocumentError for anything unusable."""
    _check_suffix(path.suffix.lower())
    shown = display_path if display_path is not None else str(path)
    return load_bytes(_read_bytes(path), path.name, shown)


def load_bytes(data: bytes, name: str, display_path: str | None = None) -> LoadedDocument:
    """The same for a file's bytes that never touched the disk (a file dropped in a chat)."""
    suffix = Path(name).suffix.lower()
    _check_suffix(suffix)
    if not data.strip():
        raise DocumentError(_EMPTY)
    text, encoding = _EXTRACTORS[suffix](data)
    text = _normalise_newlines(text)
    front_matter: dict[str, str] = {}
    if suffix in _FRONT_MATTER_SUFFIXES:
        front_matter, text = split_front_matter(text)
    text = _trim_blank_edges(unicodedata.normalize("NFC", text))
    if not text:
        raise DocumentError(_EMPTY)
    return LoadedDocument(
        path=display_path if display_path is not None else name,
        source=name,
        text=text,
        front_matter=front_matter,
        encoding=encoding,
    )


def _check_suffix(suffix: str) -> None:
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"«{suffix}»" if suffix else "uten filendelse"
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise DocumentError(f"filtypen {shown} støttes ikke (støttet: {allowed})")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Pull `key: value` lines between two `---` lines at the start or right after a '# Title'.

    Returns the pairs and the text without the block; the title line is kept. A `---` that
    does not open a block of key/value lines is a horizontal rule and is left alone.
    """
    lines = text.split("\n")
    start = _first_non_blank(lines, 0)
    title: list[str] = []
    if start < len(lines) and _TITLE_LINE.match(lines[start]):
        title = [lines[start]]
        start = _first_non_blank(lines, start + 1)
    if start >= len(lines) or lines[start].strip() != "---":
        return {}, text
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "---"), None)
    pairs = _parse_pairs(lines[start + 1 : end]) if end is not None else None
    if not pairs or end is None:
        return {}, text
    rest = lines[_first_non_blank(lines, end + 1) :]
    joined = title + ([""] if title and rest else []) + rest
    return pairs, "\n".join(joined)


def _parse_pairs(lines: list[str]) -> dict[str, str] | None:
    pairs: dict[str, str] = {}
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_VALUE.fullmatch(stripped)
        if match is None:
            return None
        key, value = match.group(1), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        pairs[key] = value
    return pairs


def _first_non_blank(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("filen finnes ikke") from None
    except IsADirectoryError:
        raise DocumentError("stien er en mappe, ikke en fil") from None
    except PermissionError:
        raise DocumentError("mangler tilgang til å lese filen") from None
    except OSError:
        raise DocumentError("filen kunne ikke leses") from None


def _decode_text(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then cp1252, the usual Norwegian Windows encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and len(_CONTROL.findall(text)) <= len(text) // 100:
            if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
                encoding = "utf-8"
            return text, encoding
    raise DocumentError("filen er ikke lesbar tekst (binær fil eller ukjent tegnkoding)")


def _extract_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and tables in order; headings become '#' lines so the chunker sees them."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[tuple[str, str]] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.append(("table", _docx_table(item)))
            elif item.text.strip():
                blocks.append(_docx_paragraph(item.text.strip(), item.style))
    except Exception:
        raise DocumentError("Word-filen er skadet og kan ikke åpnes") from None
    parts: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if i:
            parts.append("\n" if kind == "list" == blocks[i - 1][0] else "\n\n")
        parts.append(text)
    return "".join(parts), "utf-8"


def _docx_paragraph(text: str, style: object) -> tuple[str, str]:
    name = str(getattr(style, "name", "") or "")
    heading = _DOCX_HEADING.match(name)
    if heading:
        return "heading", "#" * min(max(int(heading.group(1)), 1), 6) + " " + text
    if name.lower() == "title":
        return "heading", "# " + text
    if name.lower().startswith("list"):
        return "list", "- " + text
    return "paragraph", text


def _docx_table(table: Table) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell is repeated once per grid column
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()).replace("|", "/"))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _extract_pdf(data: bytes) -> tuple[str, str]:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("PDF-filen er passordbeskyttet")
        pages = [reflow(page.extract_text() or "").strip() for page in reader.pages]
    except DocumentError:
        raise
    except Exception:
        raise DocumentError("PDF-filen er skadet eller kryptert og kan ikke leses") from None
    text = join_pages([page for page in pages if page])
    if not text:
        raise DocumentError("ingen tekst i PDF-en (skannet?)")
    return text, "utf-8"


_HTML_DROP = ["script", "style", "nav", "noscript", "template", "head"]
_HTML_PARAGRAPH = ["p", "ul", "ol", "table", "blockquote", "pre", "dl", "figure"]
_HTML_LINE = ["div", "section", "article", "header", "footer", "main", "aside", "dt", "dd",
              "figcaption", "address", "form", "hr"]  # fmt: skip


def _extract_html(data: bytes) -> tuple[str, str]:
    """Visible text with '#' headings, '- ' list items and '| a | b |' table rows."""
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString

    raw, encoding = _decode_text(data)
    try:
        soup = BeautifulSoup(raw, "html.parser")
        for tag in soup(_HTML_DROP):
            tag.decompose()
        for string in soup.find_all(string=True):
            if type(string) is NavigableString and string.find_parent("pre") is None:
                string.replace_with(re.sub(r"\s+", " ", str(string)))
        for row in reversed(soup.find_all("tr")):
            cells = [_squash(cell.get_text(" ")) for cell in row.find_all(["td", "th"])]
            row.replace_with(NavigableString("\n| " + " | ".join(cells) + " |"))
        for level in range(1, 7):
            for heading in soup.find_all(f"h{level}"):
                text = _squash(heading.get_text(" "))
                heading.replace_with(NavigableString(f"\n\n{'#' * level} {text}\n\n"))
        _wrap(soup, ["li"], "\n- ", "")
        _wrap(soup, ["br"], "\n", "")
        _wrap(soup, _HTML_PARAGRAPH, "\n\n", "\n\n")
        _wrap(soup, _HTML_LINE, "\n", "\n")
        text = soup.get_text()
    except Exception:
        raise DocumentError("HTML-filen kunne ikke tolkes") from None
    lines = [line.strip() for line in _normalise_newlines(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)), encoding


def _wrap(soup: BeautifulSoup, names: list[str], before: str, after: str) -> None:
    from bs4.element import NavigableString

    for tag in soup.find_all(names):
        tag.insert_before(NavigableString(before))
        tag.insert_after(NavigableString(after))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _trim_blank_edges(text: str) -> str:
    """Drop whitespace-only lines at the start and trailing whitespace; keep the rest as is."""
    return re.sub(r"\A(?:[^\S\n]*\n)+", "", text).rstrip()


_EXTRACTORS: dict[str, Callable[[bytes], tuple[str, str]]] = {
    ".txt": _decode_text,
    ".md": _decode_text,
    ".docx": _extract_docx,
    ".pdf": _extract_pdf,
    ".html": _extract_html,
    ".htm": _extract_html,
}
