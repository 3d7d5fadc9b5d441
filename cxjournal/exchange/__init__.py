"""Getting journals in and out: exchange format v1 (read and write) and demo data.

Everything here is pure Python: no database and no Qt. The store-facing import
and export build on :mod:`cxjournal.exchange.format_v1`.
"""
