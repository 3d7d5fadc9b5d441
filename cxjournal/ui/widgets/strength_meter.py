"""How hard a passphrase is to guess, shown as it is typed (zxcvbn); the app only recommends."""

from __future__ import annotations

from cxjournal.domain.passphrase import RECOMMENDED_SCORE, Strength, strength
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName("Passphrase strength")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.current: Strength | None = None
        self.rate("")

    def rate(self, passphrase: str) -> Strength | None:
        if not passphrase:
            self.current = None
            self.bar.setValue(0)
            self.label.setText(
                "Several uncommon words make a passphrase that is easy to remember and hard "
                "to guess."
            )
            return None
        rated = strength(passphrase)
        self.current = rated
        self.bar.setValue(rated.score)
        verdict = (
            f"Strength: {rated.label} (guessed offline in {rated.crack_time})."
            if rated.score >= RECOMMENDED_SCORE
            else f"Strength: {rated.label} (guessed offline in {rated.crack_time}). "
            "A stronger one is recommended; the choice is yours."
        )
        self.label.setText(f"{verdict} {rated.advice}".strip())
        return rated
