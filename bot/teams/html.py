"""The bot's own small web pages (a cited document, the code form): one look, no scripts."""

from __future__ import annotations

from html import escape

from aiohttp import web

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
          "line-height:1.55;color:#242424}h1{font-size:1.5rem}.meta{color:#616161}"
          "mark{background:#fff1a8;padding:.1em 0;scroll-margin-top:30vh}")
_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Cache-Control": "private, no-store"}


def html_page(title: str, body: str, status: int = 200) -> web.Response:
    html = (f'<!doctype html><html lang="nb"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{body}</body></html>")
    return web.Response(text=html, status=status, content_type="text/html", headers=_HEADERS)
