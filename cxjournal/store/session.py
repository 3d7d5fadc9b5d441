"""The store's transaction handle, by the name the layers above use for it.

``exchange/`` and ``cli/`` pass a session from :meth:`Journal.session` to the
store's functions and never use it themselves: every query is the store's.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["Session"]
