"""The Qt shell: main window, one module per page, dialogs and widgets. Never runs SQL."""
