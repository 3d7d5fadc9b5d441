"""Charts drawn with pyqtgraph.

Import a chart module only where the chart is shown (never at start-up): importing
pyqtgraph takes longer than opening the main window. Every chart module loads it
through :mod:`cxjournal.qt.graphs`, imported here first.
"""

import cxjournal.qt.graphs  # noqa: F401  (pyqtgraph, before any chart module imports it)
