"""Link tokens: one signer for draft downloads and source pages, each kind with its own salt."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.signing import LinkRefused, LinkSigner
from bot.drafting.links import DownloadSigner
from bot.teams.source_links import SourceRef, SourceSigner
from indexer.settings import Settings


def test_fields_come_back_until_the_expiry_and_then_the_link_is_expired() -> None:
    signer = LinkSigner(b"k", "salt", ttl_s=60)
    token = signer.dumps({"d": "doc"}, now=1000)
    assert signer.load(token, now=1060) == {"d": "doc", "e": 1060}
    with pytest.raises(LinkRefused) as refused:
        signer.load(token, now=1061)
    assert refused.value.reason == "expired" and refused.value.expired


@pytest.mark.parametrize(
    "other", [LinkSigner(b"other", "salt", 60), LinkSigner(b"k", "pepper", 60)],
    ids=["another-secret", "another-kind-of-link"],
)
def test_a_token_from_another_secret_or_kind_of_link_is_invalid(other: LinkSigner) -> None:
    token = other.dumps({"d": "doc"})
    with pytest.raises(LinkRefused) as refused:
        LinkSigner(b"k", "salt", 60).load(token)
    assert refused.value.reason == "invalid" and not refused.value.expired


def test_without_a_configured_secret_every_signer_in_the_process_shares_one(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    token = SourceSigner.from_settings(settings).sign(SourceRef("d", "d:0000", "utdrag"))
    assert SourceSigner.from_settings(settings).verify(token).doc_id == "d"
    download = DownloadSigner.from_settings(settings).sign("ab12cd34ef", "u")
    with pytest.raises(LinkRefused):  # the same secret, but a download token opens no page
        SourceSigner.from_settings(settings).verify(download)
