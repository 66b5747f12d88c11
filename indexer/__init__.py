"""Write side: files in, knowledge store out. Never imports `bot`."""
