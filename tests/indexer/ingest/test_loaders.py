import contextlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from indexer.errors import DocumentError
from indexer.ingest.loaders import SUPPORTED_SUFFIXES, load_document, split_front_matter
from tests.conftest import KNOWLEDGE

NORWEGIAN = "Læringsnettverket i Bærum – «fosterhjem» for små barn på Øygarden.\nÆØÅ æøå é"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _pdf(*pages: str, user_password: str | None = None, encrypt: bool = False) -> bytes:
    pdf = FPDF()
    if encrypt or user_password is not None:
        pdf.set_encryption(owner_password="eier", user_password=user_password or "")
    for page in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)  # core font: latin-1, which covers æøå
        pdf.multi_cell(0, 10, page)
    return bytes(pdf.output())


# --- text files and encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "recorded"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")]
)
def test_norwegian_text_reads_the_same_in_every_supported_encoding(
    tmp_path: Path, encoding: str, recorded: str
) -> None:
    path = _write(tmp_path, "notat.txt", NORWEGIAN.encode(encoding))
    document = load_document(path)
    assert document.text == NORWEGIAN
    assert document.encoding == recorded


def test_cp1252_html_is_decoded_before_parsing(tmp_path: Path) -> None:
    html = "<html><body><p>Søknad fra Bærum – «viktig»</p></body></html>"
    document = load_document(_write(tmp_path, "side.htm", html.encode("cp1252")))
    assert document.text == "Søknad fra Bærum – «viktig»"
    assert document.encoding == "cp1252"


def test_line_endings_and_unicode_form_are_normalised(tmp_path: Path) -> None:
    decomposed = "Sa\u030amling"  # 'å' as a + combining ring
    path = _write(tmp_path, "a.txt", f"\r\n  \r\nLinje 1\r\n{decomposed}\rLinje 3\r\n\r\n".encode())
    assert load_document(path).text == "Linje 1\nS\u00e5mling\nLinje 3"


def test_inner_whitespace_and_first_line_indent_are_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "\n\n \tTilstede:\n\n\n  Kari\t, Trondheim  \n\n")
    assert load_document(path).text == " \tTilstede:\n\n\n  Kari\t, Trondheim"


def test_source_is_file_name_and_path_is_display_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "referat.md", "# Referat\n\nTekst")
    assert load_document(path).path == str(path)
    document = load_document(path, display_path="knowledge/referat.md")
    assert (document.source, document.path) == ("referat.md", "knowledge/referat.md")


# --- front matter -------------------------------------------------------------------------


def test_front_matter_at_start_is_parsed_and_removed(tmp_path: Path) -> None:
    text = "---\ntype: referat\ndato: '2020-02-11'\nfylke: \"Vestland\"\n---\n\n# Referat\n\nTekst"
    document = load_document(_write(tmp_path, "a.md", text))
    assert document.front_matter == {"type": "referat", "dato": "2020-02-11", "fylke": "Vestland"}
    assert document.text == "# Referat\n\nTekst"


def test_front_matter_after_title_keeps_the_title_line(tmp_path: Path) -> None:
    text = (
        "# Prosjektbeskrivelse\n\n---\ntype: prosjektbeskrivelse\nkommuner: Fjell, Sund\n---\n"
        "\n**Søker:** Fjell"
    )
    document = load_document(_write(tmp_path, "a.md", text))
    assert document.front_matter == {"type": "prosjektbeskrivelse", "kommuner": "Fjell, Sund"}
    assert document.text == "# Prosjektbeskrivelse\n\n**Søker:** Fjell"


def test_front_matter_in_txt_file_is_parsed_too(tmp_path: Path) -> None:
    document = load_document(_write(tmp_path, "a.txt", "---\ndato: 2021-10-26\n---\nTekst"))
    assert (document.front_matter, document.text) == ({"dato": "2021-10-26"}, "Tekst")


def test_horizontal_rule_in_body_is_not_front_matter(tmp_path: Path) -> None:
    text = "# Tittel\n\nInnledning.\n\n---\ntype: referat\n---\n\nSlutt."
    document = load_document(_write(tmp_path, "a.md", text))
    assert document.front_matter == {}
    assert document.text == text


def test_rules_around_plain_prose_are_not_front_matter() -> None:
    text = "---\nDette er en vanlig setning uten kolon\n---\nMer tekst"
    assert split_front_matter(text) == ({}, text)


def test_unclosed_front_matter_is_left_in_the_text() -> None:
    text = "---\ntype: referat\nTekst"
    assert split_front_matter(text) == ({}, text)


# --- docx, pdf, html ----------------------------------------------------------------------


def test_docx_headings_paragraphs_lists_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Prosjektplan for Øygarden", level=1)
    document.add_paragraph("Innledning om fosterhjem.")
    document.add_heading("Budsjett", level=2)
    table = document.add_table(rows=2, cols=2)
    cells = [cell for row in table.rows for cell in row.cells]
    for cell, value in zip(cells, ["Post", "Beløp", "Kurs", "50 000"], strict=True):
        cell.text = value
    document.add_paragraph("Første punkt", style="List Bullet")
    document.add_paragraph("Andre punkt", style="List Bullet")
    document.add_paragraph("   ")
    document.add_paragraph("Slutt.")
    path = tmp_path / "plan.docx"
    document.save(path)

    assert load_document(path).text == (
        "# Prosjektplan for Øygarden\n\nInnledning om fosterhjem.\n\n## Budsjett\n\n"
        "| Post | Beløp |\n| Kurs | 50 000 |\n\n- Første punkt\n- Andre punkt\n\nSlutt."
    )


