"""`python -m bot.cli …`: the same app as the `laeringsbot` script, for a checkout without it."""

from bot.cli import app

app(prog_name="laeringsbot")
