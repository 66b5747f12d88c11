"""Read side: the answer core and its two faces, Teams and the CLI."""