def test_docx_merged_table_cell_appears_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Samlet"
    table.cell(0, 2).text = "Egen"
    path = tmp_path / "t.docx"
    document.save(path)
    assert load_document(path).text == "| Samlet | Egen |"


def test_pdf_pages_are_joined_with_blank_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.pdf", _pdf("Referat fra Bærum: æøå ÆØÅ", "Side to"))
    assert load_document(path).text == "Referat fra Bærum: æøå ÆØÅ\n\nSide to"


def test_pdf_with_only_owner_password_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.pdf", _pdf("Åpen tekst", encrypt=True))
    assert load_document(path).text == "Åpen tekst"


def test_html_drops_scripts_and_navigation_and_marks_headings(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>T</title><style>p {color: red}</style></head>
    <body><nav><a href="/">Hjem</a></nav><script>alert('x')</script><!-- kommentar -->
    <h1>Utlysning   2023</h1><p>Midler fra
       Bufdir.<br>Frist 1. mai.</p>
    <h3>Ordninger</h3><ul><li>Egeninitierte</li><li>Fosterhjem</li></ul>
    <table><tr><th>Post</th><th>Beløp</th></tr><tr><td>Kurs</td><td>50&nbsp;000</td></tr></table>
    <div>Kontakt <b>Statsforvalteren</b></div></body></html>"""
    assert load_document(_write(tmp_path, "u.html", html)).text == (
        "# Utlysning 2023\n\nMidler fra Bufdir.\nFrist 1. mai.\n\n### Ordninger\n\n"
        "- Egeninitierte\n- Fosterhjem\n\n| Post | Beløp |\n| Kurs | 50 000 |\n\n"
        "Kontakt Statsforvalteren"
    )


# --- bad files ------------------------------------------------------------------------------


def _reason(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    return str(caught.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert _reason(tmp_path / "borte.md") == "filen finnes ikke"


def test_directory_is_reported(tmp_path: Path) -> None:
    assert "mappe" in _reason(_mkdir(tmp_path / "mappe.txt"))


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "hemmelig.txt", "tekst")
    path.chmod(0)
    assert "tilgang" in _reason(path)


@pytest.mark.parametrize("name", ["regneark.xlsx", "gammel.doc", "README"])
def test_unsupported_suffix_is_reported(tmp_path: Path, name: str) -> None:
    reason = _reason(_write(tmp_path, name, "tekst"))
    assert "støttes ikke" in reason
    assert all(suffix in reason for suffix in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize(
    ("name", "data"),
    [("tom.txt", b""), ("blank.md", b" \n\t\r\n"), ("tom.pdf", b""), ("bom.txt", b"\xef\xbb\xbf")],
)
def test_empty_file_is_reported(tmp_path: Path, name: str, data: bytes) -> None:
    assert _reason(_write(tmp_path, name, data)) == "filen er tom"


def test_markdown_with_only_front_matter_is_empty(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, "a.md", "---\ntype: referat\n---\n")) == "filen er tom"


@pytest.mark.parametrize("name", ["junk.txt", "junk.md", "junk.html"])
def test_binary_junk_is_not_text(tmp_path: Path, name: str) -> None:
    junk = bytes(range(256)) * 4 + b"\x00\x00\x89PNG"
    assert "ikke lesbar tekst" in _reason(_write(tmp_path, name, junk))


def test_corrupt_docx_is_reported(tmp_path: Path) -> None:
    assert "Word-filen er skadet" in _reason(_write(tmp_path, "a.docx", b"dette er ikke en zip"))


def test_docx_zip_without_document_part_is_reported(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hei")
    assert "Word-filen er skadet" in _reason(_write(tmp_path, "a.docx", buffer.getvalue()))


def test_corrupt_pdf_is_reported(tmp_path: Path) -> None:
    assert "PDF-filen er skadet" in _reason(_write(tmp_path, "a.pdf", b"%PDF-1.4\nikke en pdf"))


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf_or_docx_never_raises_anything_but_document_error(
    tmp_path: Path, fraction: float
) -> None:
    buffer = io.BytesIO()
    word = docx.Document()
    word.add_paragraph("Tekst " * 200)
    word.save(buffer)
    for name, data in [("a.pdf", _pdf("Tekst " * 200)), ("a.docx", buffer.getvalue())]:
        path = _write(tmp_path, name, data[: int(len(data) * fraction)])
        with contextlib.suppress(DocumentError):
            load_document(path)


def test_password_protected_pdf_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.pdf", _pdf("hemmelig", user_password="passord"))
    assert _reason(path) == "PDF-filen er passordbeskyttet"


def test_pdf_without_text_is_reported_as_scanned(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")  # a picture of a page, no text layer
    path = _write(tmp_path, "skannet.pdf", bytes(pdf.output()))
    assert _reason(path) == "ingen tekst i PDF-en (skannet?)"


# --- the sample corpus --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", sorted(p for p in KNOWLEDGE.iterdir() if p.name != "README.md"), ids=lambda p: p.name
)
def test_every_sample_document_loads(path: Path) -> None:
    document = load_document(path)
    assert document.text.strip() and document.source == path.name
    if path.suffix == ".md":
        assert {"type", "dato", "fylke", "kommuner"} <= document.front_matter.keys()
        assert document.text.startswith("# ") and "\n---\n" not in document.text


def test_bytes_from_a_chat_load_like_a_file(tmp_path: Path) -> None:
    from indexer.ingest.loaders import load_bytes

    data = b"---\ntittel: Notat\n---\nNotat om fosterhjem.\n"
    (tmp_path / "notat.md").write_bytes(data)
    assert load_bytes(data, "notat.md") == load_document(tmp_path / "notat.md", "notat.md")
    with pytest.raises(DocumentError, match="støttes ikke"):
        load_bytes(b"PK", "tabell.xlsx")
