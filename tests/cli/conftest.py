"""The command tests use the store tests' small real disk."""

from tests.store.conftest import small_disk

__all__ = ["small_disk"]
