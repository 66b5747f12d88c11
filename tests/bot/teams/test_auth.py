"""With an app id every request needs a valid Bot Framework JWT; without one, loopback only."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.teams.server import check_auth_settings, sdk_auth
from indexer.errors import ConfigError
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore

APP_ID = "6d2f1b7e-4a35-4c1e-9f0a-2b8c3d4e5f60"
ISSUER = "https://api.botframework.com"


class OpenIdStub:
    """OpenID metadata + JWKS on a thread: the SDK fetches them with blocking `requests`."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": "test-key", "endorsements": ["msteams"]})
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                doc = {"jwks_uri": f"{stub.url}/keys"} if "openid" in self.path else {"keys": [jwk]}
                data = json.dumps(doc).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def token(self, service_url: str, audience: str = APP_ID, key: object = None) -> str:
        claims = {
            "iss": ISSUER,
            "aud": audience,
            "serviceurl": service_url,
            "exp": int(time.time()) + 600,
            "nbf": int(time.time()) - 10,
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": "test-key"})


@pytest.fixture(scope="module")
def openid() -> Iterator[OpenIdStub]:
    stub = OpenIdStub()
    yield stub
    stub.server.shutdown()


@pytest.fixture
async def secured(tmp_path: Path, openid: OpenIdStub) -> AsyncIterator[Service]:
    settings = Settings(data_dir=tmp_path, app_id=APP_ID, app_password="secret", _env_file=None)  # type: ignore[call-arg]
    auth = sdk_auth(  # the public-cloud settings, with our own signing keys
        settings,
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=f"{openid.url}/openid",
        TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER,
    )
    async with serving(settings, FakeCore(), auth=auth) as service:
        yield service


@pytest.mark.parametrize(
    "header",
    [None, "Bearer garbage", "Bearer a.b.c", "garbage", "Basic dXNlcjpwdw=="],
)
async def test_requests_without_a_valid_token_get_401(
    secured: Service, connector: ConnectorStub, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    status, _ = await secured.post(activity(connector, "Hei"), headers=headers)
    assert status == 401
    await secured.settle()
    assert connector.sent == []


@pytest.mark.parametrize(
    ("audience", "own_key"),
    [(APP_ID, False), ("someone-else", True)],
    ids=["signed-with-another-key", "for-another-bot"],
)
async def test_a_forged_token_gets_401(
    secured: Service, connector: ConnectorStub, openid: OpenIdStub, audience: str, own_key: bool
) -> None:
    other = None if own_key else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = openid.token(connector.url, audience=audience, key=other)
    status, _ = await secured.post(
        activity(connector, "Hei"), headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 401


async def test_valid_channel_token_is_accepted(
    secured: Service, connector: ConnectorStub, openid: OpenIdStub
) -> None:
    body = activity(connector, "Hei", deliveryMode="expectReplies")
    token = openid.token(connector.url)
    status, text = await secured.post(body, headers={"Authorization": f"Bearer {token}"})
    assert status == 200
    assert json.loads(text)["activities"][-1]["text"].endswith("[1].")


async def test_anonymous_service_rejects_a_garbage_bearer_with_401(
    service: Service, connector: ConnectorStub
) -> None:
    status, _ = await service.post(
        activity(connector, "Hei"), headers={"Authorization": "Bearer garbage"}
    )
    assert status == 401


def test_anonymous_mode_refuses_a_public_address(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="app_id"):
        check_auth_settings(settings)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost"])
def test_anonymous_mode_is_allowed_on_loopback(tmp_path: Path, host: str) -> None:
    check_auth_settings(Settings(data_dir=tmp_path, host=host, _env_file=None))  # type: ignore[call-arg]


def test_app_id_without_password_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, app_id=APP_ID, host="0.0.0.0", _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="app_password"):
        check_auth_settings(settings)
