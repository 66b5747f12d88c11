"""`python -m bot.cli`: the `laeringsbot` command without its installed script (tests, other checkouts)."""

from bot.cli import app

app()
