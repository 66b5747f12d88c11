"""Small, named errors that carry a message a user can act on."""


class LaeringsbotError(Exception):
    """Base class: `str(exc)` is shown to the user as is."""


class ConfigError(LaeringsbotError):
    """A setting is wrong; raised at start, naming the setting."""


class DocumentError(LaeringsbotError):
    """One file could not be read; the run reports it and goes on."""


class StoreError(LaeringsbotError):
    """The knowledge store is missing, locked or inconsistent."""
