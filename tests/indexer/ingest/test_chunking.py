import pytest

from indexer.ingest.chunking import embedding_text, split_document
from indexer.ingest.structure import agenda_items
from indexer.models import Chunk, DocType
from tests.conftest import KNOWLEDGE

CORPUS = sorted(p.name for p in KNOWLEDGE.iterdir() if p.name != "README.md")
REFERATER = [
    "000_9cd953df84ef8b74.txt",
    "004_300499633755e007.txt",
    "2020-02-11_referat_styringsgruppe_vestland.md",
    "2021-10-26_referat_nettverkssamling_trondelag.md",
    "2023-05-10_referat_styringsgruppe_setesdal.md",
]


def read(name: str) -> str:
    with open(KNOWLEDGE / name, encoding="utf-8") as handle:
        return handle.read()


def doc_type_of(name: str) -> DocType:
    return DocType.REFERAT if name in REFERATER else DocType.ANNET


def long_section(sentences: int) -> str:
    body = " ".join(
        f"Setning nummer {i} handler om fosterhjem i Kvam og Voss og hva kommunene lærte."
        for i in range(sentences)
    )
    return f"# Sluttrapport\n\n## Erfaringer\n\n{body}\n\n## Videreføring\n\nDrift fra 2025.\n"


@pytest.mark.parametrize("name", CORPUS)
@pytest.mark.parametrize(("size", "overlap"), [(1200, 150), (300, 60)])
def test_chunk_spans_point_exactly_into_the_text(name: str, size: int, overlap: int) -> None:
    text = read(name)
    chunks = split_document(text, "doc", doc_type_of(name), size, overlap)
    assert chunks
    for position, chunk in enumerate(chunks):
        assert text[chunk.start : chunk.end] == chunk.text
        assert 0 < len(chunk.text) <= size
        assert chunk.position == position
        assert chunk.chunk_id == f"doc:{position:04d}"
        assert chunk.doc_id == "doc"


@pytest.mark.parametrize("name", CORPUS)
@pytest.mark.parametrize(("size", "overlap"), [(1200, 150), (250, 40)])
def test_no_text_is_lost_between_chunks(name: str, size: int, overlap: int) -> None:
    text = read(name)
    covered = [False] * len(text)
    for chunk in split_document(text, "doc", doc_type_of(name), size, overlap):
        covered[chunk.start : chunk.end] = [True] * (chunk.end - chunk.start)
    lost = [i for i, char in enumerate(text) if not char.isspace() and not covered[i]]
    assert lost == []


@pytest.mark.parametrize(
    "body",
    ["Godkjent.\n\n\n\n" * 60, "x" * 3000, "Ja. " * 700, "| Post | Beløp |\n" * 150],
)
def test_repeated_text_is_still_cut_into_exact_spans_without_gaps(body: str) -> None:
    text = f"## Vedtak\n\n{body}"
    chunks = split_document(text, "d", DocType.ANNET, 200, 50)
    assert all(text[c.start : c.end] == c.text and len(c.text) <= 200 for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text.rstrip())
    for earlier, later in zip(chunks, chunks[1:], strict=False):
        assert earlier.start < later.start and not text[earlier.end : later.start].strip()


def test_same_text_gives_same_chunk_ids_and_spans() -> None:
    text = read("000_9cd953df84ef8b74.txt")
    first = split_document(text, "abc123", DocType.REFERAT, 800, 100)
    second = split_document(text, "abc123", DocType.REFERAT, 800, 100)
    assert [c.model_dump() for c in first] == [c.model_dump() for c in second]
    assert first[0].chunk_id == "abc123:0000" and first[-1].chunk_id.startswith("abc123:00")


def test_long_section_is_split_with_overlap_under_its_heading() -> None:
    text = long_section(30)
    chunks = split_document(text, "d", DocType.SLUTTRAPPORT, 400, 120)
    inside = [c for c in chunks if c.heading_path == ["Erfaringer"]]
    assert len(inside) > 3
    assert all(len(c.text) <= 400 for c in inside)
    assert all(
        later.start < earlier.end for earlier, later in zip(inside, inside[1:], strict=False)
    )
    # the title and the heading open the first chunk instead of standing alone
    assert chunks[0] is inside[0]
    assert inside[0].text.startswith("# Sluttrapport\n\n## Erfaringer\n\nSetning nummer 0")
    assert all(c.text.endswith("lærte.") for c in inside)  # cut between sentences
    assert chunks[-1].heading_path == ["Videreføring"]


