"""Charts drawn with pyqtgraph.

Import a chart module only where the chart is shown (never at start-up): importing
pyqtgraph takes longer than opening the main window.
"""
