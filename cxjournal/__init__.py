"""cxjournal: a private desktop journal for the influence a CX leader works through."""

__version__ = "0.1.0"
