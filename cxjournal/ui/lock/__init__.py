"""Locking the open journal: idle time, the desktop session's lock, the unlock prompt."""
