"""Which files an activity offers, and which addresses the bot may fetch them from."""

from __future__ import annotations

import pytest
from botbuilder.schema import Activity

from bot.teams.files import FileOffer, FilePolicy, FileRefused, fetch, offers
from indexer.settings import Settings
from tests.bot.teams.files_stub import file_attachment
from tests.servers import serve_app

POLICY = FilePolicy.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]


def incoming(**body: object) -> Activity:
    return Activity().deserialize({"type": "message", **body})


def test_a_personal_chat_file_is_offered_with_its_download_url() -> None:
    activity = incoming(attachments=[
        file_attachment("Referat.docx", "https://contoso-my.sharepoint.com/dl?tempauth=x"),
        {"contentType": "text/html", "content": "<div>Referat.docx</div>"},
    ])
    [offer] = offers(activity)
    assert offer.name == "Referat.docx" and not offer.linked
    assert offer.download_url.endswith("tempauth=x")
    assert offer.content_url and offer.content_url.startswith("https://contoso-my.sharepoint.com/")


def test_a_channel_message_offers_its_linked_files_only() -> None:
    html = ('<p><at>Læringsbot</at> se <a href="https://contoso.sharepoint.com/sites/lnb/'
            'Delte%20dokumenter/Referat%20mars.docx">Referat mars.docx</a> og '
            '<a href="https://www.bufdir.no/">Bufdir</a></p>')
    [offer] = offers(incoming(text=html))
    assert offer.name == "Referat mars.docx" and offer.linked
    assert offers(incoming(text="Hva er fristen?")) == []


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://contoso-my.sharepoint.com/personal/x/a.docx", True),
    ("https://contoso.sharepoint.com/sites/a/b.pdf", True),
    ("https://graph.microsoft.com/v1.0/drives/x/content", True),
    ("http://contoso.sharepoint.com/a.docx", False),  # not https
    ("https://sharepoint.com.evil.example/a.docx", False),
    ("https://evilsharepoint.com/a.docx", False),
    ("http://127.0.0.1:8080/a.docx", False),  # loopback only when listed
])  # fmt: skip
def test_only_https_on_microsoft_hosts_is_fetched(url: str, allowed: bool) -> None:
    assert POLICY.allows(url) is allowed


def test_a_listed_loopback_host_may_be_fetched_over_http() -> None:
    policy = FilePolicy(("127.0.0.1",), 1_000)
    assert policy.allows("http://127.0.0.1:8080/a.docx")
    assert not policy.allows("http://localhost:8080/a.docx")


async def test_a_redirect_off_the_allowed_hosts_is_not_followed() -> None:
    from aiohttp import ClientSession, web

    app = web.Application()
    app.router.add_get("/a.docx", lambda _: web.HTTPFound("https://login.microsoftonline.com/"))
    runner, url = await serve_app(app)
    try:
        offer = FileOffer("a.docx", f"{url}/a.docx", linked=True)
        async with ClientSession() as session:
            with pytest.raises(FileRefused) as refused:
                await fetch(offer, FilePolicy(("127.0.0.1",), 1_000), session)
        assert refused.value.key == "signin"  # SharePoint wants a sign-in the bot does not have
    finally:
        await runner.cleanup()
