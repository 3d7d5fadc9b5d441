"""The floor no Qt app can beat: a QMainWindow with one label, quitting after its first paint."""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False


window.installEventFilter(QuitAfterPaint(window))
window.show()
app.exec()
