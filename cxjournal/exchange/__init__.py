"""Getting journals in and out: exchange format v2 (reads v1), whole-journal import and
export, audit snapshots (PDF, Markdown, CSV, JSON) and demo data.

``format_read``, ``format_write`` and ``demo`` are pure Python; ``importer`` and
``exporter`` work on a journal; only ``snapshot_pdf`` uses Qt, and it is imported
only when a PDF is asked for.
"""
