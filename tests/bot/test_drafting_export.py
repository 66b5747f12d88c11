"""The .docx read back, signed download links, and the aiohttp download route."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from docx import Document

from bot import drafting
from bot.drafting.export import draft_path
from bot.drafting.links import DownloadSigner, LinkError, download_url
from bot.teams.downloads import DOCX, download_routes
from indexer.settings import Settings
from tests.fakes import draft_of, understood

HA_TIME = ("Hjelp meg å skrive en prosjektplan for et høykonfliktprosjekt mellom Hå og Time som "
           "skal søke stimuleringsmidler etter utlysningen i Rogaland av 1. mars 2023.")


@pytest.fixture
def draft(sample_context):  # type: ignore[no-untyped-def]
    ctx = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))
    return draft_of(drafting.try_answer(understood(ctx, HA_TIME), ctx))


def test_docx_has_the_sections_checklist_and_sources(draft):
    document = Document(draft.docx_path)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in draft.sections:
        assert section.title in headings
    assert "Sjekkliste mot kriteriene" in headings and "Kilder" in headings
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Krav", "Status", "Merknad", "Kilde"]
    assert any(r[0] == "Inntil 400\u00a0000 kr per prosjekt" and r[1] == "mangler" for r in rows)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2023-03-01_utlysning_rogaland_stimuleringsmidler.md" in text
    assert "[mangler:" in text
    assert document.core_properties.title == draft.title


def test_draft_ids_cannot_escape_the_drafts_folder(tmp_path):
    with pytest.raises(ValueError):
        draft_path(tmp_path, "../../etc/passwd")
    assert draft_path(tmp_path, "ab12cd34ef").parent == tmp_path / "drafts"


def test_signed_link_roundtrip_and_refusals():
    signer = DownloadSigner(b"secret", ttl_s=60)
    token = signer.sign("ab12cd34ef", "user-1", now=1000)
    claims = signer.verify(token, user_id="user-1", now=1030)
    assert claims.draft_id == "ab12cd34ef" and claims.expires_at == 1060
    with pytest.raises(LinkError) as expired:
        signer.verify(token, now=1061)
    assert expired.value.expired
    with pytest.raises(LinkError, match="annen bruker"):
        signer.verify(token, user_id="user-2", now=1030)
    with pytest.raises(LinkError):
        DownloadSigner(b"other").verify(token, now=1030)
    signature = token.rsplit(".", 1)[1]
    forged = DownloadSigner(b"other").sign("ffffffffff", "user-1", now=1000).rsplit(".", 1)[0]
    with pytest.raises(LinkError):
        signer.verify(f"{forged}.{signature}", now=1030)
    with pytest.raises(LinkError):
        signer.verify("not-a-token", now=1030)
    assert download_url("https://bot.example/", token).endswith(f"/downloads/{token}")


def test_empty_secret_means_one_random_secret_per_process(tmp_path):
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    token = DownloadSigner.from_settings(settings).sign("ab12cd34ef", "u")
    assert DownloadSigner.from_settings(settings).verify(token).draft_id == "ab12cd34ef"
    configured = Settings(data_dir=tmp_path, download_secret="s3", _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(LinkError):
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
