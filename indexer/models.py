"""The store's schema: what a document, a chunk and an index run look like at the boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from indexer.access import PUBLIC
from indexer.text.language import Language


class DocType(StrEnum):
    REFERAT = "referat"
    RETNINGSLINJE = "retningslinje"
    UTLYSNING = "utlysning"
    INVITASJON = "invitasjon"
    PROSJEKTBESKRIVELSE = "prosjektbeskrivelse"
    SLUTTRAPPORT = "sluttrapport"
    TILSYNSRAPPORT = "tilsynsrapport"  # an inspection (tilsyn) by Statsforvalteren
    ANNET = "annet"


class LoadedDocument(BaseModel):
    """A file turned into plain text; nothing guessed yet.

    `text` is what gets chunked and cited; character spans of chunks point into it.
    `front_matter` holds the `key: value` pairs found between `---` lines, already removed
    from `text`.
    """

    model_config = ConfigDict(frozen=True)

    path: str  # as given on the command line, relative where possible
    source: str  # base file name, what users see in citations
    text: str
    front_matter: dict[str, str] = {}
    encoding: str = "utf-8"


class MunicipalityMention(BaseModel):
    """A municipality named in a document, resolved against the SSB gazetteer at the doc's date."""

    model_config = ConfigDict(frozen=True)

    name: str  # as written in the document, e.g. "Fjell"
    kommunenummer: str  # number valid at the document's date, e.g. "1246"
    county: str  # county at the document's date, e.g. "Hordaland"
    current_numbers: list[str]  # today's number(s), e.g. ["4626"]
    current_name: str  # today's name(s), e.g. "Øygarden"
    current_county: str  # today's county, e.g. "Vestland"


class DocumentMeta(BaseModel):
    """Facts about one document, stored on every chunk so retrieval can filter."""

    doc_id: str
    source: str
    path: str
    title: str
    doc_type: DocType = DocType.ANNET
    date: dt.date | None = None
    # the year when the date is not known to the day («date: "2021"», a file «2021_…»)
    year: int | None = None
    county: str | None = None  # as the document names it (at the time)
    current_county: str | None = None  # today's county
    network: str | None = None
    municipalities: list[MunicipalityMention] = []
    url: str | None = None  # where the document lives on the web (front matter), if anywhere
    publisher: str | None = None  # who issued it (front matter): «Statsforvaltaren i Rogaland»
    # Who may see it (indexer.access): public unless an access list or a marking restricts it.
    access: list[str] = [PUBLIC]
    declared_access: list[str] | None = None  # the document's own front matter `access:`
    marked: bool = False  # «KONFIDENSIELT» / «unntatt offentlighet» found at index time
    people: list[str] = []  # the people it names («Bente Cecilie Foss»), first mention first
    language: Language | None = None  # written in: «Hvilke dokumenter er skrevet på nynorsk?»

    @property
    def file_format(self) -> str:
        """The file's kind as a reader names it: «pdf», «docx», «md», «txt»."""
        return self.source.rsplit(".", 1)[-1].casefold() if "." in self.source else ""

    @property
    def known_year(self) -> int | None:
        """The document's year, from its date or, lacking one, the year it is known by."""
        return self.date.year if self.date is not None else self.year


class Chunk(BaseModel):
    """A piece of a document small enough to embed, knowing where it came from."""

    chunk_id: str  # stable: doc_id + position
    doc_id: str
    position: int
    text: str
    heading_path: list[str] = []  # e.g. ["Sak 2) Formålet med møte - EVALUERING"]
    start: int  # character span in LoadedDocument.text
    end: int

    @property
    def section(self) -> str | None:
        return " › ".join(self.heading_path) or None


class FileError(BaseModel):
    path: str
    reason: str


class IndexReport(BaseModel):
    """What one `laeringsbot index` run did, for the summary table and for tests."""

    files_seen: int = 0
    files_indexed: int = 0
    chunks_written: int = 0
    skipped_unchanged: int = 0
    removed: int = 0
    errors: list[FileError] = []
    redactions: dict[str, int] = Field(default_factory=dict)
    chunks_embedded: int = 0  # chunks the model embedded; the rest kept their stored vectors
    vectors_repaired: int = 0  # documents indexed again because their vectors were missing
    seconds: float = 0.0
    embed_seconds: float = 0.0

    @property
    def failed_completely(self) -> bool:
        """True when files were offered but none is in the store after the run."""
        usable = self.files_indexed + self.skipped_unchanged
        return self.files_seen > 0 and usable == 0
