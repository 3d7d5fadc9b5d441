"""The journal's service API, called by the GUI and the CLI alike.

    journal = Journal.open(path, passphrase)
    journal.people.add(Person(name="Ana Silva"))

Operations take and return domain objects; every write is one transaction.
"""

from cxjournal.journal.core import Journal

__all__ = ["Journal"]
