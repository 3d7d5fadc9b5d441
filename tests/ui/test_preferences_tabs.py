"""Edit > Preferences holds the thresholds, the early warning, backups and the colours;
the old menu entries open their tab; secondary text and selection reach WCAG AA."""

from __future__ import annotations

from typing import Any

import pytest

from cxjournal.domain.early_warning import DEFAULT_RULE, WarningRule
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal.backup_ops import RetentionPolicy, retention_policy
from cxjournal.journal.changes import Area
from cxjournal.qt.core import QSettings
from cxjournal.qt.gui import QPalette
from cxjournal.qt.widgets import QApplication
from cxjournal.ui import theme
from cxjournal.ui.lock.lock_actions import open_preferences

Role = QPalette.ColorRole


def _tab(main_window: Any, qtbot: Any, name: str) -> Any:
    dialog = open_preferences(main_window.services, name)
    qtbot.addWidget(dialog)
    return dialog, dialog.pages[name]


def test_thresholds_save_as_they_change_and_reset(main_window: Any, qtbot: Any) -> None:
    journal = main_window.journal
    seen: list[Area] = []
    main_window.bus.changed.connect(seen.append)
    dialog, tab = _tab(main_window, qtbot, "ThresholdsTab")
    assert dialog.tabs.currentWidget().widget() is tab
    tab.inputs["lean_gap"].setValue(4)
    assert journal.settings.get("thresholds")["lean_gap"] == 4  # whole numbers stay whole
    assert any(changes & Area.SETTINGS for changes in seen)
    tab.inputs["vulnerability_share"].setValue(0.8)
    assert journal.settings.thresholds().vulnerability_share == 0.8
    tab.reset_button.click()
    assert tab.inputs["vulnerability_share"].value() == 0.5
    assert journal.settings.thresholds() == Thresholds()
    assert journal.settings.get("thresholds") is None
    assert not tab.error.isVisibleTo(dialog)


def test_the_old_menu_entries_open_their_tab(main_window: Any, qtbot: Any) -> None:
    edit = {a.text(): a for a in main_window.menu("edit").actions()}
    help_ = {a.text(): a for a in main_window.menu("help").actions()}
    for action, tab in (
        (edit["Alarm &thresholds…"], "ThresholdsTab"),
        (help_["Resilience &early warning…"], "WarningRuleTab"),
    ):
        from cxjournal.ui.dialogs.preferences_dialog import PreferencesDialog

        before = set(main_window.findChildren(PreferencesDialog))
        action.trigger()
        (dialog,) = set(main_window.findChildren(PreferencesDialog)) - before
        assert dialog.isVisible()
        assert dialog.tabs.currentWidget().widget() is dialog.pages[tab]
        dialog.close()
        QApplication.processEvents()


def test_warning_rule_saves_as_it_changes(main_window: Any, qtbot: Any) -> None:
    journal = main_window.journal
    _dialog, tab = _tab(main_window, qtbot, "WarningRuleTab")
    assert tab.rule() == DEFAULT_RULE
    tab.energy_drop.setValue(4.5)
    assert journal.resilience.warning_rule() == WarningRule(energy_drop=4.5)
    assert "4.5" in tab.explanation.text()
    tab.recent_days.setValue(3)
    assert tab.min_recent.maximum() == 3
    tab.reset_button.click()
    assert journal.resilience.warning_rule() == DEFAULT_RULE


def test_backups_kept_are_saved(main_window: Any, qtbot: Any) -> None:
    _dialog, tab = _tab(main_window, qtbot, "BackupsTab")
    assert (tab.daily.value(), tab.weekly.value()) == (7, 4)
    tab.daily.setValue(10)
    tab.weekly.setValue(0)
    assert retention_policy(main_window.journal) == RetentionPolicy(10, 0)
    assert tab.weekly.text() == "None"


def test_theme_applies_at_once_and_is_remembered(
    main_window: Any, qtbot: Any, ui_settings: QSettings
) -> None:
    _dialog, tab = _tab(main_window, qtbot, "AppearanceTab")
    try:
        tab.buttons["dark"].click()
        window = QApplication.palette().color(Role.Window)
        assert theme.luminance(window) < 0.05
        assert theme.saved(ui_settings) == "dark"
        tab.buttons["light"].click()
        assert theme.luminance(QApplication.palette().color(Role.Window)) > 0.5
        assert theme.saved(QSettings(ui_settings.fileName(), QSettings.Format.IniFormat)) == (
            "light"
        )
    finally:
        theme.choose(ui_settings, "system")


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_secondary_text_and_selection_reach_aa(name: str, qapp: Any) -> None:
    palette = theme.readable(theme.palette_for(name))
    quiet = palette.color(Role.PlaceholderText)
    for background in (Role.Window, Role.Base, Role.AlternateBase):
        ratio = theme.contrast_ratio(quiet, palette.color(background))
        assert ratio >= theme.AA_TEXT, (name, background, ratio)
    for text, background in (
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.HighlightedText, Role.Highlight),
        (Role.ButtonText, Role.Button),
        (Role.Link, Role.Window),
    ):
        ratio = theme.contrast_ratio(palette.color(text), palette.color(background))
        assert ratio >= theme.AA_TEXT, (name, text, background, ratio)
    # quieter than the text itself: it still reads as secondary
    assert theme.contrast_ratio(quiet, palette.color(Role.Window)) < theme.contrast_ratio(
        palette.color(Role.WindowText), palette.color(Role.Window)
    )


def test_contrast_ratio_matches_wcag(qapp: Any) -> None:
    from cxjournal.qt.gui import QColor

    assert theme.contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, 0.01)


def _drawn_in_selected_text_colour(window: Any, row: int) -> bool:
    from cxjournal.qt.gui import QIcon

    item = window.sidebar.item(row)
    selected = item.icon().pixmap(20, 20, QIcon.Mode.Selected).toImage()
    colour = window.palette().color(Role.HighlightedText)
    drawn = [
        selected.pixelColor(x, y)
        for x in range(20)
        for y in range(20)
        if selected.pixelColor(x, y).alpha() > 200
    ]
    return bool(drawn) and all(theme.contrast_ratio(c, colour) < 1.3 for c in drawn)


def test_selected_sidebar_icon_is_drawn_in_the_selected_text_colour(main_window: Any) -> None:
    assert _drawn_in_selected_text_colour(main_window, 0), (
        "the selected icon is drawn in the selected text's colour"
    )
    last = main_window.sidebar.count() - 1
    main_window.sidebar.setCurrentRow(last)  # a click or a key moves the selection so
    assert _drawn_in_selected_text_colour(main_window, last)


def test_start_up_colours_only_the_current_page_icon(
    qtbot: Any, journal: Any, ui_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui import main_window as main_window_module

    coloured: list[str] = []
    original = main_window_module.selectable_icon

    def counting(name: str, selected: str) -> Any:
        coloured.append(name)
        return original(name, selected)

    monkeypatch.setattr(main_window_module, "selectable_icon", counting)
    window = main_window_module.MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    assert coloured == [window._specs[0].icon]  # not every page's, at every size
    assert not _drawn_in_selected_text_colour(window, 1)
    window.page(window._specs[1].key)  # built hidden, as the warm-up does after the paint
    assert _drawn_in_selected_text_colour(window, 1)  # ready before its row is selected
