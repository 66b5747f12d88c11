"""Without an app id nothing vouches for a request: replies go to loopback only, and only
requests that name a loopback host are served. With one, the SDK's serviceurl claim decides."""

from __future__ import annotations

import pytest

from tests.bot.teams.conftest import Service, activity
from tests.bot.teams.fakes import ConnectorStub, FakeCore
from tests.bot.teams.test_auth import OpenIdStub, openid, secured  # noqa: F401 (fixtures)


@pytest.mark.parametrize("service_url", [
    "http://10.255.255.1:9/", "https://evil.example/", "http://169.254.169.254/latest/",
    "http://[2001:db8::1]:80/", "http://127.0.0.1.evil.example/", "file:///etc/passwd",
    "http://127.0.0.1:99999/", "not a url",
])
async def test_anonymous_mode_refuses_a_reply_address_that_is_not_loopback(
    service: Service, connector: ConnectorStub, core: FakeCore,
    no_remote_connections: list[object], service_url: str,
) -> None:
    status, text = await service.post(activity(connector, "Hei", serviceUrl=service_url))
    await service.settle()
    assert status == 403 and "loopback" in text
    assert core.calls == [] and connector.sent == []
    assert no_remote_connections == []  # refused before anything was looked up or opened


@pytest.mark.parametrize("service_url", ["http://127.0.0.1:{port}/", "http://localhost:{port}/",
                                         "http://127.8.9.10:{port}/"])
async def test_anonymous_mode_answers_a_loopback_reply_address(
    service: Service, connector: ConnectorStub, service_url: str
) -> None:
    port = connector.url.rsplit(":", 1)[1].strip("/")
    url = service_url.format(port=port)
    status, _ = await service.post(activity(connector, "Hei", serviceUrl=url,
                                            deliveryMode="expectReplies"))
    assert status == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:3978", "10.0.0.1:3978", ""])
async def test_anonymous_mode_refuses_a_request_naming_another_host(
    service: Service, connector: ConnectorStub, core: FakeCore, host: str
) -> None:
    status, _ = await service.post(activity(connector, "Hei"), headers={"Host": host})
    assert status == 403 and core.calls == []
    async with service.http.get(f"{service.url}/healthz", headers={"Host": host}) as resp:
        assert resp.status == 403


@pytest.mark.parametrize("host", ["localhost:3978", "127.0.0.1", "[::1]:3978"])
async def test_anonymous_mode_serves_a_loopback_host(service: Service, host: str) -> None:
    async with service.http.get(f"{service.url}/healthz", headers={"Host": host}) as resp:
        assert resp.status == 200


async def test_authenticated_mode_keeps_the_sdk_service_url_claim_check(
    secured: Service, connector: ConnectorStub, openid: OpenIdStub  # noqa: F811
) -> None:
    token = openid.token("https://smba.trafficmanager.net/emea/")  # vouches for another URL
    status, _ = await secured.post(activity(connector, "Hei"),
                                   headers={"Authorization": f"Bearer {token}"})
    await secured.settle()
    assert status == 401 and connector.sent == []
