"""Persistence: SQLAlchemy models, engine and pragmas, schema migrations, backups."""
