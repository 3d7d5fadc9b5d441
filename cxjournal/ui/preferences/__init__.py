"""The tabs of Edit > Preferences, one module each (see ``dialogs/preferences_dialog.py``)."""
