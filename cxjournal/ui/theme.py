"""The app's colours: the system's, light or dark, applied live and remembered, with
secondary text that stays readable (WCAG AA, 4.5:1) on every background it sits on.

Secondary text (tags, team and place lines, footers, defaults beside a field) uses
the palette's ``PlaceholderText`` role, which :func:`readable` sets to the quietest
shade of the text colour that still reaches ``AA_TEXT`` against the window and the
base colours; :func:`secondary` gives a widget that role.
"""

from __future__ import annotations

from typing import TypeVar

from cxjournal.qt.core import QSettings
from cxjournal.qt.gui import QColor, QGuiApplication, QPalette
from cxjournal.qt.widgets import QApplication, QWidget

#: WCAG 2 level AA for body text
AA_TEXT = 4.5
THEMES: dict[str, str] = {"system": "As the system", "light": "Light", "dark": "Dark"}
SETTING_KEY = "appearance/theme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
W = TypeVar("W", bound=QWidget)

_system_palette: QPalette | None = None


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of ``colour``."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _mix(front: QColor, back: QColor, share: float) -> QColor:
    """``share`` of ``front`` over ``back``."""
    return QColor.fromRgbF(
        front.redF() * share + back.redF() * (1 - share),
        front.greenF() * share + back.greenF() * (1 - share),
        front.blueF() * share + back.blueF() * (1 - share),
    )


def secondary_colour(text: QColor, backgrounds: list[QColor], target: float = AA_TEXT) -> QColor:
    """The quietest mix of ``text`` towards the first background that still reaches
    ``target`` against every one of ``backgrounds``."""
    back = backgrounds[0]
    for step in range(55, 101):
        colour = _mix(text, back, step / 100)
        if all(contrast_ratio(colour, b) >= target + 0.05 for b in backgrounds):
            return colour
    return QColor(text)


#: WCAG 2 level AA for lines and marks of a chart (non-text contrast)
AA_GRAPHICS = 3.0
#: a move for the better and for the worse, before they are made readable on a background
BETTER = "#1f9d55"
WORSE = "#d64545"


def readable_tint(colour: QColor, background: QColor, target: float = AA_TEXT) -> QColor:
    """``colour``, deepened (on a light background) or lightened (on a dark one) as little
    as needed to reach ``target`` against ``background``."""
    away = QColor("black") if luminance(background) > 0.4 else QColor("white")
    for step in range(0, 101, 4):
        tint = _mix(away, colour, step / 100)
        if contrast_ratio(tint, background) >= target + 0.05:
            return tint
    return away


def move_colour(change: float, good_when_up: bool, palette: QPalette) -> QColor | None:
    """The text colour of a move: green for the better, red for the worse, readable on the
    palette's base; ``None`` when nothing moved."""
    if change == 0:
        return None
    better = (change > 0) == good_when_up
    return readable_tint(QColor(BETTER if better else WORSE), palette.color(Role.Base))


def readable(palette: QPalette) -> QPalette:
    """``palette`` with its secondary text (``PlaceholderText``) readable on both its
    window, base and alternate rows, and selected text readable on the highlight."""
    result = QPalette(palette)
    for group in (Group.Active, Group.Inactive):
        backgrounds = [
            palette.color(group, role) for role in (Role.Window, Role.Base, Role.AlternateBase)
        ]
        quiet = secondary_colour(palette.color(group, Role.WindowText), backgrounds)
        result.setColor(group, Role.PlaceholderText, quiet)
        # links (the status bar's "updates due") readable on the window
        window = palette.color(group, Role.Window)
        for role in (Role.Link, Role.LinkVisited):
            result.setColor(group, role, readable_tint(palette.color(group, role), window))
        # selected text (and the selected sidebar icon, drawn in it) readable on the
        # highlight: the highlight deepens, towards black or white, until it is
        selected = palette.color(group, Role.HighlightedText)
        highlight = palette.color(group, Role.Highlight)
        away = QColor("black") if luminance(selected) > 0.5 else QColor("white")
        for step in range(0, 60):
            deeper = _mix(away, highlight, step / 100)
            if contrast_ratio(selected, deeper) >= AA_TEXT + 0.05:
                result.setColor(group, Role.Highlight, deeper)
                break
    return result


def secondary(widget: W) -> W:
    """Show ``widget``'s text as secondary text: quieter, still AA readable."""
    widget.setForegroundRole(Role.PlaceholderText)
    return widget


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: "#26282b",
        Role.WindowText: "#e8e8e8",
        Role.Base: "#1d1f21",
        Role.AlternateBase: "#2a2d30",
        Role.ToolTipBase: "#33363a",
        Role.ToolTipText: "#f0f0f0",
        Role.Text: "#e8e8e8",
        Role.Button: "#33363a",
        Role.ButtonText: "#e8e8e8",
        Role.BrightText: "#ff6b6b",
        Role.Highlight: "#3d7fc4",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#7ab8ff",
        Role.LinkVisited: "#c49cff",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3c3f43",
        Role.Mid: "#2e3134",
        Role.Dark: "#151618",
        Role.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#8a8d91"))
    return palette


def light_palette() -> QPalette:
    style = QApplication.style()
    return style.standardPalette() if style is not None else QPalette()


def palette_for(name: str) -> QPalette:
    if name == "dark":
        return dark_palette()
    if name == "light":
        return light_palette()
    return QPalette(_system_palette) if _system_palette is not None else QGuiApplication.palette()


def apply(name: str) -> None:
    """Colour the whole application with theme ``name`` (see ``THEMES``), at once."""
    global _system_palette
    if QApplication.instance() is None:
        return
    if _system_palette is None:
        _system_palette = QGuiApplication.palette()
    QApplication.setPalette(readable(palette_for(name)))


def saved(settings: QSettings) -> str:
    value = str(settings.value(SETTING_KEY, "system"))
    return value if value in THEMES else "system"


def choose(settings: QSettings, name: str) -> None:
    """Apply theme ``name`` and remember it for the next start."""
    if name not in THEMES:
        raise ValueError(f"no theme {name!r}")
    settings.setValue(SETTING_KEY, name)
    settings.sync()
    apply(name)