def test_section_that_fits_is_one_chunk() -> None:
    text = read("2020-02-11_referat_styringsgruppe_vestland.md")
    chunks = split_document(text, "d", DocType.REFERAT, 1200, 150)
    sak2 = [c for c in chunks if c.heading_path[:1] == [agenda_items(text)[1].heading]]
    assert len(sak2) == 1
    assert sak2[0].text.startswith("### Sak 2/2020 Status i prosjektet")
    assert sak2[0].text.endswith("ansvar: Jorunn Steinsland, Kvam herad.")


@pytest.mark.parametrize("name", REFERATER)
def test_every_sak_keeps_its_own_chunks_even_when_tiny(name: str) -> None:
    text = read(name)
    chunks = split_document(text, "d", DocType.REFERAT, 1200, 150)
    for sak in agenda_items(text):
        own = [c for c in chunks if c.heading_path[:1] == [sak.heading]]
        assert own, sak.heading
        assert own[0].start == sak.start  # the chunk opens with the Sak heading line
        assert all(sak.start <= c.start and c.end <= sak.end for c in own)


def test_heading_only_parent_is_folded_into_its_first_child() -> None:
    text = read("001_16f217685acad70e.txt")
    chunks = split_document(text, "d", DocType.REFERAT, 1200, 150)
    parent = (
        "Kommunene arbeider videre med to prosjekter frem mot søknadsfristen den 1. november 2018:"
    )
    assert [parent] not in [c.heading_path for c in chunks]
    child = next(c for c in chunks if "#### Barnevernets rolle" in c.text)
    assert child.heading_path == [parent, "Barnevernets rolle i høykonfliktsaker"]
    assert child.text.startswith("### **Kommunene arbeider videre")


def test_near_empty_siblings_merge_under_their_shared_parent_only() -> None:
    text = "## Mål\n\nSe vedlegg.\n\n## Målgruppe\n\nBarn.\n\n## Tiltak\n\n" + (
        "Rekruttering og opplæring. " * 20
    )
    chunks = split_document(text, "d", DocType.PROSJEKTBESKRIVELSE, 1200, 100)
    assert len(chunks) == 1
    assert chunks[0].heading_path == []  # never cite "Tiltak" for the Mål text


def test_short_section_with_real_content_keeps_its_own_chunk_and_heading() -> None:
    text = read("2022-01-10_retningslinje_trondelag_stimuleringsmidler.md")
    chunks = split_document(text, "d", DocType.RETNINGSLINJE, 1200, 150)
    egenandel = next(c for c in chunks if "minst 25 prosent" in c.text)
    assert egenandel.heading_path == ["4. Egenandel"]
    assert egenandel.text.startswith("## 4. Egenandel") and "Endringer" not in egenandel.text


def test_small_sections_stay_apart_when_merging_would_exceed_chunk_size() -> None:
    text = "## A\n\n" + "a" * 150 + "\n\n## B\n\n" + "b " * 100
    chunks = split_document(text, "d", DocType.ANNET, 250, 20)
    assert [c.heading_path for c in chunks] == [["A"], ["B"]]


def _chunk(text: str, heading_path: list[str], position: int = 0, start: int = 0) -> Chunk:
    return Chunk(chunk_id=f"d:{position:04d}", doc_id="d", position=position, text=text,
                 heading_path=heading_path, start=start, end=start + len(text))


def test_embedding_text_carries_title_and_heading_path() -> None:
    chunk = _chunk("Vedtak: Referatet godkjent.", ["Sak 7/2021 Godkjenning av referat"],
                   position=2, start=10)
    text = embedding_text(chunk, "Referat fra nettverkssamling i Trøndelag, 26.10.2021")
    assert text == (
        "Referat fra nettverkssamling i Trøndelag, 26.10.2021\n"
        "Sak 7/2021 Godkjenning av referat\n\nVedtak: Referatet godkjent."
    )


def test_embedding_text_header_stays_short_for_long_titles_and_paths() -> None:
    chunk = _chunk("Kort tekst.", ["Overskrift " * 40, "Nærmeste overskrift"])
    text = embedding_text(chunk, "Tittel " * 100)
    header = text.removesuffix("\n\nKort tekst.")
    assert len(header) <= 420
    assert header.endswith("Nærmeste overskrift")
    assert embedding_text(chunk.model_copy(update={"heading_path": []}), "") == "Kort tekst."


def test_overlap_not_smaller_than_chunk_size_is_refused() -> None:
    with pytest.raises(ValueError, match="chunk_overlap"):
        split_document("tekst", "d", DocType.ANNET, 100, 100)


def test_empty_or_blank_text_has_no_chunks() -> None:
    assert split_document("", "d", DocType.ANNET, 1200, 150) == []
    assert split_document(" \n\n\t", "d", DocType.ANNET, 1200, 150) == []
