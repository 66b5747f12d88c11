"""One way to sign link tokens: itsdangerous with SHA-256, a salt per kind of link, so a draft
download token never opens a source page and the reverse."""

from __future__ import annotations

import hashlib

from itsdangerous import URLSafeSerializer


def link_serializer(secret: bytes, salt: str) -> URLSafeSerializer:
    if not secret:
        raise ValueError("secret must not be empty")
    return URLSafeSerializer(secret, salt=salt, signer_kwargs={"digest_method": hashlib.sha256})
