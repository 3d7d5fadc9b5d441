"""Pure-Python domain: dataclasses and rules. Imports nothing else of cxjournal's."""
