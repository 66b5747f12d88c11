"""A referat as a Word file, and a file host on 127.0.0.1 standing in for SharePoint/OneDrive.

Used by the HTTP tests and the browser test: the bot is told (LAERINGSBOT_FILE_HOSTS) that this
loopback host may be fetched from, as Teams' own download URLs are in production.
"""

from __future__ import annotations

import io

from aiohttp import web
from docx import Document

from tests.servers import serve_app

REFERAT_NAME = "Referat styringsgruppe Valdres 14.03.2024.docx"


def referat_docx() -> bytes:
    """Minutes as people write them in Word: headings per Sak, decisions, who does what, next."""
    document = Document()
    document.add_heading("Referat fra styringsgruppemøte i læringsnettverket i Valdres, "
                         "14.03.2024", 1)
    document.add_paragraph("Sted: Fagernes, kl. 10.00–13.00")
    document.add_paragraph("Til stede: Ingrid Haugen (Nord-Aurdal kommune), Per Bakke (Vestre "
                           "Slidre kommune), Liv Strand (Statsforvalteren i Innlandet)")
    document.add_heading("Sak 5/24 Felles fosterhjemstjeneste", 2)
    document.add_paragraph("Kommunene har drøftet en felles fosterhjemstjeneste for Valdres. "
                           "Behovet for flere fosterhjem er stort i alle seks kommunene.")
    document.add_paragraph("Vedtak: Styringsgruppen går inn for en felles fosterhjemstjeneste "
                           "fra 1. januar 2025.")
    document.add_paragraph("Oppfølging: Lage forslag til samarbeidsavtale – ansvar: Ingrid "
                           "Haugen, Nord-Aurdal kommune.")
    document.add_heading("Sak 6/24 Eventuelt", 2)
    document.add_paragraph("Statsforvalteren minnet om fristen for rapportering på "
                           "stimuleringsmidler 1. mai 2024.")
    document.add_heading("Neste møte", 2)
    document.add_paragraph("Neste møte: 12. juni 2024 kl. 10.00 i Fagernes.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class FileHost:
    """Serves the files it is given at /files/{name}; records every request."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.requests: list[str] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _serve(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        data = self.files.get(request.match_info["name"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    async def start(self) -> FileHost:
        app = web.Application()
        app.router.add_get("/files/{name}", self._serve)
        self._runner, self.url = await serve_app(app)
        return self

    async def close(self) -> None:
        if self._runner:
            await self._runner.cleanup()


def file_attachment(name: str, download_url: str) -> dict[str, object]:
    """A file as Teams attaches it in a 1:1 chat."""
    return {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "contentUrl": f"https://contoso-my.sharepoint.com/personal/kari/Documents/{name}",
        "name": name,
        "content": {"downloadUrl": download_url, "uniqueId": "1a2b3c", "fileType": "docx"},
    }
