"""The .docx read back (A4, metadata, sources, examples apart), signed download links, and the
aiohttp download route."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from docx import Document

from bot import drafting
from bot.core.signing import LinkRefused
from bot.drafting.compose import slug
from bot.drafting.export import download_name, draft_path, plain
from bot.drafting.links import DownloadSigner, download_url
from bot.engine import Core
from bot.teams.downloads import DOCX, download_routes
from indexer.settings import Settings
from tests.fakes import converse, draft_of, understood

HA_TIME = ("Hjelp meg å skrive en prosjektplan for et høykonfliktprosjekt mellom Hå og Time som "
           "skal søke stimuleringsmidler etter utlysningen i Rogaland av 1. mars 2023.")


@pytest.fixture
def draft(sample_context):  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))
    return draft_of(drafting.try_answer(understood(ctx, HA_TIME), ctx))


def paragraphs(path: str) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


def test_docx_has_the_sections_checklist_and_sources(draft):
    document = Document(draft.docx_path)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in draft.sections:
        assert section.title in headings
    assert "Sjekkliste mot kriteriene" in headings and "Kilder" in headings
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Krav", "Status", "Merknad", "Kilde"]
    assert ["Inntil 400\u00a0000 kr per prosjekt (gjelder 2023)", "mangler"] in [r[:2] for r in rows]
    assert "[mangler:" in "\n".join(paragraphs(draft.docx_path))


def test_docx_is_a4_with_norwegian_metadata(draft):
    document = Document(draft.docx_path)
    for section in document.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    properties = document.core_properties
    assert properties.title == draft.title == "Utkast til prosjektplan: høykonflikt – Hå og Time"
    assert properties.author == "Læringsbot" and properties.last_modified_by == "Læringsbot"
    assert properties.language == "nb-NO"
    assert "python-docx" not in f"{properties.author} {properties.comments}"
    assert properties.identifier == draft.file_name == "prosjektplan-hoykonflikt-ha-og-time.docx"


def test_sources_are_named_by_title_and_date_without_file_names_or_markdown(draft):
    text = paragraphs(draft.docx_path)
    sources = text[text.index("Kilder") + 1:]
    assert any(line.startswith("[1] Utlysning av stimuleringsmidler 2023") and
               "(1. mars 2023)" in line for line in sources)
    whole = "\n".join(sources)
    assert ".md" not in whole and ".txt" not in whole
    assert "**" not in whole and "##" not in whole and "|" not in whole


def test_examples_stand_apart_from_the_applicants_text(draft):
    text = paragraphs(draft.docx_path)
    examples_at = text.index("Eksempler fra andre prosjekter")
    own_text = text[:examples_at]
    assert not any("«Barnet i midten»" in line for line in own_text)
    assert any(line.startswith("«Barnet i midten» (Time og Klepp):")
               for line in text[examples_at:])
    for section in draft.sections:  # the payload's sections hold no example either
        assert "Barnet i midten" not in section.text


def test_no_label_is_doubled(sample_context, tmp_path):
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))
    core = Core(ctx, routes=[drafting.try_answer])
    final = converse(core.answer, ["/utkast fosterhjem i Kvam og Voss", "Fosterforeldre",
                                   "Hovedmål: flere stabile fosterhjem", "ferdig"])[-1]
    lines = paragraphs(draft_of(final).docx_path or "")
    assert "Fosterforeldre" in lines  # under «Målgruppe», without «Målgruppe:» again
    assert "Hovedmål: flere stabile fosterhjem" in lines  # not «Mål: Hovedmål: …»
    assert not any(line.startswith(("Målgruppe:", "Mål:")) for line in lines)


def test_the_download_name_is_the_stored_slug(draft):
    assert download_name(Path(draft.docx_path or "")) == "prosjektplan-hoykonflikt-ha-og-time.docx"


@pytest.mark.parametrize(("text", "expected"), [
    ("«Neste steg» – Trondheim og Malvik", "neste-steg-trondheim-og-malvik"),
    ("Fosterhjem på Øygarden/Æsøy", "fosterhjem-pa-oygarden-aesoy"),
    ("../../etc/passwd", "etc-passwd"),
    ("«»", "utkast"),
])
def test_slugs_are_safe_file_names(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize(("markdown", "shown"), [
    ("## Beløp\n\nDet kan søkes om **inntil 400 000 kr**.", "Beløp Det kan søkes om inntil 400 000 kr."),
    ("| Post | Beløp |\n|---|---|\n| Kurs | 140 000 kr |", "Post Beløp Kurs 140 000 kr"),
    ("Se [nettsiden](https://example.no) og *merk* fristen", "Se nettsiden og merk fristen"),
])
def test_markdown_is_shown_as_plain_text(markdown, shown):
    assert plain(markdown) == shown


def test_draft_ids_cannot_escape_the_drafts_folder(tmp_path):
    with pytest.raises(ValueError):
        draft_path(tmp_path, "../../etc/passwd")
    assert draft_path(tmp_path, "ab12cd34ef").parent == tmp_path / "drafts"


def test_signed_link_roundtrip_and_refusals():
    signer = DownloadSigner(b"secret", ttl_s=60)
    token = signer.sign("ab12cd34ef", "user-1", now=1000)
    claims = signer.verify(token, user_id="user-1", now=1030)
    assert claims.draft_id == "ab12cd34ef" and claims.expires_at == 1060
    with pytest.raises(LinkRefused) as expired:
        signer.verify(token, now=1061)
    assert expired.value.expired
    with pytest.raises(LinkRefused) as other:
        signer.verify(token, user_id="user-2", now=1030)
    assert other.value.reason == "other"
    with pytest.raises(LinkRefused):
        DownloadSigner(b"other").verify(token, now=1030)
    signature = token.rsplit(".", 1)[1]
    forged = DownloadSigner(b"other").sign("ffffffffff", "user-1", now=1000).rsplit(".", 1)[0]
    with pytest.raises(LinkRefused):
        signer.verify(f"{forged}.{signature}", now=1030)
    with pytest.raises(LinkRefused):
        signer.verify("not-a-token", now=1030)
    assert download_url("https://bot.example/", token).endswith(f"/downloads/{token}")


def test_empty_secret_means_one_random_secret_per_process(tmp_path):
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    token = DownloadSigner.from_settings(settings).sign("ab12cd34ef", "u")
    assert DownloadSigner.from_settings(settings).verify(token).draft_id == "ab12cd34ef"
    configured = Settings(data_dir=tmp_path, download_secret="s3", _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(LinkRefused):
        DownloadSigner.from_settings(configured).verify(token)


async def test_download_route_serves_only_valid_links(tmp_path):
    settings = Settings(data_dir=tmp_path, download_secret="s3cret", _env_file=None)  # type: ignore[call-arg]
    path = draft_path(tmp_path, "ab12cd34ef")
    path.parent.mkdir(parents=True)
    Document().save(str(path))
    signer = DownloadSigner.from_settings(settings, ttl_s=60)
    app = web.Application()
    app.add_routes(download_routes(settings, signer))
    async with TestClient(TestServer(app)) as client:
        good = await client.get(f"/downloads/{signer.sign('ab12cd34ef', 'u')}")
        assert good.status == 200 and good.headers["Content-Type"] == DOCX
        assert good.headers["Content-Disposition"] == 'attachment; filename="utkast-ab12cd34.docx"'
        assert await good.read() == Path(path).read_bytes()
        wrong = DownloadSigner(b"x").sign("ab12cd34ef", "u")
        assert (await client.get(f"/downloads/{wrong}")).status == 403
        old = signer.sign("ab12cd34ef", "u", now=0)
        assert (await client.get(f"/downloads/{old}")).status == 410
        gone = signer.sign("0123456789", "u")
        assert (await client.get(f"/downloads/{gone}")).status == 404


def test_old_drafts_are_pruned(tmp_path):
    import os

    from bot.drafting.export import prune_drafts

    old, new = draft_path(tmp_path, "aaaaaaaaaa"), draft_path(tmp_path, "bbbbbbbbbb")
    old.parent.mkdir(parents=True)
    for path in (old, new):
        path.write_bytes(b"x")
    os.utime(old, (1, 1))
    assert prune_drafts(tmp_path, max_age_s=3600) == 1
    assert not old.exists() and new.exists()
